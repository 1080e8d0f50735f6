"""A theme's page (key points, actors, timeline, figures, disagreements, sources), the themes index and the tags page."""

from __future__ import annotations

from generator.markdown_text import attr, front_matter, href, html_text, inline
from generator.models import Briefing, KeyPoint, ThemeSummary, newest_first
from generator.pages.charts import data_table, years_chart
from generator.pages.charts import figure as chart_figure
from generator.pages.common import SEARCH_BOOST, citation, date_label, search_filters, sources_count, span
from generator.pages.differences import discrepancy, figure_value, figure_where
from generator.pages.listing import source_row
from generator.pages.templating import markup, render
from generator.pages.timeline import event_list, lines, year_links

THEME_SOURCES = 200  # a theme page lists its newest sources; "Sources by theme" lists them all
THEME_DIFFERENCES = 10  # a theme page shows this many disagreements; "Where sources differ" has all


def pages(briefing: Briefing) -> list[tuple[str, str]]:
    """The themes index and one page per theme."""
    return [("themes/index.md", themes_index(briefing))] + [
        (f"themes/{s.theme.id}.md", theme_page(s, briefing)) for s in briefing.themes]


def tags_pages(briefing: Briefing) -> list[tuple[str, str]]:
    """Every source under each of its themes (Material's tags plugin fills the page)."""
    return [("tags.md", tags_page())]


def theme_page(summary: ThemeSummary, briefing: Briefing) -> str:
    """One theme: overview figures, key points with citations, its sources, how it is detected."""
    theme = summary.theme
    by_id = briefing.by_id
    page = f"themes/{theme.id}.md"
    pubs = sorted({by_id[i].meta.publication.value for i, _ in summary.sources if by_id[i].meta.publication.value})
    newest = sorted(summary.sources, key=lambda s: newest_first(by_id[s[0]]))[:THEME_SOURCES]
    # newest first (by the newest report in each): a briefing leads with what sources differ on now
    concerned = sorted((d for d in briefing.discrepancies if theme.id in d.themes),
                       key=lambda d: (min(newest_first(by_id[s.source]) for s in d.statements), d.what))
    listed = render("source_table.html.j2", title_header="Source",
                    last_header=markup('<th style="text-align: right">Score</th>'),
                    rows=[source_row(by_id[i], page, markup(f'<td style="text-align: right">{score:g}</td>'))
                          for i, score in newest])
    return render(
        "theme.md.j2", theme=theme, pubs=pubs, count=sources_count(len(summary.sources)), span=span(summary.years),
        front_matter=markup(front_matter({"title": attr(theme.title), "description": attr(theme.description),
                                          "search": SEARCH_BOOST})),
        filters=markup(search_filters([("kind", "Theme"), ("theme", theme.title)])),
        in_brief=[markup(_statement(p, by_id, page, summary, briefing.config.recent_years)) for p in summary.in_brief],
        latest=[markup(_statement(p, by_id, page, summary, briefing.config.recent_years, latest=True))
                for p in summary.latest],
        key_points=[markup(_statement(p, by_id, page, summary, briefing.config.recent_years))
                    for p in summary.key_points],
        recent_years=briefing.config.recent_years,
        facets=[(f.title, sources_count(f.sources),
                 markup(_statement(f.newest, by_id, page, summary, briefing.config.recent_years, latest=True))
                 if f.newest else "",
                 [markup(_statement(p, by_id, page, summary, briefing.config.recent_years)) for p in f.points])
                for f in summary.facets if f.points or f.newest],
        latest_span=_latest_span(summary, by_id),
        actors=[(briefing.entity(e).entity, mentions, sources) for e, mentions, sources in summary.actors],
        events=markup(event_list(summary.events, by_id, page, None, briefing.config.glossary, briefing)) if summary.events else "",
        events_count=len(lines(summary.events, briefing)),
        figures=[(f.text, figure_value(f), f.approximate, f.measure, markup(figure_where(by_id[i], f, page, markdown=True)))
                 for i, f in summary.figures],
        differences=[markup(discrepancy(d, by_id, page, level="###")) for d in concerned[:THEME_DIFFERENCES]],
        differences_count=len(concerned), total=len(summary.sources), listed=markup(listed), shown=len(newest),
        chart=markup(_coverage(summary, briefing, page)),
        terms=sorted(theme.terms, key=lambda tw: (-tw[1], tw[0].lower())))


