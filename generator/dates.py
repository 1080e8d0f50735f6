"""Dated events: the date expressions of a source, resolved against its own dates. Pure.

Each date expression ("On April 27 of this year", "on September 12, 2020", "in the spring of 2023",
"last month", "March 28-29", "16/7/2014") becomes an Event: the sentence that carries it, with the
date cut to its precision (day, month, season, year) and how it was resolved. A date without a
year takes it from the *reference date*: the latest full date stated earlier in the same section
(a compilation's "Radio of Armenia, 23 March 2015"), else the source's publication date. A month
later in the year than the reference month is taken to be the year before ("in October", written
in July). Relative dates ("yesterday", "last month", "on Saturday") need a reference precise
enough (a day, a month); otherwise the event is kept, marked unresolved, and left off the
timeline's dated part. Dates in citations ("(Interfax, Moscow, March 29)") and in the line that
says when the article was published are not events.

Why not dateparser's search_dates here (it is used for date lines, in metadata.py): on the seeds'
sentences it read the verbs "may" and "march" as dates, "March 28-29" as 1929-03-28, "by September"
as a past September, "the spring of 2023" as 4 May 2023 (an invented day), "3/4/2019" month-first
without saying so, and found nothing in "Last month". Precision and the source's own reference
date matter more here than breadth, so the patterns are explicit (tests/test_dates.py).
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from datetime import datetime
from functools import lru_cache

from generator.models import NONE, Block, BlockKind, DateField, Event
from generator.text import sentence_spans

MONTHS = {m.lower(): i for i, m in enumerate(
    "January February March April May June July August September October November December".split(), 1)}
MONTHS.update({m.lower(): i for i, m in enumerate("Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split(), 1)})
MONTHS["sept"] = 9
SEASONS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}  # the month a season starts
WEEKDAYS = {d: i for i, d in enumerate("monday tuesday wednesday thursday friday saturday sunday".split())}

_M = r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December|" \
     r"Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
_D = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_Y = r"(?P<year>(?:1[89]|20)\d\d)"
_END = r"(?![\w-])"
# Most specific first; where two overlap, the earlier and longer one wins.
PATTERNS = [
    ("range", re.compile(rf"\b(?:from\s+)?{_M}\s+{_D}\s*(?:-|–|to|and)\s*(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?(?:,?\s+{_Y})?{_END}")),
    ("mdy", re.compile(rf"\b{_M}\s+{_D},?\s+{_Y}{_END}")),
    ("dmy", re.compile(rf"\b{_D}\s+(?:of\s+)?{_M},?\s+{_Y}{_END}")),
    ("the-dm", re.compile(rf"\bthe\s+{_D}\s+of\s+{_M}(?:,?\s+{_Y})?{_END}")),
    ("numeric", re.compile(r"(?<![\w/.-])(?P<a>[0-3]?\d)[/.](?P<b>[0-3]?\d)[/.](?P<year>(?:19|20)\d\d)(?![\w/-])(?!\.\d)")),
    # A season needs a year or "the"/"this"/"last" before it: "prices may fall", "the Arab Spring" are not dates.
    ("season", re.compile(rf"\b(?:[Ii]n\s+)?(?:[Tt]he\s+)?(?P<season>spring|summer|autumn|fall|winter)(?:\s+of)?\s+{_Y}{_END}|"
                          rf"\b(?:[Ii]n\s+)?(?:[Tt]he|[Tt]his|[Ll]ast)\s+(?P<season2>spring|summer|autumn|winter){_END}")),
    ("month-part", re.compile(rf"\b(?P<part>(?i:early|late|mid|the end of|the beginning of|the start of))[\s-]+{_M}"
                              rf"(?:,?\s+{_Y})?{_END}")),
    ("my", re.compile(rf"\b{_M},?\s+{_Y}{_END}")),
    ("md", re.compile(rf"\b{_M}\s+{_D}{_END}(?!\s*(?:km|%|percent))")),
    ("dm", re.compile(rf"\b{_D}\s+{_M}{_END}")),
    ("month", re.compile(rf"\b(?:in|since|until|by|the)\s+{_M}{_END}(?!\s+\d)")),
    ("relative", re.compile(r"\b(?P<rel>yesterday|last month|last year|this year|this month|"
                            r"next year|next month)\b", re.IGNORECASE)),
    ("weekday", re.compile(r"\b(?:[Oo]n|[Ll]ast)\s+(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")),
    ("year", re.compile(rf"(?<![\w/.,-]){_Y}(?![\w/%-])(?!\s*(?:km|kilomet|people|soldiers|troops))")),
]
# "(Interfax, Moscow, March 29)", "(see “Kommersant” on September 23, 2013)": where a date was reported
CITATION = re.compile(r"\(\s*(?:[A-Z][\w .&’'-]{1,40},[^()]{0,80}|see\s[^()]{1,120})\)")
PUBLISHED = re.compile(r"\b(?:originally|first)?\s*published\b", re.IGNORECASE)
MAX_TEXT = 400
FULL = ("mdy", "dmy", "numeric")
DATELINE = 40  # characters: a full date this close to a section's start is its dateline
FORWARD = re.compile(r"^(?:by|until|till|before|next)\b", re.IGNORECASE)  # "by September": the coming one


def extract_events(blocks: tuple[Block, ...], published: DateField) -> tuple[Event, ...]:
    """Every dated event of a source's body, in text order.

    Args:
        blocks: the body, with anchors (headings start a new section of a compilation).
        published: the source's publication date, the reference for dates without a year.
    """
    events: list[Event] = []
    reference = _as_reference(published)
    in_section = 0  # blocks since the last heading
    sections = 0
    for block in blocks:
        if block.kind == BlockKind.HEADING:
            reference, in_section = _as_reference(published), 0  # a new section: the source's own date
            sections += 1
            continue
        in_section += 1
        skip = [m.span() for m in CITATION.finditer(block.text)]
        starts = sentence_spans(block.text)
        offsets = [s for s, _ in starts]
        found = []
        for kind, match in _expressions(block.text):
            if any(a <= match.start() < b for a, b in skip):
                continue
            value, precision, end, note = resolve(kind, match, reference)
            if (kind in FULL and value and sections and in_section <= 2 and match.start() <= DATELINE
                    and (len(block.text.split()) <= 10 or block.text.lstrip().startswith("("))):
                # A section's dateline ("Radio of Armenia, 23 March 2015", "(SFP 16/7/2014) ~"):
                # the reference for what follows, not an event of its own.
                reference = (dt.date.fromisoformat(value), "day")
                continue
            sentence = starts[bisect_right(offsets, match.start()) - 1][1]
            if PUBLISHED.search(sentence):
                continue
            text = sentence if len(sentence) <= MAX_TEXT else sentence[:MAX_TEXT].rsplit(" ", 1)[0] + " …"
            sentence_start = starts[bisect_right(offsets, match.start()) - 1][0]
            before = block.text[sentence_start:match.start()]
            if value and kind in FORWARDABLE and _coming(before) and _compare(value, published) == -1:
                value, end, note = _forward(kind, value, end, note)  # "will begin on April 3": the coming one
            kind = _kind(before, match.group(0), value, published)
            found.append(Event(value, precision, end, text, match.group(0).strip(), block.anchor, note, match.start(),
                               kind))
        events.extend(_finest(found))
    return tuple(events)


# the word just before a date (or the first of its expression: "since October", "by September")
SINCE = re.compile(r"\bsince\b[^,.;:!?()]{0,60}$", re.IGNORECASE)  # "since 1994", "since they invaded the country in 2001"
UNTIL = re.compile(r"\b(?:until|till|up to)\s*$", re.IGNORECASE)
BY = re.compile(r"\bby\s*(?:the\s+end\s+of\s+)?$", re.IGNORECASE)
FUTURE = re.compile(r"\b(?:will|would|shall|plans? to|planned (?:to|for)|planning to|expects?|expected|scheduled|"
                    r"preparing to|prepares to|set to|going to|upcoming|to be (?:held|built|completed)|aims? to|"
                    r"intends? to|forecasts?|projected)\b", re.IGNORECASE)
# "Unlike the agreement announced on the 27th of April, this one ...": a date in an opening comparison
COMPARISON = re.compile(r"^[“\"‘]?(?:Unlike|Like|As with|Compared (?:with|to)|In contrast to|Similar(?:ly)? to|Just as)\b")


FORWARDABLE = ("range", "the-dm", "md", "dm", "month", "month-part", "weekday")  # dates without a year
PAST = re.compile(r"\b(?:was|were|had|been)\b", re.IGNORECASE)
REPORTING = re.compile(r"\b(?:said|says|told|announced|reported|saying|stated|quoted|cited)\b", re.IGNORECASE)


def _coming(before: str) -> bool:
    """Does the clause that leads to a date say it is coming ("will begin on", "is scheduled for", "by")?
    Only the date's own clause counts ("China will build a base, an official said on Thursday": the
    Thursday is when it was said), a cue after its last reporting verb, and not a clause in the past
    tense ("was originally scheduled for")."""
    clause = re.split(r"[,;:()]", before)[-1]
    cues = [m.end() for m in FUTURE.finditer(clause)] + [m.end() for m in BY.finditer(clause)]
    reported = [m.end() for m in REPORTING.finditer(clause)]
    # "KBO said the new season will begin on": the cue after the reporting verb counts
    return bool(cues) and not PAST.search(clause) and max(cues) > max(reported, default=-1)


def _kind(before: str, expression: str, value: str | None, published: DateField) -> str:
    """What a date is to its sentence (Event.kind), from the words before it in the sentence and the
    report's own date: a date after the report is a plan or forecast, whatever the words."""
    if COMPARISON.match(before) and "," not in before:
        return "mentioned"
    words = f"{before}{expression.split()[0]} " if expression.split() else before  # "since October": "since" counts
    if SINCE.search(before) or SINCE.search(words.rstrip()):
        return "since"
    order = _compare(value, published)
    if UNTIL.search(before) or UNTIL.search(words.rstrip()):  # "will last till December 20": a plan
        return "plan" if order == 1 or (_coming(before) and order != -1) else "until"
    # a date after the report; one the sentence says is coming ("will", "plans to", "by"), not before the report
    by = BY.search(before) or BY.search(words.rstrip())
    if order == 1 or (order == 0 and (by or _coming(before))) or (
            by and not published.value):
        return "plan"
    return "event"


