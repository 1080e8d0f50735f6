"""A build stopped by Ctrl-C or a kill signal leaves the last good docs/ and site/, never a mix."""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

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
    started = time.perf_counter()
    assert run_cli("build", cwd=new_project).returncode == 0
    took = time.perf_counter() - started  # signals go at fractions of it, whatever this machine's speed
    old_docs, new_docs = snapshot(old_project / "docs"), snapshot(new_project / "docs")
    old_site_index = (old_project / "site" / "sources" / "index.html").read_bytes()
    new_site_index = (new_project / "site" / "sources" / "index.html").read_bytes()

    outcomes = set()
    for share, sig in ((0.1, signal.SIGINT), (0.35, signal.SIGTERM), (0.6, signal.SIGINT), (0.85, signal.SIGTERM)):
        delay = round(share * took, 2)
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
        assert (project / "site" / "pagefind" / "pagefind-ui.js").is_file()  # 155 sources: the Pagefind box
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
    # Pagefind's index files are named by hashes that differ from run to run (same content, another
    # order), so the search index is checked for presence; everything else must be identical.
    site, ref = snapshot(project / "site"), snapshot(reference / "site")
    assert {k: v for k, v in site.items() if not k.startswith("pagefind/")} == \
        {k: v for k, v in ref.items() if not k.startswith("pagefind/")}
    assert "pagefind/pagefind-entry.json" in site
    assert not [p for p in project.iterdir() if p.name.startswith(".site")]  # no staging left behind


def test_kill_9_in_the_write_phase_leaves_old_docs_and_the_next_build_finishes(tmp_path):
    """SIGKILL cannot be deferred: the staged write must make docs/ all-old or all-new anyway."""
    old_project = copy_project(tmp_path / "old")
    assert run_cli("build", "--no-site", cwd=old_project).returncode == 0
    new_project = copy_project(tmp_path / "new")
    grow(new_project, 300)
    assert run_cli("build", "--no-site", cwd=new_project).returncode == 0
    old_docs, new_docs = snapshot(old_project / "docs"), snapshot(new_project / "docs")

    caught = 0
    for attempt in range(3):
        project = copy_project(tmp_path / f"kill-{attempt}")
        shutil.copytree(old_project / "docs", project / "docs", dirs_exist_ok=True)
        grow(project, 300)
        staging = project / ".cache" / "briefing-pending"
        proc = subprocess.Popen([sys.executable, "-m", "generator", "build", "--no-site"], cwd=project,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        while proc.poll() is None and not (staging / "files").exists():
            time.sleep(0.0005)
        proc.kill()  # in the middle of staging the write: docs/ must not have been touched yet
        proc.wait(timeout=60)
        if proc.returncode == 0:
            continue  # the build won the race; try again
        caught += 1
        assert snapshot(project / "docs") == old_docs, "docs/ changed before the write was committed"
        assert run_cli("build", "--no-site", cwd=project).returncode == 0
        assert snapshot(project / "docs") == new_docs
        assert not staging.exists()
    assert caught, "no kill landed in the write phase"


def test_a_committed_write_that_died_half_applied_is_finished_by_the_next_build(tmp_path, monkeypatch):
    """The one window a kill -9 can still hit: between the journal and its last rename."""
    from generator import render

    docs, staging = tmp_path / "docs", tmp_path / ".cache" / "briefing-pending"
    (docs / "notes").mkdir(parents=True)
    (docs / "notes" / "mine.md").write_text("hand-written")
    old = {"index.md": b"old index", "sources/a.md": b"a", "sources/b.md": b"b"}
    new = {"index.md": b"new index", "sources/a.md": b"a2", "sources/c.md": b"c"}
    render.write(old, docs, staging)

    real_replace, calls = render.os.replace, []

    def dies_on_the_second_move(src, dst):
        if Path(dst).is_relative_to(docs) and Path(src).is_relative_to(staging):  # a move of step 3
            calls.append(dst)
            if len(calls) == 2:
                raise SystemExit("killed")
        return real_replace(src, dst)

    monkeypatch.setattr(render.os, "replace", dies_on_the_second_move)
    with pytest.raises(SystemExit):
        render.write(new, docs, staging)
    monkeypatch.setattr(render.os, "replace", real_replace)
    assert (staging / render.JOURNAL).is_file()  # committed, half applied:
    assert (docs / "index.md").read_bytes() == b"new index" and (docs / "sources/a.md").read_bytes() == b"a"

    counts, problems = render.write(new, docs, staging)  # the next build: recovers, then has nothing to do
    assert {p.relative_to(docs).as_posix(): p.read_bytes() for p in docs.rglob("*") if p.is_file()
            and p.name != render.MANIFEST} == {**new, "notes/mine.md": b"hand-written"}
    assert counts == {"written": 0, "unchanged": 3, "removed": 0} and not problems
    assert not staging.exists()


def test_a_write_that_died_before_its_commit_point_is_dropped(tmp_path):
    from generator import render

    docs, staging = tmp_path / "docs", tmp_path / "pending"
    render.write({"index.md": b"old"}, docs, staging)
    (staging / "files" / "sources").mkdir(parents=True)
    (staging / "files" / "index.md").write_bytes(b"half of a new build")
    render.recover(docs, staging)
    assert (docs / "index.md").read_bytes() == b"old" and not staging.exists()
