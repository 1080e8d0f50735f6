"""Pagefind: a search index built from the finished site, for the filtered search page (find/).

Pagefind (the `pagefind[bin]` wheel carries its binary: nothing is downloaded) indexes the built
HTML and writes site/pagefind/: a static, chunked index the browser loads piece by piece, so the
search stays fast at tens of thousands of pages. It reads only each page's article (not the nav),
skips what Material's search skips (`data-search-exclude`), and takes its filters (theme,
publication, year, kind of page) from the `data-pagefind-filter` marks the pages carry.

The index is made in bundles (issue 18): the source pages, by a hash of their id, in bundles of
about `search.sources_per_bundle` (1,000), and every other page in the main one (site/pagefind/).
The search page merges them in the browser (Pagefind's mergeIndex; the list is
site/pagefind/bundles.json). A bundle is indexed again only when one of its pages' files changed:
each bundle's index is kept in .cache/briefing-search/ under the digest of its pages, and linked
into the site when that digest is unchanged. Adding a source re-indexes the main bundle and its
own; and no Pagefind process holds more than one bundle. Bundles to index are indexed side by side,
one Pagefind process a core.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from importlib.metadata import version
from pathlib import Path

from generator.config import SOURCES_PER_BUNDLE
from generator.errors import SearchIndexError
from generator.safety import tethered

ROOT_SELECTOR = "article.md-content__inner"
EXCLUDE = "[data-search-exclude], .headerlink, details"  # folded notes: scores, actor lists


MAIN = "main"
BUNDLES_FILE = "bundles.json"  # in site/pagefind/: the other bundles' folders, for the search page


def command(site_dir: Path, output: Path | None = None) -> list[str]:
    """The Pagefind command line that indexes site_dir (into output, else site_dir/pagefind/; also
    timed alone by benchmarks/scale.py)."""
    out = ["--output-path", str(output)] if output is not None else []
    return [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--root-selector", ROOT_SELECTOR,
            "--exclude-selectors", EXCLUDE, "--force-language", "en", *out]


def bundle_count(sources: int, per_bundle: int = SOURCES_PER_BUNDLE) -> int:
    """How many bundles the source pages are dealt into: sources / per_bundle rounded up to a power
    of two, so that they are dealt out anew only when their number passes a doubling, not with every
    bundle's worth."""
    return 1 << max(0, math.ceil(math.log2(max(1, math.ceil(sources / max(1, per_bundle))))))


def _source_id(rel: str) -> str | None:
    """The source's id when rel (a path in the site) is a source page."""
    parts = rel.split("/")
    if len(parts) == 3 and parts[0] == "sources" and parts[2] == "index.html" and parts[1] not in ("by-year", "originals"):
        return parts[1]
    return None


def bundle_of(rel: str, bundles: int) -> str:
    """The bundle of a page: a source page's by a hash of its id among `bundles`; any other, the main one."""
    source = _source_id(rel)
    if source is None:
        return MAIN
    return f"s{int(hashlib.sha256(source.encode()).hexdigest()[:8], 16) % bundles}"


_last: dict = {"seconds": 0.0, "summary": ""}


def forget_last() -> None:
    """Before a build: what build_index then did is what last_seconds and last_summary tell."""
    _last.update(seconds=0.0, summary="")


def last_seconds() -> float:
    """How long build_index took since forget_last (0 when it did not run): the CLI reports it."""
    return _last["seconds"]


def last_summary() -> str:
    """What build_index did since forget_last ("" when it did not run)."""
    return _last["summary"]


