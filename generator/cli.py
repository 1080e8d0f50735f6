"""Command line: `briefing init`, `build`, `add`, `check`, `entities`. Thin: parse, call the pipeline, report."""

from __future__ import annotations

import argparse
import gc
import logging
import shutil
import sys
import time
from pathlib import Path

from generator import __version__
from generator.errors import BriefingError, Problem


def cmd_build(args: argparse.Namespace) -> int:
    """Generate the pages from seeds/ and build the site into site/ with MkDocs.

    With --offline, build instead a copy into site-offline/ that works when opened from the file
    system (search included): zip it and hand it over.

    Example: briefing build --strict
    """
    from generator import pipeline
    from generator.safety import build_lock

    root = Path(args.config).resolve().parent
    with build_lock(root):  # a second build waits for this one
        report = pipeline.run(args.config, strict=args.strict)
        _print_problems(report.problems)
        print(f"briefing: {report.summary()}", file=sys.stderr)
        if args.no_site:
            return 0
        sources = report.sources
        del report  # the briefing's records are not needed by MkDocs: free them before it runs
        gc.collect()
        mkdocs_yml = root / "mkdocs.yml"
        if args.offline:
            return _mkdocs_build(mkdocs_yml, args.strict, args.site_dir or str(root / "site-offline"),
                                 sources, offline=True)
        return _mkdocs_build(mkdocs_yml, args.strict, args.site_dir, sources)


def cmd_init(args: argparse.Namespace) -> int:
    """Start a new briefing in DIR: briefing.yml (title, description, one example theme, each key
    explained), an empty gazetteer.yml, mkdocs.yml, seeds/ and docs/ with a neutral About page. It
    builds at once; add articles with `briefing add`. DIR must be new or empty: nothing is overwritten.

    Example: briefing init arctic-watch --title "Arctic shipping watch"
    """
    import os
    import tempfile

    target = Path(args.dir).resolve()
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise BriefingError(f"{args.dir}: not an empty folder; briefing init writes only into a new or empty one")
    project = Path(__file__).resolve().parent.parent  # the generator's own folder (an editable install)
    needed = [project / "mkdocs.yml", project / "overrides", project / "docs" / "assets"]
    if not all(p.exists() for p in needed):
        raise BriefingError(f"briefing init copies the site's theme from the generator's folder, not found at {project} "
                            "(install the generator from its folder: pip install -e .)")
    starter = Path(__file__).resolve().parent / "starter"
    title = " ".join((args.title or target.name.replace("-", " ").replace("_", " ").capitalize()).split())
    description = " ".join((args.description or f"What the sources say about {title}.").split())
    target.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{target.name}-", dir=target.parent))  # all or nothing: renamed at the end
    umask = os.umask(0)
    os.umask(umask)
    work.chmod(0o777 & ~umask)  # as a folder made by hand (mkdtemp's is private)
    try:
        quoted = {"__TITLE__": _yaml_text(title), "__DESCRIPTION__": description}
        text = (starter / "briefing.yml").read_text(encoding="utf-8")
        for key, value in quoted.items():
            text = text.replace(key, value)
        (work / "briefing.yml").write_text(text, encoding="utf-8")
        shutil.copy(starter / "gazetteer.yml", work / "gazetteer.yml")
        shutil.copy(starter / "gitignore", work / ".gitignore")
        mkdocs = (project / "mkdocs.yml").read_text(encoding="utf-8")
        # the hook is the installed generator's: named by its full path, so the project may live anywhere
        mkdocs = mkdocs.replace("  - generator/hooks.py", f"  - {(project / 'generator' / 'hooks.py').as_posix()}")
        (work / "mkdocs.yml").write_text(mkdocs, encoding="utf-8")
        shutil.copytree(project / "overrides", work / "overrides")
        shutil.copytree(project / "docs" / "assets", work / "docs" / "assets")
        shutil.copy(starter / "about.md", work / "docs" / "about.md")
        (work / "seeds").mkdir()
        if target.exists():
            target.rmdir()
        os.replace(work, target)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    print(f"briefing: a new briefing in {target}: edit briefing.yml (its themes) and gazetteer.yml, "
          f"add articles with `briefing add FILE-OR-URL`, then `briefing build`", file=sys.stderr)
    return 0


