"""Records → Markdown pages. Pure: returns text; render.py writes it."""

from __future__ import annotations

from urllib.parse import quote

from generator.aggregate import newest_first
from generator.markdown_text import attr, cell, front_matter, human_date, md
from generator.models import INFERRED, NONE, SIDECAR, STATED, Article, Briefing, ThemeSummary
from generator.text import sentences

BASIS_LABEL = {STATED: "stated in the text", INFERRED: "inferred", SIDECAR: "from the sidecar file",
               NONE: "not found"}
NEWEST = 5
URL_SAFE = ":/?#@!$&*+,;=%~-._"  # kept as they are in a link; quotes, brackets and spaces are escaped


def original_name(article: Article) -> str:
    """The original file's name in the site: always .txt, so an HTML seed is shown, never run."""
    return f"{article.id}.txt" if article.source.fmt == "txt" else f"{article.id}.{article.source.fmt}.txt"


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
    for block in article.blocks:
        if block.kind == "heading":
            out.append(f"## {md(block.text)} {{ #{block.anchor} }}\n\n")
        elif block.kind == "question":
            out.append(f"**{md(block.text)}**\n{{: #{block.anchor} .question }}\n\n")
        else:
            out.append(f"{md(block.text)}\n{{: #{block.anchor} }}\n\n")
    return "".join(out)


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


def _panel_rows(article: Article, titles: dict[str, str]):
    meta = article.meta
    date = meta.date
    precision = f" · precise to the {date.precision}" if date.precision else ""
    yield "Publication", cell(meta.publication.value), meta.publication
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
    if source.encoding.startswith("utf-8"):
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
    by_id = {a.id: a for a in briefing.articles}
    n = len(summary.sources)
    out = [front_matter({"title": attr(theme.title), "description": attr(theme.description)}), f"# {md(theme.title)}\n\n"]
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
    out.append("## Sources on this theme\n\n")
    out.append("| Date | Source | Publication | Type | Score |\n|---|---|---|---|---:|\n")
    for source_id, score in sorted(summary.sources, key=lambda s: newest_first(by_id[s[0]])):
        a = by_id[source_id]
        out.append(f"| {md(date_label(a))} | {title_link(a, f'../sources/{a.id}.md')} | "
                   f"{cell(a.meta.publication.value)} | {cell(a.meta.source_type.value)} | {score:g} |\n")
    out.append("\n")
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


def themes_index(briefing: Briefing) -> str:
    out = [front_matter({"title": "Themes"}), "# Themes\n\n"]
    for summary in briefing.themes:
        out.append(f"## [{md(summary.theme.title)}]({summary.theme.id}.md)\n\n{md(summary.theme.description)}\n\n")
        out.append(f"{_sources_count(len(summary.sources))} {_span(summary.years)}.\n\n")
    return "".join(out)


def sources_index(briefing: Briefing) -> str:
    titles = {t.id: t.title for t in briefing.config.themes}
    out = [front_matter({"title": "Sources"}), "# Sources\n\n"]
    out.append(f"All {_sources_count(len(briefing.articles))}, newest first. Dates marked *(inferred)* were "
               "deduced from the text, and titles in *italics* were not stated by the source (they are its "
               "first sentence); each source page says how every field was found.\n\n")
    out.append(_source_table(briefing.articles, titles, "", "../themes/"))
    return "".join(out)


def _source_table(articles, titles, prefix: str, theme_prefix: str) -> str:
    rows = ["| Date | Title | Publication | Type | Themes |\n|---|---|---|---|---|\n"]
    for a in articles:
        themes = ", ".join(f"[{md(titles[t])}]({theme_prefix}{t}.md)" for t in a.theme_ids) or "—"
        rows.append(f"| {md(date_label(a))} | {title_link(a, f'{prefix}{a.id}.md')} | "
                    f"{cell(a.meta.publication.value)} | {cell(a.meta.source_type.value)} | {themes} |\n")
    return "".join(rows) + "\n"


def overview_page(briefing: Briefing) -> str:
    """Home: what the briefing covers, theme cards with lead points, newest sources, how to search."""
    config = briefing.config
    by_id = {a.id: a for a in briefing.articles}
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
    out.append(_source_table(briefing.articles[:NEWEST], titles, "sources/", "themes/"))
    out.append("[All sources →](sources/index.md) · [Sources by theme →](tags.md)\n\n")
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
