"""The scale benchmark: cold, no-change and add-one builds, each split into generation, MkDocs and
search index, against plain MkDocs on the same pages; memory, size and search in a browser.

Usage: .venv/bin/python benchmarks/scale.py N [N ...] [--write]   (e.g. 1000 10000)

For each N: a scratch copy of the project (configuration, gazetteer, hand-written docs) with N
articles from benchmarks/corpus.py, then, timed with the real CLI (`briefing build`, end to end):
a cold build, a no-change build, and a build after adding one article, each split into its steps
as the CLI reports them (generation; MkDocs; the search index, Pagefind); then on the same N + 1
articles a plain MkDocs build (`BRIEFING_RENDER_CACHE=0`: every page converted and templated, into
another folder), and each build's ratio to it; the peak memory of the largest process of each
build's tree and of Pagefind run alone; the site's size; and in headless Chromium (Debian's) the
time from page load until each search answers and from the last keystroke to the first result.
--write appends the table (with machine, versions and date) to benchmarks/RESULTS.md.
Run by hand; tests/test_scale_smoke.py runs N = 100.
"""

from __future__ import annotations

import datetime as dt
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
from corpus import make_corpus  # noqa: E402

HAND_WRITTEN = ("about.md", "assets")


def project(n: int) -> Path:
    root = Path(tempfile.mkdtemp(prefix=f"briefing-scale-{n}-"))
    for name in ("mkdocs.yml", "briefing.yml", "gazetteer.yml"):
        shutil.copy2(ROOT / name, root / name)
    shutil.copytree(ROOT / "overrides", root / "overrides")
    (root / "docs").mkdir()
    for name in HAND_WRITTEN:
        source = ROOT / "docs" / name
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, root / "docs" / name)
    os.symlink(ROOT / "generator", root / "generator")
    make_corpus(n, root / "seeds")
    return root


def timed(command: list[str], cwd: Path, env: dict | None = None) -> tuple[float, float, float, str]:
    """Wall time (s), peak resident memory (MB) and what it printed on stderr, of a command; memory: of its own process (sampled from
    /proc every 50 ms) and of the largest process of its tree (MkDocs' tree includes the Pagefind
    run of the hook; generation's, its worker processes)."""
    started = time.perf_counter()
    own = 0
    with tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=err,
                                env={**os.environ, **(env or {})})
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            own = max(own, _peak_kb(proc.pid))
            time.sleep(0.05)
        proc.returncode = os.waitstatus_to_exitcode(status)
        seconds = time.perf_counter() - started
        if proc.returncode != 0:
            err.seek(0)
            raise SystemExit(f"{' '.join(command)} failed:\n{err.read().decode(errors='replace')[-2000:]}")
        err.seek(0)
        printed = err.read().decode(errors="replace")
    return seconds, own / 1024, usage.ru_maxrss / 1024, printed


def _peak_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            return next((int(line.split()[1]) for line in status if line.startswith("VmHWM:")), 0)
    except (OSError, ValueError):
        return 0


def browser_timings(site: Path, chromium=None) -> dict[str, float]:
    """Both searches in headless Chromium; `chromium` is an already launched Playwright browser, if any."""
    import functools
    import http.server
    import threading

    from playwright.sync_api import sync_playwright

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    server.handle_error = lambda request, address: None  # a page left mid-download: a broken pipe, not news
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        if chromium is not None:
            return _search_timings(chromium, url)
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
            out = _search_timings(browser, url)
            browser.close()
    finally:
        server.shutdown()
    return out


def _search_timings(browser, url: str) -> dict[str, float]:
    """The header's box (Material's search, or for a large briefing a form to the Pagefind page), then
    the search page (find/): page load → first answer, and last keystroke → results."""
    out = {}
    context = browser.new_context()
    page = context.new_page()
    started = time.perf_counter()
    page.goto(url)
    if page.locator("input.md-search__input").count():
        out["search box: engine"] = "Material"
        page.locator("input.md-search__input").click()
        page.keyboard.type("Khorog")
        page.wait_for_selector(".md-search-result__item", timeout=120_000)
        out["search box: load → answer"] = time.perf_counter() - started
        page.locator("input.md-search__input").fill("")
        started = time.perf_counter()
        page.keyboard.type("Panjshir")
        page.wait_for_function("() => document.querySelector('.md-search-result__meta')?.textContent"
                               ".match(/\\d+ matching/) && document.querySelector('.md-search-result__item')",
                               timeout=120_000)
        out["search box: keystroke → result"] = time.perf_counter() - started
    else:  # the find box: Enter opens the search page with the query
        out["search box: engine"] = "Pagefind page"
        page.fill(".briefing-find__input", "Khorog")
        page.press(".briefing-find__input", "Enter")
        page.wait_for_function("() => document.querySelector('.pagefind-ui__message')?.textContent.includes('Khorog')",
                               timeout=120_000)
        out["search box: load → answer"] = time.perf_counter() - started
    started = time.perf_counter()
    page.goto(url + "find/")
    page.fill(".pagefind-ui__search-input", "Khorog")
    page.wait_for_function("() => document.querySelector('.pagefind-ui__message')?.textContent.includes('Khorog')",
                           timeout=120_000)
    out["search page: load → answer"] = time.perf_counter() - started
    page.wait_for_timeout(300)
    page.fill(".pagefind-ui__search-input", "Panjshi")
    started = time.perf_counter()
    page.type(".pagefind-ui__search-input", "r")  # the last keystroke
    page.wait_for_function("() => document.querySelector('.pagefind-ui__message')?.textContent.includes('Panjshir')",
                           timeout=120_000)
    out["search page: keystroke → result (UI debounce included)"] = time.perf_counter() - started
    context.close()
    return out


