"""Write the briefing into docs/: pages, original copies, briefing.json. The only stage that writes.

Generated files are listed in docs/.briefing-manifest.json. Only files listed there are ever
replaced or deleted; a file already in docs/ that the generator did not make is left untouched.
Each file is written only when its content changed (so `mkdocs serve` does not loop); all changes
are staged outside docs/ first and then moved in under a journal (see write()).
"""

from __future__ import annotations

import csv
import errno
import io
import json
import os
import shutil
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

from generator import pages
from generator.errors import OutputError
from generator.models import Briefing
from generator.safety import atomic_write, deferred_signals

MANIFEST = ".briefing-manifest.json"
JOURNAL = "journal.json"
BOM = b"\xef\xbb\xbf"


def render(briefing: Briefing) -> dict[str, bytes]:
    """Every generated file as {path relative to docs/: bytes}. Pure."""
    return dict(iter_files(briefing))


def iter_files(briefing: Briefing) -> Iterator[tuple[str, bytes]]:
    """Every generated file as (path relative to docs/, bytes), one at a time: write() takes each as
    it comes, so the whole site is never in memory at once (1 GB at 10,000 sources). Pure."""
    seen: set[str] = set()

    def once(path: str, data: str | bytes) -> tuple[str, bytes]:
        if path in seen:
            raise OutputError(f"two generated files would be {path}; rename one of the seeds or themes")
        seen.add(path)
        return path, (data if isinstance(data, bytes) else data.encode("utf-8"))

    yield once("index.md", pages.overview_page(briefing))
    yield once("themes/index.md", pages.themes_index(briefing))
    yield once("tags.md", pages.tags_page())
    yield once("entities/index.md", pages.entities_index(briefing))
    yield once("entities/review.md", pages.review_page(briefing))
    yield once("glossary.md", pages.glossary_page(briefing))
    yield once("timeline.csv", timeline_csv(briefing))
    yield once("find.md", pages.find_page())
    yield once("briefing.json", briefing_json(briefing))
    for group in (pages.sources_pages(briefing), pages.timeline_pages(briefing), pages.differences_pages(briefing)):
        for path, text in group.items():
            yield once(path, text)
    for summary in briefing.themes:
        yield once(f"themes/{summary.theme.id}.md", pages.theme_page(summary, briefing))
    for summary in briefing.entities:
        yield once(f"entities/{summary.entity.id}.md", pages.entity_page(summary, briefing))
    for article in briefing.articles:
        yield once(f"sources/{article.id}.md", pages.source_page(article, briefing))
        yield once(f"sources/originals/{pages.original_name(article)}", original_copy(article))


def original_copy(article) -> bytes:
    """The seed as the reader can open it: .txt for text (an HTML seed is shown, never run), the
    file itself for a PDF or Word document.

    A UTF-8 seed is copied byte for byte after a UTF-8 byte-order mark: static hosts serve .txt
    without a charset, and browsers then read UTF-8 as Windows-1252 unless a BOM says otherwise.
    A seed in another encoding is converted to UTF-8; the source page says which applies.
    """
    raw = article.source.raw
    if article.source.fmt in ("pdf", "docx"):  # offered as it came, for download
        return raw
    if article.source.encoding == "utf-8-sig":
        return raw
    if article.source.encoding == "utf-8":
        return BOM + raw
    return BOM + article.source.text.encode("utf-8")


