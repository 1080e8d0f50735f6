"""The built site read in a real browser (Debian's Chromium via Playwright), as an analyst would."""

from __future__ import annotations

import re
import time
from urllib.parse import urlparse

import pytest

from browser import DESKTOP, PHONE, PageWatch
from conftest import ROOT

PAGE_TYPES = {
    "home": "",
    "whats-new": "whats-new/",
    "themes-index": "themes/",
    "theme": "themes/military-cooperation/",
    "sources-index": "sources/",
    "source": "sources/004_00b821af94ef5a2d/",
    "interview": "sources/003_b3591d8fb3b89b3a/",
    "tags": "tags/",
    "about": "about/",
    "actor": "entities/emomali-rahmon/",
    "actors": "entities/",
    "timeline": "timeline/",
    "differences": "differences/",
    "find": "find/",
}
SHOTS = ROOT / "screenshots"
# Each table of the page: does it (or Material's wrapper) scroll sideways, does it reach past the
# text column, is any cell's text cut off, and has tables.js stacked it.
TABLES_AT_WIDTH = """() => {
  const column = document.querySelector('.md-content__inner').getBoundingClientRect().right;
  return [...document.querySelectorAll('.md-typeset table')].map(t => {
    const wrap = t.closest('.md-typeset__scrollwrap');
    return {scrolls: (wrap && wrap.scrollWidth > wrap.clientWidth + 1) || t.scrollWidth > t.clientWidth + 1,
            right: t.getBoundingClientRect().right, column: column, stacked: t.classList.contains('stacked'),
            columns: t.tHead ? t.tHead.rows[0].cells.length : 0,
            cut: [...t.querySelectorAll('td, th')].filter(c => c.offsetParent && c.scrollWidth > c.clientWidth + 1)
                   .map(c => c.textContent.slice(0, 40))};
  });
}"""  # git-ignored: look at them after `make test`


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    yield page
    context.close()


def search(page, query: str) -> tuple[str, list[str]]:
    """Type into Material's search box; wait for its answer; return (meta line, result titles)."""
    box = page.locator("input.md-search__input")
    box.click()
    box.fill("")
    box.press("End")
    page.wait_for_function("() => !/matching document/i.test("
                           "(document.querySelector('.md-search-result__meta') || {}).textContent || '')")
    # The whole query at once, then a key Material's search listens for (it reads the box on keyup):
    # typed letter by letter, the answer to a shorter prefix ("No matching documents" for "Sho")
    # could be read as the answer to the query.
    box.fill(query)
    box.press("End")
    page.wait_for_function(
        "q => { const m = document.querySelector('.md-search-result__meta');"
        " return m && document.querySelector('.md-search__input').value === q"
        " && (/^No matching/i.test(m.textContent.trim()) || (/matching document/i.test(m.textContent)"
        " && document.querySelector('.md-search-result__item'))) }",
        arg=query, timeout=15000)
    meta = page.inner_text(".md-search-result__meta").strip()
    titles = page.locator(".md-search-result__item > .md-search-result__link h1").all_inner_texts()
    return meta, titles


def test_search_finds_a_name_from_exactly_one_seed(page, server):
    """The one source that names him, and his own page; not every actor page that lists him as a neighbour."""
    page.goto(server.url)
    meta, titles = search(page, "Mirziyoyev")
    # The source, his page, Putin's page (it quotes the sentence naming both), the actors index, and the
    # timeline (the sentence is dated: "on Friday").
    assert meta == "5 matching documents", titles
    assert sorted(titles) == ["People, organisations and places",
                              "Putin Vows Security Support to Tajikistan Amid Rising Tensions in Afghanistan",
                              "Shavkat Mirziyoyev", "Timeline", "Vladimir Putin"]
    # not Uzbekistan's page, which lists him only among the actors named in the same paragraph


def test_search_theme_word_finds_several_sources(page, server, briefing_data):
    page.goto(server.url + "themes/")
    meta, titles = search(page, "Taliban")
    source_titles = {s["title"] for s in briefing_data["sources"]}
    assert len(set(titles) & source_titles) >= 2, titles


