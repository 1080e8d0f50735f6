"""Where sources differ, rule by rule: the disagreements found on each real corpus with every rule of
generator/compare.py that can be switched (compare.RULES) on, and with each one off.

Corpora: the five seeds, tests/themecorpus (32 reports of five stories), tests/figurecorpus (24
reports of five stories; each disagreement shown there is judged by hand in
tests/data/disagreements-figurecorpus.yml) and tests/corpus (136 documents on many subjects).

Usage: .venv/bin/python benchmarks/disagreements.py   (about 20 s)
"""

from __future__ import annotations

import dataclasses
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator import compare  # noqa: E402
from generator import config as configuration  # noqa: E402
from generator.models import newest_first  # noqa: E402
from generator.pipeline import process_all  # noqa: E402
from generator.sources import load_seeds  # noqa: E402

CORPORA = ("seeds", "tests/themecorpus", "tests/figurecorpus", "tests/corpus")


def read(name: str, scratch: Path):
    seeds = scratch / name.replace("/", "-")
    seeds.mkdir()
    for path in (ROOT / name).iterdir():
        if path.is_file() and path.name != "README.md" and path.suffix != ".py":
            shutil.copy(path, seeds / path.name)
    config = dataclasses.replace(configuration.load(ROOT / "briefing.yml"), seeds_dir=seeds)
    sources, _ = load_seeds(seeds, ROOT)
    return tuple(sorted(process_all(sources, config), key=newest_first)), config


def main() -> None:
    with tempfile.TemporaryDirectory() as scratch:
        corpora = {name: read(name, Path(scratch)) for name in CORPORA}
        every = dict(compare.RULES)
        for off in (None, *every):
            compare.RULES.update({rule: rule != off for rule in every})
            print(f"{'all rules' if off is None else 'without ' + repr(off)}:")
            for name, (articles, config) in corpora.items():
                found, _ = compare.find_discrepancies(articles, config)
                print(f"  {name}: {len(found)}" + "".join(f"\n    {d.what[:100]}" for d in found))
        compare.RULES.update(every)


if __name__ == "__main__":
    main()
