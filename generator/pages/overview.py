"""The home page: what the briefing covers, theme cards with lead points, the newest sources."""

from __future__ import annotations

from generator.markdown_text import attr, front_matter, human_date
from generator.models import Briefing
from generator.pages.charts import data_table, grid_chart
from generator.pages.charts import figure as chart_figure
from generator.pages.common import NEWEST, citation, source_link, sources_count, span
from generator.pages.listing import source_table
from generator.pages.templating import markup, render
from generator.pages.whatsnew import LATEST_ON_HOME, latest


def pages(briefing: Briefing) -> list[tuple[str, str]]:
    """The home page."""
    return [("index.md", overview_page(briefing))]


def overview_page(briefing: Briefing) -> str:
    """Home: what the briefing covers, theme cards with lead points, newest sources, how to search."""
    config = briefing.config
    by_id = briefing.by_id
    titles = {t.id: t.title for t in config.themes}
    years = sorted(int(a.meta.date.value[:4]) for a in briefing.articles if a.meta.date.value)
    dated = [a for a in briefing.articles if a.meta.date.value]
    undated = [a for a in briefing.articles if not a.meta.date.value]
    themes = [(s.theme, sources_count(len(s.sources)), span(s.years),
               [(p.text, markup(citation(by_id[p.source], p.anchor, "index.md", markdown=True))) for p in s.in_brief[:2]])
              for s in briefing.themes]
    return render(
        "overview.md.j2", config=config, count=sources_count(len(briefing.articles)),
        front_matter=markup(front_matter({"title": "Overview", "description": attr(config.description)})),
        span=span((years[0], years[-1]) if years else (None, None)),
        publications=len({a.meta.publication.value for a in briefing.articles if a.meta.publication.value}),
        themes=themes, undated=len(undated), undated_count=sources_count(len(undated)), newest=NEWEST,
        table=markup(source_table(dated[:NEWEST] + undated[:NEWEST], titles, "index.md")),
        added=[(human_date(briefing.added.get(a.id)) if briefing.added.get(a.id) else "day not recorded",
                markup(source_link(a, "index.md", markdown=True)), a.meta.publication.value)
               for a in latest(briefing, LATEST_ON_HOME)],
        grid=markup(_grid(briefing)),
        events=sum(1 for _, e in briefing.events if e.date and e.kind == "event"), differences=len(briefing.discrepancies),
        actors=sum(1 for e in briefing.entities if e.entity.reviewed))


def _grid(briefing: Briefing) -> str:
    """Themes × years: how many sources each theme has from each year, as dots, with the figures."""
    rows = [(s.theme.title, {y: n for y, n, _ in s.by_year if n}) for s in briefing.themes]
    years = sorted({y for _, counts in rows for y in counts})
    if not years:
        return ""
    total = sum(sum(counts.values()) for _, counts in rows)
    alt = (f"Dot chart: sources per theme and year of publication, {len(rows)} themes from {years[0]} to "
           f"{years[-1]}; {total} theme placements in all (a source can be on several themes).")
    table = [(y, *[counts.get(y, 0) for _, counts in rows]) for y in years]
    return (chart_figure(grid_chart(rows), alt, "Each dot is a theme's sources published that year; the "
                          "bigger, the more. A source on several themes counts on each.")
            + data_table(("Year", *[title for title, _ in rows]), table))
