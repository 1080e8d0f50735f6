"""Per-source results cached by content: only new or changed sources are processed again.

The key is the hash of the seed's bytes, its sidecar and embedded metadata, the themes of
briefing.yml and the generator's own code, so any change that could alter a result misses.
Entries are JSON (never pickle: a cache file is data, not code); one that cannot be read or
does not fit is ignored and rebuilt, never trusted. Besides the loader and the renderer, this is
the one place that touches files: its own folder, .cache/briefing/.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from generator import records
from generator.config import Config
from generator.models import Article, Source
from generator.safety import atomic_write, read_json_object

FORMAT = 4


def files_digest(paths, root: Path = Path(__file__).parent) -> str:
    """The digest of files under root (by default generator/): each one's path in it and its bytes."""
    digest = hashlib.sha256()
    for path in sorted(paths):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


@lru_cache(maxsize=1)
def code_digest() -> str:
    """The generator's source code: a new version of any stage invalidates every entry."""
    return files_digest(Path(__file__).parent.glob("*.py"))


@lru_cache(maxsize=1)
def pages_code_digest() -> str:
    """All the code that makes pages: generator/ with its page modules and their templates."""
    root = Path(__file__).parent
    return files_digest([*root.rglob("*.py"), *root.rglob("*.j2")])


def pages_inputs_digest(config: Config) -> str:
    """The code that makes pages and the configuration per-source work depends on, in one digest."""
    return hashlib.sha256(f"{pages_code_digest()}:{config_digest(config)}".encode()).hexdigest()


def config_digest(config: Config) -> str:
    """Everything in briefing.yml that per-source work depends on: themes, gazetteer, glossary terms."""
    themes = [[t.id, t.threshold, [list(term) for term in t.terms], list(t.about)] for t in config.themes]
    gazetteer = [[e.id, list(e.aliases), list(e.adjectives), e.name, e.kind, e.country] for e in config.gazetteer.entities]
    used = [themes, gazetteer, list(config.gazetteer.ignore), [term for term, _ in config.glossary],
            [list(c) for c in config.currencies], list(config.people)]
    return hashlib.sha256(json.dumps(used, sort_keys=True).encode()).hexdigest()


def config_files(root: Path) -> list[Path]:
    """The configuration files beside briefing.yml (briefing.yml, gazetteer.yml, mkdocs.yml, an
    included glossary...): what `mkdocs serve` watches and what the up-to-date checks read."""
    return sorted({*root.glob("*.yml"), *root.glob("*.yaml")})


def build_digest(config: Config, configuration: str, keys: list[tuple[str, str]], arrived: dict | None,
                 day: str) -> str:
    """Everything a build's pages are made from: the code that makes them, the configuration files
    (`configuration`: their files_digest), each source's path and cache key, and the record of when
    each source arrived. `keys`: (source id, "path:cache key") per source. `day` counts only when
    some source has no arrival yet (it would get that day)."""
    digest = hashlib.sha256(f"{FORMAT}:{pages_inputs_digest(config)}:{configuration}".encode())
    digest.update(json.dumps([keys, arrived], sort_keys=True).encode())
    if arrived is None or any(sid not in arrived for sid, _ in keys):
        digest.update(day.encode())
    return digest.hexdigest()


def site_inputs_digest(docs_dir: Path, custom_dir: Path | None, root: Path, options: tuple) -> str:
    """Everything a MkDocs build of the site is made from, as one digest: the pages in docs/ and the
    theme's overrides (each file's path, size and time), the configuration files beside mkdocs.yml,
    the version of every installed package (MkDocs, Material, Markdown's extensions, Pagefind...),
    the generator's code (its hook and templates), the build's options, and the environment's
    BRIEFING_ settings and SOURCE_DATE_EPOCH (the day MkDocs dates its sitemap)."""
    from importlib import metadata  # only `briefing build` asks (not the generation's start-up)

    installed = sorted(f"{d.metadata['Name']}={d.version}" for d in metadata.distributions())
    environment = sorted((k, v) for k, v in os.environ.items() if k.startswith("BRIEFING_") or k == "SOURCE_DATE_EPOCH")
    parts = [*installed, pages_code_digest(), repr(options), repr(environment), tree_state(docs_dir),
             tree_state(custom_dir) if custom_dir else None, files_digest(config_files(root), root)]
    return hashlib.sha256("\0".join(map(str, parts)).encode()).hexdigest()


