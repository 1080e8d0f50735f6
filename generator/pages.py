"""Records → Markdown pages. Pure: returns text; render.py writes it."""

from __future__ import annotations

import html
import unicodedata
from urllib.parse import quote

from generator.aggregate import newest_first
from generator.markdown_text import (attr, cell, front_matter, href, html_text, human_date, md,
                                     usable_abbreviation)
from generator.entities import context
from generator.models import INFERRED, METADATA, NONE, SIDECAR, STATED, Article, Briefing, EntitySummary, ThemeSummary
from generator.text import sentence_at, sentences

BASIS_LABEL = {STATED: "stated in the text", INFERRED: "inferred", SIDECAR: "from the sidecar file",
               METADATA: "from the document's metadata",
               NONE: "not found"}
NEWEST = 5
QUOTED_SOURCES = 20  # an actor page quotes its mentions in the newest 20 sources, then lists the others
LISTED_SOURCES = 200  # ... up to this many; past that, the count and where to find them (linear page size)
SPLIT_FROM = 1000  # sources (index) or dated events (timeline) from which a list gets one page per year
THEME_SOURCES = 200  # a theme page lists its newest sources; "Sources by theme" lists them all
EVENTS_PER_SOURCE = 300  # dated events one source can put on the timeline pages (timeline.csv has all)
QUOTES_PER_SOURCE = 50  # sentences an actor page quotes from one source, then a count and a link
UNDATED_LISTED = 1000  # events the timeline lists under "could not be resolved"; briefing.json has all
THEME_DIFFERENCES = 10  # a theme page shows this many disagreements; "Where sources differ" has all
DIFFERENCES_SPLIT_FROM = 200  # disagreements from which that page gets one page per year
URL_SAFE = ":/?#@!$&*+,;=%~-._"  # kept as they are in a link; quotes, brackets and spaces are escaped
# How kinds are titled on the index, in this order; any other kind follows, titled as written.
KIND_TITLES = {"person": "People", "organisation": "Organisations", "country": "Countries", "place": "Places",
               "military unit": "Military units", "armed group": "Armed groups", "media": "Media",
               "event": "Events", "unclassified": "Not yet classified"}
SIGNAL_LABELS = {"title": "after a title (“President …”)", "multi": "several capitalised words",
                 "multi-initial": "several capitalised words at a sentence start",
                 "acronym": "an expansion with its acronym", "speaker": "followed by “said”, “told” …",
                 "place": "after “in”, “from” …", "noun": "used as a name", "initial": "at a sentence start",
                 "adjective": "before a noun", "alias": "an acronym given with its expansion"}


def original_name(article: Article) -> str:
    """The original file's name in the site: .txt for text, so an HTML seed is shown, never run; a PDF
    or Word document as itself."""
    fmt = article.source.fmt
    if fmt in ("pdf", "docx"):
        return f"{article.id}.{fmt}"
    return f"{article.id}.txt" if fmt == "txt" else f"{article.id}.{fmt}.txt"


def title_link(article: Article, href: str) -> str:
    """A link to a source; a title the source did not state (its first sentence) is in italics."""
    link = f"[{md(article.meta.title.value)}]({href})"
    return f"*{link}*" if article.meta.title.basis in (INFERRED, NONE) else link


def date_label(article: Article) -> str:
    date = article.meta.date
    label = human_date(date.value)
    return f"{label} (inferred)" if date.value and date.basis == INFERRED else label


def source_page(article: Article, briefing: Briefing) -> str:
    """One source: metadata panel with provenance, then the cleaned text with paragraph anchors."""
    meta = article.meta
    titles = {t.id: t.title for t in briefing.config.themes}
    head = {
        "title": attr(meta.title.value),
        "description": attr(meta.summary.value or _first_sentence(article)),
        "tags": [attr(titles[t]) for t in article.theme_ids],
        "source_id": article.id,
    }
    out = [front_matter(head), f"# {md(meta.title.value)}\n\n"]
    filters = [("kind", "Source")] + [("theme", titles[t]) for t in article.theme_ids]
    filters += [("publication", meta.publication.value)] if meta.publication.value else []
    filters += [("year", meta.date.value[:4])] if meta.date.value else []
    out.append(search_filters(filters))
    if meta.subtitle.value:
        out.append(f"*{md(meta.subtitle.value)}*\n\n")
    if meta.summary.value:
        out.append(f"> {md(meta.summary.value)}\n\n")
    out.append('!!! abstract "About this source"\n\n')
    # A list, not a table: it stays readable on a phone. Provenance follows each value, muted.
    for label, value, field in _panel_rows(article, titles):
        how = BASIS_LABEL.get(field.basis, field.basis) if field else ""
        if field and field.evidence and field.basis != NONE:
            # Stated fields quote the words that showed them; the title's evidence says where it stood.
            quoted = field.basis == STATED and field is not article.meta.title
            how += f": “{md(field.evidence[:160])}”" if quoted else f" ({md(field.evidence[:200])})"
        # data-search-exclude: provenance repeats words of the text; keep it out of search results.
        provenance = f' <span class="provenance" data-search-exclude>{how}</span>' if how else ""
        out.append(f"    - **{label}:** {value}{provenance}\n")
    out.append("\n")
    out.append(_why_themes(article, titles))
    out.append(_actors_block(article, briefing))
    glossary = briefing.config.glossary
    for block in article.blocks:
        # Paragraphs as raw HTML blocks, escaped: Markdown passes them through untouched (fast at scale);
        # headings stay Markdown so that they make the page's table of contents.
        rtl = right_to_left(block.text)
        if block.kind == "heading":
            out.append(f"## {md(block.text)} {{ #{block.anchor}{' dir=rtl' if rtl else ''} }}\n\n")
        elif block.kind == "question":
            out.append(f'<p id="{block.anchor}" class="question"{DIR_RTL if rtl else ""}><strong>'
                       f"{html_text(block.text, glossary)}</strong></p>\n\n")
        else:
            out.append(f'<p id="{block.anchor}"{DIR_RTL if rtl else ""}>{html_text(block.text, glossary)}</p>\n\n')
    return "".join(out)


