"""Pages left as they were: a build writes only the pages that can have changed (issue 18, part 2).

`briefing build` builds the site into a fresh folder and swaps it in whole. The render cache spares
converting and templating a page whose Markdown is unchanged, but MkDocs still read, looked up and
wrote every page: at 10,000 sources most of an add-one build's 20 s of MkDocs. Here a page whose
output cannot have changed is not touched at all: its file in the new folder is a hard link to its
file in the previous site. Neither site's files are ever written in place (a page built again is a
new file in the new folder), so the site being served stays whole until the swap.

A page is left as it was when all of these hold, else it is built as before:
- the previous build of this site folder was complete and recorded what it built (save(), after
  the swap), and the folder is as that build left it (its tree state: every file's size and time);
- everything a page is made with is the same: the generator's code, the versions and settings of
  MkDocs, Markdown and the theme, the glossary the hook appends (`_wide_digest`); then, once the
  pages are read, the configuration but where the site goes, the theme's files and the nav with its
  titles (render_cache's site digest, which the page template's cache is keyed by); and MkDocs runs no plugin that reads
  every page but Material's tags (Material's search and the offline copy turn this off, as do
  pages as files instead of directories, whose links the hook rewrites);
- the page's Markdown file has the same size and time;
- every address its links name resolves as before: no page or file it linked to vanished, none it
  named that was missing appeared (the addresses render_cache reads from the Markdown for its key);
- it logged no warning, it is not a tags listing (which shows every tagged page), and its front
  matter is plain data.

What the rest of the build reads of a page left as it was is put back from the record: its front
matter (the tags plugin, the sitemap), title (the nav), table of contents, anchor ids and links to
other pages' anchors (so MkDocs checks links as before), and its keys in the render cache (kept).

MkDocs gives no hook point to skip a page. Its own dirty mode skips every page and static file whose
File.is_modified() is false (`mkdocs build --dirty` trusts file times and leaves stale pages); the
build runs in that mode, in a folder holding only what is left as it was, with is_modified answered
for each file here (in on_files, MkDocs' hook point for the list of files). The mode's warning is
filtered out. Checked on the MkDocs versions of render_cache.CHECKED_ON; on others, off.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from functools import partial
from pathlib import Path

import mkdocs

from generator import render_cache
from generator.cache import _write_record, pages_code_digest, read_json_object

FORMAT = 2
KNOWN_PLUGINS = ("material/tags",)  # plugins that may run: what they read of a page is put back
OFF_PLUGINS = ("material/search", "material/offline")  # plugins that must be off (they read every page's HTML)
OWN_HOOKS = "generator/hooks.py"  # this generator's hooks, listed in mkdocs.yml (MkDocs names them as plugins)
DIRTY_WARNING = "A 'dirty' build is being performed"  # MkDocs' own warning for its dirty mode
log = logging.getLogger("mkdocs.briefing")


def _fresh() -> dict:
    return {"previous": None, "final": None, "on": False, "reused": set(), "restored": set(),
            "static": set(), "stat": {}, "wide": "", "site_digest": "", "summary": "",
            "record": None, "config": None, "files": None, "usable": False}


_state: dict = _fresh()


def record_path(stamps: Path, final: Path) -> Path:
    """Where the record of a site folder's pages is kept (one file per site folder)."""
    return stamps / f"site-pages-{hashlib.sha256(str(final).encode()).hexdigest()[:16]}.json"


def begin(stamps: Path, final: Path, as_recorded: bool) -> bool:
    """Before `briefing build` builds final anew: True when the site there is what the last recorded
    build left (as_recorded: its tree state is the one recorded after that build) and that build's
    record of pages is there and sound (then the build runs in MkDocs' dirty mode). The record is
    forgotten either way until this build has been swapped in (save)."""
    close()
    path = record_path(stamps, final)
    record = read_json_object(path)
    try:
        path.unlink(missing_ok=True)
    except OSError:  # .cache/briefing is not a folder: there is no record, and none is kept
        record = {}
    _state["final"] = final
    if mkdocs.__version__ not in render_cache.CHECKED_ON or os.environ.get("BRIEFING_RENDER_CACHE", "1") == "0":
        return False
    _state["on"] = True
    if not as_recorded or not _sound(record):
        return False
    _state["previous"] = record
    logging.getLogger("mkdocs.commands.build").addFilter(_no_dirty_warning)
    return True


