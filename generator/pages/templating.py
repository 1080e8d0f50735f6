"""Page skeletons as Jinja2 templates (generator/templates/), escaped by default.

Two kinds of template, each with its own escaping, chosen by the file name:
- `*.md.j2`, Markdown: every printed value is escaped as Markdown (markdown_text.md: each ASCII
  punctuation character backslash-escaped, so nothing in a seed becomes a link, emphasis or HTML),
  '<' and '&' as HTML entities, so that a value printed inside a raw HTML block by mistake shows
  a stray backslash at worst, never a tag; text for raw HTML is printed with `|html`;
- `*.html.j2`, HTML: every printed value is escaped as HTML (markdown_text.html_text, as the
  Python helpers do; Jinja2's autoescape underneath).
Raw text reaches a page only as Markup, made by a helper that built it safely (html_text, href,
front_matter...), or through `|safe` on such a value. Whole numbers print as they are.
"""

from __future__ import annotations

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from generator.markdown_text import html_text, inline


def _markdown(value) -> Markup:
    """A value printed by a Markdown template: Markdown-escaped unless already built safely."""
    if isinstance(value, Markup):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return Markup(str(value))
    return Markup(inline(str(value)))


def _html(value) -> Markup:
    """A value printed by an HTML template, and the `html` filter of a Markdown one (for a raw HTML
    block): text as inert HTML."""
    if isinstance(value, Markup):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return Markup(str(value))
    return Markup(html_text(str(value)))


def _environment(finalize=None) -> Environment:
    env = Environment(loader=PackageLoader("generator", "templates"), autoescape=True, undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
                      **({"finalize": finalize} if finalize else {}))
    env.filters["html"] = _html
    env.filters["g"] = lambda number: Markup(f"{number:g}")  # 3.0 → 3, 2.5 → 2.5
    return env


_MARKDOWN = _environment(_markdown)
_HTML = _environment(_html)


def render(name: str, **values) -> str:
    """The template `name` (generator/templates/) filled with `values`."""
    env = _MARKDOWN if name.endswith(".md.j2") else _HTML
    return env.get_template(name).render(**values)


def markup(text: str) -> Markup:
    """Text a helper has already made safe (escaped Markdown or HTML), to print as it is."""
    return Markup(text)
