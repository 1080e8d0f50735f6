"""Load and validate briefing.yml into frozen records; collect every problem, then stop once."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

import yaml

from generator.errors import ConfigError
from generator.untrusted import Unreadable, read_regular, scrub

APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'"})  # one character each: offsets are kept
ID_RE = re.compile(r"[a-z0-9][a-z0-9-]*\Z")  # \Z: "$" would let a final newline through
RESERVED_THEME_IDS = {"index"}  # themes/index.md is the themes index page
TOP_KEYS = {"title", "description", "seeds", "docs", "key_points", "themes", "gazetteer", "glossary", "search",
            "figures"}
SEARCH_KEYS = {"material_box_up_to"}
FIGURE_KEYS = {"currencies", "people"}
MATERIAL_BOX_UP_TO = 100  # sources; above, the header's box sends the query to the Pagefind page
THEME_KEYS = {"id", "title", "description", "threshold", "terms"}
GAZETTEER_KEYS = {"entities", "ignore"}
ENTITY_KEYS = {"id", "name", "kind", "aliases", "adjectives", "description"}
RESERVED_ENTITY_IDS = {"index", "review"}  # entities/index.md, entities/review.md


@dataclass(frozen=True)
class Theme:
    id: str
    title: str
    description: str
    threshold: float
    terms: tuple[tuple[str, float], ...]  # (term, weight); "term*" matches any word ending

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        """One case-insensitive alternation of every term, whole words only."""
        return _term_pattern(tuple(t for t, _ in self.terms))

    @cached_property
    def weights(self) -> dict[str, float]:
        return dict(self.terms)

    def weight(self, term: str) -> float:
        return self.weights[term]


@dataclass(frozen=True)
class EntitySpec:
    """An actor of the gazetteer: every alias (exact, case-sensitive, whole words) names it."""

    id: str
    name: str
    kind: str
    aliases: tuple[str, ...]
    adjectives: tuple[str, ...] = ()  # known words, never proposed as names, not counted as mentions
    description: str = ""

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class Gazetteer:
    entities: tuple[EntitySpec, ...] = ()
    ignore: tuple[str, ...] = ()  # names an editor has reviewed and set aside

    @cached_property
    def known(self) -> frozenset[str]:
        """Every name, alias, adjective and ignored name, casefolded: never proposed for review."""
        words = {w for e in self.entities for w in (*e.names, *e.adjectives)} | set(self.ignore)
        return frozenset(w.casefold() for w in words)

    @cached_property
    def by_id(self) -> dict[str, EntitySpec]:
        return {e.id: e for e in self.entities}


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
    gazetteer: Gazetteer = Gazetteer()
    glossary: tuple[tuple[str, str], ...] = ()  # (term, definition), sorted by term
    material_box_up_to: int = MATERIAL_BOX_UP_TO  # see hooks.on_config
    currencies: tuple[tuple[str, str], ...] = ()  # the topic's own currency names → codes ("rupee": "INR")
    people: tuple[str, ...] = ()  # the topic's own counted nouns ("Kurds"), beyond figures.PEOPLE

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


def _term_pattern(terms: tuple[str, ...]) -> re.Pattern[str]:
    if terms not in _PATTERNS:
        # Longest first, so "Islamic State" wins over "Islamic"; one named group per term.
        order = sorted(range(len(terms)), key=lambda i: (-len(terms[i]), terms[i]))
        alternation = "|".join(f"(?P<t{i}>{_term_regex(terms[i])})" for i in order)
        _PATTERNS[terms] = re.compile(rf"(?<![\w])(?:{alternation})(?![\w])", re.IGNORECASE)
    return _PATTERNS[terms]


def term_of(match: re.Match[str], terms: tuple[tuple[str, float], ...]) -> str:
    """The configured term a match of Theme.pattern stands for."""
    return terms[int(match.lastgroup[1:])][0]


def load(path: Path | str) -> Config:
    """Read briefing.yml; raise ConfigError listing every problem as 'file: key: problem'."""
    path = Path(path)
    try:
        raw = _yaml(path)
    except FileNotFoundError:
        raise ConfigError([f"{path}: not found (the briefing configuration, see README)"]) from None
    except (yaml.YAMLError, UnicodeDecodeError, ValueError, TypeError) as exc:
        raise ConfigError([f"{path}: not valid YAML: {exc}"]) from None
    except Unreadable as exc:
        raise ConfigError([f"{path}: {exc}"]) from None
    problems: list[str] = []
    config = _validate(raw, path, problems)
    if problems:
        raise ConfigError(problems)
    return config


def _yaml(path: Path) -> Any:
    """A configuration file, read as the seeds are (a regular file, capped), without control characters."""
    if not path.exists() and not path.is_symlink():
        raise FileNotFoundError(path)
    return scrub(yaml.safe_load(read_regular(path, CONFIG_MAX).decode("utf-8-sig")))[0]


CONFIG_MAX = 50 * 10**6  # a gazetteer of many thousand names is a few MB


def _validate(raw: Any, path: Path, problems: list[str]) -> Config | None:
    def problem(key: str, text: str) -> None:
        problems.append(f"{path.name}: {key}: {text}")

    if not isinstance(raw, dict):
        problem("(top)", "expected a mapping with title, themes, ...")
        return None
    _known_keys(raw, TOP_KEYS, "", problem)
    title = raw.get("title")
    if not isinstance(title, str) or not title.strip():
        problem("title", "expected a non-empty string")
    description = raw.get("description", "")
    if not isinstance(description, str):
        problem("description", "expected a string")
    key_points = raw.get("key_points", 6)
    if not isinstance(key_points, int) or isinstance(key_points, bool) or key_points < 1:
        problem("key_points", "expected a whole number of at least 1")
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
    gazetteer = _load_gazetteer(raw.get("gazetteer"), path, problems)
    glossary = _load_glossary(raw.get("glossary"), path, problems)
    material_box_up_to = _search_settings(raw.get("search") or {}, problem)  # `search:` left empty: defaults
    currencies, people = _figure_words(raw.get("figures") or {}, problem)
    if problems:
        return None
    root = path.parent
    return Config(
        path=path,
        root=root,
        title=title.strip(),
        description=(description or "").strip(),
        seeds_dir=root / raw.get("seeds", "seeds"),
        docs_dir=root / raw.get("docs", "docs"),
        key_points=key_points,
        themes=tuple(themes),
        gazetteer=gazetteer,
        glossary=glossary,
        material_box_up_to=material_box_up_to,
        currencies=currencies,
        people=people,
    )


def _figure_words(value: Any, problem) -> tuple[tuple[tuple[str, str], ...], tuple[str, ...]]:
    """figures: {currencies: {word: CODE}, people: [noun, ...]}: what this topic's figures are counted in."""
    if not isinstance(value, dict):
        problem("figures", "expected a mapping such as {currencies: {rupee: INR}, people: [Kurds]}")
        return (), ()
    _known_keys(value, FIGURE_KEYS, "figures", problem)
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


