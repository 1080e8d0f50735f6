"""Gather every article into the briefing: theme summaries with key points, newest-first order."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping

from generator import brief
from generator.config import Config
from generator.entities import matcher_for, resolve
from generator.models import (
    Article,
    Briefing,
    Discrepancy,
    Entity,
    EntitySummary,
    Event,
    Figure,
    Measure,
    Mention,
    Related,
    Statement,
    ThemeSummary,
    event_key,
    newest_first,
)
from generator.text import words

MAX_RELATED, MAX_RELATED_EVIDENCE, MAX_ACTORS = 10, 3, 12
MAX_THEME_EVENTS, MAX_THEME_FIGURES = 15, 12  # a theme page shows its latest 15 events


def build_briefing(articles: list[Article], config: Config, added: Mapping[str, str] | None = None) -> Briefing:
    """Order the articles newest first and summarise every theme across them.

    Args:
        articles: every processed source.
        config: themes and how many key points each theme page shows.
        added: the day each source was added (arrivals.json), by article id.
    Returns:
        The Briefing the renderer writes.
    """
    ordered = tuple(sorted(articles, key=newest_first))
    entities, mentions = summarise_entities(ordered, config)
    themes = tuple(_summarise(theme, ordered, config, mentions) for theme in config.themes)
    events = tuple(sorted(((a.id, e) for a in ordered for e in a.events), key=lambda ae: event_order(ae[1])))
    discrepancies = find_discrepancies(ordered, config)
    also, folded = group_events(events)
    return Briefing(config=config, articles=ordered, themes=themes, entities=entities, mentions=mentions,
                    events=events, discrepancies=discrepancies, added=dict(added or {}), event_also=also,
                    event_folded=folded)


SAME_EVENT = 0.5  # share of the shorter sentence's words the other has, on the same date: one event


def group_events(events: tuple[tuple[str, Event], ...]) -> tuple[dict, dict]:
    """One event told by several sentences (of one source or of several) is one line: events of the
    same kind on the same date (and end), whose sentences are the same or share SAME_EVENT of their
    words (of four letters or more); across sources only for a date given to the day or month (two
    sources naming "2021" in similar words need not tell one event). Linear: events are compared
    only within their date.

    Returns:
        (each line's first event → the others' (article id, anchor); each folded event → its line's first).
    """
    by_date: dict[tuple, list[tuple[tuple[str, str, int], frozenset[str], str]]] = defaultdict(list)
    also: dict[tuple[str, str, int], list[tuple[str, str]]] = {}
    folded: dict[tuple[str, str, int], tuple[str, str, int]] = {}
    for article_id, event in events:
        if not event.date:
            continue
        key = event_key(article_id, event)
        bag = frozenset(w.casefold() for w in words(event.text) if len(w) >= 4)
        bucket = by_date[(event.date, event.end, event.kind)]
        lead = next((k for k, other, text in bucket if text == event.text or (
            (k[0] == article_id or event.precision in ("day", "month"))
            and len(bag & other) >= SAME_EVENT * max(1, min(len(bag), len(other))))), None)
        if lead is None:
            bucket.append((key, bag, event.text))
        else:
            folded[key] = lead
            if (article_id, event.anchor) != lead[:2] and (article_id, event.anchor) not in also.get(lead, ()):
                also.setdefault(lead, []).append((article_id, event.anchor))
    return {k: tuple(v) for k, v in also.items()}, folded


SEASON_MONTH = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}


def event_order(event: Event) -> tuple:
    """Chronological; within a year, dated days and months before the season and the bare year;
    unresolved events last."""
    if not event.date:
        return (1, 0, 0, 0, event.text)
    parts = event.date.split("-")
    year = int(parts[0])
    if len(parts) == 1:
        return (0, year, 13, 0, event.text)
    if parts[1] in SEASON_MONTH:
        return (0, year, SEASON_MONTH[parts[1]], 32, event.text)
    return (0, year, int(parts[1]), int(parts[2]) if len(parts) == 3 else 32, event.text)


def find_discrepancies(articles: tuple[Article, ...], config: Config) -> tuple[Discrepancy, ...]:
    """Statements that give different values for the same measured thing. Conservative:

    - a border's length: distances in sentences that speak of a border and name the same countries or
      places (adjectives count: "Tajik-Afghan border"), across all sources;
    - a sum of money: in one source (headline included), sentences naming the same countries or
      places; a sum given in brackets after another is its conversion, not a second value.
    Anything else is never compared. Linear: figures are grouped by key in one pass.
    """
    matcher = matcher_for(config.gazetteer)
    kinds = {e.id: e.kind for e in config.gazetteer.entities}
    groups: dict[tuple, list[Statement]] = defaultdict(list)
    for article in articles:
        previous: Statement | None = None
        previous_key: tuple = ()
        for figure in article.figures:
            if figure.measure not in (Measure.BORDER, Measure.MONEY):
                continue
            if (figure.measure == Measure.MONEY and previous is not None and previous.figure.measure == Measure.MONEY
                    and previous.figure.anchor == figure.anchor and previous.figure.unit != figure.unit
                    and _in_brackets_after(previous.figure, figure, article)):
                groups[previous_key].remove(previous)
                previous = Statement(previous.source, previous.figure, previous.equivalents + (figure,))
                groups[previous_key].append(previous)
                continue
            places = frozenset(e for e in matcher.entities_in(figure.sentence) if kinds.get(e) in PLACE_KINDS)
            if len(places) < (2 if figure.measure == Measure.BORDER else 1):
                continue
            key = (figure.measure, places) if figure.measure != Measure.MONEY else (figure.measure, places, article.id)
            previous, previous_key = Statement(article.id, figure), key
            groups[key].append(previous)
    names = {e.id: e.name for e in config.gazetteer.entities}
    themes_of = {a.id: a.theme_ids for a in articles}
    titles = {a.id: a.meta.title.value for a in articles}
    out = []
    for key, statements in groups.items():
        if len(statements) < 2 or not _conflict(statements):
            continue
        places = " – ".join(sorted(names[p] for p in key[1]))
        if key[0] == Measure.MONEY:
            what = f"A sum of money concerning {places}, in “{titles[key[2]]}”"
            method = ("Sums of money in one source (its headline included), in sentences naming the same countries "
                      "or places; a sum given in brackets after another is shown as its conversion.")
        else:
            what = f"Length of the border: {places}"
            method = ("Distances in sentences that speak of a border and name the same two or more countries or "
                      "places (their adjectives count too, as in the “Franco-Spanish” border), across all sources.")
        themes = tuple(sorted({t for s in statements for t in themes_of[s.source]}))
        out.append(Discrepancy(what, method, tuple(statements), themes))
    return tuple(sorted(out, key=lambda d: d.what))


PLACE_KINDS = ("country", "place")


def _in_brackets_after(first: Figure, second: Figure, article: Article) -> bool:
    """'70 billion rubles in the coming years (about $1.23 billion …)': second converts first."""
    if first.sentence != second.sentence or not 0 < second.start - first.end <= 60:
        return False
    text = article.meta.title.value if not first.anchor else next(
        (b.text for b in article.blocks if b.anchor == first.anchor), "")
    between = text[first.end:second.start]
    return "(" in between and ")" not in between


def _conflict(statements: list[Statement]) -> bool:
    """True when two statements give different values in the same unit: their own figures, or one's
    figure against another's stated conversion (two conversions that round differently do not count)."""
    stated: dict[str, set[float]] = defaultdict(set)
    converted: dict[str, set[float]] = defaultdict(set)
    for statement in statements:
        stated[statement.figure.unit].add(round(statement.figure.value, 6))
        for figure in statement.equivalents:
            converted[figure.unit].add(round(figure.value, 6))
    return any(len(values) > 1 or (converted[unit] and values.isdisjoint(converted[unit]))
               for unit, values in stated.items())


def summarise_entities(articles: tuple[Article, ...], config: Config):
    """Every mentioned actor with its mentions and its neighbours; each article's mentions.

    Linear in the number of mentions: co-occurrence is counted per paragraph, over the actors of
    that paragraph only.
    """
    found, found_mentions = resolve(list(articles), set(config.gazetteer.by_id))
    records = {e.id: Entity(e.id, e.name, e.kind, e.aliases, e.description, True)
               for e in config.gazetteer.entities}
    records.update({d.id: Entity(d.id, d.name, d.kind, d.aliases, "", False, d.signals) for d in found})
    mentions: dict[str, tuple[Mention, ...]] = {}
    by_entity: dict[str, list[tuple[str, Mention]]] = defaultdict(list)
    together: dict[str, Counter] = defaultdict(Counter)
    evidence: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    for article in articles:
        order = {b.anchor: i for i, b in enumerate(article.blocks)}
        merged = sorted(article.mentions + found_mentions.get(article.id, ()),
                        key=lambda m: (order.get(m.anchor, 0), m.start))
        mentions[article.id] = tuple(merged)
        per_paragraph: dict[str, set[str]] = defaultdict(set)
        for m in merged:
            by_entity[m.entity].append((article.id, m))
            per_paragraph[m.anchor].add(m.entity)
        for anchor, present in per_paragraph.items():
            for a in present:
                for b in present:
                    if a != b:
                        together[a][b] += 1
                        if len(evidence[a, b]) < MAX_RELATED_EVIDENCE:
                            evidence[a, b].append((article.id, anchor))
    summaries = []
    for entity_id in sorted(by_entity):
        items = by_entity[entity_id]
        related = sorted(together[entity_id].items(),
                         key=lambda kv: (-kv[1], records[kv[0]].name.casefold(), kv[0]))
        summaries.append(EntitySummary(
            entity=records[entity_id],
            mentions=tuple(items),
            sources=tuple(dict.fromkeys(a for a, _ in items)),
            related=tuple(Related(other, n, tuple(evidence[entity_id, other])) for other, n in related[:MAX_RELATED]),
        ))
    return tuple(summaries), mentions


def _summarise(theme, articles: tuple[Article, ...], config: Config, mentions) -> ThemeSummary:
    members = []
    for article in articles:
        match = next((m for m in article.themes if m.theme == theme.id), None)
        if match is not None:
            members.append((article, match))
    members.sort(key=lambda am: (-am[1].score, am[0].id))
    years = sorted(int(a.meta.date.value[:4]) for a, _ in members if a.meta.date.value)
    in_brief, latest, key_points, facets = brief.statements(members, mentions, config.key_points,
                                                           config.recent_years, theme.facets)
    return ThemeSummary(
        theme=theme,
        sources=tuple((a.id, m.score) for a, m in members),
        key_points=key_points,
        in_brief=in_brief,
        latest=latest,
        facets=facets,
        years=(years[0], years[-1]) if years else (None, None),
        actors=_actors(members, mentions),
        events=_in_sentences(members, "events", MAX_THEME_EVENTS, key=lambda ae: event_order(ae[1])),
        figures=_in_sentences(members, "figures", MAX_THEME_FIGURES),
        by_year=_by_year(members),
    )


def _by_year(members) -> tuple[tuple[int, int, int], ...]:
    """Per year, from the first to the last: the theme's sources published, and the dated events in
    the paragraphs that carried its score (the year of the event, not of the source)."""
    sources: Counter = Counter()
    events: Counter = Counter()
    for article, match in members:
        if article.meta.date.value:
            sources[int(article.meta.date.value[:4])] += 1
        inside = _within(match)
        for event in article.events:
            if event.date and event.kind == "event" and inside(event.anchor, event.start):
                events[int(event.date[:4])] += 1
    years = sources.keys() | events.keys()
    if not years:
        return ()
    return tuple((y, sources[y], events[y]) for y in range(min(years), max(years) + 1))


def _in_sentences(members, field: str, limit: int, key=None) -> tuple:
    """A theme's own events or figures: those in its sentences (ThemeMatch.spans), not every one in a
    paragraph that scored."""
    found = []
    for article, match in members:
        inside = _within(match)
        found.extend((article.id, item) for item in getattr(article, field)
                     if inside(item.anchor, item.start) and (field != "events" or (item.date and item.kind == "event")))
    if key:
        found.sort(key=key)
    return tuple(found[:limit]) if not key else tuple(found[-limit:])


def _within(match):
    """A test of whether a position in a paragraph ("" the headline) is in one of a theme's sentences."""
    spans: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for anchor, start, end in match.spans:
        spans[anchor].append((start, end))
    return lambda anchor, at: any(start <= at < end for start, end in spans.get(anchor, ()))


def _actors(members, mentions) -> tuple[tuple[str, int, int], ...]:
    """The actors most named where the theme is discussed: in its sentences.

    Returns (entity id, mentions, sources), most mentioned first.
    """
    counts: Counter = Counter()
    sources: Counter = Counter()
    for article, match in members:
        inside = _within(match)
        found = Counter(m.entity for m in mentions.get(article.id, ()) if m.anchor and inside(m.anchor, m.start))
        counts.update(found)
        sources.update(found.keys())
    top = sorted(counts, key=lambda e: (-counts[e], -sources[e], e))[:MAX_ACTORS]
    return tuple((e, counts[e], sources[e]) for e in top)
