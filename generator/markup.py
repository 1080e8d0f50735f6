"""The main text of HTML and Markdown seeds, with the metadata they carry (title, site, date...).

Pure: text in, text out (sources.py reads the files). Nesting is capped first (nesting.py), so
reading stays linear in the input.
"""

from __future__ import annotations

import functools
from typing import Any

from bs4 import BeautifulSoup

from generator.nesting import MARKDOWN_NESTING, flatten_html, flatten_markdown
from generator.untrusted import visible

BLOCK_TAGS = ["h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "pre", "blockquote", "dt", "dd"]
DROP_TAGS = ["script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe", "svg",
             "button", "template", "object", "embed"]


def markdown_text(text: str) -> tuple[str, dict[str, Any], int]:
    """Markdown seed (front matter already split off) → (plain paragraphs, its <h1> as title, levels
    of nesting flattened).

    Read with markdown-it-py (CommonMark): linear on any input, where Python-Markdown took 36 s on
    10,000 nested brackets and overflowed on a 500-level list; nesting is capped first all the same.
    """
    text, flattened = flatten_markdown(text)
    body, meta, dropped = html_text(_markdown().render(text))
    return body, meta, flattened + dropped


@functools.lru_cache(maxsize=1)
def _markdown():
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"maxNesting": MARKDOWN_NESTING}).enable(["table", "strikethrough"])


def html_text(text: str) -> tuple[str, dict[str, Any], int]:
    """HTML seed → (main-text paragraphs, one per line, blank lines between; its metadata; start tags
    dropped beyond MAX_DEPTH)."""
    text, dropped = flatten_html(text)
    soup = BeautifulSoup(text, "html.parser")
    embedded: dict[str, Any] = {}
    for attr, names, key in (
        ("property", ("og:title",), "title"),
        ("property", ("og:site_name",), "publication"),
        ("property", ("article:published_time",), "date"),
        ("name", ("date", "dc.date", "pubdate"), "date"),
        ("name", ("author", "dc.creator"), "authors"),
        ("name", ("description",), "summary"),
    ):
        for name in names:
            tag = soup.find("meta", attrs={attr: name})
            if tag and tag.get("content", "").strip() and key not in embedded:
                embedded[key] = " ".join(tag["content"].split())
    for tag in soup(DROP_TAGS):
        tag.decompose()
    # Words meet across inline tags ("re<i>turn</i>"); block edges and <br> separate them.
    for tag in soup.find_all(BLOCK_TAGS + ["br", "div", "section", "td", "th", "tr", "ul", "ol", "table"]):
        tag.insert_before(" ")
        tag.insert_after(" ")
    root = soup.find("article") or soup.find("main") or soup.body or soup
    h1 = root.find("h1") or soup.find("h1")
    if h1 is not None and h1.get_text(strip=True):
        embedded.setdefault("title", " ".join(h1.get_text().split()))
        h1.decompose()
    elif soup.title is not None and soup.title.get_text(strip=True):
        embedded.setdefault("title", " ".join(soup.title.get_text().split()))
    blocks = []
    for el in root.find_all(BLOCK_TAGS):
        if el.find_parent(BLOCK_TAGS) is not None:
            continue  # its text is part of the enclosing block
        line = " ".join(el.get_text().split())
        if line:
            blocks.append(line)
    if not blocks:
        blocks = [" ".join(line.split()) for line in root.get_text("\n").splitlines() if line.strip()]
    # Entities can spell what decode() removed from the bytes ("&#x202e;"): removed here too.
    return visible("\n\n".join(blocks)), {k: visible(v) for k, v in embedded.items()}, dropped
