"""`briefing add`: copy articles into seeds/ under safe, unique names, never overwriting anything."""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

import yaml

from generator.errors import BriefingError
from generator.sources import FORMATS_NAMED, MAX_BYTES, SEED_FORMATS, SIDECAR_SUFFIXES, check_field, slug
from generator.untrusted import TooLarge, Unreadable, display_name, display_path, read_regular, within


def safe_name(name: str) -> str:
    """'Статья о границе (1).TXT' → 'stat-ya-o-granitse-1.txt': ASCII, no spaces, no '..'.

    A name that is not UTF-8 (surrogate escapes from the OS) is decoded first, as the loader does."""
    path = Path(display_name(name)[0])
    return (slug(path.stem) or "source-" + hashlib.sha256(os.fsencode(name)).hexdigest()[:8]) + path.suffix.lower()


def add(paths: list[Path], seeds_dir: Path, fields: dict[str, str]) -> tuple[list[str], list[str]]:
    """Copy each file (or each seed file in a folder) into seeds_dir.

    Returns:
        Messages for what was added, and messages for what was not (with the reason).
    """
    files: list[Path] = []
    problems: list[str] = []
    for path in paths:
        if path.is_dir():
            inside = path.resolve()
            for entry in sorted(path.iterdir()):
                if entry.suffix.lower() not in SEED_FORMATS or not entry.is_file():
                    continue
                if entry.is_symlink() and not within(entry, inside):
                    problems.append(f"{display_path(entry)}: symbolic link to something outside "
                                    f"{display_path(path)}; not added")
                    continue
                files.append(entry)
        elif path.exists():
            files.append(path)
        else:
            problems.append(f"{display_path(path)}: no such file or folder")
    if fields and len(files) != 1:
        raise BriefingError("--title, --date, --publication and --url describe one article: add one file at a time")
    sidecar = _sidecar(fields)
    seeds_dir.mkdir(parents=True, exist_ok=True)
    known = {}
    for seed in seeds_dir.iterdir():
        if seed.suffix.lower() in SEED_FORMATS:
            try:
                known[hashlib.sha256(read_regular(seed, MAX_BYTES)).hexdigest()] = display_name(seed.name)[0]
            except Unreadable:
                pass  # `briefing build` names an unreadable seed; it cannot be a duplicate here

    added: list[str] = []
    for source in files:
        shown = display_path(source)
        if source.suffix.lower() not in SEED_FORMATS:
            problems.append(f"{shown}: not a seed (expected {FORMATS_NAMED}); not added")
            continue
        try:
            data = read_regular(source, MAX_BYTES)
        except TooLarge as exc:
            problems.append(f"{shown}: {exc.size / 1e6:.0f} MB is more than an article ({MAX_BYTES // 10**6} MB at "
                            "most); not added")
            continue
        except Unreadable as exc:
            problems.append(f"{shown}: {exc}; not added")
            continue
        digest = hashlib.sha256(data).hexdigest()
        if digest in known:
            problems.append(f"{shown}: already in {seeds_dir.name}/ as {known[digest]}; not added again")
            continue
        target = _write_new(seeds_dir, safe_name(source.name), data)
        shutil.copystat(source, target)
        known[digest] = target.name
        if sidecar:
            with open(target.with_suffix(".yml"), "x", encoding="utf-8") as handle:
                handle.write(yaml.safe_dump(sidecar, allow_unicode=True, sort_keys=True))
        added.append(f"{shown} → {seeds_dir.name}/{target.name}")
    return added, problems



def _write_new(folder: Path, name: str, data: bytes) -> Path:
    """Write data to folder/name, or name-2, name-3...: never over a file, even one that another
    `briefing add` creates at the same moment (the "x" mode fails then, and the next name is tried)."""
    stem, suffix = Path(name).stem, Path(name).suffix
    n = 1
    while True:
        candidate = folder / (name if n == 1 else f"{stem}-{n}{suffix}")
        n += 1
        # Taken also when a sidecar or a seed of another format has the stem: they would share an id.
        if any(candidate.with_suffix(s).exists() for s in (*SIDECAR_SUFFIXES, *SEED_FORMATS)):
            continue
        try:
            with open(candidate, "xb") as handle:
                handle.write(data)
        except FileExistsError:
            continue
        return candidate


def _sidecar(fields: dict[str, str]) -> dict:
    """The options as a sidecar, checked as the loader will check it."""
    sidecar = {}
    for key, value in fields.items():
        clean, reason = check_field(key, value)
        if reason:
            raise BriefingError(f"--{key}: {reason}")
        sidecar[key] = clean[0] if key == "date" else clean  # a date checks as (iso text, precision)
    return sidecar