def test_search_for_nothing_says_so(page, server):
    page.goto(server.url)
    meta, titles = search(page, "Zqxvbnmwk")
    assert meta == "No matching documents" and titles == []


def test_citation_lands_on_the_paragraph_highlighted(page, server, briefing_data):
    theme = briefing_data["themes"][0]
    point = theme["in_brief"][0]
    page.goto(server.url + theme["url"])
    page.locator(f"article a[href$='#{point['anchor']}'][href*='{point['source']}']").first.click()
    page.wait_for_url(re.compile(rf"/sources/{point['source']}/#{point['anchor']}$"))
    page.wait_for_timeout(300)  # let the browser finish scrolling to the anchor
    box = page.evaluate(
        "id => { const el = document.getElementById(id); const r = el.getBoundingClientRect();"
        " const s = getComputedStyle(el); return {top: r.top, border: s.borderLeftWidth, text: el.textContent}; }",
        point["anchor"])
    assert 0 <= box["top"] <= 160, box  # at the top of the viewport, below the sticky header
    assert box["border"] != "0px"  # marked as the cited paragraph
    assert point["text"] in " ".join(box["text"].split())


def test_navigation_home_theme_source_and_back(page, server):
    page.goto(server.url)
    page.locator("article .grid.cards a", has_text="Military cooperation").first.click()
    page.wait_for_url(server.url + "themes/military-cooperation/")
    assert page.locator("h1").first.inner_text().startswith("Military cooperation")
    page.locator("xpath=//h2[@id='sources-on-this-theme']/following::table[1]//a").first.click()
    page.wait_for_url(re.compile(r"/sources/[^/]+/$"))
    assert page.locator(".admonition-title", has_text="About this source").count() == 1
    page.go_back()
    page.wait_for_url(server.url + "themes/military-cooperation/")
    # and the sidebar offers every theme, never the individual sources
    nav = page.locator("nav.md-nav--primary").inner_text()
    assert "The Afghanistan threat" in nav and "China competition" in nav and "Putin Vows" not in nav


def test_tags_page_lists_every_source_under_its_themes(page, server, briefing_data):
    page.goto(server.url + "tags/")
    titles = {t["id"]: t["title"] for t in [
        {"id": "military-cooperation", "title": "Military cooperation"},
        {"id": "afghanistan-threat", "title": "The Afghanistan threat"},
        {"id": "china-competition", "title": "China competition"}]}
    listed: dict[str, set[str]] = {}
    for section in page.locator("article .md-tag").all():
        name = section.inner_text().strip()
        items = section.locator("xpath=ancestor::*[self::h2 or self::p][1]/following-sibling::ul[1]/li")
        listed[name] = {i.inner_text().strip() for i in items.all()}
    for source in briefing_data["sources"]:
        for theme in source["themes"]:
            assert source["title"] in listed[titles[theme]], (source["title"], theme)
    assert all(listed[titles[t]] for t in titles)


@pytest.mark.parametrize("name", sorted(PAGE_TYPES))
def test_page_makes_no_foreign_request_and_no_console_error(browser, server, name):
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    watch = PageWatch(page)
    page.goto(server.url + PAGE_TYPES[name], wait_until="networkidle")
    if name == "find":  # the page's own search (Material's box is hidden there): Pagefind's chunks
        page.locator(".pagefind-ui__search-input").fill("Tajik")
        page.wait_for_selector(".pagefind-ui__result-title", timeout=15000)
    else:
        page.locator("input.md-search__input").click()  # loads the search worker and its index
        page.keyboard.type("Tajik")
        page.wait_for_selector(".md-search-result__item", timeout=15000)
    context.close()
    hosts = {urlparse(u).netloc for u in watch.requests if not u.startswith(("data:", "blob:"))}
    assert hosts == {urlparse(server.url).netloc}, hosts
    assert watch.errors == []