DIR_RTL = ' dir="rtl"'


def right_to_left(text: str) -> bool:
    """Does the text start in a right-to-left script (Arabic, Persian, Hebrew...)? Its paragraph
    is then set right to left, aligned right, as its readers read it."""
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in ("R", "AL"):
            return True
        if kind == "L":
            return False
    return False


def _why_themes(article: Article, titles: dict[str, str]) -> str:
    """A folded note: each theme's score, the terms found, and the paragraphs that weigh most."""
    if not any(m.score for m in article.scores):
        return ""
    passed = set(article.theme_ids)
    lines = ['??? note "Why these themes"\n\n']
    for match in article.scores:
        if not match.score:
            continue
        verdict = "belongs" if match.theme in passed else "below the threshold"
        terms = ", ".join(f"{md(term)} ×{count}" for term, count in match.terms)
        anchors = list(dict.fromkeys(e.anchor for e in match.evidence))[:5]
        where = ", ".join(f"[¶ {a.split('-')[-1]}](#{a})" for a in anchors)
        lines.append(f"    - **{md(titles[match.theme])}**: score {match.score:g}, {verdict}. "
                     f"Terms: {terms}. Strongest in {where}.\n")
    return "".join(lines) + "\n"


def _actors_block(article: Article, briefing: Briefing) -> str:
    """A folded list of the people, organisations and places the source names, by kind, linked."""
    counts: dict[str, int] = {}
    for m in briefing.mentions.get(article.id, ()):
        counts[m.entity] = counts.get(m.entity, 0) + 1
    if not counts:
        return ""
    by_kind: dict[str, list[str]] = {}
    page = f"sources/{article.id}.md"
    for entity_id, n in sorted(counts.items(), key=lambda kv: (-kv[1], briefing.entity(kv[0]).entity.name)):
        entity = briefing.entity(entity_id).entity
        mark = " (to review)" if not entity.reviewed else ""
        by_kind.setdefault(entity.kind, []).append(
            f'<a href="{href(page, f"entities/{entity_id}.md")}">{html_text(entity.name)}</a> ×{n}{mark}')
    # What pymdownx.details makes of `??? abstract "…"`, written directly (see title_html).
    lines = [f'<details class="abstract">\n<summary>People, organisations and places ({len(counts)})</summary>\n<ul>\n']
    for kind in _kinds(by_kind):
        lines.append(f"<li><strong>{html_text(_kind_title(kind))}:</strong> {', '.join(by_kind[kind])}</li>\n")
    return "".join(lines) + "</ul>\n</details>\n\n"


def _kinds(kinds) -> list[str]:
    order = list(KIND_TITLES)
    return sorted(kinds, key=lambda k: (order.index(k) if k in order else len(order) - 1, k == "unclassified", k))


def _kind_title(kind: str) -> str:
    return KIND_TITLES.get(kind, kind[:1].upper() + kind[1:])


def _panel_rows(article: Article, titles: dict[str, str]):
    meta = article.meta
    date = meta.date
    precision = f" · precise to the {date.precision}" if date.precision else ""
    yield "Publication", cell(meta.publication.value), meta.publication
    if meta.carried_by.value:  # first published elsewhere: the site this copy came from
        yield "Carried by", cell(meta.carried_by.value), meta.carried_by
    if meta.interviewee.value:
        yield "Interview with", cell(meta.interviewee.value), meta.interviewee
    yield "Authors", cell(", ".join(meta.authors.value)), meta.authors
    if meta.translator.value:
        yield "Translated by", cell(meta.translator.value), meta.translator
    yield "Date", md(human_date(date.value)) + precision, date
    yield "Type", cell(meta.source_type.value), meta.source_type
    yield "Title", "as shown above", meta.title
    themes = " · ".join(
        f"[{md(titles[m.theme])}](../themes/{m.theme}.md) ({m.score:g})" for m in article.themes
    )
    yield "Themes", themes or "none above threshold", None
    source = article.source
    if source.fmt in ("pdf", "docx"):
        how = f"the {source.fmt.upper() if source.fmt == 'pdf' else 'Word'} file itself, to download"
    elif source.encoding.startswith("utf-8"):
        how = "exact bytes"
    else:
        how = f"converted from {source.encoding} to UTF-8"
    yield ("Original file", f"[{md(source.name)}](originals/{original_name(article)}) · {len(source.raw):,} "
           f"bytes · {how} · sha256 `{source.sha256[:16]}…`", None)
    if meta.url.value:  # checked by the loader: http(s) only
        yield "Online", f"[{md(meta.url.value)}](<{quote(meta.url.value, safe=URL_SAFE)}>)", meta.url
    yield "Words", f"{article.words:,}", None


def _first_sentence(article: Article) -> str:
    for block in article.blocks:
        if block.kind == "paragraph":
            return sentences(block.text)[0][:300]
    return ""


