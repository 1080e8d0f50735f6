"""A theme's page (key points, actors, timeline, figures, disagreements, sources), the themes index and the tags page."""

from __future__ import annotations

from generator.markdown_text import attr, front_matter, md
from generator.models import Briefing, ThemeSummary, newest_first
from generator.pages.common import citation, search_filters, sources_count, span
from generator.pages.listing import source_row
from generator.pages.differences import discrepancy, figure_value, figure_where
from generator.pages.templating import markup, render
from generator.pages.timeline import event_list

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
    listed = render("source_table.html.j2", title_header="Source",
                    last_header=markup('<th style="text-align: right">Score</th>'),
                    rows=[source_row(by_id[i], page, markup(f'<td style="text-align: right">{score:g}</td>'))
                          for i, score in newest])
    return render(
        "theme.md.j2", theme=theme, pubs=pubs, count=sources_count(len(summary.sources)), span=span(summary.years),
        front_matter=markup(front_matter({"title": attr(theme.title), "description": attr(theme.description)})),
        filters=markup(search_filters([("kind", "Theme"), ("theme", theme.title)])),
        key_points=[(p.text, markup(citation(by_id[p.source], p.anchor, "../sources/"))) for p in summary.key_points],
        actors=[(briefing.entity(e).entity, mentions, sources) for e, mentions, sources in summary.actors],
        timeline=markup(_timeline(summary, briefing, by_id)), figures=markup(_figures(summary, briefing, by_id)),
        total=len(summary.sources), listed=markup(listed), shown=len(newest), method=markup(_method(theme)))


def _method(theme) -> str:
    terms = ", ".join(f"{md(t)} ({w:g})" for t, w in sorted(theme.terms, key=lambda tw: (-tw[1], tw[0].lower())))
    return (
        '??? info "How sources are assigned to this theme"\n\n'
        f"    A source belongs to this theme when its weighted count of the terms below reaches "
        f"**{theme.threshold:g}**; each term counts at most three times per source. The terms and their "
        f"weights come from `briefing.yml`.\n\n    {terms}\n"
    )


def _timeline(summary: ThemeSummary, briefing: Briefing, by_id) -> str:
    if not summary.events:
        return ""
    out = ["## Timeline\n\n", "Dated events in the paragraphs that place sources in this theme, latest "
           f"{len(summary.events)}; [the full timeline](../timeline.md) has every source.\n\n"]
    out.append(event_list(summary.events, by_id, f"themes/{summary.theme.id}.md", None, briefing.config.glossary))
    return "".join(out)


def _figures(summary: ThemeSummary, briefing: Briefing, by_id) -> str:
    out = []
    if summary.figures:
        out += ["## Key figures\n\n", "Quantities in the paragraphs that place sources in this theme, as the sources "
                "give them (currencies are never converted).\n\n",
                "| Figure | Value | Measures | Where |\n|---|---|---|---|\n"]
        for article_id, figure in summary.figures:
            approx = " (approx.)" if figure.approximate else ""
            out.append(f"| {md(figure.text)} | {md(figure_value(figure))}{approx} | {md(figure.measure)} | "
                       f"{figure_where(by_id[article_id], figure, '../sources/')} |\n")
        out.append("\n")
    concerned = [d for d in briefing.discrepancies if summary.theme.id in d.themes]
    if concerned:
        out.append("## Where sources differ\n\n")
        if len(concerned) > THEME_DIFFERENCES:
            out.append(f"The first {THEME_DIFFERENCES} of {len(concerned)}; [Where sources differ](../differences.md) "
                       "has them all.\n\n")
        for d in concerned[:THEME_DIFFERENCES]:
            out.append(discrepancy(d, by_id, f"themes/{summary.theme.id}.md", level="###"))
    return "".join(out)


def themes_index(briefing: Briefing) -> str:
    out = [front_matter({"title": "Themes"}), "# Themes\n\n"]
    for summary in briefing.themes:
        out.append(f"## [{md(summary.theme.title)}]({summary.theme.id}.md)\n\n{md(summary.theme.description)}\n\n")
        out.append(f"{sources_count(len(summary.sources))} {span(summary.years)}.\n\n")
    return "".join(out)


def tags_page() -> str:
    return (front_matter({"title": "Sources by theme"}) + "# Sources by theme\n\n"
            "Every source, listed under each theme it belongs to.\n\n<!-- material/tags -->\n")
