"""Charts, drawn at build time as static SVG placed in the page: no script, no request to any host.

Bar and dot charts are pygal's (pure Python; about 10 ms a chart, against 35 ms and a 0.8 s start
for Vega-Lite through vl-convert, measured on this machine; see benchmarks/RESULTS.md). pygal
names each chart with a random id and dates its output; both are replaced here by values made from
the chart itself, so that a page is byte-identical from one build to the next. The network of
actors named together is drawn here by hand: neither pygal nor Vega-Lite lays out a network, and
the libraries that do (networkx with matplotlib) cost far more per chart than its dozen nodes
need. Colours come from Material's CSS variables (in pygal's style sheet, and briefing.css for the
network), so every chart follows the light and dark palettes. Each chart is a <figure> with a
text alternative; the page gives the data behind it as a table or a link.
"""

from __future__ import annotations

import hashlib
import math
import re

import pygal
from pygal.style import Style

from generator.markdown_text import html_text

# Mid-tone colours, legible on the light and the dark background.
PALETTE = ("#5c6bc0", "#ef8a00", "#26a69a", "#c45ab3", "#8d6e63", "#7e8f99", "#d4a017", "#3f9bd6")
STYLE = Style(
    background="transparent", plot_background="transparent",
    foreground="var(--md-default-fg-color--light)", foreground_strong="var(--md-default-fg-color)",
    foreground_subtle="var(--md-default-fg-color--lightest)",
    font_family="var(--md-text-font-family, -apple-system, Helvetica, Arial, sans-serif)",
    label_font_size=12, major_label_font_size=12, legend_font_size=13, title_font_size=14,
    colors=PALETTE, opacity=".9", opacity_hover="1", transition="0s",
    guide_stroke_color="var(--md-default-fg-color--lightest)",
    major_guide_stroke_color="var(--md-default-fg-color--lighter)",
)
_RANDOM_ID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_SCRIPT = re.compile(r"<script.*?</script>", re.S)  # pygal's settings for its (unused) script
NETWORK_SIZE = 12  # actors in a network: the strongest ties only, so that it stays readable


def _svg(chart) -> str:
    """pygal's SVG, made reproducible and script-free: comments (with the day it was drawn) and its
    settings script out, its random id replaced by one made from the drawing itself."""
    text = _SCRIPT.sub("", _COMMENT.sub("", chart.render(is_unicode=True))).replace("\n", " ")  # one line
    stable = hashlib.sha256(_RANDOM_ID.sub("", text).encode()).hexdigest()[:12]
    return _RANDOM_ID.sub(stable, text)


def figure(svg: str, alt: str, caption: str) -> str:
    """A chart as the page shows it: an image with its text alternative, and a caption. Out of both
    searches (axis labels are not text to find)."""
    return (f'<figure class="chart" data-search-exclude>\n<div role="img" aria-label="{html_text(alt)}">'
            f"{svg}</div>\n<figcaption>{html_text(caption)}</figcaption>\n</figure>\n\n")


def _config(**extra):
    extra.setdefault("show_y_guides", True)
    return dict(style=STYLE, js=[], disable_xml_declaration=True, explicit_size=False, pretty_print=False,
                show_x_guides=False, print_values=False, margin=8, spacing=12, **extra)


def years_chart(by_year, links: dict[int, str] | None = None) -> str:
    """Bars per year: sources published and dated events (a theme's by_year). Event bars link to
    the timeline's year when `links` gives its address."""
    years = [y for y, _, _ in by_year]
    chart = pygal.Bar(**_config(width=560, height=260, legend_at_bottom=True, legend_at_bottom_columns=2,
                                x_label_rotation=-45 if len(years) > 14 else 0,
                                show_minor_x_labels=len(years) <= 30, truncate_legend=-1))
    chart.x_labels = [str(y) for y in years]
    if len(years) > 30:
        chart.x_labels_major = [str(y) for y in years if y % 5 == 0]
    chart.add("Sources published", [n or None for _, n, _ in by_year])
    chart.add("Dated events", [{"value": e, "xlink": {"href": links[y]}} if e and links and y in links else (e or None)
                               for y, _, e in by_year])
    return _svg(chart)


