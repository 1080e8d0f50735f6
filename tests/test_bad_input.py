"""Bad input gets a message naming the file; nothing crashes and nothing unsafe reaches the site."""

from __future__ import annotations

import json
import os

import pytest
from bs4 import BeautifulSoup

from conftest import copy_project, run_cli
from generator.sources import load_seeds

ARTICLE = "Troops crossed the Afghan border on Monday, officials said in Dushanbe.\n"


def _load(tmp_path, files: dict[str, str | bytes]):
    seeds = tmp_path / "seeds"
    seeds.mkdir(exist_ok=True)
    for name, data in files.items():
        (seeds / name).write_bytes(data if isinstance(data, bytes) else data.encode())
    return load_seeds(seeds, tmp_path)


def test_front_matter_of_wrong_types_is_named_not_fatal(tmp_path):
    sources, problems = _load(tmp_path, {
        "a.md": "---\ntitle: 123\nauthors: 5\nsummary: {x: 1}\nsource_type: blog\n---\n" + ARTICLE,
    })
    assert len(sources) == 1
    assert sources[0].embedded.get("title") == "123"  # a number is still usable as text
    assert any("seeds/a.md: front matter: authors:" in p for p in problems)
    assert any("seeds/a.md: front matter: summary:" in p for p in problems)
    assert any("seeds/a.md: front matter: source_type:" in p for p in problems)
    assert "source_type" not in sources[0].embedded


def test_impossible_dates_in_yaml_do_not_crash(tmp_path):
    sources, problems = _load(tmp_path, {
        "a.txt": ARTICLE, "a.yml": "date: 2021-02-30\n",
        "b.md": "---\ndate: 2021-13-01\n---\n" + ARTICLE.replace("Monday", "Tuesday"),
    })
    assert {s.name for s in sources} == {"a.txt", "b.md"}
    assert any(p.startswith("seeds/a.yml: not valid YAML") for p in problems)
    assert any(p.startswith("seeds/b.md: front matter is not valid YAML") for p in problems)


def test_txt_seed_with_front_matter(tmp_path):
    sources, problems = _load(tmp_path, {"a.txt": "---\ntitle: Stated title\ndate: 2020-01-02\n---\n" + ARTICLE})
    assert problems == []
    assert sources[0].embedded["title"] == "Stated title"
    assert sources[0].embedded["date"] == ("2020-01-02", "day")
    assert not sources[0].text.startswith("---")


def test_ids_unique_reserved_and_same_content_skipped(tmp_path):
    sources, problems = _load(tmp_path, {
        "a b.txt": ARTICLE, "a-b.txt": ARTICLE + "More.\n", "A B.txt": ARTICLE,
        "index.txt": ARTICLE + "Other.\n", "originals.txt": ARTICLE + "Third.\n",
    })
    ids = [s.id for s in sources]
    assert len(ids) == len(set(ids)) == 4
    assert "index" not in ids and "originals" not in ids
    assert any("same content as" in p and "A B.txt" in p + "a b.txt" for p in problems)


def test_symlinks_outside_seeds_and_folders_are_refused(tmp_path):
    outside = tmp_path / "secret.txt"
    outside.write_text("root:x:0:0:root:/root:/bin/bash\n" * 3)
    _load(tmp_path, {"ok.txt": ARTICLE})
    seeds = tmp_path / "seeds"
    os.symlink(outside, seeds / "link.txt")
    os.symlink(tmp_path, seeds / "folder")
    sources, problems = load_seeds(seeds, tmp_path)
    assert [s.name for s in sources] == ["ok.txt"]
    assert "seeds/link.txt: symbolic link to something outside seeds/; skipped" in problems
    assert any(p.startswith("seeds/folder:") for p in problems)


