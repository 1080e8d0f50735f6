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
                           r"roughly|at least|close to|between|an estimated|estimated)\s+$")
MULTIPLIERS = {"thousand": 1e3, "million": 1e6, "mln": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9, "trillion": 1e12}
CURRENCY_SIGNS = {"$": "USD", "US$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "₽": "RUB", "₩": "KRW",
                  "₺": "TRY", "R$": "BRL", "RM": "MYR", "₦": "NGN", "₪": "ILS"}
# The general ones; a briefing adds its own (briefing.yml `figures:`, e.g. a local currency, demonyms).
CURRENCY_WORDS = {"ruble": "RUB", "rouble": "RUB", "dollar": "USD", "euro": "EUR", "yuan": "CNY", "renminbi": "CNY",
                  "pound": "GBP", "pounds sterling": "GBP", "yen": "JPY", "rupee": "INR", "lira": "TRY",
                  "dinar": "DZD", "riyal": "SAR", "dirham": "AED", "franc": "CHF", "rand": "ZAR", "naira": "NGN",
                  "ringgit": "MYR", "rupiah": "IDR", "baht": "THB", "peso": "MXN", "reais": "BRL",
                  "zloty": "PLN", "hryvnia": "UAH", "tenge": "KZT", "shekel": "ILS", "krona": "SEK", "kronor": "SEK",
                  "krone": "NOK", "kroner": "NOK", "cedi": "GHS", "shilling": "KES", "manat": "AZN", "lari": "GEL",
                  "dram": "AMD", "afghani": "AFN"}
# ISO codes written beside a number ("USD 5 million", "5 million EUR")
CURRENCY_CODES = ("USD", "EUR", "GBP", "RUB", "CNY", "JPY", "INR", "KRW", "TRY", "SAR", "AED", "CHF", "ZAR", "NGN",
                  "MYR", "IDR", "THB", "MXN", "BRL", "PLN", "UAH", "KZT", "ILS", "SEK", "NOK", "DKK", "GHS", "KES",
                  "AZN", "GEL", "AMD", "AFN", "PKR", "BDT", "EGP", "CAD", "AUD", "HKD", "SGD", "NZD", "TJS", "KGS",
                  "UZS", "TMT", "IRR")
_PREFIXES = (("tera", "T", 1e6), ("giga", "G", 1e3), ("mega", "M", 1.0), ("kilo", "k", 1e-3))  # to mega
# Quantities: the words of a unit, the unit a figure is kept in, the factor to it, and what it measures.
# A briefing adds its own (briefing.yml `figures: units: {bales: cotton}`).
UNITS = (
    (r"(?:metric\s+)?tonnes|(?:metric\s+)?tons|(?:metric\s+)?tonne|(?:metric\s+)?ton", "t", 1.0, "weight"),
    (r"kilogram(?:me)?s?|kg", "t", 0.001, "weight"),
    (r"deadweight tons?|dwt", "dwt", 1.0, "tonnage"),
    (r"barrels? (?:a|per) day|bpd|b/d", "barrels a day", 1.0, "oil output"),
    (r"barrels?|bbl", "barrels", 1.0, "volume"),
    (r"cubic met(?:er|re)s?|m3|m³", "m³", 1.0, "volume"),
    (r"bcm", "m³", 1e9, "volume"),
    (r"lit(?:er|re)s?", "m³", 0.001, "volume"),
    (r"TEUs?|twenty-foot equivalent units?", "TEU", 1.0, "containers"),
    (r"containers", "containers", 1.0, "containers"),
    # energy in MWh and power in MW, from kilo to tera ("TWh", "gigawatt-hours", "megawatts", "kW")
    *((rf"{name}watt[- ]hours?|{sign}Wh", "MWh", factor, "energy") for name, sign, factor in _PREFIXES),
    *((rf"{name}watts?|{sign}W", "MW", factor, "power") for name, sign, factor in _PREFIXES[1:]),
    (r"square kilomet(?:er|re)s?|sq\.? ?km|km2|km²", "km²", 1.0, "area"),
    (r"square miles?|sq\.? ?mi", "km²", 2.589988, "area"),
    (r"hectares?|ha", "km²", 0.01, "area"),
    (r"acres?", "km²", 0.004046856, "area"),
)
# Units of equipment, counted as people are: "500 pieces of equipment", "12 helicopters"
EQUIPMENT = ("pieces of military hardware", "pieces of military equipment", "pieces of equipment", "pieces of hardware",
             "tanks", "aircraft", "helicopters", "vessels", "ships", "warships", "submarines", "vehicles",
             "armoured vehicles", "armored vehicles", "drones", "missiles", "rockets", "guns", "rifles", "howitzers",
             "jets", "fighter jets", "planes", "trucks", "locomotives", "wagons", "turbines")
