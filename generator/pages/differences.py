"""Where sources differ: values of the same measured thing, side by side; figures as shown."""

from __future__ import annotations

from generator.markdown_text import front_matter, href, html_text, md
from generator.models import Article, Briefing
from generator.pages.common import citation, citation_html, title_html, title_link, year_of, year_page, years_table

DIFFERENCES_SPLIT_FROM = 200  # disagreements from which that page gets one page per year


def pages(briefing: Briefing) -> list[tuple[str, str]]:
    """Where sources differ (with its pages by year when there are many)."""
    return list(differences_pages(briefing).items())


def figure_value(figure) -> str:
    """'70 billion RUB', '1,360 km', '50,000 people'."""
    value = figure.value
    for size, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if value >= size:
            return f"{value / size:,.2f}".rstrip("0").rstrip(".") + f" {word} {figure.unit}"
    return f"{value:,.2f}".rstrip("0").rstrip(".") + ("%" if figure.unit == "%" else f" {figure.unit}")


def figure_where(article: Article, figure, prefix: str) -> str:
    if not figure.anchor:
        return f"[headline]({prefix}{article.id}.md) of {title_link(article, f'{prefix}{article.id}.md')}"
    return f"{citation(article, figure.anchor, prefix)} · [¶ {figure.anchor.split('-')[-1]}]({prefix}{article.id}.md#{figure.anchor})"


def figure_where_html(article: Article, figure, page: str) -> str:
    if not figure.anchor:
        return f'<a href="{href(page, f"sources/{article.id}.md")}">headline</a> of {title_html(article, page)}'
    return (f'{citation_html(article, figure.anchor, page)} · '
            f'<a href="{href(page, f"sources/{article.id}.md", figure.anchor)}">¶ {figure.anchor.split("-")[-1]}</a>')


def discrepancy(d, by_id, page: str, level: str = "##") -> str:
    out = [f"{level} {md(d.what)}\n\n",
           "<table>\n<thead><tr><th>Value</th><th>As written</th><th>Where</th></tr></thead>\n<tbody>\n"]
    for statement in d.statements:
        figure = statement.figure
        value = html_text(figure_value(figure)) + (" (approx.)" if figure.approximate else "")
        if statement.equivalents:
            value += " = " + ", ".join(html_text(figure_value(e)) for e in statement.equivalents)
        written = "“" + html_text(figure.text) + "”" + "".join(f" (“{html_text(e.text)}”)" for e in statement.equivalents)
        out.append(f"<tr><td>{value}</td><td>{written}</td>"
                   f"<td>{figure_where_html(by_id[statement.source], figure, page)}</td></tr>\n")
    out.append(f"</tbody>\n</table>\n\n*How these were matched:* {md(d.method)}\n\n")
    return "".join(out)

DIFFERENCES_NOTE = ("Places where sources (or one source, headline against body) give different values for the same "
                    "measured thing, side by side, each linked to where it is written. Matching is conservative: only "
                    "the kinds of figures described under each are compared, and values of different things are never "
                    "set against each other.")


def differences_pages(briefing: Briefing) -> dict[str, str]:
    """Every discrepancy; from DIFFERENCES_SPLIT_FROM of them, one page per year of the newest source
    involved (differences/<year>.md) and differences.md lists the years."""
    by_id = briefing.by_id
    out = [front_matter({"title": "Where sources differ",
                         "description": "Statements that give different values for the same measured thing."}),
           f"# Where sources differ\n\n{DIFFERENCES_NOTE}\n\n"]
    if not briefing.discrepancies:
        return {"differences.md": "".join(out) + "No disagreement found.\n"}
    if len(briefing.discrepancies) < DIFFERENCES_SPLIT_FROM:
        out.extend(discrepancy(d, by_id, "differences.md") for d in briefing.discrepancies)
        return {"differences.md": "".join(out)}
    by_year: dict[str, list] = {}
    for d in briefing.discrepancies:
        years = [year_of(by_id[s.source]) for s in d.statements]
        dated = [y for y in years if y != "undated"]
        by_year.setdefault(max(dated) if dated else "undated", []).append(d)
    order = sorted((y for y in by_year if y != "undated"), reverse=True) + ["undated"] * ("undated" in by_year)
    by_year = {year: by_year[year] for year in order}
    out.append(f"{len(briefing.discrepancies):,} disagreements, one page per year (of the newest source "
               "involved):\n\n" + years_table(by_year, "differences", "Disagreements"))
    pages = {"differences.md": "".join(out)}
    for year, items in by_year.items():
        pages[f"differences/{year}.md"] = year_page(
            f"Where sources differ: {year}", f"{len(items)} disagreements; [all years](../differences.md).",
            "".join(discrepancy(d, by_id, f"differences/{year}.md") for d in items))
    return pages
