"""The scale benchmark's smoke run at N = 100 (the full runs, 1,000 and 10,000, are run by hand)."""

from __future__ import annotations

import math
import sys

from conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))

import corpus  # noqa: E402
import scale  # noqa: E402


def test_corpus_is_deterministic_and_realistic(tmp_path):
    a = corpus.make_corpus(20, tmp_path / "a")
    b = corpus.make_corpus(20, tmp_path / "b")
    assert [p.read_bytes() for p in a] == [p.read_bytes() for p in b]
    texts = [p.read_text(encoding="utf-8") for p in a]
    assert len(set(texts)) == 20 and all(400 <= len(t.split()) <= 1400 for t in texts)
    assert len({t.splitlines()[0] for t in texts}) >= 15  # varied headlines
    assert len({t.split("\n\n")[3][-4:] for t in texts}) >= 5  # dates over many years


def test_scale_benchmark_runs_at_100(browser):
    """The session's Chromium (one sync Playwright per process) measures both searches."""
    figures = scale.run(100, chromium=browser)
    assert all(isinstance(v, float) and math.isfinite(v) and v > 0 for v in figures.values()), figures
    assert figures["no-change generation (s)"] < figures["cold generation (s)"]
    text = scale.table({100: figures})
    assert "| cold generation (s) |" in text and "pagefind: load → answer" in text