def theme_page(summary: ThemeSummary, briefing: Briefing) -> str:
    """One theme: overview figures, key points with citations, its sources, how it is detected."""
    theme = summary.theme
    by_id = briefing.by_id
    n = len(summary.sources)
    out = [front_matter({"title": attr(theme.title), "description": attr(theme.description)}), f"# {md(theme.title)}\n\n",
           search_filters([("kind", "Theme"), ("theme", theme.title)])]
    out.append(f"{md(theme.description)}\n\n")
    out.append(f"**{_sources_count(n)}** {_span(summary.years)}")
    pubs = sorted({by_id[i].meta.publication.value for i, _ in summary.sources if by_id[i].meta.publication.value})
    if pubs:
        out.append(f", from {len(pubs)} publication{'s' if len(pubs) != 1 else ''}: {', '.join(md(p) for p in pubs)}")
    out.append(".\n\n")
    if not n:
        out.append("No source reaches this theme's threshold yet.\n\n")
        return "".join(out) + _method(theme)
    out.append("## Key points\n\n")
    out.append("Exact sentences from the sources, chosen for how strongly they speak to the theme and taken "
               "in turn from different sources. Each links to its paragraph.\n\n")
    for n_point, point in enumerate(summary.key_points, 1):
        article = by_id[point.source]
        out.append(f"{n_point}. “{md(point.text)}”  \n   — {citation(article, point.anchor, '../sources/')}\n\n")
    if summary.actors:
        out.append("## Main actors\n\n")
        out.append("The people, organisations and places most often named in the paragraphs that place its "
                   "sources in this theme.\n\n")
        out.append("| Actor | Kind | Mentions | Sources |\n|---|---|---:|---:|\n")
        for entity_id, mentions, sources in summary.actors:
            entity = briefing.entity(entity_id).entity
            out.append(f"| [{md(entity.name)}](../entities/{entity_id}.md) | {md(entity.kind)} | {mentions} | "
                       f"{sources} |\n")
        out.append("\n")
    out.append(_theme_timeline(summary, briefing, by_id))
    out.append(_theme_figures(summary, briefing, by_id))
    out.append("## Sources on this theme\n\n")
    if n > THEME_SOURCES:
        out.append(f"The newest {THEME_SOURCES}; [Sources by theme](../tags.md) lists all {n}.\n\n")
    page = f"themes/{theme.id}.md"
    out.append('<table>\n<thead><tr><th>Date</th><th>Source</th><th>Publication</th><th>Type</th>'
               '<th style="text-align: right">Score</th></tr></thead>\n<tbody>\n')
    newest = sorted(summary.sources, key=lambda s: newest_first(by_id[s[0]]))[:THEME_SOURCES]
    for source_id, score in newest:
        a = by_id[source_id]
        out.append(f"<tr><td>{html_text(date_label(a))}</td><td>{title_html(a, page)}</td>"
                   f"<td>{html_text(a.meta.publication.value or '—')}</td>"
                   f"<td>{html_text(a.meta.source_type.value or '—')}</td>"
                   f'<td style="text-align: right">{score:g}</td></tr>\n')
    out.append("</tbody>\n</table>\n\n")
    return "".join(out) + _method(theme)


def _method(theme) -> str:
    terms = ", ".join(f"{md(t)} ({w:g})" for t, w in sorted(theme.terms, key=lambda tw: (-tw[1], tw[0].lower())))
    return (
        '??? info "How sources are assigned to this theme"\n\n'
        f"    A source belongs to this theme when its weighted count of the terms below reaches "
        f"**{theme.threshold:g}**; each term counts at most three times per source. The terms and their "
        f"weights come from `briefing.yml`.\n\n    {terms}\n"
    )


def citation(article: Article, anchor: str, prefix: str) -> str:
    """'[Title](…#p-3) · Publication · 4 May 2021'."""
    parts = [title_link(article, f"{prefix}{article.id}.md#{anchor}")]
    if article.meta.publication.value:
        parts.append(f"*{md(article.meta.publication.value)}*")
    parts.append(md(date_label(article)))
    return " · ".join(parts)


# Long lists (sources, quotes, events, actors) are written as raw HTML, escaped by html_text():
# Markdown passes a raw HTML block through untouched, where each Markdown link or escape costs an
# inline-pattern match (most of MkDocs' time at thousands of pages). Links there are final URLs
# (href(): MkDocs does not rewrite links in raw HTML); headings stay Markdown, for the page's toc.

def title_html(article: Article, page: str, anchor: str = "") -> str:
    """title_link() as HTML, from the page at docs path `page`."""
    link = f'<a href="{href(page, f"sources/{article.id}.md", anchor)}">{html_text(article.meta.title.value)}</a>'
    return f"<em>{link}</em>" if article.meta.title.basis in (INFERRED, NONE) else link


def citation_html(article: Article, anchor: str, page: str) -> str:
    parts = [title_html(article, page, anchor)]
    if article.meta.publication.value:
        parts.append(f"<em>{html_text(article.meta.publication.value)}</em>")
    parts.append(html_text(date_label(article)))
    return " · ".join(parts)


def themes_index(briefing: Briefing) -> str:
    out = [front_matter({"title": "Themes"}), "# Themes\n\n"]
    for summary in briefing.themes:
        out.append(f"## [{md(summary.theme.title)}]({summary.theme.id}.md)\n\n{md(summary.theme.description)}\n\n")
        out.append(f"{_sources_count(len(summary.sources))} {_span(summary.years)}.\n\n")
    return "".join(out)


SOURCES_NOTE = ("Dates marked *(inferred)* were deduced from the text, and titles in *italics* were not stated by "
                "the source (they are its first sentence); each source page says how every field was found.")


def _years_table(by_year: dict[str, list], folder: str, noun: str) -> str:
    """The index of a list split by year: each year, linked to its page (folder/<year>.md), and its count."""
    rows = [f"| Year | {noun} |\n|---|---:|\n"]
    rows += [f"| [{year}]({folder}/{year}.md) | {len(items):,} |\n" for year, items in by_year.items()]
    return "".join(rows) + "\n"