def _yaml_text(text: str) -> str:
    """A title as a YAML scalar that reads back as itself."""
    import json

    return json.dumps(text, ensure_ascii=False)  # a JSON string is a YAML string


def cmd_check(args: argparse.Namespace) -> int:
    """Validate briefing.yml, seeds and sidecars without writing anything; print every problem.

    Example: briefing check
    """
    from generator import config as config_mod
    from generator.pipeline import gather

    briefing, problems = gather(config_mod.load(args.config))
    _print_problems(problems)
    print(f"briefing: {len(briefing.articles)} sources readable, {len(problems)} problem(s)", file=sys.stderr)
    return 1 if problems else 0


def cmd_entities(args: argparse.Namespace) -> int:
    """List the actors found in the sources; with --unreviewed, only names the gazetteer lacks,
    printed as gazetteer entries ready to paste into gazetteer.yml (or its `ignore` list).

    Example: briefing entities --unreviewed >> review.yml
    """
    import yaml

    from generator import config as config_mod
    from generator.cache import ArticleCache
    from generator.pipeline import CACHE_DIR, gather

    config = config_mod.load(args.config)
    briefing, problems = gather(config, ArticleCache(config.root / CACHE_DIR, config))
    _print_problems(problems)
    paths = {a.id: a.source.path for a in briefing.articles}
    chosen = [e for e in briefing.entities if not (args.unreviewed and e.entity.reviewed)]
    chosen.sort(key=lambda e: (-len(e.mentions), e.entity.name.casefold()))
    if args.unreviewed:
        print(f"# {len(chosen)} name(s) found in the sources that the gazetteer does not know.")
        print("# Paste an entry under `entities:` (fix its kind and aliases), or its name under `ignore:`.")
    for summary in chosen:
        e = summary.entity
        if args.unreviewed:
            entry = {"name": e.name, "kind": e.kind, **({"aliases": list(e.aliases)} if e.aliases else {})}
            article_id, first = summary.mentions[0]
            print(f"\n# {len(summary.mentions)} mention(s) in {len(summary.sources)} source(s); "
                  f"first in {paths[article_id]} ¶ {first.anchor.split('-')[-1]}; seen as: {', '.join(e.signals)}")
            print(yaml.safe_dump([entry], allow_unicode=True, sort_keys=False, width=1000), end="")
        else:
            mark = "" if e.reviewed else "  (unreviewed)"
            print(f"{e.id}\t{e.kind}\t{len(summary.mentions)} mentions\t{len(summary.sources)} sources\t{e.name}{mark}")
    print(f"briefing: {len(chosen)} {'unreviewed name(s)' if args.unreviewed else 'actor(s)'}", file=sys.stderr)
    return 0


def cmd_add(args: argparse.Namespace) -> int:
    """Copy articles into seeds/ under safe, unique names, then rebuild the site.

    Each PATH is a file, a folder (its seed files), or an http(s) address: the page, text, PDF or
    Word document there is downloaded (redirects followed, 5 MB at most), named after the page,
    and its address written to its sidecar. A file whose content is already in seeds/ is not added
    twice (with options, its sidecar is updated instead); a different file with the same name is
    kept beside it (name-2.txt). The options write a sidecar and need a single article.

    Example: briefing add ~/Downloads/kommersant.txt --date 2015-04-03 --publication Kommersant
             briefing add https://example.org/2024/05/border-report
    """
    from generator import config as config_mod
    from generator.ingest import add
    from generator.safety import build_lock

    config = config_mod.load(args.config)
    fields = {"title": args.title, "date": args.date, "publication": args.publication, "url": args.url}
    with build_lock(config.root):  # two adds at once: one after the other, so each sees the other's files
        added, problems = add(args.paths, config.seeds_dir, {k: v for k, v in fields.items() if v},
                              **({"timeout": args.timeout} if args.timeout else {}))
    for line in added:
        print(_shown(line if line.startswith("updated: ") else f"added: {line}"), file=sys.stderr)
    _print_problems(problems)
    if not added or args.no_build:
        return 1 if problems and not added else 0
    return cmd_build(args)


