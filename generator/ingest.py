"""`briefing add`: copy articles (files, folders, http(s) addresses) into seeds/ under safe, unique
names, never overwriting anything and never leaving half a file."""

from __future__ import annotations

import hashlib
import http.client
import os
import re
import shutil
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

import yaml

from generator.errors import BriefingError, Problem
from generator.safety import atomic_write, exclusive_write
from generator.sources import FORMATS_NAMED, MAX_BYTES, SEED_FORMATS, SIDECAR_SUFFIXES, check_field, sidecar_path, slug
from generator.untrusted import TooLarge, Unreadable, display_name, display_path, read_regular, within
from generator.webpage import declared_charset

TIMEOUT = 20.0  # seconds a server may take to answer (and between two pieces of the answer)
DEADLINE = 3  # timeouts: how long the whole answer may take
CONTENT_TYPES = {  # what an article arrives as → the seed's extension
    "text/html": ".html", "application/xhtml+xml": ".html", "text/plain": ".txt", "text/markdown": ".md",
    "application/pdf": ".pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
}


@dataclass(frozen=True)
class Incoming:
    """One article to add: its bytes, the name it came with, what it was (for messages), its URL."""

    data: bytes
    name: str
    shown: str
    url: str | None = None
    original: Path | None = None  # a local file: its times are kept on the copy


def is_url(text: str) -> bool:
    """Is this an http(s) address (for `briefing add`), rather than a file?"""
    return re.match(r"^https?://", text, re.I) is not None


def safe_name(name: str) -> str:
    """'Статья о границе (1).TXT' → 'stat-ya-o-granitse-1.txt': ASCII, no spaces, no '..'.

    A name that is not UTF-8 (surrogate escapes from the OS) is decoded first, as the loader does."""
    path = Path(display_name(name)[0])
    return (slug(path.stem) or "source-" + hashlib.sha256(os.fsencode(name)).hexdigest()[:8]) + path.suffix.lower()


def add(paths: list[str], seeds_dir: Path, fields: dict[str, str],
        timeout: float = TIMEOUT) -> tuple[list[str], list[str]]:
    """Add each file, each seed file in a folder, and each downloaded address to seeds_dir.

    Returns:
        Messages for what was added (or updated), and messages for what was not (with the reason).
    """
    sources: list[Path | str] = []
    problems: list[str] = []
    for item in paths:
        if is_url(item):
            sources.append(item)
            continue
        path = Path(item)
        if path.is_dir():
            inside = path.resolve()
            for entry in sorted(path.iterdir()):
                if entry.suffix.lower() not in SEED_FORMATS or not entry.is_file():
                    continue
                if entry.is_symlink() and not within(entry, inside):
                    problems.append(Problem(display_path(entry), f"symbolic link to something outside "
                                    f"{display_path(path)}; not added"))
                    continue
                sources.append(entry)
        elif path.exists():
            sources.append(path)
        else:
            problems.append(Problem(display_path(path), "no such file or folder"))
    if fields and len(sources) != 1:
        raise BriefingError("--title, --date, --publication and --url describe one article: add one at a time")
    sidecar = _sidecar(fields)
    seeds_dir.mkdir(parents=True, exist_ok=True)
    known = _known(seeds_dir)
    added: list[str] = []
    for source in sources:
        try:
            incoming = download(source, timeout) if isinstance(source, str) else _local(source)
        except BriefingError as exc:
            problems.append(str(exc))
            continue
        digest = hashlib.sha256(incoming.data).hexdigest()
        given = {**({"url": incoming.url} if incoming.url else {}), **sidecar}
        if digest in known:
            if sidecar:  # the options say something about an article already there: say it in its sidecar
                updated = _update_sidecar(seeds_dir / known[digest], sidecar)
                added.append(f"updated: {incoming.shown}: already in {seeds_dir.name}/ as {known[digest]}; its "
                             f"sidecar {updated} now gives {', '.join(sorted(sidecar))}")
            else:
                problems.append(Problem(incoming.shown, f"already in {seeds_dir.name}/ as {known[digest]}; not added again"))
            continue
        target = _write_new(seeds_dir, safe_name(incoming.name), incoming.data)
        if incoming.original is not None:
            shutil.copystat(incoming.original, target)
        known[digest] = target.name
        if given:
            exclusive_write(target.with_suffix(".yml"), yaml.safe_dump(given, allow_unicode=True, sort_keys=True)
                             .encode("utf-8"))
        added.append(f"{incoming.shown} → {seeds_dir.name}/{target.name}")
    return added, problems


def _local(path: Path) -> Incoming:
    shown = display_path(path)
    if path.suffix.lower() not in SEED_FORMATS:
        raise BriefingError(f"{shown}: not a seed (expected {FORMATS_NAMED}); not added")
    try:
        data = read_regular(path, MAX_BYTES)
    except TooLarge as exc:
        raise BriefingError(f"{shown}: {exc.size / 1e6:.0f} MB is more than an article "
                            f"({MAX_BYTES // 10**6} MB at most); not added") from None
    except Unreadable as exc:
        raise BriefingError(f"{shown}: {exc}; not added") from None
    return Incoming(data, path.name, shown, original=path)


