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

The page template (Material's main.html: navigation, header, footer around the HTML) is cached
too, through MkDocs' own on_env event (wrap_templates, below): its output is kept under a digest of
everything it is given, the page (address, title, HTML, table of contents, front matter, tags) and,
once a build, the nav, the configuration (but where the site is written) and the theme's template
files. Adding a source changes the pages that show it, not the nav (source pages are not in it).

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
import zlib
from importlib import metadata
from pathlib import Path
from urllib.parse import unquote, urlsplit

import mkdocs
from mkdocs.structure import pages as mkdocs_pages
from mkdocs.structure.toc import get_toc

from generator.safety import forkable_cores, worker_pool

CHECKED_ON = ("1.6.0", "1.6.1")  # MkDocs versions whose Page.render this was read against
FORMAT = 1
FILE = ".cache/briefing-render.sqlite"
LINK = re.compile(r"\]\(\s*<?([^)\s>]+)|(?:href|src)\s*=\s*[\"']([^\"']+)")
log = logging.getLogger("mkdocs.briefing")

TABLES = ("page", "html")  # Markdown converted (Page.render), and the page template's output


def _fresh() -> dict:
    """The state of one build: per table, the keys it used, its hits and misses and the entries not
    yet written; the digests computed once a build; link targets resolved so far, by folder."""
    return {"db": None, "config_digest": "", "site_digest": "", "summary": "", "resolved": {}, "ahead": set(),
            "parallel": False, "ahead_note": "",
            **{table: {"used": set(), "hits": 0, "misses": 0, "pending": []} for table in TABLES}}


_state: dict = _fresh()
_original_render = mkdocs_pages.Page.render


def install(root: Path, parallel: bool = False) -> bool:
    """Wrap Page.render for this build (or serve rebuild) with the cache at root/FILE (parallel: it may
    convert pages ahead in worker processes). False, with a line in the log, on a MkDocs version it
    was not checked on."""
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
    _state.update(_fresh(), db=db, parallel=parallel)
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
            db.execute("CREATE TABLE IF NOT EXISTS html (key TEXT PRIMARY KEY, value BLOB NOT NULL)")
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


def _write(db, rows: list, table: str) -> bool:
    """Store new entries in one transaction; False (and the cache off for the rest of this build)
    when the file refuses them: the build goes on, converting."""
    try:
        with db:
            db.executemany(f"INSERT OR REPLACE INTO {table} VALUES (?, ?)", rows)
        return True
    except sqlite3.Error as exc:
        log.info("briefing: render cache not written (%s); this build converts the remaining pages", exc)
        _state["db"] = None
        return False


BATCH = 200  # new entries written together


def _lookup(table: str, key: str):
    """The value kept under key (counted as a hit), or None (a miss); the key is kept after this build."""
    entry = _state[table]
    entry["used"].add(key)
    try:
        row = _state["db"].execute(f"SELECT value FROM {table} WHERE key = ?", (key,)).fetchone()
    except sqlite3.Error:
        row = None
    entry["hits" if row is not None and key not in _state["ahead"] else "misses"] += 1  # ahead: converted
    return None if row is None else row[0]


def _keep(table: str, key: str, value) -> None:
    """A new entry, written with others in batches of BATCH."""
    pending = _state[table]["pending"]
    pending.append((key, value))
    if len(pending) >= BATCH and _state["db"] is not None:
        _write(_state["db"], pending, table)
        _state[table]["pending"] = []


def finish() -> str:
    """After a build: drop the entries it did not use, write the file, and say what it did."""
    db = _state["db"]
    if db is None:
        close()
        return ""
    for table in TABLES:
        if _state[table]["pending"] and not _write(db, _state[table]["pending"], table):
            close()
            return ""
    try:
        with db:
            for table in TABLES:
                db.execute("CREATE TEMP TABLE IF NOT EXISTS used (key TEXT PRIMARY KEY)")
                db.execute("DELETE FROM used")
                db.executemany("INSERT OR IGNORE INTO used VALUES (?)", ((k,) for k in _state[table]["used"]))
                db.execute(f"DELETE FROM {table} WHERE key NOT IN (SELECT key FROM used)")
    except sqlite3.Error as exc:
        log.info("briefing: render cache not pruned (%s)", exc)
    page, html = _state["page"], _state["html"]
    summary = (f"render cache: {page['hits']} pages reused, {page['misses']} converted"
               + (f" ({_state['ahead_note']})" if _state["ahead_note"] else "") + "; "
               f"{html['hits']} templated pages reused, {html['misses']} templated")
    _state["summary"] = summary
    close()
    return summary


def installed() -> bool:
    """Is the cache serving this build?"""
    return _state["db"] is not None


def mark_used(page_key: str, html_key: str) -> None:
    """A page left as it was by reuse.py: its entries are kept for the next build (which may need
    them: entries not used by a build are dropped after it)."""
    _state["page"]["used"].add(page_key)
    _state["html"]["used"].add(html_key)


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
    for table in TABLES:
        _state[table]["pending"] = []


def _versions() -> dict[str, str]:
    found = {}
    for name in ("mkdocs", "markdown", "pymdown-extensions", "mkdocs-material"):
        try:
            found[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            found[name] = ""
    return found


def config_digest(config) -> str:
    """The digest of what converting any page depends on: versions, Markdown extensions, settings."""
    settings = {
        "format": FORMAT, "versions": _versions(),
        "extensions": [str(e) for e in config["markdown_extensions"]], "mdx": config["mdx_configs"],
        "directory_urls": config["use_directory_urls"], "validation": config["validation"],
    }
    return hashlib.sha256(json.dumps(settings, sort_keys=True, default=repr).encode()).hexdigest()


def _targets(page, files) -> list:
    """Every link target the Markdown names, with what it is in this site: a page's address or None.
    A target is resolved once per build for each folder it is written from (pages share most), by
    its address without the #fragment (which does not change what it resolves to: a source page's
    thousands of paragraph links are one target). The paths looked up are left on the page for
    reuse.py (a page that appears or vanishes there changes this page)."""
    here = posixpath.dirname(page.file.src_uri)
    resolved_here = _state["resolved"].setdefault(here, {})
    found, looked_up = {}, set()
    for raw in {m.group(1) or m.group(2) for m in LINK.finditer(page.markdown)}:
        address = raw.partition("#")[0]
        if address not in resolved_here:
            resolved_here[address] = _resolve(address, here, files)
        path, found[raw] = resolved_here[address]
        if path is not None:
            looked_up.add(path)
    page._briefing_looked_up = sorted(looked_up)
    return sorted(found.items())


def _resolve(raw: str, here: str, files) -> tuple[str | None, str | None]:
    """The path a link's address is looked up by (None: not a path in this site) and the address of
    the page or file found there (None: none)."""
    parts = urlsplit(raw)
    if parts.scheme or parts.netloc or not parts.path:
        return None, None
    path = unquote(parts.path)
    resolved = posixpath.normpath(path.lstrip("/") if path.startswith("/") else posixpath.join(here, path))
    file = files.get_file_from_path(resolved)
    return resolved, (file.url if file is not None else None)


def _key(page, files) -> str:
    parts = [_state["config_digest"], page.file.src_uri, page.markdown, _targets(page, files)]
    return hashlib.sha256(json.dumps(parts, ensure_ascii=False).encode()).hexdigest()


class _Recorder(logging.Handler):
    def __init__(self):
        super().__init__(logging.DEBUG)
        self.records: list[tuple[int, str]] = []

    def emit(self, record):
        self.records.append((record.levelno, record.getMessage()))


def toc_tokens(items) -> list:
    """A table of contents as plain data (get_toc makes it again)."""
    return [{"level": i.level, "id": i.id, "name": i.title, "children": toc_tokens(i.children)} for i in items]


def _render(self, config, files) -> None:
    """Page.render, or what it made of the same Markdown, links and configuration last time."""
    if _state["db"] is None or self.markdown is None:
        return _original_render(self, config, files)
    if not _state["config_digest"]:
        _state["config_digest"] = config_digest(config)
    key = _key(self, files)
    value = _lookup("page", key)
    pages_log = logging.getLogger(mkdocs_pages.__name__)
    self._briefing_render_key = key
    if value is not None:
        kept = json.loads(value)
        self._briefing_warned = any(level >= logging.WARNING for level, _ in kept["log"])
        self.content = kept["content"]
        put_back(self, kept, files)
        for level, message in kept["log"]:
            pages_log.log(level, message)
        return None
    value, records = _converted(self, config, files)
    _keep("page", key, value)
    self._briefing_warned = any(level >= logging.WARNING for level, _ in records)
    return None


def _converted(page, config, files) -> tuple[str, list]:
    """Page.render run on a page, and what it left there as the cache keeps it (JSON), with the log
    lines it wrote."""
    recorder = _Recorder()
    pages_log = logging.getLogger(mkdocs_pages.__name__)
    pages_log.addHandler(recorder)
    try:
        _original_render(page, config, files)
    finally:
        pages_log.removeHandler(recorder)
    kept = {"content": page.content, **rendered_state(page), "log": recorder.records}
    return json.dumps(kept, ensure_ascii=False), recorder.records


def rendered_state(page) -> dict:
    """What Page.render leaves on a page besides its HTML, as plain data: table of contents, title,
    anchor ids and links to other pages' anchors (None: render found none to record)."""
    links = getattr(page, "links_to_anchors", None)
    return {"toc": toc_tokens(page.toc), "title": page._title_from_render, "anchors": sorted(page.present_anchor_ids or ()),
            "links": None if links is None else {f.src_uri: dict(v) for f, v in links.items()}}


def put_back(page, state: dict, files) -> None:
    """rendered_state(page) set on a page again (links to pages that are no longer there dropped)."""
    page.toc = get_toc(state["toc"])
    page._title_from_render = state["title"]
    page.present_anchor_ids = set(state["anchors"])
    if state["links"] is not None:
        page.links_to_anchors = {target: links for uri, links in state["links"].items()
                                 if (target := files.get_file_from_path(uri)) is not None}


# --- converted ahead, in parallel ----------------------------------------------------------------
# MkDocs converts pages one after the other. Conversion depends only on the page's Markdown, the
# configuration and which pages exist, so before MkDocs reads the pages (the on_nav event) the ones
# that the cache does not hold can be converted in worker processes, one per core, into the cache:
# MkDocs' own reading then finds them there. Only in `briefing build` (a process of its own; `mkdocs
# serve` builds beside its server's threads, where forking is unsafe), and only when many are to be
# converted: the pages not left as they were (reuse.py) when reuse left the others and they are
# few, or any pages when the cache holds fewer entries than half their number (a cold build);
# otherwise most would come from the cache, and reading them twice costs more than it saves.
AHEAD_FEWEST = 8  # pages: fewer are converted by MkDocs itself
AHEAD_ALWAYS = 500  # pages: up to this many are converted ahead whatever the cache holds
_ahead: dict = {}  # what the workers read (forked: they see the build's files and configuration)


def convert_ahead(files, config, pages: list, changed: bool) -> str:
    """Convert, across the machine's cores, those of pages (Files) whose conversion the cache does
    not hold (changed: they are the pages that may have changed, the others left as they were);
    "" when not worth it here, else what was done."""
    workers = forkable_cores()
    db = _state["db"]
    if db is None or not _state["parallel"] or workers < 2 or len(pages) < AHEAD_FEWEST:
        return ""
    try:
        known = {row[0] for row in db.execute("SELECT key FROM page")}
    except sqlite3.Error:
        return ""
    if not (changed and len(pages) <= AHEAD_ALWAYS) and len(known) >= len(pages) // 2:
        return ""
    if not _state["config_digest"]:
        _state["config_digest"] = config_digest(config)
    _ahead.update(files=files, config=config, known=known)
    done = 0
    try:
        with worker_pool(workers, setup=_quiet) as pool:
            for result in pool.imap_unordered(_convert_one, [f.src_uri for f in pages], chunksize=2):
                if result is not None:
                    _state["ahead"].add(result[0])
                    _keep("page", *result)
                    done += 1
    finally:
        _ahead.clear()
    if _state["page"]["pending"] and _state["db"] is not None:  # MkDocs looks them up next
        _write(_state["db"], _state["page"]["pending"], "page")
        _state["page"]["pending"] = []
    _state["ahead_note"] = f"{done} of them ahead, in {workers} processes"
    return _state["ahead_note"]


def _quiet() -> None:
    """In a worker: what conversion logs is kept with the page (MkDocs shows it when it reads the page
    from the cache), not printed here."""
    mkdocs_log = logging.getLogger("mkdocs")
    mkdocs_log.handlers = []
    mkdocs_log.propagate = False


def _convert_one(src_uri: str):
    """In a worker: a page read as MkDocs reads it (its events included) and converted; (key, what the
    cache keeps), or None when the cache has it or it fails (MkDocs then converts it, and says why)."""
    files, config = _ahead["files"], _ahead["config"]
    file = files.get_file_from_path(src_uri)
    try:
        page = file.page if file.page is not None else mkdocs_pages.Page(None, file, config)
        config._current_page = page
        page = config.plugins.on_pre_page(page, config=config, files=files)
        page.read_source(config)
        page.markdown = config.plugins.on_page_markdown(page.markdown, page=page, config=config, files=files)
        key = _key(page, files)
        if key in _ahead["known"]:
            return None
        return key, _converted(page, config, files)[0]
    except Exception:  # noqa: BLE001
        return None


# --- the page template ---------------------------------------------------------------------------
# Material's page template is the other half of MkDocs' time. Its output depends only on its context:
# the page (address, title, HTML, table of contents, front matter), the nav and the list of pages,
# the configuration and the theme's files. wrap_templates() is given MkDocs' Jinja environment in
# the on_env event (MkDocs' own hook point, no patch) and returns the page template wrapped: where
# the digest of that context is one it has rendered before, the HTML it made then is used.
PAGE_TEMPLATE = "main.html"


def wrap_templates(env, config):
    """The environment, its page template served from the cache (the environment as it was when
    the cache is off)."""
    if _state["db"] is None or getattr(env, "_briefing_wrapped", False):
        return env
    get_template = env.get_template

    def cached_get_template(name, parent=None, globals=None):
        template = get_template(name, parent, globals)
        if name == PAGE_TEMPLATE and parent is None:
            return _CachedTemplate(template, config)
        return template

    env.get_template = cached_get_template
    env._briefing_wrapped = True
    return env


class _CachedTemplate:
    """A page template whose render() looks in the cache first; anything else goes to the template."""

    def __init__(self, template, config):
        self._template, self._config = template, config

    def __getattr__(self, name):
        return getattr(self._template, name)

    def render(self, context):
        page = context.get("page")
        if _state["db"] is None or page is None:
            return self._template.render(context)
        if not _state["site_digest"]:
            _state["site_digest"] = site_digest(context, self._config)
        key = _html_key(context, page)
        page._briefing_html_key = key
        if (value := _lookup("html", key)) is not None:
            return zlib.decompress(value).decode("utf-8")
        output = self._template.render(context)
        _keep("html", key, zlib.compress(output.encode("utf-8"), 1))
        return output


# What a page's context holds that is the same for every page (the nav, the list of pages, the
# configuration) is digested once a build; build_date_utc is left out (no template of this site shows it).
_SITE_WIDE = ("nav", "pages", "config", "build_date_utc", "page")


def site_digest(context, config) -> str:
    """The digest of what every page's template is given alike: configuration, theme, nav."""
    theme = config["theme"]
    parts = {
        "format": FORMAT, "versions": _versions(), "config": _plain(_shown_config(config)),
        "theme": {"name": theme.name, "dirs": theme.dirs, "vars": _plain(dict(theme))},
        "theme_files": (files := _theme_files(theme.dirs))[0], "nav": _nav(context.get("nav")),
    }
    if files[1]:  # a template reads the list of all pages: then a page added anywhere changes every page
        parts["pages"] = [(f.src_uri, f.url, getattr(getattr(f, "page", None), "title", None))
                          for f in context.get("pages") or ()]
    text = json.dumps(parts, sort_keys=True, ensure_ascii=False, default=_stable_repr)
    # the project's own folder is named as such: a briefing moved or copied elsewhere keeps its cache
    # (the theme's overrides are named by their absolute path)
    root = str(Path(config["config_file_path"]).resolve().parent) if config.get("config_file_path") else ""
    return hashlib.sha256((text.replace(json.dumps(root)[1:-1], "<project>") if root else text).encode()).hexdigest()


# Settings no template shows: where the site is written, what serve watches, and `briefing build`'s
# own note in extra (its count of sources changes with every source added).
_NOT_SHOWN = ("site_dir", "config_file_path", "watch", "dev_addr", "docs_dir")


def _shown_config(config) -> dict:
    shown = {k: v for k, v in dict(config).items() if k not in _NOT_SHOWN}
    shown["plugins"] = {name: dict(getattr(plugin, "config", None) or {}) for name, plugin in dict(config["plugins"]).items()}
    shown["extra"] = {k: v for k, v in dict(config.get("extra") or {}).items() if k != "briefing_generated"}
    return shown


PAGES_READ = re.compile(rb"\{[{%][^}]*(?<![\w.])pages\b")  # a template reading the context's list of all pages


def _theme_files(dirs) -> tuple[str, bool]:
    """The digest of the theme's templates and partials (Material's and the site's overrides: any
    edit changes it), and whether one of them reads the list of all pages (Material 9's do not; the
    sitemap does, and it is not a page template)."""
    digest, reads_pages = hashlib.sha256(), False
    for n, folder in enumerate(dirs):
        for path in sorted(Path(folder).rglob("*.html")):
            text = path.read_bytes()
            digest.update(f"{n}:{path.relative_to(folder).as_posix()}".encode())
            digest.update(text)
            reads_pages = reads_pages or bool(PAGES_READ.search(text))
    return digest.hexdigest(), reads_pages


def _nav(nav) -> list:
    if nav is None:
        return []

    def item(entry):
        return {"kind": type(entry).__name__, "title": entry.title, "url": getattr(entry, "url", None),
                "children": [item(c) for c in (getattr(entry, "children", None) or [])]}

    return [item(entry) for entry in nav.items]


def _html_key(context, page) -> str:
    own = {k: _plain(v) for k, v in context.items() if k not in _SITE_WIDE}
    parts = [_state["site_digest"], page.url, page.file.src_uri, page.title, page.content, toc_tokens(page.toc),
             _plain(page.meta), page.is_homepage, own]
    return hashlib.sha256(json.dumps(parts, sort_keys=True, ensure_ascii=False, default=_stable_repr).encode()).hexdigest()


def _stable_repr(value) -> str:
    """repr without the memory address ("<function tag_name at 0x7f...>"), the same from build to build."""
    return re.sub(r" at 0x[0-9a-f]+", "", repr(value))


def _plain(value, depth: int = 0):
    """A value as JSON can hold it: objects by their attributes, two levels down (what a template
    reads of them); anything deeper by its repr."""
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if isinstance(value, dict):
        return {str(k): _plain(v, depth + 1) for k, v in value.items()} if depth < 4 else _stable_repr(value)
    if isinstance(value, (list, tuple, set, frozenset)):
        items = [_plain(v, depth + 1) for v in value] if depth < 4 else _stable_repr(value)
        return sorted(items, key=repr) if isinstance(value, (set, frozenset)) else items
    if depth < 2 and hasattr(value, "__dict__"):
        return {type(value).__name__: {k: _plain(v, depth + 1) for k, v in vars(value).items() if not k.startswith("_")}}
    return _stable_repr(value)

