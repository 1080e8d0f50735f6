"""What's new and the feed: the day each source arrived is remembered (arrivals.json), never the
build's clock, so an added seed comes first and a rebuild with nothing new changes nothing."""

from __future__ import annotations

import calendar
import json
import xml.etree.ElementTree as ET

import pytest

from conftest import copy_project, html, run_cli
from generator import arrivals

ATOM = "{http://www.w3.org/2005/Atom}"
ARTICLE = ("Kabul, 3 March 2026. The Taliban said on Monday that border posts near Khorog would be reinforced.\n\n"
           "Tajik and Russian officers met in Dushanbe to discuss the 201st base.\n")


def epoch(day: str) -> str:
    return str(calendar.timegm(tuple(int(x) for x in day.split("-")) + (12, 0, 0, 0, 0, 0)))


def feed_entries(path) -> list[tuple[str, str, str]]:
    root = ET.fromstring(path.read_bytes())
    assert root.tag == ATOM + "feed"
    return [(e.findtext(ATOM + "title"), e.find(ATOM + "link").get("href"), e.findtext(ATOM + "updated"))
            for e in root.findall(ATOM + "entry")]


def test_today_follows_source_date_epoch():
    assert arrivals.today({"SOURCE_DATE_EPOCH": epoch("2026-12-02")}) == "2026-12-02"
    assert arrivals.assign({"a": "2026-01-01", "gone": "2025-01-01"}, ["b", "a"], "2026-12-02") == {
        "a": "2026-01-01", "b": "2026-12-02"}


@pytest.mark.slow
def test_an_added_seed_comes_first_and_a_rebuild_changes_nothing(tmp_path, monkeypatch):
    project = copy_project(tmp_path / "p")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch("2026-12-05"))
    first = run_cli("build", "--no-site", cwd=project)
    assert first.returncode == 0, first.stderr
    record = json.loads((project / "arrivals.json").read_text())
    assert set(record.values()) == {"2026-11-23"}  # the flagship's, as committed: nothing new
    (project / "seeds" / "reinforced-posts.txt").write_text(ARTICLE, encoding="utf-8")
    (project / "seeds" / "reinforced-posts.yml").write_text("title: Border posts near Khorog reinforced\n")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch("2026-12-06"))
    added = run_cli("build", "--no-site", cwd=project)
    assert added.returncode == 0, added.stderr
    assert json.loads((project / "arrivals.json").read_text())["reinforced-posts"] == "2026-12-06"
    docs = project / "docs"
    page = (docs / "whats-new.md").read_text()
    assert page.index("## Added 6 December 2026") < page.index("Border posts near Khorog reinforced") \
        < page.index("## Added 23 November 2026")
    entries = feed_entries(docs / "feed.xml")
    assert entries[0] == ("Border posts near Khorog reinforced", "sources/reinforced-posts/",
                          "2026-12-06T00:00:00+00:00")
    assert len(entries) == 6
    home = (docs / "index.md").read_text()
    recent = home[home.index("## Recently added"):home.index("## Newest sources")]
    assert recent.splitlines()[2].startswith("- 6 December 2026:") and "Border posts near Khorog" in recent
    before = {p: (docs / p).read_bytes() for p in ("whats-new.md", "feed.xml", "index.md")}
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch("2027-01-10"))  # a later day, nothing new
    again = run_cli("build", "--no-site", cwd=project)
    assert again.returncode == 0, again.stderr
    assert {p: (docs / p).read_bytes() for p in before} == before
    assert "2027-01-10" not in (project / "arrivals.json").read_text()


@pytest.mark.slow
def test_a_damaged_record_is_named_kept_and_the_site_still_builds(tmp_path):
    project = copy_project(tmp_path / "p")
    (project / "arrivals.json").write_text('{"000_d100004a180b3b8b": "last Tuesday"}\n')
    result = run_cli("build", "--no-site", cwd=project)
    assert result.returncode == 0, result.stderr
    assert ("arrivals.json: not readable (000_d100004a180b3b8b: 'last Tuesday' is not a day (YYYY-MM-DD)); "
            "left as it is") in result.stderr
    assert (project / "arrivals.json").read_text() == '{"000_d100004a180b3b8b": "last Tuesday"}\n'
    assert (project / "docs" / "whats-new.md").is_file()


def test_every_page_names_the_feed_and_the_feed_lists_the_sources(built, briefing_data):
    site = built / "site"
    for page in ("index.html", "whats-new/index.html", "sources/index.html", "about/index.html"):
        link = html(site / page).select_one('head link[rel=alternate][type="application/atom+xml"]')
        assert link is not None, page
        assert (site / page).parent.joinpath(link["href"]).resolve() == (site / "feed.xml").resolve(), page
    entries = feed_entries(site / "feed.xml")
    assert {title for title, _, _ in entries} == {s["title"] for s in briefing_data["sources"]}
    assert all((site / href / "index.html").is_file() for _, href, _ in entries)
    assert all(s["added"] == "2026-11-23" for s in briefing_data["sources"])


@pytest.mark.slow
def test_an_unwritable_record_is_named_and_the_site_still_builds(tmp_path):
    project = copy_project(tmp_path / "p")
    (project / "arrivals.json").unlink()
    (project / "arrivals.json").mkdir()  # in the way: neither readable nor writable as a file
    result = run_cli("build", "--no-site", cwd=project)
    assert result.returncode == 0, result.stderr
    assert "arrivals.json: not readable" in result.stderr
    assert (project / "docs" / "whats-new.md").is_file() and (project / "arrivals.json").is_dir()
