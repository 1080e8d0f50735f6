"""Gather every article into the briefing: theme summaries with key points, newest-first order."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping

from generator import brief
from generator.compare import find_discrepancies
from generator.config import Config
from generator.entities import resolve
from generator.models import (
    Article,
    Briefing,
    Entity,
    EntitySummary,
    Event,
    Mention,
    Related,
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
    discrepancies, comparisons = find_discrepancies(ordered, config)
    also, folded = group_events(events)
    return Briefing(config=config, articles=ordered, themes=themes, entities=entities, mentions=mentions,
                    events=events, discrepancies=discrepancies, comparisons=comparisons, added=dict(added or {}),
                    event_also=also,
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
    pairs_counted: Counter = Counter()  # (a, b) → paragraphs naming both (counted in C: the hot loop)
    evidence: dict[tuple[str, str], list[tuple[str, str]]] = {}
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
            if len(present) < 2:
                continue
            pairs = [(a, b) for a in present for b in present if a != b]
            pairs_counted.update(pairs)
            where = (article.id, anchor)
            for pair in pairs:
                kept = evidence.get(pair)
                if kept is None:
                    evidence[pair] = [where]
                elif len(kept) < MAX_RELATED_EVIDENCE:
                    kept.append(where)
    together: dict[str, dict[str, int]] = defaultdict(dict)
    for (a, b), n in pairs_counted.items():
        together[a][b] = n
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
    inside = {article.id: _within(match) for article, match in members}  # is a position in the theme's sentences?
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
        actors=_actors(members, mentions, inside),
        events=_in_sentences(members, inside, "events", MAX_THEME_EVENTS, key=lambda ae: event_order(ae[1])),
        figures=_in_sentences(members, inside, "figures", MAX_THEME_FIGURES),
        by_year=_by_year(members, inside),
    )


def _by_year(members, inside) -> tuple[tuple[int, int, int], ...]:
    """Per year, from the first to the last: the theme's sources published, and the dated events in
    the paragraphs that carried its score (the year of the event, not of the source)."""
    sources: Counter = Counter()
    events: Counter = Counter()
    for article, _ in members:
        if article.meta.date.value:
            sources[int(article.meta.date.value[:4])] += 1
        for event in article.events:
            if event.date and event.kind == "event" and inside[article.id](event.anchor, event.start):
                events[int(event.date[:4])] += 1
    years = sources.keys() | events.keys()
    if not years:
        return ()
    return tuple((y, sources[y], events[y]) for y in range(min(years), max(years) + 1))


def _in_sentences(members, inside, field: str, limit: int, key=None) -> tuple:
    """A theme's own events or figures: those in its sentences (ThemeMatch.spans), not every one in a
    paragraph that scored."""
    found = []
    for article, _ in members:
        within = inside[article.id]
        found.extend((article.id, item) for item in getattr(article, field)
                     if (field != "events" or (item.date and item.kind == "event")) and within(item.anchor, item.start))
    if key:
        found.sort(key=key)
    return tuple(found[:limit]) if not key else tuple(found[-limit:])


def _within(match):
    """A test of whether a position in a paragraph ("" the headline) is in one of a theme's sentences."""
    spans: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for anchor, start, end in match.spans:
        spans[anchor].append((start, end))
    spans_of = spans.get

    def within(anchor: str, at: int) -> bool:  # a loop, not any(...): called millions of times at 10,000 sources
        for start, end in spans_of(anchor, ()):
            if start <= at < end:
                return True
        return False

    return within


def _actors(members, mentions, inside) -> tuple[tuple[str, int, int], ...]:
    """The actors most named where the theme is discussed: in its sentences.

    Returns (entity id, mentions, sources), most mentioned first.
    """
    counts: Counter = Counter()
    sources: Counter = Counter()
    for article, _ in members:
        within = inside[article.id]
        found = Counter(m.entity for m in mentions.get(article.id, ()) if m.anchor and within(m.anchor, m.start))
        counts.update(found)
        sources.update(found.keys())
    top = sorted(counts, key=lambda e: (-counts[e], -sources[e], e))[:MAX_ACTORS]
    return tuple((e, counts[e], sources[e]) for e in top)
