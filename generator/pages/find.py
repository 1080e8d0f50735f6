"""The search page with filters: Pagefind's interface over the index built after MkDocs (generator/search.py)."""

from __future__ import annotations

from importlib.resources import files

from generator.markdown_text import front_matter

SCRIPT = files("generator").joinpath("templates", "find.js").read_bytes()


def pages(briefing) -> list[tuple[str, str | bytes]]:
    """The search page and its script."""
    return [("find.md", find_page()), ("find.js", SCRIPT)]


def find_page() -> str:
    """The page: a heading, a line on what it does, Pagefind's interface, and a notice for the offline copy."""
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
            '<script src="../find.js"></script>\n')
