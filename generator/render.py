"""Write the briefing into docs/: pages, original copies, briefing.json. The only stage that writes.

Generated files are listed in docs/.briefing-manifest.json. Only files listed there are ever
replaced or deleted; a file already in docs/ that the generator did not make is left untouched.
Each file is written only when its content changed (so `mkdocs serve` does not loop); all changes
are staged outside docs/ first and then moved in under a journal (see write()).
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import shutil
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

from generator import arrivals
from generator.errors import OutputError, Problem
from generator.models import Briefing
from generator.pages import Memo, Pieces, iter_pages
from generator.safety import atomic_write, deferred_signals, read_json_object

MANIFEST = ".briefing-manifest.json"
JOURNAL = "journal.json"
# Beside the manifest outside docs/: for each file made from a Memo, its key and the size and time
# of the file it made. A file whose key, size and time are unchanged is not made, read or written.
KEYS = "briefing-page-keys.json"


def render(briefing: Briefing) -> dict[str, bytes]:
    """Every generated file as {path relative to docs/: bytes}. Pure."""
    return {path: _made(data) for path, data in iter_files(briefing)}


def iter_files(briefing: Briefing) -> Iterator[tuple[str, bytes | Pieces | Memo]]:
    """Every generated file as (path relative to docs/, bytes, or a Memo that write() makes only
    when its key changed), one at a time: write() takes each as it comes, so the whole site is
    never in memory at once (1 GB at 10,000 sources). Pure."""
    seen: set[str] = set()
    for path, data in iter_pages(briefing):
        if path in seen:
            raise OutputError(f"two generated files would be {path}; rename one of the seeds or themes")
        seen.add(path)
        yield path, (data if isinstance(data, (bytes, Pieces, Memo)) else data.encode("utf-8"))


def _made(data: bytes | Pieces | Memo) -> bytes:
    if isinstance(data, Memo):
        made = data.make()
        return made if isinstance(made, bytes) else made.encode("utf-8")
    return b"".join(data) if isinstance(data, Pieces) else data


def _differs(target: Path, data: bytes | Pieces) -> bool | None:
    """Whether the file at target holds other bytes than data (None: there is no file), read piece
    by piece against data's pieces, and not at all when the sizes differ."""
    try:
        with open(target, "rb") as handle:
            if os.fstat(handle.fileno()).st_size != (len(data) if isinstance(data, bytes) else sum(map(len, data))):
                return True
            return any(handle.read(len(piece)) != piece for piece in ((data,) if isinstance(data, bytes) else data))
    except FileNotFoundError:
        return None


def write_arrivals(path: Path, record: Mapping[str, str], shown: str) -> list[Problem]:
    """arrivals.json (generator/arrivals.py), written whole and only when it changed; a message
    naming it when it cannot be written (the site is built all the same)."""
    try:
        atomic_write(path, arrivals.dump(record), only_if_changed=True)
    except OSError as exc:
        return [Problem(shown, f"could not be written ({exc.strerror or exc}); the days new sources were "
                               "added are not remembered until it can")]
    return []


def write(files: Mapping[str, bytes] | Iterable[tuple[str, bytes]], docs_dir: Path,
          staging: Path) -> tuple[dict[str, int], list[Problem]]:
    """Bring docs_dir to exactly these generated files, all at once; hand-written files are kept.

    Three steps, so that even a kill -9 never leaves docs/ half old, half new:
    1. every new or changed file is written into `staging` (docs/ is not touched yet);
    2. a journal listing the moves and removals is written there, atomically: the commit point;
    3. the journal is applied (renames and deletions only, milliseconds) and then removed.
    A build that finds a journal first finishes it (step 3); a staging folder without one is a
    build that died before its commit point, and is thrown away.

    Returns:
        Counts of written, unchanged and removed files, and a message per file left untouched.
    """
    docs_dir.mkdir(parents=True, exist_ok=True)
    recover(docs_dir, staging)
    try:
        return _write(files.items() if isinstance(files, Mapping) else files, docs_dir, staging)
    except BaseException:
        if not (staging / JOURNAL).exists():  # died before the commit point: nothing happened
            shutil.rmtree(staging, ignore_errors=True)
        raise


