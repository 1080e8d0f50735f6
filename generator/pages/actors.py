"""The actors: one page per person, organisation or place, the index by kind, and the names to review."""

from __future__ import annotations

from collections.abc import Iterator

from generator.markdown_text import attr, front_matter, href, html_text, md
from generator.models import Article, Briefing, EntitySummary
from generator.pages.charts import NETWORK_SIZE, network_svg
from generator.pages.charts import figure as chart_figure
from generator.pages.common import (
    Memo,
    article_inputs,
    date_label,
    digest,
    kind_title,
    kinds_in_order,
    search_filters,
    shared_inputs,
    short_label,
    source_link,
    sources_count,
)
from generator.pages.templating import markup, render
from generator.text import context, sentence_at

QUOTED_SOURCES = 20  # an actor page quotes its mentions in the newest 20 sources, then lists the others
LISTED_SOURCES = 200  # ... up to this many; past that, the count and where to find them (linear page size)
QUOTES_PER_SOURCE = 50  # sentences an actor page quotes from one source, then a count and a link
SIGNAL_LABELS = {"title": "after a title (“President …”)", "multi": "several capitalised words",
                 "multi-initial": "several capitalised words at a sentence start",
                 "acronym": "an expansion with its acronym", "speaker": "followed by “said”, “told” …",
                 "place": "after “in”, “from” …", "noun": "used as a name", "initial": "at a sentence start",
                 "adjective": "before a noun", "alias": "an acronym given with its expansion"}


def pages(briefing: Briefing) -> Iterator[tuple[str, str | Memo]]:
    """The actors index, the names to review, and one page per actor (made again only when what it
    shows changed)."""
    yield "entities/index.md", entities_index(briefing)
    yield "entities/review.md", review_page(briefing)
    shared = shared_inputs(briefing)
    for summary in briefing.entities:
        yield f"entities/{summary.entity.id}.md", Memo(_inputs_key(summary, briefing, shared),
                                                      lambda summary=summary: entity_page(summary, briefing))


def _inputs_key(summary: EntitySummary, briefing: Briefing, shared: str) -> str:
    """Everything entity_page reads: the actor's record, its mentions, its ties (with the other
    actors' names), the sources it quotes, lists or cites (article_inputs), and for its network the
    ties among the actors around it (which pairs, and the paragraph each line opens). Change both
    together."""
    listed = dict.fromkeys(article_id for article_id, _ in summary.mentions)
    cited = [article_id for r in summary.related for article_id, _ in r.evidence]
    around = [r.entity for r in summary.related[:NETWORK_SIZE - 1]]
    inside = set(around)
    ties = [[n, [[r.entity, r.evidence[:1]] for r in briefing.entity(n).related if r.entity in inside]] for n in around]
    parts = [shared, repr(summary.entity), [[a, m.anchor, m.start, m.end] for a, m in summary.mentions],
             [[r.entity, briefing.entity(r.entity).entity.name, r.paragraphs, r.evidence] for r in summary.related],
             ties, [article_inputs(briefing.by_id[a]) for a in dict.fromkeys([*list(listed)[:QUOTED_SOURCES + LISTED_SOURCES], *cited])]]
    return digest(parts)


def entity_page(summary: EntitySummary, briefing: Briefing) -> str:
    """One actor: who or what it is, every mention in context by source, and who is named with it."""
    entity = summary.entity
    by_id = briefing.by_id
    kind = entity.kind[:1].upper() + entity.kind[1:]
    description = entity.description or f"{kind} named in {sources_count(len(summary.sources))}."
    mentions_by_source: dict[str, list] = {}
    for article_id, mention in summary.mentions:
        mentions_by_source.setdefault(article_id, []).append(mention)
    page = f"entities/{entity.id}.md"
    glossary = briefing.config.glossary
    quoted = [_quotes(by_id[article_id], items, page, glossary)
              for article_id, items in list(mentions_by_source.items())[:QUOTED_SOURCES]]
    rest = list(mentions_by_source.items())[QUOTED_SOURCES:]
    older = [(markup(source_link(by_id[article_id], page, items[0].anchor)), date_label(by_id[article_id]), len(items))
             for article_id, items in rest[:LISTED_SOURCES]]
    related = [(briefing.entity(r.entity).entity, r.paragraphs, markup(", ".join(
        f"[{md(short_label(by_id[article_id]))} ¶ {anchor.split('-')[-1]}](../sources/{article_id}.md#{anchor})"
        for article_id, anchor in r.evidence))) for r in summary.related]
    return render("entity.md.j2", entity=entity, kind=kind, mentions=len(summary.mentions),
                  count=sources_count(len(summary.sources)),
                  front_matter=markup(front_matter({"title": attr(entity.name), "description": attr(description)})),
                  filters=markup(search_filters([("kind", "Actor")])),
                  why=", ".join(SIGNAL_LABELS.get(s, s) for s in entity.signals),
                  quoted=quoted, older=older, older_count=len(rest), related=related,
                  network=markup(_ego_network(summary, briefing, page)))


