"""Select the saved web pages of tests/corpus/webpages/ from the public benchmark sets of trafilatura
and htmldate, with those projects' own gold, and compress them (xz).

Needs the two repositories fetched (the session tool `fetch`: github:adbar/trafilatura and
github:adbar/htmldate) into /work/.mirror; run once, the result is committed:

    python benchmarks/make_webpages.py

The sample is deterministic: every page whose file is there, sorted by URL, every k-th one.
"""

from __future__ import annotations

import json
import lzma
import math
import subprocess
import sys
from pathlib import Path

MIRRORS = Path("/work/.mirror")
OUT = Path(__file__).resolve().parent.parent / "tests" / "corpus" / "webpages"
SETS = {
    # name: (repository, commit-ish, gold file, folders with the pages, pages to take)
    "trafilatura": ("adbar+trafilatura", "HEAD", "tests/evaldata.json", ("tests/eval", "tests/cache"), 200),
    "htmldate": ("adbar+htmldate", "HEAD", "tests/eval_default.json", ("tests/eval", "tests/cache"), 200),
}
KEEP = {"trafilatura": ("with", "without", "author", "title", "date", "sitename"), "htmldate": ("date",)}


def git(repo: str, *args: str) -> bytes:
    return subprocess.run(["git", "-C", str(MIRRORS / repo / "repo"), *args], check=True, capture_output=True).stdout


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    gold: dict[str, dict] = {}
    taken_files: set[str] = set()
    for name, (repo, rev, gold_path, folders, count) in SETS.items():
        commit = git(repo, "rev-parse", rev).decode().strip()
        data = json.loads(git(repo, "show", f"{commit}:{gold_path}"))
        present = {}
        for folder in folders:
            for line in git(repo, "ls-tree", "--name-only", f"{commit}:{folder}").decode().splitlines():
                present.setdefault(line, f"{folder}/{line}")
        usable = sorted(url for url, item in data.items() if item.get("file") in present
                        and not (isinstance(item.get("date"), float) and math.isnan(item["date"])))
        step = max(1, len(usable) // count)
        for url in usable[::step][:count]:
            item = data[url]
            path = present[item["file"]]
            page = git(repo, "show", f"{commit}:{path}")
            key = f"{name}-{len(gold):03d}"
            if item["file"] in taken_files:
                continue
            taken_files.add(item["file"])
            (OUT / f"{key}.html.xz").write_bytes(lzma.compress(page, preset=9 | lzma.PRESET_EXTREME))
            gold[key] = {"set": name, "url": url, "source": f"{repo.replace('+', '/')}@{commit[:12]}:{path}",
                         **{k: item[k] for k in KEEP[name] if k in item}}
    (OUT / "gold.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1, sort_keys=True) + "\n",
                                   encoding="utf-8")
    size = sum(p.stat().st_size for p in OUT.glob("*.xz"))
    print(f"{len(gold)} pages, {size / 1e6:.1f} MB compressed", file=sys.stderr)


if __name__ == "__main__":
    main()
