"""A source's page (metadata with provenance, why its themes, its actors, its text) and its original copy."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from urllib.parse import quote

from generator.markdown_text import attr, cell, front_matter, href, html_text, human_date, inline, md
from generator.models import INFERRED, METADATA, NONE, SIDECAR, STATED, Article, BlockKind, Briefing
from generator.pages.common import (
    SEARCH_BOOST,
    Memo,
    article_inputs,
    digest,
    kind_title,
    kinds_in_order,
    search_filters,
    shared_inputs,
)
from generator.pages.templating import markup, render
from generator.text import sentences

BASIS_LABEL = {STATED: "stated in the text", INFERRED: "inferred", SIDECAR: "from the sidecar file",
               METADATA: "from the document's metadata",
               NONE: "not found"}
URL_SAFE = ":/?#@!$&*+,;=%~-._"  # kept as they are in a link; quotes, brackets and spaces are escaped
BOM = b"\xef\xbb\xbf"


def pages(briefing: Briefing) -> Iterator[tuple[str, str | bytes | Memo]]:
    """Each source's page (made again only when what it shows changed) and its original file."""
    shared = shared_inputs(briefing)
    for article in briefing.articles:
        yield f"sources/{article.id}.md", Memo(_inputs_key(article, briefing, shared),
                                              lambda article=article: source_page(article, briefing))
        yield f"sources/originals/{original_name(article)}", original_copy(article)


def _inputs_key(article: Article, briefing: Briefing, shared: str) -> str:
    """Everything source_page reads: the seed as read (article_inputs), the shared inputs, and of
    each actor it names, the mentions' count and the actor's name, kind, review and other names.
    Change both together."""
    actors = []
    for m in briefing.mentions.get(article.id, ()):
        entity = briefing.entity(m.entity).entity
        actors.append([m.entity, entity.name, entity.kind, entity.reviewed, list(entity.aliases)])
    return digest([shared, article_inputs(article), actors])


def original_name(article: Article) -> str:
    """The original file's name in the site: .txt for text, so an HTML seed is shown, never run; a PDF
    or Word document as itself."""
    fmt = article.source.fmt
    if article.source.is_document:
        return f"{article.id}.{fmt}"
    return f"{article.id}.txt" if fmt == "txt" else f"{article.id}.{fmt}.txt"


def original_copy(article: Article) -> bytes:
    """The seed as the reader can open it: .txt for text (an HTML seed is shown, never run), the
    file itself for a PDF or Word document.

    A UTF-8 seed is copied byte for byte after a UTF-8 byte-order mark: static hosts serve .txt
    without a charset, and browsers then read UTF-8 as Windows-1252 unless a BOM says otherwise.
    A seed in another encoding is converted to UTF-8; the source page says which applies.
    """
    raw = article.source.raw
    if article.source.is_document:  # offered as it came, for download
        return raw
    if article.source.encoding == "utf-8-sig":
        return raw
    if article.source.encoding == "utf-8":
        return BOM + raw
    return BOM + article.source.text.encode("utf-8")


def source_page(article: Article, briefing: Briefing) -> str:
    """One source: metadata panel with provenance, then the cleaned text with paragraph anchors."""
    meta = article.meta
    titles = {t.id: t.title for t in briefing.config.themes}
    head = {
        "title": attr(meta.title.value),
        "description": attr(meta.summary.value or _first_sentence(article)),
        "tags": [attr(titles[t]) for t in article.theme_ids],
        "source_id": article.id,
        "search": SEARCH_BOOST,
    }
    filters = [("kind", "Source")] + [("theme", titles[t]) for t in article.theme_ids]
    filters += [("publication", meta.publication.value)] if meta.publication.value else []
    filters += [("year", meta.date.value[:4])] if meta.date.value else []
    return render("source.md.j2", meta=meta, front_matter=markup(front_matter(head)),
                  filters=markup(search_filters(filters)), rows=list(_rows(article, titles)),
                  why=markup(_why_themes(article, titles)), actors=markup(_actors(article, briefing) + _other_names(article, briefing)),
                  text=markup("".join(_block(block, briefing.config.glossary) for block in article.blocks)))