@pytest.mark.parametrize("name", sorted(PAGE_TYPES))
def test_no_horizontal_scrolling_on_a_phone(browser, server, name):
    context = browser.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(server.url + PAGE_TYPES[name], wait_until="networkidle")
    widths = page.evaluate("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    tables = page.evaluate(TABLES_AT_WIDTH)
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}-phone.png"), full_page=True)
    context.close()
    assert widths[0] <= widths[1], f"{name}: page is {widths[0]}px wide in a {widths[1]}px viewport"
    for table in tables:  # every table readable without sideways scrolling, no word cut off
        assert not table["scrolls"] and table["right"] <= table["column"] + 1 and not table["cut"], (name, table)
        assert table["columns"] < 4 or table["stacked"], (name, table)  # four columns or more: stacked rows


@pytest.mark.parametrize("name", sorted(PAGE_TYPES))
def test_desktop_screenshots(page, server, name):
    page.goto(server.url + PAGE_TYPES[name], wait_until="networkidle")
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}-desktop.png"), full_page=True)
    # the desktop layout: the page's heading shown, the navigation beside it, nothing wider than the window
    heading = page.locator("article h1").first
    assert heading.is_visible() and heading.inner_text().strip(), name
    assert page.locator(".md-sidebar--primary").first.is_visible(), name
    box = heading.bounding_box()
    nav = page.locator(".md-sidebar--primary").first.bounding_box()
    assert nav["x"] + nav["width"] <= box["x"] + 1, f"{name}: the navigation is not beside the text"
    widths = page.evaluate("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert widths[0] <= widths[1], f"{name}: page is {widths[0]}px wide in a {widths[1]}px window"


def find(page, query: str) -> list[str]:
    page.locator(".pagefind-ui__search-input").fill(query)
    # The message can change a moment before the results list does: wait for both.
    page.wait_for_function("q => (document.querySelector('.pagefind-ui__message') || {}).textContent?.includes(q)"
                           " && (document.querySelector('.pagefind-ui__result')"
                           "     || /^(No|0) results/.test(document.querySelector('.pagefind-ui__message').textContent))",
                           arg=query, timeout=15000)
    return result_titles(page)


def result_titles(page) -> list[str]:
    """Pagefind fills in each result after its fragment loads: wait for the placeholders to go."""
    page.wait_for_function("() => !document.querySelector('#find .pagefind-ui__loading')")
    return page.locator(".pagefind-ui__result > .pagefind-ui__result-inner > .pagefind-ui__result-title").all_inner_texts()


def test_search_with_filters_finds_and_narrows(page, server, briefing_data):
    """Pagefind's index, built after MkDocs: results, then narrowed by kind and by theme."""
    page.goto(server.url + "find/", wait_until="networkidle")
    assert page.locator("#find-unavailable").is_hidden()
    every = find(page, "Taliban")
    naming = {s["title"] for s in briefing_data["sources"]
              if any("Taliban" in p["text"] for p in s["paragraphs"])}
    assert every[0] == "Taliban"  # its actor page first; Pagefind shows five results, then "Load more"
    total = int(page.inner_text(".pagefind-ui__message").split()[0])
    assert total > len(naming)  # sources, actor pages that quote it, theme pages, the timeline
    page.get_by_label(re.compile(r"^Source \(\d+\)$")).check()
    page.wait_for_function(f"() => document.querySelectorAll('.pagefind-ui__result').length == {len(naming)}")
    sources_only = set(result_titles(page))
    assert sources_only == naming
    page.get_by_label(re.compile(r"^China competition \(\d+\)$")).check()
    china = {s["title"] for s in briefing_data["sources"] if "china-competition" in s["themes"]} & naming
    page.wait_for_function(f"() => document.querySelectorAll('.pagefind-ui__result').length == {len(china)}")
    assert set(result_titles(page)) == china
    assert find(page, "zzyzx-nothing") == []


def test_search_timing(page, server, record_property):
    """Not a timed test: the figures go to the report (pytest -rA shows them) and to the note."""
    started = time.perf_counter()
    page.goto(server.url)
    search(page, "Shoigu")
    ready = time.perf_counter() - started
    page.locator("input.md-search__input").fill("")
    t0 = time.perf_counter()
    page.locator("input.md-search__input").type("Khorog", delay=0)
    # what is timed is the answer to this query: results that speak of Khorog
    page.wait_for_function("() => /Khorog/i.test((document.querySelector('.md-search-result__list') || {})"
                           ".textContent || '')", timeout=15000)
    first = time.perf_counter() - t0
    assert search(page, "Shoigu")[1], "no result for Shoigu"
    record_property("search_ready_after_load_s", round(ready, 3))
    record_property("first_result_after_typing_s", round(first, 3))
    print(f"search answers {ready:.3f} s after navigation starts; first result {first:.3f} s after typing")


def test_hostile_seed_is_harmless_in_search_results_and_pages(browser, tmp_path):
    from browser import StaticServer
    from conftest import copy_project, run_cli

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "evil.txt").write_text(
        'Zyxwarlord <img src=x onerror="alert(1)"> report <script>alert(2)</script>\n\n'
        'On 3 May 2021 Zyxwarlord <img src=y onerror="alert(3)"> led 300 Taliban militants across the Afghan border '
        '<iframe src="javascript:alert(4)"></iframe> [click](javascript:alert(5)) <b onmouseover=alert(6)>x</b>.\n')
    project = copy_project(tmp_path / "p", seeds=seeds)
    assert run_cli("build", cwd=project).returncode == 0
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    with StaticServer(project / "site") as running:
        for url in ("", "sources/", "sources/evil/", "themes/afghanistan-threat/", "tags/", "entities/taliban/",
                    "entities/", "entities/review/", "timeline/", "differences/"):
            page.goto(running.url + url, wait_until="networkidle")
            assert page.locator("article img, article iframe, article b").count() == 0, url
        meta, titles = search(page, "Zyxwarlord")
        assert meta.endswith("matching documents") or meta == "1 matching document"
        assert any(t.startswith('Zyxwarlord <img src=x onerror="alert(1)">') for t in titles), titles  # as text
        assert page.locator(".md-search-result img, .md-search-result iframe").count() == 0
        page.locator(".md-search-result__item a").first.click()
        page.wait_for_load_state("networkidle")
    context.close()
    assert dialogs == []


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_search_page_with_a_query_shows_one_search(browser, server, viewport):
    """find/?q=… (Material's own share links use ?q=) opens the page's search only: Material's dialog
    stays shut, its box is hidden, the keys that would open it go to the page's box, and every filter
    group lists its values with counts without a click."""
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    page.goto(server.url + "find/?q=Taliban", wait_until="networkidle")
    page.wait_for_selector(".pagefind-ui__result")
    assert urlparse(page.url).query == "query=Taliban"
    assert not page.evaluate("() => document.getElementById('__search').checked")
    assert not page.locator(".md-search__input").is_visible()
    assert not page.locator(".md-search__output").is_visible()
    assert not page.locator("label[for='__search']").first.is_visible()
    box = page.locator(".pagefind-ui__search-input")
    assert box.is_visible() and box.input_value() == "Taliban"
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / f"find-query-{viewport['width']}.png"))
    for group in ("Kind", "Theme", "Publication", "Year"):
        values = page.locator(f".pagefind-ui__filter-block:has(summary:text-is('{group}')) label")
        assert values.count() >= 1 and values.first.is_visible(), group
        assert re.search(r"\(\d+\)$", values.first.inner_text().strip()), group
    box.fill("")
    page.locator("h1").first.click()
    page.keyboard.press("/")
    assert page.evaluate("() => document.activeElement.classList.contains('pagefind-ui__search-input')")
    assert not page.evaluate("() => document.getElementById('__search').checked")
    page.keyboard.type("Kabul")
    page.wait_for_function("() => new URLSearchParams(location.search).get('query') === 'Kabul'")
    context.close()