def test_theme_id_index_is_reserved(tmp_path):
    project = copy_project(tmp_path / "p")
    cfg = (project / "briefing.yml").read_text().replace("id: china-competition", "id: index")
    (project / "briefing.yml").write_text(cfg)
    result = run_cli("build", "--no-site", cwd=project)
    assert result.returncode == 1 and "themes.index.id: 'index' is reserved" in result.stderr


@pytest.mark.slow
def test_strict_prints_the_mkdocs_warning_it_fails_on(tmp_path):
    project = copy_project(tmp_path / "p")
    (project / "docs" / "about.md").write_text("# About\n\nSee [missing](nowhere.md).\n")
    result = run_cli("build", "--strict", cwd=project)
    assert result.returncode == 1
    assert "nowhere.md" in result.stderr


def test_hostile_sidecar_and_theme_title_render_as_text(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "s.txt").write_text("Afghan militants and the Taliban crossed the border, ISIS said. " * 3 + "\n")
    (seeds / "s.yml").write_text(
        'title: "T <img src=x onerror=alert(1)> [l](javascript:alert(2))"\n'
        'publication: "<script>alert(3)</script>"\nauthors: ["<b onmouseover=alert(4)>A</b>"]\n'
        'summary: "<iframe src=//evil.example></iframe>"\nurl: "javascript:alert(5)"\n')
    project = copy_project(tmp_path / "p", seeds=seeds)
    cfg = (project / "briefing.yml").read_text().replace(
        "title: The Afghanistan threat", 'title: "Afghan <img src=y onerror=alert(6)> & R&D"')
    (project / "briefing.yml").write_text(cfg)
    result = run_cli("build", cwd=project)
    assert result.returncode == 0, result.stderr
    assert "seeds/s.yml: url: expected an http:// or https:// address" in result.stderr
    for page in (project / "site").rglob("*.html"):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        assert not soup.find(["img", "iframe", "b"]), page
        assert not soup.find(attrs={"onerror": True}) and not soup.find(attrs={"onmouseover": True}), page
        assert not any("alert(" in (s.string or "") for s in soup.find_all("script")), page
    source = BeautifulSoup((project / "site" / "sources" / "s" / "index.html").read_text(), "html.parser")
    assert "T <img src=x onerror=alert(1)>" in source.h1.get_text()
    assert "Afghan <img src=y onerror=alert(6)> & R&D" in {t.get_text(strip=True) for t in source.select(".md-tag")}
    data = json.loads((project / "site" / "briefing.json").read_text())
    assert data["sources"][0]["publication"] == "<script>alert(3)</script>"  # data stays data, unchanged
    index = (project / "site" / "search" / "search_index.json").read_text()
    assert "<script>alert(3)" not in index and "<img src=x" not in index