def _search_settings(value: Any, problem) -> int:
    """search: {material_box_up_to: N}: the most sources for which the header's box is Material's."""
    if not isinstance(value, dict):
        problem("search", "expected a mapping such as {material_box_up_to: 100}")
        return MATERIAL_BOX_UP_TO
    _known_keys(value, SEARCH_KEYS, "search", problem)
    limit = value.get("material_box_up_to", MATERIAL_BOX_UP_TO)
    if not isinstance(limit, int) or isinstance(limit, bool) or limit < 0:
        problem("search.material_box_up_to", "expected a whole number of sources (0 or more)")
        return MATERIAL_BOX_UP_TO
    return limit


def _included(value: Any, path: Path, key: str, problems: list[str]) -> tuple[Any, str]:
    """A section given inline, or as the name of a YAML file beside briefing.yml."""
    if not isinstance(value, str):
        return value, f"{path.name}: {key}"
    included = path.parent / value
    try:
        return _yaml(included), included.name
    except FileNotFoundError:
        problems.append(f"{path.name}: {key}: {value} not found")
    except Unreadable as exc:
        problems.append(f"{value}: {exc}")
    except (OSError, yaml.YAMLError, UnicodeDecodeError, ValueError, TypeError) as exc:
        problems.append(f"{value}: not valid YAML: {exc}")
    return None, value


def _load_gazetteer(value: Any, path: Path, problems: list[str]) -> Gazetteer:
    if value is None:
        return Gazetteer()
    raw, where = _included(value, path, "gazetteer", problems)
    if raw is None:
        return Gazetteer()

    def problem(key: str, text: str) -> None:
        problems.append(f"{where}: {key}: {text}")

    if not isinstance(raw, dict):
        problem("(top)", "expected a mapping with entities (and optionally ignore)")
        return Gazetteer()
    _known_keys(raw, GAZETTEER_KEYS, "", problem)
    entities: list[EntitySpec] = []
    owner: dict[str, str] = {}  # alias → entity id
    ids: set[str] = set()
    listed = raw.get("entities") or []
    if not isinstance(listed, list):
        problem("entities", "expected a list of entities (name, kind, aliases, description)")
        listed = []
    for n, item in enumerate(listed):
        entity = _validate_entity(item, n, problem)
        if entity is None:
            continue
        if entity.id in ids:
            problem(f"entities.{entity.id}", "duplicate id (give one of them another `id`)")
            continue
        ids.add(entity.id)
        for alias in entity.names:
            key = alias.translate(APOSTROPHES)  # "Sadr's" and "Sadr’s" are one name to the matcher
            if owner.get(key, entity.id) != entity.id:
                problem(f"entities.{entity.id}.aliases", f"{alias!r} already names {owner[key]}")
            owner.setdefault(key, entity.id)
        entities.append(entity)
    ignore = raw.get("ignore") or []
    if not isinstance(ignore, list) or not all(isinstance(w, str) and w.strip() for w in ignore):
        problem("ignore", "expected a list of names")
        ignore = []
    return Gazetteer(tuple(entities), tuple(_nfc(w) for w in ignore))


