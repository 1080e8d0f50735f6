"""Nesting capped before parsing, so that reading a seed is linear in its size whatever its shape.

Parsers spend time per element on how deep it sits: 10,000 nested <ul><li> took 31 s to read, a
500-level Markdown list overflowed the stack. Real articles nest a few dozen levels at most; past
MAX_DEPTH the markup is dropped and its text kept, in one linear pass that runs before any parser.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

MAX_DEPTH = 100  # elements (HTML) or list and quote levels (Markdown, counted in columns / markers)

VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
                  "track", "wbr", "basefont", "frame", "keygen"})
# Elements whose end tag HTML lets a page leave out: a new one closes the open one, unless a
# container lies between ("<ul><li>a<ul><li>b": the second li is inside the first).
OPTIONAL_END = frozenset({"p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody",
                          "tfoot", "colgroup", "caption", "rb", "rt", "rp"})
SIBLINGS = {"dt": ("dt", "dd"), "dd": ("dt", "dd"), "td": ("td", "th"), "th": ("td", "th"),
            "thead": ("thead", "tbody", "tfoot"), "tbody": ("thead", "tbody", "tfoot"), "tfoot": ("thead", "tbody", "tfoot")}
CONTAINERS = frozenset({"ul", "ol", "dl", "table", "div", "section", "article", "main", "blockquote", "select",
                        "body", "td", "th", "li", "dd", "figure", "aside", "nav", "header", "footer", "form"})
WINDOW = 8  # how far up an open element is looked for: a constant, so each tag costs O(1)


class _Flattener(HTMLParser):
    """Re-emits the document as it came, minus the start and end tags of elements deeper than limit."""

    def __init__(self, limit: int):
        super().__init__(convert_charrefs=False)
        self.limit = limit
        self.out: list[str] = []
        self.stack: list[str] = []
        self.dropped = 0  # start tags beyond the limit: their end tags go too, their text stays
        self.deepest = 0

    def handle_starttag(self, tag, attrs):
        if tag in VOID:
            self.out.append(self.get_starttag_text())
            return
        if tag in OPTIONAL_END:
            self._close_open(SIBLINGS.get(tag, (tag,)))
        if len(self.stack) >= self.limit:
            self.dropped += 1
            return
        self.stack.append(tag)
        self.deepest = max(self.deepest, len(self.stack))
        self.out.append(self.get_starttag_text())

    def _close_open(self, tags) -> None:
        for n in range(len(self.stack) - 1, max(-1, len(self.stack) - 1 - WINDOW), -1):
            if self.stack[n] in tags:
                del self.stack[n:]
                return
            if self.stack[n] in CONTAINERS:
                return

    def handle_startendtag(self, tag, attrs):
        self.out.append(self.get_starttag_text())

    def handle_endtag(self, tag):
        for n in range(len(self.stack) - 1, max(-1, len(self.stack) - 1 - WINDOW), -1):
            if self.stack[n] == tag:
                self.out.extend(f"</{t}>" for t in reversed(self.stack[n:]))
                del self.stack[n:]
                return
        # an end tag whose start was dropped, or never opened: nothing to close

    def handle_data(self, data):
        self.out.append(data)

    def handle_entityref(self, name):
        self.out.append(f"&{name};")

    def handle_charref(self, name):
        self.out.append(f"&#{name};")

    def handle_decl(self, decl):
        self.out.append(f"<!{decl}>")


def flatten_html(text: str, limit: int = MAX_DEPTH) -> tuple[str, int]:
    """(HTML nested at most `limit` elements deep, number of start tags dropped); the text unchanged
    when it was not deeper. Comments and processing instructions are dropped when it was."""
    if text.count("<") <= limit:
        return text, 0  # too few tags to be that deep
    parser = _Flattener(limit)
    parser.feed(text)
    parser.close()
    if not parser.dropped:
        return text, 0
    return "".join(parser.out), parser.dropped


# A line's container prefix: quote markers, list markers and the indent between them.
_PREFIX = re.compile(r"^(?:[ \t]*(?:>|[-+*](?=[ \t])|\d{1,9}[.)](?=[ \t])))*[ \t]*", re.M)
_MARKER = re.compile(r">|[-+*]|\d{1,9}[.)]")


def flatten_markdown(text: str, limit: int = MAX_DEPTH // 4) -> tuple[str, int]:
    """(Markdown whose lines open at most `limit` quotes and lists and indent at most limit × 4
    columns, number of lines changed). A deeper line keeps its first `limit` markers and its text."""
    changed = 0

    def cap(match: re.Match) -> str:
        nonlocal changed
        prefix = match.group()
        markers = _MARKER.findall(prefix)
        if len(markers) <= limit and len(prefix.expandtabs(4)) <= limit * 4 + 8:
            return prefix
        changed += 1
        return " ".join(markers[:limit]) + " "

    return _PREFIX.sub(cap, text), changed
