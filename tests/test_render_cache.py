"""The render cache (generator/render_cache.py) and the pages left as they were (generator/reuse.py):
after any sequence of adding, changing and removing sources, a sidecar and an edit to the theme, a
site built with them (Markdown conversion and page template reused, unchanged pages hard links to
the previous site's) equals, byte for byte, a clean build of the same seeds (the Pagefind index
aside: its file names change from build to build)."""

from __future__ import annotations

import json
import os
import re
import shutil

import pytest

from conftest import copy_project, run_cli
from generator import render_cache

ADDED = ("Border posts reinforced near Khorog\n\n"
         "The Taliban said on Monday that Tajik border posts near Khorog had been reinforced, and Russian "
         "officers met their Tajik counterparts in Dushanbe.\n")


def site_files(project) -> dict[str, bytes]:
    site = project / "site"
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*")
            if p.is_file() and not p.relative_to(site).as_posix().startswith("pagefind/")}


CORES = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
def build(project, templated: list | None = None, left: list | None = None,
          ahead: list | None = None) -> tuple[int, int]:
    """Build; (pages reused, converted), the template's (reused, run) appended to templated, the
    pages (left as they were, built) appended to left, and the pages converted ahead in worker
    processes (0: none) to ahead."""
    result = run_cli("build", "--strict", cwd=project)
    assert result.returncode == 0, result.stderr
    kept = re.search(r"(\d+) pages left as they were, (\d+) built", result.stderr)
    if left is not None:
        left.append((int(kept.group(1)), int(kept.group(2))) if kept else None)
    found = re.search(r"render cache: (\d+) pages reused, (\d+) converted(?: \((\d+) of them ahead, in \d+ "
                      r"processes\))?; (\d+) templated pages reused, (\d+) templated", result.stderr)
    assert found, result.stderr
    if templated is not None:
        templated.append((int(found.group(4)), int(found.group(5))))
    if ahead is not None:
        ahead.append(int(found.group(3) or 0))
    return int(found.group(1)), int(found.group(2))