def _write(files: Iterable[tuple[str, bytes | Pieces | Memo]], docs_dir: Path,
           staging: Path) -> tuple[dict[str, int], list[Problem]]:
    previous, problems = read_manifest(docs_dir, mirror_of(staging))
    old_keys, keys = read_json_object(staging.parent / KEYS), {}  # {}: every Memo is made
    made: list[str] = []
    changed: list[str] = []
    generated: set[str] = set()
    for rel, data in files:
        generated.add(rel)
        target = docs_dir / rel
        if isinstance(data, Memo):
            if rel in previous and (stat := _stat(target)) is not None and old_keys.get(rel) == [data.key, *stat]:
                keys[rel] = old_keys[rel]
                made.append(rel)  # made from the same inputs, and the file is as it was made
                continue
            memo, data = data, _made(data)
        else:
            memo = None
        if target.is_symlink() or (target.exists() and not target.is_file()):
            problems.append(Problem(_show(docs_dir, rel), "exists and is not a regular file; not overwritten"))
            continue
        if _blocked(target, docs_dir):
            problems.append(Problem(_show(docs_dir, rel), "cannot be written (a file is in the way of its folder)"))
            continue
        differs = _differs(target, data)  # None: there is no file
        if differs and rel not in previous:
            problems.append(Problem(_show(docs_dir, rel), "a hand-written file is in the way of a generated page; "
                            "left untouched (move it to keep both)"))
            continue
        made.append(rel)
        if differs is not False:
            changed.append(rel)
            atomic_write(staging / "files" / rel, data)  # step 1, file by file as they come
        if memo is not None:
            keys[rel] = memo.key  # its size and time are read once it is in place
    # Files made before and not now; one refused above (something else is in the way) is never deleted.
    removed = [rel for rel in sorted(previous - generated)
               if (docs_dir / rel).is_file() and not (docs_dir / rel).is_symlink()]
    manifest = (json.dumps(sorted(made), indent=0) + "\n").encode()
    if not changed and not removed and _read_bytes(docs_dir / MANIFEST) == manifest:
        atomic_write(mirror_of(staging), manifest, only_if_changed=True)
        _write_keys(staging.parent / KEYS, keys, docs_dir)
        return {"written": 0, "unchanged": len(made), "removed": 0}, problems
    journal = {"move": changed, "remove": removed, "manifest": sorted(made)}
    with deferred_signals():  # Ctrl-C waits until docs/ is complete again
        atomic_write(staging / JOURNAL, json.dumps(journal).encode())  # the commit point
        apply(journal, docs_dir, staging)
    _write_keys(staging.parent / KEYS, keys, docs_dir)
    return {"written": len(changed), "unchanged": len(made) - len(changed), "removed": len(removed)}, problems


