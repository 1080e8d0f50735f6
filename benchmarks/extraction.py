"""How well the generator reads real documents, against gold, side by side with the field's libraries.

    python benchmarks/extraction.py            # both parts, as Markdown tables
    python benchmarks/extraction.py --web      # only the saved web pages
    python benchmarks/extraction.py --corpus   # only the real-world corpus

1. Saved web pages (tests/corpus/webpages/: pages of the public benchmark sets of trafilatura and
   htmldate, with their gold): main text scored as trafilatura scores it (gold snippets that must be
   in the text, and boilerplate that must not: precision, recall, F1), the exact publication day as
   htmldate scores it, the author as trafilatura's eval_authors.py does (exact, names joined with
   "; "); beside plain trafilatura and htmldate on the same files. Every page goes through the
   generator's real loader and metadata stage.
2. The real-world corpus (tests/corpus/*, gold in tests/corpus/gold/): title, publication, the site
   that carried it, authors, the person interviewed, date (exact, with its precision), furniture
   left in the text, furniture titles, invented dates; each file alone, then each filed with the
   address it came from (a sidecar `url:`, as `briefing add URL` writes it).
"""

from __future__ import annotations

import argparse
import json
import lzma
import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

WEBPAGES = ROOT / "tests" / "corpus" / "webpages"


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


class Counts:
    """tp, fp, fn, tn of gold snippets, as trafilatura's eval_common counts them."""

    def __init__(self):
        self.tp = self.fp = self.fn = self.tn = 0

    def add(self, item: dict, text: str | None) -> None:
        found = norm(text) if isinstance(text, str) else None
        tp = sum(1 for w in item["with"] if found is not None and norm(w) in found)
        fp = sum(1 for w in item["without"] if found is not None and norm(w) in found)
        self.tp, self.fp = self.tp + tp, self.fp + fp
        self.fn, self.tn = self.fn + len(item["with"]) - tp, self.tn + len(item["without"]) - fp

    def scores(self) -> tuple[float, float, float]:
        precision = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        recall = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f1 = 2 * self.tp / (2 * self.tp + self.fp + self.fn) if self.tp + self.fp + self.fn else 0.0
        return precision, recall, f1


def generator_reading(name: str, data: bytes, config, url: str | None = None):
    """The generator's own reading of one file: (article or None, problems). With url, the seed has
    a sidecar holding only its address, as `briefing add URL` writes it."""
    from generator.pipeline import process
    from generator.sources import read_seed

    with tempfile.TemporaryDirectory() as folder:
        seeds = Path(folder) / "seeds"
        seeds.mkdir()
        (seeds / name).write_bytes(data)
        if url:
            (seeds / f"{Path(name).stem}.yml").write_text(f"url: {json.dumps(url)}\n", encoding="utf-8")
        source, problems = read_seed(seeds / name, Path(folder))
        if source is None:
            return None, problems
        return process(source, config), problems


