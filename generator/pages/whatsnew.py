"""What's new: sources in the order they reached the briefing, with what each brought; its Atom feed.

The day a source was added comes from arrivals.json (generator/arrivals.py), never from the build's
clock, so both files are byte-identical from one rebuild to the next. The feed is made by feedgen.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable

from feedgen.feed import FeedGenerator

from generator.markdown_text import front_matter, human_date
from generator.models import Article, Briefing
from generator.pages.common import source_link
from generator.pages.templating import markup, render

WHATS_NEW = 100  # sources on the page: the latest additions; the sources index lists every one
FEED_ENTRIES = 50
LATEST_ON_HOME = 5
DISAGREEMENTS_NAMED = 3


def pages(briefing: Briefing) -> list[tuple[str, str | bytes]]:
    """The What's new page and feed.xml."""
    return [("whats-new.md", whats_new_page(briefing)), ("feed.xml", feed(briefing))]


def latest(briefing: Briefing, n: int) -> list[Article]:
    """The n sources added last: by day added, newest first; within a day, newest published first."""
    added = briefing.added
    # articles are already newest first by publication: a stable sort by day added keeps that order
    return sorted(briefing.articles, key=lambda a: added.get(a.id, ""), reverse=True)[:n]


def whats_new_page(briefing: Briefing) -> str:
    """The latest additions, grouped by the day they were added, each with what it brought."""
    page = "whats-new.md"
    titles = {t.id: t.title for t in briefing.config.themes}
    shown = latest(briefing, WHATS_NEW)
    events: dict[str, int] = {}
    for article_id, event in briefing.events:
        if event.date:
            events[article_id] = events.get(article_id, 0) + 1
    disagreements: dict[str, list[str]] = {}
    for d in briefing.discrepancies:
        for article_id in dict.fromkeys(s.source for s in d.statements):
            disagreements.setdefault(article_id, []).append(d.what)
    days: dict[str, list] = {}
    for a in shown:
        days.setdefault(briefing.added.get(a.id, ""), []).append((
            a, markup(source_link(a, page, markdown=True)),
            f"published {human_date(a.meta.date.value)}" if a.meta.date.value else "undated",
            [(t, titles[t]) for t in a.theme_ids], events.get(a.id, 0),
            disagreements.get(a.id, [])[:DISAGREEMENTS_NAMED], len(disagreements.get(a.id, []))))
    return render("whats_new.md.j2", front_matter=markup(front_matter({
        "title": "What's new", "description": "The sources added last, with what each brought to the briefing."})),
        days=[(human_date(day) if day else "day not recorded", items) for day, items in days.items()],
        total=len(briefing.articles), shown=len(shown))


def feed(briefing: Briefing) -> bytes:
    """An Atom feed of the sources added last (feed.xml beside the home page; every page's <head>
    names it). Links are relative to the feed, as Atom allows, so the site can be hosted anywhere;
    ids are UUIDs made from the briefing's title and the source's id, stable across rebuilds."""
    config = briefing.config
    entries = latest(briefing, FEED_ENTRIES)
    titles = {t.id: t.title for t in config.themes}
    fg = FeedGenerator()
    fg.id(_urn(config.title, ""))
    fg.title(config.title)
    fg.subtitle(config.description or config.title)
    fg.author({"name": config.title})
    fg.link(href="feed.xml", rel="self")
    fg.link(href="./", rel="alternate")
    fg.language("en")
    fg.generator("briefing generator (python-feedgen)")
    fg.updated(_day(max((briefing.added.get(a.id, "") for a in entries), default="")))
    for a in entries:
        meta = a.meta
        entry = fg.add_entry(order="append")
        entry.id(_urn(config.title, a.id))
        entry.title(meta.title.value)
        entry.link(href=f"sources/{a.id}/", rel="alternate")
        entry.updated(_day(briefing.added.get(a.id, "")))
        for theme in a.theme_ids:
            entry.category(term=theme, label=titles[theme])
        for author in meta.authors.value:
            entry.author({"name": author})
        entry.summary(" · ".join(_about(a, titles)))
    return fg.atom_str(pretty=True)


def _about(article: Article, titles: dict[str, str]) -> Iterable[str]:
    meta = article.meta
    yield meta.publication.value or "publication unknown"
    yield f"published {human_date(meta.date.value)}" if meta.date.value else "undated"
    if article.theme_ids:
        yield "themes: " + ", ".join(titles[t] for t in article.theme_ids)
    if meta.summary.value:
        yield meta.summary.value


def _urn(title: str, source_id: str) -> str:
    return uuid.uuid5(uuid.NAMESPACE_URL, f"briefing:{title}:{source_id}").urn


def _day(iso: str) -> dt.datetime:
    """Midnight UTC of an ISO day; the epoch for a day not recorded (never the build's clock)."""
    day = dt.date.fromisoformat(iso) if iso else dt.date(1970, 1, 1)
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.timezone.utc)