def briefing_json(briefing: Briefing) -> bytes:
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
            "themes": list(a.theme_ids),
            "theme_scores": {s.theme: s.score for s in a.scores},
            "theme_evidence": {s.theme: [{"text": e.text, "anchor": e.anchor, "terms": list(e.terms)}
                                         for e in s.evidence] for s in a.themes},
            "entities": list(dict.fromkeys(m.entity for m in briefing.mentions.get(a.id, ()))),
            "words": a.words,
            "sha256": a.source.sha256,
            "encoding": a.source.encoding,
            "paragraphs": [{"anchor": b.anchor, "kind": b.kind, "text": b.text} for b in a.blocks],
        }

    themes = [{
        "id": s.theme.id,
        "title": s.theme.title,
        "url": f"themes/{s.theme.id}/",
        "sources": [source_id for source_id, _ in s.sources],
        "key_points": [{"text": k.text, "source": k.source, "anchor": k.anchor} for k in s.key_points],
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
    events = [{"date": e.date, "precision": e.precision, "end": e.end, "text": e.text, "expression": e.expression,
               "note": e.note, "source": source, "anchor": e.anchor, "themes": themes_of[source]}
              for source, e in briefing.events]
    figures = (_figure(f, a.id) for a in briefing.articles for f in a.figures)
    discrepancies = [{
        "what": d.what, "method": d.method, "themes": list(d.themes),
        "values": [{**_figure(s.figure, s.source), "equivalents": [_figure(e, s.source) for e in s.equivalents]}
                   for s in d.statements],
    } for d in briefing.discrepancies]
    sources = (source_record(a) for a in briefing.articles)
    data = {"title": briefing.config.title, "sources": sources, "themes": themes, "entities": entities,
            "glossary": glossary, "events": events, "figures": figures, "discrepancies": discrepancies}
    return _records_json(data)


def _records_json(data: dict) -> bytes:
    """Sorted keys, one record of each list per line: readable, diffable, and written by json's C encoder
    (an indented dump goes through the pure-Python encoder: 3 s instead of 0.3 s at 1,000 sources).
    Lists may be iterators: each record is encoded as it comes, so the file's records never all exist
    as Python objects at once (that doubled the generator's peak memory at 10,000 sources)."""
    def dump(value) -> bytes:
        return json.dumps(value, ensure_ascii=False, sort_keys=True, allow_nan=False).encode("utf-8")

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
    return b"".join(parts)


def _figure(f, source: str) -> dict:
    return {"text": f.text, "value": f.value, "unit": f.unit, "measure": f.measure, "approximate": f.approximate,
            "sentence": f.sentence, "source": source, "anchor": f.anchor}


def timeline_csv(briefing: Briefing) -> str:
    """The timeline as a table for spreadsheets: one row per event, dated ones in date order."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["date", "precision", "end", "text", "expression", "source", "url", "themes", "note"])
    themes_of = {a.id: a.theme_ids for a in briefing.articles}
    for source, e in briefing.events:
        writer.writerow([_cell(v) for v in (e.date or "", e.precision, e.end or "", e.text, e.expression, source,
                                            f"sources/{source}/#{e.anchor}", " ".join(themes_of[source]), e.note)])
    return buffer.getvalue()


def _cell(value: str) -> str:
    """A CSV cell a spreadsheet will not run: seed text starting with = + - @ gets a leading quote."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def write(files: Mapping[str, bytes] | Iterable[tuple[str, bytes]], docs_dir: Path,
          staging: Path) -> tuple[dict[str, int], list[str]]:
    """Bring docs_dir to exactly these generated files, all at once; hand-written files are kept.

    Three steps, so that even a kill -9 never leaves docs/ half old, half new:
    1. every new or changed file is written into `staging` (docs/ is not touched yet);
    2. a journal listing the moves and removals is written there, atomically: the commit point;
    3. the journal is applied (renames and deletions only, milliseconds) and then removed.
    A build that finds a journal first finishes it (step 3); a staging folder without one is a
    build that died before its commit point, and is thrown away.

    Returns:
        Counts of written, unchanged and removed files, and a message per file left untouched.
    """
    docs_dir.mkdir(parents=True, exist_ok=True)
    recover(docs_dir, staging)
    try:
        return _write(files.items() if isinstance(files, Mapping) else files, docs_dir, staging)
    except BaseException:
        if not (staging / JOURNAL).exists():  # died before the commit point: nothing happened
            shutil.rmtree(staging, ignore_errors=True)
        raise


def _write(files: Iterable[tuple[str, bytes]], docs_dir: Path, staging: Path) -> tuple[dict[str, int], list[str]]:
    previous, problems = read_manifest(docs_dir, mirror_of(staging))
    made: list[str] = []
    changed: list[str] = []
    generated: set[str] = set()
    for rel, data in files:
        generated.add(rel)
        target = docs_dir / rel
        if target.is_symlink() or (target.exists() and not target.is_file()):
            problems.append(f"{_show(docs_dir, rel)}: exists and is not a regular file; not overwritten")
            continue
        if _blocked(target, docs_dir):
            problems.append(f"{_show(docs_dir, rel)}: cannot be written (a file is in the way of its folder)")
            continue
        current = target.read_bytes() if target.exists() else None
        if current is not None and rel not in previous and current != data:
            problems.append(f"{_show(docs_dir, rel)}: a hand-written file is in the way of a generated page; "
                            "left untouched (move it to keep both)")
            continue
        made.append(rel)
        if current != data:
            changed.append(rel)
            atomic_write(staging / "files" / rel, data)  # step 1, file by file as they come
    # Files made before and not now; one refused above (something else is in the way) is never deleted.
    removed = [rel for rel in sorted(previous - generated)
               if (docs_dir / rel).is_file() and not (docs_dir / rel).is_symlink()]
    manifest = (json.dumps(sorted(made), indent=0) + "\n").encode()
    if not changed and not removed and _read_bytes(docs_dir / MANIFEST) == manifest:
        atomic_write(mirror_of(staging), manifest, only_if_changed=True)
        return {"written": 0, "unchanged": len(made), "removed": 0}, problems
    journal = {"move": changed, "remove": removed, "manifest": sorted(made)}
    with deferred_signals():  # Ctrl-C waits until docs/ is complete again
        atomic_write(staging / JOURNAL, json.dumps(journal).encode())  # the commit point
        apply(journal, docs_dir, staging)
    return {"written": len(changed), "unchanged": len(made) - len(changed), "removed": len(removed)}, problems


def recover(docs_dir: Path, staging: Path) -> None:
    """Finish a write that was committed but interrupted; drop one that was not committed."""
    if not staging.exists():
        return
    try:
        journal = json.loads((staging / JOURNAL).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        journal = None
    if isinstance(journal, dict):
        apply(journal, docs_dir, staging)
    else:
        shutil.rmtree(staging, ignore_errors=True)


def apply(journal: dict, docs_dir: Path, staging: Path) -> None:
    """Step 3 of write(): moves, removals, manifest. Safe to repeat after an interruption."""
    for rel in _trusted(journal.get("move")):
        staged = staging / "files" / rel
        if staged.is_file():
            target = docs_dir / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            try:
                os.replace(staged, target)
            except OSError as exc:
                if exc.errno != errno.EXDEV:
                    raise
                atomic_write(target, staged.read_bytes())  # staging on another file system
    for rel in _trusted(journal.get("remove")):
        target = docs_dir / rel
        if target.is_file() and not target.is_symlink():
            target.unlink()
            _prune_empty_dirs(target.parent, docs_dir)
    manifest = (json.dumps(sorted(_trusted(journal.get("manifest"))), indent=0) + "\n").encode()
    atomic_write(docs_dir / MANIFEST, manifest, only_if_changed=True)
    atomic_write(mirror_of(staging), manifest, only_if_changed=True)
    (staging / JOURNAL).unlink(missing_ok=True)
    shutil.rmtree(staging, ignore_errors=True)


def _blocked(target: Path, docs_dir: Path) -> bool:
    """True when a file (not a folder) stands where one of target's folders must be."""
    folder = target.parent
    while folder != docs_dir:
        if folder.exists() and not folder.is_dir():
            return True
        folder = folder.parent
    return False


def _read_bytes(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None


def mirror_of(staging: Path) -> Path:
    """The manifest's copy outside docs/ (.cache/briefing-manifest.json), kept in step with it."""
    return staging.parent / "briefing-manifest.json"


def read_manifest(docs_dir: Path, mirror: Path) -> tuple[set[str], list[str]]:
    """The files generated before (only those are ever replaced or deleted), and what was wrong.

    A manifest that was damaged or emptied would leave every generated page "hand-written", so
    never replaced again, and the site stale: the copy in .cache/ restores what it lost.
    """
    listed, state = _manifest_at(docs_dir / MANIFEST)
    copy, copy_state = _manifest_at(mirror)
    where = _show(docs_dir, MANIFEST)
    if state in ("damaged", "missing") and copy_state == "ok" and copy:
        return copy, [f"{where}: {state}; the list of generated files was taken from its copy in .cache/"]
    if state == "damaged":
        return listed, [f"{where}: damaged (expected a list of file names) and no copy in .cache/: files in docs/ "
                        "count as hand-written; delete the generated folders (or restore the file) and build again"]
    lost = copy - listed if copy_state == "ok" else set()
    if lost:
        return listed | lost, [f"{where}: {len(lost)} of the files the last build wrote are missing from it; "
                               "taken from its copy in .cache/"]
    return listed, []


def _manifest_at(path: Path) -> tuple[set[str], str]:
    try:
        listed = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return set(), "missing"
    except (OSError, ValueError):
        return set(), "damaged"
    if not isinstance(listed, list):
        return set(), "damaged"
    return set(_trusted(listed)), "ok"


def _trusted(listed) -> list[str]:
    """Only relative paths inside docs/ are trusted from the manifest or a journal."""
    if not isinstance(listed, list):
        return []
    return [p for p in listed if isinstance(p, str) and p and not p.startswith("/") and ".." not in Path(p).parts]


def _prune_empty_dirs(folder: Path, docs_dir: Path) -> None:
    while folder != docs_dir and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent


def _show(docs_dir: Path, rel: str) -> str:
    return f"{docs_dir.name}/{rel}"
