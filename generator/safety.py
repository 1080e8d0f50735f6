"""One build at a time per project, and no half-written output or stray process from Ctrl-C, a kill
signal or a kill -9."""

from __future__ import annotations

import contextlib
import ctypes
import fcntl
import gc
import json
import multiprocessing as mp
import os
import shutil
import signal
import sys
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path

LOCK = ".cache/briefing.lock"
PR_SET_PDEATHSIG = 1  # linux/prctl.h


@contextlib.contextmanager
def build_lock(root: Path):
    """Wait for any other build of this project to finish, then hold the lock until done.

    A POSIX record lock (fcntl/lockf), not flock(): it belongs to this process alone, so worker
    processes forked meanwhile do not inherit it, and the kernel releases it the moment this process
    dies, by whatever means (a kill -9 included). Never nested in one process: closing a second
    handle on the file would release the first's lock.
    """
    path = root / LOCK
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a+") as handle:
        fcntl.lockf(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.lockf(handle, fcntl.LOCK_UN)


def die_with_parent(parent: int) -> None:
    """In a child process: be killed when the parent dies (Linux; elsewhere nothing happens), and
    leave at once if the parent is already gone."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent:
        os._exit(1)


def forkable_cores() -> int:
    """How many worker processes a build may fork: the cores it may use (at most 8), or 1 where a fork
    is impossible or unsafe: no fork on this system, or off the main thread (`mkdocs serve` builds in
    a thread of its own beside its server's threads, and a fork could copy a lock another one holds)."""
    if "fork" not in mp.get_all_start_methods() or threading.current_thread() is not threading.main_thread():
        return 1
    return min(len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1, 8)


@contextlib.contextmanager
def worker_pool(workers: int, setup: Callable[[], None] | None = None):
    """A pool of forked workers (they inherit the loaded code and what the build has read) that leave
    Ctrl-C to the build, die with it whatever kills it, and run setup() first; on any error, Ctrl-C or
    kill signal the workers go at once, not after their work."""
    pool = mp.get_context("fork").Pool(workers, initializer=_start_worker, initargs=(os.getpid(), setup))
    try:
        yield pool
        pool.close()
    except BaseException:
        pool.terminate()
        raise
    finally:
        pool.join()


def _start_worker(parent: int, setup: Callable[[], None] | None) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    die_with_parent(parent)
    if setup is not None:
        setup()


# A program started through this line dies with the build that started it (PR_SET_PDEATHSIG
# survives exec): argv is [python, -c, LIFELINE, parent pid, program, args...].
LIFELINE = ("import os, sys; from generator.safety import die_with_parent; die_with_parent(int(sys.argv[1])); "
            "os.execv(sys.argv[2], sys.argv[2:])")


def tethered(command: list[str]) -> list[str]:
    """command, started so that it is killed when this process dies (Linux)."""
    if not sys.platform.startswith("linux"):
        return command
    return [sys.executable, "-c", LIFELINE, str(os.getpid()), *command]


@contextlib.contextmanager
def collector_paused():
    """Python's cyclic garbage collector off for a while: while the briefing's records are read and
    aggregated it ran again and again over millions of live objects that are no garbage (at 10,000
    sources: json 5.7 s → 0.9 s, the whole of loading, aggregating and rendering 48 s → 34 s, the
    same peak memory). Only around stages that make few reference cycles; never around per-source
    work, whose HTML parsers do (and whose worker processes would otherwise inherit it off)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


@contextlib.contextmanager
def deferred_signals():
    """Hold SIGINT and SIGTERM until the block ends, so a write phase always completes."""
    caught: list[int] = []
    previous = {}

    def remember(signum, frame):
        caught.append(signum)

    try:
        for sig in (signal.SIGINT, signal.SIGTERM):
            previous[sig] = signal.signal(sig, remember)
    except ValueError:  # not the main thread (e.g. inside a server): nothing to defer
        yield
        return
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        for sig in caught[:1]:
            os.kill(os.getpid(), sig)  # now handled as it would have been


def read_json_object(path: Path) -> dict:
    """A JSON object kept beside the build (a cache's record); {} when missing, unreadable or not an
    object: whatever it recorded is then done again, which is always safe."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def atomic_write(target: Path, data: bytes | tuple[bytes, ...], only_if_changed: bool = False) -> None:
    """target holds either its old bytes or data, never a part: written aside, then renamed over it.
    data may be a tuple of pieces, written one after another (never joined in memory)."""
    if only_if_changed and target.is_file() and target.read_bytes() == (data if isinstance(data, bytes) else b"".join(data)):
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-", suffix=target.suffix)
    try:
        with os.fdopen(fd, "wb") as handle:
            if isinstance(data, bytes):
                handle.write(data)
            else:
                handle.writelines(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def exclusive_write(target: Path, data: bytes) -> None:
    """target gets data whole, or not at all; FileExistsError when it is already there (written
    aside under a hidden name, then hard-linked into place: atomic, and never over a file)."""
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, 0o644)
        try:
            os.link(tmp, target)
        except FileExistsError:
            raise
        except OSError:  # a file system without hard links: exclusive, if not atomic
            with open(target, "xb") as handle:
                try:
                    handle.write(data)
                except BaseException:
                    target.unlink(missing_ok=True)  # never a part of the file left in place
                    raise
    finally:
        os.unlink(tmp)


def staging_names(target: Path) -> tuple[str, str, str]:
    """Prefixes of the folders a site build leaves beside target: being built, complete, replaced."""
    return f".{target.name}.new-", f".{target.name}.ready-", f".{target.name}.old-"


def swap_in(new: Path, target: Path) -> None:
    """Replace folder target by the complete folder new, with only renames in between.

    new is first renamed to '.site.ready-PID' (the mark that it is complete); a build killed between
    the renames that follow leaves target missing, which recover_site() repairs from it.
    """
    _, ready_prefix, old_prefix = staging_names(target)
    ready = target.with_name(f"{ready_prefix}{os.getpid()}")
    old = target.with_name(f"{old_prefix}{os.getpid()}")
    with deferred_signals():
        os.replace(new, ready)
        if target.exists():
            os.replace(target, old)
        os.replace(ready, target)
    shutil.rmtree(old, ignore_errors=True)


def recover_site(target: Path) -> list[str]:
    """Before a site build (under the build lock, so no other build owns them): put back a site that
    a kill left missing, from the complete build it was being replaced by (or else the one it
    replaced); remove every other leftover folder. Returns what was done, for the report."""
    if not target.parent.is_dir():
        return []
    new_prefix, ready_prefix, old_prefix = staging_names(target)
    leftovers = sorted(p for p in target.parent.iterdir() if p.name.startswith((new_prefix, ready_prefix, old_prefix)))
    done = []
    if not target.exists():
        for prefix in (ready_prefix, old_prefix):
            found = [p for p in leftovers if p.name.startswith(prefix) and p.is_dir()]
            if found:
                os.replace(found[-1], target)
                leftovers.remove(found[-1])
                done.append(f"{target.name}/ was missing after an interrupted build; put back from {found[-1].name}")
                break
    for path in leftovers:
        shutil.rmtree(path, ignore_errors=True)
    if leftovers:
        done.append(f"removed {len(leftovers)} folder(s) left by an interrupted build beside {target.name}/")
    return done
