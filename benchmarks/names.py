"""How far a reviewer can trust the names proposed for review: precision and recall against names
marked by hand.

    python benchmarks/names.py              # the table, as Markdown
    python benchmarks/names.py --errors     # and every name proposed wrongly or missed, per document

The briefing is a new one (`briefing init`: an empty gazetteer, so every name must be discovered)
over the documents of tests/corpus/ that have a hand-marked list in tests/corpus/names/. Each
document goes through the generator's real loader and pipeline, and the proposals are decided
across all of them together (entities.resolve, as a build does). A document's proposals are the
exact words of the text each kept name covers ("Putin", "Vladimir Putin", "Sughd region").

A proposal is right when it is, letter for letter (case aside), one of the forms marked in the
same document; a marked name is found when any of its accepted forms was proposed there. So a
proposal that swallows a title or a place in front ("Sughd region governor Rajabboy Ahmadzoda")
is one wrong proposal and two missed names; a name split at its "and" is wrong twice.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from collections import Counter
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

CORPUS = ROOT / "tests" / "corpus"
MARKED = CORPUS / "names"
KINDS = ("person", "organisation", "place", "other")


def marked() -> dict[str, list[dict]]:
    """{document id: its hand-marked names}; each name {name, kind, also}."""
    out = {}
    for path in sorted(MARKED.glob("*.yml")):
        out[path.stem] = [dict(item, also=tuple(item.get("also", ()))) for item in
                          (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("names") or ()]
    return out


def proposals(ids: list[str]) -> dict[str, set[str]]:
    """{document id: the words of its text that the names proposed for review cover}."""
    from extraction import generator_reading

    from generator import config as config_mod
    from generator.entities import resolve
    from generator.gazetteer import Gazetteer

    config = dataclasses.replace(config_mod.load(ROOT / "generator" / "starter" / "briefing.yml"),
                                 gazetteer=Gazetteer())
    files = {p.stem: p for p in CORPUS.iterdir() if p.is_file()}
    articles = {}
    if unknown := [doc for doc in ids if doc not in files]:
        raise SystemExit(f"tests/corpus/names/: no document in tests/corpus/ for {', '.join(unknown)}")
    for doc in ids:
        article, _ = generator_reading(files[doc].name, files[doc].read_bytes(), config)
        if article is not None:
            articles[doc] = article
    _, mentions = resolve(list(articles.values()), set())
    out = {}
    for doc, article in articles.items():
        text = {b.anchor: b.text for b in article.blocks}
        out[doc] = {text[m.anchor][m.start:m.end] for m in mentions.get(article.id, ())}
    return out


def score(gold: dict[str, list[dict]], found: dict[str, set[str]]):
    """(right, proposed, hit, total, hits per kind, marked per kind, {document: (wrong, missed)})."""
    right = proposed = hit = total = 0
    by_kind: Counter = Counter()
    marked_kind: Counter = Counter()
    errors: dict[str, tuple[list[str], list[str]]] = {}
    for doc, names in gold.items():
        mine = {w.casefold(): w for w in found.get(doc, set())}
        forms = {f.casefold() for n in names for f in (n["name"], *n["also"])}
        wrong = sorted(w for k, w in mine.items() if k not in forms)
        missed = []
        for n in names:
            marked_kind[n["kind"]] += 1
            if any(f.casefold() in mine for f in (n["name"], *n["also"])):
                hit += 1
                by_kind[n["kind"]] += 1
            else:
                missed.append(n["name"])
        total += len(names)
        proposed += len(mine)
        right += len(mine) - len(wrong)
        if wrong or missed:
            errors[doc] = (wrong, missed)
    return right, proposed, hit, total, by_kind, marked_kind, errors


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--errors", action="store_true", help="list every wrong proposal and missed name")
    args = parser.parse_args()
    gold = marked()
    found = proposals(sorted(gold))
    right, proposed, hit, total, by_kind, marked_kind, errors = score(gold, found)
    precision, recall = right / proposed if proposed else 0.0, hit / total if total else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    print(f"{len(gold)} documents, {total} hand-marked names, {proposed} proposed\n")
    print("| | value |\n|---|---:|")
    print(f"| precision (proposals that are a marked name, exactly) | {precision:.3f} ({right}/{proposed}) |")
    print(f"| recall (marked names proposed) | {recall:.3f} ({hit}/{total}) |")
    print(f"| F1 | {f1:.3f} |")
    for kind in KINDS:
        if marked_kind[kind]:
            print(f"| recall, {kind} | {by_kind[kind] / marked_kind[kind]:.3f} ({by_kind[kind]}/{marked_kind[kind]}) |")
    if args.errors:
        for doc, (wrong, missed) in sorted(errors.items()):
            print(f"\n{doc}\n  wrong:  {' | '.join(wrong)}\n  missed: {' | '.join(missed)}")


if __name__ == "__main__":
    main()
