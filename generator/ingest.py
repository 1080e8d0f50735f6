"""`briefing add`: copy articles into seeds/ under safe, unique names, never overwriting anything."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import yaml

from generator.errors import BriefingError
from generator.sources import SEED_FORMATS, SIDECAR_SUFFIXES, check_field, slug


def safe_name(name: str) -> str:
    """'Статья о границе (1).TXT' → 'stat-ya-o-granitse-1.txt': ASCII, no spaces, no '..'."""
    path = Path(name)
    return (slug(path.stem) or "source-" + hashlib.sha256(name.encode()).hexdigest()[:8]) + path.suffix.lower()


def add(paths: list[Path], seeds_dir: Path, fields: dict[str, str]) -> tuple[list[str], list[str]]:
    """Copy each file (or each seed file in a folder) into seeds_dir.

    Returns:
        Messages for what was added, and messages for what was not (with the reason).
    """
    files: list[Path] = []
    problems: list[str] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(p for p in path.iterdir() if p.is_file() and p.suffix.lower() in SEED_FORMATS))
        elif path.is_file():
            files.append(path)
        else:
            problems.append(f"{path}: no such file or folder")
    if fields and len(files) != 1:
        raise BriefingError("--title, --date, --publication and --url describe one article: add one file at a time")
    sidecar = _sidecar(fields)
    seeds_dir.mkdir(parents=True, exist_ok=True)
    known = {}
    for seed in seeds_dir.iterdir():
        if seed.is_file() and seed.suffix.lower() in SEED_FORMATS:
            try:
                known[hashlib.sha256(seed.read_bytes()).hexdigest()] = seed.name
            except OSError:
                pass  # `briefing build` names an unreadable seed; it cannot be a duplicate here

    added: list[str] = []
    for source in files:
        if source.suffix.lower() not in SEED_FORMATS:
            problems.append(f"{source}: not a seed (expected .txt, .md or .html); not added")
            continue
        try:
            data = source.read_bytes()
        except OSError as exc:
            problems.append(f"{source}: cannot be read ({exc.strerror or exc}); not added")
            continue
        digest = hashlib.sha256(data).hexdigest()
        if digest in known:
            problems.append(f"{source}: already in {seeds_dir.name}/ as {known[digest]}; not added again")
            continue
        target = _free_name(seeds_dir, safe_name(source.name))
        with open(target, "xb") as handle:  # "x": never overwrite, even in a race
            handle.write(data)
        shutil.copystat(source, target)
        known[digest] = target.name
        if sidecar:
            target.with_suffix(".yml").write_text(
                yaml.safe_dump(sidecar, allow_unicode=True, sort_keys=True), encoding="utf-8")
        added.append(f"{source} → {seeds_dir.name}/{target.name}")
    return added, problems


def _free_name(folder: Path, name: str) -> Path:
    """seeds/name, or name-2, name-3... when a different article (or its sidecar) already has it."""
    stem, suffix = Path(name).stem, Path(name).suffix
    n = 1
    while True:
        candidate = folder / (name if n == 1 else f"{stem}-{n}{suffix}")
        # Taken also when a sidecar or a seed of another format has the stem: they would share an id.
        if not any(candidate.with_suffix(s).exists() for s in (*SIDECAR_SUFFIXES, *SEED_FORMATS)):
            return candidate
        n += 1


def _sidecar(fields: dict[str, str]) -> dict:
    """The options as a sidecar, checked as the loader will check it."""
    sidecar = {}
    for key, value in fields.items():
        clean, reason = check_field(key, value)
        if reason:
            raise BriefingError(f"--{key}: {reason}")
        sidecar[key] = clean[0] if key == "date" else clean  # a date checks as (iso text, precision)
    return sidecar