PEOPLE = ("soldiers", "troops", "servicemen", "personnel", "officers", "fighters", "militants", "terrorists", "recruits",
          "cadets", "migrants", "refugees", "nationals", "citizens", "people", "foreigners", "civilians", "guards",
          "volunteers", "mercenaries", "students", "workers", "lives", "members", "specialists", "instructors",
          "border guards")


_RANGE = r"(?:\s*(?:to|-|–|and)\s*(?P<num2>\d[\d,]*(?:\.\d+)?)(?:\s*(?P<mult2>thousand|million|billion|trillion|bn|mln))?)?"


@lru_cache(maxsize=4)
def _patterns(currencies: tuple[tuple[str, str], ...] = (), people: tuple[str, ...] = (),
              units: tuple[tuple[str, str], ...] = ()):
    """The figure patterns with the briefing's own currency names, counted nouns and units."""
    words = {**CURRENCY_WORDS, **{w.casefold(): code for w, code in currencies}}
    names = "|".join(re.escape(w) for w in sorted({w for w in words if len(w) > 2}, key=len, reverse=True))
    counted = (*PEOPLE[:-1], *people, PEOPLE[-1], *EQUIPMENT)
    nouns = "|".join(re.escape(n) for n in sorted(counted, key=len, reverse=True))
    signs = "|".join(re.escape(k) for k in sorted(CURRENCY_SIGNS, key=len, reverse=True))
    codes = "|".join(CURRENCY_CODES)
    table = UNITS + tuple((re.escape(word), word.casefold(), 1.0, measure) for word, measure in units)
    quantity = "|".join(f"(?P<u{i}>{w})" for i, (w, _, _, _) in enumerate(table))
    return words, table, [
        ("money", re.compile(rf"(?P<sign>{signs})\s?{_NUM}{_MULT}")),
        ("money", re.compile(rf"\b(?P<code>{codes})\s?{_NUM}{_MULT}")),
        ("money", re.compile(rf"{_NUM}{_MULT}\s+(?-i:[A-Z][a-z]+\s+)?(?P<cur>(?:{names})s?|{codes})\b", re.IGNORECASE)),
        ("distance", re.compile(rf"{_NUM}\s?(?:-\s?)?(?P<unit>km|kilomet(?:er|re)s?|miles?)\b(?![²2])")),
        ("share", re.compile(rf"{_NUM}\s?(?:%|percent\b|per cent\b)")),
        ("quantity", re.compile(rf"{_NUM}{_MULT}{_RANGE}\s?(?:-\s?)?(?:{quantity})(?![\w²])")),
        ("people", re.compile(rf"{_NUM}{_MULT}{_RANGE}\s+(?:[A-Z][\w-]+\s+|[a-z-]+\s+){{0,2}}?"
                              rf"(?P<noun>{nouns})\b")),
    ]
BORDER = re.compile(r"\b(?:border|frontier|boundary)\b", re.IGNORECASE)
AWAY = re.compile(r"\s+(?:\(\s*[\d.,]+\s*\w+\s*\)\s+)?(?:from|away|off|inside|into|across|beyond|behind|short of|"
                  r"north|south|east|west|deep)\b", re.IGNORECASE)
