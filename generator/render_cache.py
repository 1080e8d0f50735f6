"""A render cache for MkDocs: a page whose Markdown, links and configuration are unchanged is not
converted again (issue 18, part 2).

MkDocs converts every page's Markdown to HTML on every build (Page.render: most of MkDocs' time,
and it depends only on the page's Markdown, the configuration and which of the pages it links to
exist). MkDocs gives no hook point to skip it, so install() wraps Page.render, in this one place,
and only on the MkDocs version it was checked on (CHECKED_ON; on any other it leaves MkDocs alone
and says so). The wrapper keeps, per page, what render() leaves on the page: its HTML, table of
contents, title, anchor ids and links to other pages' anchors, and the warnings it logged (replayed
on a hit, so `--strict` and the link checks see them as before). The key is a digest of:

- the page's path and its Markdown (what the hooks made of it: the glossary appended);
- for every link target written in the Markdown (Markdown links, href= and src=), whether it is a
  page of the site and its address: a page that appears or vanishes changes the key of every page
  that links to it, and of no other;
- the Markdown extensions and their settings, use_directory_urls, the validation settings, and the
  versions of MkDocs, Markdown, pymdown-extensions and Material.

Templates (navigation, header, footer) still run for every page: they read the whole site's nav.
The cache is one SQLite file, .cache/briefing-render.sqlite (git-ignored, safe to delete); entries
not used by a build are dropped after it, so it holds one build's pages.
"""

from __future__ import annotations

import hashlib
import json
import logging
import posixpath
import re
import sqlite3
from importlib import metadata
from pathlib import Path
from urllib.parse import unquote, urlsplit

import mkdocs
from mkdocs.structure import pages as mkdocs_pages
from mkdocs.structure.toc import get_toc

CHECKED_ON = ("1.6.0", "1.6.1")  # MkDocs versions whose Page.render this was read against
FORMAT = 1
FILE = ".cache/briefing-render.sqlite"
LINK = re.compile(r"\]\(\s*<?([^)\s>]+)|(?:href|src)\s*=\s*[\"']([^\"']+)")
log = logging.getLogger("mkdocs.briefing")

_state: dict = {"db": None, "used": set(), "hits": 0, "misses": 0, "config_digest": "", "summary": "",
                "pending": []}
_original_render = mkdocs_pages.Page.render


def install(root: Path) -> bool:
    """Wrap Page.render for this build (or serve rebuild) with the cache at root/FILE. False, with
    a line in the log, on a MkDocs version it was not checked on."""
    if mkdocs.__version__ not in CHECKED_ON:
        log.info("briefing: render cache off: checked on MkDocs %s, found %s", "/".join(CHECKED_ON),
                 mkdocs.__version__)
        return False
    path = root / FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    close()
    db = _open(path)
    if db is None:
        return False
    # the configuration is read at the first page, when every plugin has set it (the offline plugin
    # turns directory URLs off after this hook's on_config)
    _state.update(db=db, used=set(), hits=0, misses=0, config_digest="", summary="", pending=[])
    mkdocs_pages.Page.render = _render
    return True


