"""Safe Markdown from untrusted text: every ASCII punctuation character is backslash-escaped.

With pymdownx.escapeall enabled in mkdocs.yml, an escaped character is always literal, so nothing in
a seed can become HTML, a link, emphasis, a list or an attribute list.
"""

from __future__ import annotations

import functools
import html
import re
import string

import yaml

_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml's emitter when present: 10× faster
_ESCAPES = {ord(c): "\\" + c for c in string.punctuation}


def md(text: str) -> str:
    """Untrusted text → Markdown that renders as exactly that text, on one line."""
    return " ".join(str(text).split()).translate(_ESCAPES)


def inline(text: str) -> str:
    """Untrusted text → Markdown that stays text inside inline HTML too (a link's text in a Markdown
    paragraph, list or table, which Markdown still reads): md(), with '<' and '&' as HTML entities."""
    return md(text).replace("\\&", "&amp;").replace("\\<", "&lt;")


def html_text(text: str, glossary: tuple[tuple[str, str], ...] = ()) -> str:
    """Untrusted text → inert HTML on one line, each glossary term as <abbr title="definition">, as
    Python-Markdown's abbr extension would mark it.

    For the bulk of a page (a source's paragraphs): Markdown leaves a raw HTML block as it is, where
    escaped Markdown costs an inline-pattern match per escaped character (most of MkDocs' time).
    """
    plain = " ".join(str(text).split())
    found = _abbr_pattern(glossary)
    if found is None:
        return html.escape(plain, quote=True)
    # Terms are found in the text before escaping (so that "&quot;" never holds a term), and every
    # piece is escaped: split() with a group gives text, term, text, term, ..., text.
    pattern, titles = found
    pieces = pattern.split(plain)
    for n in range(1, len(pieces), 2):
        pieces[n] = f'<abbr title="{titles[pieces[n]]}">{html.escape(pieces[n], quote=True)}</abbr>'
    for n in range(0, len(pieces), 2):
        pieces[n] = html.escape(pieces[n], quote=True)
    return "".join(pieces)


def page_url(path: str) -> str:
    """A page's URL as MkDocs makes it with use_directory_urls (checked by the hook):
    'sources/x.md' → 'sources/x/', 'sources/index.md' → 'sources/', 'index.md' → ''."""
    stem = path[:-3] if path.endswith(".md") else path
    if stem == "index":
        return ""
    return stem[:-len("index")] if stem.endswith("/index") else stem + "/"


def href(page: str, target: str, anchor: str = "") -> str:
    """The relative link from page to target (docs paths, 'sources/x.md') in the built site, for raw
    HTML, where MkDocs does not rewrite links; escaped for an attribute."""
    here, there = page_url(page).split("/")[:-1], page_url(target).split("/")[:-1]
    common = 0  # (not posixpath.relpath: it asks the OS for the working directory, 500,000 times)
    while common < min(len(here), len(there)) and here[common] == there[common]:
        common += 1
    parts = [".."] * (len(here) - common) + there[common:]
    link = "/".join(parts) + "/" if parts else "./"
    return html.escape(link + (f"#{anchor}" if anchor else ""), quote=True)


def usable_abbreviation(term: str) -> bool:
    """Python-Markdown's abbreviation syntax cannot hold a ']' or a line break (still on the glossary page)."""
    return bool(term.strip()) and "]" not in term and "\n" not in term


@functools.lru_cache(maxsize=8)
def _abbr_pattern(glossary: tuple[tuple[str, str], ...]):
    titles = {term: html.escape(" ".join(definition.split()), quote=True)
              for term, definition in glossary if usable_abbreviation(term)}
    if not titles:
        return None
    alternatives = "|".join(re.escape(t) for t in sorted(titles, key=lambda t: (-len(t), t)))
    return re.compile(rf"(?<!\w)({alternatives})(?!\w)"), titles


def attr(text: str) -> str:
    """Text for front matter fields that MkDocs and Material put into HTML unescaped (title, description)."""
    return html.escape(" ".join(str(text).split()), quote=True)


def front_matter(meta: dict) -> str:
    """YAML front matter block made by yaml.safe_dump, never by concatenation."""
    body = yaml.dump(meta, Dumper=_DUMPER, allow_unicode=True, sort_keys=True, default_flow_style=False,
                     width=10_000)
    return f"---\n{body}---\n\n"


def cell(text: str) -> str:
    """Escaped text for a table cell (escaping also covers '|')."""
    return md(text) if text else "—"


MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
               "October", "November", "December")


def human_date(iso: str | None) -> str:
    """'2021-05-04' → '4 May 2021', '2021-05' → 'May 2021', '2021' → '2021', None → 'undated'."""
    if not iso:
        return "undated"
    parts = iso.split("-")
    if len(parts) == 3:
        return f"{int(parts[2])} {MONTH_NAMES[int(parts[1]) - 1]} {parts[0]}"
    if len(parts) == 2:
        return f"{MONTH_NAMES[int(parts[1]) - 1]} {parts[0]}"
    return parts[0]