PHASES = ("cold", "no change", "add one")
GENERATED = re.compile(r"^briefing: \d+ sources .* in ([\d.]+) s;", re.M)
SITE = re.compile(r"^briefing: site built in .*: MkDocs ([\d.]+) s, search index ([\d.]+) s$", re.M)
UP_TO_DATE = re.compile(r"^briefing: .* is up to date: nothing it is built from has changed", re.M)  # MkDocs not run


def build(root: Path, env: dict | None = None, extra: tuple[str, ...] = ()) -> dict[str, float]:
    """`briefing build` end to end, and its steps as the CLI reports them."""
    seconds, _, tree_peak, printed = timed([sys.executable, "-m", "generator", "build", *extra], root,
                                           {"SOURCE_DATE_EPOCH": "1764979200", **(env or {})})
    generated, site = GENERATED.search(printed), SITE.search(printed)
    if not generated or not (site or UP_TO_DATE.search(printed)):
        raise SystemExit(f"briefing build did not report its steps:\n{printed[-2000:]}")
    return {"generation (s)": float(generated[1]), "MkDocs (s)": float(site[1]) if site else 0.0,
            "search index (s)": float(site[2]) if site else 0.0, "end to end (s)": seconds,
            "peak memory, largest process (MB)": tree_peak}


def run(n: int, browser: bool = True, chromium=None) -> dict[str, float | str]:
    from generator.search import command as pagefind_command

    root = project(n)
    builds = {}
    for phase in PHASES:
        if phase == "add one":
            make_corpus(1, root / "seeds", start=n)
        builds[phase] = build(root)
    plain = build(root, {"BRIEFING_RENDER_CACHE": "0"}, ("--site-dir", str(root / "site-plain")))
    _, _, search_peak, _ = timed(pagefind_command(root / "site-plain"), root)  # unbundled, for its memory
    figures: dict[str, float | str] = {}
    for phase in PHASES:
        for step, value in builds[phase].items():
            figures[f"{phase}: {step}"] = value
        figures[f"{phase}: end to end ÷ plain MkDocs"] = builds[phase]["end to end (s)"] / plain["MkDocs (s)"]
    figures["plain MkDocs, same pages, cache off (s)"] = plain["MkDocs (s)"]
    figures["plain MkDocs: search index (s)"] = plain["search index (s)"]
    figures["plain MkDocs: peak memory, largest process (MB)"] = plain["peak memory, largest process (MB)"]
    figures["peak memory: Pagefind over the whole site, one process (MB)"] = search_peak
    size = subprocess.run(["du", "-sm", str(root / "site")], capture_output=True, text=True).stdout.split()[0]
    figures["site size (MB)"] = float(size)
    figures["pages"] = float(sum(1 for _ in (root / "site").rglob("index.html")))
    if browser:
        figures.update({k if isinstance(v, str) else f"{k} (s)": v
                        for k, v in browser_timings(root / "site", chromium).items()})
    shutil.rmtree(root, ignore_errors=True)
    return figures


def table(results: dict[int, dict]) -> str:
    sizes = sorted(results)
    rows = [f"| N | {' | '.join(f'{n:,}' for n in sizes)} |", "|---|" + "---:|" * len(sizes)]
    for key in results[sizes[0]]:
        values = [results[n].get(key, "—") for n in sizes]
        rows.append(f"| {key} | " + " | ".join(v if isinstance(v, str) else f"{v:,.0f}" if v >= 100 else f"{v:.2f}"
                                          for v in values) + " |")
    return "\n".join(rows)


def machine() -> str:
    import importlib.metadata as md

    versions = ", ".join(f"{p} {md.version(p)}" for p in ("mkdocs", "mkdocs-material", "pagefind"))
    return (f"{dt.date.today().isoformat()} · {platform.machine()}, {os.cpu_count()} cores · Python "
            f"{platform.python_version()} · {versions}")


if __name__ == "__main__":
    sizes = [int(a) for a in sys.argv[1:] if a.isdigit()] or [100]
    results = {n: run(n) for n in sizes}
    text = f"\n## Scale benchmark ({machine()})\n\n`benchmarks/scale.py {' '.join(map(str, sizes))}`\n\n{table(results)}\n"
    print(text)
    if "--write" in sys.argv:
        with open(ROOT / "benchmarks" / "RESULTS.md", "a", encoding="utf-8") as handle:
            handle.write(text)