def _mkdocs_build(mkdocs_yml: Path, strict: bool, site_dir: str | None, sources: int, offline: bool = False) -> int:
    """MkDocs builds into a fresh folder beside the site, swapped in only once it is complete.

    The hook is told, in MkDocs' configuration, that the pages are generated and how many sources
    there are (`extra.briefing_generated`); the offline copy is Material's offline plugin, enabled.
    """
    import tempfile

    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    from generator.cache import record_site, site_inputs_digest, site_stamp, tree_state
    from generator.safety import recover_site, swap_in

    # MkDocs' strict-mode counter becomes the logger's only handler: without one of our own, the
    # warning that made the build fail would not be printed.
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("mkdocs: %(levelname)s: %(message)s"))
    handler.setLevel(logging.WARNING)
    logging.getLogger("mkdocs").addHandler(handler)
    try:
        cfg = load_config(str(mkdocs_yml), strict=strict, **({"site_dir": site_dir} if site_dir else {}))
        cfg.extra["briefing_generated"] = {"sources": sources}  # the hook need not generate again
        if offline:
            plugin = cfg.plugins.get("material/offline")
            if plugin is None:
                print("mkdocs: --offline needs Material's offline plugin in mkdocs.yml (plugins: - offline)",
                      file=sys.stderr)
                return 1
            plugin.config.enabled = True
        final = Path(cfg["site_dir"])
        final.parent.mkdir(parents=True, exist_ok=True)
        for line in recover_site(final):  # under the build lock: what is there was left by a dead build
            print(f"briefing: {line}", file=sys.stderr)
        stamps = mkdocs_yml.parent / ".cache" / "briefing"
        custom = cfg["theme"].custom_dir
        inputs = site_inputs_digest(Path(cfg["docs_dir"]), Path(custom) if custom else None, mkdocs_yml.parent,
                                    (strict, offline))
        stamp = site_stamp(stamps, final.resolve())
        as_recorded = bool(stamp) and stamp[1:] == [tree_state(final)]  # site/ as the last build left it
        if as_recorded and stamp[0] == inputs:
            print(f"briefing: {final} is up to date: nothing it is built from has changed (MkDocs not run)",
                  file=sys.stderr)
            return 0
        from generator import reuse, search

        started = time.perf_counter()
        # the pages that cannot have changed are left as they were (generator/reuse.py): MkDocs' dirty mode
        dirty = reuse.begin(stamps, final.resolve(), as_recorded)
        record_site(stamps, final.resolve(), None)
        staging = Path(tempfile.mkdtemp(prefix=f".{final.name}.new-", dir=final.parent))
        cfg["site_dir"] = str(staging)
        search.forget_last()
        try:
            build(cfg, dirty=dirty)
            swap_in(staging, final)
            record_site(stamps, final.resolve(), [inputs, tree_state(final)])
            reuse.save(stamps, final.resolve())
        finally:
            shutil.rmtree(staging, ignore_errors=True)
            reuse_summary = reuse.last_summary()
            reuse.close()
    except MkDocsException as exc:
        print(f"mkdocs: {exc}", file=sys.stderr)
        return 1
    finally:
        logging.getLogger("mkdocs").removeHandler(handler)
    from generator import render_cache

    if reuse_summary:
        print(f"briefing: {reuse_summary}", file=sys.stderr)
    if render_cache.last_summary():
        print(f"briefing: {render_cache.last_summary()}", file=sys.stderr)
    if search.last_summary():
        print(f"briefing: search index: {search.last_summary()}", file=sys.stderr)
    # MkDocs' time is the build's but the search index's (run by the hook at its end)
    seconds, indexing = time.perf_counter() - started, search.last_seconds()
    print(f"briefing: site built in {final}: MkDocs {seconds - indexing:.2f} s, search index {indexing:.2f} s",
          file=sys.stderr)
    return 0


