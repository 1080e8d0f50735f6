"""A build stopped by Ctrl-C or a kill signal leaves the last good docs/ and site/, never a mix.

The old output is the five seeds' (the session's `built`), the new one the 155 sources' (`grown`):
both are built once for the whole run, and each interrupted build starts from a copy."""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import copy_project, run_cli, snapshot


def old_output_with_new_seeds(built: Path, grown: Path, dst: Path, site: bool = True, cache: bool = False) -> Path:
    """A project whose docs/ (and site/) are the five seeds' and whose seeds/ are the 155 sources':
    what a build finds after an analyst added 150 articles. With cache, their processing is cached."""
    project = copy_project(dst, seeds=grown / "seeds")
    shutil.copy2(built / "arrivals.json", project / "arrivals.json")  # when the five were added
    shutil.copytree(built / "docs", project / "docs", dirs_exist_ok=True)
    if site:
        shutil.copytree(built / "site", project / "site")
    if cache:
        shutil.copytree(grown / ".cache" / "briefing", project / ".cache" / "briefing")
    return project


def test_interrupted_build_keeps_old_or_new_output_whole(tmp_path, built, grown):
    took = grown.seconds  # signals go at fractions of a cold build of the 155 sources, whatever this machine's speed
    old_docs, new_docs = snapshot(built / "docs"), snapshot(grown.project / "docs")
    old_site_index = (built / "site" / "sources" / "index.html").read_bytes()
    new_site_index = (grown.project / "site" / "sources" / "index.html").read_bytes()
    assert old_docs != new_docs and old_site_index != new_site_index

    outcomes = set()
    for share, sig in ((0.1, signal.SIGINT), (0.35, signal.SIGTERM), (0.6, signal.SIGINT), (0.85, signal.SIGTERM)):
        delay = round(share * took, 2)
        project = old_output_with_new_seeds(built, grown.project, tmp_path / f"run-{delay}")  # cold, like `took`
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
        # and the next build completes normally, whatever the signal left behind. Stopped before its
        # write (docs/ still old), the build never reached MkDocs: the next one need only generate.
        site_phase = docs == new_docs
        assert run_cli("build", *(() if site_phase else ("--no-site",)), cwd=project).returncode == 0
        assert snapshot(project / "docs") == new_docs
        assert (project / "site" / "sources" / "index.html").read_bytes() == \
            (new_site_index if site_phase else old_site_index)
    assert len(outcomes) >= 2, f"the signals all fell in the same phase: {outcomes}"


def test_two_builds_at_once_do_not_corrupt_each_other(tmp_path, built):
    reference = built  # the same five seeds, built alone
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


def test_kill_9_in_the_write_phase_leaves_old_docs_and_the_next_build_finishes(tmp_path, built, grown):
    """SIGKILL cannot be deferred: the staged write must make docs/ all-old or all-new anyway.

    The 155 sources' processing comes from the cache, so that each build reaches its write phase
    (what is killed here) in about a second; the kill lands while it stages the new docs/."""
    old_docs, new_docs = snapshot(built / "docs"), snapshot(grown.project / "docs")

    caught = 0
    for attempt in range(3):
        project = old_output_with_new_seeds(built, grown.project, tmp_path / f"kill-{attempt}",
                                             site=False, cache=True)
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


def test_a_file_in_pieces_is_compared_and_written_piece_by_piece(tmp_path):
    """briefing.json comes as Pieces, never joined: the same bytes in other pieces are unchanged,
    a change of the same size is written, and a hand-written file in its way is left alone."""
    from generator import render
    from generator.pages import Pieces

    docs, staging = tmp_path / "docs", tmp_path / "staging"
    counts, _ = render.write({"data.json": Pieces((b"{\n", b'"a": 1', b"\n}\n"))}, docs, staging)
    assert counts["written"] == 1 and (docs / "data.json").read_bytes() == b'{\n"a": 1\n}\n'
    counts, _ = render.write({"data.json": Pieces((b'{\n"a', b'": 1\n}\n'))}, docs, staging)
    assert counts == {"written": 0, "unchanged": 1, "removed": 0}
    counts, _ = render.write({"data.json": Pieces((b"{\n", b'"a": 2', b"\n}\n"))}, docs, staging)
    assert counts["written"] == 1 and (docs / "data.json").read_bytes() == b'{\n"a": 2\n}\n'
    (docs / "mine.json").write_bytes(b"hand-written")
    _, problems = render.write({"data.json": Pieces((b"{}",)), "mine.json": Pieces((b"generated!!!",))}, docs, staging)
    assert (docs / "mine.json").read_bytes() == b"hand-written" and any("hand-written" in p.message for p in problems)