def _year_page(title: str, intro: str, body: str) -> str:
    """One year of a split list; `intro` links back to all years."""
    return front_matter({"title": title}) + f"# {title}\n\n{intro}\n\n{body}"


def year_of(article: Article) -> str:
    return article.meta.date.value[:4] if article.meta.date.value else "undated"


def sources_pages(briefing: Briefing) -> dict[str, str]:
    """The sources index; from SPLIT_FROM sources, an index of years and one page per year
    (sources/by-year/<year>.md), so that no page grows with the whole corpus."""
    titles = {t.id: t.title for t in briefing.config.themes}
    articles = briefing.articles
    out = [front_matter({"title": "Sources"}), "# Sources\n\n"]
    if len(articles) < SPLIT_FROM:
        out.append(f"All {_sources_count(len(articles))}, newest first. {SOURCES_NOTE}\n\n")
        out.append(_source_table(articles, titles, "sources/index.md"))
        return {"sources/index.md": "".join(out)}
    by_year: dict[str, list[Article]] = {}
    for article in articles:  # newest first, undated last
        by_year.setdefault(year_of(article), []).append(article)
    out.append(f"{_sources_count(len(articles))}, one page per year (newest first). {SOURCES_NOTE}\n\n")
    out.append(_years_table(by_year, "by-year", "Sources"))
    out.append(f"## Newest sources\n\n{_source_table(articles[:NEWEST * 4], titles, 'sources/index.md')}")
    pages = {"sources/index.md": "".join(out)}
    for year, items in by_year.items():
        pages[f"sources/by-year/{year}.md"] = _year_page(
            f"Sources of {year}" if year != "undated" else "Undated sources",
            f"{_sources_count(len(items))}, newest first; [all years](../index.md). {SOURCES_NOTE}",
            _source_table(items, titles, f"sources/by-year/{year}.md"))
    return pages


def _source_table(articles, titles, page: str) -> str:
    rows = ['<table>\n<thead><tr><th>Date</th><th>Title</th><th>Publication</th><th>Type</th><th>Themes</th></tr>'
            '</thead>\n<tbody>\n']
    for a in articles:
        themes = ", ".join(f'<a href="{href(page, f"themes/{t}.md")}">{html_text(titles[t])}</a>'
                           for t in a.theme_ids) or "—"
        rows.append(f"<tr><td>{html_text(date_label(a))}</td><td>{title_html(a, page)}</td>"
                    f"<td>{html_text(a.meta.publication.value or '—')}</td>"
                    f"<td>{html_text(a.meta.source_type.value or '—')}</td><td>{themes}</td></tr>\n")
    return "".join(rows) + "</tbody>\n</table>\n\n"


def overview_page(briefing: Briefing) -> str:
    """Home: what the briefing covers, theme cards with lead points, newest sources, how to search."""
    config = briefing.config
    by_id = briefing.by_id
    titles = {t.id: t.title for t in config.themes}
    years = sorted(int(a.meta.date.value[:4]) for a in briefing.articles if a.meta.date.value)
    pubs = {a.meta.publication.value for a in briefing.articles if a.meta.publication.value}
    out = [front_matter({"title": "Overview", "description": attr(config.description)}), f"# {md(config.title)}\n\n"]
    out.append(f"{md(config.description)}\n\n")
    out.append(f"This briefing draws on **{_sources_count(len(briefing.articles))}** "
               f"{_span((years[0], years[-1]) if years else (None, None))}, from {len(pubs)} named publication"
               f"{'s' if len(pubs) != 1 else ''}. Every point below is an exact sentence from a source and "
               "links to the paragraph it came from.\n\n")
    out.append("## Themes\n\n<div class=\"grid cards\" markdown>\n\n")
    for summary in briefing.themes:
        out.append(f"-   **[{md(summary.theme.title)}](themes/{summary.theme.id}.md)** · "
                   f"{_sources_count(len(summary.sources))} {_span(summary.years)}\n\n    ---\n\n")
        for point in summary.key_points[:2]:
            out.append(f"    “{md(point.text)}” — {citation(by_id[point.source], point.anchor, 'sources/')}\n\n")
        if not summary.key_points:
            out.append("    No source reaches this theme's threshold yet.\n\n")
    out.append("</div>\n\n## Newest sources\n\n")
    # The newest dated sources, then the undated ones (they would never be "newest" by date, and a
    # source added without a date must not vanish from the home page).
    dated = [a for a in briefing.articles if a.meta.date.value]
    undated = [a for a in briefing.articles if not a.meta.date.value]
    if undated:
        out.append(f"{_sources_count(len(undated))} {'has' if len(undated) == 1 else 'have'} no date: "
                   f"{'it is' if len(undated) == 1 else 'they are'} listed after the dated ones"
                   f"{f' (the first {NEWEST} here)' if len(undated) > NEWEST else ''}.\n\n")
    out.append(_source_table(dated[:NEWEST] + undated[:NEWEST], titles, "index.md"))
    out.append("[All sources →](sources/index.md) · [Sources by theme →](tags.md)\n\n")
    out.append("## Across the sources\n\n")
    dated = sum(1 for _, e in briefing.events if e.date)
    reviewed = sum(1 for e in briefing.entities if e.entity.reviewed)
    out.append(f"- [Timeline](timeline.md): {dated} dated events, each linked to its paragraph.\n"
               f"- [Where sources differ](differences.md): {len(briefing.discrepancies)} disagreement"
               f"{'s' if len(briefing.discrepancies) != 1 else ''} on the same measured thing, side by side.\n"
               f"- [People, organisations and places](entities/index.md): {reviewed} actors, each with the "
               "sentences that name them.\n- [Glossary](glossary.md): the acronyms, also shown when you hover over them.\n\n")
    out.append("## Searching this briefing\n\n")
    out.append("Press ++slash++ or click the search box at the top and type a name, place or term. Results "
               "come from every source page and theme page; matching words are highlighted on the page you "
               "open. The search runs in your browser: nothing you type leaves it.\n")
    return "".join(out)


