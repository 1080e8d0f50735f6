"""What every page family shares: links and citations to a source, counts, dates, search marks.

Long lists (sources, quotes, events, actors) are written as raw HTML, escaped by html_text():
Markdown passes a raw HTML block through untouched, where each Markdown link or escape costs an
inline-pattern match (most of MkDocs' time at thousands of pages). Links there are final URLs
(href(): MkDocs does not rewrite links in raw HTML); headings stay Markdown, for the page's toc.
"""

from __future__ import annotations

import hashlib
import html
import json
from collections.abc import Callable
from dataclasses import dataclass

from generator.markdown_text import front_matter, href, html_text, human_date, inline
from generator.models import INFERRED, NONE, Article, Briefing
from generator.pages.templating import markup, render


@dataclass(frozen=True)
class Memo:
    """A page given as the digest of everything it is made from, and how to make it: the renderer
    makes it only when the digest differs from the one the file in docs/ was made from (issue 18).
    A family that gives one must put into the key all that `make` reads."""

    key: str
    make: Callable[[], str | bytes]



class Pieces(tuple):
    """A large file's bytes in order, in pieces (briefing.json): the renderer compares them with the
    file on disk and writes them piece by piece, so the whole file is never joined in memory (at
    10,000 sources the join and the file read back to compare each held another 236 MB: the build's
    peak)."""


def digest(parts) -> str:
    """A Memo's key: the digest of a JSON-able list of what a page reads."""
    return hashlib.sha256(json.dumps(parts, sort_keys=True, default=list).encode()).hexdigest()


def shared_inputs(briefing: Briefing) -> str:
    """What the memoised pages read of the briefing as a whole: the code that makes pages and what
    per-source work depends on (Briefing.inputs_digest, set by the pipeline from cache.py), the
    themes' titles and the glossary."""
    titles = [(t.id, t.title) for t in briefing.config.themes]
    return digest([briefing.inputs_digest, titles, list(briefing.config.glossary)])


def article_inputs(article: Article) -> list:
    """What fixes an article record, given the code and the configuration: the seed as read (its
    bytes, format, encoding, sidecar, embedded metadata and their provenance)."""
    source = article.source
    return [article.id, source.sha256, source.fmt, source.encoding, source.sidecar, source.embedded, source.provenance]

NEWEST = 5
# Material's search ranks a page's words by this factor: sources and theme pages, the article text
# and the briefing itself, come before the actor pages that quote them.
SEARCH_BOOST = {"boost": 2}


def source_link(article: Article, page: str, anchor: str = "", markdown: bool = False) -> str:
    """A link to a source (at `anchor`) from the page at docs path `page`; a title the source did not
    state (its first sentence) is in italics. HTML, its text escaped for where it stands: a raw HTML
    block, or (markdown=True) a Markdown paragraph, list or table, which still reads the text."""
    text = inline(article.meta.title.value) if markdown else html_text(article.meta.title.value)
    link = f'<a href="{href(page, f"sources/{article.id}.md", anchor)}">{text}</a>'
    return f"<em>{link}</em>" if article.meta.title.basis in (INFERRED, NONE) else link


def date_label(article: Article) -> str:
    """'4 May 2021', or '4 May 2021 (inferred)' when the date was deduced from the text."""
    date = article.meta.date
    label = human_date(date.value)
    return f"{label} (inferred)" if date.value and date.basis == INFERRED else label


def citation(article: Article, anchor: str, page: str, markdown: bool = False, dated: bool = True) -> str:
    """'Title · Publication · 4 May 2021', the title linked to the paragraph at `anchor` from `page`
    (escaped for where it stands, as source_link()); without the date where the line gives it already."""
    escape = inline if markdown else html_text
    parts = [source_link(article, page, anchor, markdown)]
    if article.meta.publication.value:
        parts.append(f"<em>{escape(article.meta.publication.value)}</em>")
    if dated:
        parts.append(escape(date_label(article)))
    return " · ".join(parts)


def sources_count(n: int) -> str:
    """'1 source', '5 sources'."""
    return f"{n} source{'s' if n != 1 else ''}"


def span(years) -> str:
    """'from 2006 to 2021', 'from 2021', or nothing for (None, None)."""
    first, last = years
    if first is None:
        return ""
    return f"from {first}" if first == last else f"from {first} to {last}"


def year_of(article: Article) -> str:
    """The year of a source's date, or 'undated'."""
    return article.meta.date.value[:4] if article.meta.date.value else "undated"


def short_label(article: Article) -> str:
    """A short label for a source in a list of links: its publication (or first title words), its year."""
    date = article.meta.date.value
    label = article.meta.publication.value
    if not label:
        title = article.meta.title.value.split()
        label = " ".join(title[:4]) + ("…" if len(title) > 4 else "")
    return f"{label} {date[:4]}" if date else label


def years_table(by_year: dict[str, list], folder: str, noun: str) -> str:
    """The index of a list split by year: each year, linked to its page (folder/<year>.md), and its count."""
    rows = [f"| Year | {noun} |\n|---|---:|\n"]
    rows += [f"| [{year}]({folder}/{year}.md) | {len(items):,} |\n" for year, items in by_year.items()]
    return "".join(rows) + "\n"


def year_page(title: str, intro: str, body: str) -> str:
    """One year of a split list (the title is ours: a label and a year); `intro` (Markdown) links back to
    all years, `body` is the year's list."""
    return render("year.md.j2", front_matter=markup(front_matter({"title": title})), title=markup(title),
                  intro=markup(intro), body=markup(body))


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


# How kinds are titled on the index, in this order; any other kind follows, titled as written.
KIND_TITLES = {"person": "People", "organisation": "Organisations", "country": "Countries", "place": "Places",
               "military unit": "Military units", "armed group": "Armed groups", "media": "Media",
               "event": "Events", "unclassified": "Not yet classified"}


def kinds_in_order(kinds) -> list[str]:
    """Kinds of actor in the order of KIND_TITLES, others after them, 'unclassified' last."""
    order = list(KIND_TITLES)
    return sorted(kinds, key=lambda k: (order.index(k) if k in order else len(order) - 1, k == "unclassified", k))


def kind_title(kind: str) -> str:
    """'person' → 'People'; a kind not in KIND_TITLES as written, capitalised."""
    return KIND_TITLES.get(kind, kind[:1].upper() + kind[1:])
