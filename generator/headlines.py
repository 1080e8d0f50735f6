"""Where a text says what it is and when: its headline, dateline and date line.

Steps of metadata.extract_metadata, as in credits.py.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from generator import patterns as P
from generator.credits import clean_name
from generator.dates import parse_date
from generator.models import STATED, DateField, Field
from generator.text import ends_sentence, is_title_case, squash, word_count
from generator.text import words as words_of


def headline(body: list[str], found: dict, top: int = P.TOP_LINES) -> list[str]:
    """The headline: the first line, or the first headline-like line near the top that the article's
    text follows (what stands above it is page furniture, and goes); else a Title Case line near
    the end, or a headline put under the text's opening."""
    if not body or "title" in found:
        return body
    body = _capitals_joined(body, top)
    chosen = _best_headline(body, top)
    for n, para in enumerate(body[:top]):
        if n == chosen:
            parts = P.HEADLINE_SPLIT.split(para, maxsplit=1)
            where = "first line" if n == 0 else f"line {n + 1}, under {n} line(s) of page furniture"
            if cited := P.CITED_HEADLINE.match(parts[0].strip()):  # "Headline, Eurasia Daily Monitor Volume: 16"
                parts[0] = cited.group("title")
                found.setdefault("publication", Field(cited.group("pub"), STATED, para))
            found["title"] = Field(parts[0].strip(), STATED, where)
            if len(parts) > 1:
                found["subtitle"] = Field(parts[1].strip(), STATED, f"{where}, after the separator")
            # What stands above goes, but for a date line (the page's date, read next). One under
            # the headline comes first: above it, a date may be the site's clock ("• Mon. Jun 17th, 2024").
            above = [p for p in body[:n] if _date_lead(p)]
            below = body[n + 1:]
            under = next((i for i, p in enumerate(below[:P.LEAD_WITHIN]) if _date_lead(p)), None)
            return below if under is not None else above + below
        if word_count(para) >= P.LEAD_WORDS:
            break  # the article began without a headline
    for n in range(len(body) - 1, max(len(body) - 5, 0), -1):
        para = body[n]
        if _title_like(para) and is_title_case(para) and 4 <= word_count(para) <= 20 and not P.ROLE_CREDIT.match(para):
            found["title"] = Field(para, STATED, f"headline line {n + 1} of {len(body)}")
            return body[:n] + _end_matter(body[n + 1:], found)
    if (n := _headline_under_text(body)) is not None:
        found["title"] = Field(body[n], STATED, f"line {n + 1}, under the opening of the text it heads")
        return body[:n] + _end_matter(body[n + 1:n + 3], found) + body[n + 3:]
    return body


def _headline_under_text(body: list[str]) -> int | None:
    """A headline that a page puts under its article's opening ("<lead> / <more sentences> /
    <headline> / Related articles ..."): the first headline-like line after the opening's last long
    paragraph, with only sentences between, whose words the text above it mostly says, and under
    which the page's furniture follows but no article text (lists, labels, other items' titles)."""
    long = [n for n, p in enumerate(body[:P.TOP_LINES]) if word_count(p) >= P.LEAD_WORDS]
    if not long:
        return None
    for n in range(long[-1] + 1, min(len(body), long[-1] + 1 + P.LEAD_WITHIN)):
        para = body[n]
        if not (_title_like(para) and 4 <= word_count(para) <= 25) or P.BYLINE.match(para) or _date_lead(para):
            if ends_sentence(para):
                continue  # more of the text
            return None
        if n == len(body) - 1 or any(word_count(p) >= P.LEAD_WORDS for p in body[n + 1:]):
            return None  # the text's last line (cut off where a copy ends), or text goes on below it
        mine = _stems(para)
        said = _stems(" ".join(body[:n]))
        return n if mine and len(mine & said) / len(mine) >= P.HEADLINE_UNDER_TOLD else None
    return None


