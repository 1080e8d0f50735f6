"""Input from outside, made safe to handle: only regular files are read, within a size cap checked
before reading; text loses what a terminal or a page would obey (control characters, ANSI escapes,
bidi overrides) and what cannot be encoded (lone surrogates); file names that are not UTF-8 are
decoded for display.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path
from typing import Any

from charset_normalizer import from_bytes


class Unreadable(Exception):
    """A file that is not read, with the reason (a message fragment: 'a named pipe, not a file')."""


class TooLarge(Unreadable):
    def __init__(self, size: int, limit: int):
        self.size, self.limit = size, limit
        super().__init__(f"{size / 1e6:.0f} MB is more than {limit / 1e6:.0f} MB")


KINDS = {stat.S_IFIFO: "a named pipe", stat.S_IFSOCK: "a socket", stat.S_IFCHR: "a device",
         stat.S_IFBLK: "a device", stat.S_IFDIR: "a folder"}


def read_regular(path: Path, limit: int) -> bytes:
    """The bytes of a regular file of at most `limit` bytes; raises Unreadable otherwise.

    Opened without blocking (a named pipe with no writer would wait forever) and checked on the open
    file, so that what is read is what was checked; never more than limit + 1 bytes are read, even
    from a file that grows meanwhile.
    """
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise Unreadable(f"cannot be read ({exc.strerror or exc})") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise Unreadable(f"{KINDS.get(stat.S_IFMT(info.st_mode), 'not a regular file')}, not a file")
        if info.st_size > limit:
            raise TooLarge(info.st_size, limit)
        os.set_blocking(fd, True)
        chunks, size = [], 0
        while size <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as exc:
        raise Unreadable(f"cannot be read ({exc.strerror or exc})") from None
    finally:
        os.close(fd)
    if size > limit:
        raise TooLarge(size, limit)  # it grew while being read
    return b"".join(chunks)


# What a terminal or a browser would act on rather than show: C0 and C1 controls but tab and line
# breaks, ANSI escape sequences (whole), bidi embeddings, overrides and isolates; lone surrogates
# (they cannot be written as UTF-8) become U+FFFD.
_ANSI = r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[@-Z\\-_])"
_HIDDEN = re.compile(_ANSI + r"|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufeff]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")


def visible(text: str) -> str:
    """Text without controls, escape sequences and bidi overrides; lone surrogates as U+FFFD."""
    text = _HIDDEN.sub(lambda m: "\n" if m.group() in "\x0b\x0c" else "", text)
    return _SURROGATE.sub("\ufffd", text)


def scrub(value: Any) -> tuple[Any, bool]:
    """visible() on every string of a YAML document (keys too); also says whether anything changed."""
    if isinstance(value, str):
        clean = visible(value)
        return clean, clean != value
    if isinstance(value, dict):
        out, changed = {}, False
        for key, item in value.items():
            key, c1 = scrub(key)
            item, c2 = scrub(item)
            out[key] = item
            changed |= c1 or c2
        return out, changed
    if isinstance(value, list):
        items = [scrub(item) for item in value]
        return [item for item, _ in items], any(c for _, c in items)
    return value, False


def within(path: Path, folder: Path) -> bool:
    """Does path (a link, maybe) lead to something inside folder (resolved)?"""
    try:
        path.resolve().relative_to(folder)
        return True
    except (ValueError, OSError, RuntimeError):  # outside, or a symlink loop
        return False


def display_name(name: str) -> tuple[str, str]:
    """A file name as text that can be shown and written: (name, encoding it was read in, if not UTF-8).

    A name that is not UTF-8 (a Windows zip's cp1251, say) arrives from the OS with surrogate
    escapes; its bytes are decoded as the text of a seed would be.
    """
    raw = os.fsencode(name)
    try:
        text, encoding = raw.decode("utf-8"), ""
    except UnicodeDecodeError:
        best = from_bytes(raw, cp_isolation=["cp1251", "cp1252", "koi8_r", "latin_1"]).best()
        encoding = best.encoding if best is not None else "latin_1"
        text = raw.decode(encoding, errors="replace")
    return " ".join(visible(text).split()) or "?", encoding


def display_path(path: Path | str) -> str:
    """A path for messages: each part through display_name()."""
    return "/".join(display_name(part)[0] if part not in ("", "/") else "" for part in Path(path).as_posix().split("/"))