def _open(path: Path) -> sqlite3.Connection | None:
    """The cache file, in WAL mode (a build reading it never waits for another writing); a damaged
    file is started afresh; None, with a line in the log, when it cannot be opened at all."""
    for attempt in range(2):
        db = None
        try:
            db = sqlite3.connect(path, timeout=30)
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("CREATE TABLE IF NOT EXISTS page (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
            return db
        except sqlite3.DatabaseError as exc:
            if db is not None:
                db.close()
            log.info("briefing: render cache at %s unusable (%s)%s", path, exc,
                     "; starting afresh" if attempt == 0 else "; every page is converted")
            if attempt == 0:
                for stale in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
                    stale.unlink(missing_ok=True)
    return None


def _write(db, rows: list) -> bool:
    """Store new entries in one transaction; False (and the cache off for the rest of this build)
    when the file refuses them: the build goes on, converting."""
    try:
        with db:
            db.executemany("INSERT OR REPLACE INTO page VALUES (?, ?)", rows)
        return True
    except sqlite3.Error as exc:
        log.info("briefing: render cache not written (%s); this build converts the remaining pages", exc)
        _state["db"] = None
        return False


BATCH = 200  # new entries written together


def finish() -> str:
    """After a build: drop the entries it did not use, write the file, and say what it did."""
    db = _state["db"]
    if db is None:
        close()
        return ""
    if _state["pending"] and not _write(db, _state.pop("pending")):
        close()
        return ""
    try:
        with db:
            db.execute("CREATE TEMP TABLE IF NOT EXISTS used (key TEXT PRIMARY KEY)")
            db.execute("DELETE FROM used")
            db.executemany("INSERT OR IGNORE INTO used VALUES (?)", ((k,) for k in _state["used"]))
            db.execute("DELETE FROM page WHERE key NOT IN (SELECT key FROM used)")
    except sqlite3.Error as exc:
        log.info("briefing: render cache not pruned (%s)", exc)
    summary = f"render cache: {_state['hits']} pages reused, {_state['misses']} converted"
    _state["summary"] = summary
    close()
    return summary


def last_summary() -> str:
    """What the last build that used the cache did ("" when none did), for the CLI to print."""
    return _state["summary"]


def close() -> None:
    """Put MkDocs back as it was and close the file (a build that failed keeps what it wrote)."""
    mkdocs_pages.Page.render = _original_render
    db = _state["db"]
    if db is not None:
        try:
            db.close()
        except sqlite3.Error:
            pass
    _state["db"] = None
    _state["pending"] = []


def _versions() -> dict[str, str]:
    found = {}
    for name in ("mkdocs", "markdown", "pymdown-extensions", "mkdocs-material"):
        try:
            found[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            found[name] = ""
    return found


def _config_digest(config) -> str:
    settings = {
        "format": FORMAT, "versions": _versions(),
        "extensions": [str(e) for e in config["markdown_extensions"]], "mdx": config["mdx_configs"],
        "directory_urls": config["use_directory_urls"], "validation": config["validation"],
    }
    return hashlib.sha256(json.dumps(settings, sort_keys=True, default=repr).encode()).hexdigest()


def _targets(page, files) -> list:
    """Every link target the Markdown names, with what it is in this site: a page's address or None."""
    here = posixpath.dirname(page.file.src_uri)
    found = {}
    for match in LINK.finditer(page.markdown):
        raw = match.group(1) or match.group(2)
        if raw in found:
            continue
        parts = urlsplit(raw)
        if parts.scheme or parts.netloc or not parts.path:
            found[raw] = None
            continue
        path = unquote(parts.path)
        resolved = posixpath.normpath(path.lstrip("/") if path.startswith("/") else posixpath.join(here, path))
        file = files.get_file_from_path(resolved)
        found[raw] = file.url if file is not None else None
    return sorted(found.items())


def _key(page, files) -> str:
    parts = [_state["config_digest"], page.file.src_uri, page.markdown, _targets(page, files)]
    return hashlib.sha256(json.dumps(parts, ensure_ascii=False).encode()).hexdigest()


class _Recorder(logging.Handler):
    def __init__(self):
        super().__init__(logging.DEBUG)
        self.records: list[tuple[int, str]] = []

    def emit(self, record):
        self.records.append((record.levelno, record.getMessage()))


def _toc_tokens(items) -> list:
    return [{"level": i.level, "id": i.id, "name": i.title, "children": _toc_tokens(i.children)} for i in items]


def _render(self, config, files) -> None:
    """Page.render, or what it made of the same Markdown, links and configuration last time."""
    db = _state["db"]
    if db is None or self.markdown is None:
        return _original_render(self, config, files)
    if not _state["config_digest"]:
        _state["config_digest"] = _config_digest(config)
    key = _key(self, files)
    _state["used"].add(key)
    try:
        row = db.execute("SELECT value FROM page WHERE key = ?", (key,)).fetchone()
    except sqlite3.Error:
        row = None
    pages_log = logging.getLogger(mkdocs_pages.__name__)
    if row is not None:
        kept = json.loads(row[0])
        self.content = kept["content"]
        self.toc = get_toc(kept["toc"])
        self._title_from_render = kept["title"]
        self.present_anchor_ids = set(kept["anchors"])
        if kept["links"] is not None:
            by_path = {}
            for src_uri, links in kept["links"].items():
                target = files.get_file_from_path(src_uri)
                if target is not None:
                    by_path[target] = links
            self.links_to_anchors = by_path
        for level, message in kept["log"]:
            pages_log.log(level, message)
        _state["hits"] += 1
        return None
    recorder = _Recorder()
    pages_log.addHandler(recorder)
    try:
        _original_render(self, config, files)
    finally:
        pages_log.removeHandler(recorder)
    links = getattr(self, "links_to_anchors", None)
    kept = {"content": self.content, "toc": _toc_tokens(self.toc), "title": self._title_from_render,
            "anchors": sorted(self.present_anchor_ids or ()),
            "links": None if links is None else {f.src_uri: dict(v) for f, v in links.items()},
            "log": recorder.records}
    _state["pending"].append((key, json.dumps(kept, ensure_ascii=False)))
    if len(_state["pending"]) >= BATCH:
        _write(db, _state["pending"])
        _state["pending"] = []
    _state["misses"] += 1
    return None
