"""Read title, publication, authors, date and type from the text as a careful reader would.

Each field is a chain of small named fallbacks, and records how it was found (stated, inferred,
sidecar, none) with the words that showed it. Lines that are metadata leave the body.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from generator import patterns as P
from generator.credits import (
    about_the_authors,
    agency_credit,
    aggregator_credit,
    byline_under_title,
    closing_credits,
    editorial_label,
    interview,
    joined_labels,
    journal_line,
    labelled_lines,
    link_to_original,
    name_of_site,
    notices_in,
    originally_published,
    release,
    same_outlet,
    site_of,
)
from generator.dates import parse_date
from generator.headlines import (
    date_line,
    dateline,
    dateline_date,
    first_line_headline,
    headline,
    headline_date,
    imprint,
)
from generator.models import INFERRED, METADATA, NONE, SIDECAR, STATED, DateField, Field, Metadata, Source
from generator.text import sentences, squash, word_count

TITLE_MAX = 120


def extract_metadata(source: Source, paragraphs: tuple[str, ...],
                     notices: tuple[str, ...] = ()) -> tuple[Metadata, tuple[str, ...]]:
    """Find the metadata of one cleaned source and take metadata lines out of its body.

    Args:
        source: the seed as loaded (its sidecar and embedded metadata override the text).
        paragraphs: the cleaned paragraphs.
        notices: copyright lines the cleaner took out of the text (they may name the publisher).
    Returns:
        The metadata, and the body paragraphs without headline, byline, date line and credits.
    """
    found: dict[str, Any] = {}
    body = list(paragraphs)
    # A pasted text's headline may stand under page furniture; a web page, a PDF or a Word document
    # has had its furniture taken off by its reader, and its title is known (or its first line).
    pasted = source.fmt in ("txt", "md") and "title" not in source.embedded
    known_title = source.embedded.get("title")  # what the reader of a page or document found
    for step in (joined_labels, labelled_lines, journal_line, editorial_label, originally_published,
                 headline if pasted else first_line_headline(known_title), byline_under_title, dateline,
                 headline_date, date_line, dateline_date, imprint, notices_in(notices), aggregator_credit, release,
                 agency_credit, interview, link_to_original, closing_credits, about_the_authors):
        body = step(body, found)
    body = [p for p in body if p]
    title = found.get("title") or _title_from_first_sentence(body)
    date = found.get("date") or _inferred_date(body)
    meta = Metadata(
        title=title,
        subtitle=found.get("subtitle", Field(None)),
        publication=found.get("publication", Field(None)),
        authors=found.get("authors", Field(())),
        date=date,
        source_type=_source_type(body, paragraphs, found.get("interviewee")),
        summary=found.get("summary", Field(None)),
        translator=found.get("translator", Field(None)),
        url=Field(None),
        carried_by=found.get("carried_by", Field(None)),
        interviewee=found.get("interviewee", Field(None)),
    )
    return _from_address(_override(meta, source), source.text), tuple(body)


def _from_address(meta: Metadata, text: str) -> Metadata:
    """The site a text was saved from: the publication when no other is known, else the site that
    carried it when the text names another publisher. Named as the text names it where a name in
    the text spells the address ("Financial Times" for ft.com), else by its address."""
    if not meta.url.value:
        return meta
    address = site_of(meta.url.value)
    publication = meta.publication.value
    if publication and (meta.publication.basis not in (STATED, INFERRED) or meta.carried_by.value
                        or same_outlet(publication, address)):
        return meta  # the site is the publication, or who carried it is known
    name = name_of_site(address, text)
    site, evidence = (name, f"the name in the text that its address {address} spells") if name else \
        (address, "the address it was saved from, under Online")
    if not publication:
        return replace(meta, publication=Field(site, INFERRED, evidence))
    if not same_outlet(publication, site):
        return replace(meta, carried_by=Field(site, INFERRED, evidence))
    return meta


def _title_from_first_sentence(body: list[str]) -> Field:
    for para in body:
        if word_count(para) >= 8:
            first = sentences(para)[0]
            # "On April 27 of this year, the Russian Minister..." → "The Russian Minister..."
            first = re.sub(r"^(?:On|In|At|By|Last|This)\b[^,]{0,40},\s+(?=[a-z])", "", first)
            first = first[:1].upper() + first[1:]
            return Field(_shorten(first.rstrip(".")), INFERRED, "first sentence of the text")
    return Field("Untitled source", NONE, "")


def _shorten(text: str) -> str:
    if len(text) <= TITLE_MAX:
        return text
    cut = text[:TITLE_MAX].rsplit(" ", 1)[0].rstrip(",;:–—- ")
    return cut + "…"


def _inferred_date(body: list[str]) -> DateField:
    """The latest year given with a month, day or season, when the text also speaks of its present.

    A year alone ("independence in 1991", "since 1994") says when something happened, not when the
    text was written, so it never counts; nor does a dated reference in a text without yearless,
    present-tense dates ("On April 2", "last month", "yesterday").
    """
    text = "\n".join(body)
    present = P.YEARLESS_REFERENCE.search(text)
    if not present:
        return DateField(None, None, NONE, "")
    best: tuple[int, str] | None = None
    for m in P.DATED_REFERENCE.finditer(text):
        if P.FUTURE_CONTEXT.search(text[max(0, m.start() - 40):m.start()]):
            continue  # "until May 2042", "scheduled for September 2021": a plan, not the present
        year = int(next(g for g in m.groups() if g))
        if best is None or year > best[0]:
            best = (year, m.group(0))
    if best is None:
        return DateField(None, None, NONE, "")
    context = re.match(r"(?:[ \t]+[\w’'-]+){0,2}", text[present.end():]).group(0)
    evidence = f"latest dated reference “{best[1]}”, in a text that speaks of “{(present.group(0) + context).strip()}”"
    return DateField(str(best[0]), "year", INFERRED, evidence)


def _source_type(body: list[str], original: tuple[str, ...], interviewee: Field | None = None) -> Field:
    related = [p for p in original if P.SECTION_LABELS.match(p)]
    if related:
        return Field("compilation", INFERRED, f"{len(related)} “{related[0]}” section(s) joining several items")
    turns = [p for p in body if P.INTERVIEW_TURN.match(p)]
    if len(turns) >= 3:
        return Field("interview", INFERRED, f"{len(turns)} question-and-answer turns")
    if interviewee is not None:
        return Field("interview", INFERRED, f"an interview with {interviewee.value}, as the text says")
    text = " ".join(body)
    words = max(1, word_count(text))
    news = len(P.NEWS_CUES.findall(text)) * 1000 / words
    analysis = len(P.ANALYSIS_CUES.findall(text)) * 1000 / words
    kind = "analysis" if analysis > news else "news"
    return Field(kind, INFERRED, f"reporting cues {news:.1f}, argument cues {analysis:.1f} per 1,000 words")


def _override(meta: Metadata, source: Source) -> Metadata:
    """Embedded metadata (front matter, html meta), then the sidecar, replace what the text said.

    Their values were checked by the loader (sources.validate_fields); text is squashed again here
    because a Source may also be built by hand.
    """
    fields = dict(meta.__dict__)
    for origin, basis, where in ((source.embedded, METADATA, source.provenance),
                                 (source.sidecar, SIDECAR, {})):
        for key, value in origin.items():
            evidence = where.get(key, "front matter" if basis == METADATA else "")  # "from the sidecar file" says it
            if key == "date":
                date = (DateField(*value, basis, evidence) if isinstance(value, tuple)  # (iso, precision)
                        else parse_date(str(value), basis, evidence))  # an html meta date, any form
                if date.value:
                    fields["date"] = date
            elif key in fields:
                if isinstance(value, str):
                    value = squash(value)
                elif isinstance(value, list):
                    value = tuple(value)
                fields[key] = Field(value, basis, evidence)
    return Metadata(**fields)