def grid_chart(rows: list[tuple[str, dict[int, int]]]) -> str:
    """Themes × years: a dot per theme and year, its size the number of sources published."""
    years = sorted({y for _, counts in rows for y in counts})
    if not years:
        return ""
    span = list(range(years[0], years[-1] + 1))
    chart = pygal.Dot(**_config(width=560, height=80 + 40 * len(rows), show_legend=False,
                                x_label_rotation=-45 if len(span) > 14 else 0, show_y_guides=False,
                                truncate_label=-1, show_minor_x_labels=len(span) <= 30))
    chart.x_labels = [str(y) for y in span]
    if len(span) > 30:
        chart.x_labels_major = [str(y) for y in span if y % 5 == 0]
    for title, counts in rows:
        chart.add(title, [counts.get(y) or None for y in span])
    return _svg(chart)


def network_svg(nodes: list[tuple[str, str, str]], edges: list[tuple[int, int, int, str, str]],
                center: bool = False) -> str:
    """Actors named together: nodes (id, name, link) on a circle, the first in the middle when
    `center`; edges (a, b, weight, link, label) as lines whose width grows with the weight (0: the
    thinnest, a tie not counted), each a
    link to a paragraph that names both. Colours and fonts come from briefing.css (.network)."""
    width, height = 640, 440
    cx, cy = width / 2, height / 2
    ring = nodes[1:] if center else nodes
    radius = min(cx - 175, cy - 36)  # room beside the ring for a 20-letter name
    places = [(cx, cy)] if center else []
    for i in range(len(ring)):
        angle = -math.pi / 2 + 2 * math.pi * i / max(len(ring), 1)
        places.append((cx + radius * math.cos(angle), cy + radius * math.sin(angle)))
    top = max((w for _, _, w, _, _ in edges), default=0) or 1  # a weight of 0: a thin line, uncounted
    parts = [f'<svg class="network" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}">']
    for a, b, weight, link, label in sorted(edges, key=lambda e: e[2]):
        (x1, y1), (x2, y2) = places[a], places[b]
        stroke = 1 + 5 * math.sqrt(weight / top)
        parts.append(f'<a href="{html_text(link)}"><line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" '
                     f'stroke-width="{stroke:.1f}"><title>{html_text(label)}</title></line></a>')
    for i, (_, name, link) in enumerate(nodes):
        x, y = places[i]
        main = center and i == 0
        if main:
            tx, ty, anchor = x, y - 16, "middle"
        else:
            dx, dy = x - cx, y - cy
            norm = math.hypot(dx, dy) or 1
            tx, ty = x + 12 * dx / norm, y + 12 * dy / norm + 4
            anchor = "start" if dx > 1 else "end" if dx < -1 else "middle"
        label = name if len(name) <= 20 else name[:19] + "…"
        parts.append(f'<a href="{html_text(link)}"><circle class="{"main" if main else "node"}" cx="{x:.1f}" '
                     f'cy="{y:.1f}" r="{9 if main else 6}"><title>{html_text(name)}</title></circle>'
                     f'<text x="{tx:.1f}" y="{ty:.1f}" text-anchor="{anchor}">{html_text(label)}</text></a>')
    parts.append("</svg>")
    return "".join(parts)


def data_table(headers: tuple[str, ...], rows) -> str:
    """The figures behind a chart, folded under it: a table (out of search and print, as the chart)."""
    head = "".join(f"<th>{html_text(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>\n" for row in rows)
    return (f'<details class="note" data-search-exclude>\n<summary>The figures behind the chart</summary>\n'
            f"<table>\n<thead><tr>{head}</tr></thead>\n<tbody>\n{body}</tbody>\n</table>\n</details>\n\n")
