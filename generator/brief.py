"""What a theme page says first: "In brief" (the statements that matter most across the sources) and
"Latest developments" (the newest sources' news). Pure: articles and their theme matches in, key points out.

A statement is an exact sentence of a source, one of the theme's own (ThemeMatch.evidence, within
ThemeMatch.spans: not a sentence whose terms weigh more for another theme).
Its rank is a documented product of four factors, each near 1 for an ordinary sentence:

- relevance: the weight of the theme's terms in it (a little more for words of the theme's
  description, less when it opens on a connective such as "In addition,"), against the best in the theme;
- centrality: LexRank (Erkan and Radev, 2004) over the sentences of different sources, edges weighted
  by the cosine of their TF-IDF word vectors; a sentence that many sources say much the same as is
  central. Written here, not taken from a library: the maintained implementations (sumy, lexrank)
  need NumPy and, for sumy, NLTK's tokenizer data, downloaded at run time; the power iteration over
  a few hundred sentences is twenty lines;
- recency: halved every RECENCY_HALF_LIFE years of age against the theme's newest source (an undated
  source counts as old as its oldest);
- specificity: more for each figure, named actor and date in the sentence, up to a cap.

Near-duplicates (cosine >= SAME) from different sources are one statement with every citation, and
each source that says it again adds CORROBORATION to its rank.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, replace

from generator import patterns as P
from generator.config import term_pattern
from generator.models import NONE, Article, Evidence, Facet, KeyPoint, ThemeMatch
from generator.text import words

PER_SOURCE = 3  # of each source's theme sentences, its best few are candidates
POOL = 300  # at most this many candidates are compared (the best by relevance and recency)
EDGE = 0.1  # cosine below which two sentences are not linked in the LexRank graph
SAME = 0.5  # cosine from which two sentences of different sources say the same thing
SAME_IN_STORY = 0.25  # ... when their sources report the same story (_Stories)
STORY = 0.18  # cosine of two sources' openings from which, published within SAME_NEWS_DAYS, they report one story
STORY_PARAGRAPHS = 4  # a source's opening: its headline and first paragraphs
STORY_SOURCES = 8  # stories are told apart only among this many sources or more (word weights need them)
STORY_WEIGHTS_FROM = 300  # ... weighed over the compared sources and up to this many of the theme's newest
DAMPING, ROUNDS, CONVERGED = 0.85, 100, 1e-6
RECENCY_HALF_LIFE = 3.0  # years
SPECIFIC, SPECIFIC_CAP = 0.1, 1.5  # per figure, actor or date in the sentence; the factor's cap
CORROBORATION = 0.5  # added to a statement's rank, as a share of it, per other source that says it
IN_BRIEF = 5
STATEMENTS = 60  # statements ranked for a theme page (In brief, sub-topics, more key points)
FACET_POINTS = 3  # statements shown under each sub-topic
LATEST_SCAN = 50  # Latest developments reads the newest sources up to this many (its stories, folded)
PER_SOURCE_SHOWN = 2  # statements of one source, at most, so that no article dominates
LATEST = 5
BACKGROUND = 0.3  # a sentence about an event years before its source was published: background, not news
NEWS_POSITION = 0.25  # the news of a report is at its top: less per paragraph further down
SAME_NEWS_DAYS = 14  # two reports of one piece of news are published within this many days of each other
HEADLINE = 2.0  # more for a sentence that says what its headline says, by the share of words they share
CONNECTIVE = 0.6  # relevance kept by a sentence that opens on a connective
STOP = P.FUNCTION_WORDS | P.CLOSED_WORDS


@dataclass(frozen=True, eq=False)  # compared and hashed by identity: a sentence's candidate is looked up by it
class _Sentence:
    """One of a source's quotable theme sentences, with its relevance (against the theme's best) and its
    source's age in years before the theme's newest."""

    evidence: Evidence
    article: Article
    relevance: float
    age: float


@dataclass(frozen=True)
class _Candidate:
    evidence: Evidence
    article: Article
    relevance: float
    age: float  # years before the theme's newest source
    specificity: float
    position: int  # paragraph number
    background: bool
    vector: dict[str, float]


def statements(members: list[tuple[Article, ThemeMatch]], mentions, key_points: int = 6,
               window: float = 3.0, facets: tuple[tuple[str, tuple[str, ...]], ...] = ()) -> tuple:
    """A theme's In brief, its Latest developments, its further key points and its sub-topics. A sentence
    is shown once: one under Latest developments is not shown again under In brief, and so on.

    Linear in the sources and their theme sentences; what is compared pairwise is bounded (POOL
    candidates, the LATEST_SCAN newest sources).

    Args:
        members: the theme's sources with their match.
        mentions: article id → its actors' mentions (aggregate.summarise_entities).
        key_points: how many statements in all, In brief's included (briefing.yml `key_points`); with
            facets, those that fall under none of them.
        window: Latest developments come from sources published within this many years of the newest.
        facets: the theme's sub-topics, (title, terms) (config.Theme.facets).
    Returns:
        (in brief, latest developments, the further key points, the facets), each statement with its
        citations.
    """
    sentences = _sentences(members)
    if not sentences:
        return (), (), (), tuple(Facet(title, (), None, 0) for title, _ in facets)  # (a page shows none of them)
    by_date = sorted(((a, m) for a, m in members if a.meta.date.value), key=lambda am: _sort_date(am[0]), reverse=True)
    newest = _newest([a for a, _ in by_date], window)
    pool = _pool(sentences)
    latest_of = {a.id: sentences[a.id] for a in newest if a.id in sentences}
    every = _candidates([s for found in latest_of.values() for s in found] + pool, mentions)
    # word weights for telling stories apart: from the compared sources and the newest of the theme's
    stories = _Stories([c.article for c in every.values()] + [a for a, _ in by_date[:STORY_WEIGHTS_FROM]])
    latest = _latest(newest, latest_of, every, stories)
    shown = {p.text for p in latest} | {text for p in latest for _, _, text in p.also}
    merged = _merge(_rank([every[s] for s in pool if s.evidence.text not in shown]), stories)
    in_brief = _diverse(merged, IN_BRIEF)
    rest = [p for p in merged if p not in in_brief]
    grouped, placed = _facets(facets, members, by_date, rest, sentences, mentions,
                              shown | {p.text for p in in_brief})
    more = tuple(p for p in rest if p.text not in placed)[:max(0, key_points - IN_BRIEF) if not facets else key_points]
    return in_brief, latest, more, grouped


def _diverse(points: list[KeyPoint], n: int) -> tuple[KeyPoint, ...]:
    """The first n statements by rank, no source giving more than PER_SOURCE_SHOWN of them."""
    out: list[KeyPoint] = []
    per_source: dict[str, int] = defaultdict(int)
    for point in points:
        if len(out) < n and per_source[point.source] < PER_SOURCE_SHOWN:
            out.append(point)
            per_source[point.source] += 1
    return tuple(out)


def _facets(facets, members, by_date, ranked: list[KeyPoint], sentences: dict[str, list[_Sentence]], mentions,
            shown: set[str]) -> tuple[tuple[Facet, ...], set[str]]:
    """Each sub-topic with its best FACET_POINTS statements (a statement goes to the sub-topic whose terms
    it carries most; ties to the first), the newest statement on it not shown above it (In brief,
    Latest developments) and how many sources speak of it (ThemeMatch.facets); and the statements that
    fall under one."""
    if not facets:
        return (), set()
    patterns = [term_pattern(terms) for _, terms in facets]
    known: dict[str, int | None] = {}  # a statement's sub-topic, found once (it is asked once per sub-topic)

    def facet_of(text: str) -> int | None:
        if text not in known:
            hits = [len(p.findall(text)) for p in patterns]
            best = max(hits)
            known[text] = hits.index(best) if best else None
        return known[text]

    out = []
    for i, (title, _) in enumerate(facets):
        newest = None
        for article, match in by_date:  # the newest source on it with a sentence on it not shown yet
            if i not in match.facets:
                continue
            on = [s for s in sentences.get(article.id, ()) if s.evidence.text not in shown and facet_of(s.evidence.text) == i]
            if on:
                found = _candidates(on, mentions)
                headline = article.meta.title.value if article.meta.title.basis != NONE else ""
                newest = _point(0.0, max(found.values(), key=lambda c: (_news(c, headline), -c.position,
                                                                         c.evidence.text)), [])
                break
        taken = shown | ({newest.text} if newest else set())
        points = tuple(p for p in ranked if facet_of(p.text) == i and p.text not in taken)[:FACET_POINTS]
        out.append(Facet(title, points, newest, sum(1 for _, m in members if i in m.facets)))
    return tuple(out), {p.text for p in ranked if facet_of(p.text) is not None}


def _sentences(members) -> dict[str, list[_Sentence]]:
    """Each source's quotable sentences of the theme's own (of its evidence), most relevant first."""
    dated = [_year(a) for a, _ in members if a.meta.date.value]
    newest, oldest = (max(dated), min(dated)) if dated else (0.0, 0.0)
    found: dict[str, list[tuple[Evidence, float]]] = {}
    ages: dict[str, float] = {}
    for article, match in members:
        own = {(anchor, start) for anchor, start, _ in match.spans}  # the theme's own sentences (themes.py)
        quotable = sorted(((e, _relevance(e)) for e in match.evidence if e.quotable and (e.anchor, e.start) in own),
                          key=lambda er: (-er[1], er[0].text))
        if quotable:
            found[article.id] = quotable
            ages[article.id] = newest - _year(article) if article.meta.date.value else newest - oldest
    best = max((r for quotable in found.values() for _, r in quotable), default=1.0) or 1.0
    articles = {a.id: a for a, _ in members}
    return {i: [_Sentence(e, articles[i], r / best, ages[i]) for e, r in quotable] for i, quotable in found.items()}


def _newest(by_date: list[Article], window: float) -> list[Article]:
    """Of the dated sources, newest first, the LATEST_SCAN newest published within `window` years of the newest."""
    dated = by_date[:LATEST_SCAN]
    return [a for n, a in enumerate(dated) if n == 0 or _year(dated[0]) - _year(a) <= window]


def _pool(sentences: dict[str, list[_Sentence]]) -> list[_Sentence]:
    """What In brief compares: each source's few best sentences; at most POOL, the best by relevance
    and recency."""
    pool = [s for found in sentences.values() for s in found[:PER_SOURCE]]
    pool.sort(key=lambda s: (-s.relevance * _recency(s.age), s.article.id, s.evidence.text))
    return pool[:POOL]


def _candidates(sentences: list[_Sentence], mentions) -> dict[_Sentence, _Candidate]:
    """The sentences as candidates with their word vectors (IDF over these sentences); a sentence given
    twice is one candidate."""
    unique = list(dict.fromkeys(sentences))
    vectors = _weighed([_terms(s.evidence.text) for s in unique])
    out: dict[_Sentence, _Candidate] = {}
    for s, vector in zip(unique, vectors, strict=True):
        specific, background = _specifics(s.evidence, s.article, mentions.get(s.article.id, ()))
        out[s] = _Candidate(s.evidence, s.article, s.relevance, s.age, specific, _position(s.evidence.anchor),
                            background, vector)
    return out


class _Stories:
    """Which sources report the same story: published within SAME_NEWS_DAYS of each other, with openings
    (headline and first paragraphs) that share enough weighted words (STORY; word weights over the
    sources compared)."""

    def __init__(self, articles: list[Article]):
        unique = sorted({a.id: a for a in articles}.items())
        openings = [_terms(" ".join([a.meta.title.value or ""] + [b.text for b in a.blocks[:STORY_PARAGRAPHS]]))
                    for _, a in unique]
        self.vectors = dict(zip((i for i, _ in unique), _weighed(openings), strict=True))
        # word weights from a handful of sources cannot tell a story's words from the topic's: none then
        self.known = len(unique) >= STORY_SOURCES

    def same(self, a: Article, b: Article) -> bool:
        return self.known and _days_apart(a, b) <= SAME_NEWS_DAYS and \
            _cosine(self.vectors[a.id], self.vectors[b.id]) >= STORY


def _days_apart(a: Article, b: Article) -> float:
    """Days between two sources' dates; a date given to the month is as near as any day in it can be; a
    year alone, or no date, is never near."""
    x, y = a.meta.date.value or "", b.meta.date.value or ""
    if len(x) < 7 or len(y) < 7:
        return math.inf
    if len(x) == 7 or len(y) == 7:
        return 0.0 if x[:7] == y[:7] else math.inf
    return abs(_year(a) - _year(b)) * 365


def _same(a: _Candidate, b: _Candidate, stories: _Stories) -> bool:
    """Do two sentences of different sources say the same thing? Much the same words (SAME), or fewer of
    them (SAME_IN_STORY) in two reports of one story."""
    similar = _cosine(a.vector, b.vector)
    return similar >= SAME or (similar >= SAME_IN_STORY and stories.same(a.article, b.article))


def _rank(pool: list[_Candidate]) -> list[tuple[float, _Candidate]]:
    """Each candidate with its rank, best first."""
    n = len(pool)
    links: list[dict[int, float]] = [{} for _ in range(n)]
    index: dict[str, list[int]] = defaultdict(list)
    for i, c in enumerate(pool):
        for term in c.vector:
            index[term].append(i)
    for i, c in enumerate(pool):
        near = {j for term in c.vector for j in index[term] if j > i}
        for j in sorted(near):
            if pool[j].article.id == c.article.id:
                continue  # a source does not corroborate itself
            weight = _cosine(c.vector, pool[j].vector)
            if weight >= EDGE:
                links[i][j] = links[j][i] = weight
    centrality = _lexrank(links)
    scored = [(round(c.relevance * (0.5 + 0.5 * centrality[i] * n) * _recency(c.age) * c.specificity, 9), c)
              for i, c in enumerate(pool)]
    scored.sort(key=lambda sc: (-sc[0], sc[1].article.id, sc[1].evidence.text))
    return scored


def _lexrank(links: list[dict[int, float]]) -> list[float]:
    """PageRank's power iteration over the weighted similarity graph (continuous LexRank)."""
    n = len(links)
    if not n:
        return []
    rank = [1.0 / n] * n
    out = [sum(w.values()) for w in links]
    for _ in range(ROUNDS):
        lost = sum(rank[j] for j in range(n) if not out[j])  # a sentence like no other: its share spreads evenly
        new = [(1 - DAMPING) / n + DAMPING * (lost / n + sum(rank[j] * w / out[j] for j, w in links[i].items()))
               for i in range(n)]
        done = sum(abs(a - b) for a, b in zip(new, rank, strict=True)) < CONVERGED
        rank = new
        if done:
            break
    return rank