def _forward(kind: str, value: str, end: str | None, note: str) -> tuple[str, str | None, str]:
    """A date without a year (or a weekday) that the sentence says is coming, resolved before the report:
    the next one instead (a week on for a weekday, a year on otherwise)."""
    def shift(iso: str) -> str:
        if kind == "weekday":
            return (dt.date.fromisoformat(iso) + dt.timedelta(days=7)).isoformat()
        year, rest = iso[:4], iso[4:]
        if rest == "-02-29":
            return iso  # no 29 February the year after: left as resolved
        return f"{int(year) + 1:04d}{rest}"
    return shift(value), (shift(end) if end else None), f"{note}; the sentence speaks of it as coming, so the next one"


def _compare(value: str | None, published: DateField) -> int | None:
    """A date against the report's own date, at the precision both have: -1 before, 0 the same, 1 after;
    None when either is missing."""
    if not value or not published.value or not value[:4].isdigit():
        return None
    common = min(len(value), len(published.value))
    if len(value) > 7 and not value[5:7].isdigit():  # a season: "2023-spring"
        common = 4
    a, b = value[:common], published.value[:common]
    return (a > b) - (a < b)


def _finest(found: list[Event]) -> list[Event]:
    """In one sentence, "April 27" makes "this year" redundant: drop a date that another refines."""
    return [e for e in found if not any(
        o is not e and o.text == e.text and o.date and e.date and o.date != e.date and o.date.startswith(e.date)
        for o in found)]


