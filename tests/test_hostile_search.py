"""Hostile text in every field that reaches a search filter or a search result runs no script, in
either search, in a real browser (Debian's Chromium)."""

from __future__ import annotations

import re

import pytest

from browser import DESKTOP, PHONE
from conftest import copy_project, run_cli


def payload(mark: str) -> str:
    """Markup that would run alert(mark) if it ever became HTML (three ways in)."""
    return f"<img src=x onerror=alert('{mark}')><svg onload=alert('{mark}')><script>alert('{mark}')</script>"


WORD = "Zyxwarlord"  # in every hostile source, so that one query finds them all
BODY = (f"On 3 May 2021 {WORD} led 300 Taliban militants across the Afghan border near the CSTO base. "
        "Russian troops of the 201st base held military exercises with the Tajik army. ")


@pytest.fixture(scope="module")
def hostile_project(tmp_path_factory):
    """The hostile sources built once (real MkDocs and Pagefind); both tests only read the site."""
    tmp_path = tmp_path_factory.mktemp("hostile")
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "wire.txt").write_text(
        f"{WORD} Crosses The Border {payload('txt-title')}\n\nPublication: {payload('txt-publication')}\n\n"
        f"{BODY}{payload('txt-body')}\n", encoding="utf-8")
    (seeds / "side.txt").write_text(f"{BODY}\n\n{BODY.replace('3 May', '4 May')}\n", encoding="utf-8")
    (seeds / "side.yml").write_text(
        f'title: "{WORD} {payload("sidecar-title")}"\npublication: "R&D {payload("sidecar-publication")}"\n'
        f'authors: ["{payload("sidecar-author")}"]\nsummary: "{payload("sidecar-summary")}"\ndate: 2022-01-02\n',
        encoding="utf-8")
    (seeds / "note.md").write_text(
        f'---\npublication: "{payload("md-publication")}"\ntitle: "{WORD} {payload("md-title")}"\n---\n\n'
        f"{BODY}\n\n{payload('md-body')}\n", encoding="utf-8")
    (seeds / "page.html").write_text(
        f'<html><head><title>{WORD} &lt;img src=x onerror=alert(&#39;html-title&#39;)&gt;</title>'
        f'<meta property="og:site_name" content="&lt;img src=x onerror=alert(&#39;html-site-name&#39;)&gt;">'
        f'<meta name="author" content="&lt;img src=x onerror=alert(&#39;html-author&#39;)&gt;"></head>'
        f"<body><article><p>{BODY.replace('3 May', '5 May')}</p><p>&lt;img src=x onerror=alert('html-body')&gt;</p>"
        "</article></body></html>", encoding="utf-8")
    project = copy_project(tmp_path / "p", seeds=seeds)
    config = (project / "briefing.yml").read_text(encoding="utf-8")
    config = config.replace("title: The Afghanistan threat",
                            "title: \"Afghan <img src=x onerror=alert('theme-title')> & R&D\"")
    (project / "briefing.yml").write_text(config, encoding="utf-8")
    result = run_cli("build", cwd=project)
    assert result.returncode == 0, result.stderr
    return project


def test_hostile_fields_run_no_script_in_either_search(browser, hostile_project):
    from browser import StaticServer

    project = hostile_project
    ran: list[str] = []
    with StaticServer(project / "site") as running:
        for viewport in (DESKTOP, PHONE):
            context = browser.new_context(viewport=viewport)
            page = context.new_page()
            page.on("dialog", lambda d: (ran.append(d.message), d.dismiss()))
            for query in (WORD, "Taliban", payload("query")):
                page.goto(running.url + "find/?q=" + query.replace("#", "%23"), wait_until="networkidle")
                page.wait_for_function("() => document.querySelector('.pagefind-ui__message')")
                # the filters arrive after the first results: all four groups (kind, theme, publication, year)
                page.wait_for_function("() => document.querySelectorAll('details.pagefind-ui__filter-block')"
                                       ".length >= 4", timeout=15000)
                clicked = click_every_filter(page)
                assert clicked >= 8 or query == payload("query"), clicked
            labels = [" ".join(t.replace("\u2060", "").split())
                      for t in page.locator(".pagefind-ui__filter-label").all_inner_texts()]
            # the hostile values are shown, exactly, as text
            assert any(t.startswith(payload("txt-publication")) for t in labels), labels
            assert any(t.startswith("R&D " + payload("sidecar-publication")) for t in labels), labels
            assert any(t.startswith("Afghan <img src=x onerror=alert('theme-title')> & R&D") for t in labels), labels
            assert page.locator("#find img, #find svg:not(.pagefind-ui__search-clear svg)").count() == 0
            if viewport is DESKTOP:  # Material's search box, the other search
                page.goto(running.url, wait_until="networkidle")
                box = page.locator("input.md-search__input")
                box.click()
                box.type(WORD)
                page.wait_for_selector(".md-search-result__item", timeout=15000)
                titles = page.locator(".md-search-result__item h1").all_inner_texts()
                assert any("<img src=x onerror=alert('sidecar-title')>" in t for t in titles), titles
                assert page.locator(".md-search-result img, .md-search-result script").count() == 0
            context.close()
    assert ran == [], f"script ran from: {ran}"


def click_every_filter(page) -> int:
    """Open every filter group and tick each value in turn, waiting for the results each time."""
    page.evaluate("() => document.querySelectorAll('details.pagefind-ui__filter-block').forEach(d => d.open = true)")
    boxes = page.locator("input.pagefind-ui__filter-checkbox")
    count = boxes.count()
    for n in range(count):
        # A click in the page (Material's own search may lie over it: the two-searches issue)
        for _ in range(2):  # tick, then untick
            boxes.nth(n).evaluate("box => box.click()")
            page.wait_for_function("() => !document.querySelector('#find .pagefind-ui__loading')")
    return count


def test_filter_values_are_stored_inert(hostile_project):
    """The marks on the built page: however often Pagefind unescapes them, no tag or entity can start."""
    from conftest import html

    project = hostile_project
    soup = html(project / "site" / "sources" / "wire" / "index.html")
    values = [m["data-pagefind-filter"] for m in soup.select("[data-pagefind-filter]")]
    publication = next(v for v in values if v.startswith("publication:"))
    assert not re.search(r"<[A-Za-z/!?]|&[#A-Za-z]", publication), publication
    assert publication.replace("\u2060", "") == "publication:" + payload("txt-publication")
