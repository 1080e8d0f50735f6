"""Nesting capped before parsing, so that reading a seed is linear in its size whatever its shape.

Parsers spend time per element on how deep it sits: 10,000 nested <ul><li> took 31 s to read, a
500-level Markdown list overflowed the stack. Real articles nest a few dozen levels at most; past
MAX_DEPTH the markup is dropped and its text kept, in one linear pass that runs before any parser.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

MAX_DEPTH = 100  # elements (HTML)
MARKDOWN_DEPTH = 16  # quote and list markers on a line, and limit × 4 + 8 columns of indent (Markdown)
# markdown-it's own nesting limit: above what MARKDOWN_DEPTH lets through (past it markdown-it drops
# content), below what Python's stack holds in its inline parser (400 overflowed on nested links).
MARKDOWN_NESTING = 100

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
    """Re-emits the document with every element it closes closed explicitly (an <li> that a new <li>
    ends gets its </li>: so the parser that reads the result nests it no deeper than counted here),
    minus the start and end tags of elements deeper than limit, whose text stays."""

    def __init__(self, limit: int):
        super().__init__(convert_charrefs=False)
        self.limit = limit
        self.out: list[str] = []
        self.stack: list[str] = []
        self.dropped = 0  # start tags beyond the limit

    def handle_starttag(self, tag, attrs):
        if tag in VOID:
            self.out.append(self.get_starttag_text())
            return
        if len(self.stack) >= self.limit:  # before any implied end: nothing opens down there
            self.dropped += 1
            return
        if tag in OPTIONAL_END:
            self._close_open(SIBLINGS.get(tag, (tag,)))
        self.stack.append(tag)
        self.out.append(self.get_starttag_text())

    def _close_open(self, tags) -> None:
        for n in range(len(self.stack) - 1, max(-1, len(self.stack) - 1 - WINDOW), -1):
            if self.stack[n] in tags:
                self._close(n)
                return
            if self.stack[n] in CONTAINERS:
                return

    def _close(self, n: int) -> None:
        self.out.extend(f"</{t}>" for t in reversed(self.stack[n:]))
        del self.stack[n:]

    def handle_startendtag(self, tag, attrs):
        self.out.append(self.get_starttag_text())

    def handle_endtag(self, tag):
        for n in range(len(self.stack) - 1, max(-1, len(self.stack) - 1 - WINDOW), -1):
            if self.stack[n] == tag:
                self._close(n)
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
    """(HTML that nests at most `limit` elements deep however it is parsed, number of start tags
    dropped). Comments and processing instructions go; a document of fewer tags is returned as is."""
    if text.count("<") <= limit:
        return text, 0  # too few tags to be that deep
    parser = _Flattener(limit)
    parser.feed(text)
    parser.close()
    return "".join(parser.out), parser.dropped


# A line's container prefix: quote markers, list markers and the indent between them.
_PREFIX = re.compile(r"^(?:[ \t]*(?:>|[-+*](?=[ \t])|\d{1,9}[.)](?=[ \t])))*[ \t]*", re.M)
_MARKER = re.compile(r">|[-+*]|\d{1,9}[.)]")


def flatten_markdown(text: str, limit: int = MARKDOWN_DEPTH) -> tuple[str, int]:
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
