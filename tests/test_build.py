"""End to end: the real CLI and the real MkDocs build the five seeds; the built HTML is checked."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest
import yaml

from conftest import ROOT, copy_project, html, link_target, page_ids, run_cli, run_mkdocs

THEMES = ("military-cooperation", "afghanistan-threat", "china-competition")


def page_file(site: Path, url: str) -> Path:
    path = site / unquote(url)
    return path / "index.html" if url.endswith("/") or url == "" else path


def test_every_source_and_theme_page_is_built(built, briefing_data):
    site = built / "site"
    assert len(briefing_data["sources"]) == 5
    for source in briefing_data["sources"]:
        page = html(page_file(site, source["url"]))
        assert page.h1.get_text(strip=True).rstrip("¶") == source["title"]
        assert page.find(id="p-1") is not None
    for theme in THEMES:
        assert (site / "themes" / theme / "index.html").is_file()
    for name in ("index.html", "sources/index.html", "themes/index.html", "tags/index.html", "about/index.html"):
        assert (site / name).is_file(), name


def test_briefing_json_format(briefing_data):
    assert set(briefing_data) >= {"sources", "themes", "entities", "events", "figures", "discrepancies"}
    keys = {"id", "url", "source_file", "title", "publication", "authors", "date", "date_basis",
            "source_type", "themes", "entities", "words", "sha256"}
    for source in briefing_data["sources"]:
        assert keys <= set(source)
        assert source["url"] == f"sources/{source['id']}/"
        assert source["source_file"].startswith("seeds/")
        assert source["date"] is None or re.fullmatch(r"\d{4}(-\d\d(-\d\d)?)?", source["date"])
        assert source["date_basis"] in {"stated", "inferred", "sidecar", "none"}
        assert source["source_type"] in {"news", "analysis", "interview", "compilation"}
        assert len(source["sha256"]) == 64 and source["words"] > 100
    assert [t["id"] for t in briefing_data["themes"]] == list(THEMES)


def test_every_statement_links_to_an_existing_paragraph(built, briefing_data):
    site = built / "site"
    sources = {s["id"]: s for s in briefing_data["sources"]}
    for theme in briefing_data["themes"]:
        assert len(theme["in_brief"]) >= 3 and theme["latest"], theme["id"]
        shown = theme["in_brief"] + theme["latest"] + theme["key_points"]
        cited = {k["source"] for k in shown}
        assert len(cited) >= min(3, len(theme["sources"])), "statements must vary across sources"
        texts = [k["text"] for k in shown]
        assert len(texts) == len(set(texts)), "a sentence is shown once on its theme page"
        quoted = [(k["source"], k["anchor"], k["text"]) for k in shown] + [tuple(a) for k in shown for a in k["also"]]
        for source, anchor, text in quoted:
            target = html(page_file(site, sources[source]["url"])).find(id=anchor)
            assert target is not None, (source, anchor)
            assert text in " ".join(target.get_text().split())  # the exact sentence is there
        # and the theme page links to each of them
        theme_page = html(site / "themes" / theme["id"] / "index.html")
        hrefs = {a["href"] for a in theme_page.select("article a[href]")}
        for source, anchor, _ in quoted:
            assert f"../../sources/{source}/#{anchor}" in hrefs


def test_all_internal_links_and_anchors_resolve(built):
    site = built / "site"
    checked = 0
    for page in site.rglob("*.html"):
        for a in html(page).find_all("a", href=True):
            path, fragment = link_target(site, page, a["href"])
            if path is None:
                continue
            if path.is_dir():
                path = path / "index.html"
            assert path.exists(), f"{page}: broken link {a['href']}"
            if fragment and path.suffix == ".html":
                assert fragment in page_ids(path), f"{page}: no anchor {a['href']}"
            checked += 1
    assert checked > 100


def test_search_index_has_words_from_every_seed(built, briefing_data):
    index = json.loads((built / "site" / "search" / "search_index.json").read_text(encoding="utf-8"))
    by_page: dict[str, str] = {}
    for doc in index["docs"]:
        page = doc["location"].split("#")[0]
        by_page[page] = by_page.get(page, "") + " " + doc["title"] + " " + doc["text"]
    distinctive = {"000": "Gerasimov", "001": "Mirziyoyev", "002": "Khayrulloyev", "003": "Malysheva",
                   "004": "Bordyuzha"}
    for source in briefing_data["sources"]:
        text = by_page[source["url"]]
        assert distinctive[source["id"][:3]] in text
        # and the page's own longest words, whatever the seed
        longest = sorted({w for p in source["paragraphs"] for w in re.findall(r"[A-Za-z]{9,}", p["text"])})[:5]
        assert all(w in text for w in longest), source["id"]


def test_source_page_metadata_panel(built):
    page = html(built / "site" / "sources" / "004_00b821af94ef5a2d" / "index.html")
    panel = page.select_one(".admonition")
    text = " ".join(panel.get_text(" ").split())
    assert "Elena Chernenko, Ivan Safronov" in text and "Kristina Rus" in text
    assert "2015" in text and "inferred" in text and "compilation" in text
    tags = {t.get_text(strip=True) for t in page.select(".md-tag")}
    assert tags == {"Military cooperation", "The Afghanistan threat"}
    original = panel.find("a", href=re.compile(r"originals/"))
    copy = (built / "site" / "sources" / "004_00b821af94ef5a2d" / original["href"]).resolve()
    # the seed's exact bytes, after a BOM so that browsers read the UTF-8 right
    assert copy.read_bytes() == b"\xef\xbb\xbf" + (built / "seeds" / "004_00b821af94ef5a2d.txt").read_bytes()
    assert "exact bytes" in text


def test_front_matter_is_valid_yaml(built):
    for md in (built / "docs" / "sources").glob("*.md"):
        text = md.read_text(encoding="utf-8")
        assert text.startswith("---\n")
        meta = yaml.safe_load(text.split("---\n")[1])
        assert isinstance(meta["title"], str) and meta["title"]


def test_site_loads_nothing_from_other_hosts(built):
    for page in (built / "site").rglob("*.html"):
        soup = html(page)
        for tag, attr in (("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src")):
            for el in soup.find_all(tag, **{attr: True}):
                url = el[attr]
                if tag == "link" and "stylesheet" not in el.get("rel", []) and "preconnect" not in el.get("rel", []):
                    continue
                assert not urlparse(url).netloc, f"{page}: {tag} from {url}"


def test_overview_lists_themes_and_newest_sources(built):
    page = html(built / "site" / "index.html")
    text = " ".join(page.get_text(" ").split())
    assert "5 sources" in text and "from 2006 to 2023" in text
    for title in ("Military cooperation", "The Afghanistan threat", "China competition"):
        assert title in text
    newest = page.select_one("#newest-sources").find_next("table").select("tbody tr")
    assert "2023" in newest[0].get_text()  # the newest source first
    nav = [a.get_text(" ", strip=True) for a in page.select("nav.md-nav--primary a")]
    assert not any("Putin Vows" in n for n in nav), "sources must not be listed in the sidebar"


def test_second_build_is_byte_identical_and_mkdocs_hook_regenerates(built, tmp_path):
    docs = built / "docs"
    before = {p.relative_to(docs): p.read_bytes() for p in docs.rglob("*") if p.is_file()}
    result = run_mkdocs("build", "--strict", "-d", str(tmp_path / "site2"), cwd=built)  # via the hook
    assert result.returncode == 0, result.stderr
    after = {p.relative_to(docs): p.read_bytes() for p in docs.rglob("*") if p.is_file()}
    assert after == before
    assert (tmp_path / "site2" / "briefing.json").read_bytes() == (built / "site" / "briefing.json").read_bytes()


def test_hand_written_pages_survive_and_are_never_overwritten(tmp_path):
    project = copy_project(tmp_path / "p")
    note = project / "docs" / "analyst-note.md"
    note.write_text("# Analyst note\n\nKeep me.\n")
    squatter = project / "docs" / "themes" / "china-competition.md"
    squatter.parent.mkdir(parents=True)
    squatter.write_text("# My own China page\n")
    inside = project / "docs" / "sources" / "analyst-reading-list.md"  # in a generated folder
    inside.parent.mkdir(parents=True)
    inside.write_text("# Reading list\n")
    result = run_cli("build", "--no-site", cwd=project)
    assert result.returncode == 0, result.stderr
    assert "docs/themes/china-competition.md" in result.stderr and "hand-written" in result.stderr
    assert squatter.read_text() == "# My own China page\n"
    assert note.read_text() == "# Analyst note\n\nKeep me.\n"
    # A seed removed: its page goes, the hand-written pages stay.
    victim = sorted((project / "seeds").glob("*.txt"))[0]
    victim.unlink()
    assert run_cli("build", "--no-site", cwd=project).returncode == 0
    assert not (project / "docs" / "sources" / f"{victim.stem}.md").exists()
    assert note.exists() and squatter.exists() and (project / "docs" / "about.md").exists()
    assert inside.read_text() == "# Reading list\n"


def test_hostile_seed_renders_as_text(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    hostile = ('Hostile <script>alert(9)</script> "Title" [link](javascript:alert(1)) *star*\n\n'
               "On 3 May 2021 the militants <script>alert('x')</script> crossed from Afghanistan, said the Taliban. "
               "<img src=x onerror=alert(2)> ![pic](http://evil.example/x.png) <!-- hidden --> "
               "<iframe src='http://evil.example'></iframe> {: onclick=\"alert(3)\" } Afghan ISIS militants.\n")
    (seeds / "evil.txt").write_text(hostile, encoding="utf-8")
    project = copy_project(tmp_path / "p", seeds=seeds)
    result = run_cli("build", "--strict", cwd=project)
    assert result.returncode == 0, result.stderr
    for page in (project / "site").rglob("*.html"):
        soup = html(page)
        article = soup.select_one("article") or soup
        assert not article.find(["iframe", "img"]), page
        assert not any("alert" in (s.string or "") for s in soup.find_all("script")), page
        assert not article.find(attrs={"onclick": True}) and not article.find(attrs={"onerror": True}), page
        for a in article.find_all("a", href=True):
            assert not a["href"].startswith("javascript:") and "evil.example" not in a["href"], page
    page = html(project / "site" / "sources" / "evil" / "index.html")
    assert page.title.get_text().startswith('Hostile <script>alert(9)</script> "Title"')  # shown, not run
    text = " ".join(page.select_one("article").get_text(" ").split())
    assert "<script>alert('x')</script>" in text and "![pic](http://evil.example/x.png)" in text
    assert "<!-- hidden -->" in text


def test_timeline_csv_cells_cannot_run_in_a_spreadsheet(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "csv.txt").write_text('Formula test\n\n=HYPERLINK("http://evil.example","click") was posted on '
                                   "5 May 2020 in Dushanbe.\n", encoding="utf-8")
    project = copy_project(tmp_path / "p", seeds=seeds)
    assert run_cli("build", "--no-site", cwd=project).returncode == 0
    rows = list(csv.reader(io.StringIO((project / "docs" / "timeline.csv").read_text(encoding="utf-8"))))
    assert rows[0][4] == "text" and rows[1][4].startswith("'=HYPERLINK")
    assert not any(cell.startswith("=") for row in rows for cell in row)


@pytest.mark.parametrize("command", [["--help"], ["build", "--help"], ["check", "--help"]])
def test_cli_help_teaches(command, tmp_path):
    result = run_cli(*command, cwd=tmp_path)
    assert result.returncode == 0
    if command == ["--help"]:
        assert "build" in result.stdout and "check" in result.stdout
    else:
        assert "Example: briefing " + command[0] in result.stdout  # each command shows how it is used


def test_config_errors_name_file_and_key(tmp_path):
    project = copy_project(tmp_path / "p")
    (project / "briefing.yml").write_text("title: x\nthemes:\n  - id: Bad Id\n    title: t\n    terms: [a]\n")
    result = run_cli("build", "--no-site", cwd=project)
    assert result.returncode == 1
    assert "error: briefing.yml: themes.Bad Id.id: expected lowercase letters" in result.stderr
    assert "error: briefing.yml: themes.Bad Id.terms: expected a mapping of term: weight" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.slow
def test_bad_seeds_are_named_and_the_rest_still_builds(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for good in sorted((ROOT / "seeds").glob("*.txt"))[:2]:
        (seeds / good.name).write_bytes(good.read_bytes())
    (seeds / "empty.txt").write_text("")
    (seeds / "blob.txt").write_bytes(b"\x00\x01\x02binary\x00" * 50)
    (seeds / "bad-sidecar.txt").write_text("Troops crossed the border on Monday, officials said in Dushanbe.\n")
    (seeds / "bad-sidecar.yml").write_text("title: [unclosed\n")
    project = copy_project(tmp_path / "p", seeds=seeds)
    result = run_cli("build", cwd=project)
    assert result.returncode == 0, result.stderr
    assert "seeds/empty.txt: empty file" in result.stderr
    assert "seeds/blob.txt: binary file" in result.stderr
    assert "seeds/bad-sidecar.yml: not valid YAML" in result.stderr
    assert "Traceback" not in result.stderr
    built = {p.name for p in (project / "site" / "sources").iterdir()}
    assert {"bad-sidecar", "000_d100004a180b3b8b", "001_62a224e834171a18"} <= built
    assert "empty" not in built and "blob" not in built
    strict = run_cli("build", "--strict", cwd=project)
    assert strict.returncode == 1 and "3 problem(s)" in strict.stderr
    check = run_cli("check", cwd=project)
    assert check.returncode == 1 and "seeds/empty.txt" in check.stderr


@pytest.mark.slow
def test_an_undated_source_is_on_the_home_page_after_the_dated_ones(tmp_path):
    from conftest import copy_project, html, run_cli

    project = copy_project(tmp_path / "p")
    for n in range(6):  # six sources newer than every seed
        (project / "seeds" / f"new-{n}.txt").write_text(
            f"Border Report Number {n} From Khorog\n\n14 March 2026\n\nTroops of the 201st base met Tajik border "
            f"guards near Khorog on Monday, officials said. Report {n}.\n", encoding="utf-8")
    (project / "seeds" / "undated.txt").write_text(
        "Militants Gather Near The Afghan Border\n\nTaliban militants gathered near the Tajik border, officials said "
        "in Dushanbe. No date is given anywhere in this text.\n", encoding="utf-8")
    result = run_cli("build", cwd=project)
    assert result.returncode == 0, result.stderr
    home = html(project / "site" / "index.html")
    rows = [tr.find_all("td") for tr in home.select_one("#newest-sources").find_next("table").select("tbody tr")]
    assert [r[1].get_text(strip=True) for r in rows][-1] == "Militants Gather Near The Afghan Border"
    assert rows[-1][0].get_text(strip=True) == "undated"
    assert [r[0].get_text(strip=True) for r in rows[:5]] == ["14 March 2026"] * 5
    assert "1 source has no date: it is listed after the dated ones." in home.get_text(" ", strip=True)


@pytest.mark.slow
def test_a_reposted_wire_story_and_an_interview_show_who_published_carried_and_was_interviewed(tmp_path):
    import json
    import shutil

    from conftest import ROOT, copy_project, html, run_cli

    project = copy_project(tmp_path / "p")
    (project / "seeds" / "repost.txt").write_text(
        "One Border Guard Killed In Clashes On The Tajik Frontier\n\nSept 14 (Reuters) - One border guard was killed "
        "and two wounded in clashes overnight, the border force said on Wednesday in a statement.\n",
        encoding="utf-8")
    (project / "seeds" / "repost.yml").write_text("url: https://www.dailymail.co.uk/wires/reuters/1.html\n",
                                                  encoding="utf-8")
    (project / "seeds" / "interview.txt").write_text(
        "Interview With The Foreign Minister On The Eve Of The Visit\n\nOn the eve of the state visit, Minister of "
        "Foreign Affairs Ruslan Kazakbayev gave an interview to AKIpress, in which he spoke about relations "
        "between the two countries and the border.\n", encoding="utf-8")
    shutil.copy(ROOT / "tests" / "corpus" / "pdf-nowruzian-tehran-air-fa.pdf", project / "seeds" / "persian.pdf")
    result = run_cli("build", cwd=project)
    assert result.returncode == 0, result.stderr
    # a right-to-left text is set right to left; the English ones are not
    persian = html(project / "site" / "sources" / "persian" / "index.html")
    assert len(persian.select('article p[dir="rtl"]')) >= 10
    assert not html(project / "site" / "sources" / "repost" / "index.html").select('[dir="rtl"]')
    panels = {}
    for name in ("repost", "interview"):
        page = html(project / "site" / "sources" / name / "index.html")
        rows = {}
        for item in page.select(".admonition li"):
            label = item.find("strong")
            if label:
                provenance = item.select_one(".provenance")
                how = provenance.get_text(" ", strip=True) if provenance else ""
                if provenance:
                    provenance.extract()
                label.extract()
                rows[label.get_text(strip=True).rstrip(":")] = (item.get_text(" ", strip=True), how)
        panels[name] = rows
    assert panels["repost"]["Publication"][0] == "Reuters"
    assert panels["repost"]["Carried by"][0] == "dailymail.co.uk"
    assert "the address it was saved from" in panels["repost"]["Carried by"][1]
    assert panels["interview"]["Publication"][0] == "AKIpress"
    assert panels["interview"]["Interview with"][0] == "Ruslan Kazakbayev"
    assert panels["interview"]["Type"][0] == "interview"
    assert "gave an interview" in panels["interview"]["Interview with"][1]
    data = {s["id"]: s for s in json.loads((project / "docs" / "briefing.json").read_text())["sources"]}
    assert (data["repost"]["carried_by"], data["interview"]["interviewee"]) == ("dailymail.co.uk", "Ruslan Kazakbayev")
