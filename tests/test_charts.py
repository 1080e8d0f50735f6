"""Charts: static SVG drawn at build time (generator/pages/charts.py), each with a text alternative
and the data behind it, no script and no other host, every link leading somewhere real, legible in
the light and the dark palette."""

from __future__ import annotations

import re

import pytest

from browser import DESKTOP
from conftest import html, link_target, page_ids
from generator.pages import charts

CHARTED = {"": "grid", "themes/military-cooperation/": "bars", "entities/emomali-rahmon/": "network",
           "entities/": "network"}


def test_a_chart_is_the_same_from_one_build_to_the_next():
    by_year = ((2020, 1, 2), (2021, 0, 3), (2022, 4, 0))
    first = charts.years_chart(by_year, {2021: "../timeline/#2021"})
    assert first == charts.years_chart(by_year, {2021: "../timeline/#2021"})
    assert "<script" not in first and "<!--" not in first and "\n" not in first
    assert not re.search(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-", first)  # pygal's random ids replaced
    assert 'href="../timeline/#2021"' in first
    assert charts.grid_chart([("A", {2020: 2}), ("B", {2022: 1})]).count("<circle") == 2


def test_charts_have_a_text_alternative_data_behind_them_and_real_links(built):
    site = built / "site"
    for path, kind in CHARTED.items():
        page = site / path / "index.html"
        soup = html(page)
        figures = soup.select("article figure.chart")
        assert len(figures) == 1, path
        figure = figures[0]
        assert figure.has_attr("data-search-exclude")
        image = figure.select_one("[role=img]")
        assert len(image["aria-label"]) > 40 and figure.figcaption.get_text(strip=True), path
        svg = figure.svg
        assert svg is not None and not svg.select("script, image, foreignObject"), path
        links = [a.get("href") or a.get("xlink:href") for a in svg.select("a")]
        for href in links:
            target, fragment = link_target(site, page, href)
            assert target is not None, (path, href)  # no other host
            file = target / "index.html" if target.is_dir() else target
            assert file.is_file(), (path, href)
            assert not fragment or fragment in page_ids(file), (path, href)
        if kind == "network":
            lines = svg.select("a > line")
            assert lines and all(line.title.get_text() for line in lines), path
            assert all("/sources/" in link_target(site, page, line.parent["href"])[0].as_posix() for line in lines)
            behind = soup.select_one("#named-in-the-same-paragraphs ~ figure ~ table, #named-in-the-same-paragraphs"
                                     " ~ div table") if path != "entities/" else figure.find_next("details").table
            assert behind is not None and len(behind.select("tbody tr")) >= len(svg.select("circle")) - 1, path
        else:
            behind = figure.find_next("details")
            assert behind is not None and behind.table is not None and behind.table.select("tbody tr"), path
        if kind == "bars":  # every year from the first to the last, with its events linked to the timeline
            rows = behind.table.select("tbody tr")
            years = [int(r.td.get_text()) for r in rows]
            assert years == list(range(years[0], years[-1] + 1))
            assert any(a["href"].startswith("../../timeline/#") for a in behind.table.select("a"))


def luminance(css: str) -> float:
    values = [float(v) for v in re.findall(r"[\d.]+", css)[:3]]
    return sum(v / 255 for v in values) / 3


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_charts_are_legible_in_both_palettes(browser, server, scheme):
    """The charts' text takes the palette's text colour: dark on the light page, light on the dark one."""
    context = browser.new_context(viewport=DESKTOP, color_scheme=scheme)
    page = context.new_page()
    for path in CHARTED:
        page.goto(server.url + path, wait_until="networkidle")
        colours = page.evaluate("""() => {
            const text = document.querySelector('figure.chart svg text');
            return [getComputedStyle(text).fill, getComputedStyle(document.body).backgroundColor,
                    document.querySelector('figure.chart svg').getBoundingClientRect().width];
        }""")
        fill, background, width = colours
        contrast = abs(luminance(fill) - luminance(background))
        assert contrast > 0.4, (path, scheme, fill, background)
        assert width > 500, (path, width)  # the text's width, not a thumbnail
    context.close()
