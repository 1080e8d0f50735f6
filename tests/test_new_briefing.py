"""A briefing on another subject (issue 15): `briefing init`, then `briefing add` of real articles on
water, ice and forests (tests/corpus/, none of them the flagship's), with its own themes and gazetteer.
The site it builds must never name the flagship, and the generator's code must hold no topic word.
Real CLI, real MkDocs, real files."""

from __future__ import annotations

import ast
import re

import pytest
import yaml

from conftest import ROOT, run_cli

ARTICLES = ("analysis-aguanomics-big-picture.txt", "analysis-brinknews-water-access.txt",
            "analysis-targetednews-wmo-glaciers.txt", "interview-lindseynicholson-st-anton-glaciers.txt",
            "paste-scienceovereverything-coral-interview.txt", "paste-hrw-rainforest-mafias.txt")

THEMES = """
themes:
  - id: water-scarcity
    title: Water scarcity
    description: Who gets water, at what price, and what happens when there is not enough.
    threshold: 6
    terms: {water: 1, scarcity: 3, drought*: 2, irrigation: 2, aquifer*: 2, groundwater: 2, shortage*: 2}
    facets:
      Prices and markets: [price*, market*, cost*]
      Policy: [polic*, government*, regulat*]
  - id: ice-and-climate
    title: Ice and climate
    description: Glaciers and ice sheets, how fast they melt, and what that means.
    threshold: 6
    terms: {glacier*: 3, ice: 2, melt*: 2, climate: 1, warming: 2, snow: 1}
  - id: forests-and-reefs
    title: Forests and reefs
    description: Rainforests and coral reefs under threat.
    threshold: 6
    terms: {rainforest*: 3, deforestation: 3, logging: 2, coral*: 3, reef*: 3, forest*: 1}
"""

GAZETTEER = """
entities:
  - {id: wmo, name: World Meteorological Organization, kind: organisation, aliases: [WMO],
     description: The intergovernmental agency for weather and climate.}
  - {id: brazil, name: Brazil, kind: country, aliases: [], description: The country of most of the Amazon.}
  - {id: amazon, name: Amazon, kind: place, aliases: [Amazon rainforest], description: The rainforest of the Amazon basin.}
  - {id: alps, name: Alps, kind: place, aliases: [], description: The mountain range of central Europe.}
"""


def _flagship_words() -> set[str]:
    """The flagship's names (its gazetteer's names and aliases of four letters or more, but for the
    news agencies, which the generator knows as any newsroom does: "TASS", "Interfax"), its currency
    and demonyms, and the words of its title."""
    gazetteer = yaml.safe_load((ROOT / "gazetteer.yml").read_text(encoding="utf-8"))
    words = {n for e in gazetteer["entities"] if e["kind"] != "media"
             for n in [e["name"], *(e.get("aliases") or [])] if len(n) >= 4}
    config = yaml.safe_load((ROOT / "briefing.yml").read_text(encoding="utf-8"))
    words |= set(config["figures"]["currencies"]) | set(config["figures"]["people"])
    words |= {"Russia", "Tajikistan", "Tajik", "Dushanbe"}
    return words


def _named(text: str, words: set[str]) -> set[str]:
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + r")\b")
    return set(pattern.findall(text))


@pytest.fixture(scope="module")
def water(tmp_path_factory):
    where = tmp_path_factory.mktemp("other")
    result = run_cli("init", "water", "--title", "Water, ice and forests watch", cwd=where)
    assert result.returncode == 0, result.stderr
    project = where / "water"
    config = (project / "briefing.yml").read_text(encoding="utf-8")
    config = config[:config.index("themes:")] + THEMES.lstrip()
    (project / "briefing.yml").write_text(config, encoding="utf-8")
    (project / "gazetteer.yml").write_text(GAZETTEER, encoding="utf-8")
    paths = [str(ROOT / "tests" / "corpus" / name) for name in ARTICLES]
    result = run_cli("add", *paths, "--strict", cwd=project)
    assert result.returncode == 0, result.stderr
    return project


def test_init_writes_a_project_that_builds_at_once_and_never_overwrites(tmp_path):
    result = run_cli("init", "fresh", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    project = tmp_path / "fresh"
    assert {p.name for p in project.iterdir()} >= {"briefing.yml", "gazetteer.yml", "mkdocs.yml", "seeds", "docs",
                                                    "overrides", ".gitignore"}
    assert yaml.safe_load((project / "briefing.yml").read_text(encoding="utf-8"))["title"] == "Fresh"
    result = run_cli("build", "--strict", cwd=project)
    assert result.returncode == 0, result.stderr
    assert re.search(r"<title>[^<]*Fresh</title>", (project / "site" / "index.html").read_text(encoding="utf-8"))
    about = (project / "docs" / "about.md").read_bytes()
    again = run_cli("init", "fresh", "--title", "Other", cwd=tmp_path)
    assert again.returncode == 1 and "not an empty folder" in again.stderr
    assert (project / "docs" / "about.md").read_bytes() == about  # nothing overwritten
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".fresh-")]  # nothing half-written left


def test_a_briefing_on_another_subject_never_names_the_flagship(water):
    site = water / "site"
    assert "Water, ice and forests watch" in (site / "index.html").read_text(encoding="utf-8")
    for theme in ("water-scarcity", "ice-and-climate", "forests-and-reefs"):
        page = (site / "themes" / theme / "index.html").read_text(encoding="utf-8")
        assert 'id="in-brief"' in page, theme
    assert (site / "entities" / "wmo" / "index.html").exists() and (site / "entities" / "brazil" / "index.html").exists()
    words = _flagship_words()
    leaks = {}
    for path in site.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".json", ".xml", ".csv", ".js", ".css", ".txt", ".md", ".svg") \
                and not path.relative_to(site).as_posix().startswith("assets/javascripts/"):  # Material's own
            found = _named(path.read_text(encoding="utf-8", errors="replace"), words)
            if found:
                leaks[path.relative_to(site).as_posix()] = found
    assert not leaks, leaks


def test_the_generator_holds_no_topic_word_outside_its_comments():
    """Code and templates: every string the generator could put on a page (docstrings and comments,
    which name the flagship's cases as examples, aside)."""
    words = _flagship_words()
    found = {}
    for path in sorted((ROOT / "generator").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                      if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
                      and node.body and isinstance(node.body[0], ast.Expr)
                      and isinstance(node.body[0].value, ast.Constant)}
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
                hits = _named(node.value, words)
                if hits:
                    found.setdefault(path.relative_to(ROOT).as_posix(), set()).update(hits)
    for path in sorted((ROOT / "generator").rglob("*.j2")) + sorted((ROOT / "generator" / "starter").iterdir()):
        hits = _named(re.sub(r"\{#.*?#\}", "", path.read_text(encoding="utf-8"), flags=re.S), words)
        if hits:
            found[path.relative_to(ROOT).as_posix()] = hits
    assert not found, found
