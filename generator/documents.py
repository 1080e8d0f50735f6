"""PDF reports and Word documents: their text as paragraphs, and the title they show.

PDF through pdfminer.six (the engine of pdfplumber), whose layout analysis puts columns and text
boxes in reading order and gives each line its position and the size of its letters; what no
library does, and is done here, is rebuilding an article from them:
running headers, footers and page numbers (lines at the top or bottom of the page that recur from
page to page) are dropped, words cut by a hyphen at a line end are joined, lines are joined into
paragraphs where the spacing and the letter size say so, and the title is the largest text on the
first page. Word through python-docx: paragraphs with their styles (Title, Heading), tables row by
row. A document's properties (its "Title" field) are used only when the document shows no title,
and labelled so. Pure: bytes in, text out.
"""

from __future__ import annotations

import io
import re
import statistics
import unicodedata
from collections import Counter
from typing import Any

from generator.text import squash

MARGIN = 0.09  # the top and bottom share of a page where running heads, feet and page numbers sit
RECURS = 0.4  # a margin line on this share of the pages (at least 3) is a running head or foot
PAGE_NUMBER = re.compile(r"^\W*(?:(?:page|p\.|стр\.?|страница)\s*)?[ivxlc\d]{1,5}(?:\s*(?:of|/|из)\s*\d{1,5})?\W*$",
                         re.I)
HYPHEN_END = re.compile(r"[^\W\d_]-$")
MAX_PAGES = 500
COVER_LINES = 8  # a first page of this few lines is a cover: its largest text is the title


class DocumentError(Exception):
    """A PDF or Word file that cannot be read (damaged, encrypted, not what its name says)."""


def read_pdf(data: bytes) -> tuple[str, dict[str, Any], dict[str, str]]:
    """A PDF → (paragraphs, one per line with blank lines between; metadata; where each field was found)."""
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LAParams
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    try:
        pages = [_page_lines(page) for page in extract_pages(io.BytesIO(data), laparams=LAParams(),
                                                             maxpages=MAX_PAGES)]
    except (PDFEncryptionError, PDFPasswordIncorrect):
        raise DocumentError("the PDF is encrypted") from None
    except Exception as exc:  # noqa: BLE001 — pdfminer raises many kinds; a bad file is a message
        raise DocumentError(f"not a readable PDF ({type(exc).__name__}: {str(exc)[:80]})") from None
    pages = _without_running_lines(pages)
    meta: dict[str, Any] = {}
    where: dict[str, str] = {}
    title, title_lines = _largest_text(pages[0] if pages else [])
    if title:
        meta["title"], where["title"] = title, "the largest text on the first page"
    elif (properties := _properties(data)).get("Title"):  # parsed again, but only for a PDF showing no title
        meta["title"], where["title"] = properties["Title"], "the PDF's properties (Title)"
    paragraphs: list[str] = []
    for n, page in enumerate(pages):
        page_paragraphs = _paragraphs([line for line in page if not (n == 0 and id(line) in title_lines)])
        if paragraphs and page_paragraphs and _continues(paragraphs[-1], page_paragraphs[0]):
            paragraphs[-1] = _joined(paragraphs[-1], page_paragraphs.pop(0))  # a paragraph across a page break
        paragraphs.extend(page_paragraphs)
    if not paragraphs:
        raise DocumentError("no text in the PDF (a scan without a text layer?)")
    return "\n\n".join(paragraphs), meta, where


def _properties(data: bytes) -> dict[str, str]:
    """The PDF's document information (Title, Author...), as text."""
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfparser import PDFParser
    from pdfminer.utils import decode_text

    out: dict[str, str] = {}
    try:
        infos = PDFDocument(PDFParser(io.BytesIO(data))).info
    except Exception:  # noqa: BLE001 — the text was read; damaged properties only cost the fallback
        return out
    for info in infos:
        for key, value in info.items():
            if isinstance(value, bytes):
                value = decode_text(value)
            if isinstance(value, str) and value.strip():
                out[key] = squash(value)
    return out


def _page_lines(page) -> list[dict]:
    """A page's lines in reading order (pdfminer's layout analysis: columns apart, boxes in order),
    each with its box, position (0 top, 1 bottom), width and letter size."""
    from pdfminer.layout import LTChar, LTTextBoxHorizontal, LTTextLineHorizontal

    height = float(page.height) or 1.0
    out = []
    for number, box in enumerate(b for b in page if isinstance(b, LTTextBoxHorizontal)):
        for line in box:
            if not isinstance(line, LTTextLineHorizontal):
                continue
            text = _logical(squash(line.get_text()))
            if not text:
                continue
            chars = [c for c in line if isinstance(c, LTChar) and c.get_text().strip()]
            out.append({"text": text, "box": number, "top": (height - float(line.y1)) / height,
                        "bottom": (height - float(line.y0)) / height, "x0": float(line.x0), "x1": float(line.x1),
                        "size": statistics.median(round(c.size, 1) for c in chars) if chars else 0.0,
                        "bold": sum("bold" in c.fontname.lower() for c in chars) > len(chars) / 2})
    return out


PRESENTATION_FORMS = re.compile("[\ufb50-\ufdff\ufe70-\ufefe]")  # Arabic letters in their drawn shapes
MIRRORED = str.maketrans("()[]{}<>«»", ")(][}{><»«")  # a bracket drawn for right-to-left faces the other way
LEFT_TO_RIGHT_RUN = re.compile(r"[0-9A-Za-z](?:[0-9A-Za-z.,:/%-]*[0-9A-Za-z])?")


