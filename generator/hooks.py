"""MkDocs hook: generate the pages before MkDocs reads docs/, and put the themes in the nav.

A thin adapter: all the work is in pipeline.run(). Listed in mkdocs.yml under `hooks:`, so
`mkdocs build` and `mkdocs serve` regenerate too (serve also watches seeds/ and briefing.yml).
"""

from __future__ import annotations

import gzip
import html
import logging
import os
import posixpath
import re
from pathlib import Path

from mkdocs.exceptions import PluginError

from generator import config as config_mod
from generator import pipeline, render_cache, reuse
from generator.cache import config_files
from generator.config import SOURCES_PER_BUNDLE
from generator.errors import BriefingError
from generator.markdown_text import page_url
from generator.pages import navigation
from generator.pages.glossary import abbreviations
from generator.safety import build_lock

log = logging.getLogger("mkdocs.briefing")
VENDORED_SHIM = "assets/vendor/iframe-worker-shim.js"
_abbreviations = ""  # the glossary as abbreviation definitions, set in on_config
_per_bundle = SOURCES_PER_BUNDLE  # search.sources_per_bundle, set in on_config
SEARCH_CACHE = ".cache/briefing-search"  # each bundle of the search index, under its pages' digest


def on_config(config, **kwargs):
    """Generate the pages (unless `briefing build` has), then set the site's name, the nav, the search
    box and the glossary from briefing.yml."""
    global _abbreviations, _per_bundle
    briefing_yml = Path(config.config_file_path).resolve().parent / "briefing.yml"
    try:
        generated = config.extra.get("briefing_generated")  # set by `briefing build`, which has generated
        if isinstance(generated, dict):
            briefing_config, sources = config_mod.load(briefing_yml), int(generated.get("sources", 0))
        else:
            with build_lock(briefing_yml.parent):
                report = pipeline.run(briefing_yml)
            for problem in report.problems:
                log.warning(problem)
            log.info("briefing: %s", report.summary())
            briefing_config, sources = report.config, report.sources
    except BriefingError as exc:
        raise PluginError(str(exc)) from None
    _abbreviations = abbreviations(briefing_config.glossary)
    _per_bundle = briefing_config.sources_per_bundle
    # The site's name and description are the briefing's, said once in briefing.yml (mkdocs.yml's are
    # placeholders); escaped, as MkDocs and Material put them into the page as they are.
    config.site_name = html.escape(" ".join(briefing_config.title.split()), quote=True)
    if briefing_config.description:
        config.site_description = html.escape(" ".join(briefing_config.description.split()), quote=True)
    _choose_search_box(config, briefing_config, sources)
    config.nav = _navigation(config.nav or [], briefing_config.themes)
    # Material's offline plugin (briefing build --offline) loads a search shim from a CDN; the copy
    # vendored in docs/assets/vendor/ (iframe-worker 1.0.4, MIT) keeps the offline site offline.
    polyfills = config.extra.get("polyfills") or []
    config.extra["polyfills"] = [VENDORED_SHIM if "iframe-worker" in str(url) else url for url in polyfills]
    if os.environ.get("BRIEFING_RENDER_CACHE", "1") != "0":  # 0: convert every page (benchmarks compare)
        render_cache.install(briefing_yml.parent, parallel=reuse.in_briefing_build())
    return config


def _offline(config) -> bool:
    """Is this the offline copy? Asked of Material's offline plugin itself (`briefing build --offline`
    enables it; mkdocs.yml, from BRIEFING_OFFLINE, for `mkdocs build`), not of the environment."""
    plugin = config.plugins.get("material/offline")
    return bool(plugin and plugin.config.enabled)


def _choose_search_box(config, briefing_config, count: int) -> None:
    """Material's search box while the briefing is small; above search.material_box_up_to sources the
    box sends the query to the Pagefind page (find/), and Material builds no index.

    Material's index is one file the browser loads and parses whole before the first answer (5 s at
    1,000 sources on a 2-core machine) and its build parses every page (a third of MkDocs' time);
    Pagefind loads only the chunks a query needs. The offline copy always keeps Material's search:
    it is the one that works from file://.
    """
    offline = _offline(config)
    material = config.plugins.get("material/search")
    if offline or material is None or count <= briefing_config.material_box_up_to:
        return
    material.config.enabled = False
    config.extra["briefing_find_box"] = True
    log.info("briefing: %d sources (more than search.material_box_up_to = %d): the search box uses the "
             "search page (Pagefind)", count, briefing_config.material_box_up_to)


def on_serve(server, config, builder, **kwargs):
    """`mkdocs serve` also rebuilds when any other configuration file beside briefing.yml changes
    (gazetteer.yml, an included glossary): mkdocs.yml's watch list names only seeds/ and briefing.yml."""
    root = Path(config.config_file_path).resolve().parent
    for path in config_files(root):
        server.watch(str(path))
    return server


