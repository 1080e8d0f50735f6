"""The render cache (generator/render_cache.py): after any sequence of adding, changing and removing
sources, a sidecar and an edit to the theme, a site built with it (Markdown conversion and page
template both reused) equals, byte for byte, a clean build of the same seeds (the Pagefind index
aside: its file names change from build to build)."""

from __future__ import annotations

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


def build(project, templated: list | None = None) -> tuple[int, int]:
    """Build; (pages reused, converted), and the template's (reused, run) appended to templated."""
    result = run_cli("build", "--strict", cwd=project)
    assert result.returncode == 0, result.stderr
    found = re.search(r"render cache: (\d+) pages reused, (\d+) converted; (\d+) templated pages reused, "
                      r"(\d+) templated", result.stderr)
    assert found, result.stderr
    if templated is not None:
        templated.append((int(found.group(3)), int(found.group(4))))
    return int(found.group(1)), int(found.group(2))


@pytest.mark.slow
def test_an_incremental_site_equals_a_clean_build(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764979200")  # a fixed day for the added sources
    project = copy_project(tmp_path / "p")
    seeds = project / "seeds"
    reused, converted = build(project)
    assert reused == 0 and converted > 100
    pages = converted
    templated: list = []
    again = run_cli("build", "--strict", cwd=project)  # nothing changed: MkDocs is not even run
    assert again.returncode == 0 and "is up to date" in again.stderr and "render cache" not in again.stderr
    (project / ".cache" / "briefing" / "sites.json").unlink()  # run it all the same: all from the cache
    assert build(project, templated) == (pages, 0)  # nothing changed: nothing converted or templated
    assert templated[-1] == (pages, 0)
    (seeds / "reinforced.txt").write_text(ADDED, encoding="utf-8")  # add
    reused, converted = build(project, templated)
    assert 0 < converted < reused  # the new source's page, the pages that list it; not every page
    assert 0 < templated[-1][1] < templated[-1][0]
    override = project / "overrides" / "main.html"  # the theme changes: every page is templated again
    override.write_text(override.read_text(encoding="utf-8") + "\n{# edited #}\n", encoding="utf-8")
    build(project, templated)
    assert templated[-1][0] == 0
    (seeds / "reinforced.txt").write_text(ADDED.replace("Monday", "Tuesday"), encoding="utf-8")  # change
    build(project)
    removed = sorted(seeds.glob("003_*"))[0]
    removed.unlink()  # remove: every page that linked to it changes, its page goes
    build(project)
    (seeds / "reinforced.yml").write_text("title: Posts near Khorog reinforced\n")  # a sidecar
    pages = sum(build(project))
    moved = tmp_path / "moved"  # the briefing's folder moved (or copied): its cache still serves it
    shutil.move(project, moved)
    project, seeds = moved, moved / "seeds"
    assert build(project, templated) == (pages, 0) and templated[-1] == (pages, 0)

    clean = copy_project(tmp_path / "clean", seeds=seeds)
    shutil.copy2(project / "arrivals.json", clean / "arrivals.json")
    shutil.copy2(project / "overrides" / "main.html", clean / "overrides" / "main.html")
    reused, _ = build(clean)
    assert reused == 0
    incremental, fresh = site_files(project), site_files(clean)
    assert sorted(incremental) == sorted(fresh)
    assert [p for p in sorted(fresh) if incremental[p] != fresh[p]] == []


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
