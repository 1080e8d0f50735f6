"""The search page with filters: Pagefind's interface over the index built after MkDocs (generator/search.py)."""

from __future__ import annotations

from importlib.resources import files

from generator.markdown_text import front_matter
from generator.pages.templating import markup, render


def pages(briefing) -> list[tuple[str, str | bytes]]:
    """The search page and its script (read when the pages are made, not whenever pages/ is imported)."""
    return [("find.md", find_page()), ("find.js", files("generator").joinpath("templates", "find.js").read_bytes())]


def find_page() -> str:
    """The page: a heading, a line on what it does, Pagefind's interface, and a notice for the offline copy."""
    return render("find.md.j2", front_matter=markup(front_matter({
        "title": "Search with filters",
        "description": "Search every page, narrowed by theme, publication, year or kind of page."})))
