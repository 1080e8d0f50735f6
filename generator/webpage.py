"""Saved web pages (.html): the main text and metadata through trafilatura, the original publication
date through htmldate, and for every field where in the page it was found.

The libraries do the reading (they beat the generator's own reading by far on the public benchmark
sets: benchmarks/RESULTS.md). What neither does, and is written here by hand: saying where a value
stood (og:title, JSON-LD datePublished, a <time> element, the address...), so that the source page
can show it, and reading the charset a page declares before any guess.
"""

from __future__ import annotations

import codecs
import json
import re
from typing import Any

from generator.nesting import flatten_html
from generator.text import squash
from generator.untrusted import visible

# <meta charset="..."> or <meta http-equiv="Content-Type" content="text/html; charset=...">, in the
# first bytes of the page, as a browser looks for it (the WHATWG prescan reads 1024 bytes; pages
# put a long <head> first, so a little more is read).
_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]{2,40})""", re.I)
# Labels that browsers read as another encoding than Python's codec of that name.
_WHATWG = {"iso-8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252", "us-ascii": "cp1252",
           "ascii": "cp1252", "iso8859-1": "cp1252", "l1": "cp1252", "x-cp1251": "cp1251"}


def declared_charset(data: bytes) -> str | None:
    """The encoding a page declares in its first 4 KB, as a Python codec name, or None."""
    match = _CHARSET.search(data[:4096])
    if not match:
        return None
    label = match.group(1).decode("ascii").lower()
    label = _WHATWG.get(label, label)
    try:
        codec = codecs.lookup(label)
    except LookupError:
        return None
    # "base64", "rot13", "zlib" name codecs but not text encodings; "idna" and "punycode" fail on pages
    text_encoding = getattr(codec, "_is_text_encoding", True) and codec.name not in ("idna", "punycode")
    return codec.name if text_encoding else None


def read_webpage(html: str) -> tuple[str, dict[str, Any], dict[str, str], int] | None:
    """A page → (main text: one paragraph per line, blank lines between; metadata fields; where each
    was found; start tags dropped past the nesting cap), or None when trafilatura finds no text."""
    try:
        return _read(html)
    except Exception:  # noqa: BLE001 — a page the libraries choke on is read whole, never a crash
        return None


def _read(html: str):
    from htmldate import find_date
    from trafilatura import bare_extraction
    from trafilatura.utils import load_html

    tree, dropped = load_html(html), 0
    if tree is not None and _deeper_than(tree, LXML_DEPTH):
        # libxml2 silently drops everything nested deeper than 256 elements, and what follows: flatten
        # first (only then: the flattening pass costs four times lxml's parse)
        html, dropped = flatten_html(html)
        tree = load_html(html)
    if tree is None:
        return None
    document = bare_extraction(tree, with_metadata=True, include_comments=False, include_tables=True,
                               include_formatting=False, include_images=False)
    if document is None or document.body is None:
        return None
    page = _Page(tree)
    headline = page.shown_headline(document.title)
    blocks = [b for b in (_text(element) for element in _blocks(document.body)) if b]
    if blocks and headline and _squash(blocks[0]) == _squash(headline):
        blocks = blocks[1:]  # the headline: the source page shows it as its title
    text = "\n\n".join(blocks)
    if not text:
        return None
    meta: dict[str, Any] = {}
    where: dict[str, str] = {}
    for key, value, found_in in (
        ("title", headline, page.title_source),
        ("authors", _authors(document.author), page.author_source),
        ("publication", document.sitename, page.sitename_source),
        ("url", document.url, page.url_source),
        ("summary", document.description, page.description_source),
    ):
        if value:
            meta[key] = value
            where[key] = found_in(value)
    url = document.url or ""
    date = find_date(tree, url=url or None, original_date=True, extensive_search=True, outputformat="%Y-%m-%d")
    if date:
        meta["date"] = date
        where["date"] = page.date_source(date, url)
    return visible(text), {k: _visible(v) for k, v in meta.items()}, where, dropped


LXML_DEPTH = 250  # elements: near libxml2's limit (256), past which it drops the rest of the page


def _deeper_than(tree, limit: int) -> bool:
    stack = [(tree, 0)]
    while stack:
        element, depth = stack.pop()
        if depth >= limit:
            return True
        stack.extend((child, depth + 1) for child in element)
    return False


_BLOCK_TAGS = {"p", "head", "quote", "code", "item", "row"}


def _blocks(body):
    """The elements of trafilatura's result that make one paragraph each: headings, paragraphs,
    quotes, code, list items, table rows (a list or table itself is only their container)."""
    for element in body.iter():
        if element.tag in _BLOCK_TAGS and not any(a.tag in _BLOCK_TAGS for a in element.iterancestors()):
            yield element


def _text(element) -> str:
    if element.tag == "row":
        return " | ".join(squash("".join(cell.itertext())) for cell in element if cell.tag == "cell")
    return squash("".join(element.itertext()))


def _authors(value: str | None) -> list[str]:
    """trafilatura joins several authors with '; '. A "name" with common lowercase words in it is a
    phrase of a sentence trafilatura took for a byline ("Syrian defense ministries"), not a person."""
    names = [AGENCY_AFTER_NAME.sub("", name).strip() for name in (value or "").split(";") if name.strip()]
    return [] if any(_phrase(name) for name in names) else [n for n in names if n]


# "ERIC TUCKER Associated Press": a byline's last name with the agency it writes for after it
AGENCY_AFTER_NAME = re.compile(r"(?<=\w)\s*,?\s+(?:The\s+)?(?:Associated Press|Reuters|AFP|Agence France-Presse|"
                               r"Bloomberg|dpa|UPI|Xinhua|TASS|Interfax|Anadolu Agency)$", re.I)


def _phrase(name: str) -> bool:
    words = name.split()
    return words[0].casefold() in ("the", "a", "an") or \
        sum(1 for w in words if w.islower() and w not in NAME_PARTICLES) >= 1 and len(words) >= 3


NAME_PARTICLES = frozenset("de da di do dos du la le van von der den al el bin ibn y e".split())


def _visible(value):
    return [visible(v) for v in value] if isinstance(value, list) else visible(str(value))


def _squash(text: str | None) -> str:
    return squash(text or "").casefold()


class _Page:
    """Where a value stands in the page: the page's own metadata, JSON-LD, elements, its address."""

    def __init__(self, tree):
        self.meta: list[tuple[str, str]] = []  # (name or property, content), in page order
        for tag in tree.iter("meta"):
            label = tag.get("property") or tag.get("name") or tag.get("itemprop")
            if label and tag.get("content"):
                self.meta.append((label.strip().lower(), tag.get("content")))
        self.jsonld: list[tuple[str, str]] = []  # (dotted key, value) of every string in JSON-LD
        for script in tree.iter("script"):
            if (script.get("type") or "").lower() == "application/ld+json" and script.text:
                try:
                    self._walk(json.loads(script.text), "")
                except (ValueError, RecursionError):
                    continue
        self.title = tree.findtext(".//title") or ""
        self.h1 = ["".join(h.itertext()) for h in tree.iter("h1")]
        self.times = [t.get("datetime") for t in tree.iter("time") if t.get("datetime")]
        self.canonical = next((link.get("href") for link in tree.iter("link")
                               if "canonical" in (link.get("rel") or "").lower() and link.get("href")), None)

    def _walk(self, value, key: str) -> None:
        if isinstance(value, dict):
            for k, v in value.items():
                self._walk(v, f"{key}.{k}" if key and not k.startswith("@") else k)
        elif isinstance(value, list):
            for v in value:
                self._walk(v, key)
        elif isinstance(value, str):
            self.jsonld.append((key, value))

    def _in_meta(self, value: str, test=None) -> str | None:
        wanted = _squash(value)
        for label, content in self.meta:
            if (test or (lambda c: _squash(c) == wanted))(content):
                return label
        return None

    def _in_jsonld(self, value: str, keys: tuple[str, ...], test=None) -> str | None:
        wanted = _squash(value)
        for key, content in self.jsonld:
            if key.split(".")[0] in keys and (test or (lambda c: _squash(c) == wanted))(content):
                return key
        return None

    def shown_headline(self, title: str | None) -> str | None:
        """The headline as the page shows it: its one <h1> when the page's <title> begins with it
        ("Julian Assange: Sweden drops rape investigation - BBC News"), where trafilatura may take
        a social-media variant from og:title ("Sweden drops Assange rape investigation")."""
        shown = [(folded, h) for folded, h in ((_squash(h), h) for h in self.h1) if folded]
        if len(shown) == 1 and title and shown[0][0] != _squash(title) and "\ufffd" not in shown[0][0] and \
                re.match(re.escape(shown[0][0]) + r"\s*(?:[-–—|:·»]|$)", _squash(self.title)):
            return squash(shown[0][1])
        return title

    def title_source(self, value: str) -> str:
        if label := self._in_meta(value):
            return label
        if key := self._in_jsonld(value, ("headline", "name", "alternativeHeadline")):
            return f"JSON-LD {key}"
        if any(_squash(h) == _squash(value) for h in self.h1):
            return "the page's <h1>"
        if _squash(value) and _squash(value) in _squash(self.title):
            return "the page's <title>"
        return "the page, read by trafilatura"

    def author_source(self, names: list[str]) -> str:
        first = names[0]
        contains = (lambda c: _squash(first) in _squash(c))
        if label := self._in_meta(first, contains):
            return label
        if key := self._in_jsonld(first, ("author", "creator"), contains):
            return f"JSON-LD {key}"
        return "a byline on the page"

    def sitename_source(self, value: str) -> str:
        if label := self._in_meta(value):
            return label
        if key := self._in_jsonld(value, ("publisher", "sourceOrganization", "isPartOf", "name")):
            return f"JSON-LD {key}"
        return "the page's <title> or address"

    def url_source(self, value: str) -> str:
        if self.canonical == value:
            return "the canonical link"
        return self._in_meta(value) or "the page"

    def description_source(self, value: str) -> str:
        return self._in_meta(value) or "the page"

    def date_source(self, day: str, url: str) -> str:
        """Where the day htmldate chose is written: JSON-LD, a <meta>, a <time>, the address, or text."""
        starts = (lambda c: c.strip().startswith(day))
        if key := self._in_jsonld(day, ("datePublished", "dateCreated", "uploadDate", "dateModified"), starts):
            return f"JSON-LD {key}"
        if label := self._in_meta(day, starts):
            return label
        if any(starts(t) for t in self.times):
            return "a <time> element"
        year, month, dd = day.split("-")
        for address in (url, self.canonical or ""):
            if re.search(rf"{year}[/_-]?{month}[/_-]?{dd}", address or ""):
                return "the page's address"
        return "the page's text, read by htmldate"
