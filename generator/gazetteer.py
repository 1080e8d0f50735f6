"""The gazetteer: the people, organisations and places a briefing knows, with their spellings, and
the names set aside; loaded and checked from gazetteer.yml (or the `gazetteer:` of briefing.yml).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from generator.checks import ID_RE, entry_name, included, known_keys, optional_text, texts
from generator.errors import Problem

APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'"})  # one character each: offsets are kept
GAZETTEER_KEYS = {"entities", "ignore"}
ENTITY_KEYS = {"id", "name", "kind", "aliases", "adjectives", "description", "country"}
RESERVED_ENTITY_IDS = {"index", "review"}  # entities/index.md, entities/review.md


@dataclass(frozen=True)
class EntitySpec:
    """An actor of the gazetteer: every alias (exact, case-sensitive, whole words) names it."""

    id: str
    name: str
    kind: str
    aliases: tuple[str, ...]
    adjectives: tuple[str, ...] = ()  # known words, never proposed as names, not counted as mentions
    description: str = ""
    country: str = ""  # a place's country (an entity of kind country), for the themes' `about`

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

    @cached_property
    def countries(self) -> frozenset[str]:
        """The ids of its entries of kind country: what a place's `country` and a theme's `about` name."""
        return frozenset(e.id for e in self.entities if e.kind == "country")


NOT_A_COUNTRY = "is not a country of the gazetteer (an entry with kind: country)"


def load_gazetteer(value: Any, path: Path, problems: list[str]) -> Gazetteer:
    """The gazetteer from briefing.yml's `gazetteer:` (a mapping, or the name of a file beside it);
    every problem is added to `problems`."""
    if value is None:
        return Gazetteer()
    raw, where = included(value, path, "gazetteer", problems)
    if raw is None:
        return Gazetteer()

    def problem(key: str, text: str) -> None:
        problems.append(Problem(where, text, key))

    if not isinstance(raw, dict):
        problem("(top)", "expected a mapping with entities (and optionally ignore)")
        return Gazetteer()
    known_keys(raw, GAZETTEER_KEYS, "", problem)
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
    gazetteer = Gazetteer(tuple(entities), tuple(_nfc(w) for w in ignore))
    for entity in entities:
        if entity.country and entity.country not in gazetteer.countries:
            problem(f"entities.{entity.id}.country", f"{entity.country!r} {NOT_A_COUNTRY}")
    return gazetteer


def _nfc(name: str) -> str:
    """Seeds are read as NFC; names typed in another normal form ("é" as e + accent) must match too."""
    return unicodedata.normalize("NFC", name.strip())


def _validate_entity(item: Any, n: int, problem) -> EntitySpec | None:
    from generator.text import slug

    where = entry_name(item, n, "entities", "name", "name, kind, aliases, description", problem)
    if where is None:
        return None
    name = item.get("name")
    ok = known_keys(item, ENTITY_KEYS, where, problem) & texts(item, ("name", "kind"), where, problem)
    lists = {}
    for key in ("aliases", "adjectives"):
        value = item.get(key) or []
        if not isinstance(value, list) or not all(isinstance(a, (str, int)) and not isinstance(a, bool)
                                                  and str(a).strip() for a in value):
            problem(f"{where}.{key}", "expected a list of names")
            ok = False
            value = []
        lists[key] = tuple(dict.fromkeys(_nfc(str(a)) for a in value))
    ok &= optional_text(item, "description", where, problem)
    description = item.get("description", "")
    country = item.get("country", "")
    if not isinstance(country, str) or (country and not ID_RE.match(country)):
        problem(f"{where}.country", "expected the id of a country of the gazetteer, e.g. kyrgyzstan")
        ok = False
    eid = item.get("id") or (slug(name) if isinstance(name, str) else "")
    if not isinstance(eid, str) or not ID_RE.match(eid):
        problem(f"{where}.id", "expected lowercase letters, digits and dashes (set `id` for this name)")
        ok = False
    elif eid in RESERVED_ENTITY_IDS:
        problem(f"{where}.id", f"{eid!r} is reserved for an index page; set another `id`")
        ok = False
    if not ok:
        return None
    name = _nfc(str(name))
    return EntitySpec(eid, name, item["kind"].strip(), tuple(a for a in lists["aliases"] if a != name),
                      lists["adjectives"], (description or "").strip(), country)
