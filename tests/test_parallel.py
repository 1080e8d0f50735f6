"""Per-source work across cores gives exactly what one process gives."""

from __future__ import annotations

import os

import pytest

from conftest import ROOT, copy_project
from generator import config as config_mod
from generator import pipeline, safety
from generator.render import render


@pytest.mark.slow
def test_parallel_processing_is_identical_to_serial(tmp_path, monkeypatch):
    project = copy_project(tmp_path / "p")
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    for i in range(60):
        text = seeds[i % len(seeds)].read_text(encoding="utf-8")
        (project / "seeds" / f"copy-{i:03d}.txt").write_text(f"Dispatch {i} from Khorog.\n\n" + text, encoding="utf-8")
    config = config_mod.load(project / "briefing.yml")
    pools = []

    real_context = safety.mp.get_context

    class Counted:  # the real pool, counted
        def __init__(self, method):
            self.context = real_context(method)

        def Pool(self, *args, **kwargs):  # noqa: N802 — multiprocessing's name
            pools.append(args)
            return self.context.Pool(*args, **kwargs)

    monkeypatch.setattr(safety.mp, "get_context", Counted)
    parallel, _ = pipeline.gather(config)  # 65 sources: above PARALLEL_FROM, so in worker processes
    assert len(pools) == (1 if len(os.sched_getaffinity(0)) > 1 else 0)  # one core: no pool to start
    monkeypatch.setattr(pipeline, "PARALLEL_FROM", 10**9)
    serial, _ = pipeline.gather(config)
    assert len(parallel.articles) == 65
    assert render(parallel) == render(serial)