@pytest.mark.slow
@pytest.mark.parametrize("box", ["material", "pagefind"])
def test_an_incremental_site_equals_a_clean_build(tmp_path, monkeypatch, box):
    """With Material's search box (a small briefing) every page goes through MkDocs, from the render
    cache; with the Pagefind box (a large one) the pages that cannot have changed are left as they were."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764979200")  # a fixed day for the added sources
    project = copy_project(tmp_path / "p")
    if box == "pagefind":
        with (project / "briefing.yml").open("a", encoding="utf-8") as config:
            config.write("\nsearch:\n  material_box_up_to: 0\n")
    seeds = project / "seeds"
    left: list = []
    ahead: list = []
    reused, converted = build(project, left=left, ahead=ahead)
    assert reused == 0 and converted > 100 and left == [None]  # the first build: nothing to leave
    assert ahead[-1] == (converted if CORES > 1 else 0)  # converted in worker processes, one per core
    pages = converted
    templated: list = []
    again = run_cli("build", "--strict", cwd=project)  # nothing changed: MkDocs is not even run
    assert again.returncode == 0 and "is up to date" in again.stderr and "render cache" not in again.stderr
    (project / ".cache" / "briefing" / "sites.json").unlink()  # run it all the same: all from the cache
    assert build(project, templated) == (pages, 0)  # nothing changed: nothing converted or templated
    assert templated[-1] == (pages, 0)
    (seeds / "reinforced.txt").write_text(ADDED, encoding="utf-8")  # add
    reused, converted = build(project, templated, left, ahead)
    if box == "material":
        assert 0 < converted < reused  # the new source's page, the pages that list it; not every page
        assert 0 < templated[-1][1] < templated[-1][0] and left[-1] is None  # Material's search reads every page
        assert ahead[-1] == 0  # most pages come from the cache: none converted ahead
    else:  # only those go through MkDocs at all
        assert reused + converted == sum(templated[-1]) == left[-1][1] and 0 < converted < left[-1][0]
        assert ahead[-1] == (converted if CORES > 1 else 0)
    override = project / "overrides" / "main.html"  # the theme changes: every page is templated again
    override.write_text(override.read_text(encoding="utf-8") + "\n{# edited #}\n", encoding="utf-8")
    build(project, templated, left)
    assert templated[-1][0] == 0 and (left[-1] is None if box == "material" else left[-1][0] == 0)
    with (project / "mkdocs.yml").open("a", encoding="utf-8") as config:  # every page's footer changes
        config.write('\ncopyright: "Compiled by the analysts"\n')
    build(project, templated, left)
    assert templated[-1][0] == 0 and (left[-1] is None if box == "material" else left[-1][0] == 0)
    (seeds / "reinforced.txt").write_text(ADDED.replace("Monday", "Tuesday"), encoding="utf-8")  # change
    build(project, left=left)
    assert left[-1][0] > 0 if box == "pagefind" else left[-1] is None
    removed = sorted(seeds.glob("003_*"))[0]
    removed.unlink()  # remove: every page that linked to it changes, its page goes
    build(project, left=left)
    assert left[-1][0] > 0 if box == "pagefind" else left[-1] is None
    (seeds / "reinforced.yml").write_text("title: Posts near Khorog reinforced\n")  # a sidecar
    build(project, left=left)
    assert left[-1][0] > 0 if box == "pagefind" else left[-1] is None

    clean = copy_project(tmp_path / "clean", seeds=seeds)
    for name in ("arrivals.json", "briefing.yml", "mkdocs.yml", "overrides/main.html"):
        shutil.copy2(project / name, clean / name)
    reused, _ = build(clean)
    assert reused == 0
    fresh = site_files(clean)

    def same_as_clean(project) -> None:
        incremental = site_files(project)
        assert sorted(incremental) == sorted(fresh)
        assert [p for p in sorted(fresh) if incremental[p] != fresh[p]] == []

    same_as_clean(project)  # after a build that left pages as they were (the Pagefind box)
    (project / ".cache" / "briefing" / "sites.json").unlink()  # all from the render cache again: it
    pages = sum(build(project))  # kept the entries of the pages left as they were
    moved = tmp_path / "moved"  # the briefing's folder moved (or copied): its cache still serves it
    shutil.move(project, moved)
    project, seeds = moved, moved / "seeds"
    assert build(project, templated) == (pages, 0) and templated[-1] == (pages, 0)
    same_as_clean(project)


@pytest.mark.slow
def test_off_by_environment_and_safe_when_damaged(tmp_path, monkeypatch):
    project = copy_project(tmp_path / "p")
    (project / ".cache").mkdir()
    (project / render_cache.FILE).write_bytes(b"not a database at all" * 100)
    reused, converted = build(project)  # a damaged cache file is started afresh
    assert reused == 0 and converted > 100
    monkeypatch.setenv("BRIEFING_RENDER_CACHE", "0")
    result = run_cli("build", cwd=project)
    assert result.returncode == 0 and "render cache:" not in result.stderr


@pytest.mark.slow
def test_a_page_is_built_again_when_a_page_it_links_to_goes(tmp_path, monkeypatch):
    """A page is left as it was only while every page it links to is there: when a source that a
    hand-written page links to goes, that page is built again, and MkDocs reports its broken link
    as a clean build would (its Markdown did not change). Not --strict, where the link would stop
    the build (and the same mode throughout: it is part of the configuration every page is made with)."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764979200")
    project = copy_project(tmp_path / "p")
    with (project / "briefing.yml").open("a", encoding="utf-8") as config:
        config.write("\nsearch:\n  material_box_up_to: 0\n")

    def build_here() -> tuple[str, str]:
        result = run_cli("build", cwd=project)
        assert result.returncode == 0, result.stderr
        left = re.search(r"(\d+) pages left as they were, (\d+) built", result.stderr)
        return result.stderr, left and left.group(1)

    build_here()
    sources = sorted(p.name for p in (project / "docs" / "sources").glob("*.md") if p.name != "index.md")
    (project / "docs" / "notes.md").write_text(
        "# Notes\n\n" + "\n".join(f"- [{name}](sources/{name})" for name in sources) + "\n", encoding="utf-8")
    assert int(build_here()[1]) > 0
    sorted(project.glob("seeds/003_*"))[0].unlink()
    printed, left = build_here()
    gone = sorted(set(sources) - {p.name for p in (project / "docs" / "sources").glob("*.md")})
    assert len(gone) == 1 and int(left) > 0
    notes = (project / "site" / "notes" / "index.html").read_text(encoding="utf-8")
    assert f"sources/{gone[0][:-3]}/" not in notes and f"sources/{gone[0]}" in notes  # left as written
    assert re.search(rf"notes\.md.*{re.escape(gone[0])}", printed)


@pytest.mark.slow
def test_a_damaged_record_of_pages_is_not_trusted(tmp_path, monkeypatch):
    """The record of what the last build made (.cache/briefing/site-pages-*.json) edited or damaged:
    the build does not fail on it, it builds every page (as without a record) and writes a sound one."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764979200")
    project = copy_project(tmp_path / "p")
    with (project / "briefing.yml").open("a", encoding="utf-8") as config:
        config.write("\nsearch:\n  material_box_up_to: 0\n")
    build(project)
    (record,) = (project / ".cache" / "briefing").glob("site-pages-*.json")
    data = json.loads(record.read_text(encoding="utf-8"))
    damaged = data["pages"][sorted(data["pages"])[0]]
    del damaged["meta"], damaged["toc"]  # what putting the page back would read
    record.write_text(json.dumps(data), encoding="utf-8")
    (project / "seeds" / "reinforced.txt").write_text(ADDED, encoding="utf-8")
    left: list = []
    build(project, left=left)
    assert left == [None]  # nothing left as it was: every page built
    (project / "seeds" / "reinforced.txt").write_text(ADDED.replace("Monday", "Tuesday"), encoding="utf-8")
    build(project, left=left)
    assert left[-1][0] > 0  # the record written after it is sound again
