"""briefing.json: every record of the briefing for other tools (its format is in the README)."""

from __future__ import annotations

from collections.abc import Iterator

import msgspec

from generator import records
from generator.models import Briefing
from generator.pages.common import Pieces


def pages(briefing: Briefing) -> list[tuple[str, Pieces]]:
    """briefing.json."""
    return [("briefing.json", briefing_json(briefing))]


def briefing_json(briefing: Briefing) -> Pieces:
    """The data file for other tools; its format is documented in the README."""
    def source_record(a) -> dict:
        m = a.meta
        return {
            "id": a.id,
            "url": f"sources/{a.id}/",
            "source_file": a.source.path,
            "title": m.title.value,
            "title_basis": m.title.basis,
            "subtitle": m.subtitle.value,
            "publication": m.publication.value,
            "publication_basis": m.publication.basis,
            "carried_by": m.carried_by.value,
            "interviewee": m.interviewee.value,
            "authors": list(m.authors.value),
            "translator": m.translator.value,
            "original_url": m.url.value,
            "date": m.date.value,
            "date_precision": m.date.precision,
            "date_basis": m.date.basis,
            "date_evidence": m.date.evidence,
            "source_type": m.source_type.value,
            "added": briefing.added.get(a.id),
            "themes": list(a.theme_ids),
            "theme_scores": {s.theme: s.score for s in a.scores},
            "theme_evidence": {s.theme: [records.mapping(e) for e in s.evidence] for s in a.themes},
            "entities": list(dict.fromkeys(m.entity for m in briefing.mentions.get(a.id, ()))),
            "words": a.words,
            "sha256": a.source.sha256,
            "encoding": a.source.encoding,
            "paragraphs": [records.mapping(b) for b in a.blocks],
        }

    themes = [{
        "id": s.theme.id,
        "title": s.theme.title,
        "url": f"themes/{s.theme.id}/",
        "sources": [source_id for source_id, _ in s.sources],
        "in_brief": [records.mapping(k) for k in s.in_brief],
        "latest": [records.mapping(k) for k in s.latest],
        "key_points": [records.mapping(k) for k in s.key_points],
    } for s in briefing.themes]
    entities = [{
        "id": e.entity.id,
        "name": e.entity.name,
        "kind": e.entity.kind,
        "aliases": list(e.entity.aliases),
        "description": e.entity.description,
        "url": f"entities/{e.entity.id}/",
        "sources": list(e.sources),
        "mentions": len(e.mentions),
        "reviewed": e.entity.reviewed,
    } for e in briefing.entities]
    for theme, summary in zip(themes, briefing.themes, strict=True):
        theme["actors"] = [{"entity": e, "mentions": n, "sources": k} for e, n, k in summary.actors]
    glossary = [{"term": term, "definition": definition} for term, definition in briefing.config.glossary]
    themes_of = {a.id: list(a.theme_ids) for a in briefing.articles}
    folded = briefing.event_folded
    events = [records.mapping(e, source=source, themes=themes_of[source],
                              folded_into=list(folded[(source, e.anchor, e.start)]) if (source, e.anchor, e.start) in folded
                              else None) for source, e in briefing.events]
    figures = (_figure(f, a.id) for a in briefing.articles for f in a.figures)
    discrepancies = [{
        "what": d.what, "method": d.method, "themes": list(d.themes),
        "values": [{**_figure(s.figure, s.source), "equivalents": [_figure(e, s.source) for e in s.equivalents]}
                   for s in d.statements],
    } for d in briefing.discrepancies]
    sources = (source_record(a) for a in briefing.articles)
    checks = records.mapping(briefing.comparisons) if briefing.comparisons else {}
    data = {"title": briefing.config.title, "sources": sources, "themes": themes, "entities": entities,
            "glossary": glossary, "events": events, "figures": figures, "discrepancies": discrepancies,
            "discrepancy_checks": checks}
    return _records_json(data)


_ENCODER = msgspec.json.Encoder(order="sorted")


def _records_json(data: dict) -> Pieces:
    """Sorted keys, one record of each list per line: readable, diffable, and written by msgspec's
    encoder in C (at 10,000 sources the 236 MB took 6.4 s with json's, 4.8 s with it; an indented dump
    would go through json's pure-Python encoder: 3 s instead of 0.3 s at 1,000 sources).
    Lists may be iterators: each record is encoded as it comes, so the file's records never all exist
    as Python objects at once (that doubled the generator's peak memory at 10,000 sources)."""
    dump = _ENCODER.encode

    parts = [b"{\n"]
    for n, key in enumerate(sorted(data)):
        parts.append((b",\n " if n else b" ") + dump(key) + b": ")
        value = data[key]
        if isinstance(value, (list, tuple, Iterator)):
            count = 0
            for count, item in enumerate(value, 1):
                parts.append((b"[\n  " if count == 1 else b",\n  ") + dump(item))
            parts.append(b"\n ]" if count else b"[]")
        else:
            parts.append(dump(value))
    parts.append(b"\n}\n")
    return Pieces(parts)


def _figure(f, source: str) -> dict:
    return records.mapping(f, source=source)
