"""Load and validate briefing.yml into frozen records; collect every problem, then stop once."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

import yaml

from generator.errors import ConfigError

ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")
RESERVED_THEME_IDS = {"index"}  # themes/index.md is the themes index page
TOP_KEYS = {"title", "description", "seeds", "docs", "key_points", "themes"}
THEME_KEYS = {"id", "title", "description", "threshold", "terms"}


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
class Config:
    path: Path
    root: Path
    title: str
    description: str
    seeds_dir: Path
    docs_dir: Path
    key_points: int
    themes: tuple[Theme, ...]

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
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError([f"{path}: not found (the briefing configuration, see README)"]) from None
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise ConfigError([f"{path}: not valid YAML: {exc}"]) from None
    problems: list[str] = []
    config = _validate(raw, path, problems)
    if problems:
        raise ConfigError(problems)
    return config


def _validate(raw: Any, path: Path, problems: list[str]) -> Config | None:
    def problem(key: str, text: str) -> None:
        problems.append(f"{path.name}: {key}: {text}")

    if not isinstance(raw, dict):
        problem("(top)", "expected a mapping with title, themes, ...")
        return None
    for key in sorted(set(raw) - TOP_KEYS):
        problem(key, f"unknown key; known keys: {', '.join(sorted(TOP_KEYS))}")
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
    )


def _validate_theme(item: Any, n: int, problem) -> Theme | None:
    if not isinstance(item, dict):
        problem(f"themes[{n}]", "expected a mapping with id, title, description, threshold, terms")
        return None
    tid = item.get("id")
    where = f"themes.{tid}" if isinstance(tid, str) else f"themes[{n}]"
    ok = True
    for key in sorted(set(item) - THEME_KEYS):
        problem(f"{where}.{key}", f"unknown key; known keys: {', '.join(sorted(THEME_KEYS))}")
        ok = False
    if not isinstance(tid, str) or not ID_RE.match(tid):
        problem(f"{where}.id", "expected lowercase letters, digits and dashes, e.g. china-competition")
        ok = False
    elif tid in RESERVED_THEME_IDS:
        problem(f"{where}.id", f"{tid!r} is reserved for the themes index page; choose another id")
        ok = False
    title = item.get("title")
    if not isinstance(title, str) or not title.strip():
        problem(f"{where}.title", "expected a non-empty string")
        ok = False
    description = item.get("description", "")
    if not isinstance(description, str):
        problem(f"{where}.description", "expected a string")
        ok = False
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