def _best_headline(body: list[str], top: int) -> int | None:
    """Of the headline-like lines above the article's lead, the one that speaks of what the text
    says: the first whose words the text mostly repeats, else the one it repeats most (a slogan,
    a menu item or an interface question shares no word with the article), else the first."""
    candidates = []
    for n, para in enumerate(body[:top]):
        if _headline_at(body, n):
            candidates.append((n, _told(para, body[n + 1:])))
        if word_count(para) >= P.LEAD_WORDS:
            break
    if not candidates:
        return None
    told = next((n for n, share in candidates if share >= P.HEADLINE_TOLD), None)
    if told is None:
        n, share = max(candidates, key=lambda c: (c[1], -c[0]))
        told = n if share > 0 else candidates[0][0]
    # given twice above the text (the page's title, then its heading): the copy nearer the text; also
    # when the first copy has the page's breadcrumbs before it ("Home India News Dikshit lauds ...")
    return max(n for n, _ in candidates if n >= told and (body[n] == body[told] or (
        body[told].endswith(" " + body[n]) and 2 * len(body[n]) >= len(body[told]))))


def _told(line: str, rest: list[str]) -> float:
    """The share of a line's words (their first five letters) that the text below says again."""
    mine = _stems(line)
    text = " ".join(p for p in rest[:P.HEADLINE_TEXT_LINES] if word_count(p) >= P.LEAD_WORDS // 2)
    return len(mine & _stems(text)) / len(mine) if mine and text else 0.0


def _stems(text: str) -> set[str]:
    return {w.casefold()[:5] for w in re.findall(r"[^\W\d_]{3,}", text) if w.casefold() not in P.FUNCTION_WORDS}


def _capitals_joined(body: list[str], top: int) -> list[str]:
    """A headline in capitals broken over short lines ("AFGHANISTAN:" / "POTENTIAL FIELD OF" /
    "COOPERATION", as a journal's PDF pastes) is one line."""
    out: list[str] = []
    run = False  # the last line out is a line of capitals (maybe joined already)
    for n, para in enumerate(body):
        capitals = n < top and para.isupper() and word_count(para) <= P.CAPITAL_LINE_WORDS and (
            para.endswith(":") or not ends_sentence(para))
        if (capitals and run) or (n < top and out and _first_half(out[-1]) and _title_like(para)):
            out[-1] = f"{out[-1]} {para}"  # also "The Next Flight of the Bumblebee:" / "The Path to ..."
        else:
            out.append(para)
        run = capitals
    return out


def _first_half(para: str) -> bool:
    """The first line of a headline cut at its colon: a few capitalised words ending in ":"."""
    return para.endswith(":") and 3 <= word_count(para) <= P.HALF_HEADLINE_WORDS and para[:1].isupper() \
        and not any(w.casefold() in P.CLOSED_WORDS or w.casefold() in P.LABEL_WORDS for w in words_of(para))


def dateline(body: list[str], found: dict) -> list[str]:
    """A wire story's dateline in its opening: the agency is the publication; a byline or an author
    in it, the authors; its day, the date when it gives the year (a day without a year is left
    unresolved, never guessed). The dateline stays in the text."""
    for para in body[:P.LEAD_WITHIN]:
        m = P.DATELINE.match(para) or P.DAY_DATELINE.match(para)
        g = m.groupdict() if m else {}
        agency = next((g[k] for k in ("a1", "a2", "a3", "a4") if g.get(k)), None)
        place = g.get("place") or ""
        if m and g.get("a1") and m.end() >= len(para.rstrip()) and any(w in P.ORG_HEADS for w in place.split()):
            # "Dalsan Radio (Mogadishu)" alone on its line: an outlet and its city (as AllAfrica
            # credits the papers it carries), not a place and an agency
            found.setdefault("publication", Field(clean_name(place), STATED, f"source line “{para}”"))
            return body
        if m and agency and not P.NOT_AGENCIES.search(agency.strip()) and (
                place.isupper() or g.get("a1") or g.get("a2") or (agency.isupper() and len(agency) > 2)):
            evidence = squash(m.group(0)).rstrip(" –—-:")
            found.setdefault("publication", Field(clean_name(agency), STATED, f"dateline “{evidence}”"))
            names = g.get("by") or g.get("author")
            if names and not P.STAFF_BYLINE.search(names):
                found.setdefault("authors", Field((squash(names),), STATED, f"dateline “{evidence}”"))
            day = g.get("day") or g.get("day2")
            if day and re.search(P.YEAR, day) and (date := parse_date(day, STATED, evidence)).value:
                found.setdefault("date", date)
            return body
    return body


def dateline_date(body: list[str], found: dict) -> list[str]:
    """The day a dateline gives in full, however its place and agency are written ("Riyadh,
    Dhu-AlQa'dah 15, 1438, Aug 7, 2017, SPA -- The ...", "ABU DHABI, (UrduPoint / WAM - 02nd May,
    2021) His ..."): in the opening paragraph, a date with its year before the dash or bracket that
    ends a short dateline, with the article's first sentence after it. The dateline stays in the text."""
    if "date" in found or not body:
        return body
    para = next((p for p in body[:P.LEAD_WITHIN] if word_count(p) >= P.LEAD_WORDS // 2), "")
    # the last dash or bracket that may end it ("ALGIERS – Thursday, 25 August 2022 (APS) – ...")
    for end in reversed(list(P.DATELINE_END.finditer(para[:P.DATELINE_CHARS]))):
        prefix = para[:end.start() + 1]
        # a dateline's words are names (places, agencies, months); a sentence's are not ("On 4 May 2021 the ... –")
        if not all(w[:1].isupper() for w in re.findall(r"(?<![\w'’-])[^\W\d_][\w'’-]*", prefix)) or \
                word_count(prefix) > P.DATELINE_PREFIX_WORDS:
            continue
        if m := P.DATE_IN_LINE.search(prefix):
            evidence = squash(para[:end.end()]).rstrip(" –—-")
            if (date := parse_date(m.group("date"), STATED, evidence)).value:
                found["date"] = date
        break
    return body


def headline_date(body: list[str], found: dict) -> list[str]:
    """The date a headline closes with, as official transcripts and statements title themselves
    ("Foreign Minister's interview to ..., Moscow, May 31, 2016"): the document's own date, before
    a date line above it (a reposting site's clock: "26 January 2020" over "..., October 17, 2019")."""
    title = found.get("title")
    if "date" not in found and title is not None and title.basis == STATED and \
            (m := P.CLOSING_DATE.search(title.value)) and (date := parse_date(m.group("date"), STATED, title.value)).value:
        found["date"] = replace(date, evidence=f"the headline “{title.value}”")
    return body


def first_line_headline(title: str | None = None):
    """The step for a text extracted from a page or document: only its first line may be the
    headline. Where the reader already knows the title (a PDF's largest text, a page's og:title),
    the first line goes only when it repeats that title; else it is the text's own first line
    ("Published in 2024 by ..." under a report's title), and stays."""
    def step(body: list[str], found: dict) -> list[str]:
        if title is not None and body and _plain(body[0]) not in (_plain(title), _plain(P.HEADLINE_SPLIT.split(title)[0])):
            return body
        return headline(body, found, top=1)
    return step


def _plain(text: str) -> str:
    return re.sub(r"\W+", " ", text).strip().casefold()


def _headline_at(body: list[str], n: int) -> bool:
    """Is body[n] the headline? Title-like, of headline length, not a run of tags, and followed
    soon by the article's text (a lead of some length, past a standfirst, byline or date line)."""
    para = body[n]
    if not (_title_like(para) or (para.endswith(("?", "!")) and para[:1].isupper() and not P.SENTENCE_BREAK.search(para))):
        return False
    words = words_of(para)
    if not (2 if n == 0 else 3) <= len(words) <= 40 or P.BYLINE.match(para) or P.GLUED_WORDS.search(para) or \
            _date_lead(para):
        return False  # too short or long, a byline, or two links run together ("...TajikistanProfessors...")
    if len(words) >= 3 and all(w[:1].isupper() or w.isdigit() for w in words) and \
            not any(w.casefold() in P.FUNCTION_WORDS or w.casefold() in P.CLOSED_WORDS for w in words):
        return False  # "Kyrgyzstan Sadyr Zhaparov Minsk CSTO": tags, not a headline ("How ... Affect ..." is one)
    following = [p for p in body[n + 1:n + 1 + 3 * P.LEAD_WITHIN] if not _label_line(p)][:P.LEAD_WITHIN]
    return any(word_count(p) >= P.LEAD_WORDS // 2 for p in following) or (n == 0 and 1 < len(body) <= 3)


def _label_line(para: str) -> bool:
    """A line that may stand between a headline and its lead without counting: a label of one or two
    words ("commentary", "(Defense News)"), a byline, a date line."""
    return word_count(para) <= 2 or bool(P.BYLINE.match(para)) or _date_lead(para) or bool(P.DATE_ONLY_LINE.match(para))


def _title_like(para: str) -> bool:
    para = P.WIRE_LABEL.sub("", para)  # "(Update 2) North Korea Fires ...", "(LEAD) ...": a wire headline
    return (
        not ends_sentence(para.rstrip("”’\"'»"))
        and not P.DATE_ONLY_LINE.match(para)
        and not (P.ENDS_WITH_YEAR.search(para) and word_count(para) <= P.DATELINE_WORDS)
        and para.lstrip("“‘\"'«")[:1].isupper()  # a quoted headline: "“We cannot save our way out of this Crisis”"
    )


def _end_matter(tail: list[str], found: dict) -> list[str]:
    """What follows a closing headline: a standfirst and a date line; both are metadata."""
    rest = []
    for para in tail:
        if P.DATE_ONLY_LINE.match(para):
            date = parse_date(para, STATED, para)
            if date.value:
                found.setdefault("date", date)
                continue
        if "summary" not in found and word_count(para) <= 60 and ends_sentence(para):
            found["summary"] = Field(para, STATED, "standfirst after the headline")
            continue
        rest.append(para)
    return rest


def _date_lead(para: str) -> bool:
    """A line that date_line will read as the page's date."""
    return _lead_date(para) is not None


@lru_cache(maxsize=512)
def _lead_date(para: str) -> DateField | None:
    """The date of a short opening date line ("September 17, 2019, 12:51 Источник 24.kg",
    "time29-05-2025", "Xinhua) 13:48, July 14, 2021"), parsed once however often it is asked."""
    if word_count(para) <= P.DATE_LEAD_WORDS and (m := P.DATE_LEAD.match(para)):
        date = parse_date(m.group("date"), STATED, para)
    elif word_count(para) <= 8 and (m := P.DATE_IN_LINE.search(para)) and _few_words_beside(para, m):
        date = parse_date(m.group("date"), STATED, para)
    else:
        return None
    return date if date.value else None


def _few_words_beside(para: str, m: re.Match) -> bool:
    rest = re.sub(r"\d{1,2}:\d{2}(?::\d{2})?", " ", para[:m.start()] + " " + para[m.end():])
    return len(re.findall(r"[^\W\d_]+", rest)) <= P.DATE_IN_LINE_OTHER_WORDS


def date_line(body: list[str], found: dict) -> list[str]:
    """A line near the top that is a date ("May 30, 2024", "Published 4 May 2021 14:02"): the date."""
    if "date" not in found:
        # Two date lines before the article's lead: the one nearer the lead is the article's; the
        # first may be the site's clock in its header ("• Mon. Jun 17th, 2024" above "May 30, 2024").
        lead = next((i for i, p in enumerate(body) if word_count(p) >= P.LEAD_WORDS), len(body))
        dated = [i for i in range(min(lead, P.TOP_LINES)) if _date_lead(body[i]) or P.DATE_ONLY_LINE.match(body[i])]
        if len(dated) >= 2:
            body = [body[dated[-1]]] + body[:dated[-1]] + body[dated[-1] + 1:]
    out = []
    lead = next((i for i, p in enumerate(body) if word_count(p) >= P.LEAD_WORDS), len(body))
    for n, para in enumerate(body):
        if n > lead and P.OTHER_ITEMS.match(para):
            out.extend(body[n:])  # below the lead, under "Also in this section", a date is another item's
            break
        if n < P.TOP_LINES and "date" not in found and (date := _lead_date(para)):
            found["date"] = date  # the page's date line, maybe with a time or a source beside it
            continue
        if (P.DATE_ONLY_LINE.match(para) or (n < P.OPENING and P.MONTH_YEAR_LINE.match(para))) and "date" not in found:
            date = parse_date(para, STATED, para)
            if date.value:
                found["date"] = date
                continue
        out.append(para)
    return out


def imprint(body: list[str], found: dict) -> list[str]:
    """A report's imprint, "Published in 2024 by ..." or "Published on 4 May 2021", at the head or the
    foot of a paragraph in its opening or closing lines: the date, as precise as it is stated."""
    if "date" in found:
        return body
    for para in body[:P.OPENING] + body[-P.LEAD_WITHIN:]:
        if (m := P.IMPRINT.search(para)) and (date := parse_date(m.group("date"), STATED, squash(m.group(0)))).value:
            found["date"] = date
            break
    return body