def _expressions(text: str):
    """(kind, match) for every date expression, leftmost-longest, never overlapping."""
    found = []
    for rank, (kind, pattern) in enumerate(PATTERNS):
        for m in pattern.finditer(text):
            found.append((m.start(), -(m.end() - m.start()), rank, kind, m))
    found.sort(key=lambda f: f[:3])
    reach = 0
    for start, _, _, kind, m in found:
        if start >= reach:
            reach = m.end()
            yield kind, m


def _as_reference(published: DateField) -> tuple[dt.date, str] | None:
    if not published.value:
        return None
    parts = [int(p) for p in published.value.split("-")] + [1, 1]
    return dt.date(parts[0], parts[1], parts[2]), published.precision or "year"


def resolve(kind: str, m: re.Match, reference) -> tuple[str | None, str, str | None, str]:
    """(ISO date cut to precision or None, precision, end of a range or None, how it was resolved)."""
    g = m.groupdict()
    year = int(g["year"]) if g.get("year") else None
    month = MONTHS[g["month"].lower().rstrip(".")] if g.get("month") else None
    ref_date, ref_precision = reference if reference else (None, None)

    def year_for(month_: int) -> tuple[int | None, str]:
        if year:
            return year, "stated"
        if ref_date is None:
            return None, "no year, and the source has no date"
        if ref_precision in ("day", "month") and month_ > ref_date.month and not FORWARD.match(m.group(0)):
            return ref_date.year - 1, f"year taken as the one before {ref_date.isoformat()[:7]} (a later month)"
        return ref_date.year, f"year taken from the reference date {ref_date.isoformat()[:{'day': 10, 'month': 7}.get(ref_precision, 4)]}"

    if kind in ("range", "mdy", "dmy", "the-dm", "md", "dm"):
        y, note = year_for(month)
        day = int(g["day"])
        if not _valid(y or 2000, month, day):
            return None, "day", None, "not a calendar date"
        if y is None:
            return None, "day", None, note
        value = dt.date(y, month, day).isoformat()
        end = None
        if kind == "range" and g.get("day2") and _valid(y, month, int(g["day2"])) and int(g["day2"]) > day:
            end = dt.date(y, month, int(g["day2"])).isoformat()
        return value, "day", end, note
    if kind == "numeric":
        a, b = int(g["a"]), int(g["b"])
        if a > 12 and _valid(year, b, a):
            return dt.date(year, b, a).isoformat(), "day", None, "day/month/year (the first number is over 12)"
        if b > 12 and _valid(year, a, b):
            return dt.date(year, a, b).isoformat(), "day", None, "month/day/year (the second number is over 12)"
        if _valid(year, b, a):
            return dt.date(year, b, a).isoformat(), "day", None, "day/month/year assumed (both orders possible)"
        return None, "day", None, "not a calendar date"
    if kind in ("my", "month", "month-part"):
        y, note = year_for(month)
        return (f"{y:04d}-{month:02d}" if y else None), "month", None, note
    if kind == "season":
        season = (g.get("season") or g.get("season2")).lower()
        if not year and ref_date is not None and m.group(0).lower().lstrip().startswith(("last", "in last")):
            year = ref_date.year - 1 if SEASONS[season] >= ref_date.month else ref_date.year
        y, note = (year, "stated") if year else (ref_date.year if ref_date else None, "year of the reference date")
        if y is None:
            return None, "season", None, "no year, and the source has no date"
        return f"{y:04d}-{season}", "season", None, note
    if kind == "year":
        return f"{year:04d}", "year", None, "stated"
    if kind == "relative":
        rel = g["rel"].lower()
        needs = {"yesterday": "day", "this month": "month", "last month": "month",
                 "next month": "month", "this year": "year", "last year": "year", "next year": "year"}[rel]
        if ref_date is None or _coarser(ref_precision, needs):
            return None, needs, None, f"“{rel}”, but the source's date is not precise to the {needs}"
        if rel == "yesterday":
            if ref_date <= dt.date.min + dt.timedelta(days=7):
                return None, "day", None, "not a calendar date"
            return (ref_date - dt.timedelta(days=1)).isoformat(), "day", None, f"“{rel}” from {ref_date.isoformat()}"
        if "month" in rel:
            shift = {"this month": 0, "last month": -1, "next month": 1}[rel]
            y, mo = divmod(ref_date.year * 12 + ref_date.month - 1 + shift, 12)
            return f"{y:04d}-{mo + 1:02d}", "month", None, f"“{rel}” from {ref_date.isoformat()[:7]}"
        shift = {"this year": 0, "last year": -1, "next year": 1}[rel]
        return f"{ref_date.year + shift:04d}", "year", None, f"“{rel}” from {ref_date.year}"
    if kind == "weekday":
        if ref_date is None or ref_precision != "day":
            return None, "day", None, f"“{m.group(0)}”, but the source's date is not precise to the day"
        # "on Monday" in a report of a Monday is that day (news names the day of the week, today's
        # too: "had a telephone call on Monday", datelined Monday 5 July); "last Monday" a week before
        back = (ref_date.weekday() - WEEKDAYS[g["weekday"].lower()]) % 7 or (7 if m.group(0)[:1] in "Ll" else 0)
        if ref_date <= dt.date.min + dt.timedelta(days=7):
            return None, "day", None, "not a calendar date"
        day = ref_date - dt.timedelta(days=back)
        return day.isoformat(), "day", None, (f"the {g['weekday']} before {ref_date.isoformat()}" if back
                                              else f"the day of the report, a {g['weekday']}")
    return None, "", None, "not understood"


