"""The home page: what the briefing covers, theme cards with lead points, the newest sources."""

from __future__ import annotations

from generator.markdown_text import attr, front_matter, md
from generator.models import Briefing
from generator.pages.common import NEWEST, citation, sources_count, span
from generator.pages.listing import source_table


def pages(briefing: Briefing) -> list[tuple[str, str]]:
    """The home page."""
    return [("index.md", overview_page(briefing))]


def overview_page(briefing: Briefing) -> str:
    """Home: what the briefing covers, theme cards with lead points, newest sources, how to search."""
    config = briefing.config
    by_id = briefing.by_id
    titles = {t.id: t.title for t in config.themes}
    years = sorted(int(a.meta.date.value[:4]) for a in briefing.articles if a.meta.date.value)
    pubs = {a.meta.publication.value for a in briefing.articles if a.meta.publication.value}
    out = [front_matter({"title": "Overview", "description": attr(config.description)}), f"# {md(config.title)}\n\n"]
    out.append(f"{md(config.description)}\n\n")
    out.append(f"This briefing draws on **{sources_count(len(briefing.articles))}** "
               f"{span((years[0], years[-1]) if years else (None, None))}, from {len(pubs)} named publication"
               f"{'s' if len(pubs) != 1 else ''}. Every point below is an exact sentence from a source and "
               "links to the paragraph it came from.\n\n")
    out.append("## Themes\n\n<div class=\"grid cards\" markdown>\n\n")
    for summary in briefing.themes:
        out.append(f"-   **[{md(summary.theme.title)}](themes/{summary.theme.id}.md)** · "
                   f"{sources_count(len(summary.sources))} {span(summary.years)}\n\n    ---\n\n")
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
        out.append(f"{sources_count(len(undated))} {'has' if len(undated) == 1 else 'have'} no date: "
                   f"{'it is' if len(undated) == 1 else 'they are'} listed after the dated ones"
                   f"{f' (the first {NEWEST} here)' if len(undated) > NEWEST else ''}.\n\n")
    out.append(source_table(dated[:NEWEST] + undated[:NEWEST], titles, "index.md"))
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