def on_files(files, config, **kwargs):
    """`briefing build` leaves the pages that cannot have changed as they were (reuse.py)."""
    reuse.mark(files, config, _abbreviations)
    return files


_nav = None  # this build's nav (on_env is not given it)


def on_nav(nav, config, files, **kwargs):
    """The nav kept for on_env (reuse.settle compares it with the previous build's); the pages MkDocs
    is about to read and convert, converted ahead across the cores when there are many."""
    global _nav
    _nav = nav
    render_cache.convert_ahead(files, config, [f for f in files.documentation_pages() if not reuse.left(f)],
                               changed=reuse.leaves_pages())
    return nav


def on_env(env, config, files, **kwargs):
    """The page template served from the render cache where its context is unchanged; the pages left
    as they were linked from the previous site (or built after all, when the nav changed)."""
    reuse.settle(config, files, _nav)
    return render_cache.wrap_templates(env, config)


def on_post_build(config, **kwargs):
    """Index the finished site with Pagefind for the filtered search page (not for the offline copy:
    Pagefind needs a web server; there the search box, Material's own search, works)."""
    _reproducible_sitemap(Path(config.site_dir))
    reuse.collect(config)
    done = render_cache.finish()
    if done:
        log.info("briefing: %s", done)
    if _offline(config):
        return
    from generator.search import build_index

    try:
        root = Path(config.config_file_path).resolve().parent
        log.info("briefing: pagefind: %s", build_index(Path(config.site_dir), root / SEARCH_CACHE, _per_bundle))
    except BriefingError as exc:
        raise PluginError(str(exc)) from None


def _reproducible_sitemap(site_dir: Path) -> None:
    """MkDocs gzips sitemap.xml with the time of the build in the gzip header, so the site differed
    from day to day with the same seeds: the same bytes, compressed with no time."""
    plain, packed = site_dir / "sitemap.xml", site_dir / "sitemap.xml.gz"
    if plain.is_file() and packed.is_file():
        packed.write_bytes(gzip.compress(plain.read_bytes(), mtime=0))


def on_build_error(error, **kwargs):
    """A failed build leaves MkDocs as it found it (the render cache keeps what it had written)."""
    render_cache.close()


def on_page_markdown(markdown, **kwargs):
    """Glossary tooltips on every page, hand-written ones included (Material's abbreviations)."""
    return markdown + _abbreviations


# A relative link ending in '/' (maybe with an #anchor): how the generated raw HTML links to a page.
DIRECTORY_LINK = re.compile(r'href="((?![a-zA-Z][a-zA-Z0-9+.-]*:)[^"#/][^"#]*/)(#[^"]*)?"')


def on_page_content(html_text, page, config, files, **kwargs):
    """The generated pages write long lists as raw HTML with directory links (sources/x/, see
    pages.title_html), which MkDocs does not rewrite. Where pages are files instead (the offline
    copy: Material's offline plugin turns use_directory_urls off), point them at the files."""
    if config.use_directory_urls:
        return html_text
    base = page_url(page.file.src_uri) or "."

    def to_file(match: re.Match) -> str:
        target = posixpath.normpath(posixpath.join(base, match.group(1)))
        target = "" if target == "." else target
        file = files.get_file_from_path(f"{target}.md" if target else "index.md") or \
            files.get_file_from_path(f"{target}/index.md")
        if file is None:
            return match.group(0)
        return f'href="{file.url_relative_to(page.file)}{match.group(2) or ""}"'

    return DIRECTORY_LINK.sub(to_file, html_text)


def _navigation(own: list, themes) -> list:
    """The generated pages' entries (generator.pages.FAMILIES, in order), then the entries of
    mkdocs.yml; a generated page that mkdocs.yml names keeps the place it has there."""
    named = {_page_of(item) for item in own}
    generated = [{title: page} for title, page in navigation() if page not in named]
    return [_expand_themes(item, themes) for item in generated + list(own)]


def _page_of(item) -> str | None:
    """The page a nav entry names ('about.md' or {'About': 'about.md'}); None for a section."""
    if isinstance(item, dict) and len(item) == 1:
        item = next(iter(item.values()))
    return item if isinstance(item, str) else None


def _expand_themes(item, themes):
    """Nav entry `Themes: themes/index.md` → a section: the index, then one page per theme."""
    if isinstance(item, dict) and item.get("Themes") == "themes/index.md":
        # Nav titles go into the HTML unescaped, like page titles.
        return {"Themes": ["themes/index.md"] + [{html.escape(t.title): f"themes/{t.id}.md"} for t in themes]}
    return item