def test_scoring_notes_are_in_neither_search(page, server):
    """"Why these themes" (scores, terms, "Strongest in ¶…") and the actor lists are folded notes for
    the curious, not results: a word found only there finds it in neither search (the header's box
    and Pagefind may still find "strong" and "stronger" in article text: spelling tolerance)."""
    page.goto(server.url, wait_until="networkidle")
    search(page, "Strongest")
    shown = page.inner_text(".md-search-result__list")
    assert "Strongest" not in shown and "score" not in shown and "Why these themes" not in shown
    page.goto(server.url + "find/", wait_until="networkidle")
    find(page, "Strongest")
    shown = page.inner_text("#find .pagefind-ui__results")
    assert "Strongest" not in shown and "score" not in shown and "Why these themes" not in shown


def test_both_searches_tolerate_a_misspelling_and_know_other_names(page, server, briefing_data):
    """"Dushanbeh" finds Dushanbe in the header's box (lunr's fuzzy terms) as on the search page; a
    gazetteer alias finds the sources that name the actor otherwise ("Rahmonov": every source naming
    Emomali Rahmon, not only the one that writes "Rahmonov")."""
    page.goto(server.url, wait_until="networkidle")
    assert "Dushanbe" in search(page, "Dushanbeh")[1][:3]
    naming = {s["title"] for s in briefing_data["sources"]
              if any("Rahmon" in p["text"] for p in s["paragraphs"])}
    writing = {s["title"] for s in briefing_data["sources"]
               if any("Rahmonov" in p["text"] for p in s["paragraphs"])}
    assert len(naming) > len(writing)
    page.goto(server.url, wait_until="networkidle")  # a fresh box: no answer of the last query in view
    assert naming <= set(search(page, "Rahmonov")[1])
    page.goto(server.url + "find/", wait_until="networkidle")
    assert "Dushanbe" in find(page, "Dushanbeh")
    find(page, "Rahmonov")
    page.get_by_label(re.compile(r"^Source \(\d+\)$")).check()
    page.wait_for_function(f"() => /^{len(naming)} results? for Rahmonov/.test("
                           "document.querySelector('.pagefind-ui__message').textContent)")
    assert set(result_titles(page)) == naming