def tags_page() -> str:
    return (front_matter({"title": "Sources by theme"}) + "# Sources by theme\n\n"
            "Every source, listed under each theme it belongs to.\n\n<!-- material/tags -->\n")


def _sources_count(n: int) -> str:
    return f"{n} source{'s' if n != 1 else ''}"


def _span(years) -> str:
    first, last = years
    if first is None:
        return ""
    return f"from {first}" if first == last else f"from {first} to {last}"


def entity_page(summary: EntitySummary, briefing: Briefing) -> str:
    """One actor: who or what it is, every mention in context by source, and who is named with it."""
    entity = summary.entity
    by_id = briefing.by_id
    description = entity.description or f"{entity.kind[:1].upper() + entity.kind[1:]} named in " \
                                        f"{_sources_count(len(summary.sources))}."
    out = [front_matter({"title": attr(entity.name), "description": attr(description)}), f"# {md(entity.name)}\n\n",
           search_filters([("kind", "Actor")])]
    out.append(f"**{md(entity.kind[:1].upper() + entity.kind[1:])}** · "
               f"{len(summary.mentions)} mention{'s' if len(summary.mentions) != 1 else ''} in "
               f"{_sources_count(len(summary.sources))}\n\n")
    if entity.description:
        out.append(f"{md(entity.description)}\n\n")
    if entity.aliases:
        out.append(f"**Also written:** {', '.join(md(a) for a in entity.aliases)}\n\n")
    if not entity.reviewed:
        why = ", ".join(SIGNAL_LABELS.get(s, s) for s in entity.signals)
        out.append('!!! warning "Not reviewed"\n\n'
                   f"    Found in the sources ({md(why)}), not in the gazetteer: the name, its kind and "
                   "its spellings are the generator's guess. See [names to review](review.md).\n\n")
    out.append("## Mentions\n\n")
    mentions_by_source: dict[str, list] = {}
    for article_id, mention in summary.mentions:
        mentions_by_source.setdefault(article_id, []).append(mention)
    quoted = list(mentions_by_source.items())[:QUOTED_SOURCES]
    page = f"entities/{entity.id}.md"
    glossary = briefing.config.glossary
    for article_id, items in quoted:
        out.append(_quotes(by_id[article_id], items, page, glossary))
    rest = list(mentions_by_source.items())[QUOTED_SOURCES:]
    if rest:
        out.append(f"### Older sources ({len(rest)})\n\nQuoted above are the {QUOTED_SOURCES} newest sources; "
                   "these older ones also name it (all mentions are in `briefing.json`):\n\n")
        out.append("<ul>\n")
        for article_id, items in rest[:LISTED_SOURCES]:
            article = by_id[article_id]
            out.append(f"<li>{title_html(article, page, items[0].anchor)} · {html_text(date_label(article))} · "
                       f"{len(items)}×</li>\n")
        out.append("</ul>\n")
        if len(rest) > LISTED_SOURCES:
            out.append(f"\n{len(rest) - LISTED_SOURCES} older sources name it too: the [search page](../find.md) "
                       "finds them (narrow by year or publication), and `briefing.json` lists them all.\n")
        out.append("\n")
    if summary.related:
        # Out of search: a name would otherwise find every actor page that lists it as a neighbour.
        out.append("## Named in the same paragraphs { data-search-exclude }\n\n")
        out.append("| Actor | Paragraphs | Where |\n|---|---:|---|\n")
        for related in summary.related:
            other = briefing.entity(related.entity).entity
            where = ", ".join(f"[{md(_short(by_id[article_id]))} "
                              f"¶ {anchor.split('-')[-1]}](../sources/{article_id}.md#{anchor})"
                              for article_id, anchor in related.evidence)
            out.append(f"| [{md(other.name)}]({other.id}.md) | {related.paragraphs} | {where} |\n")
        out.append("\n")
    return "".join(out)


def _spaced(text: str, glossary) -> str:
    """html_text() of a piece of a sentence, keeping one space at either end if it had one."""
    if not text.strip():
        return ""
    return (" " if text[:1].isspace() else "") + html_text(text, glossary) + (" " if text[-1:].isspace() else "")


def _quotes(article: Article, mentions, page: str, glossary) -> str:
    """A source's heading, then each sentence naming the actor, the name in bold, linked to its paragraph."""
    blocks = {b.anchor: b.text for b in article.blocks}
    out = [f"### {title_link(article, f'../sources/{article.id}.md')}\n\n"]
    meta = [md(article.meta.publication.value)] if article.meta.publication.value else []
    out.append(f"{' · '.join(meta + [md(date_label(article))])}\n\n<ul>\n")
    seen: set[tuple[str, str]] = set()
    for n, mention in enumerate(mentions):
        if len(seen) == QUOTES_PER_SOURCE:
            link = href(page, f"sources/{article.id}.md", mention.anchor)
            out.append(f'<li><a href="{link}">{len(mentions) - n} more mention(s) in this source</a></li>\n')
            break
        text = blocks[mention.anchor]
        sentence = (mention.anchor, sentence_at(text, mention.start)[0])
        if sentence in seen:
            continue  # the same sentence names it twice: quoted once, at its first mention
        seen.add(sentence)
        before, name, after = context(text, mention.start, mention.end)
        number = mention.anchor.split("-")[-1]
        link = href(page, f"sources/{article.id}.md", mention.anchor)
        out.append(f"<li>{_spaced(before, glossary)}<strong>{html_text(name)}</strong>{_spaced(after, glossary)} "
                   f'<a href="{link}">¶ {number}</a></li>\n')
    return "".join(out) + "</ul>\n\n"