def _edges(ids: list[str], briefing: Briefing, page: str) -> list[tuple[int, int, int, str, str]]:
    """Lines between the actors `ids` that are named in the same paragraphs: (a, b, paragraphs,
    link to the first such paragraph, label). Each pair once, from the actors' own lists of ties."""
    at = {entity_id: i for i, entity_id in enumerate(ids)}
    edges = {}
    for i, entity_id in enumerate(ids):
        summary = briefing.entity(entity_id)
        for r in summary.related:
            j = at.get(r.entity)
            if j is None or (min(i, j), max(i, j)) in edges or not r.evidence:
                continue
            article_id, anchor = r.evidence[0]
            label = (f"{summary.entity.name} and {briefing.entity(r.entity).entity.name}: named in "
                     f"{r.paragraphs} paragraph{'s' if r.paragraphs != 1 else ''}")
            edges[min(i, j), max(i, j)] = (min(i, j), max(i, j), r.paragraphs,
                                           href(page, f"sources/{article_id}.md", anchor), label)
    return [edges[k] for k in sorted(edges)]


def _node(entity_id: str, briefing: Briefing, page: str) -> tuple[str, str, str]:
    return entity_id, briefing.entity(entity_id).entity.name, href(page, f"entities/{entity_id}.md")


def _ego_network(summary: EntitySummary, briefing: Briefing, page: str) -> str:
    """The actor in the middle, the actors most often named with it around it (its strongest ties,
    as in the table below the chart), and the ties among them; each line opens a paragraph."""
    ids = [summary.entity.id] + [r.entity for r in summary.related[:NETWORK_SIZE - 1]]
    if len(ids) < 3:
        return ""
    # The ties among the others are drawn thin, without their count: those counts grow with every
    # source that names two of them, and the page would change (be made, converted and indexed
    # again) with sources that do not name its actor at all.
    edges = [edge if edge[0] == 0 else (edge[0], edge[1], 0, edge[3], _also_named(ids[edge[0]], ids[edge[1]], briefing))
             for edge in _edges(ids, briefing, page)]
    alt = (f"Network: {summary.entity.name} and the {len(ids) - 1} actors most often named in the same paragraphs, "
           f"with {len(edges)} ties; the table below lists them with the paragraphs.")
    return chart_figure(network_svg([_node(i, briefing, page) for i in ids], edges, center=True), alt,
                         f"Named together: a line for each pair of actors named in the same paragraph; from "
                         f"{summary.entity.name}, the thicker the more often. Each line opens one such paragraph, "
                         f"each name its page.")


def _also_named(a: str, b: str, briefing: Briefing) -> str:
    return f"{briefing.entity(a).entity.name} and {briefing.entity(b).entity.name}: also named together"


def _overview_network(briefing: Briefing, page: str) -> tuple[str, list]:
    """The most mentioned reviewed actors and the ties among them, with the table of those ties."""
    top = sorted((e for e in briefing.entities if e.entity.reviewed),
                 key=lambda e: (-len(e.mentions), e.entity.name.casefold()))[:NETWORK_SIZE]
    ids = [e.entity.id for e in top]
    edges = _edges(ids, briefing, page)
    if len(ids) < 3 or not edges:
        return "", []
    alt = (f"Network: the {len(ids)} most mentioned actors and the {len(edges)} ties among them (named in the same "
           f"paragraphs); the table below lists each tie.")
    svg = chart_figure(network_svg([_node(i, briefing, page) for i in ids], edges), alt,
                        "The most mentioned actors, a line for each pair named in the same paragraph, the thicker the "
                        "more often; each line opens one such paragraph, each name its page.")
    names = {i: briefing.entity(i).entity for i in ids}
    ties = sorted(edges, key=lambda e: (-e[2], names[ids[e[0]]].name.casefold(), names[ids[e[1]]].name.casefold()))
    return svg, [(names[ids[a]].name, markup(href(page, f"entities/{ids[a]}.md")), names[ids[b]].name,
                  markup(href(page, f"entities/{ids[b]}.md")), weight, markup(link)) for a, b, weight, link, _ in ties]