def _merge(ranked: list[tuple[float, _Candidate]], stories: _Stories) -> list[KeyPoint]:
    """The best statements (up to STATEMENTS), near-duplicates from other sources folded into them as
    corroboration, ordered by rank with corroboration counted."""
    chosen: list[tuple[float, _Candidate, list[_Candidate]]] = []
    for score, c in ranked:
        same = next((k for k in chosen if _same(k[1], c, stories)), None)
        if same is not None:
            cited = {same[1].article.id} | {o.article.id for o in same[2]}
            if c.article.id not in cited:
                same[2].append(c)
            continue
        if len(chosen) < STATEMENTS:
            chosen.append((score, c, []))
    chosen.sort(key=lambda k: (-k[0] * (1 + CORROBORATION * len(k[2])), k[1].article.id, k[1].evidence.text))
    return [_point(score * (1 + CORROBORATION * len(also)), c, also) for score, c, also in chosen]


def _latest(newest: list[Article], sentences: dict[str, list[_Sentence]], every: dict[_Sentence, _Candidate],
            stories: _Stories) -> tuple[KeyPoint, ...]:
    """The newest sources' news, newest first: of each, the theme sentence that is most relevant near its
    top and not background; several reports of one story are one statement."""
    out: list[tuple[_Candidate, list[_Candidate]]] = []
    for article in newest:
        if article.id not in sentences:
            continue
        headline = article.meta.title.value if article.meta.title.basis != NONE else ""  # (an inferred one is the lead)
        best = max((every[s] for s in sentences[article.id]),
                   key=lambda c: (_news(c, headline), -c.position, c.evidence.text))
        same = next((k for k in out if stories.same(k[0].article, article) or (
            _days_apart(k[0].article, article) <= SAME_NEWS_DAYS and _same(k[0], best, stories))), None)
        if same is not None:
            same[1].append(best)
        elif len(out) < LATEST:
            out.append((best, []))
    return tuple(_point(0.0, c, also) for c, also in out)


