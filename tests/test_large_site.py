"""What a large briefing looks like, built for real from the five seeds with its thresholds lowered:
the sources index and the timeline split by year, and the header's search box handed to Pagefind
(while the offline copy keeps Material's search, the one that works from file://)."""

from __future__ import annotations

import json
import re
from urllib.parse import urlparse

import pytest

from conftest import copy_project, html, link_target, page_ids
from generator import cli
from generator.pages import differences, listing, themes, timeline


@pytest.fixture(scope="module")
def large(tmp_path_factory):
    """The flagship built as if it were large: split from 3 sources or events, Pagefind box above 2 sources."""
    project = copy_project(tmp_path_factory.mktemp("large") / "project")
    # a second disagreement, on the Afghanistan page too, so that its page lists only the first
    (project / "seeds" / "zz-border-aid.txt").write_text(
        "Border aid\n\nThe Taliban and other militants threaten the Tajik-Afghan border, and Afghan officials in "
        "Kabul warned of spillover. Russia will give Tajikistan 70 billion rubles for the border. Later Russia will "
        "give Tajikistan 60 billion rubles for the border, officials said of the Taliban threat.\n", encoding="utf-8")
    with (project / "briefing.yml").open("a", encoding="utf-8") as handle:
        handle.write("\nsearch:\n  material_box_up_to: 2\n")
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(listing, "SPLIT_FROM", 3)
        mp.setattr(timeline, "SPLIT_FROM", 3)
        mp.setattr(differences, "DIFFERENCES_SPLIT_FROM", 1)
        mp.setattr(themes, "THEME_DIFFERENCES", 1)
        mp.chdir(project)
        assert cli.main(["build", "--strict"]) == 0
        assert cli.main(["build", "--offline", "--strict"]) == 0
    return project


def test_sources_index_has_one_page_per_year_and_every_source_once(large):
    data = json.loads((large / "site" / "briefing.json").read_text(encoding="utf-8"))
    years = {s["date"][:4] if s["date"] else "undated" for s in data["sources"]}
    index = html(large / "site" / "sources" / "index.html")
    listed = {a.get_text() for a in index.select("article table a") if re.fullmatch(r"\d{4}|undated", a.get_text())}
    assert listed == years
    linked: list[str] = []
    for year in years:
        page = large / "site" / "sources" / "by-year" / year / "index.html"
        rows = html(page).select("article table tbody tr")
        linked += [urlparse(tr.select("a")[0]["href"]).path.strip("/").split("/")[-1] for tr in rows]
        assert all(year in tr.td.get_text() or year == "undated" for tr in rows), page
    assert sorted(linked) == sorted(s["id"] for s in data["sources"])


def test_timeline_has_one_page_per_year_with_every_dated_event(large):
    data = json.loads((large / "site" / "briefing.json").read_text(encoding="utf-8"))
    dated = [e for e in data["events"] if e["date"] and e["kind"] == "event"]  # not plans, "since", ...
    years = sorted({e["date"][:4] for e in dated})
    index = html(large / "site" / "timeline" / "index.html")
    assert [a.get_text() for a in index.select("article table a")] == years
    lines = 0
    for year in years:
        items = html(large / "site" / "timeline" / year / "index.html").select("article li")
        lines += len(items)
        assert all(li.find("a", href=re.compile(r"sources/.+#p-\d+")) for li in items)
    assert lines == len([e for e in dated if not e["folded_into"]])  # one line per event, however often told


def test_differences_have_one_page_per_year_and_theme_pages_show_the_first(large):
    data = json.loads((large / "site" / "briefing.json").read_text(encoding="utf-8"))
    whats = sorted(d["what"] for d in data["discrepancies"])
    assert len(whats) == 2
    found = []
    for page in (large / "site" / "differences").glob("*/index.html"):
        found += [h.get_text().rstrip("¶").strip() for h in html(page).select("article h2")]
        assert html(page).select("article table td a[href*='#p-']"), page
    assert sorted(found) == whats
    theme = html(large / "site" / "themes" / "afghanistan-threat" / "index.html")
    assert len(theme.select("article h3")) >= 1 and "has them all" in theme.get_text()


def test_links_of_the_split_pages_resolve(large):
    site = large / "site"
    pages_checked = [site / "sources" / "index.html", site / "timeline" / "index.html",
                     *site.glob("sources/by-year/*/index.html"), *site.glob("timeline/*/index.html"),
                     site / "differences" / "index.html", *site.glob("differences/*/index.html"),
                     *site.glob("themes/*/index.html")]
    checked = 0
    for page in pages_checked:
        for a in html(page).select("article a[href]"):
            path, fragment = link_target(site, page, a["href"])
            if path is None:
                continue
            path = path / "index.html" if path.is_dir() else path
            assert path.exists(), f"{page}: broken link {a['href']}"
            if fragment:
                assert fragment in page_ids(path), f"{page}: no anchor {a['href']}"
            checked += 1
    assert checked > 50