def _quoted(text: str) -> str:
    """A sentence in quotation marks; one that opens on its own quotation ("“Over 5% of Tajik
    soldiers ...") keeps that mark rather than get a second one, and is closed if it is not."""
    if text.startswith(("“", "«", '"')):
        return text if text.endswith(("”", "»", '"')) else f"{text}”"
    return f"“{text}”"


def _statement(point: KeyPoint, by_id, page: str, summary: ThemeSummary, recent: int, latest: bool = False) -> str:
    """A statement as a list item's text: the quoted sentence, its citation and those of the other
    sources that say much the same; under Latest developments led by its date, elsewhere by its year
    when it is more than `recent` years older than the theme's newest source."""
    article = by_id[point.source]
    quote = _quoted(inline(point.text))
    lead = ""
    newest = summary.years[1]
    if latest:
        lead = f"**{inline(date_label(article))}** · "
    elif point.date and newest is not None and newest - int(point.date[:4]) > recent:
        year = point.date[:4]
        lead = (f'<span class="age-label" title="From {year}: {newest - int(year)} years before the newest source '
                f'on this theme">{year}</span> ')
    cited = citation(article, point.anchor, page, markdown=True, dated=not latest)
    text = f"{lead}{quote}  \n   — {cited}"
    if point.also:
        others = ", ".join(_also(by_id[s], anchor, page) for s, anchor, _ in point.also)
        text += f"  \n   Reported by {len(point.also) + 1} sources; also by {others}"
    return text


def _also(article, anchor: str, page: str) -> str:
    """Another source of a statement, short: its publication (or its title's first words) linked to the
    paragraph, its date beside it, its title on hover."""
    words = article.meta.title.value.split()
    label = article.meta.publication.value or " ".join(words[:4]) + ("…" if len(words) > 4 else "")
    link = (f'<a href="{href(page, f"sources/{article.id}.md", anchor)}" title="{html_text(article.meta.title.value)}">'
            f"{inline(label)}</a>")
    return f"{link} ({inline(date_label(article))})" if article.meta.date.value else link


def _latest_span(summary: ThemeSummary, by_id) -> str:
    """The years Latest developments come from: '2021–2023', '2023'."""
    years = sorted({by_id[p.source].meta.date.value[:4] for p in summary.latest if by_id[p.source].meta.date.value})
    return "" if not years else years[0] if years[0] == years[-1] else f"{years[0]}–{years[-1]}"


def _coverage(summary: ThemeSummary, briefing: Briefing, page: str) -> str:
    """Sources published and dated events per year, as bars (each year's events linked to the
    timeline), with the figures behind them."""
    if not summary.by_year:
        return ""
    on_timeline = year_links(briefing, page)
    links = {y: on_timeline[y] for y, _, events in summary.by_year if events and y in on_timeline}
    years = [y for y, _, _ in summary.by_year]
    sources, events = sum(n for _, n, _ in summary.by_year), sum(e for _, _, e in summary.by_year)
    alt = (f"Bar chart: {sources} sources published and {events} dated events in this theme, per year, "
           f"from {years[0]} to {years[-1]}.")
    return (chart_figure(years_chart(summary.by_year, links), alt,
                          "Sources on this theme by year of publication, and the dated events in the theme's own "
                          "sentences by the year they happened (each year's events open the timeline).")
            + data_table(("Year", "Sources", "Dated events"),
                                [(y, n, f'<a href="{links[y]}">{e}</a>' if y in links else e) for y, n, e in summary.by_year]))


def themes_index(briefing: Briefing) -> str:
    """Every theme with its description and how many sources it has."""
    return render("themes.md.j2", front_matter=markup(front_matter({"title": "Themes"})),
                  themes=[(s.theme, sources_count(len(s.sources)), span(s.years)) for s in briefing.themes])


def tags_page() -> str:
    """Material's tags plugin fills the page with every source under each of its themes."""
    return render("tags.md.j2", front_matter=markup(front_matter({"title": "Sources by theme"})))