def _block(block, glossary) -> str:
    """A block of the text. Paragraphs as raw HTML blocks, escaped: Markdown passes them through
    untouched (fast at scale; built here, not in the template, for the same reason: a template loop
    over 300,000 paragraphs cost a third more). Headings stay Markdown: they make the page's toc."""
    rtl = right_to_left(block.text)
    if block.kind == BlockKind.HEADING:
        return f"## {inline(block.text)} {{ #{block.anchor}{' dir=rtl' if rtl else ''} }}\n\n"
    direction = ' dir="rtl"' if rtl else ""
    if block.kind == BlockKind.QUESTION:
        return (f'<p id="{block.anchor}" class="question"{direction}><strong>{html_text(block.text, glossary)}'
                "</strong></p>\n\n")
    return f'<p id="{block.anchor}"{direction}>{html_text(block.text, glossary)}</p>\n\n'



def _rows(article: Article, titles: dict[str, str]):
    """The panel's rows: label, value (Markdown), and how the value was found."""
    for label, value, field in _panel_rows(article, titles):
        how = BASIS_LABEL.get(field.basis, field.basis) if field else ""
        if field and field.evidence and field.basis != NONE:
            # Stated fields quote the words that showed them; the title's evidence says where it stood.
            quoted = field.basis == STATED and field is not article.meta.title
            how += f": “{md(field.evidence[:160])}”" if quoted else f" ({md(field.evidence[:200])})"
        # data-search-exclude (in the template): provenance repeats words of the text; kept out of search.
        yield label, markup(value), markup(how)


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
    """A folded note: each theme's score, the terms found, and the paragraphs that weigh most. Built
    here, as the actors' list below, not in the template: on the page every source has, a template's
    loops over a source's terms and actors cost a third of the generation's time at 2,000 sources."""
    if not any(m.score for m in article.scores):
        return ""
    passed = set(article.theme_ids)
    # What pymdownx.details makes of `??? note "…"`, written directly so that it can carry
    # data-search-exclude: its terms would otherwise make it the top hit in the header's search.
    lines = ['<details class="note" data-search-exclude>\n<summary>Why these themes</summary>\n<ul>\n']
    for match in article.scores:
        if not match.score:
            continue
        verdict = "belongs" if match.theme in passed else "below the threshold"
        terms = ", ".join(f"{html_text(term)} ×{count}" for term, count in match.terms)
        anchors = list(dict.fromkeys(e.anchor for e in match.evidence))[:5]
        where = ", ".join(f'<a href="#{attr(a)}">¶ {html_text(a.split("-")[-1])}</a>' for a in anchors)
        lines.append(f"<li><strong>{html_text(titles[match.theme])}</strong>: score {match.score:g}, {verdict}. "
                     f"Terms: {terms}. Strongest in {where}.</li>\n")
    return "".join(lines) + "</ul>\n</details>\n\n"


def _actors(article: Article, briefing: Briefing) -> str:
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
    lines = [f'<details class="abstract" data-search-exclude>\n<summary>People, organisations and places ({len(counts)})</summary>\n<ul>\n']
    for kind in kinds_in_order(by_kind):
        lines.append(f"<li><strong>{html_text(kind_title(kind))}:</strong> {', '.join(by_kind[kind])}</li>\n")
    return "".join(lines) + "</ul>\n</details>\n\n"


def _other_names(article: Article, briefing: Briefing) -> str:
    """The gazetteer's other names for the actors this source names, where its text does not use
    them: hidden, but read by both searches, so that "Taliban" finds a source that writes "Taleban"
    (the aliases work as synonyms). Found names, not yet reviewed, have no other names."""
    names: dict[str, str] = {}  # casefolded: as written
    text = None
    for entity_id in dict.fromkeys(m.entity for m in briefing.mentions.get(article.id, ())):
        entity = briefing.entity(entity_id).entity
        if not entity.aliases:
            continue
        if text is None:
            text = " ".join(b.text for b in article.blocks).casefold()
        for name in (entity.name, *entity.aliases):
            if name.casefold() not in text:
                names.setdefault(name.casefold(), name)
    if not names:
        return ""
    return f'<p class="other-names" hidden>Also known as: {html_text("; ".join(names.values()))}</p>\n\n'


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
    if source.is_document:
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
        if block.kind == BlockKind.PARAGRAPH:
            return sentences(block.text)[0][:300]
    return ""
