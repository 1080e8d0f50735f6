"""The sources index (from SPLIT_FROM sources, one page per year) and the source table it shares with the overview."""

from __future__ import annotations

from markupsafe import Markup

from generator.markdown_text import front_matter, href, html_text
from generator.models import Briefing
from generator.pages.common import NEWEST, date_label, source_link, sources_count, year_of, year_page, years_table
from generator.pages.templating import markup, render

SPLIT_FROM = 1000  # sources from which the index gets one page per year
SOURCES_NOTE = ("Dates marked *(inferred)* were deduced from the text, and titles in *italics* were not stated by "
                "the source (they are its first sentence); each source page says how every field was found.")


def pages(briefing: Briefing):
    """The sources index, and its pages by year when there are many."""
    return list(sources_pages(briefing).items())


def sources_pages(briefing: Briefing) -> dict[str, str]:
    """The sources index; from SPLIT_FROM sources, an index of years and one page per year
    (sources/by-year/<year>.md), so that no page grows with the whole corpus."""
    titles = {t.id: t.title for t in briefing.config.themes}
    articles = briefing.articles
    note = markup(SOURCES_NOTE)
    head = markup(front_matter({"title": "Sources"}))
    if len(articles) < SPLIT_FROM:
        return {"sources/index.md": render("sources.md.j2", front_matter=head, count=sources_count(len(articles)),
                                           note=note, by_year="",
                                           table=markup(source_table(articles, titles, "sources/index.md")))}
    by_year: dict[str, list] = {}
    for article in articles:  # newest first, undated last
        by_year.setdefault(year_of(article), []).append(article)
    pages = {"sources/index.md": render(
        "sources.md.j2", front_matter=head, count=sources_count(len(articles)), note=note,
        by_year=markup(years_table(by_year, "by-year", "Sources")),
        table=markup(source_table(articles[:NEWEST * 4], titles, "sources/index.md")))}
    for year, items in by_year.items():
        pages[f"sources/by-year/{year}.md"] = year_page(
            f"Sources of {year}" if year != "undated" else "Undated sources",
            f"{sources_count(len(items))}, newest first; [all years](../index.md). {SOURCES_NOTE}",
            source_table(items, titles, f"sources/by-year/{year}.md"))
    return pages


def source_table(articles, titles, page: str) -> str:
    """Sources as a table: date, title, publication, type and themes, each linked from `page`."""
    rows = []
    for a in articles:
        themes = ", ".join(f'<a href="{href(page, f"themes/{t}.md")}">{html_text(titles[t])}</a>'
                           for t in a.theme_ids) or "—"
        rows.append(source_row(a, page, markup(f"<td>{themes}</td>")))
    return render("source_table.html.j2", title_header="Title", last_header=markup("<th>Themes</th>"), rows=rows)


def source_row(article, page: str, last: Markup) -> tuple:
    """One row of source_table.html.j2: date, linked title, publication, type, and a last cell."""
    return (date_label(article), markup(source_link(article, page)), article.meta.publication.value or "—",
            article.meta.source_type.value or "—", last)
