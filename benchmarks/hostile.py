"""Time to read and process seeds of hostile shapes (deep nesting, brackets, one endless sentence, a
book-length text), at two sizes each: linear reading takes about twice as long at twice the size.

    python benchmarks/hostile.py            # prints a Markdown table for benchmarks/RESULTS.md

Run from the repository root (or any tree with a generator/ package: it measures that one).
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path.cwd()))

from generator import config as config_mod  # noqa: E402
from generator.pipeline import process  # noqa: E402
from generator.sources import read_seed  # noqa: E402

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
SHAPES = {
    "nested <ul><li> (.html)": ("page.html", lambda n: "<ul><li>" * n + "x" + "</li></ul>" * n, (10_000, 20_000)),
    "nested [ ] (.md)": ("brackets.md", lambda n: "[" * n + "x" + "]" * n, (10_000, 20_000)),
    "unclosed links [a](b (.md)": ("links.md", lambda n: "[a](b " * n, (10_000, 20_000)),
    "nested list (.md)": ("list.md", lambda n: "".join("  " * i + "- item\n" for i in range(n)), (250, 500)),
    "no full stop (.txt)": ("dump.txt", lambda n: "Taliban Dushanbe border " * n, (50_000, 100_000)),
    "book-length text (.txt, MB)": ("book.txt", lambda n: book(n), (2, 4)),
}


def book(megabytes: int) -> str:
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    out, size, i = [], 0, 0
    while size < megabytes * 10**6:
        out.append(texts[i % len(texts)])
        size += len(out[-1].encode())
        i += 1
    return "\n\n".join(out)


def seconds(name: str, text: str, config, limit: float) -> str:
    with tempfile.TemporaryDirectory() as folder:
        seeds = Path(folder) / "seeds"
        seeds.mkdir()
        (seeds / name).write_text(text, encoding="utf-8")
        started = time.perf_counter()
        try:
            source, _ = read_seed(seeds / name, Path(folder))
            if source is not None:
                process(source, config)
        except RecursionError:
            return "RecursionError"
        took = time.perf_counter() - started
    return f"{took:.2f} s" if took < limit else f"{took:.0f} s"


def main() -> None:
    config = config_mod.load(Path.cwd() / "briefing.yml")
    print("| shape | size | read + process | size × 2 | read + process |")
    print("|---|---:|---:|---:|---:|")
    for label, (name, make, (small, large)) in SHAPES.items():
        a = seconds(name, make(small), config, 10)
        b = seconds(name, make(large), config, 10)
        print(f"| {label} | {small:,} | {a} | {large:,} | {b} |", flush=True)


if __name__ == "__main__":
    main()