def _logical(text: str) -> str:
    """A right-to-left line as it is read. Arabic-script PDFs (Persian, Arabic, Urdu) that draw
    their letters as presentation forms store them in the order drawn, left to right, which
    pdfminer gives unchanged: the line is reversed, its runs of digits and Latin letters turned
    back, and the letter shapes made plain letters again (NFKC), so that the text can be read,
    searched and quoted."""
    if not PRESENTATION_FORMS.search(text):
        return text
    turned = LEFT_TO_RIGHT_RUN.sub(lambda m: m.group(0)[::-1], text[::-1].translate(MIRRORED))
    return unicodedata.normalize("NFKC", turned)


def _shape(text: str) -> str:
    return re.sub(r"\d+", "#", text.casefold())


def _without_running_lines(pages: list[list[dict]]) -> list[list[dict]]:
    """Drop page numbers and note numbers standing alone, and lines in the margins that recur on
    many pages (digits aside: "Page 3", "Report title | 12")."""
    in_margin = Counter()
    for page in pages:
        for shape in {_shape(l["text"]) for l in page if l["top"] < MARGIN or l["bottom"] > 1 - MARGIN}:
            in_margin[shape] += 1
    recurring = {s for s, n in in_margin.items() if n >= max(3, RECURS * len(pages))}
    out = []
    for page in pages:
        kept = []
        for line in page:
            margin = line["top"] < MARGIN or line["bottom"] > 1 - MARGIN
            if (margin and _shape(line["text"]) in recurring) or PAGE_NUMBER.match(line["text"]):
                continue
            kept.append(line)
        out.append(kept)
    return out


def _largest_text(lines: list[dict]) -> tuple[str, set[int]]:
    """The title: the first run of lines in the largest letters on the first page, when they are
    clearly larger than the body text and read like a title (a few words, not a paragraph)."""
    if not lines:
        return "", set()
    body = statistics.median(l["size"] for l in lines)
    largest = max(l["size"] for l in lines)
    if largest < body * 1.25 and len(lines) > COVER_LINES:  # a cover page has only its title in large
        return "", set()
    run: list[dict] = []
    for line in lines:
        if abs(line["size"] - largest) < 0.6:
            run.append(line)
        elif run:
            break
    title = " ".join(l["text"] for l in run)
    if not 1 <= len(title.split()) <= 30:
        return "", set()
    return title, {id(l) for l in run}


def _paragraphs(lines: list[dict]) -> list[str]:
    """Lines → paragraphs: a new one with each layout box, where the letter size or weight changes
    (a heading), or after a short line that ends a sentence; a word cut by a hyphen at a line end is
    joined."""
    if not lines:
        return []
    width = max(l["x1"] - l["x0"] for l in lines)
    paragraphs: list[str] = []
    current = ""
    previous = None
    for line in lines:
        if previous is not None:
            short = previous["x1"] - previous["x0"] < 0.7 * width and previous["text"][-1:] in ".!?:;"
            if (line["box"] != previous["box"] or abs(line["size"] - previous["size"]) > 0.6
                    or line["bold"] != previous["bold"] or short):
                paragraphs.append(current)
                current = ""
        current = _joined(current, line["text"]) if current else line["text"]
        previous = line
    paragraphs.append(current)
    return [p for p in paragraphs if p.strip()]


def _joined(text: str, more: str) -> str:
    """'infra-' + 'structure' → 'infrastructure'; otherwise the two with a space."""
    if HYPHEN_END.search(text) and more[:1].islower():
        return text[:-1] + more
    return f"{text} {more}"


def _continues(paragraph: str, following: str) -> bool:
    """The last paragraph of a page runs on into the first of the next (no full stop, lowercase)."""
    return paragraph[-1:] not in ".!?:;\"”)" and following[:1].islower()


def read_docx(data: bytes) -> tuple[str, dict[str, Any], dict[str, str]]:
    """A Word document → (paragraphs, metadata, where each field was found)."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, ValueError, KeyError) as exc:
        raise DocumentError(f"not a readable Word document ({type(exc).__name__})") from None
    except Exception as exc:  # noqa: BLE001 — a damaged zip or XML is a message, not a crash
        raise DocumentError(f"not a readable Word document ({type(exc).__name__}: {str(exc)[:80]})") from None
    meta: dict[str, Any] = {}
    where: dict[str, str] = {}
    paragraphs: list[str] = []
    try:  # python-docx reads lazily: a damaged table ("no tr above topmost tr") fails only here
        for style, text in _docx_blocks(document):
            text = squash(text)
            if not text:
                continue
            if "title" not in meta and style == "title" and not paragraphs:
                meta["title"], where["title"] = text, "the document's Title paragraph"
                continue
            paragraphs.append(text)
        properties = document.core_properties
        if "title" not in meta and (properties.title or "").strip():
            meta["title"], where["title"] = properties.title.strip(), "the document's properties (Title)"
    except Exception as exc:  # noqa: BLE001 — a damaged part of the document is a message, not a crash
        raise DocumentError(f"not a readable Word document ({type(exc).__name__}: {str(exc)[:80]})") from None
    if not paragraphs:
        raise DocumentError("no text in the Word document")
    return "\n\n".join(paragraphs), meta, where


def _docx_blocks(document):
    """(style kind, text) of each paragraph and table row, in document order."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    body = document.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            paragraph = Paragraph(child, document)
            name = (paragraph.style.name if paragraph.style is not None else "").lower()
            yield ("title" if name == "title" else "heading" if name.startswith("heading") else "text"), paragraph.text
        elif tag == "tbl":
            for row in Table(child, document).rows:
                cells = list(dict.fromkeys(cell.text.strip() for cell in row.cells if cell.text.strip()))
                yield "text", " | ".join(cells)
