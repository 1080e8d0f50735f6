"""Pagefind: a search index built from the finished site, for the filtered search page (find/).

Pagefind (the `pagefind[bin]` wheel carries its binary: nothing is downloaded) indexes the built
HTML and writes site/pagefind/: a static, chunked index the browser loads piece by piece, so the
search stays fast at tens of thousands of pages. It reads only each page's article (not the nav),
skips what Material's search skips (`data-search-exclude`), and takes its filters (theme,
publication, year, kind of page) from the `data-pagefind-filter` marks the pages carry.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from generator.errors import SearchIndexError
from generator.safety import tethered

ROOT_SELECTOR = "article.md-content__inner"
EXCLUDE = "[data-search-exclude], .headerlink, details"  # folded notes: scores, actor lists


def command(site_dir: Path) -> list[str]:
    """The Pagefind command line that indexes site_dir (also timed alone by benchmarks/scale.py)."""
    return [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--root-selector", ROOT_SELECTOR,
            "--exclude-selectors", EXCLUDE, "--force-language", "en"]


_timing = {"seconds": 0.0}


def last_seconds(reset: bool = False) -> float:
    """How long the last build_index took (0 when none ran since the last reset): the CLI reports it."""
    seconds = _timing["seconds"]
    if reset:
        _timing["seconds"] = 0.0
    return seconds


def build_index(site_dir: Path) -> str:
    """Index site_dir into site_dir/pagefind/; return Pagefind's summary. Raises SearchIndexError."""
    started = time.perf_counter()
    try:
        # tethered: a build killed meanwhile (even by kill -9) takes Pagefind with it
        result = subprocess.run(tethered(command(site_dir)), capture_output=True, text=True, timeout=600)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise SearchIndexError(f"pagefind could not run: {exc}") from None
    if result.returncode != 0:
        tail = (result.stderr or result.stdout).strip().splitlines()[-3:]
        raise SearchIndexError("pagefind failed: " + " / ".join(tail))
    _timing["seconds"] = time.perf_counter() - started
    summary = [line.strip() for line in result.stdout.splitlines() if "Indexed" in line or "Total" in line]
    return "; ".join(summary) or "search index built"
