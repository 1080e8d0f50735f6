"""Faults a build must survive: a named pipe among the seeds, a kill -9 while workers or Pagefind run,
Ctrl-C to the whole process group, a kill between the renames of the site swap. Each time nothing
hangs, nothing is left running, and the next build succeeds."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import copy_project, grow, run_cli


def processes() -> dict[int, tuple[int, str]]:
    """Every process on the machine: pid → (parent pid, command line)."""
    out = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2:].split()
        if fields[0] != "Z":  # a zombie has ended; only its exit status is left
            out[int(entry.name)] = (int(fields[1]), cmdline)
    return out


def children(pid: int) -> list[int]:
    return [child for child, (parent, _) in processes().items() if parent == pid]


def wait_until(condition, timeout: float, step: float = 0.005) -> bool:
    ends = time.monotonic() + timeout
    while time.monotonic() < ends:
        if condition():
            return True
        time.sleep(step)
    return False


def start_build(project: Path, *args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "generator", "build", *args], cwd=project,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, start_new_session=True)


def test_a_named_pipe_in_seeds_is_skipped_not_waited_for(tmp_path):
    project = copy_project(tmp_path / "p")
    os.mkfifo(project / "seeds" / "pipe.txt")
    os.mkfifo(project / "seeds" / "000_d100004a180b3b8b.yml")  # as a sidecar too
    for command in (("check",), ("build", "--no-site")):
        result = run_cli(*command, cwd=project)  # run_cli's timeout fails the test if it hangs
        assert "seeds/pipe.txt: a named pipe, not a file; skipped" in result.stderr, result.stderr
        assert "seeds/000_d100004a180b3b8b.yml: a named pipe, not a file; sidecar ignored" in result.stderr
    assert (project / "docs" / "sources" / "004_00b821af94ef5a2d.md").is_file()


@pytest.mark.slow
def test_kill_9_while_workers_run_leaves_no_worker_and_no_lock(tmp_path):
    project = copy_project(tmp_path / "p")
    grow(project, 150)  # enough sources to process for the worker pool to start
    proc = start_build(project, "--no-site")
    assert wait_until(lambda: children(proc.pid) or proc.poll() is not None, 60)
    workers = children(proc.pid)
    assert workers, "the build ended before its workers started"
    proc.kill()
    proc.wait(timeout=30)
    assert wait_until(lambda: not set(workers) & set(processes()), 10), "workers outlived the build"
    again = run_cli("build", "--no-site", cwd=project)  # the lock is free: it does not wait forever
    assert again.returncode == 0, again.stderr


def test_ctrl_c_to_the_process_group_ends_the_build_cleanly(tmp_path, grown):
    """What a terminal does on Ctrl-C: SIGINT to the build, its workers and Pagefind at once."""
    project = copy_project(tmp_path / "p", seeds=grown.project / "seeds")  # the 155 sources
    took = grown.seconds  # a cold build of them, start to end
    phases = []
    for n, share in enumerate((None, None, None, 0.5, 0.85)):
        subprocess.run(["rm", "-rf", str(project / ".cache")], check=True)  # so that the workers start
        proc = start_build(project)
        if share is None:  # while the workers run
            assert wait_until(lambda: children(proc.pid) or proc.poll() is not None, 60)
            time.sleep(0.05 * n)
            phases.append("workers" if children(proc.pid) else "other")
        else:  # later: MkDocs or Pagefind
            time.sleep(share * took)
            phases.append(f"{share:.0%}")
        os.killpg(proc.pid, signal.SIGINT)
        try:
            proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            raise AssertionError(f"the build hung after Ctrl-C ({phases[-1]})") from None
        assert "Traceback" not in proc.stderr.read(), phases[-1]
        assert wait_until(lambda: not children(proc.pid), 10)
        again = run_cli("build", *(("--no-site",) if share is None else ()), cwd=project)
        assert again.returncode == 0, again.stderr
    assert "workers" in phases


def test_kill_9_during_the_site_build_leaves_no_copy_and_no_pagefind(tmp_path, grown):
    project = copy_project(tmp_path / "p", seeds=grown.project / "seeds")  # the 155 sources, generated
    shutil.copytree(grown.project / "docs", project / "docs", dirs_exist_ok=True)  # but never built into a site
    shutil.copytree(grown.project / ".cache" / "briefing", project / ".cache" / "briefing")  # MkDocs is most of it
    # once while MkDocs writes its fresh copy of the site, once while Pagefind indexes it
    for moment in ("mkdocs", "pagefind"):
        # the search index kept from the last build would spare this one Pagefind (nothing changed),
        # and the record that site/ is up to date, MkDocs itself
        shutil.rmtree(project / ".cache" / "briefing-search", ignore_errors=True)
        (project / ".cache" / "briefing" / "sites.json").unlink(missing_ok=True)
        proc = start_build(project)
        if moment == "mkdocs":
            assert wait_until(lambda: any(p.name.startswith(".site.new-") for p in project.iterdir()), 120)
        else:
            assert wait_until(lambda: pagefind_of(project) or proc.poll() is not None, 120)
            assert pagefind_of(project), "the build ended before Pagefind started"
        proc.kill()
        proc.wait(timeout=30)
        assert wait_until(lambda: not pagefind_of(project), 10), "Pagefind outlived the build"
        again = run_cli("build", cwd=project)
        assert again.returncode == 0, again.stderr
        assert not [p.name for p in project.iterdir() if p.name.startswith(".site")]
        assert (project / "site" / "pagefind" / "pagefind-entry.json").is_file()
        kept = project / ".cache" / "briefing-search"
        assert not list(kept.glob(".briefing-search-*"))  # what the killed Pagefind left, gone
        assert all((b / "key").is_file() and (b / "index" / "pagefind-entry.json").is_file() for b in kept.iterdir())


def pagefind_of(project: Path) -> list[int]:
    return [pid for pid, (_, cmdline) in processes().items()
            if "pagefind" in cmdline and str(project) in cmdline and "-c" not in cmdline.split()[:3]]


def test_a_kill_between_the_renames_of_the_swap_never_loses_the_site(tmp_path):
    from generator.safety import recover_site

    site = tmp_path / "site"
    # killed after the old site moved aside, before the new one moved in: the complete new one wins
    (tmp_path / ".site.old-11").mkdir()
    (tmp_path / ".site.old-11" / "index.html").write_text("old")
    (tmp_path / ".site.ready-11").mkdir()
    (tmp_path / ".site.ready-11" / "index.html").write_text("new")
    (tmp_path / ".site.new-12").mkdir()  # a build killed before it finished
    assert recover_site(site)
    assert (site / "index.html").read_text() == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]
    # only the old one: put back
    os.rename(site, tmp_path / ".site.old-13")
    recover_site(site)
    assert (site / "index.html").read_text() == "new"


def test_the_garbage_collector_is_paused_only_while_asked_and_back_after_an_error():
    import gc

    from generator.safety import collector_paused

    assert gc.isenabled()
    with pytest.raises(KeyboardInterrupt):
        with collector_paused():
            assert not gc.isenabled()
            raise KeyboardInterrupt
    assert gc.isenabled()
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()  # left as the caller had it
    finally:
        gc.enable()
