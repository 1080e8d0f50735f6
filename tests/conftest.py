"""Shared fixtures: the real project's files, and one real build of them in a temporary folder."""

from __future__ import annotations

import functools
import json
import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED_SEEDS = ROOT.parent / "shared" / "seeds"
@functools.lru_cache(maxsize=1)
def generated_here() -> frozenset[str]:
    """What the last build in this checkout generated in docs/ (its manifest, and the manifest itself)."""
    from generator.render import MANIFEST

    try:
        listed = json.loads((ROOT / "docs" / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        listed = []
    return frozenset(listed) | {MANIFEST}


# A test that asks for one of these is marked by pytest_collection_modifyitems below: `browser` for
# Chromium, `slow` for a real build of a site (shared or its own) that it needs first.
BROWSER_FIXTURES = frozenset({"browser"})
SLOW_FIXTURES = frozenset({"built", "grown", "large", "hostile_project"})


def pytest_configure(config):
    """One day for every source a test adds (generator/arrivals.py), however long the run: builds that
    are compared then agree even across midnight. Every build this run starts inherits it."""
    os.environ.setdefault("SOURCE_DATE_EPOCH", str(int(time.time())))


def pytest_collection_modifyitems(config, items):
    """Mark the browser tests and those that need a built site, so that `make check` can leave them out."""
    for item in items:
        used = set(getattr(item, "fixturenames", ()))
        if used & BROWSER_FIXTURES:
            item.add_marker(pytest.mark.browser)
        if used & SLOW_FIXTURES:
            item.add_marker(pytest.mark.slow)


def _generated(path: Path) -> bool:
    """A file the last build here generated, or a folder holding only such files (docs/themes/ after
    a build in this checkout): left out of a copy, which builds its own."""
    if path.is_dir():
        return all(_generated(p) for p in path.iterdir())
    return path.relative_to(ROOT / "docs").as_posix() in generated_here()


def copy_project(dst: Path, seeds: Path | None = None) -> Path:
    """A copy of the project's configuration, seeds and hand-written docs, without generated output."""
    dst.mkdir(parents=True, exist_ok=True)
    for name in ("mkdocs.yml", "briefing.yml", "gazetteer.yml"):
        shutil.copy2(ROOT / name, dst / name)
    shutil.copytree(ROOT / "overrides", dst / "overrides")
    shutil.copytree(seeds or ROOT / "seeds", dst / "seeds")
    if seeds is None:  # when the flagship's seeds were added (generator/arrivals.py)
        shutil.copy2(ROOT / "arrivals.json", dst / "arrivals.json")
    shutil.copytree(ROOT / "docs", dst / "docs", ignore=lambda d, names: [
        n for n in names if _generated(Path(d) / n)])
    os.symlink(ROOT / "generator", dst / "generator")  # mkdocs.yml names generator/hooks.py
    return dst


def run_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    """Run `python -m generator ...` for real, as a user would."""
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=300)


def run_mkdocs(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "mkdocs", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=300)


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> Path:
    """The five real seeds built once with `briefing build --strict` (real MkDocs) into project/site."""
    project = copy_project(tmp_path_factory.mktemp("built") / "project")
    result = run_cli("build", "--strict", cwd=project)
    assert result.returncode == 0, result.stderr
    return project


def grow(project: Path, n: int) -> None:
    """Add n more seeds, so that a build takes long enough to be interrupted in its middle."""
    base = sorted((project / "seeds").glob("*.txt"))
    for i in range(n):
        text = base[i % len(base)].read_text(encoding="utf-8")
        (project / "seeds" / f"extra-{i:04d}.txt").write_text(f"Report number {i} from Dushanbe.\n" + text)


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under folder: relative path → bytes."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


@dataclass(frozen=True)
class Build:
    project: Path
    seconds: float  # how long its cold `briefing build` took, start to end, on this machine


@pytest.fixture(scope="session")
def grown(tmp_path_factory) -> Build:
    """The five seeds and 150 more built once with `briefing build` (real MkDocs and Pagefind; 155
    sources, over 100: the header's box is Pagefind's). The tests that interrupt or kill a build of
    this corpus compare with it, and signal at fractions of its time; never modify it: copy it."""
    project = copy_project(tmp_path_factory.mktemp("grown") / "project")
    grow(project, 150)
    started = time.perf_counter()
    result = run_cli("build", cwd=project)
    seconds = time.perf_counter() - started
    assert result.returncode == 0, result.stderr
    return Build(project, seconds)


@pytest.fixture(scope="session")
def briefing_data(built) -> dict:
    return json.loads((built / "site" / "briefing.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def browser():
    """Headless Debian Chromium, never a downloaded one."""
    from browser import CHROMIUM_ARGS, chromium_path

    executable = chromium_path()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def server(built):
    """The built five-seed site, served on 127.0.0.1 on a free port."""
    from browser import StaticServer

    with StaticServer(built / "site") as running:
        yield running


def html(path: Path):
    """A built page, parsed."""
    from bs4 import BeautifulSoup

    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def page_ids(path: Path) -> frozenset[str]:
    """Every id on a built page, parsed once however many links point into it (the link checks
    follow thousands of anchored links into a few hundred pages): 54 s → 7 s for the flagship."""
    return _page_ids(path, path.stat().st_mtime_ns)


@functools.lru_cache(maxsize=None)
def _page_ids(path: Path, mtime_ns: int) -> frozenset[str]:
    return frozenset(tag["id"] for tag in html(path).find_all(id=True))


def link_target(site: Path, page: Path, href: str) -> tuple[Path | None, str]:
    """Where a link on a built page leads, as (file or folder in site, #fragment); None for another host."""
    from urllib.parse import unquote, urljoin, urlparse

    target = urlparse(urljoin("/" + page.relative_to(site).as_posix(), href))
    if target.scheme:
        return None, ""
    return site / unquote(target.path).lstrip("/"), unquote(target.fragment)
