"""The sources index (from SPLIT_FROM sources, one page per year) and the source table it shares with the overview."""

from __future__ import annotations

from generator.markdown_text import front_matter, href, html_text
from generator.models import Briefing
from generator.pages.common import NEWEST, date_label, sources_count, title_html, year_of, year_page, years_table

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
    out = [front_matter({"title": "Sources"}), "# Sources\n\n"]
    if len(articles) < SPLIT_FROM:
        out.append(f"All {sources_count(len(articles))}, newest first. {SOURCES_NOTE}\n\n")
        out.append(source_table(articles, titles, "sources/index.md"))
        return {"sources/index.md": "".join(out)}
    by_year: dict[str, list] = {}
    for article in articles:  # newest first, undated last
        by_year.setdefault(year_of(article), []).append(article)
    out.append(f"{sources_count(len(articles))}, one page per year (newest first). {SOURCES_NOTE}\n\n")
    out.append(years_table(by_year, "by-year", "Sources"))
    out.append(f"## Newest sources\n\n{source_table(articles[:NEWEST * 4], titles, 'sources/index.md')}")
    pages = {"sources/index.md": "".join(out)}
    for year, items in by_year.items():
        pages[f"sources/by-year/{year}.md"] = year_page(
            f"Sources of {year}" if year != "undated" else "Undated sources",
            f"{sources_count(len(items))}, newest first; [all years](../index.md). {SOURCES_NOTE}",
            source_table(items, titles, f"sources/by-year/{year}.md"))
    return pages


def source_table(articles, titles, page: str) -> str:
    rows = ['<table>\n<thead><tr><th>Date</th><th>Title</th><th>Publication</th><th>Type</th><th>Themes</th></tr>'
            '</thead>\n<tbody>\n']
    for a in articles:
        themes = ", ".join(f'<a href="{href(page, f"themes/{t}.md")}">{html_text(titles[t])}</a>'
                           for t in a.theme_ids) or "—"
        rows.append(f"<tr><td>{html_text(date_label(a))}</td><td>{title_html(a, page)}</td>"
                    f"<td>{html_text(a.meta.publication.value or '—')}</td>"
                    f"<td>{html_text(a.meta.source_type.value or '—')}</td><td>{themes}</td></tr>\n")
    return "".join(rows) + "</tbody>\n</table>\n\n"
