"""Where sources differ: values of the same measured thing, side by side; figures as shown."""

from __future__ import annotations

from generator.markdown_text import front_matter, href
from generator.models import Article, Briefing
from generator.pages.common import (
    Memo,
    article_inputs,
    citation,
    digest,
    shared_inputs,
    source_link,
    year_of,
    year_page,
    years_table,
)
from generator.pages.templating import markup, render

DIFFERENCES_SPLIT_FROM = 200  # disagreements from which that page gets one page per year


def pages(briefing: Briefing) -> list[tuple[str, str | Memo]]:
    """Where sources differ (with its pages by year when there are many)."""
    return list(differences_pages(briefing).items())


def figure_value(figure) -> str:
    """'70 billion RUB', '1,360 km', '50,000 people'."""
    value = figure.value
    for size, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if value >= size:
            return f"{value / size:,.2f}".rstrip("0").rstrip(".") + f" {word} {figure.unit}"
    return f"{value:,.2f}".rstrip("0").rstrip(".") + ("%" if figure.unit == "%" else f" {figure.unit}")


def figure_where(article: Article, figure, page: str, markdown: bool = False) -> str:
    """Where a figure is written: its source's citation and paragraph, or the headline of its source."""
    if not figure.anchor:
        headline = href(page, f"sources/{article.id}.md")
        return f'<a href="{headline}">headline</a> of {source_link(article, page, "", markdown)}'
    return (f'{citation(article, figure.anchor, page, markdown)} · '
            f'<a href="{href(page, f"sources/{article.id}.md", figure.anchor)}">¶ {figure.anchor.split("-")[-1]}</a>')


def discrepancy(d, by_id, page: str, level: str = "##") -> str:
    """One disagreement: what is measured, each value as written and where, and how they were matched."""
    return render("discrepancy.md.j2", level=markup(level), what=d.what, method=d.method, statements=[
        (figure_value(s.figure), s.figure.approximate, [figure_value(e) for e in s.equivalents], s.figure.text,
         [e.text for e in s.equivalents], markup(figure_where(by_id[s.source], s.figure, page)))
        for s in d.statements])


DIFFERENCES_NOTE = ("Places where sources (or one source, headline against body) give different values for the same "
                    "measured thing, side by side, each linked to where it is written. Matching is conservative: only "
                    "the kinds of figures described under each are compared, and values of different things are never "
                    "set against each other.")


def differences_pages(briefing: Briefing) -> dict[str, str | Memo]:
    """Every discrepancy; from DIFFERENCES_SPLIT_FROM of them, one page per year of the newest source
    involved (differences/<year>.md) and differences.md lists the years."""
    by_id = briefing.by_id
    head = markup(front_matter({"title": "Where sources differ",
                                "description": "Statements that give different values for the same measured thing."}))
    if len(briefing.discrepancies) < DIFFERENCES_SPLIT_FROM:
        return {"differences.md": render(
            "differences.md.j2", front_matter=head, note=markup(DIFFERENCES_NOTE), years_table="", total=0,
            listed=[markup(discrepancy(d, by_id, "differences.md")) for d in briefing.discrepancies])}
    by_year: dict[str, list] = {}
    for d in briefing.discrepancies:
        years = [year_of(by_id[s.source]) for s in d.statements]
        dated = [y for y in years if y != "undated"]
        by_year.setdefault(max(dated) if dated else "undated", []).append(d)
    order = sorted((y for y in by_year if y != "undated"), reverse=True) + ["undated"] * ("undated" in by_year)
    by_year = {year: by_year[year] for year in order}
    pages = {"differences.md": render(
        "differences.md.j2", front_matter=head, note=markup(DIFFERENCES_NOTE), listed=[],
        total=markup(f"{len(briefing.discrepancies):,}"),
        years_table=markup(years_table(by_year, "differences", "Disagreements")))}
    shared = shared_inputs(briefing)
    for year, items in by_year.items():
        pages[f"differences/{year}.md"] = Memo(_year_key(shared, year, items, by_id), lambda year=year, items=items: year_page(
            f"Where sources differ: {year}", f"{len(items)} disagreements; [all years](../differences.md).",
            "".join(discrepancy(d, by_id, f"differences/{year}.md") for d in items)))
    return pages


def _year_key(shared: str, year: str, items, by_id) -> str:
    """Everything a year's page reads (discrepancy() and its citations): made again only when one of
    its disagreements, or a source one cites, changed (an added source changes one year's page)."""
    def figure(f) -> list:
        return [f.anchor, f.text, f.value, f.unit, f.approximate]

    return digest([shared, year, [[d.what, d.method, [[s.source, figure(s.figure), [figure(e) for e in s.equivalents]]
                                                      for s in d.statements]] for d in items],
                   [article_inputs(by_id[i]) for i in sorted({s.source for d in items for s in d.statements})]])