def _print_problems(problems: list[Problem]) -> None:
    for problem in problems:
        print(f"warning: {_shown(problem)}", file=sys.stderr)


def _shown(message: str) -> str:
    """A message as a terminal will show it, never obey it (no escape sequences, one line)."""
    from generator.untrusted import visible

    return " ".join(visible(message).split())


def parser() -> argparse.ArgumentParser:
    """The command line: briefing init | build | add | check | entities, each with its help."""
    top = argparse.ArgumentParser(
        prog="briefing",
        description="Turn the articles in seeds/ into a searchable briefing site.",
        epilog="Quick start: `briefing build`, then open site/index.html, or `make serve`.",
    )
    top.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = top.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, func in (("init", cmd_init), ("build", cmd_build), ("add", cmd_add), ("check", cmd_check),
                       ("entities", cmd_entities)):
        doc = (func.__doc__ or "").strip()
        p = sub.add_parser(name, help=doc.splitlines()[0], description=doc,
                           formatter_class=argparse.RawDescriptionHelpFormatter)
        p.add_argument("--config", default="briefing.yml", help="the briefing configuration (default: %(default)s)")
        p.set_defaults(func=func)
        if name == "build":
            p.add_argument("--strict", action="store_true",
                           help="fail (exit 1) when any seed has a problem or MkDocs warns")
            p.add_argument("--no-site", action="store_true", help="generate docs/ only; do not run MkDocs")
            p.add_argument("--site-dir", default=None, help="build the site here instead of site/")
            p.add_argument("--offline", action="store_true",
                           help="build a copy that works from file:// into site-offline/ (or --site-dir)")
        if name == "init":
            p.add_argument("dir", metavar="DIR", help="the new briefing's folder (new, or empty)")
            p.add_argument("--title", help="the briefing's name (default: the folder's)")
            p.add_argument("--description", help="a sentence on what it covers")
        if name == "entities":
            p.add_argument("--unreviewed", action="store_true",
                           help="only names not in the gazetteer, as entries ready to paste")
        if name == "add":
            p.add_argument("paths", nargs="+", metavar="PATH",
                           help="article files (.txt, .md, .html, .pdf, .docx), folders, or http(s) addresses")
            p.add_argument("--timeout", type=float, metavar="SECONDS",  # ingest is imported only by `add`
                           help="how long a server may take to answer (default: 20 s, ingest.TIMEOUT)")
            for field in ("title", "date", "publication", "url"):
                p.add_argument(f"--{field}", help=f"the article's {field} (written to its sidecar)")
            p.add_argument("--strict", action="store_true", help="fail when any seed has a problem")
            p.add_argument("--no-build", action="store_true", help="only copy; do not rebuild")
            p.set_defaults(no_site=False, offline=False, site_dir=None)  # what cmd_build reads
    return top


def main(argv: list[str] | None = None) -> int:
    """Run one command; a briefing error is printed as its lines, and the exit status says how it went."""
    args = parser().parse_args(argv)
    try:
        return args.func(args)
    except BriefingError as exc:
        for line in str(exc).splitlines():
            print(f"error: {_shown(line)}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # `briefing entities | head`
        sys.stderr.close()
        return 0
    except OSError as exc:  # the disk is full, a folder is read-only...: the last good output stays
        from generator.untrusted import display_path

        where = f" ({display_path(exc.filename)})" if exc.filename else ""
        print(f"error: {_shown(exc.strerror or str(exc))}{where}; docs/ and site/ keep their last complete "
              "version", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("interrupted; docs/ keeps its last complete files", file=sys.stderr)
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
