"""One build at a time per project, and no half-written output from Ctrl-C or a kill signal."""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
import signal
from pathlib import Path

LOCK = ".cache/briefing.lock"


@contextlib.contextmanager
def build_lock(root: Path):
    """Wait for any other build of this project to finish, then hold the lock until done."""
    path = root / LOCK
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a+") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


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


def swap_in(new: Path, target: Path) -> None:
    """Replace folder target by the complete folder new, with only renames in between."""
    old = target.with_name(f".{target.name}.old-{os.getpid()}")
    with deferred_signals():
        if target.exists():
            os.replace(target, old)
        os.replace(new, target)
    shutil.rmtree(old, ignore_errors=True)