def _news(c: _Candidate, headline: str) -> float:
    """How much a sentence reads as its report's news: relevant, near the top, saying again what the
    headline says (a lead restates its headline), and not about an event years before."""
    told = 1 + HEADLINE * _overlap(headline, c.evidence.text) if headline else 1.0
    return (c.relevance * told * (BACKGROUND if c.background else 1.0)
            / (1 + NEWS_POSITION * max(0, c.position - 1)))


def _point(score: float, c: _Candidate, also: list[_Candidate]) -> KeyPoint:
    return replace(KeyPoint(c.evidence.text, c.article.id, c.evidence.anchor, round(score, 6)),
                   date=c.article.meta.date.value,
                   also=tuple((o.article.id, o.evidence.anchor, o.evidence.text) for o in also))


def _specifics(evidence: Evidence, article: Article, mentions) -> tuple[float, bool]:
    """The specificity factor of a sentence (its figures, actors and dates), and whether it is background:
    about an event more than a year before its source was published."""
    start = evidence.start
    end = start + len(evidence.text)
    figures = sum(1 for f in article.figures if f.anchor == evidence.anchor and start <= f.start < end)
    events = [e for e in article.events if e.anchor == evidence.anchor and start <= e.start < end]
    actors = {m.entity for m in mentions if m.anchor == evidence.anchor and start <= m.start < end}
    published = article.meta.date.value
    background = bool(published) and any(
        e.date and e.date[:4].isdigit() and int(e.date[:4]) < int(published[:4]) - 1 for e in events)
    return min(SPECIFIC_CAP, 1 + SPECIFIC * (figures + len(events) + len(actors))), background