def _short(article: Article) -> str:
    """A short label for a source in a list of links: its publication (or first title words), its year."""
    date = article.meta.date.value
    label = article.meta.publication.value
    if not label:
        title = article.meta.title.value.split()
        label = " ".join(title[:4]) + ("…" if len(title) > 4 else "")
    return f"{label} {date[:4]}" if date else label


def entities_index(briefing: Briefing) -> str:
    """Every reviewed actor by kind, with mention counts; a pointer to the names to review."""
    out = [front_matter({"title": "People, organisations and places"}), "# People, organisations and places\n\n"]
    reviewed = [e for e in briefing.entities if e.entity.reviewed]
    unreviewed = len(briefing.entities) - len(reviewed)
    out.append(f"{len(reviewed)} actors named in the sources, each with a page quoting every mention. "
               "Spellings are merged as the gazetteer says (`gazetteer.yml`).")
    if unreviewed:
        out.append(f" **{unreviewed}** more names were found that the gazetteer does not know yet: "
                   "[names to review](review.md).")
    out.append("\n\n")
    by_kind: dict[str, list[EntitySummary]] = {}
    for summary in reviewed:
        by_kind.setdefault(summary.entity.kind, []).append(summary)
    for kind in _kinds(by_kind):
        out.append(f"## {md(_kind_title(kind))}\n\n| Name | Mentions | Sources |\n|---|---:|---:|\n")
        for summary in sorted(by_kind[kind], key=lambda e: (-len(e.mentions), e.entity.name.casefold())):
            out.append(f"| [{md(summary.entity.name)}]({summary.entity.id}.md) | {len(summary.mentions)} | "
                       f"{len(summary.sources)} |\n")
        out.append("\n")
    return "".join(out)


def review_page(briefing: Briefing) -> str:
    """Names found in the sources and not in the gazetteer, for an editor to promote or ignore."""
    found = [e for e in briefing.entities if not e.entity.reviewed]
    out = [front_matter({"title": "Names to review"}), "# Names to review\n\n"]
    out.append("Names the generator found in the sources that the gazetteer does not know. For each: add it to "
               "`gazetteer.yml` as an entity or as another spelling of one, or list it under `ignore`. "
               "`briefing entities --unreviewed` prints the same list with entries ready to paste.\n\n")
    if not found:
        return "".join(out) + "Nothing to review: every name found is in the gazetteer.\n"
    by_id = briefing.by_id
    out.append("| Name | Guessed kind | Why | Mentions | First seen |\n|---|---|---|---:|---|\n")
    for summary in sorted(found, key=lambda e: (-len(e.mentions), e.entity.name.casefold())):
        entity = summary.entity
        article_id, first = summary.mentions[0]
        why = ", ".join(SIGNAL_LABELS.get(s, s) for s in entity.signals)
        out.append(f"| [{md(entity.name)}]({entity.id}.md) | {md(entity.kind)} | {md(why)} | {len(summary.mentions)} | "
                   f"[{md(_short(by_id[article_id]))} ¶ {first.anchor.split('-')[-1]}]"
                   f"(../sources/{article_id}.md#{first.anchor}) |\n")
    return "".join(out) + "\n"


def glossary_page(briefing: Briefing) -> str:
    out = [front_matter({"title": "Glossary"}), "# Glossary\n\n"]
    if not briefing.config.glossary:
        return "".join(out) + "No terms are defined yet (`glossary:` in briefing.yml).\n"
    out.append("Acronyms and terms used in the sources. Wherever one appears on a page of this briefing, "
               "hovering over it shows its meaning.\n\n| Term | Meaning |\n|---|---|\n")
    for term, definition in briefing.config.glossary:
        out.append(f"| **{md(term)}** | {md(definition)} |\n")
    return "".join(out) + "\n"


def abbreviations(glossary) -> str:
    """Markdown abbreviation definitions (the abbr extension), appended to every page by the hook."""
    lines = []
    for term, definition in glossary:
        if usable_abbreviation(term):
                lines.append(f"*[{term}]: {' '.join(definition.split())}")
    return "\n\n" + "\n".join(lines) + "\n" if lines else ""


def event_date(event) -> str:
    """'27 April 2021', 'April 2021', 'spring 2023', '2006', '19–23 April 2021'."""
    if not event.date:
        return "date unresolved"
    parts = event.date.split("-")
    if len(parts) == 2 and not parts[1].isdigit():
        return f"{parts[1]} {parts[0]}"
    label = human_date(event.date)
    if event.end:
        label = f"{int(event.date[8:10])}–{human_date(event.end)}"
    return label


def _event_list(events, by_id, page: str, titles: dict[str, str] | None, glossary) -> str:
    """Events as an HTML list: date, precision, the sentence, its citation (and its source's themes)."""
    out = ['<ul class="events">\n']
    for article_id, event in events:
        article = by_id[article_id]
        themes = ""
        if titles is not None and article.theme_ids:
            themes = " · " + ", ".join(f"<em>{html_text(titles[t])}</em>" for t in article.theme_ids)
        out.append(f"<li><strong>{html_text(event_date(event))}</strong> "
                   f"<small>{html_text(event.precision)}</small> — "
                   f"{html_text(event.text, glossary)}<br>\n{citation_html(article, event.anchor, page)}{themes}</li>\n")
    return "".join(out) + "</ul>\n\n"


TIMELINE_NOTE = ("Each is the sentence that carries the date, linked to its paragraph. Dates are shown as precisely "
                 "as the source gives them (day, month, season or year); a date without a year takes it from the "
                 "source's own date, and the source page says how that date was found. Each event lists the "
                 "themes of its source.")


