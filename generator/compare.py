"""Where sources differ: figures of the same measured thing that give values no reading reconciles. Pure.

Conservative by design; every figure is either compared or counted under the reason it was not
(Comparisons, in briefing.json):

- a figure in brackets just after another, in the same sentence, is its conversion ("1,344 km (835
  miles)", "70 billion rubles (about $1.23 billion)"): one statement, never set against itself;
- a value is an interval, as its words say: "about 1,350" is 5 % either side, "over 20,000" and "at
  least" have no upper end, "up to" and "nearly" no lower, "300 to 400" is the range, a round number
  ("1,400 km") half its last non-zero place either side (at most 5 %); two statements agree when
  their intervals meet ("20,000" and "over 20,000" agree, and "1,400 km" and "1,357 km");
- a figure that is a part of the one before it in its sentence ("972 kilometers long, of which 519
  are agreed, and 375 remain unagreed"; "2,500 troops, including 1,800 personnel from Russia"), and a
  figure in a correction's sentence ("An earlier version of this article described the border as 500
  miles"), are not statements of the measure;
- only statements in the same unit are compared (no currency is converted; a count of "troops" and
  one of "soldiers" are different things unless briefing.yml's figures.same says they name the same);
- what is compared, and why these statements are about the same thing:
  * a border's length: distances in sentences that speak of a border, across all sources, when two
    sentences name two or more of the same countries or places (a third place named in one of them
    does not make it another border);
  * a sum of money in one source (its headline included): sentences naming the same countries or places;
  * a sum of money, or a count of people by the same noun, in reports of one story: sources published
    within STORY_DAYS of each other whose sentences share most of their words (SAME_SUBJECT).
  Shares and other distances are not compared.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from generator.config import Config
from generator.entities import matcher_for
from generator.models import Article, Comparisons, Discrepancy, Figure, Measure, Statement
from generator.text import words

PLACE_KINDS = ("country", "place")
ABOUT = 0.05  # "about 1,350": this share either side
LOWER = re.compile(r"^(?:over|more than|at least)\b", re.IGNORECASE)  # no upper end
UPPER = re.compile(r"^(?:up to|less than|nearly|almost|under)\b", re.IGNORECASE)  # no lower end
AROUND = re.compile(r"^(?:about|around|approximately|some|roughly|close to)\b", re.IGNORECASE)
NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")
RANGE = re.compile(r"(\d[\d,.]*)\s*(?:to|-|–)\s*(\d[\d,.]*)")
STORY_DAYS = 14
SAME_SUBJECT = 0.4  # of the shorter sentence's words (four letters or more, figures' words aside)
NOT_SUBJECT = frozenset("""thousand million billion trillion rubles roubles dollars euros yuan pounds percent
people soldiers troops about around over more than nearly almost least some""".split())


def find_discrepancies(articles: tuple[Article, ...], config: Config) -> tuple[tuple[Discrepancy, ...], Comparisons]:
    """Statements that give different values for the same measured thing, and how the figures fared.
    Linear: statements are grouped by key, or compared only with those of reports within STORY_DAYS."""
    matcher = matcher_for(config.gazetteer)
    kinds = {e.id: e.kind for e in config.gazetteer.entities}
    names = {e.id: e.name for e in config.gazetteer.entities}
    themes_of = {a.id: a.theme_ids for a in articles}
    titles = {a.id: a.meta.title.value for a in articles}
    skipped: Counter = Counter()
    conversions = 0
    same = {noun: group[0] for group in config.same_units for noun in group}  # briefing.yml figures.same
    borders: list[tuple[Statement, frozenset[str]]] = []
    in_source: dict[tuple, list[Statement]] = defaultdict(list)
    in_story: dict[tuple[str, str], list[tuple[Statement, Article, frozenset[str]]]] = defaultdict(list)
    for article in articles:
        for statement in _statements(article, skipped):
            conversions += len(statement.equivalents)
            figure = statement.figure
            places = frozenset(e for e in matcher.entities_in(figure.sentence) if kinds.get(e) in PLACE_KINDS)
            if figure.measure == Measure.BORDER:
                if len(places) >= 2:
                    borders.append((statement, places))
                else:
                    skipped["a border's length in a sentence naming fewer than two countries or places"] += 1
                continue
            if figure.measure in (Measure.DISTANCE, Measure.SHARE):
                skipped[f"{figure.measure}: not compared"] += 1
                continue
            if figure.measure == Measure.MONEY and places:
                in_source[(places, article.id)].append(statement)
            if article.meta.date.value and len(article.meta.date.value) >= 7:
                measure = same.get(figure.measure.lower(), figure.measure)
                in_story[(measure, figure.unit)].append((statement, article, _subject(figure.sentence)))
            elif figure.measure != Measure.MONEY or not places:
                skipped["no other report to compare with (the source is undated or dated only to the year)"] += 1
    groups: list[tuple[str, str, list[Statement]]] = []
    for members in _border_groups(borders):
        places = " – ".join(sorted({names[p] for _, ps in members for p in ps if _shared(p, members)}))
        groups.append((f"Length of the border: {places}",
                       "Distances in sentences that speak of a border and name two or more of the same countries or "
                       "places (their adjectives count too, as in the “Franco-Spanish” border), across all sources.",
                       [s for s, _ in members]))
    for (places, article_id), statements in in_source.items():
        groups.append((f"A sum of money concerning {' – '.join(sorted(names[p] for p in places))}, in “{titles[article_id]}”",
                       "Sums of money in one source (its headline included), in sentences naming the same countries "
                       "or places; a sum given in brackets after another is shown as its conversion.", statements))
    for (measure, unit), found in in_story.items():
        for members in _story_groups(found):
            what = "A sum of money" if measure == Measure.MONEY else f"A count of {measure}"
            groups.append((f"{what} in reports of one story: “{_excerpt(members[0].figure.sentence)}”",
                           f"Figures of the same measure and unit ({unit}) in reports published within {STORY_DAYS} "
                           "days of each other whose sentences share most of their words.", members))
    out, agreed, compared = [], 0, 0
    seen: set[tuple] = set()
    for what, method, statements in groups:
        statements = [s for s in statements if _key(s) not in seen]
        if len(statements) < 2 or len({(s.source, s.figure.text) for s in statements}) < 2:
            continue
        seen.update(map(_key, statements))
        compared += len(statements)
        if not _conflict(statements):
            agreed += 1
            continue
        themes = tuple(sorted({t for s in statements for t in themes_of[s.source]}))
        out.append(Discrepancy(what, method, tuple(statements), themes))
    discrepancies = tuple(sorted(out, key=lambda d: d.what))
    return discrepancies, Comparisons(compared, len(groups), len(discrepancies),
                                      tuple(sorted(skipped.items(), key=lambda kv: (-kv[1], kv[0]))), agreed, conversions)


def _statements(article: Article, skipped: Counter) -> list[Statement]:
    """An article's figures as statements: one in brackets just after another is its conversion; one
    that is a part of the figure before it ("972 kilometers long, of which 519 are agreed, and 375
    ... remain unagreed", "2,500 troops, including 1,800 personnel from Russia") and one in a
    correction's sentence ("An earlier version of this article described the border as 500 miles")
    are not statements of the measure (counted in `skipped`)."""
    out: list[Statement] = []
    previous: Figure | None = None
    for figure in article.figures:
        if out and _in_brackets_after(out[-1].figure, figure, article):
            out[-1] = Statement(out[-1].source, out[-1].figure, out[-1].equivalents + (figure,))
        elif RULES["part"] and previous is not None and _part_of(previous, figure, article):
            skipped["a part of the figure before it (“of which”, “including”)"] += 1
        elif RULES["correction"] and CORRECTION.match(figure.sentence):
            skipped["in a correction's sentence (the value corrected)"] += 1
        else:
            out.append(Statement(article.id, figure))
        previous = figure
    return out


RULES = {"part": True, "correction": True, "round": True}  # benchmarks/disagreements.py turns each off to measure it
PART = re.compile(r"\b(?:of which|of whom|of them|including|among them|among whom)\b", re.IGNORECASE)
# a correction note names the value it corrects ("An earlier version of this article described the
# border as 500 miles"); an update note ("This story has been updated") may bring the new figures: kept
CORRECTION = re.compile(r"^\W*(?:Correction:|An earlier version of this|A previous version of this)", re.IGNORECASE)


def _part_of(first: Figure, second: Figure, article: Article) -> bool:
    """A figure of the same measure later in the same sentence, after "of which", "including"..."""
    if first.anchor != second.anchor or first.sentence != second.sentence or first.unit != second.unit or (
            first.measure != second.measure and first.unit != "people"):  # "2,500 troops, including 1,800 personnel"
        return False
    return bool(PART.search(_paragraph(article, first.anchor)[first.end:second.start]))


def _paragraph(article: Article, anchor: str) -> str:
    """The text a figure's positions count in: its paragraph's, or the headline's ("" anchor)."""
    return article.meta.title.value if not anchor else next((b.text for b in article.blocks if b.anchor == anchor), "")


def _in_brackets_after(first: Figure, second: Figure, article: Article) -> bool:
    """'70 billion rubles in the coming years (about $1.23 billion …)', '1,344 km (835 miles)'."""
    if first.anchor != second.anchor or first.sentence != second.sentence or not 0 < second.start - first.end <= 60:
        return False
    if first.measure != second.measure and {first.measure, second.measure} != {Measure.BORDER, Measure.DISTANCE}:
        return False
    between = _paragraph(article, first.anchor)[first.end:second.start]
    return "(" in between and ")" not in between


def _border_groups(borders: list[tuple[Statement, frozenset[str]]]) -> list[list[tuple[Statement, frozenset[str]]]]:
    """Border statements joined when they name two or more of the same places (union-find over the
    pairs of places each names)."""
    joined = _Joined(len(borders))
    by_pair: dict[tuple[str, str], int] = {}
    for i, (_, places) in enumerate(borders):
        ordered = sorted(places)
        for a in range(len(ordered)):
            for b in range(a + 1, len(ordered)):
                joined.join(i, by_pair.setdefault((ordered[a], ordered[b]), i))
    return joined.groups(borders)


def _shared(place: str, members) -> bool:
    """A place named by at least two of the group's sentences (or by its only one)."""
    return len(members) < 2 or sum(1 for _, ps in members if place in ps) >= 2


def _story_groups(found: list[tuple[Statement, Article, frozenset[str]]]) -> list[list[Statement]]:
    """Statements of different sources whose sentences share SAME_SUBJECT of their words, joined while
    the group's first and last reports stay within STORY_DAYS of each other: a story is told within
    days, and the same words a year later are another story (without the bound, reports chained
    week by week across twenty years of a 10,000-source corpus into groups of 9,000 figures).
    Compared only with those near in date (sorted by date, a sliding window)."""
    found = sorted(found, key=lambda f: (f[1].meta.date.value, f[0].source, f[0].figure.start))
    joined = _Joined(len(found))
    root, parent = joined.root, joined.parent
    days = [_day(a) for _, a, _ in found]
    sources = [statement.source for statement, _, _ in found]
    subjects = [subject for _, _, subject in found]
    need = [SAME_SUBJECT * len(subject) for subject in subjects]  # of the shorter one's words
    first = list(days)  # per group root: the day of its first report (sorted: i's day is the latest)
    start = 0
    for i, subject in enumerate(subjects):
        day = days[i]
        while day - days[start] > STORY_DAYS:
            start += 1
        if not subject:
            continue
        a = root(i)
        for j in range(start, i):
            # i joins j's group when their sources differ, their sentences share enough words, and the
            # group made would still span STORY_DAYS at most (both groups' first reports within it);
            # the cheap tests first, in an order that changes nothing of what is joined
            if day - first[a] > STORY_DAYS:
                break  # i's own group already spans the days: nothing more joins it
            other = subjects[j]
            if sources[j] == sources[i] or not other:
                continue
            b = j  # joined.root(j), written out: the loop's most frequent call
            while parent[b] != b:
                parent[b] = parent[parent[b]]
                b = parent[b]
            if a == b or day - first[b] > STORY_DAYS or len(subject & other) < min(need[i], need[j]):
                continue
            joined.join(i, j)
            first[b] = min(first[a], first[b])
            a = b  # join() puts i's group under j's root
    return [g for g in joined.groups([statement for statement, _, _ in found]) if len({s.source for s in g}) >= 2]


class _Joined:
    """Items joined into groups (union-find): join(i, j), then the groups in order of their first item."""

    def __init__(self, n: int):
        self.parent = list(range(n))

    def root(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, i: int, j: int) -> None:
        self.parent[self.root(i)] = self.root(j)

    def groups(self, items: list) -> list[list]:
        found: dict[int, list] = defaultdict(list)
        for i, item in enumerate(items):
            found[self.root(i)].append(item)
        return list(found.values())  # in the order of each group's first item


def _day(article: Article) -> int:
    parts = [int(p) for p in article.meta.date.value.split("-")]
    return parts[0] * 372 + (parts[1] - 1) * 31 + (parts[2] - 1 if len(parts) > 2 else 15)


def _subject(sentence: str) -> frozenset[str]:
    return frozenset(w.casefold() for w in words(sentence) if len(w) >= 4 and not w[0].isdigit()
                     and w.casefold() not in NOT_SUBJECT)


def _key(statement: Statement) -> tuple[str, str, int]:
    return (statement.source, statement.figure.anchor, statement.figure.start)


def _excerpt(sentence: str, n: int = 12) -> str:
    parts = sentence.split()
    return " ".join(parts[:n]) + (" …" if len(parts) > n else "")


def interval(figure: Figure) -> tuple[float, float]:
    """The values a figure's words allow: exact, about (ABOUT either side), a lower or upper bound, a range."""
    value = figure.value
    text = figure.text
    if figure.upper and figure.upper > value:
        return value, figure.upper
    m = RANGE.search(text)
    if m:
        first, second = (float(x.replace(",", "")) for x in m.groups())
        if first and second > first:
            return value, value * second / first
    if LOWER.match(text):
        return value, float("inf")
    if UPPER.match(text):
        return 0.0, value
    if AROUND.match(text) or figure.approximate:
        return value * (1 - ABOUT), value * (1 + ABOUT)
    if RULES["round"] and (number := NUMBER.search(text)) and "." not in number.group(0):
        digits = number.group(0).replace(",", "")
        zeros = len(digits) - len(digits.rstrip("0"))
        if zeros >= 2 and digits.strip("0"):
            # a round number ("1,400 kilometer"): half its last non-zero place either side (1,350 to
            # 1,450), at most ABOUT of it
            half = min(0.5 * 10 ** zeros * value / float(digits), ABOUT * value)
            return value - half, value + half
    return value, value


def _meet(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return a[0] <= b[1] * (1 + 1e-9) and b[0] <= a[1] * (1 + 1e-9)


def _conflict(statements: list[Statement]) -> bool:
    """Do two statements give values no reading reconciles, in the same unit? Each statement's own
    figure against the others', and against their stated conversions (two conversions, which round
    differently, are not compared with each other)."""
    stated: dict[str, list[tuple[float, float]]] = defaultdict(list)
    converted: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for statement in statements:
        stated[statement.figure.unit].append(interval(statement.figure))
        for figure in statement.equivalents:
            converted[figure.unit].append(interval(figure))
    for unit, values in stated.items():
        if any(not _meet(a, b) for i, a in enumerate(values) for b in values[i + 1:]):
            return True
        if converted[unit] and not any(_meet(a, b) for a in values for b in converted[unit]):
            return True
    return False