def web(config) -> None:
    from htmldate import find_date
    from trafilatura import bare_extraction, extract

    gold = json.loads((WEBPAGES / "gold.json").read_text(encoding="utf-8"))
    ours, theirs = Counts(), Counts()
    dates = {"pages": 0, "ours": 0, "htmldate": 0, "ours_none": 0, "htmldate_none": 0}
    authors = {"pages": 0, "ours": 0, "trafilatura": 0}
    crashes = {"ours": 0, "trafilatura": 0, "htmldate": 0}
    seconds = {"ours": 0.0, "trafilatura": 0.0, "htmldate": 0.0}
    for key in sorted(gold):
        item = gold[key]
        page = lzma.decompress((WEBPAGES / f"{key}.html.xz").read_bytes())
        started = time.perf_counter()
        try:
            article, _ = generator_reading("page.html", page, config)
        except Exception as exc:  # noqa: BLE001 — a crash is a miss, and counted
            print(f"{key}: generator: {type(exc).__name__}: {exc}", file=sys.stderr)
            crashes["ours"] += 1
            article = None
        seconds["ours"] += time.perf_counter() - started
        text = "\n".join(b.text for b in article.blocks) if article else None
        if article is not None and article.meta.title.value:
            text = article.meta.title.value + "\n" + text  # the page shows its title above the text
        started = time.perf_counter()
        try:
            reference = extract(page, include_comments=False, include_tables=True, include_formatting=False)
            document = bare_extraction(page, with_metadata=True) if item.get("author") else None
        except Exception:  # noqa: BLE001
            crashes["trafilatura"] += 1
            reference = document = None
        seconds["trafilatura"] += time.perf_counter() - started
        if "with" in item:
            ours.add(item, text)
            theirs.add(item, reference)
        if item.get("author"):
            expected = "; ".join(item["author"]) if isinstance(item["author"], list) else item["author"]
            authors["pages"] += 1
            authors["ours"] += bool(article) and "; ".join(article.meta.authors.value) == expected
            authors["trafilatura"] += bool(document) and document.author == expected
        if item.get("date") and item["set"] == "htmldate":
            started = time.perf_counter()
            try:
                found = find_date(page, original_date=True, extensive_search=True)
            except Exception:  # noqa: BLE001
                crashes["htmldate"] += 1
                found = None
            seconds["htmldate"] += time.perf_counter() - started
            dates["pages"] += 1
            mine = article.meta.date.value if article else None
            dates["ours"] += mine == item["date"]
            dates["ours_none"] += mine is None
            dates["htmldate"] += found == item["date"]
            dates["htmldate_none"] += found is None
    p, r, f = ours.scores()
    tp, tr, tf = theirs.scores()
    n = len(gold)
    print(f"\nSaved web pages: {n} (tests/corpus/webpages/), scored with the gold of trafilatura and htmldate\n")
    print("| measure | generator | library | library |\n|---|---:|---:|---|")
    print(f"| main text F1 ({sum('with' in g for g in gold.values())} pages) | {f:.3f} | {tf:.3f} | trafilatura |")
    print(f"| main text precision / recall | {p:.3f} / {r:.3f} | {tp:.3f} / {tr:.3f} | trafilatura |")
    d = dates["pages"]
    print(f"| exact publication day ({d} pages) | {dates['ours'] / d:.1%} | {dates['htmldate'] / d:.1%} | htmldate |")
    print(f"| no date found | {dates['ours_none'] / d:.1%} | {dates['htmldate_none'] / d:.1%} | htmldate |")
    a = authors["pages"]
    print(f"| author, exact ({a} pages) | {authors['ours'] / a:.1%} | {authors['trafilatura'] / a:.1%} | trafilatura |")
    print(f"| crashes | {crashes['ours']} | {crashes['trafilatura'] + crashes['htmldate']} | both |")
    print(f"| seconds | {seconds['ours']:.1f} | {seconds['trafilatura'] + seconds['htmldate']:.1f} | both |")


CORPUS = ROOT / "tests" / "corpus"
READ = (".txt", ".md", ".html", ".htm", ".pdf", ".docx")  # the formats the generator reads


def _fold(text) -> str:
    """For comparing names and titles: case, quotes, dashes, spacing and end punctuation aside."""
    text = str(text or "").translate(str.maketrans("‘’“”«»–—", "''\"\"\"\"--")).casefold()
    return re.sub(r"\W+", " ", text).strip().removeprefix("the ")


def _names_of(name) -> set[str]:
    """A gold name and the short form it gives in brackets: "Синьхуа (Xinhua)" is either."""
    if not name:
        return {_fold(name)}
    m = re.fullmatch(r"(.+?)\s*\((.+)\)", str(name))
    return {_fold(name)} | ({_fold(m.group(1)), _fold(m.group(2))} if m else set())


def _named(found, gold) -> bool:
    """The gold name (or its bracketed short form); a site's address counts for the site when its
    main name is the gold name without spaces ("dailymail.co.uk" for "Daily Mail", "yahoo.com" for
    "Yahoo News"): the reader is shown which site it was."""
    from generator.credits import site_label

    if _fold(found) in _names_of(gold):
        return True
    if not (found and gold and re.fullmatch(r"[\w-]+(?:\.[\w-]+)+", found)):
        return False
    label = re.sub(r"\W", "", site_label(found))
    names = [re.sub(r"\W", "", name) for name in _names_of(gold)]
    return len(label) >= 4 and any(label in name or (len(name) >= 4 and name in label) for name in names)


