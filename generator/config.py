"""Load and validate briefing.yml into frozen records; collect every problem, then stop once."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

import yaml

from generator.checks import ID_RE, entry_name, included, known_keys, optional_text, read_yaml, texts
from generator.errors import ConfigError, Problem
from generator.gazetteer import NOT_A_COUNTRY, Gazetteer, load_gazetteer
from generator.untrusted import Unreadable

RESERVED_THEME_IDS = {"index"}  # themes/index.md is the themes index page


TOP_KEYS = {"title", "description", "seeds", "docs", "key_points", "themes", "gazetteer", "glossary", "search",
            "figures", "recent_years"}


SEARCH_KEYS = {"material_box_up_to", "sources_per_bundle"}


FIGURE_KEYS = {"currencies", "people", "same", "units"}


MATERIAL_BOX_UP_TO = 100  # sources; above, the header's box sends the query to the Pagefind page
SOURCES_PER_BUNDLE = 1000  # source pages per bundle of the search page's index (search.py)
RECENT_YEARS = 3  # a theme's statements older than its newest source by more than this show their year


THEME_KEYS = {"id", "title", "description", "threshold", "terms", "facets", "about"}


@dataclass(frozen=True)
class Theme:
    id: str
    title: str
    description: str
    threshold: float
    terms: tuple[tuple[str, float], ...]  # (term, weight); "term*" matches any word ending
    # sub-topics: (title, its terms); a statement belongs to the one whose terms it carries most
    facets: tuple[tuple[str, tuple[str, ...]], ...] = ()
    # the countries (gazetteer ids) the theme is about: a sentence that names countries, none of
    # them these, is not the theme's (themes.py); empty: any
    about: tuple[str, ...] = ()

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        """One case-insensitive alternation of every term, whole words only."""
        return term_pattern(tuple(t for t, _ in self.terms))

    @cached_property
    def weights(self) -> dict[str, float]:
        return dict(self.terms)

    def weight(self, term: str) -> float:
        return self.weights[term]


@dataclass(frozen=True)
class Config:
    path: Path
    root: Path
    title: str
    description: str
    seeds_dir: Path
    docs_dir: Path
    key_points: int
    themes: tuple[Theme, ...]
    # a statement from a source older than its theme's newest by more than this many years is labelled
    # with its year; Latest developments come from the sources within it
    recent_years: int = RECENT_YEARS
    gazetteer: Gazetteer = Gazetteer()
    glossary: tuple[tuple[str, str], ...] = ()  # (term, definition), sorted by term
    material_box_up_to: int = MATERIAL_BOX_UP_TO  # see hooks.on_config
    sources_per_bundle: int = SOURCES_PER_BUNDLE  # source pages per search index bundle (search.py)
    currencies: tuple[tuple[str, str], ...] = ()  # the topic's own currency names → codes ("rupee": "INR")
    people: tuple[str, ...] = ()  # the topic's own counted nouns ("Kurds"), beyond figures.PEOPLE
    # counted nouns that name the same thing, compared as one ("troops", "soldiers"); else never compared
    same_units: tuple[tuple[str, ...], ...] = ()
    units: tuple[tuple[str, str], ...] = ()  # the topic's own units: (word, what it measures), ("bales", "cotton")

    def theme(self, theme_id: str) -> Theme:
        for theme in self.themes:
            if theme.id == theme_id:
                return theme
        known = ", ".join(t.id for t in self.themes)
        raise KeyError(f"unknown theme {theme_id!r}; known themes: {known}")


def _term_regex(term: str) -> str:
    """A term as regex text: words separated by any whitespace or hyphen, '*' as a word ending."""
    wildcard = term.endswith("*")
    words = re.split(r"[\s]+", term.rstrip("*").strip())
    body = r"[\s\u00a0-]+".join(re.escape(w) for w in words)
    return body + (r"[\w’'-]*" if wildcard else "")


_PATTERNS: dict[tuple[str, ...], re.Pattern[str]] = {}


def term_pattern(terms: tuple[str, ...]) -> re.Pattern[str]:
    """Terms as one case-insensitive pattern of whole words, longest first (\"term*\" matches any ending)."""
    if terms not in _PATTERNS:
        # Longest first, so "Islamic State" wins over "Islamic"; one named group per term.
        order = sorted(range(len(terms)), key=lambda i: (-len(terms[i]), terms[i]))
        alternation = "|".join(f"(?P<t{i}>{_term_regex(terms[i])})" for i in order)
        _PATTERNS[terms] = re.compile(rf"(?<![\w])(?:{alternation})(?![\w])", re.IGNORECASE)
    return _PATTERNS[terms]


def term_of(match: re.Match[str], terms: tuple[tuple[str, float], ...]) -> str:
    """The configured term a match of Theme.pattern stands for."""
    group = match.lastgroup
    assert group is not None, "every alternative of Theme.pattern is a named group"
    return terms[int(group[1:])][0]


def load(path: Path | str) -> Config:
    """Read briefing.yml; raise ConfigError listing every problem as 'file: key: problem'."""
    path = Path(path)
    try:
        raw = read_yaml(path)
    except FileNotFoundError:
        raise ConfigError([f"{path}: not found (the briefing configuration, see README)"]) from None
    except (yaml.YAMLError, UnicodeDecodeError, ValueError, TypeError) as exc:
        raise ConfigError([f"{path}: not valid YAML: {exc}"]) from None
    except Unreadable as exc:
        raise ConfigError([f"{path}: {exc}"]) from None
    problems: list[str] = []
    config = _validate(raw, path, problems)
    if problems or config is None:
        raise ConfigError(problems)
    return config


def _validate(raw: Any, path: Path, problems: list[str]) -> Config | None:
    def problem(key: str, text: str) -> None:
        problems.append(Problem(path.name, text, key))

    if not isinstance(raw, dict):
        problem("(top)", "expected a mapping with title, themes, ...")
        return None
    known_keys(raw, TOP_KEYS, "", problem)
    title = raw.get("title")
    if not isinstance(title, str) or not title.strip():
        problem("title", "expected a non-empty string")
    description = raw.get("description", "")
    if not isinstance(description, str):
        problem("description", "expected a string")
    key_points = raw.get("key_points", 6)
    if not isinstance(key_points, int) or isinstance(key_points, bool) or key_points < 1:
        problem("key_points", "expected a whole number of at least 1")
    recent_years = raw.get("recent_years", RECENT_YEARS)
    if not isinstance(recent_years, int) or isinstance(recent_years, bool) or recent_years < 0:
        problem("recent_years", "expected a whole number of years, 0 or more")
    for key in ("seeds", "docs"):
        if not isinstance(raw.get(key, key), str):
            problem(key, "expected a folder path as a string")
    themes_raw = raw.get("themes")
    themes: list[Theme] = []
    if not isinstance(themes_raw, list) or not themes_raw:
        problem("themes", "expected a non-empty list of themes")
        themes_raw = []
    seen: set[str] = set()
    for n, item in enumerate(themes_raw):
        tid = item.get("id") if isinstance(item, dict) else None
        if isinstance(tid, str):
            if tid in seen:
                problem(f"themes.{tid}", "duplicate theme id")
            seen.add(tid)
        theme = _validate_theme(item, n, problem)
        if theme is not None:
            themes.append(theme)
    gazetteer = load_gazetteer(raw.get("gazetteer"), path, problems)
    for theme in themes:
        for country in theme.about:
            if country not in gazetteer.countries:
                problem(f"themes.{theme.id}.about", f"{country!r} {NOT_A_COUNTRY}")
    glossary = _load_glossary(raw.get("glossary"), path, problems)
    material_box_up_to, sources_per_bundle = _search_settings(raw.get("search") or {}, problem)  # `search:` left empty: defaults
    currencies, people = _figure_words(raw.get("figures") or {}, problem)
    figures: dict = raw["figures"] if isinstance(raw.get("figures"), dict) else {}
    same_units = _same_units(figures.get("same"), problem)
    units = _units(figures.get("units"), problem)
    if problems:
        return None
    root = path.parent
    return Config(
        path=path,
        root=root,
        title=str(title).strip(),
        description=(description or "").strip(),
        seeds_dir=root / raw.get("seeds", "seeds"),
        docs_dir=root / raw.get("docs", "docs"),
        key_points=key_points,
        themes=tuple(themes),
        recent_years=recent_years,
        gazetteer=gazetteer,
        glossary=glossary,
        material_box_up_to=material_box_up_to,
        sources_per_bundle=sources_per_bundle,
        currencies=currencies,
        people=people,
        same_units=same_units,
        units=units,
    )


def _figure_words(value: Any, problem) -> tuple[tuple[tuple[str, str], ...], tuple[str, ...]]:
    """figures: {currencies: {word: CODE}, people: [noun, ...]}: what this topic's figures are counted in."""
    if not isinstance(value, dict):
        problem("figures", "expected a mapping such as {currencies: {rupee: INR}, people: [Kurds]}")
        return (), ()
    known_keys(value, FIGURE_KEYS, "figures", problem)
    currencies = value.get("currencies") or {}
    people = value.get("people") or []
    ok_currencies = isinstance(currencies, dict) and all(
        isinstance(w, str) and w.strip() and isinstance(c, str) and re.fullmatch(r"[A-Z]{3}", c)
        for w, c in currencies.items())
    if not ok_currencies:
        problem("figures.currencies", "expected a mapping of currency word: three-letter code (rupee: INR)")
    ok_people = isinstance(people, list) and all(isinstance(n, str) and n.strip() for n in people)
    if not ok_people:
        problem("figures.people", "expected a list of nouns (Kurds, Yazidis)")
    return (tuple(sorted((w.strip(), c) for w, c in currencies.items())) if ok_currencies else (),
            tuple(n.strip() for n in people) if ok_people else ())


def _same_units(value: Any, problem) -> tuple[tuple[str, ...], ...]:
    """figures.same: [[troops, soldiers], ...]: counted nouns that name the same thing (compare.py)."""
    if value is None:
        return ()
    if not isinstance(value, list) or not all(
            isinstance(group, list) and len(group) >= 2 and all(isinstance(n, str) and n.strip() for n in group)
            for group in value):
        problem("figures.same", "expected a list of lists of nouns that name the same thing: [[troops, soldiers]]")
        return ()
    return tuple(tuple(n.strip().lower() for n in group) for group in value)


def _units(value: Any, problem) -> tuple[tuple[str, str], ...]:
    """figures.units: {bales: cotton, carats: diamonds}: the topic's own units, each with what it measures."""
    if value is None:
        return ()
    if not isinstance(value, dict) or not all(isinstance(w, str) and w.strip() and isinstance(m, str) and m.strip()
                                              for w, m in value.items()):
        problem("figures.units", "expected a mapping of unit word: what it measures (bales: cotton)")
        return ()
    return tuple(sorted((w.strip(), m.strip()) for w, m in value.items()))


def _search_settings(value: Any, problem) -> tuple[int, int]:
    """search: {material_box_up_to: N, sources_per_bundle: M}: the most sources for which the header's
    box is Material's; how many source pages go in one bundle of the search page's index."""
    if not isinstance(value, dict):
        problem("search", "expected a mapping such as {material_box_up_to: 100}")
        return MATERIAL_BOX_UP_TO, SOURCES_PER_BUNDLE
    known_keys(value, SEARCH_KEYS, "search", problem)

    def count(key: str, default: int, least: int) -> int:
        number = value.get(key, default)
        if not isinstance(number, int) or isinstance(number, bool) or number < least:
            problem(f"search.{key}", f"expected a whole number of sources ({least} or more)")
            return default
        return number

    return count("material_box_up_to", MATERIAL_BOX_UP_TO, 0), count("sources_per_bundle", SOURCES_PER_BUNDLE, 1)


def _load_glossary(value: Any, path: Path, problems: list[str]) -> tuple[tuple[str, str], ...]:
    if value is None:
        return ()
    raw, where = included(value, path, "glossary", problems)
    if raw is None:
        return ()
    if not isinstance(raw, dict):
        problems.append(Problem(where, "expected a mapping of term: definition"))
        return ()
    terms = []
    for term, definition in raw.items():
        if not isinstance(term, str) or not term.strip() or not isinstance(definition, str) or not definition.strip():
            problems.append(Problem(where, f"{term}: expected a term and its definition as text"))
            continue
        terms.append((term.strip(), " ".join(definition.split())))
    return tuple(sorted(terms, key=lambda t: t[0].casefold()))


def _validate_theme(item: Any, n: int, problem) -> Theme | None:
    where = entry_name(item, n, "themes", "id", "id, title, description, threshold, terms", problem)
    if where is None:
        return None
    tid = item.get("id")
    ok = known_keys(item, THEME_KEYS, where, problem)
    if not isinstance(tid, str) or not ID_RE.match(tid):
        problem(f"{where}.id", "expected lowercase letters, digits and dashes, e.g. china-competition")
        ok = False
    elif tid in RESERVED_THEME_IDS:
        problem(f"{where}.id", f"{tid!r} is reserved for the themes index page; choose another id")
        ok = False
    title = item.get("title")
    ok &= texts(item, ("title",), where, problem) & optional_text(item, "description", where, problem)
    description = item.get("description", "")
    threshold = item.get("threshold", 1)
    if not isinstance(threshold, (int, float)) or isinstance(threshold, bool) or threshold <= 0:
        problem(f"{where}.threshold", "expected a positive number")
        ok = False
    terms_raw = item.get("terms")
    terms: list[tuple[str, float]] = []
    if not isinstance(terms_raw, dict) or not terms_raw:
        problem(f"{where}.terms", "expected a mapping of term: weight")
        ok = False
    else:
        for term, weight in terms_raw.items():
            if not isinstance(term, str) or not term.strip().rstrip("*"):
                problem(f"{where}.terms", f"{term!r}: expected a word or phrase")
                ok = False
            elif not isinstance(weight, (int, float)) or isinstance(weight, bool) or weight <= 0:
                problem(f"{where}.terms.{term}", "expected a positive number (the term's weight)")
                ok = False
            else:
                terms.append((term.strip(), float(weight)))
    facets = _facets(item.get("facets"), where, problem)
    about = item.get("about", [])
    if not isinstance(about, list) or not all(isinstance(a, str) and ID_RE.match(a) for a in about):
        problem(f"{where}.about", "expected a list of the gazetteer's ids of countries, e.g. [tajikistan, china]")
        ok = False
    if not ok or facets is None:
        return None
    return Theme(
        id=str(tid),
        title=str(title).strip(),
        description=(description or "").strip(),
        threshold=float(threshold),
        terms=tuple(terms),
        facets=facets,
        about=tuple(about),
    )


def _facets(value: Any, where: str, problem) -> tuple[tuple[str, tuple[str, ...]], ...] | None:
    """facets: {Sub-topic title: [term, ...]} (optional): a theme's sub-topics, in the order given."""
    if value is None:
        return ()
    expected = "expected a mapping of sub-topic title: [term, ...], e.g. {Exercises: [exercise*, drill*]}"
    if not isinstance(value, dict):
        problem(f"{where}.facets", expected)
        return None
    out = []
    for title, terms in value.items():
        if not isinstance(title, str) or not title.strip() or not isinstance(terms, list) or not terms or not all(
                isinstance(t, str) and t.strip().rstrip("*") for t in terms):
            problem(f"{where}.facets.{title}", expected)
            return None
        out.append((title.strip(), tuple(t.strip() for t in terms)))
    return tuple(out)