def test_large_site_search_box_goes_to_the_search_page(large):
    site = large / "site"
    assert not (site / "search" / "search_index.json").exists()  # Material builds no index
    assert (site / "pagefind" / "pagefind-ui.js").exists()
    for page in (site / "index.html", sorted(site.glob("sources/by-year/*/index.html"))[0]):
        soup = html(page)
        assert soup.select_one(".md-search") is None, page
        form = soup.select_one("form.briefing-find")
        assert form is not None and form.select_one("input[name=query]") is not None, page
        target, _ = link_target(site, page, form["action"])
        assert target == site / "find" and (target / "index.html").exists(), page
    find = html(site / "find" / "index.html")
    script, _ = link_target(site, site / "find" / "index.html", find.select("article script[src]")[-1]["src"])
    code = script.read_text(encoding="utf-8")
    assert 'get("q")' in code and "triggerSearch(query)" in code


def test_offline_copy_keeps_material_search(large):
    site = large / "site-offline"
    soup = html(site / "index.html")
    assert soup.select_one(".md-search") is not None and soup.select_one("form.briefing-find") is None
    assert (site / "search" / "search_index.js").exists() or (site / "search" / "search_index.json").exists()


def test_offline_copy_links_point_at_files(large):
    """From file:// a link to a folder shows a listing: every link of the generated lists (raw HTML
    with directory links, rewritten by the hook when pages are files) must name an existing file."""
    site = large / "site-offline"
    checked = 0
    for page in [*site.glob("sources/*.html"), *site.glob("entities/*.html"), *site.glob("timeline/*.html"),
                 *site.glob("sources/by-year/*.html"), *site.glob("differences/*.html"), *site.glob("themes/*.html")]:
        for a in html(page).select("article a[href]"):
            path, _ = link_target(site, page, a["href"])
            if path is None or a["href"].startswith("#"):
                continue
            assert path.is_file(), f"{page}: {a['href']} is not a file"
            checked += 1
    assert checked > 200


def test_the_find_box_answers_in_a_browser(large, browser):
    """In Chromium: "/" focuses the header's box, Enter opens the search page with the query and
    Pagefind answers; on a phone the box is an icon that opens the search page."""
    from browser import PageWatch, StaticServer

    with StaticServer(large / "site") as server:
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        watch = PageWatch(page)
        page.goto(server.url)
        assert page.locator(".briefing-find__input").is_visible() and page.locator(".md-search").count() == 0
        page.keyboard.press("/")
        page.keyboard.type("Taliban")
        page.keyboard.press("Enter")
        page.wait_for_url("**/find/?query=Taliban")
        page.wait_for_function("() => document.querySelector('.pagefind-ui__result')"
                               " && !document.querySelector('#find .pagefind-ui__loading')")
        titles = page.locator(".pagefind-ui__result-title").all_inner_texts()
        assert "Taliban" in titles[:3]
        assert page.locator(".pagefind-ui__search-input").input_value() == "Taliban"
        assert not watch.errors and all(u.startswith(server.url) for u in watch.requests), watch.errors
        context.close()
        phone = browser.new_context(viewport={"width": 375, "height": 740})
        page = phone.new_page()
        page.goto(server.url + "timeline/")
        assert not page.locator(".briefing-find__input").is_visible()
        page.locator(".briefing-find-icon").click()
        page.wait_for_url("**/find/")
        phone.close()


def test_search_settings_are_checked(tmp_path):
    from generator import config as config_mod
    from generator.errors import ConfigError

    project = copy_project(tmp_path / "p")
    base = (project / "briefing.yml").read_text(encoding="utf-8")
    (project / "briefing.yml").write_text(base + "\nsearch:\n  material_box_up_to: -1\n  box: pagefind\n",
                                          encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        config_mod.load(project / "briefing.yml")
    assert "briefing.yml: search.box: unknown key; known keys: material_box_up_to" in str(caught.value)
    assert "briefing.yml: search.material_box_up_to: expected a whole number of sources" in str(caught.value)
    (project / "briefing.yml").write_text(base + "\nsearch:\n  1: x\n", encoding="utf-8")  # a number as a key
    with pytest.raises(ConfigError) as caught:
        config_mod.load(project / "briefing.yml")
    assert "briefing.yml: search.1: unknown key" in str(caught.value)
    for text in (base, base + "\nsearch:\n"):  # absent or left empty: the default
        (project / "briefing.yml").write_text(text, encoding="utf-8")
        assert config_mod.load(project / "briefing.yml").material_box_up_to == 100