def _recency(age: float) -> float:
    return 0.5 ** (max(0.0, age) / RECENCY_HALF_LIFE)


def _year(article: Article) -> float:
    parts = [int(p) for p in (article.meta.date.value or "0").split("-")]
    return parts[0] + ((parts[1] - 1) / 12 if len(parts) > 1 else 0.5) + ((parts[2] - 1) / 365 if len(parts) > 2 else 0)


def _sort_date(article: Article) -> tuple:
    parts = [int(p) for p in article.meta.date.value.split("-")]
    return (*parts, *([0] * (3 - len(parts))), article.id)


def _position(anchor: str) -> int:
    tail = anchor.rsplit("-", 1)[-1]
    return int(tail) if tail.isdigit() else 0


def _terms(text: str) -> list[str]:
    return [w.casefold()[:6] for w in words(text) if len(w) >= 3 and w.casefold() not in STOP and not w.isdigit()]


def _weighed(documents: list[list[str]]) -> list[dict[str, float]]:
    """Each document's TF-IDF word weights (IDF over these documents), scaled to unit length (so a
    cosine is a dot product)."""
    frequency: dict[str, int] = defaultdict(int)
    for terms in documents:
        for term in set(terms):
            frequency[term] += 1
    out = []
    for terms in documents:
        counts: dict[str, int] = defaultdict(int)
        for term in terms:
            counts[term] += 1
        weights = {t: k * math.log(1 + len(documents) / frequency[t]) for t, k in sorted(counts.items())}
        norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
        out.append({t: w / norm for t, w in weights.items()})
    return out


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b[t] for t, w in a.items() if t in b)


def _overlap(a: str, b: str) -> float:
    """Word-set overlap of a headline and a sentence: the share of the smaller's words in the other."""
    x, y = set(_terms(a)), set(_terms(b))
    return len(x & y) / max(1, min(len(x), len(y)))


def _relevance(evidence: Evidence) -> float:
    """Term weight, a little more for words of the theme's description, less for a sentence that opens
    on a connective ("In addition, ...")."""
    score = evidence.score + 0.5 * evidence.described
    return score * CONNECTIVE if P.CONNECTIVE_START.match(evidence.text) else score