@pytest.mark.parametrize("name", ["theme", "source"])
def test_pages_print_as_clean_handouts(browser, server, name):
    """Printed (Chromium's PDF), a theme or source page is the text alone: no navigation, search, table
    of contents or footer, on fewer pages than the screen layout takes; citations keep their source's
    title and its full address."""
    import io

    from pdfminer.high_level import extract_text
    from pdfminer.pdfpage import PDFPage

    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.goto(server.url + PAGE_TYPES[name], wait_until="networkidle")
    printed = page.pdf(format="A4")
    page.emulate_media(media="screen")
    as_on_screen = page.pdf(format="A4")
    cited = page.evaluate("() => [...document.querySelectorAll('article ol a[data-print-url]')]"
                          ".map(a => [a.textContent.trim(), a.href])")
    context.close()
    pages = sum(1 for _ in PDFPage.get_pages(io.BytesIO(printed)))
    SHOTS.mkdir(exist_ok=True)
    (SHOTS / f"{name}-print.pdf").write_bytes(printed)
    assert 1 <= pages < sum(1 for _ in PDFPage.get_pages(io.BytesIO(as_on_screen))), pages
    text = extract_text(io.BytesIO(printed))
    flat = "".join(text.split())
    for chrome in ("Search with filters", "Table of contents", "Made with", "By theme", "Previous", "Next",
                   "Why these themes"):
        assert chrome not in text, chrome
    assert page_title(name) in text
    if name == "theme":  # each key point's source, by title and full address (line breaks aside; tables'
        # columns come out of the PDF interleaved, so only the key points are read back)
        sources = {(t, h) for t, h in cited if "/sources/" in h}
        assert sources
        for title, address in sources:
            assert "".join(title.split()) in flat and address in flat, (title, address)


def page_title(name: str) -> str:
    return {"theme": "Military cooperation", "source": "Russia will transfer $70 billion to Tajikistan"}[name]
