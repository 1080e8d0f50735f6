"""The search page's index in bundles (generator/search.py): source pages spread over several
Pagefind bundles, merged in the browser into one search; a rebuild indexes only the bundles whose
pages changed."""

from __future__ import annotations

import json
import re

import pytest

from browser import DESKTOP, StaticServer
from conftest import copy_project, run_cli

SUMMARY = re.compile(r"search index: (\d+) pages in (\d+) bundle\(s\), (\d+) indexed, (\d+) unchanged")


def search_summary(stderr: str) -> tuple[int, ...]:
    found = SUMMARY.search(stderr)
    assert found, stderr
    return tuple(int(n) for n in found.groups())


@pytest.fixture(scope="module")
def bundled(tmp_path_factory):
    """The flagship with two source pages per bundle: its five sources dealt out over four bundles
    (three rounded up to a power of two), and the main one."""
    project = copy_project(tmp_path_factory.mktemp("bundles") / "p")
    config = project / "briefing.yml"
    config.write_text(config.read_text(encoding="utf-8") + "\nsearch:\n  sources_per_bundle: 2\n", encoding="utf-8")
    first = run_cli("build", cwd=project)
    assert first.returncode == 0, first.stderr
    return project, first.stderr


def test_a_rebuild_indexes_only_the_bundles_whose_pages_changed(bundled):
    project, stderr = bundled
    pages, bundles, indexed, unchanged = search_summary(stderr)
    assert bundles >= 3 and indexed == bundles and unchanged == 0
    others = json.loads((project / "site" / "pagefind" / "bundles.json").read_text())
    assert len(others) == bundles - 1 and all((project / "site" / "pagefind" / b / "pagefind-entry.json").is_file() for b in others)
    again = run_cli("build", cwd=project)
    assert again.returncode == 0 and "is up to date" in again.stderr, again.stderr  # nothing changed: MkDocs not run
    (project / ".cache" / "briefing" / "sites.json").unlink()  # forgotten: MkDocs runs, and Pagefind
    again = run_cli("build", cwd=project)
    assert again.returncode == 0, again.stderr
    assert search_summary(again.stderr) == (pages, bundles, 0, bundles)  # nothing changed: every bundle kept
    (project / "seeds" / "outpost.txt").write_text(
        "Outpost on the Panj\n\nPublication: Wire Service\n\nSeptember 3, 2024\n\nEngineers completed a "
        "Qaraghulmirza outpost on the Panj river, border officials said on Tuesday.\n", encoding="utf-8")
    added = run_cli("build", cwd=project)
    assert added.returncode == 0, added.stderr
    pages_after, bundles_after, indexed_after, unchanged_after = search_summary(added.stderr)
    # still four source bundles for six sources: the main bundle (every list of sources changed)
    # and the new source's are indexed, the others kept
    assert indexed_after == 2 and unchanged_after == bundles_after - 2 and pages_after > pages


def test_the_search_page_searches_every_bundle_as_one(bundled, browser):
    project, _ = bundled
    with StaticServer(project / "site") as server:
        context = browser.new_context(viewport=DESKTOP)
        page = context.new_page()
        errors = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(server.url + "find/?query=Tajikistan", wait_until="networkidle")
        page.wait_for_selector(".pagefind-ui__result")
        kinds = page.locator(".pagefind-ui__filter-block:has(summary:text-is('Kind')) label").all_inner_texts()
        publications = page.locator(".pagefind-ui__filter-block:has(summary:text-is('Publication')) label").all_inner_texts()
        context.close()
    # The source pages are all in the other bundles: counted here only if they were merged in.
    sources = [int(m[1]) for k in kinds if (m := re.fullmatch(r"Source \((\d+)\)", k.strip()))]
    assert sources and sources[0] >= 5, kinds
    assert len(publications) >= 4, publications  # publications from every bundle, each with its count
    assert errors == []