def build_index(site_dir: Path, cache_dir: Path | None = None, per_bundle: int = SOURCES_PER_BUNDLE) -> str:
    """Index site_dir into site_dir/pagefind/ and its bundles; return a summary. A bundle whose pages
    are unchanged since it was last indexed comes from cache_dir (none: every bundle is indexed).
    Raises SearchIndexError."""
    started = time.perf_counter()
    shutil.rmtree(site_dir / "pagefind", ignore_errors=True)  # `mkdocs build` into a site built before
    if cache_dir:
        cache_dir.mkdir(parents=True, exist_ok=True)
        for left in cache_dir.glob(".briefing-search-*"):  # by a build killed while it indexed
            shutil.rmtree(left, ignore_errors=True)
    pages = sorted(rel for rel in (p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*.html"))
                   if not rel.startswith("pagefind/"))
    count = bundle_count(sum(1 for rel in pages if _source_id(rel) is not None), per_bundle)
    bundles: dict[str, list[str]] = {MAIN: []}
    for rel in pages:
        bundles.setdefault(bundle_of(rel, count), []).append(rel)
    settings = json.dumps([version("pagefind"), command(Path("."))[3:]])
    indexed, reused = [], []
    scratch = Path(tempfile.mkdtemp(prefix=".briefing-search-", dir=cache_dir or site_dir.parent))
    try:
        keys = {}
        for name in sorted(bundles):
            key = keys[name] = _bundle_key(site_dir, bundles[name], settings)
            kept = cache_dir / name if cache_dir else None
            if kept and (kept / "key").is_file() and (kept / "key").read_text() == key:
                _link_tree(kept / "index", _target(site_dir, name))
                reused.append(name)
            else:
                indexed.append(name)
        # The bundles to index, by Pagefind processes side by side (one a core: each is single-threaded
        # for most of its run), each under its own memory; placed in the site in order when all are done.
        with ThreadPoolExecutor(max(1, min(len(indexed), _cores()))) as pool:
            words = list(pool.map(lambda name: _run(_tree_of(site_dir, bundles[name], scratch / f"{name}-pages"),
                                                    scratch / name), indexed))
        for name in indexed:
            if cache_dir:
                _keep(scratch / name, cache_dir / name, keys[name])
            _link_tree(scratch / name, _target(site_dir, name))
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    for old in cache_dir.iterdir() if cache_dir else ():  # bundles that no longer exist
        if old.name not in bundles and not old.name.startswith("."):
            shutil.rmtree(old, ignore_errors=True)
    others = [f"bundles/{name}/" for name in sorted(bundles) if name != MAIN]
    (site_dir / "pagefind" / BUNDLES_FILE).write_text(json.dumps(others) + "\n", encoding="utf-8")
    summary = (f"{len(pages)} pages in {len(bundles)} bundle(s), {len(indexed)} indexed, {len(reused)} unchanged"
               + (f" ({'; '.join(w for w in words if w)})" if any(words) else ""))
    _last.update(seconds=time.perf_counter() - started, summary=summary)
    return summary


def _target(site_dir: Path, name: str) -> Path:
    return site_dir / "pagefind" if name == MAIN else site_dir / "pagefind" / "bundles" / name


def _cores() -> int:
    """How many Pagefind processes may run at once: the cores this process may use, at most 4."""
    return min(len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1, 4)


def _keep(output: Path, kept: Path, key: str) -> None:
    """A bundle's index kept for the next build, whole or not at all (its key is written last). A
    cache that cannot be written only costs the next build this bundle's indexing."""
    try:
        shutil.rmtree(kept, ignore_errors=True)
        kept.mkdir(parents=True)
        _link_tree(output, kept / "index")
        (kept / "key").write_text(key)
    except OSError:
        shutil.rmtree(kept, ignore_errors=True)


def _bundle_key(site_dir: Path, pages: list[str], settings: str) -> str:
    """The digest of a bundle: Pagefind's version and settings, and each page's path and bytes."""
    digest = hashlib.sha256(settings.encode())
    for rel in pages:
        digest.update(rel.encode() + b"\0" + hashlib.sha256((site_dir / rel).read_bytes()).digest())
    return digest.hexdigest()


def _tree_of(site_dir: Path, pages: list[str], folder: Path) -> Path:
    """A folder holding just these pages at their places in the site (hard links), for Pagefind."""
    for rel in pages:
        target = folder / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        _link(site_dir / rel, target)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _link_tree(source: Path, target: Path) -> None:
    """Every file of source at the same place under target (hard links where the disk allows)."""
    for path in sorted(source.rglob("*")):
        if path.is_file():
            place = target / path.relative_to(source)
            place.parent.mkdir(parents=True, exist_ok=True)
            _link(path, place)


def _link(source: Path, target: Path) -> None:
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def _run(site: Path, output: Path) -> str:
    """Pagefind over site into output; its summary line."""
    try:
        # tethered: a build killed meanwhile (even by kill -9) takes Pagefind with it
        result = subprocess.run(tethered(command(site, output)), capture_output=True, text=True, timeout=600)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise SearchIndexError(f"pagefind could not run: {exc}") from None
    if result.returncode != 0:
        tail = (result.stderr or result.stdout).strip().splitlines()[-3:]
        raise SearchIndexError("pagefind failed: " + " / ".join(tail))
    return ", ".join(line.strip() for line in result.stdout.splitlines() if "Indexed" in line and "page" in line)