def _stat(path: Path) -> list[int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return [st.st_size, st.st_mtime_ns]


def _write_keys(path: Path, keys: dict, docs_dir: Path) -> None:
    """Each Memo's key with the size and time of its file as it now is in docs/. Written after the
    files: a write that dies first leaves an older record, whose sizes and times no longer match."""
    record = {}
    for rel, key in keys.items():
        if isinstance(key, list):
            record[rel] = key
        elif (stat := _stat(docs_dir / rel)) is not None:
            record[rel] = [key, *stat]
    try:
        atomic_write(path, json.dumps(record, sort_keys=True).encode(), only_if_changed=True)
    except OSError:
        path.unlink(missing_ok=True)  # no record: the next build makes every page


def recover(docs_dir: Path, staging: Path) -> None:
    """Finish a write that was committed but interrupted; drop one that was not committed."""
    if not staging.exists():
        return
    try:
        journal = json.loads((staging / JOURNAL).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        journal = None
    if isinstance(journal, dict):
        apply(journal, docs_dir, staging)
    else:
        shutil.rmtree(staging, ignore_errors=True)


def apply(journal: dict, docs_dir: Path, staging: Path) -> None:
    """Step 3 of write(): moves, removals, manifest. Safe to repeat after an interruption."""
    for rel in _trusted(journal.get("move")):
        staged = staging / "files" / rel
        if staged.is_file():
            target = docs_dir / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            try:
                os.replace(staged, target)
            except OSError as exc:
                if exc.errno != errno.EXDEV:
                    raise
                atomic_write(target, staged.read_bytes())  # staging on another file system
    for rel in _trusted(journal.get("remove")):
        target = docs_dir / rel
        if target.is_file() and not target.is_symlink():
            target.unlink()
            _prune_empty_dirs(target.parent, docs_dir)
    manifest = (json.dumps(sorted(_trusted(journal.get("manifest"))), indent=0) + "\n").encode()
    atomic_write(docs_dir / MANIFEST, manifest, only_if_changed=True)
    atomic_write(mirror_of(staging), manifest, only_if_changed=True)
    (staging / JOURNAL).unlink(missing_ok=True)
    shutil.rmtree(staging, ignore_errors=True)


def _blocked(target: Path, docs_dir: Path) -> bool:
    """True when a file (not a folder) stands where one of target's folders must be."""
    folder = target.parent
    while folder != docs_dir:
        if folder.exists() and not folder.is_dir():
            return True
        folder = folder.parent
    return False


def _read_bytes(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None


def docs_state(docs_dir: Path) -> str | None:
    """The digest of what the generator last wrote into docs/ as it is now: its manifest's bytes and
    each listed file's size and time. None when there is no manifest. A file edited, replaced or
    deleted by hand changes it (so the next build makes that file again)."""
    try:
        manifest = (docs_dir / MANIFEST).read_bytes()
        listed = json.loads(manifest)
    except (OSError, ValueError):
        return None
    if not isinstance(listed, list):
        return None
    digest = hashlib.sha256(manifest)
    for rel in listed:
        stat = _stat(docs_dir / str(rel))
        digest.update(f"\0{rel}\0{stat}".encode())
    return digest.hexdigest()


def mirror_of(staging: Path) -> Path:
    """The manifest's copy outside docs/ (.cache/briefing-manifest.json), kept in step with it."""
    return staging.parent / "briefing-manifest.json"


def read_manifest(docs_dir: Path, mirror: Path) -> tuple[set[str], list[Problem]]:
    """The files generated before (only those are ever replaced or deleted), and what was wrong.

    A manifest that was damaged or emptied would leave every generated page "hand-written", so
    never replaced again, and the site stale: the copy in .cache/ restores what it lost.
    """
    listed, state = _manifest_at(docs_dir / MANIFEST)
    copy, copy_state = _manifest_at(mirror)
    where = _show(docs_dir, MANIFEST)
    if state in ("damaged", "missing") and copy_state == "ok" and copy:
        return copy, [Problem(where, f"{state}; the list of generated files was taken from its copy in .cache/")]
    if state == "damaged":
        return listed, [Problem(where, "damaged (expected a list of file names) and no copy in .cache/: files in docs/ "
                        "count as hand-written; delete the generated folders (or restore the file) and build again")]
    lost = copy - listed if copy_state == "ok" else set()
    if lost:
        return listed | lost, [Problem(where, f"{len(lost)} of the files the last build wrote are missing from it; "
                               "taken from its copy in .cache/")]
    return listed, []


def _manifest_at(path: Path) -> tuple[set[str], str]:
    try:
        listed = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return set(), "missing"
    except (OSError, ValueError):
        return set(), "damaged"
    if not isinstance(listed, list):
        return set(), "damaged"
    return set(_trusted(listed)), "ok"


def _trusted(listed) -> list[str]:
    """Only relative paths inside docs/ are trusted from the manifest or a journal."""
    if not isinstance(listed, list):
        return []
    return [p for p in listed if isinstance(p, str) and p and not p.startswith("/") and ".." not in Path(p).parts]


def _prune_empty_dirs(folder: Path, docs_dir: Path) -> None:
    while folder != docs_dir and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent


def _show(docs_dir: Path, rel: str) -> str:
    return f"{docs_dir.name}/{rel}"