PAGE_FIELDS = {"dest": str, "meta": dict, "title": (str, type(None)), "toc": list, "anchors": list,
               "links": (dict, type(None)), "looked_up": list, "keys": list}


def _sound(record: dict) -> bool:
    """A record of this format whose every page has what mark() and _restore() read (a record damaged
    or edited by hand is not trusted: every page is built, as without one)."""
    pages, files = record.get("pages"), record.get("files")
    if record.get("format") != FORMAT or not isinstance(pages, dict) or not isinstance(files, dict):
        return False
    return all(isinstance(page, dict) and all(isinstance(page.get(k), t) for k, t in PAGE_FIELDS.items())
               and len(page["keys"]) == 2 for page in pages.values())


def _no_dirty_warning(record: logging.LogRecord) -> bool:
    return not (record.levelno == logging.WARNING and record.getMessage().startswith(DIRTY_WARNING))


def close() -> None:
    """After a build (or before one): forget this build's state, MkDocs' log as it was."""
    logging.getLogger("mkdocs.commands.build").removeFilter(_no_dirty_warning)
    _state.update(_fresh())


def _usable(config) -> bool:
    """Can pages be left as they were in this build at all (see the module's list)?"""
    if not config.use_directory_urls or not render_cache.installed():
        return False
    for name, plugin in dict(config["plugins"]).items():
        enabled = getattr(getattr(plugin, "config", None), "enabled", True)
        if name in OFF_PLUGINS and enabled is not False:
            return False
        if name not in KNOWN_PLUGINS + OFF_PLUGINS and enabled is not False and not name.endswith(OWN_HOOKS):
            return False
    return True


def _wide_digest(config, abbreviations: str) -> str:
    """What every page is made with that render_cache's site digest (checked in settle) leaves out:
    the generator's code (the hooks), Markdown's settings and versions, the glossary appended."""
    parts = [FORMAT, pages_code_digest(), render_cache.config_digest(config), abbreviations]  # all of generator/
    return hashlib.sha256(json.dumps(parts, ensure_ascii=False).encode()).hexdigest()


def _stat(path: str | None):
    """A file's size, time and where it is (a theme's file and the docs/ file that overrides it share
    an address)."""
    try:
        st = os.stat(path)
    except (OSError, TypeError):
        return None
    return [st.st_size, st.st_mtime_ns, path]


def mark(files, config, abbreviations: str) -> None:
    """In on_files: note every file's size and time, and choose the pages that may be left as they
    were; every file's is_modified is answered here from now on."""
    if not _state["on"]:
        return
    _state["config"], _state["files"] = config, files
    now = {f.src_uri: s for f in files if getattr(f, "_content", None) is None and (s := _stat(f.abs_src_path))}
    _state["stat"] = now
    _state["wide"] = _wide_digest(config, abbreviations)
    previous = _state["previous"]
    usable = previous is not None and _usable(config) and previous.get("wide") == _state["wide"]
    if previous is not None:
        for f in files:  # dirty mode: nothing is skipped that is not chosen below
            f.is_modified = partial(_is_modified, f)
    if not usable:
        return
    _state["usable"] = True
    before = previous.get("files") or {}
    appeared_or_vanished = set()
    for uri in set(now) ^ set(before):
        appeared_or_vanished |= _addresses(uri)
    pages = previous.get("pages") or {}
    for f in files.documentation_pages():
        kept = pages.get(f.src_uri)
        if kept and kept["dest"] == f.dest_uri and before.get(f.src_uri) == now.get(f.src_uri) is not None \
                and appeared_or_vanished.isdisjoint(kept["looked_up"]):
            _state["reused"].add(f.src_uri)
    for f in files:
        if not f.is_documentation_page() and f.src_uri in now and before.get(f.src_uri) == now[f.src_uri]:
            _state["static"].add(f.src_uri)


def in_briefing_build() -> bool:
    """Is this build run by `briefing build` (begin was called)?"""
    return _state["on"]


def leaves_pages() -> bool:
    """Can this build leave pages as they were (the previous build's record is usable)?"""
    return _state["usable"]


def left(file) -> bool:
    """Is this file chosen to be left as it was (so far: settle may still build it)?"""
    return file.src_uri in (_state["reused"] if file.is_documentation_page() else _state["static"])


