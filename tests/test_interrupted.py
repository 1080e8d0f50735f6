"""A build stopped by Ctrl-C or a kill signal leaves the last good docs/ and site/, never a mix."""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
import time

from conftest import copy_project, run_cli


def snapshot(folder) -> dict:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def grow(project, n: int) -> None:
    """Add n more seeds, so that a build takes long enough to be interrupted in its middle."""
    base = sorted((project / "seeds").glob("*.txt"))
    for i in range(n):
        text = base[i % len(base)].read_text(encoding="utf-8")
        (project / "seeds" / f"extra-{i:04d}.txt").write_text(f"Report number {i} from Dushanbe.\n" + text)


def test_interrupted_build_keeps_old_or_new_output_whole(tmp_path):
    old_project = copy_project(tmp_path / "old")
    assert run_cli("build", cwd=old_project).returncode == 0
    new_project = copy_project(tmp_path / "new")
    grow(new_project, 150)
    assert run_cli("build", cwd=new_project).returncode == 0
    old_docs, new_docs = snapshot(old_project / "docs"), snapshot(new_project / "docs")
    old_site_index = (old_project / "site" / "sources" / "index.html").read_bytes()
    new_site_index = (new_project / "site" / "sources" / "index.html").read_bytes()

    outcomes = set()
    for delay, sig in ((0.4, signal.SIGINT), (1.2, signal.SIGTERM), (2.5, signal.SIGINT), (4.0, signal.SIGTERM)):
        project = copy_project(tmp_path / f"run-{delay}")
        shutil.copytree(old_project / "docs", project / "docs", dirs_exist_ok=True)
        shutil.copytree(old_project / "site", project / "site")
        grow(project, 150)
        proc = subprocess.Popen([sys.executable, "-m", "generator", "build"], cwd=project,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        proc.send_signal(sig)
        proc.wait(timeout=120)
        docs = snapshot(project / "docs")
        assert docs in (old_docs, new_docs), f"docs/ is a mix after a signal at {delay} s"
        site_index = (project / "site" / "sources" / "index.html").read_bytes()
        assert site_index in (old_site_index, new_site_index), f"site/ is a mix after a signal at {delay} s"
        assert (project / "site" / "search" / "search_index.json").is_file()
        outcomes.add(("old" if docs == old_docs else "new", "old" if site_index == old_site_index else "new"))
        # and the next build completes normally
        assert run_cli("build", cwd=project).returncode == 0
        assert snapshot(project / "docs") == new_docs
    assert len(outcomes) >= 2, f"the signals all fell in the same phase: {outcomes}"


def test_two_builds_at_once_do_not_corrupt_each_other(tmp_path):
    reference = copy_project(tmp_path / "ref")
    assert run_cli("build", cwd=reference).returncode == 0
    project = copy_project(tmp_path / "p")
    procs = [subprocess.Popen([sys.executable, "-m", "generator", "build"], cwd=project,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    for proc in procs:
        assert proc.wait(timeout=120) == 0, proc.stderr.read()
    assert snapshot(project / "docs") == snapshot(reference / "docs")
    assert snapshot(project / "site") == snapshot(reference / "site")
    assert not [p for p in project.iterdir() if p.name.startswith(".site")]  # no staging left behind
