"""Records → pages. One module per page family; FAMILIES below is the one list of them.

Each family says what it writes (paths under docs/, a folder ending in '/') and where it stands in
the site's navigation. The renderer walks FAMILIES to make every file, the MkDocs hook takes the
navigation from it, and the tests take the generated paths from it (and from the manifest). To add
a page type: a module here with a `pages(briefing)` function, and one line in FAMILIES (README,
"Adding a page type").

Pure: every builder returns text or bytes; render.py writes them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from generator.models import Briefing
from generator.pages import (
    actors,
    data,
    differences,
    find,
    glossary,
    listing,
    overview,
    source,
    themes,
    timeline,
    whatsnew,
)
from generator.pages.common import Memo, Pieces

Built = Iterable[tuple[str, "str | bytes | Pieces | Memo"]]


@dataclass(frozen=True)
class Family:
    """One kind of generated page."""

    name: str
    build: Callable[[Briefing], Built]
    paths: tuple[str, ...]  # what it writes under docs/: files, or folders ending in '/'
    nav: tuple[tuple[str, str], ...] = ()  # (title, page) in the navigation, in this order


FAMILIES: tuple[Family, ...] = (
    Family("overview", overview.pages, ("index.md",), (("Overview", "index.md"),)),
    Family("whats-new", whatsnew.pages, ("whats-new.md", "feed.xml"), (("What's new", "whats-new.md"),)),
    Family("themes", themes.pages, ("themes/",), (("Themes", "themes/index.md"),)),
    Family("sources", lambda b: [*listing.pages(b), *source.pages(b)], ("sources/",),
           (("Sources", "sources/index.md"),)),
    Family("tags", themes.tags_pages, ("tags.md",), (("By theme", "tags.md"),)),
    Family("timeline", timeline.pages, ("timeline.md", "timeline/", "timeline.csv"), (("Timeline", "timeline.md"),)),
    Family("differences", differences.pages, ("differences.md", "differences/"),
           (("Where sources differ", "differences.md"),)),
    Family("actors", actors.pages, ("entities/",), (("Actors", "entities/index.md"),)),
    Family("glossary", glossary.pages, ("glossary.md",), (("Glossary", "glossary.md"),)),
    Family("find", find.pages, ("find.md", "find.js"), (("Search with filters", "find.md"),)),
    Family("data", data.pages, ("briefing.json",)),
)


def iter_pages(briefing: Briefing) -> Iterator[tuple[str, str | bytes | Pieces | Memo]]:
    """Every generated file as (path under docs/, text or bytes), family by family, one at a time."""
    for family in FAMILIES:
        yield from family.build(briefing)


def navigation() -> list[tuple[str, str]]:
    """The generated pages' entries in the site's navigation, in order."""
    return [entry for family in FAMILIES for entry in family.nav]


def generated_paths() -> list[str]:
    """Everything the generator may write under docs/ (files, and folders ending in '/')."""
    return [path for family in FAMILIES for path in family.paths]