def _valid(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


def _coarser(have: str | None, need: str) -> bool:
    order = {"day": 0, "month": 1, "season": 2, "year": 3}
    return have is None or order.get(have, 3) > order[need]


@lru_cache(maxsize=1)
def _date_parser():
    from dateparser.date import DateDataParser

    return DateDataParser(
        languages=["en"],
        settings={"PREFER_DAY_OF_MONTH": "first", "DATE_ORDER": "DMY", "REQUIRE_PARTS": ["month", "year"]},
    )


_FAST_FORMATS = (("%B %d %Y", "day"), ("%d %B %Y", "day"), ("%b %d %Y", "day"), ("%d %b %Y", "day"),
                 ("%Y-%m-%d", "day"), ("%B %Y", "month"), ("%b %Y", "month"), ("%Y-%m", "month"), ("%Y", "year"))


ISO_LENGTH = {"day": 10, "month": 7, "year": 4}  # "2021-05-04", "2021-05", "2021"


def parse_date(text: str, basis: str, evidence: str) -> DateField:
    """A written date → DateField with its precision; DateField(None) when it is not a date.

    The common written forms are read directly (dateparser costs ~5 ms a call); the rest go to it.
    """
    cleaned = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", text.strip().rstrip("."))
    plain = re.sub(r"^(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\s+)?", "", cleaned.replace(",", " "))
    plain = " ".join(plain.replace("Sept ", "Sep ").split())
    for fmt, precision in _FAST_FORMATS:
        try:
            parsed = datetime.strptime(plain, fmt)
        except ValueError:
            continue
        return DateField(parsed.date().isoformat()[:ISO_LENGTH[precision]], precision, basis, evidence)
    data = _date_parser().get_date_data(cleaned)
    if data.date_obj is None:
        return DateField(None, None, NONE, "")
    precision = data.period if data.period in ISO_LENGTH else "day"
    return DateField(data.date_obj.date().isoformat()[:ISO_LENGTH[precision]], precision, basis, evidence)
