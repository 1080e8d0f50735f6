"""The timeline: every dated event in date order, by year, and as a CSV table."""

from __future__ import annotations

import csv
import io

from generator.markdown_text import front_matter, href, html_text, human_date
from generator.models import Briefing, event_key
from generator.pages.common import citation, sources_count, year_page, years_table
from generator.pages.templating import markup, render

SPLIT_FROM = 1000  # dated events from which the timeline gets one page per year
EVENTS_PER_SOURCE = 300  # dated events one source can put on the timeline pages (timeline.csv has all)
UNDATED_LISTED = 1000  # events the timeline lists under "could not be resolved"; briefing.json has all


def pages(briefing: Briefing) -> list[tuple[str, str]]:
    """The timeline (with its pages by year when there are many) and timeline.csv."""
    return [*timeline_pages(briefing).items(), ("timeline.csv", timeline_csv(briefing))]


def year_links(briefing: Briefing, page: str) -> dict[int, str]:
    """The address, from `page`, of each year the timeline shows: its heading on timeline.md, or
    its own page when the timeline is split. Decided as timeline_pages() decides (the events it
    lists, SPLIT_FROM), so that a link from another page always lands."""
    listed = _listed(briefing)
    years = sorted({int(e.date[:4]) for _, e in listed if _dated(e)})
    split = sum(1 for _, e in listed if _dated(e)) >= SPLIT_FROM
    return {y: href(page, f"timeline/{y}.md") if split else href(page, "timeline.md", str(y)) for y in years}


def event_date(event) -> str:
    """'27 April 2021', 'April 2021', 'spring 2023', '2006', '19–23 April 2021'."""
    if not event.date:
        return "date unresolved"
    parts = event.date.split("-")
    if len(parts) == 2 and not parts[1].isdigit():
        return f"{parts[1]} {parts[0]}"
    label = human_date(event.date)
    if event.end:
        label = f"{int(event.date[8:10])}–{human_date(event.end)}"
    return label


def _dated(event) -> bool:
    """An event the timeline places in its year: dated, and what happened then (not a plan, a
    "since", or a date named in a comparison)."""
    return bool(event.date) and event.kind == "event"


KIND_LABEL = {"plan": "plan or forecast", "since": "since", "until": "until"}


def lines(events, briefing: Briefing | None) -> list:
    """The events of a list that start a line: not those folded into another event of the same list
    (Briefing.event_folded: one event told again); one folded into an event the list lacks keeps its line."""
    folded = briefing.event_folded if briefing else {}
    if not folded:
        return list(events)
    keys = {event_key(a, e) for a, e in events}
    return [(a, e) for a, e in events if folded.get(event_key(a, e)) not in keys]


def event_list(events, by_id, page: str, titles: dict[str, str] | None, glossary, briefing: Briefing | None = None) -> str:
    """Events as an HTML list: date, precision, the sentence, its citation (and its source's themes).
    With the briefing, an event told again by other sentences or sources is one line citing them all
    (Briefing.event_also), unless the line it belongs to is not in this list."""
    # Each item is built here, not in the template: a template loop over 10,000 events cost twice as much.
    also = briefing.event_also if briefing else {}
    items = []
    for article_id, event in lines(events, briefing):
        key = event_key(article_id, event)
        article = by_id[article_id]
        themes = ""
        if titles is not None and article.theme_ids:
            themes = " · " + ", ".join(f"<em>{html_text(titles[t])}</em>" for t in article.theme_ids)
        others = "".join(f"; also {citation(by_id[a], anchor, page)}" for a, anchor in also.get(key, ()))
        kind = f" <small>({KIND_LABEL[event.kind]})</small>" if event.kind in KIND_LABEL else ""
        items.append(f"<li><strong>{html_text(event_date(event))}</strong> <small>{html_text(event.precision)}</small>"
                     f"{kind} — {html_text(event.text, glossary)}<br>\n{citation(article, event.anchor, page)}{others}"
                     f"{themes}</li>\n")
    return render("events.html.j2", items=markup("".join(items)))


TIMELINE_NOTE = ("Each is the sentence that carries the date, linked to its paragraph; an event told by several "
                 "sentences or sources is one line citing them all. Dates are shown as precisely "
                 "as the source gives them (day, month, season or year); a date without a year takes it from the "
                 "source's own date, and the source page says how that date was found. Each event lists the "
                 "themes of its source.")


