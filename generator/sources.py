"""Read seeds/: decode any common encoding, extract md/html main text, read sidecars.

The only stage that reads files. Every problem names the file; a bad seed is skipped, never fatal.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Any

import yaml
from charset_normalizer import from_bytes

from generator import arrivals
from generator.documents import DocumentError, read_docx, read_pdf
from generator.errors import Problem
from generator.markup import html_text, markdown_text
from generator.models import Source
from generator.nesting import MARKDOWN_DEPTH, MAX_DEPTH
from generator.patterns import LONG_LINE
from generator.text import slug
from generator.untrusted import TooLarge, Unreadable, display_name, display_path, read_regular, scrub, visible, within
from generator.webpage import declared_charset, read_webpage

SEED_FORMATS = {".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html",
                ".pdf": "pdf", ".docx": "docx"}
DOCUMENT_FORMATS = {"pdf": read_pdf, "docx": read_docx}  # binary files, read by their own library
FORMATS_NAMED = ".txt, .md, .html, .pdf or .docx"
SIDECAR_SUFFIXES = (".yml", ".yaml")
SIDECAR_KEYS = {
    "title", "subtitle", "publication", "authors", "date", "source_type", "url", "summary", "translator",
    "carried_by", "interviewee",
}
SOURCE_TYPES = ("news", "analysis", "interview", "compilation")
MAX_BYTES = 5 * 10**6  # the longest real article is far below this; a bigger file is a mistake
# Ids that would collide with the index pages and folders of sources/.
RESERVED_IDS = frozenset({"index", "originals", "tags", "by-year"})
# Encodings tried, in this order of preference, when a file is not UTF-8.
FALLBACK_ENCODINGS = ["cp1251", "cp1252", "latin_1", "koi8_r"]


def load_seeds(seeds_dir: Path, root: Path) -> tuple[list[Source], list[Problem]]:
    """Read every seed in seeds_dir (sorted, so ids and output are stable).

    Returns:
        The sources that could be read, and one message per file that could not (or only in part).
    """
    problems: list[Problem] = []
    if not seeds_dir.is_dir():
        return [], [f"{_rel(seeds_dir, root)}: seeds folder not found"]
    sources: list[Source] = []
    used_ids: set[str] = set(RESERVED_IDS)
    seen_content: dict[str, str] = {}
    inside = seeds_dir.resolve()
    entries = sorted(seeds_dir.iterdir(), key=lambda p: p.name)
    names = {p.name for p in entries}
    stems = Counter(p.stem for p in entries if p.suffix.lower() in SEED_FORMATS)
    for path in entries:
        name, name_encoding = display_name(path.name)
        rel = _rel(path, root)
        if name.startswith("."):
            continue
        if name_encoding:
            problems.append(Problem(rel, f"the file name is not UTF-8 (shown as read in {name_encoding}); rename it"))
        suffix = path.suffix.lower()
        if path.is_symlink() and not within(path, inside) and suffix not in SIDECAR_SUFFIXES:
            problems.append(Problem(rel, f"symbolic link to something outside {seeds_dir.name}/; skipped"))
            continue
        if path.is_dir():
            problems.append(Problem(rel, f"a folder; only files directly in {seeds_dir.name}/ are read; skipped"))
            continue
        if suffix in SIDECAR_SUFFIXES:  # read with its seed (read_sidecar refuses a link out of seeds/)
            stem = path.name[:-len(suffix)]
            if stem not in names and not any(stem + s in names for s in SEED_FORMATS):
                problems.append(Problem(rel, "sidecar without a seed of the same name; ignored"))
            elif stems[stem] > 1 and stem not in names:
                twins = sorted(n for n in names if Path(n).stem == stem and Path(n).suffix.lower() in SEED_FORMATS)
                problems.append(Problem(rel, f"{' and '.join(twins)} share this sidecar's name; given to neither "
                                f"(name it after one of them: {twins[0]}{suffix})"))
            continue
        if suffix not in SEED_FORMATS:
            problems.append(Problem(rel, f"not a seed (expected {FORMATS_NAMED}); skipped"))
            continue
        source, file_problems = read_seed(path, root, used_ids, shared_stem=stems[path.stem] > 1)
        problems.extend(file_problems)
        if source is None:
            continue
        if source.sha256 in seen_content:
            problems.append(Problem(rel, f"same content as {seen_content[source.sha256]}; skipped"))
            continue
        seen_content[source.sha256] = rel
        used_ids.add(source.id)
        sources.append(source)
    return sources, problems



def load_arrivals(path: Path, root: Path) -> tuple[dict[str, str] | None, list[Problem]]:
    """arrivals.json (see generator/arrivals.py): {} when there is none yet; None, with a problem,
    when it cannot be read (the build then leaves it as it is, for a person to mend)."""
    if not path.exists():
        return {}, []
    try:
        return arrivals.parse(path.read_bytes()), []
    except (OSError, ValueError) as exc:  # UnicodeDecodeError and JSONDecodeError are ValueErrors
        reason = str(exc).splitlines()[0][:200]
        return None, [Problem(_rel(path, root), f"not readable ({reason}); left as it is, and every source "
                                                "counts as added today until it is mended")]


def read_seed(path: Path, root: Path, used_ids: set[str] = frozenset(),
              shared_stem: bool = False) -> tuple[Source | None, list[str]]:
    """Read one seed and its sidecar. Returns (None, problems) when the seed cannot be used.

    shared_stem: another seed has the same name but its format (x.txt, x.md): x.yml is neither's.
    """
    rel = _rel(path, root)
    try:
        data = read_regular(path, MAX_BYTES)
    except TooLarge as exc:
        return None, [Problem(rel, f"{exc.size / 1e6:.0f} MB is more than an article ({MAX_BYTES // 10**6} MB at most); "
                      "skipped")]
    except Unreadable as exc:
        return None, [Problem(rel, f"{exc}; skipped")]
    if not data.strip():
        return None, [Problem(rel, "empty file; skipped")]
    fmt = SEED_FORMATS[path.suffix.lower()]
    problems: list[Problem] = []
    provenance: dict[str, str] = {}
    declared = None
    if fmt in DOCUMENT_FORMATS:  # PDF, Word: binary, read by their own library
        try:
            text, html_meta, provenance = DOCUMENT_FORMATS[fmt](data)
        except DocumentError as exc:
            return None, [Problem(rel, f"{exc}; skipped")]
        text, encoding, flattened = unicodedata.normalize("NFC", visible(text)), fmt, 0
    else:
        declared = declared_charset(data) if fmt == "html" else None
        text, encoding, invalid = decode(data, declared)
        if text is None:
            return None, [Problem(rel, "binary file, not text; skipped")]
        if invalid:
            named = encoding.upper() if declared else "UTF-8"
            problems.append(Problem(rel, f"{invalid} byte(s) that are not {named} in a {named} text; shown as \ufffd"))
        text, html_meta, provenance, flattened, front_problems = _text_formats(text, fmt, rel)
        problems.extend(front_problems)
    if flattened:
        problems.append(Problem(rel, f"nested deeper than an article ever is ({flattened} tag(s) or line(s) past "
                        f"{MAX_DEPTH} elements, or {MARKDOWN_DEPTH} lists and quotes); their text is kept as plain text"))
    embedded, field_problems = validate_fields(html_meta, rel, known_only=False, within="front matter")
    problems.extend(field_problems)
    if not text.strip():
        return None, problems + [Problem(rel, "no text left after extracting the main content; skipped")]
    longest = max(len(line) for line in text.split("\n"))
    if longest > LONG_LINE:
        problems.append(Problem(rel, f"a line of {longest:,} characters; split into paragraphs at sentence ends"))
    sidecar, sidecar_problems = read_sidecar(path, root, shared_stem)
    problems.extend(sidecar_problems)
    sha = hashlib.sha256(data).hexdigest()
    if not encoding.startswith(("utf-8", "utf-16")) and encoding not in (declared, fmt):
        problems.append(Problem(rel, f"not UTF-8 and no encoding declared; read as {encoding} (check the page)"))
    name = display_name(path.name)[0]
    sid = source_id(Path(name).stem, sha, used_ids)
    if sid != Path(name).stem.lower():
        problems.append(Problem(rel, f"the file name is not a clean web address; its page is sources/{sid}/"))
    return (
        Source(
            id=sid,
            path=rel,
            name=name,
            fmt=fmt,
            sha256=sha,
            encoding=encoding,
            text=text,
            sidecar=sidecar,
            embedded=embedded,
            provenance={k: v for k, v in provenance.items() if k in embedded},
            raw=data,
        ),
        problems,
    )


def _text_formats(text: str, fmt: str, rel: str):
    """Front matter (.txt, .md), then the main text of Markdown and HTML: (text, metadata, where
    each field was found, nesting flattened, problems)."""
    problems: list[Problem] = []
    raw_meta: dict[str, Any] = {}
    provenance: dict[str, str] = {}
    if fmt in ("md", "txt"):
        original = text
        text, raw_meta, reason = split_front_matter(text)
        if reason:
            problems.append(Problem(rel, f"front matter {reason}; read as text"))
        elif raw_meta and fmt == "txt" and not set(raw_meta) & SIDECAR_KEYS:
            # A .txt whose opening lines merely look like front matter: nothing is lost.
            text, raw_meta = original, {}
            problems.append(Problem(rel, "starts with '---' like front matter but names no known field; read as text"))
    if fmt == "md":
        text, meta, flattened = markdown_text(text)
    elif fmt == "html":
        page = read_webpage(text)
        if page is None:  # trafilatura found no article: the page's whole text, as a reader would see it
            text, meta, flattened = html_text(text)
        else:
            text, meta, provenance, flattened = page
    else:
        meta, flattened = {}, 0
    return text, {**meta, **raw_meta}, provenance, flattened, problems


def decode(data: bytes, declared: str | None = None) -> tuple[str | None, str, int]:
    """Bytes → (text with '\\n' line endings, encoding, invalid bytes replaced), or (None, '', 0)
    for binary data.

    declared: the encoding the file itself declares (a web page's <meta charset>): used first,
    before any guess, unless a byte-order mark says otherwise.

    UTF-8 with a few invalid bytes (a stray byte in a pasted page) stays UTF-8, the bad bytes shown
    as U+FFFD; only text with more invalid sequences than valid non-ASCII characters is taken for a
    legacy encoding. What a terminal or a browser would obey (controls, bidi overrides) is dropped.
    """
    invalid = 0
    if data.startswith(b"\xef\xbb\xbf"):
        text, encoding = data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text, encoding = data.decode("utf-16", errors="replace"), "utf-16"  # odd length: not a crash
    elif b"\x00" in data[:8192]:
        return None, "", 0
    elif declared and not declared.startswith("utf"):
        text, encoding = data.decode(declared, errors="replace"), declared
        invalid = text.count("\ufffd")  # a legacy encoding has no U+FFFD of its own
    else:
        try:
            text, encoding = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            text = data.decode("utf-8", errors="replace")
            invalid = text.count("\ufffd") - data.count("\ufffd".encode())
            valid = sum(1 for c in text if c > "\x7f") - text.count("\ufffd")
            if valid > invalid:
                encoding = "utf-8"
            else:
                invalid = 0
                best = from_bytes(data, cp_isolation=FALLBACK_ENCODINGS).best()
                encoding = best.encoding if best is not None else "latin_1"
                text = data.decode(encoding, errors="replace")
    if _control_ratio(text) > 0.05:
        return None, "", 0
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", visible(text)), encoding, invalid


_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")


def _control_ratio(text: str) -> float:
    sample = text[:8192]
    return len(_CONTROLS.findall(sample)) / max(1, len(sample))


def source_id(stem: str, sha: str, used: set[str] | frozenset[str] = frozenset()) -> str:
    """A URL-safe id from the file name; stable across builds, unique within the corpus."""
    base = slug(stem) or "source-" + sha[:12]
    sid, n = base, 1
    while sid in used or sid in RESERVED_IDS:
        sid = f"{base}-{sha[:8]}" if n == 1 else f"{base}-{sha[:8]}-{n}"
        n += 1
    return sid


SIDECAR_MAX = 10**6  # a sidecar holds a few lines of metadata


def sidecar_path(seed: Path, shared_stem: bool = False) -> Path | None:
    """seeds/<name>.yml (x.txt.yml), else seeds/<stem>.yml (x.yml) unless another seed shares the
    stem; None when there is none."""
    names = [seed.name + s for s in SIDECAR_SUFFIXES] + ([] if shared_stem else [seed.stem + s for s in SIDECAR_SUFFIXES])
    return next((p for p in (seed.with_name(n) for n in names) if p.exists() or p.is_symlink()), None)


def read_sidecar(seed: Path, root: Path, shared_stem: bool = False) -> tuple[dict[str, Any], list[str]]:
    """The seed's sidecar (sidecar_path): a mapping of known keys; bad keys and values are reported
    and dropped."""
    path = sidecar_path(seed, shared_stem)
    if path is None:
        return {}, []
    rel = _rel(path, root)
    if path.is_symlink() and not within(path, seed.parent.resolve()):
        return {}, [Problem(rel, f"symbolic link to something outside {seed.parent.name}/; sidecar ignored")]
    try:
        text = read_regular(path, SIDECAR_MAX).decode("utf-8-sig")
        raw = yaml.safe_load(text)
    except Unreadable as exc:
        return {}, [Problem(rel, f"{exc}; sidecar ignored")]
    except UnicodeDecodeError:
        return {}, [Problem(rel, "not UTF-8 text; sidecar ignored")]
    except (yaml.YAMLError, ValueError, TypeError) as exc:
        # ValueError: PyYAML's own date constructor on "2021-02-30".
        reason = visible(str(exc).splitlines()[0])
        return {}, [Problem(rel, f"not valid YAML ({reason}); sidecar ignored")]
    if raw is None:
        return {}, []
    if not isinstance(raw, dict):
        return {}, [Problem(rel, "expected a mapping of field: value; sidecar ignored")]
    raw, changed = scrub(raw)
    fields, problems = validate_fields(raw, rel, known_only=True)
    if changed:
        problems.insert(0, f"{rel}: control characters or invalid escapes removed")
    return fields, problems


def validate_fields(raw: dict, where: str, known_only: bool, within: str = "") -> tuple[dict[str, Any], list[Problem]]:
    """Check metadata fields (sidecar or front matter): bad values are named and dropped.

    known_only: report unknown keys (a sidecar); front matter may carry other keys, ignored quietly.
    """
    fields: dict[str, Any] = {}
    problems: list[Problem] = []
    for key, value in raw.items():
        if key not in SIDECAR_KEYS:
            if known_only:
                problems.append(Problem(where, f"unknown key; known keys: {', '.join(sorted(SIDECAR_KEYS))}", key))
            continue
        if value is None:
            continue
        clean, reason = check_field(key, value)
        if reason and key == "date" and not known_only and isinstance(value, str):
            clean, reason = value, ""  # html meta dates ("2024-03-02T10:00Z") are parsed later
        if reason:
            problems.append(Problem(where, reason, f"{within}: {key}" if within else key))
        else:
            fields[key] = clean
    return fields, problems


def check_field(key: str, value: Any) -> tuple[Any, str]:
    """One metadata value → (normalised value, "") or (None, the reason it is refused)."""
    if key == "authors":
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(a, str) and a.strip() for a in value):
            return None, "expected a name or a list of names"
        return tuple(" ".join(visible(a).split()) for a in value), ""
    if key == "date":
        return sidecar_date(value)
    if key == "url":
        if not isinstance(value, str) or not re.match(r"^https?://[^\s<>\"]+$", value.strip()):
            return None, "expected an http:// or https:// address"
        return value.strip(), ""
    if key == "source_type":
        if value not in SOURCE_TYPES:
            return None, f"expected one of {', '.join(SOURCE_TYPES)}"
        return value, ""
    if not isinstance(value, (str, int, float)) or isinstance(value, bool) or not str(value).strip():
        return None, "expected text"
    return " ".join(visible(str(value)).split()), ""


def sidecar_date(value: Any) -> tuple[Any, str]:
    """A sidecar date: YYYY-MM-DD, YYYY-MM or YYYY → (iso text, precision)."""
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return (value.isoformat(), "day"), ""
    text = str(value).strip()
    for fmt, precision, size in (("%Y-%m-%d", "day", 10), ("%Y-%m", "month", 7), ("%Y", "year", 4)):
        try:
            parsed = dt.datetime.strptime(text, fmt)
        except ValueError:
            continue
        return (parsed.date().isoformat()[:size], precision), ""
    return None, f"{text!r} is not a date; expected YYYY-MM-DD, YYYY-MM or YYYY"


FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)


def split_front_matter(text: str) -> tuple[str, dict[str, Any], str]:
    """Leading YAML front matter → (rest of the text, its mapping, problem or "").

    A block that is not a YAML mapping stays in the text, with the reason.
    """
    match = FRONT_MATTER.match(text)
    if not match:
        return text, {}, ""
    try:
        front = yaml.safe_load(match.group(1))
    except (yaml.YAMLError, ValueError, TypeError) as exc:
        return text, {}, f"is not valid YAML ({visible(str(exc).splitlines()[0])})"
    if not isinstance(front, dict):
        return text, {}, "is not a mapping of field: value"
    return text[match.end():], scrub(front)[0], ""


def _rel(path: Path, root: Path) -> str:
    """The path for messages and pages, relative to the project, as text that can be shown."""
    try:
        return display_path(path.relative_to(root))
    except ValueError:
        return display_path(path)
