"""The scale benchmark's smoke run at N = 100 (the full runs, 1,000 and 10,000, are run by hand)."""

from __future__ import annotations

import math
import sys

from conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))

import scale  # noqa: E402

import corpus  # noqa: E402


def test_corpus_is_deterministic_and_realistic(tmp_path):
    a = corpus.make_corpus(20, tmp_path / "a")
    b = corpus.make_corpus(20, tmp_path / "b")
    assert [p.read_bytes() for p in a] == [p.read_bytes() for p in b]
    texts = [p.read_text(encoding="utf-8") for p in a]
    assert len(set(texts)) == 20 and all(400 <= len(t.split()) <= 1400 for t in texts)
    assert len({t.splitlines()[0] for t in texts}) >= 15  # varied headlines
    assert len({t.split("\n\n")[3][-4:] for t in texts}) >= 5  # dates over many years


def test_scale_benchmark_runs_at_100(browser):
    """The session's Chromium (one sync Playwright per process) measures the searches. With the added
    source the corpus has 101 sources, over search.material_box_up_to (100): the header's box is the
    form to the Pagefind page, so this also drives that box in a real browser."""
    figures = scale.run(100, chromium=browser)
    engine = figures.pop("search box: engine")
    assert engine == "Pagefind page"
    # nothing changed: MkDocs and Pagefind are not run (site/ is up to date)
    skipped = ("no change: MkDocs (s)", "no change: search index (s)")
    assert all(figures[k] == 0 for k in skipped), figures
    assert all(isinstance(v, float) and math.isfinite(v) and (v > 0 or k in skipped) for k, v in figures.items()), figures
    assert figures["no change: generation (s)"] < figures["cold: generation (s)"] / 2
    for phase in scale.PHASES:  # each build split into its steps, which add up to less than the whole
        steps = sum(figures[f"{phase}: {step} (s)"] for step in ("generation", "MkDocs", "search index"))
        assert steps < figures[f"{phase}: end to end (s)"], phase
        assert figures[f"{phase}: peak memory, largest process (MB)"] > 20, phase
    # the render cache: an add-one build's MkDocs step is under plain MkDocs' on the same pages
    assert figures["add one: MkDocs (s)"] < figures["plain MkDocs, same pages, cache off (s)"]
    assert figures["pages"] > 100 and figures["peak memory: Pagefind over the whole site, one process (MB)"] > 20
    assert "search box: load → answer (s)" in figures and "search page: keystroke → result (UI debounce included) (s)" in figures
    text = scale.table({100: {**figures, "search box: engine": engine}})
    assert "| cold: generation (s) |" in text and "| search box: engine | Pagefind page |" in text
