"""A floor that a regression in finding names would break: the names proposed for review on a new
briefing (empty gazetteer) over the documents of tests/corpus/ with names marked by hand in
tests/corpus/names/, scored exactly (benchmarks/names.py has the full figures and every error)."""

from __future__ import annotations

import sys

from conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
import names  # noqa: E402

# The figures of benchmarks/RESULTS.md when these floors were set (2026-12-03: 0.794, 0.709), less a margin.
PRECISION, RECALL = 0.75, 0.66


def test_proposed_names_against_the_hand_marked_ones():
    gold = names.marked()
    assert len(gold) >= 90 and sum(len(v) for v in gold.values()) >= 1000  # the marked set is all there
    right, proposed, hit, total, *_ = names.score(gold, names.proposals(sorted(gold)))
    assert right / proposed >= PRECISION, f"precision {right}/{proposed}"
    assert hit / total >= RECALL, f"recall {hit}/{total}"
    # A broken scorer or discovery: nothing proposed, or everything counted right.
    assert 0 < right < proposed and 0 < hit < total


def test_a_swallowed_title_is_one_wrong_proposal_and_a_missed_name():
    gold = {"doc": [{"name": "Hirokazu Matsuno", "kind": "person", "also": ()},
                    {"name": "Tokyo", "kind": "place", "also": ("Tokyo city",)}]}
    right, proposed, hit, total, *_ , errors = names.score(gold, {"doc": {"Cabinet Secretary Hirokazu Matsuno", "tokyo city"}})
    assert (right, proposed, hit, total) == (1, 2, 1, 2)
    assert errors["doc"] == (["Cabinet Secretary Hirokazu Matsuno"], ["Hirokazu Matsuno"])