def download(url: str, timeout: float = TIMEOUT) -> Incoming:
    """An http(s) address → its bytes (redirects followed, at most MAX_BYTES, an article's content
    type), or a BriefingError of one line: the address and what went wrong."""
    import socket
    import urllib.error
    import urllib.request

    request = urllib.request.Request(url, headers={"User-Agent": "briefing-generator (briefing add)",
                                                   "Accept": "text/html,application/pdf,text/plain;q=0.9,*/*;q=0.5"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # follows up to 10 redirects
            final = response.geturl()
            if not is_url(final):
                raise BriefingError(f"{url}: redirected to {final}, which is not an http(s) address; not added")
            kind = (response.headers.get_content_type() or "").lower()
            suffix = CONTENT_TYPES.get(kind)
            if suffix is None:
                raise BriefingError(f"{url}: the server sends {kind or 'no content type'}, not an article "
                                    f"(a web page, text, PDF or Word document); not added")
            length = response.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > MAX_BYTES:
                raise BriefingError(f"{url}: {int(length) / 1e6:.0f} MB is more than an article "
                                    f"({MAX_BYTES // 10**6} MB at most); not added")
            data = _read_within(response, time.monotonic() + DEADLINE * timeout)
    except urllib.error.HTTPError as exc:
        raise BriefingError(f"{url}: the server answered {exc.code} {exc.reason}; not added") from None
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, (socket.timeout, TimeoutError)):
            raise BriefingError(f"{url}: no answer within {timeout:g} s; not added") from None
        raise BriefingError(f"{url}: cannot be reached ({getattr(reason, 'strerror', None) or reason}); "
                            "not added") from None
    except (socket.timeout, TimeoutError):
        raise BriefingError(f"{url}: no answer within {timeout:g} s; not added") from None
    except (OSError, ValueError, http.client.HTTPException) as exc:  # a reset, a bad address or status line...
        raise BriefingError(f"{url}: cannot be downloaded ({exc}); not added") from None
    if len(data) > MAX_BYTES:
        raise BriefingError(f"{url}: more than an article ({MAX_BYTES // 10**6} MB at most); not added")
    if not data.strip():
        raise BriefingError(f"{url}: the server sent nothing; not added")
    return Incoming(data, _page_name(final, data, suffix), url, url=final)


def _read_within(response, deadline: float) -> bytes:
    """At most MAX_BYTES + 1 bytes, by pieces: the timeout bounds each piece, the deadline the whole
    (a server that trickles a byte a second would otherwise hold `add` for days)."""
    import socket

    chunks, size = [], 0
    while size <= MAX_BYTES:
        if time.monotonic() > deadline:
            raise socket.timeout("the whole answer took too long")
        chunk = response.read(min(1 << 16, MAX_BYTES + 1 - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


def _page_name(url: str, data: bytes, suffix: str) -> str:
    """A file name after the page: its <title> for a web page, else the last part of its address."""
    if suffix == ".html":
        match = re.search(rb"<title[^>]*>([^<]{3,300})</title>", data[:200_000], re.I)
        if match:
            from html import unescape

            words = unescape(match.group(1).decode(declared_charset(data) or "utf-8", "replace")).split()
            title = " ".join(words[:10])
            if slug(title):
                return title + suffix
    parts = urlsplit(url)
    last = unquote(parts.path.rstrip("/").rsplit("/", 1)[-1])
    stem = Path(last).stem if Path(last).suffix.lower() in (*SEED_FORMATS, ".htm", ".php", ".aspx") else last
    return (stem or parts.hostname or "page") + suffix


def _known(seeds_dir: Path) -> dict[str, str]:
    """The seeds already there, by the hash of their bytes."""
    known = {}
    for seed in seeds_dir.iterdir():
        if seed.suffix.lower() in SEED_FORMATS:
            try:
                known[hashlib.sha256(read_regular(seed, MAX_BYTES)).hexdigest()] = display_name(seed.name)[0]
            except Unreadable:
                pass  # `briefing build` names an unreadable seed; it cannot be a duplicate here
    return known


def _update_sidecar(seed: Path, fields: dict) -> str:
    """Merge fields into the seed's sidecar: the one the build reads (x.txt.yml, else x.yml unless
    another seed shares the stem), made when there is none."""
    shared = any(p != seed and p.stem == seed.stem and p.suffix.lower() in SEED_FORMATS for p in seed.parent.iterdir())
    path = sidecar_path(seed, shared)
    if path is None or path.is_symlink():
        path = seed.with_name(seed.name + ".yml") if shared else seed.with_suffix(".yml")
    try:
        current = yaml.safe_load(read_regular(path, 10**6).decode("utf-8-sig")) if path.exists() else {}
    except (Unreadable, yaml.YAMLError, UnicodeDecodeError, ValueError):
        raise BriefingError(f"{display_path(path)}: not a readable sidecar; fix it or remove it first") from None
    merged = {**(current if isinstance(current, dict) else {}), **fields}
    atomic_write(path, yaml.safe_dump(merged, allow_unicode=True, sort_keys=True).encode("utf-8"))
    return path.name


def _write_new(folder: Path, name: str, data: bytes) -> Path:
    """Write data to folder/name, or name-2, name-3...: never over a file, even one that another
    `briefing add` creates at the same moment, and never half a file (written aside, then linked)."""
    stem, suffix = Path(name).stem, Path(name).suffix
    n = 1
    while True:
        candidate = folder / (name if n == 1 else f"{stem}-{n}{suffix}")
        n += 1
        # Taken also when a sidecar or a seed of another format has the stem: they would share an id.
        if any(candidate.with_suffix(s).exists() for s in (*SIDECAR_SUFFIXES, *SEED_FORMATS)):
            continue
        try:
            exclusive_write(candidate, data)
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
