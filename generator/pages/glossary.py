"""The glossary page, and the glossary as abbreviations for every page's tooltips."""

from __future__ import annotations

from generator.markdown_text import front_matter, md, usable_abbreviation
from generator.models import Briefing


def pages(briefing: Briefing) -> list[tuple[str, str]]:
    """The glossary page."""
    return [("glossary.md", glossary_page(briefing))]


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