def timeline_pages(briefing: Briefing) -> dict[str, str]:
    """Every dated event in date order, grouped by year; then what could not be dated. From SPLIT_FROM
    dated events, timeline.md lists the years and each year has its page (timeline/<year>.md)."""
    by_id = briefing.by_id
    titles = {t.id: t.title for t in briefing.config.themes}
    listed = _events_listed(briefing)
    dated = [(a, e) for a, e in listed if e.date]
    undated = [(a, e) for a, e in listed if not e.date]
    by_year: dict[str, list] = {}
    for article_id, event in dated:
        by_year.setdefault(event.date[:4], []).append((article_id, event))
    split = len(dated) >= SPLIT_FROM
    out = [front_matter({"title": "Timeline", "description": "Every dated event in the sources, in date order."}),
           "# Timeline\n\n"]
    out.append(f"{len(dated)} dated events from {_sources_count(len({a for a, _ in dated}))}. {TIMELINE_NOTE} "
               "Also as a table: [timeline.csv](timeline.csv).\n\n")
    if len(listed) < len(briefing.events):
        crowded = sum(1 for a in briefing.articles if len(a.events) > EVENTS_PER_SOURCE)
        out.append(f"Each source gives at most its first {EVENTS_PER_SOURCE} dated events here; "
                   f"{len(briefing.events) - len(listed):,} more from {crowded} long source(s) are in timeline.csv "
                   "and `briefing.json`.\n\n")
    pages = {}
    if split:
        out.append("One page per year:\n\n" + _years_table(by_year, "timeline", "Events"))
    for year, events in by_year.items():
        lines = _event_list(events, by_id, f"timeline/{year}.md" if split else "timeline.md", titles,
                            briefing.config.glossary)
        if split:
            pages[f"timeline/{year}.md"] = _year_page(
                f"Timeline: {year}", f"{len(events)} dated events; [all years](../timeline.md). {TIMELINE_NOTE}", lines)
        else:
            out.append(f"\n## {year}\n\n{lines}")
    if undated:
        out.append("\n## Dates that could not be resolved\n\n"
                   "These sentences carry a date the generator could not place; each says why.\n\n")
        for article_id, event in undated[:UNDATED_LISTED]:
            out.append(f"- “{md(event.expression)}”: {md(event.note)} — {md(event.text)}  \n  "
                       f"{citation(by_id[article_id], event.anchor, 'sources/')}\n")
        if len(undated) > UNDATED_LISTED:
            out.append(f"\n{len(undated) - UNDATED_LISTED} more are in `briefing.json` (events without a date).\n")
    return {"timeline.md": "".join(out) + "\n", **pages}


def _events_listed(briefing: Briefing) -> list:
    """briefing.events without what one source gives past its first EVENTS_PER_SOURCE (in its own
    text order): a book-length seed would otherwise fill the timeline (16 MB of pages from one file)."""
    allowed = {(a.id, e) for a in briefing.articles for e in a.events[:EVENTS_PER_SOURCE]}
    if len(allowed) == len(briefing.events):
        return list(briefing.events)
    return [(a, e) for a, e in briefing.events if (a, e) in allowed]


def _theme_timeline(summary: ThemeSummary, briefing: Briefing, by_id) -> str:
    if not summary.events:
        return ""
    out = ["## Timeline\n\n", "Dated events in the paragraphs that place sources in this theme, latest "
           f"{len(summary.events)}; [the full timeline](../timeline.md) has every source.\n\n"]
    out.append(_event_list(summary.events, by_id, f"themes/{summary.theme.id}.md", None, briefing.config.glossary))
    return "".join(out)


def figure_value(figure) -> str:
    """'70 billion RUB', '1,360 km', '50,000 people'."""
    value = figure.value
    for size, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if value >= size:
            return f"{value / size:,.2f}".rstrip("0").rstrip(".") + f" {word} {figure.unit}"
    return f"{value:,.2f}".rstrip("0").rstrip(".") + ("%" if figure.unit == "%" else f" {figure.unit}")


def _figure_where(article: Article, figure, prefix: str) -> str:
    if not figure.anchor:
        return f"[headline]({prefix}{article.id}.md) of {title_link(article, f'{prefix}{article.id}.md')}"
    return f"{citation(article, figure.anchor, prefix)} · [¶ {figure.anchor.split('-')[-1]}]({prefix}{article.id}.md#{figure.anchor})"


def _theme_figures(summary: ThemeSummary, briefing: Briefing, by_id) -> str:
    out = []
    if summary.figures:
        out += ["## Key figures\n\n", "Quantities in the paragraphs that place sources in this theme, as the sources "
                "give them (currencies are never converted).\n\n",
                "| Figure | Value | Measures | Where |\n|---|---|---|---|\n"]
        for article_id, figure in summary.figures:
            approx = " (approx.)" if figure.approximate else ""
            out.append(f"| {md(figure.text)} | {md(figure_value(figure))}{approx} | {md(figure.measure)} | "
                       f"{_figure_where(by_id[article_id], figure, '../sources/')} |\n")
        out.append("\n")
    concerned = [d for d in briefing.discrepancies if summary.theme.id in d.themes]
    if concerned:
        out.append("## Where sources differ\n\n")
        if len(concerned) > THEME_DIFFERENCES:
            out.append(f"The first {THEME_DIFFERENCES} of {len(concerned)}; [Where sources differ](../differences.md) "
                       "has them all.\n\n")
        for d in concerned[:THEME_DIFFERENCES]:
            out.append(_discrepancy(d, by_id, f"themes/{summary.theme.id}.md", level="###"))
    return "".join(out)


