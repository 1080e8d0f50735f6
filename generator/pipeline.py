"""run(): load every seed, process each, aggregate, then write. Reads like the pipeline diagram."""

from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from generator import arrivals
from generator import config as config_mod
from generator.aggregate import build_briefing
from generator.cache import (
    ArticleCache,
    build_digest,
    config_files,
    files_digest,
    forget_last_build,
    pages_inputs_digest,
    read_last_build,
    write_last_build,
)
from generator.clean import clean, structure
from generator.config import Config
from generator.dates import extract_events
from generator.entities import find_actors, matcher_for
from generator.errors import Problem, StrictError
from generator.figures import extract_figures
from generator.metadata import extract_metadata
from generator.models import INFERRED, Article, Briefing, Source
from generator.render import docs_state, iter_files, write, write_arrivals
from generator.safety import collector_paused, forkable_cores, worker_pool
from generator.sources import load_arrivals, load_seeds
from generator.text import word_count
from generator.themes import passed, score_themes

CACHE_DIR = ".cache/briefing"  # git-ignored; safe to delete at any time
STAGING_DIR = ".cache/briefing-pending"  # a write in progress (see render.write); never delete by hand


@dataclass
class Report:
    """What a build did, for the CLI and the MkDocs hook to print."""

    sources: int = 0
    problems: list[Problem] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    briefing: Briefing | None = None  # None when the build found nothing to do (see _up_to_date)
    config: Config | None = None

    def summary(self) -> str:
        c = self.counts
        return (f"{self.sources} sources ({c.get('processed', 0)} processed, {c.get('cached', 0)} from cache) → "
                f"{c.get('written', 0)} files written, {c.get('unchanged', 0)} unchanged, "
                f"{c.get('removed', 0)} removed in {self.seconds:.2f} s; {len(self.problems)} problem(s)"
                + ("; nothing had changed since the last build" if self.briefing is None else ""))


def process(source: Source, config: Config) -> Article:
    """Per-source work: clean → metadata → structure → themes → actors → dates → figures. Pure."""
    cleaned = clean(source.text, pasted=source.fmt in ("txt", "md"))
    meta, body = extract_metadata(source, cleaned.paragraphs,
                                  tuple(text for why, text in cleaned.removed if why == "copyright"))
    blocks = structure(body)
    matcher = matcher_for(config.gazetteer)
    found = {b.anchor: matcher.find_all(b.text) for b in blocks}  # one pass, for themes and actors
    scores = score_themes(blocks, config, meta.title.value if meta.title.basis != INFERRED else "", found)
    mentions, candidates = find_actors(blocks, config.gazetteer, frozenset(term for term, _ in config.glossary), found)
    return Article(
        source=source,
        meta=meta,
        blocks=blocks,
        words=sum(word_count(b.text) for b in blocks),
        themes=passed(scores, config),
        scores=scores,
        mentions=mentions,
        candidates=candidates,
        events=extract_events(blocks, meta.date),
        figures=extract_figures(blocks, meta.title.value if meta.title.basis != INFERRED else "",
                                config.currencies, config.people, config.units),
    )


PARALLEL_FROM = 48  # sources to process before it pays to start worker processes


