"""The glossary page, and the glossary as abbreviations for every page's tooltips."""

from __future__ import annotations

from generator.markdown_text import front_matter, usable_abbreviation
from generator.models import Briefing
from generator.pages.templating import markup, render


def pages(briefing: Briefing) -> list[tuple[str, str]]:
    """The glossary page."""
    return [("glossary.md", glossary_page(briefing))]


def glossary_page(briefing: Briefing) -> str:
    """Every term of briefing.yml's glossary with its meaning."""
    return render("glossary.md.j2", front_matter=markup(front_matter({"title": "Glossary"})),
                  glossary=briefing.config.glossary)


def abbreviations(glossary) -> str:
    """Markdown abbreviation definitions (the abbr extension), appended to every page by the hook."""
    lines = []
    for term, definition in glossary:
        if usable_abbreviation(term):
            lines.append(f"*[{term}]: {' '.join(definition.split())}")
    return "\n\n" + "\n".join(lines) + "\n" if lines else ""