YEARLIKE = re.compile(r"^(?:1[89]|20)\d\d$")


def extract_figures(blocks: tuple[Block, ...], headline: str = "", currencies: tuple[tuple[str, str], ...] = (),
                    people: tuple[str, ...] = (), units: tuple[tuple[str, str], ...] = ()) -> tuple[Figure, ...]:
    """Every figure of the headline (anchor "") and the body, in text order.

    currencies, people, units: the briefing's own currency names (word, code), counted nouns, and
    units (word, what it measures).
    """
    words, table, patterns = _patterns(currencies, people, units)
    out: list[Figure] = []
    for anchor, text in [("", headline)] * bool(headline) + [(b.anchor, b.text) for b in blocks]:
        taken: list[tuple[int, int]] = []
        for kind, pattern in patterns:
            for m in pattern.finditer(text):
                if any(a < m.end() and m.start() < b for a, b in taken):
                    continue
                figure = _figure(kind, m, text, anchor, words, table)
                if figure is not None:
                    taken.append((m.start(), m.end()))
                    out.append(figure)
    order = {"": -1, **{b.anchor: i for i, b in enumerate(blocks)}}
    return tuple(sorted(out, key=lambda f: (order.get(f.anchor, 0), f.start)))


def _figure(kind: str, m: re.Match, text: str, anchor: str, words: dict[str, str], table) -> Figure | None:
    g = m.groupdict()
    raw = g["num"]
    at = m.start("num")
    before = text[max(0, at - 2):at]
    signed = bool(g.get("sign") or g.get("code")) and m.start("num") - m.start() <= 4  # "RM65 billion", "USD 5m"
    if not signed and (before[-1:] and (before[-1:].isalnum() or before[-1:] in "-/") or (
            before[-1:] in ".," and before[:1].isdigit())):
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
    upper = None
    if g.get("num2") and g.get("mult2") and not g.get("mult"):
        value *= MULTIPLIERS[g["mult2"].lower()]  # "2 to 3 million tonnes": 2 million
    if g.get("num2"):  # "300 to 400 servicemen", "between 2 and 3 million tonnes": the range is the figure
        second = float(g["num2"].replace(",", "")) * MULTIPLIERS.get((g.get("mult2") or g.get("mult") or "").lower(), 1)
        upper = second if second > value else None
        approximate = True
    if kind == "money":
        cur = (g.get("cur") or "").lower()
        unit = CURRENCY_SIGNS.get(g.get("sign") or "") or (g.get("code") or "").upper() or (
            cur.upper() if cur.upper() in CURRENCY_CODES else words.get(cur) or words.get(cur.rstrip("s"))
            or words.get(cur[:-2] if cur.endswith("es") else cur))
        if not unit:
            return None
        measure = Measure.MONEY
    elif kind == "distance":
        unit = "km"
        if g["unit"].startswith("mile"):
            value, unit = round(value * 1.609344, 1), "km"
        # a border's length, not a distance from it: "20 km from the border", "5 km inside Afghanistan"
        measure = Measure.BORDER if BORDER.search(sentence) and not AWAY.match(text, m.end()) else Measure.DISTANCE
    elif kind == "share":
        unit, measure = "%", Measure.SHARE
    elif kind == "quantity":
        index = next(int(k[1:]) for k, v in g.items() if k.startswith("u") and k[1:].isdigit() and v)
        _, unit, factor, measure = table[index]
        value *= factor
        upper = upper * factor if upper else None
    else:
        noun = g["noun"]
        unit = "units" if noun.lower() in EQUIPMENT else "people"
        measure = noun if noun[0].isupper() else noun.lower()
    return Figure(text[start:m.end()].strip(), value, unit, measure, approximate, sentence, anchor, start, m.end(),
                  upper)