def _addresses(uri: str) -> set[str]:
    """The addresses a link may name a file by: 'a/b.md' also as 'a/b'; 'a/b/index.md' also as 'a/b'."""
    out = {uri}
    stem, ext = os.path.splitext(uri)
    if ext == ".md":
        out.add(stem)
        if stem.endswith("/index") or stem == "index":
            out.add(stem[:-len("index")].rstrip("/"))
    return out


def _is_modified(file) -> bool:
    """MkDocs' question in dirty mode: is this file to be built (or copied)? No only for what is left
    as it was; a page's state is put back the first time it is asked."""
    if file.is_documentation_page():
        if file.src_uri not in _state["reused"]:
            return True
        if file.src_uri not in _state["restored"]:
            _restore(file)
        return False
    return file.src_uri not in _state["static"]


def _restore(file) -> None:
    kept = _state["previous"]["pages"][file.src_uri]
    page, config = file.page, _state["config"]
    page.markdown, page.meta = "", kept["meta"]
    render_cache.put_back(page, kept, _state["files"])
    page._briefing_kept = kept
    tags = config.plugins.get("material/tags")
    if tags is not None and tags.config.enabled and tags.filter(file):
        tags.mappings.add(page, "")
    _state["restored"].add(file.src_uri)


def settle(config, files, nav) -> None:
    """In on_env, every page read or put back: when the nav (with its titles) is not what the
    previous build had, every page is built after all; else the pages and files left as they were
    are linked into the new folder from the previous site (one that cannot be is built)."""
    if not _state["on"]:
        return
    _state["site_digest"] = render_cache.site_digest({"nav": nav, "pages": files.documentation_pages()}, config)
    previous = _state["previous"]
    if previous is None:
        return
    if previous.get("site_digest") != _state["site_digest"]:
        _revoke([f for f in files.documentation_pages() if f.src_uri in _state["reused"]], config, files)
        _state["static"] = set()
        return
    final = _state["final"]
    failed = []
    for f in files:
        if f.src_uri not in (_state["reused"] if f.is_documentation_page() else _state["static"]):
            continue
        try:
            os.makedirs(os.path.dirname(f.abs_dest_path), exist_ok=True)
            os.link(final / f.dest_uri, f.abs_dest_path)
        except OSError:
            (failed.append(f) if f.is_documentation_page() else _state["static"].discard(f.src_uri))
    _revoke(failed, config, files)


def _revoke(pages, config, files) -> None:
    """Pages chosen to be left as they were, built after all: read and converted now."""
    from mkdocs.commands.build import _populate_page

    for f in pages:
        _state["reused"].discard(f.src_uri)
        _populate_page(f.page, config, files)


def collect(config) -> None:
    """In on_post_build: the record of this build's pages, kept for the next (by save, after the swap)."""
    files = _state["files"]
    if not _state["on"] or files is None:
        return
    tags = config.plugins.get("material/tags")
    listings = {listing.page.file.src_uri for listing in getattr(tags, "listings", None) or ()}
    pages = {}
    for f in files.documentation_pages():
        page = f.page
        if page is None:
            continue
        if f.src_uri in _state["reused"]:
            kept = page._briefing_kept
            render_cache.mark_used(*kept["keys"])
            pages[f.src_uri] = kept
            continue
        looked_up, warned = getattr(page, "_briefing_looked_up", None), getattr(page, "_briefing_warned", True)
        keys = [getattr(page, "_briefing_render_key", None), getattr(page, "_briefing_html_key", None)]
        if looked_up is None or warned or None in keys or f.src_uri in listings:
            continue
        try:
            meta = json.loads(json.dumps(page.meta))
        except (TypeError, ValueError):
            continue
        if meta != page.meta:
            continue
        pages[f.src_uri] = {"dest": f.dest_uri, "meta": meta, **render_cache.rendered_state(page),
                            "looked_up": looked_up, "keys": keys}
    reused = len(_state["reused"])
    built = sum(1 for _ in files.documentation_pages()) - reused
    _state["summary"] = f"{reused} pages left as they were, {built} built" if _state["usable"] else ""
    _state["record"] = {"format": FORMAT, "wide": _state["wide"], "site_digest": _state["site_digest"],
                        "files": _state["stat"], "pages": pages}


def save(stamps: Path, final: Path) -> None:
    """After the new site is swapped in: its record, for the next build."""
    if _state["record"] is not None and _state["final"] == final:
        _write_record(record_path(stamps, final), _state["record"])


def last_summary() -> str:
    """How many pages the last build left as they were ("" when it could leave none), for the CLI."""
    return _state["summary"]