def corpus_rows(config, with_address: bool = False, folder: Path = CORPUS) -> list[dict]:
    """One row per gold file: what the gold says, what the generator read (with_address: each seed
    filed with the address it came from, the gold's url, in a sidecar)."""
    import yaml

    rows = []
    for gold_file in sorted((folder / "gold").glob("*.yml")):
        gold = yaml.safe_load(gold_file.read_text(encoding="utf-8"))
        path = folder / gold["file"]
        row = {"id": gold_file.stem, "shape": gold["shape"], "gold": gold, "read": path.suffix in READ, "path": path}
        if row["read"]:
            try:
                url = gold.get("url") if with_address else None
                article, _ = generator_reading(path.name, path.read_bytes(), config, url)
            except Exception as exc:  # noqa: BLE001
                print(f"{path.name}: generator: {type(exc).__name__}: {exc}", file=sys.stderr)
                article = None
            row["article"] = article
        rows.append(row)
    return rows


def score(row: dict) -> dict[str, bool | None]:
    """Each field right (True), wrong (False), or not applicable (None)."""
    gold, article = row["gold"], row.get("article")
    if article is None:  # a document not read at all: every line of it is lost, all its furniture counted
        furniture = len(gold.get("furniture") or [])
        lines = sum(1 for line in row["path"].read_text(encoding="utf-8", errors="replace").split("\n")
                    if line.strip()) if gold["shape"] == "web-paste" else 0
        return {"title": False, "publication": False, "authors": False, "date": False,
                "carried_by": False, "interviewee": False,
                "invented_date": False, "inferred_date": False, "furniture_title": False,
                "furniture_left": furniture, "furniture": furniture, "article_lost": lines - furniture if lines else 0}
    meta = article.meta
    stated_title = meta.title.basis not in ("inferred", "none")
    text = {_fold(b.text) for b in article.blocks}
    furniture = [_fold(f) for f in gold.get("furniture") or [] if _fold(f)]
    gold_date = None if gold["date"] is None else str(gold["date"])
    return {
        "title": (_fold(meta.title.value) == _fold(gold["title"]) and stated_title) if gold["title"]
        else not stated_title,
        "publication": _named(meta.publication.value, gold["publication"]),
        "authors": sorted(map(_fold, meta.authors.value)) == sorted(map(_fold, gold["authors"] or [])),
        "date": meta.date.value == gold_date,
        "carried_by": _named(meta.carried_by.value, gold.get("carried_by")),
        "interviewee": _fold(meta.interviewee.value) == _fold(gold.get("interviewee")),
        # a date where the text states none: given as the text's own (invented), or as an inferred year
        "invented_date": gold_date is None and meta.date.value is not None and meta.date.basis != "inferred",
        "inferred_date": gold_date is None and meta.date.value is not None and meta.date.basis == "inferred",
        # furniture taken for the headline (a copy of the headline in a "related" list is furniture too,
        # but the headline itself is not)
        "furniture_title": _fold(meta.title.value) in furniture and _fold(meta.title.value) != _fold(gold["title"]),
        # left when a paragraph is that line, or mostly it (a line joined with a few others)
        # (a line of a few characters, "1" or "X", only when it is a paragraph of its own; a line of
        # four words or more wherever it is, also joined into a longer paragraph)
        "furniture_left": sum(1 for f in furniture if any(
            (f == t) if len(f) < 4 else (f in t and (len(t) <= max(60, 3 * len(f)) or len(f.split()) >= 4))
            for t in text)),
        "article_lost": _article_lost(row, text),
        "furniture": len(furniture),
    }


FIELDS = ("title", "publication", "carried_by", "authors", "interviewee", "date")