def _nfc(name: str) -> str:
    """Seeds are read as NFC; names typed in another normal form ("é" as e + accent) must match too."""
    return unicodedata.normalize("NFC", name.strip())


def _validate_entity(item: Any, n: int, problem) -> EntitySpec | None:
    from generator.text import slug

    if not isinstance(item, dict):
        problem(f"entities[{n}]", "expected a mapping with name, kind, aliases, description")
        return None
    name = item.get("name")
    where = f"entities.{name}" if isinstance(name, str) else f"entities[{n}]"
    ok = _known_keys(item, ENTITY_KEYS, where, problem) & _texts(item, ("name", "kind"), where, problem)
    lists = {}
    for key in ("aliases", "adjectives"):
        value = item.get(key) or []
        if not isinstance(value, list) or not all(isinstance(a, (str, int)) and not isinstance(a, bool)
                                                  and str(a).strip() for a in value):
            problem(f"{where}.{key}", "expected a list of names")
            ok = False
            value = []
        lists[key] = tuple(dict.fromkeys(_nfc(str(a)) for a in value))
    ok &= _optional_text(item, "description", where, problem)
    description = item.get("description", "")
    eid = item.get("id") or (slug(name) if isinstance(name, str) else "")
    if not isinstance(eid, str) or not ID_RE.match(eid):
        problem(f"{where}.id", "expected lowercase letters, digits and dashes (set `id` for this name)")
        ok = False
    elif eid in RESERVED_ENTITY_IDS:
        problem(f"{where}.id", f"{eid!r} is reserved for an index page; set another `id`")
        ok = False
    if not ok:
        return None
    name = _nfc(name)
    return EntitySpec(eid, name, item["kind"].strip(), tuple(a for a in lists["aliases"] if a != name),
                      lists["adjectives"], (description or "").strip())


def _known_keys(item: dict, known: set[str], where: str, problem) -> bool:
    """One message per unknown key (any YAML key: a number too); where="" for the top of a file."""
    for key in sorted(set(item) - known, key=str):
        problem(f"{where}.{key}" if where else str(key), f"unknown key; known keys: {', '.join(sorted(known))}")
    return not set(item) - known


def _texts(item: dict, keys: tuple[str, ...], where: str, problem) -> bool:
    """Each key holds a non-empty string; one message per key that does not."""
    ok = True
    for key in keys:
        if not isinstance(item.get(key), str) or not item[key].strip():
            problem(f"{where}.{key}", "expected a non-empty string")
            ok = False
    return ok


def _optional_text(item: dict, key: str, where: str, problem) -> bool:
    if isinstance(item.get(key, ""), str):
        return True
    problem(f"{where}.{key}", "expected a string")
    return False


def _load_glossary(value: Any, path: Path, problems: list[str]) -> tuple[tuple[str, str], ...]:
    if value is None:
        return ()
    raw, where = _included(value, path, "glossary", problems)
    if raw is None:
        return ()
    if not isinstance(raw, dict):
        problems.append(f"{where}: expected a mapping of term: definition")
        return ()
    terms = []
    for term, definition in raw.items():
        if not isinstance(term, str) or not term.strip() or not isinstance(definition, str) or not definition.strip():
            problems.append(f"{where}: {term}: expected a term and its definition as text")
            continue
        terms.append((term.strip(), " ".join(definition.split())))
    return tuple(sorted(terms, key=lambda t: t[0].casefold()))


def _validate_theme(item: Any, n: int, problem) -> Theme | None:
    if not isinstance(item, dict):
        problem(f"themes[{n}]", "expected a mapping with id, title, description, threshold, terms")
        return None
    tid = item.get("id")
    where = f"themes.{tid}" if isinstance(tid, str) else f"themes[{n}]"
    ok = _known_keys(item, THEME_KEYS, where, problem)
    if not isinstance(tid, str) or not ID_RE.match(tid):
        problem(f"{where}.id", "expected lowercase letters, digits and dashes, e.g. china-competition")
        ok = False
    elif tid in RESERVED_THEME_IDS:
        problem(f"{where}.id", f"{tid!r} is reserved for the themes index page; choose another id")
        ok = False
    title = item.get("title")
    ok &= _texts(item, ("title",), where, problem) & _optional_text(item, "description", where, problem)
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
    if not ok:
        return None
    return Theme(
        id=tid,
        title=title.strip(),
        description=(description or "").strip(),
        threshold=float(threshold),
        terms=tuple(terms),
    )
