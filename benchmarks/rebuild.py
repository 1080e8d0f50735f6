"""Rebuild timings on a corpus of N sources (run by hand, not in `make test`).

Usage: .venv/bin/python benchmarks/rebuild.py [N]   (default 1000)

The corpus is N variants of the five seeds (each with its own first line and a shuffled paragraph
order, deterministic), in a scratch copy of the project under /tmp. It times, with the real CLI:
a cold generation (empty cache), a generation with nothing changed, one after adding a source,
and the MkDocs build.
"""

from __future__ import annotations

import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def make_project(n: int) -> Path:
    project = Path(tempfile.mkdtemp(prefix="briefing-bench-"))
    for name in ("mkdocs.yml", "briefing.yml", "gazetteer.yml"):
        shutil.copy2(ROOT / name, project / name)
    shutil.copytree(ROOT / "docs", project / "docs", ignore=shutil.ignore_patterns("sources", "themes", "index.md",
                                                                              "tags.md", "briefing.json", ".*",
                                                                              "entities", "glossary.md", "timeline.*",
                                                                              "differences.md", "find.md"))
    (project / "generator").symlink_to(ROOT / "generator")
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    texts = [s.read_text(encoding="utf-8") for s in seeds]
    rng = random.Random(42)
    (project / "seeds").mkdir()
    for i in range(n):
        paragraphs = [p for p in texts[i % len(texts)].split("\n") if p.strip()]
        head, body = paragraphs[:1], paragraphs[1:]
        rng.shuffle(body)
        text = "\n".join([f"Report {i}: {head[0][:60]}"] + body) + f"\nMay {1 + i % 28}, {2000 + i % 24}\n"
        (project / "seeds" / f"s{i:05d}.txt").write_text(text, encoding="utf-8")
    return project


def timed(project: Path, *args: str) -> tuple[float, str]:
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "generator", *args], cwd=project, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(result.stderr)
    summary = re.search(r"briefing: (\d+ sources.*)", result.stderr).group(1)
    return elapsed, summary


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    project = make_project(n)
    rows = [("cold generation", *timed(project, "build", "--no-site")),
            ("no change", *timed(project, "build", "--no-site"))]
    (project / "seeds" / "added.txt").write_text((ROOT / "seeds" / "001_62a224e834171a18.txt").read_text())
    rows.append(("after adding one source", *timed(project, "build", "--no-site")))
    rows.append(("full build (generation + MkDocs)", *timed(project, "build")))
    print(f"| N = {n} | wall time | pipeline report |\n|---|---:|---|")
    for what, seconds, summary in rows:
        print(f"| {what} | {seconds:.2f} s | {summary} |")
    shutil.rmtree(project)


if __name__ == "__main__":
    main()