def process_all(sources: list[Source], config: Config) -> list[Article]:
    """process() every source, in order; across the machine's cores when there are many.

    Workers are forked (they inherit the loaded code and configuration) and each gets sources in
    chunks; results come back in input order, so the output does not depend on scheduling. They
    ignore Ctrl-C (the build ends them) and die with the build, whatever kills it. Only
    from the main thread: `mkdocs serve` rebuilds in a thread of its own, beside its server threads,
    and a fork there could copy a lock another thread holds.
    """
    workers = forkable_cores()
    if len(sources) < PARALLEL_FROM or workers < 2:
        return [process(source, config) for source in sources]
    global _WORKER_CONFIG
    _WORKER_CONFIG = config
    try:
        with worker_pool(workers) as pool:
            return list(pool.imap(_process_in_worker, sources, chunksize=max(1, len(sources) // (workers * 8))))
    finally:
        _WORKER_CONFIG = None


_WORKER_CONFIG: Config | None = None


def _process_in_worker(source: Source) -> Article:
    return process(source, _WORKER_CONFIG)


def gather(config: Config, cache: ArticleCache | None = None, arrived: Mapping[str, str] | None = None,
           day: str | None = None, loaded: tuple[list[Source], list[Problem]] | None = None,
           ) -> tuple[Briefing, list[Problem]]:
    """Everything the site needs, before anything is written; unchanged sources come from the cache.
    `arrived` is arrivals.json's record (when each source was added); a source it lacks was added
    `day` (arrivals.today() when not given). `loaded`: load_seeds()'s result, if already read."""
    sources, problems = loaded if loaded is not None else load_seeds(config.seeds_dir, config.root)
    problems = list(problems)
    with collector_paused():
        found = {i: cache.get(source, config) for i, source in enumerate(sources)} if cache else {}
    missing = [i for i in range(len(sources)) if found.get(i) is None]
    for i, article in zip(missing, process_all([sources[i] for i in missing], config), strict=True):
        found[i] = article
        if cache:
            cache.put(sources[i], article)
    articles = []
    for i, source in enumerate(sources):
        article = found[i]
        if not article.blocks:
            problems.append(Problem(source.path, "no article text left after cleaning; skipped"))
            continue
        articles.append(article)
    problems.extend(_same_titles(articles))
    added = arrivals.assign(arrived or {}, (a.id for a in articles), day or arrivals.today())
    with collector_paused():
        briefing = replace(build_briefing(articles, config, added), inputs_digest=pages_inputs_digest(config))
    return briefing, problems


def _same_titles(articles: list[Article]) -> list[Problem]:
    """Two sources with one title are both kept (their ids differ), but a reader should know."""
    by_title: dict[str, list[str]] = {}
    for article in articles:
        by_title.setdefault(article.meta.title.value.casefold(), []).append(article.source.path)
    return [Problem(paths[0], f"same title as {', '.join(paths[1:])}; both kept, add a sidecar title to tell them apart")
            for paths in by_title.values() if len(paths) > 1]


def run(config_path: Path | str = "briefing.yml", strict: bool = False) -> Report:
    """Generate docs/ from seeds/ as configured in briefing.yml.

    Args:
        config_path: the briefing configuration; seeds/ and docs/ are relative to it.
        strict: raise StrictError after writing when any seed had a problem.
    Returns:
        A Report with counts and every problem found.
    """
    started = time.perf_counter()
    config = config_mod.load(config_path)
    cache = ArticleCache(config.root / CACHE_DIR, config)
    arrived, arrival_problems = load_arrivals(config.root / arrivals.FILE, config.root)
    sources, seed_problems = load_seeds(config.seeds_dir, config.root)
    keys, day = [(s.id, f"{s.path}:{cache.key(s)}") for s in sources], arrivals.today()
    configuration = files_digest(config_files(config.root), config.root)  # read once: used twice below
    digest = build_digest(config, configuration, keys, arrived, day)
    report = _up_to_date(config, digest, len(sources), arrival_problems + seed_problems, started)
    if report is None:
        forget_last_build(cache.folder)
        briefing, problems = gather(config, cache, arrived, day, loaded=(sources, seed_problems))
        # Pages are rendered as they are written; Ctrl-C is held only while docs/ changes (see write()).
        with collector_paused():
            counts, write_problems = write(iter_files(briefing), config.docs_dir, config.root / STAGING_DIR)
        unwritten = []
        if arrived is not None:  # a damaged record is left for a person to mend, never overwritten
            unwritten = write_arrivals(config.root / arrivals.FILE, briefing.added, arrivals.FILE)
            arrival_problems += unwritten
        cache.prune()
        built = problems[len(seed_problems):] + write_problems  # gather's own (its list starts with the seeds')
        problems = arrival_problems + problems + write_problems
        counts = {**counts, "processed": cache.misses, "cached": cache.hits}
        report = Report(len(briefing.articles), problems, counts, time.perf_counter() - started, briefing, config)
        if arrived is not None and not unwritten:  # the next build reads the record as now written
            digest = build_digest(config, configuration, keys, dict(briefing.added), day)
        if (state := docs_state(config.docs_dir)) is not None and not write_problems and not unwritten:
            write_last_build(cache.folder, {"digest": digest, "docs": state, "articles": report.sources,
                                            "files": counts["written"] + counts["unchanged"],
                                            "problems": [[p.path, p.message, p.key] for p in built]})
    if strict and report.problems:
        raise StrictError(f"{len(report.problems)} problem(s) with --strict:\n" + "\n".join(report.problems))
    return report


def _up_to_date(config: Config, digest: str, sources: int, problems: list[Problem], started: float) -> Report | None:
    """The report of the last build when nothing it was made from has changed and docs/ is as it left
    it (no file of it edited or deleted, no write pending): then there is nothing to do. Else None."""
    last = read_last_build(config.root / CACHE_DIR)
    if (last.get("digest") != digest or (config.root / STAGING_DIR).exists()
            or docs_state(config.docs_dir) != last.get("docs")):
        return None
    try:
        built = [Problem(path, message, key) for path, message, key in last["problems"]]
        articles, files = int(last["articles"]), int(last["files"])
    except (KeyError, TypeError, ValueError):
        return None
    counts = {"written": 0, "unchanged": files, "removed": 0, "processed": 0, "cached": sources}
    return Report(articles, problems + built, counts, time.perf_counter() - started, None, config)