@pytest.mark.slow
def test_huge_file_one_long_line_and_same_titles_are_named(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    sentence = "Militants from Afghanistan crossed the border near the Taliban posts, officials said. "
    (seeds / "huge.txt").write_bytes(sentence.encode() * 70_000)  # about 6 MB
    (seeds / "oneline.txt").write_text(sentence * 2_400)  # one line of about 200,000 characters
    (seeds / "a.txt").write_text("Same Headline For Two Stories Here\n\n" + sentence * 3 + "\n")
    (seeds / "b.txt").write_text("Same Headline For Two Stories Here\n\n" + sentence.replace("said", "say") * 3 + "\n")
    project = copy_project(tmp_path / "p", seeds=seeds)
    result = run_cli("build", cwd=project)
    assert result.returncode == 0, result.stderr
    assert "seeds/huge.txt: 6 MB is more than an article (5 MB at most); skipped" in result.stderr
    assert f"seeds/oneline.txt: a line of {len(sentence) * 2_400:,} characters; split into paragraphs" in result.stderr
    assert "seeds/a.txt: same title as seeds/b.txt" in result.stderr
    assert (project / "site" / "sources" / "a" / "index.html").is_file()
    assert (project / "site" / "sources" / "b" / "index.html").is_file()
    page = BeautifulSoup((project / "site" / "sources" / "oneline" / "index.html").read_text(), "html.parser")
    paragraphs = page.select("article p[id^=p-]")
    assert len(paragraphs) > 100 and max(len(p.get_text()) for p in paragraphs) < 1200
    assert run_cli("build", "--strict", cwd=project).returncode == 1


def test_txt_that_only_looks_like_front_matter_keeps_its_text(tmp_path):
    sources, problems = _load(tmp_path, {
        "a.txt": "---\nDushanbe: a city\n---\n" + ARTICLE,
        "b.txt": "---\nnot: [valid\n---\n" + ARTICLE.replace("Monday", "Friday"),
    })
    by_name = {s.name: s for s in sources}
    assert by_name["a.txt"].text.startswith("---\nDushanbe: a city")
    assert by_name["b.txt"].text.startswith("---\nnot: [valid")
    assert any(p.startswith("seeds/a.txt: starts with '---' like front matter") for p in problems)
    assert any(p.startswith("seeds/b.txt: front matter is not valid YAML") for p in problems)


def test_undeclared_legacy_encodings_are_read_and_named(tmp_path):
    sources, problems = _load(tmp_path, {
        "ru.txt": "Министерство обороны России провело учения на границе с Афганистаном.\n".encode("cp1251"),
        "fr.txt": "Le ministre de la Défense a annoncé un système de défense aérienne commun.\n".encode("latin-1"),
    })
    by_name = {s.name: s for s in sources}
    assert "Министерство обороны" in by_name["ru.txt"].text
    assert "système de défense aérienne" in by_name["fr.txt"].text
    assert "seeds/ru.txt: not UTF-8 and no encoding declared; read as cp1251 (check the page)" in problems
    assert any(p.startswith("seeds/fr.txt: not UTF-8 and no encoding declared; read as cp1252") for p in problems)


def test_odd_length_utf16_damaged_manifest_and_a_file_in_place_of_a_folder(tmp_path):
    project = copy_project(tmp_path / "p")
    (project / "seeds" / "odd.txt").write_bytes(b"\xff\xfe" + "Taliban militants crossed.".encode("utf-16-le") + b"x")
    (project / "docs" / ".briefing-manifest.json").write_text('{"not": "a list"}')
    (project / "docs" / "themes").write_text("a hand-written file where the generator wants a folder\n")
    (project / "seeds" / "000_d100004a180b3b8b.yml").write_text("url: https://novastan.org/en/a_(b)'c'\n")
    result = run_cli("build", "--no-site", cwd=project)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert "docs/themes/military-cooperation.md: cannot be written" in result.stderr
    assert (project / "docs" / "themes").read_text().startswith("a hand-written file")
    assert (project / "docs" / "sources" / "odd.md").is_file()
    page = (project / "docs" / "sources" / "000_d100004a180b3b8b.md").read_text()
    assert "(<https://novastan.org/en/a_%28b%29%27c%27>)" in page
    data = json.loads((project / "docs" / "briefing.json").read_text())
    by_id = {s["id"]: s for s in data["sources"]}
    assert by_id["000_d100004a180b3b8b"]["original_url"] == "https://novastan.org/en/a_(b)'c'"


def test_a_file_where_the_cache_folder_goes_only_costs_time(tmp_path):
    """.cache/briefing made a file by hand: nothing can be cached or recorded as up to date, and the
    site is built all the same, twice (the second time doing all the work again), with real MkDocs."""
    project = copy_project(tmp_path / "p")
    (project / ".cache").mkdir()
    (project / ".cache" / "briefing").write_text("not a folder\n")
    for _ in range(2):
        result = run_cli("build", cwd=project)
        assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
        assert "5 processed, 0 from cache" in result.stderr and "site built in" in result.stderr, result.stderr
    assert (project / "site" / "index.html").is_file() and (project / ".cache" / "briefing").is_file()
