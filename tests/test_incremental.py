"""Rebuilds: only new or changed sources are processed again; the cache is never trusted blindly."""

from __future__ import annotations

import re

from conftest import copy_project, run_cli


def build(project) -> tuple[int, int, str]:
    result = run_cli("build", "--no-site", cwd=project)
    assert result.returncode == 0, result.stderr
    processed, cached = map(int, re.search(r"\((\d+) processed, (\d+) from cache\)", result.stderr).groups())
    return processed, cached, result.stderr


def docs_of(project) -> dict:
    docs = project / "docs"
    return {p.relative_to(docs).as_posix(): p.read_bytes() for p in docs.rglob("*") if p.is_file()}


NEW = ("China opens a new outpost near the Tajik border ~ Beijing expands its footprint\n\n"
       "Chinese engineers completed an outpost in Gorno-Badakhshan, officials said on Monday. "
       "China has also extended new loans to Dushanbe for roads and mines, Chinese officials said.\n")


def test_add_change_remove_reprocess_only_that_source(tmp_path):
    project = copy_project(tmp_path / "p")
    assert build(project)[:2] == (5, 0)
    assert build(project)[:2] == (0, 5)  # nothing changed: everything from the cache
    first = docs_of(project)

    (project / "seeds" / "new.txt").write_text(NEW)
    assert build(project)[:2] == (1, 5)
    china = (project / "docs" / "themes" / "china-competition.md").read_text()
    assert "../../sources/new/" in china  # the cross-source page reflects the new source
    assert "new" in (project / "docs" / "sources" / "index.md").read_text()

    (project / "seeds" / "new.yml").write_text("title: A sidecar title\n")  # a sidecar change counts
    assert build(project)[:2] == (1, 5)
    assert "A sidecar title" in (project / "docs" / "sources" / "index.md").read_text()

    (project / "seeds" / "new.txt").unlink()
    (project / "seeds" / "new.yml").unlink()
    assert build(project)[:2] == (0, 5)
    assert not (project / "docs" / "sources" / "new.md").exists()
    assert docs_of(project) == first  # back to exactly the first output


def test_config_change_reprocesses_everything(tmp_path):
    project = copy_project(tmp_path / "p")
    build(project)
    cfg = project / "briefing.yml"
    cfg.write_text(cfg.read_text().replace("threshold: 6", "threshold: 7"))
    assert build(project)[:2] == (5, 0)


def test_corrupt_cache_is_rebuilt_not_trusted(tmp_path):
    project = copy_project(tmp_path / "p")
    build(project)
    first = docs_of(project)
    entries = sorted((project / ".cache" / "briefing").glob("*/*.json"))
    assert len(entries) == 5
    entries[0].write_text("{not json")
    entries[1].write_text('{"meta": {}, "blocks": [], "words": 1, "scores": []}')
    entries[2].write_bytes(b"\x00\xff")
    assert build(project)[:2] == (3, 2)
    assert docs_of(project) == first