def _spaced(text: str, glossary) -> str:
    """html_text() of a piece of a sentence, keeping one space at either end if it had one."""
    if not text.strip():
        return ""
    return (" " if text[:1].isspace() else "") + html_text(text, glossary) + (" " if text[-1:].isspace() else "")


def _quotes(article: Article, mentions, page: str, glossary) -> dict:
    """A source's title, publication and date, then each sentence naming the actor (the name apart,
    to be set in bold), linked to its paragraph; past QUOTES_PER_SOURCE, how many more."""
    blocks = {b.anchor: b.text for b in article.blocks}
    quotes: list[str] = []
    more, more_link = 0, ""
    seen: set[tuple[str, str]] = set()
    for n, mention in enumerate(mentions):
        if len(seen) == QUOTES_PER_SOURCE:
            more, more_link = len(mentions) - n, markup(href(page, f"sources/{article.id}.md", mention.anchor))
            break
        text = blocks[mention.anchor]
        sentence = (mention.anchor, sentence_at(text, mention.start)[0])
        if sentence in seen:
            continue  # the same sentence names it twice: quoted once, at its first mention
        seen.add(sentence)
        before, name, after = context(text, mention.start, mention.end)
        # each quote built here, not in the template: a template loop over them cost a third more
        quotes.append(f"<li>{_spaced(before, glossary)}<strong>{html_text(name)}</strong>{_spaced(after, glossary)} "
                      f'<a href="{href(page, f"sources/{article.id}.md", mention.anchor)}">¶ '
                      f'{html_text(mention.anchor.split("-")[-1])}</a></li>\n')
    return {"title": markup(source_link(article, page, markdown=True)), "date": date_label(article),
            "publication": article.meta.publication.value, "quotes": markup("".join(quotes)), "more": more,
            "more_link": more_link}


def entities_index(briefing: Briefing) -> str:
    """Every reviewed actor by kind, with mention counts; a pointer to the names to review."""
    reviewed = [e for e in briefing.entities if e.entity.reviewed]
    by_kind: dict[str, list[EntitySummary]] = {}
    for summary in reviewed:
        by_kind.setdefault(summary.entity.kind, []).append(summary)
    kinds = [(kind_title(kind), [(s.entity, len(s.mentions), len(s.sources)) for s in sorted(
        by_kind[kind], key=lambda e: (-len(e.mentions), e.entity.name.casefold()))]) for kind in kinds_in_order(by_kind)]
    network, ties = _overview_network(briefing, "entities/index.md")
    return render("actors.md.j2", front_matter=markup(front_matter({"title": "People, organisations and places"})),
                  reviewed=len(reviewed), unreviewed=len(briefing.entities) - len(reviewed), kinds=kinds,
                  network=markup(network), ties=ties)


def review_page(briefing: Briefing) -> str:
    """Names found in the sources and not in the gazetteer, for an editor to promote or ignore."""
    by_id = briefing.by_id
    names = []
    for summary in sorted((e for e in briefing.entities if not e.entity.reviewed),
                          key=lambda e: (-len(e.mentions), e.entity.name.casefold())):
        article_id, first = summary.mentions[0]
        names.append((summary.entity, ", ".join(SIGNAL_LABELS.get(s, s) for s in summary.entity.signals),
                      len(summary.mentions), markup(f"[{md(short_label(by_id[article_id]))} ¶ {first.anchor.split('-')[-1]}]"
                                                    f"(../sources/{article_id}.md#{first.anchor})")))
    return render("review.md.j2", front_matter=markup(front_matter({"title": "Names to review"})), names=names)