def _figure_where_html(article: Article, figure, page: str) -> str:
    if not figure.anchor:
        return f'<a href="{href(page, f"sources/{article.id}.md")}">headline</a> of {title_html(article, page)}'
    return (f'{citation_html(article, figure.anchor, page)} · '
            f'<a href="{href(page, f"sources/{article.id}.md", figure.anchor)}">¶ {figure.anchor.split("-")[-1]}</a>')


def _discrepancy(d, by_id, page: str, level: str = "##") -> str:
    out = [f"{level} {md(d.what)}\n\n",
           "<table>\n<thead><tr><th>Value</th><th>As written</th><th>Where</th></tr></thead>\n<tbody>\n"]
    for statement in d.statements:
        figure = statement.figure
        value = html_text(figure_value(figure)) + (" (approx.)" if figure.approximate else "")
        if statement.equivalents:
            value += " = " + ", ".join(html_text(figure_value(e)) for e in statement.equivalents)
        written = "“" + html_text(figure.text) + "”" + "".join(f" (“{html_text(e.text)}”)" for e in statement.equivalents)
        out.append(f"<tr><td>{value}</td><td>{written}</td>"
                   f"<td>{_figure_where_html(by_id[statement.source], figure, page)}</td></tr>\n")
    out.append(f"</tbody>\n</table>\n\n*How these were matched:* {md(d.method)}\n\n")
    return "".join(out)


DIFFERENCES_NOTE = ("Places where sources (or one source, headline against body) give different values for the same "
                    "measured thing, side by side, each linked to where it is written. Matching is conservative: only "
                    "the kinds of figures described under each are compared, and values of different things are never "
                    "set against each other.")


def differences_pages(briefing: Briefing) -> dict[str, str]:
    """Every discrepancy; from DIFFERENCES_SPLIT_FROM of them, one page per year of the newest source
    involved (differences/<year>.md) and differences.md lists the years."""
    by_id = briefing.by_id
    out = [front_matter({"title": "Where sources differ",
                         "description": "Statements that give different values for the same measured thing."}),
           f"# Where sources differ\n\n{DIFFERENCES_NOTE}\n\n"]
    if not briefing.discrepancies:
        return {"differences.md": "".join(out) + "No disagreement found.\n"}
    if len(briefing.discrepancies) < DIFFERENCES_SPLIT_FROM:
        out.extend(_discrepancy(d, by_id, "differences.md") for d in briefing.discrepancies)
        return {"differences.md": "".join(out)}
    by_year: dict[str, list] = {}
    for d in briefing.discrepancies:
        years = [year_of(by_id[s.source]) for s in d.statements]
        dated = [y for y in years if y != "undated"]
        by_year.setdefault(max(dated) if dated else "undated", []).append(d)
    order = sorted((y for y in by_year if y != "undated"), reverse=True) + ["undated"] * ("undated" in by_year)
    by_year = {year: by_year[year] for year in order}
    out.append(f"{len(briefing.discrepancies):,} disagreements, one page per year (of the newest source "
               "involved):\n\n" + _years_table(by_year, "differences", "Disagreements"))
    pages = {"differences.md": "".join(out)}
    for year, items in by_year.items():
        pages[f"differences/{year}.md"] = _year_page(
            f"Where sources differ: {year}", f"{len(items)} disagreements; [all years](../differences.md).",
            "".join(_discrepancy(d, by_id, f"differences/{year}.md") for d in items))
    return pages


def search_filters(filters: list[tuple[str, str]]) -> str:
    """Empty marks that give Pagefind a page's filters (theme, publication, year, kind of page)."""
    marks = "".join(f'<span data-pagefind-filter="{name}:{html.escape(inert_markup(value), quote=True)}"></span>'
                    for name, value in filters)
    return f'<div class="search-filters" hidden>{marks}</div>\n\n'


def inert_markup(value: str) -> str:
    """Text that stays text however often it is unescaped: Pagefind decodes a filter twice (1.5) and
    its interface then shows it as HTML. A word joiner (invisible) after each '<' and '&' means no
    tag or entity can ever start there, whatever the number of decodings."""
    return value.replace(",", " ").replace("&", "&\u2060").replace("<", "<\u2060")


def find_page() -> str:
    """Search with filters: Pagefind's interface over the index built after MkDocs (generator/search.py)."""
    return (front_matter({"title": "Search with filters", "description": "Search every page, narrowed by theme, "
                          "publication, year or kind of page."})
            + "# Search with filters\n\n"
            "Type a name, place or term; narrow the results by theme, publication, year or kind of page. "
            "The search box at the top of every page searches too.\n\n"
            '<link href="../pagefind/pagefind-ui.css" rel="stylesheet">\n'
            '<div id="find" data-search-exclude></div>\n'
            '<p id="find-unavailable" class="find-unavailable">This search needs the site to be served by a web '
            "server (it is not available in the offline copy): use the search box at the top instead.</p>\n"
            '<script src="../pagefind/pagefind-ui.js"></script>\n'
            "<script>\n"
            "if (window.PagefindUI) {\n"
            '  document.getElementById("find-unavailable").hidden = true;\n'
            '  var ui = new PagefindUI({element: "#find", showSubResults: true, showImages: false,\n'
            '                           resetStyles: false, openFilters: ["kind", "theme"], debounceTimeoutMs: 60});\n'
            '  var query = new URLSearchParams(location.search).get("q");  // from the header\'s box\n'
            "  // Pagefind's interface keeps the filter groups of whichever answer comes first, the full list\n"
            "  // or the first search's (only the groups whose data had loaded): load the full list first.\n"
            '  if (query) import("../pagefind/pagefind.js").then(function (p) { return p.filters(); })\n'
            "    .catch(function () {}).then(function () { ui.triggerSearch(query); });\n"
            "}\n"
            "</script>\n")