LAST_BUILD = "last-build.json"


def _write_record(path: Path, record: dict) -> None:
    """Written whole or not at all; a record that cannot be written is removed (no record: the
    next build does all the work, which is always safe)."""
    try:
        atomic_write(path, json.dumps(record, ensure_ascii=False, sort_keys=True).encode("utf-8"))
    except OSError:
        _forget(path)


def _forget(path: Path) -> None:
    """Remove a record; if even that cannot be done (.cache/briefing is not a folder), there was
    none to trust either."""
    try:
        path.unlink(missing_ok=True)
    except OSError:
        pass


def read_last_build(folder: Path) -> dict:
    """What the last complete build recorded (its digest, docs/'s state after it, its problems)."""
    return read_json_object(folder / LAST_BUILD)


def write_last_build(folder: Path, record: dict) -> None:
    """The record of a complete build (read_last_build)."""
    _write_record(folder / LAST_BUILD, record)


def forget_last_build(folder: Path) -> None:
    """Before docs/ changes: a build that dies now must not leave a record saying it is up to date."""
    _forget(folder / LAST_BUILD)


def tree_state(folder: Path) -> str | None:
    """The digest of every file under a folder: its path, size and time (a file changed, added or
    removed changes it); None when the folder is missing."""
    if not folder.is_dir():
        return None
    digest = hashlib.sha256()
    for top, dirs, files in os.walk(folder):
        dirs.sort()
        for name in sorted(files):
            path = os.path.join(top, name)
            try:
                st = os.stat(path)
            except OSError:
                continue
            digest.update(f"{os.path.relpath(path, folder)}\0{st.st_size}\0{st.st_mtime_ns}\0".encode())
    return digest.hexdigest()


SITES = "sites.json"


def site_stamp(folder: Path, site: Path) -> list | None:
    """What a site folder was built from and what it held when that build finished (record_site)."""
    stamp = read_json_object(folder / SITES).get(str(site))
    return stamp if isinstance(stamp, list) else None


def record_site(folder: Path, site: Path, stamp: list | None) -> None:
    """Record (or with None, forget) what a site folder was just built from and now holds."""
    data = read_json_object(folder / SITES)
    if stamp is None:
        data.pop(str(site), None)
    else:
        data[str(site)] = stamp
    _write_record(folder / SITES, data)


class ArticleCache:
    """Processed articles on disk, keyed by everything that goes into processing one source."""

    def __init__(self, folder: Path, config: Config):
        self.folder = folder
        self.salt = f"{FORMAT}:{code_digest()}:{config_digest(config)}"
        self.used: set[str] = set()
        self.hits = 0
        self.misses = 0

    def key(self, source: Source) -> str:
        extra = json.dumps([source.fmt, source.sidecar, source.embedded, source.provenance], sort_keys=True,
                           default=list)
        return hashlib.sha256(f"{self.salt}:{source.sha256}:{extra}".encode()).hexdigest()

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def get(self, source: Source, config: Config) -> Article | None:
        key = self.key(source)
        self.used.add(key)
        try:
            article = _article(self._path(key).read_bytes(), source, config)
        except Exception:  # noqa: BLE001 — any damaged or foreign entry is rebuilt, never trusted
            self.misses += 1
            return None
        self.hits += 1
        return article

    def put(self, source: Source, article: Article) -> None:
        key = self.key(source)
        self.used.add(key)
        path = self._path(key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
            with os.fdopen(fd, "wb") as handle:
                handle.write(records.encode(article, skip=NOT_KEPT))
            os.replace(tmp, path)
        except OSError:
            pass  # a cache that cannot be written only costs time

    def prune(self) -> None:
        """Forget entries this build did not use (removed or changed sources, old code)."""
        if not self.folder.is_dir():
            return
        for path in self.folder.glob("*/*.json"):
            if path.stem not in self.used:
                path.unlink(missing_ok=True)


# What the cache keeps of an Article: everything but the seed itself (it is read again) and the
# themes that passed (recomputed: they depend only on the scores and briefing.yml's thresholds).
NOT_KEPT = ("source", "themes")


def _article(data: bytes, source: Source, config: Config) -> Article:
    from generator.themes import passed

    article = records.decode(Article, data, source=source, themes=())
    if [m.theme for m in article.scores] != [t.id for t in config.themes]:
        raise ValueError("cached scores do not match the configured themes")
    return replace(article, themes=passed(article.scores, config))
