"""Safe Markdown from untrusted text: every ASCII punctuation character is backslash-escaped.

With pymdownx.escapeall enabled in mkdocs.yml, an escaped character is always literal, so nothing in
a seed can become HTML, a link, emphasis, a list or an attribute list.
"""

from __future__ import annotations

import html
import string

import yaml

_ESCAPES = {ord(c): "\\" + c for c in string.punctuation}


def md(text: str) -> str:
    """Untrusted text → Markdown that renders as exactly that text, on one line."""
    return " ".join(str(text).split()).translate(_ESCAPES)


def attr(text: str) -> str:
    """Text for front matter fields that MkDocs and Material put into HTML unescaped (title, description)."""
    return html.escape(" ".join(str(text).split()), quote=True)


def front_matter(meta: dict) -> str:
    """YAML front matter block made by yaml.safe_dump, never by concatenation."""
    body = yaml.safe_dump(meta, allow_unicode=True, sort_keys=True, default_flow_style=False, width=10_000)
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