def timeline_pages(briefing: Briefing) -> dict[str, str]:
    """Every dated event in date order, grouped by year; then what could not be dated. From SPLIT_FROM
    dated events, timeline.md lists the years and each year has its page (timeline/<year>.md)."""
    by_id = briefing.by_id
    titles = {t.id: t.title for t in briefing.config.themes}
    listed = _listed(briefing)
    dated = [(a, e) for a, e in listed if _dated(e)]
    undated = [(a, e) for a, e in listed if not e.date]
    plans = [(a, e) for a, e in listed if e.date and e.kind == "plan"][:UNDATED_LISTED]
    spans = [(a, e) for a, e in listed if e.date and e.kind in ("since", "until")][:UNDATED_LISTED]
    by_year: dict[str, list] = {}
    for article_id, event in dated:
        by_year.setdefault(event.date[:4], []).append((article_id, event))
    split = len(dated) >= SPLIT_FROM
    glossary = briefing.config.glossary
    lists = {year: event_list(events, by_id, f"timeline/{year}.md" if split else "timeline.md", titles, glossary, briefing)
             for year, events in by_year.items()}
    shown = len(lines(dated, briefing))
    pages = {f"timeline/{year}.md": year_page(f"Timeline: {year}", f"{len(by_year[year])} dated events; "
                                              f"[all years](../timeline.md). {TIMELINE_NOTE}", lines)
             for year, lines in lists.items()} if split else {}
    left_out = len(briefing.events) - len(listed)
    timeline = render(
        "timeline.md.j2", note=markup(TIMELINE_NOTE), dated=shown, count=sources_count(len({a for a, _ in dated})),
        plans=markup(event_list(plans, by_id, "timeline.md", titles, glossary, briefing)) if plans else "",
        spans=markup(event_list(spans, by_id, "timeline.md", titles, glossary, briefing)) if spans else "",
        front_matter=markup(front_matter({"title": "Timeline",
                                          "description": "Every dated event in the sources, in date order."})),
        left_out=markup(f"{left_out:,}") if left_out else "", per_source=EVENTS_PER_SOURCE,
        crowded=sum(1 for a in briefing.articles if len(a.events) > EVENTS_PER_SOURCE),
        years_table=markup(years_table(by_year, "timeline", "Events")) if split else "",
        years=[] if split else [(year, markup(lines)) for year, lines in lists.items()],
        undated=[(e.expression, e.note, e.text, markup(citation(by_id[a], e.anchor, "timeline.md", markdown=True)))
                 for a, e in undated[:UNDATED_LISTED]],
        more_undated=max(0, len(undated) - UNDATED_LISTED))
    return {"timeline.md": timeline, **pages}


def _listed(briefing: Briefing) -> list:
    """_events_listed(), made once per briefing (the theme pages ask for it too)."""
    found = briefing.__dict__.get("_timeline_listed")
    if found is None:
        found = _events_listed(briefing)
        object.__setattr__(briefing, "_timeline_listed", found)
    return found


def _events_listed(briefing: Briefing) -> list:
    """briefing.events without what one source gives past its first EVENTS_PER_SOURCE (in its own
    text order): a book-length seed would otherwise fill the timeline (16 MB of pages from one file)."""
    allowed = {(a.id, e) for a in briefing.articles for e in a.events[:EVENTS_PER_SOURCE]}
    if len(allowed) == len(briefing.events):
        return list(briefing.events)
    return [(a, e) for a, e in briefing.events if (a, e) in allowed]


def timeline_csv(briefing: Briefing) -> str:
    """The timeline as a table for spreadsheets: one row per event, dated ones in date order."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["date", "precision", "end", "kind", "text", "expression", "source", "url", "themes", "note"])
    themes_of = {a.id: a.theme_ids for a in briefing.articles}
    for source, e in briefing.events:
        writer.writerow([_cell(v) for v in (e.date or "", e.precision, e.end or "", e.kind, e.text, e.expression, source,
                                            f"sources/{source}/#{e.anchor}", " ".join(themes_of[source]), e.note)])
    return buffer.getvalue()


def _cell(value: str) -> str:
    """A CSV cell a spreadsheet will not run: seed text starting with = + - @ gets a leading quote."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value
