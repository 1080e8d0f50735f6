"""Key figures: quantities with their unit and what they measure, in their sentence. Pure.

Money keeps its currency (rubles and dollars are different things; nothing is converted),
distances are in km, people are counted with the noun that says who ("soldiers", "servicemen"),
shares are percentages. "about", "over", "up to" mark a figure approximate. Numbers that are
years, ordinals ("201st") or parts of names ("West-2021") are not figures.
"""

from __future__ import annotations

import re
from functools import lru_cache

from generator.models import Block, Figure, Measure
from generator.text import sentence_at

_NUM = r"(?P<num>\d{1,3}(?:,\d{3}){1,4}(?:\.\d{1,6})?(?![\d,])|\d{1,12}(?:\.\d{1,6})?(?![\d.]\d))"
_MULT = r"(?:\s*(?P<mult>thousand|million|billion|trillion|bn|mln|m)\b)?"  # "$5m", "0.5 m people"
# Looked for just before a figure (not inside the patterns: each pattern then starts at a digit or a
# currency sign, which keeps the scan fast).
APPROX_BEFORE = re.compile(r"(?i:about|around|approximately|nearly|almost|some|over|more than|less than|up to|"
                           r"roughly|at least|close to)\s+$")
MULTIPLIERS = {"thousand": 1e3, "million": 1e6, "mln": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9, "trillion": 1e12}
CURRENCY_SIGNS = {"$": "USD", "US$": "USD", "€": "EUR", "£": "GBP"}
# The general ones; a briefing adds its own (briefing.yml `figures:`, e.g. a local currency, demonyms).
CURRENCY_WORDS = {"ruble": "RUB", "rouble": "RUB", "dollar": "USD", "euro": "EUR", "yuan": "CNY", "usd": "USD",
                  "rub": "RUB", "eur": "EUR", "pound": "GBP"}
PEOPLE = ("soldiers", "troops", "servicemen", "personnel", "officers", "fighters", "militants", "terrorists", "recruits",
          "cadets", "migrants", "refugees", "nationals", "citizens", "people", "foreigners", "civilians", "guards",
          "volunteers", "mercenaries", "students", "workers", "lives", "members", "specialists", "instructors",
          "border guards")


@lru_cache(maxsize=4)
def _patterns(currencies: tuple[tuple[str, str], ...] = (), people: tuple[str, ...] = ()):
    """The figure patterns with the briefing's own currency names and counted nouns."""
    words = {**CURRENCY_WORDS, **{w.casefold(): code for w, code in currencies}}
    names = "|".join(re.escape(w) for w in sorted({w for w in words if len(w) > 3}, key=len, reverse=True))
    nouns = "|".join(re.escape(n) for n in (*PEOPLE[:-1], *people, PEOPLE[-1]))
    return words, [
        ("money", re.compile(rf"(?P<sign>US\$|\$|€|£)\s?{_NUM}{_MULT}")),
        ("money", re.compile(rf"{_NUM}{_MULT}\s+(?P<cur>(?:{names})s?|USD|RUB|EUR)\b", re.IGNORECASE)),
        ("distance", re.compile(rf"{_NUM}\s?(?:-\s?)?(?P<unit>km|kilomet(?:er|re)s?|miles?)\b")),
        ("share", re.compile(rf"{_NUM}\s?(?:%|percent\b|per cent\b)")),
        ("people", re.compile(rf"{_NUM}{_MULT}(?:\s+to\s+(?P<num2>\d[\d,]*))?\s+(?:[A-Z][\w-]+\s+|[a-z-]+\s+){{0,2}}?"
                              rf"(?P<noun>{nouns})\b")),
    ]
BORDER = re.compile(r"\b(?:border|frontier|boundary)\b", re.IGNORECASE)
AWAY = re.compile(r"\s+(?:\(\s*[\d.,]+\s*\w+\s*\)\s+)?(?:from|away|off|inside|into|across|beyond|behind|short of|"
                  r"north|south|east|west|deep)\b", re.IGNORECASE)
YEARLIKE = re.compile(r"^(?:1[89]|20)\d\d$")


def extract_figures(blocks: tuple[Block, ...], headline: str = "", currencies: tuple[tuple[str, str], ...] = (),
                    people: tuple[str, ...] = ()) -> tuple[Figure, ...]:
    """Every figure of the headline (anchor "") and the body, in text order.

    currencies, people: the briefing's own currency names (word, code) and counted nouns.
    """
    words, patterns = _patterns(currencies, people)
    out: list[Figure] = []
    for anchor, text in [("", headline)] * bool(headline) + [(b.anchor, b.text) for b in blocks]:
        taken: list[tuple[int, int]] = []
        for kind, pattern in patterns:
            for m in pattern.finditer(text):
                if any(a < m.end() and m.start() < b for a, b in taken):
                    continue
                figure = _figure(kind, m, text, anchor, words)
                if figure is not None:
                    taken.append((m.start(), m.end()))
                    out.append(figure)
    order = {"": -1, **{b.anchor: i for i, b in enumerate(blocks)}}
    return tuple(sorted(out, key=lambda f: (order.get(f.anchor, 0), f.start)))


def _figure(kind: str, m: re.Match, text: str, anchor: str, words: dict[str, str]) -> Figure | None:
    g = m.groupdict()
    raw = g["num"]
    at = m.start("num")
    before = text[max(0, at - 2):at]
    if before[-1:] and (before[-1:].isalnum() or before[-1:] in "-/") or (before[-1:] in ".," and before[:1].isdigit()):
        return None  # part of a name, a date or a longer number: "West-2021", "16/7/2014", "3.5.7"
    value = float(raw.replace(",", ""))
    if g.get("mult"):
        value *= MULTIPLIERS[g["mult"].lower()]
    if kind == "people" and (YEARLIKE.match(raw) and not g.get("mult")):
        return None
    start = m.start()
    approx = APPROX_BEFORE.search(text, max(0, start - 25), start)
    if approx:
        start = approx.start()
    approximate = bool(approx)
    sentence = sentence_at(text, start)[1]
    if kind == "money":
        unit = CURRENCY_SIGNS.get(g.get("sign") or "") or words[(g.get("cur") or "").lower().rstrip("s")]
        measure = Measure.MONEY
    elif kind == "distance":
        unit = "km"
        if g["unit"].startswith("mile"):
            value, unit = round(value * 1.609344, 1), "km"
        # a border's length, not a distance from it: "20 km from the border", "5 km inside Afghanistan"
        measure = Measure.BORDER if BORDER.search(sentence) and not AWAY.match(text, m.end()) else Measure.DISTANCE
    elif kind == "share":
        unit, measure = "%", Measure.SHARE
    else:
        noun = g["noun"]
        unit, measure = "people", (noun if noun[0].isupper() else noun.lower())
        if g.get("num2"):
            approximate = True  # "300 to 400 servicemen": the range is in the text
    return Figure(text[start:m.end()].strip(), value, unit, measure, approximate, sentence, anchor, start, m.end())