def _article_lost(row: dict, text: set[str]) -> int:
    """Lines of a pasted page that the gold does not list as furniture (so article: headline,
    byline, date line, text) and that are neither in the source's text nor in a metadata field."""
    gold, article = row["gold"], row["article"]
    if gold["shape"] != "web-paste":
        return 0
    furniture = {_fold(f) for f in gold.get("furniture") or []}
    meta = article.meta
    kept = " \n ".join(list(text) + [_fold(v) for f in meta.__dataclass_fields__ for v in (
        getattr(meta, f).value if not isinstance(getattr(meta, f).value, tuple) else " ".join(getattr(meta, f).value),
        getattr(meta, f).evidence) if v])
    lines = {_fold(line) for line in row["path"].read_text(encoding="utf-8").split("\n")}
    return sum(1 for line in lines if line and line not in furniture and line not in kept)


def corpus(config, with_address: bool = False, folder: Path = CORPUS) -> None:
    rows = corpus_rows(config, with_address, folder)
    read = [r for r in rows if r["read"]]
    scores = [(r, score(r)) for r in read]
    unread = sorted({r["shape"] for r in rows if not r["read"]})
    where = f"{folder.relative_to(ROOT)}/" if folder.is_relative_to(ROOT) else str(folder)
    print(f"\nReal-world corpus: {len(rows)} documents ({where}), {len(read)} in formats read today"
          + (f" ({', '.join(unread)} not yet)" if unread else "")
          + (", each filed with the address it came from (a sidecar `url:`)" if with_address
             else ", each file alone") + "\n")
    shapes = sorted({r["shape"] for r in read})
    print("| field | all | " + " | ".join(shapes) + " |")
    print("|---|---:|" + "---:|" * len(shapes))
    for field in FIELDS:
        cells = []
        for group in [None] + shapes:
            chosen = [s for r, s in scores if group is None or r["shape"] == group]
            cells.append(f"{sum(bool(s[field]) for s in chosen) / len(chosen):.0%}" if chosen else "—")
        print(f"| {field} | " + " | ".join(cells) + " |")
    print(f"| furniture titles | {sum(s['furniture_title'] for _, s in scores)} | " + " | ".join(
        str(sum(s["furniture_title"] for r, s in scores if r["shape"] == g)) for g in shapes) + " |")
    for key, label in (("invented_date", "invented dates"), ("inferred_date", "inferred years where none is stated")):
        print(f"| {label} | {sum(s[key] for _, s in scores)} | " + " | ".join(
            str(sum(s[key] for r, s in scores if r["shape"] == g)) for g in shapes) + " |")
    left = sum(s["furniture_left"] for _, s in scores)
    total = sum(s.get("furniture", 0) for _, s in scores)
    print(f"| furniture lines left in the text | {left} of {total} | " + " | ".join(
        f"{sum(s['furniture_left'] for r, s in scores if r['shape'] == g)}" for g in shapes) + " |")
    print(f"| article lines lost (pasted pages) | {sum(s['article_lost'] for _, s in scores)} | " + " | ".join(
        f"{sum(s['article_lost'] for r, s in scores if r['shape'] == g)}" for g in shapes) + " |")
    if "--misses" in sys.argv:
        for row, s in scores:
            wrong = [f for f in FIELDS if not s[f]]
            if wrong:
                meta = row["article"].meta if row.get("article") else None
                print(f"{row['id']}: " + "; ".join(
                    f"{f}: {getattr(meta, f).value if meta else None!r} (gold {row['gold'][f]!r})" for f in wrong))


def main() -> None:
    from generator import config as config_mod

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--web", action="store_true")
    parser.add_argument("--corpus", action="store_true")
    parser.add_argument("--misses", action="store_true", help="list every field the generator got wrong")
    parser.add_argument("--folder", type=Path, default=CORPUS,
                        help="a corpus folder of documents and gold/*.yml (default tests/corpus): a held-out set")
    args = parser.parse_args()
    config = config_mod.load(ROOT / "briefing.yml")
    if args.corpus or not args.web:
        corpus(config, folder=args.folder.resolve())
        corpus(config, with_address=True, folder=args.folder.resolve())
    if args.web or not args.corpus:
        web(config)


if __name__ == "__main__":
    main()
