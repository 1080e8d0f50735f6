"""Actors in the text: the gazetteer's names (one automaton pass per paragraph), and names it lacks.

Two pure steps per source:
- find_mentions(): every alias of the gazetteer, matched as a whole word, case-sensitively, by an
  Aho–Corasick automaton (pyahocorasick): one pass over a paragraph whatever the number of aliases.
  Overlaps go to the leftmost, then longest name ("Emomali Rahmon" over "Rahmon").
- discover(): runs of capitalised words that no alias covers, as Candidates with the signals that
  make them look like a name (after a title, two or more words mid-sentence, an expansion with its
  acronym, a word used as a noun). Sentence-initial common words, months, weekdays, titles alone
  and title-case headlines are not names. Whether a candidate is kept is decided across the whole
  corpus in aggregate (resolve()), since one article alone cannot tell "Takfiri" from "Khorog".
"""

from __future__ import annotations

import itertools
import re
from collections import Counter, defaultdict
from dataclasses import dataclass

import ahocorasick

from generator import patterns as P
from generator.gazetteer import APOSTROPHES, RESERVED_ENTITY_IDS, Gazetteer
from generator.models import Article, Block, BlockKind, Candidate, Mention
from generator.text import is_title_case, sentence_spans, slug

TOKEN = re.compile(r"[^\W_]+(?:[-.'’][^\W_]+)*")
ACRONYM = re.compile(r"\(([A-Z][A-Za-z&]{1,9})\)")
CLAUSE = re.compile(r"(?<=\S)[:~|](?=\s)")
# Words that start with a capital (Latin, Cyrillic, Greek): found in C, so that discovery does not
# loop over every word in Python; lowercase words only ever sit in the gaps between them.
CAPITALISED = re.compile(r"(?<![\w'’.-])(?=[A-ZÀ-ÖØ-ÞĀ-ſА-ЯЁΑ-Ω])[^\W_]+(?:[-.'’][^\W_]+)*")
# The gap inside one name: a space, or up to two connectors ("Ministry of the Interior").
JOIN = re.compile(r" (?:(?:" + "|".join(sorted(P.NAME_CONNECTORS)) + r") ){0,2}")
INITIALS = re.compile(r"(?:[A-Z]\.)+[A-Z]")
ACRONYM_WORD = re.compile(r"[A-Z][A-Z0-9&-]*[A-Z0-9]")
# "Article 4", "Act 936", "Highway 89": not a year ("Tokyo 2020"), a count ("Tajikistan 20 years")
# or a clause ("Article 243(1)").
NUMBERED = re.compile(r" (?!0|(?:19|20)\d\d\b)\d{1,4}(?![\w%.,:/(-]|\s(?!(?:of|and|or|in|on|to|was|is)\b)[a-z])")
MIDDLE_INITIAL = re.compile(r"[A-Z]\.")
WORD_BEFORE = re.compile(r"([^\W_]+)[ ]$")
OPENERS = frozenset(" \t\"“‘'(«[")
PROSE_WORDS = 3  # lowercase words that make a paragraph prose
MAX_RUN = 8  # words; a longer capitalised run is a headline, not a name
# Markup quoted as text ("<Img Src=x>", "<SCRIPT>"): its words are code, never names.
MARKUP = re.compile(r"</?[A-Za-z][\w:-]*(?:\s[^<>]{0,500})?/?>")


_MATCHERS: dict[int, tuple[Gazetteer, Matcher]] = {}


def matcher_for(gazetteer: Gazetteer) -> Matcher:
    """The gazetteer's automaton, built once per gazetteer (the last few are kept: `mkdocs serve`
    loads the configuration again at each rebuild)."""
    held = _MATCHERS.get(id(gazetteer))
    if held is None or held[0] is not gazetteer:
        if len(_MATCHERS) >= 4:
            _MATCHERS.clear()
        held = _MATCHERS[id(gazetteer)] = (gazetteer, Matcher(gazetteer))
    return held[1]


class Matcher:
    """Every alias of a gazetteer in one automaton; adjectives are matched too but name no one."""

    def __init__(self, gazetteer: Gazetteer):
        self.automaton = ahocorasick.Automaton()
        for entity in gazetteer.entities:
            for alias in entity.names:
                key = alias.translate(APOSTROPHES)
                self.automaton.add_word(key, (len(key), entity.id, False))
        for entity in gazetteer.entities:
            for word in entity.adjectives:
                key = word.translate(APOSTROPHES)
                if key not in self.automaton:
                    self.automaton.add_word(key, (len(key), entity.id, True))
        self.empty = len(self.automaton) == 0
        # each country, and each place the gazetteer puts in one, to that country (themes' `about`)
        self.country_of = {e.id: e.id if e.id in gazetteer.countries else e.country for e in gazetteer.entities
                           if e.kind == "country" or e.country}
        if not self.empty:
            self.automaton.make_automaton()

    def find(self, text: str) -> list[tuple[int, int, str | None]]:
        """(start, end, entity id or None for an adjective), leftmost-longest, whole words only."""
        return [(start, end, None if adjective else entity) for start, end, entity, adjective in self.find_all(text)]

    def entities_in(self, text: str) -> set[str]:
        """The entities a text names or qualifies ("Tajik-Afghan border" → Tajikistan, Afghanistan)."""
        return {entity for _, _, entity, _ in self.find_all(text)}

    def find_all(self, text: str) -> list[tuple[int, int, str, bool]]:
        """(start, end, entity id, is an adjective), leftmost-longest, whole words only."""
        if self.empty:
            return []
        folded = text.translate(APOSTROPHES)
        hits = []
        for last, (length, entity, adjective) in self.automaton.iter(folded):
            start, end = last - length + 1, last + 1
            if (start == 0 or not folded[start - 1].isalnum()) and (end == len(folded) or not folded[end].isalnum()):
                hits.append((start, end, entity, adjective))
        hits.sort(key=lambda h: (h[0], h[0] - h[1]))
        out, reach = [], 0
        for hit in hits:
            if hit[0] >= reach:
                out.append(hit)
                reach = hit[1]
        return out


def find_actors(blocks: tuple[Block, ...], gazetteer, glossary: frozenset[str] = frozenset(),
                found: dict[str, list[tuple[int, int, str, bool]]] | None = None):
    """(mentions, candidates) of a body, with one automaton pass per paragraph for both (`found`:
    Matcher.find_all() per anchor, when the caller has already made that pass)."""
    if found is None:
        found = {b.anchor: matcher_for(gazetteer).find_all(b.text) for b in blocks}
    hits = {anchor: [(start, end, None if adjective else entity) for start, end, entity, adjective in spans]
            for anchor, spans in found.items()}
    return find_mentions(blocks, gazetteer, hits), discover(blocks, gazetteer, glossary, hits)


def find_mentions(blocks: tuple[Block, ...], gazetteer, hits: dict | None = None) -> tuple[Mention, ...]:
    """Every gazetteer name in the body, in text order (`hits`: matcher.find() per anchor, if known)."""
    matcher = matcher_for(gazetteer)
    return tuple(Mention(entity, b.anchor, start, end) for b in blocks
                 for start, end, entity in (hits[b.anchor] if hits else matcher.find(b.text)) if entity is not None)


@dataclass
class _Tok:
    start: int
    end: int
    text: str
    initial: bool  # first word of a sentence
    known: str | None  # "" for a gazetteer adjective, an entity id for a name, None if unknown


def discover(blocks: tuple[Block, ...], gazetteer, glossary: frozenset[str] = frozenset(),
             hits: dict | None = None) -> tuple[Candidate, ...]:
    """Capitalised names in the body that the gazetteer does not know, with why they look like names."""
    matcher = matcher_for(gazetteer)
    lower_words = {w for b in blocks for w in TOKEN.findall(b.text) if w.islower()}
    out: list[Candidate] = []
    for block in blocks:
        if block.kind == BlockKind.HEADING:
            continue
        expansions = list(_expansions(block, matcher))
        out.extend(c for c, _ in expansions if c.name.casefold() not in gazetteer.known
                   and c.aliases[0].casefold() not in gazetteer.known)
        skip = _merged(_headline_spans(block.text) + [(c.start, end) for c, end in expansions]
                       + [m.span() for m in MARKUP.finditer(block.text)])
        known = hits[block.anchor] if hits else matcher.find(block.text)
        tokens = _tokens(block.text, known, skip)
        prose = _prose(block.text)
        for run in _runs(tokens, block.text, lower_words):
            candidate = _candidate(run, tokens, block, lower_words, prose)
            if candidate and candidate.name.casefold() not in gazetteer.known and candidate.name not in glossary:
                out.append(candidate)
    return tuple(out)


def _expansions(block: Block, matcher: Matcher):
    """"Organization for Security and Co-operation in Europe (OSCE)": a name with its acronym."""
    text = block.text
    for m in ACRONYM.finditer(text):
        letters = "".join(c for c in m.group(1) if c.isupper())
        words = list(TOKEN.finditer(text, max(0, m.start() - 200), m.start()))
        initials, end = "", None
        for i in range(len(words) - 1, -1, -1):
            word = words[i]
            gap = text[word.end():(words[i + 1].start() if i + 1 < len(words) else m.start())]
            if gap.strip() or (end is None and gap != " "):
                break
            if word.group() in P.ACRONYM_SMALL_WORDS:
                continue
            if not _capitalised(word.group()) or matcher.find(word.group()):
                break
            initials = word.group()[0] + initials
            end = end if end is not None else word.end()
            if initials == letters:
                yield Candidate(" ".join(text[word.start():end].split()), block.anchor, word.start(), end,
                                "organisation", ("acronym",), (m.group(1),)), m.end()
                break
            if len(initials) >= len(letters):
                break


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans in text order, overlapping ones joined."""
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(end, out[-1][1]))
        else:
            out.append((start, end))
    return out


def _headline_spans(text: str) -> list[tuple[int, int]]:
    """Sentences in Title Case ("Putin Vows Security Support to Tajikistan"): not searched for names."""
    spans = []
    for start, sentence in sentence_spans(text):
        offset = start
        if sum(1 for w in sentence.split() if w[:1].isupper()) < 3:
            continue  # too few capitals for a headline: skip the finer test
        for clause in CLAUSE.split(sentence):  # "Headline Words: the rest of the sentence"
            at = text.find(clause, offset)
            if is_title_case(clause):
                spans.append((at, at + len(clause)))
            offset = at + len(clause)
    return spans


def _tokens(text: str, known: list[tuple[int, int, str | None]], skip: list[tuple[int, int]]) -> list[_Tok]:
    out: list[_Tok] = []
    k = s = 0  # the next known name and the next skipped span: both in text order, like the words
    for m in CAPITALISED.finditer(text):  # lowercase words are never tokens: they sit in the gaps
        word = m.group()
        if not word[0].isupper():
            continue
        start, end = m.span()
        if word.endswith(("'s", "’s")):  # possessive: "Khayrulloyev’s"
            word, end = word[:-2], end - 2
        elif text[end:end + 1] == "." and (INITIALS.fullmatch(word) or MIDDLE_INITIAL.fullmatch(word + ".")):
            # "U.S.", "U.K.", "George W. Bush": the last dot too
            word, end = word + ".", end + 1
        while s < len(skip) and skip[s][1] <= start:
            s += 1
        if s < len(skip) and skip[s][0] <= start:
            continue
        while k < len(known) and known[k][1] <= start:
            k += 1
        covered = k < len(known) and known[k][0] <= start
        j = start - 1
        while j >= 0 and text[j] in OPENERS:
            j -= 1
        initial = j < 0 or text[j] in ".!?:;–—•*\n-"
        if initial and out and out[-1].end == j + 1 and MIDDLE_INITIAL.fullmatch(out[-1].text) and len(out) > 1 \
                and text[out[-2].end:out[-1].start] == " " and word.lower() not in P.COMMON_WORDS:
            initial = False  # "George W. Bush": the dot is a middle initial's
        out.append(_Tok(start, end, word, initial, (known[k][2] or "") if covered else None))
    return out


def _runs(tokens: list[_Tok], text: str, lower_words: set[str]):
    """Maximal runs of capitalised unknown words, joined by a space or up to two connectors."""
    run: list[int] = []
    for i, tok in enumerate(tokens):
        if tok.known is not None:
            if run:
                yield from _office_split(run, tokens, text, lower_words)
            run = []
        elif run and not tok.initial and (JOIN.fullmatch(text, tokens[run[-1]].end, tok.start)
                                          and not _title_inside(tokens, run[-1], i, text)
                                          or _body_continues(tokens, run, i, text)):
            run.append(i)
        else:
            if run:
                yield from _office_split(run, tokens, text, lower_words)
            run = [i]
    if run:
        yield from _office_split(run, tokens, text, lower_words)


OFFICE_OF = re.compile(r"(?:^|\s)([^\W_]+) (?:of (?:the )?|to )$")


def _office_split(run: list[int], tokens: list[_Tok], text: str, lower_words: set[str]):
    """A title's place, then its holder: "President of Kyrgyzstan | Sadyr Zhaparov", "Ambassador to
    Kuwait | Rami Tahboub", "President of the Republic of Belarus | Alexander Lukashenko". The place
    is one word (or a state's form and its name, "Republic of X") after "<title> of [the]" or
    "<title> to"; the holder, two or more capitalised words right after it, none of them a word the
    text also writes in lower case ("Beijing | Winter Olympics" is not split) or an organisation's
    or a place's head word."""
    for n, i in enumerate(run[:-2]):
        form = tokens[i].text in P.STATE_FORMS
        if form and n and text[tokens[i].end:tokens[run[n + 1]].start] == " ":
            place = n  # "of the Kyrgyz Republic | Muratbek Azymbakiev"
        else:
            before = OFFICE_OF.search(text, max(0, tokens[i].start - 40), tokens[i].start)
            if before is None or before.group(1).lower() not in P.TITLE_WORDS or tokens[i].text in P.TITLES:
                continue
            place = n + 1 if form and text[tokens[i].end:tokens[run[n + 1]].start] == " of " else n
        holder = run[place + 1:]
        if (len(holder) >= 2 and text[tokens[run[place]].end:tokens[holder[0]].start] == " "
                and not any(tokens[h].text in P.ORG_HEADS or tokens[h].text in P.PLACE_HEADS
                            or tokens[h].text.lower() in lower_words
                            or tokens[h].text in P.NAME_CONNECTORS for h in holder)):
            yield run[:place + 1]
            yield holder
            return
    yield run


def _body_continues(tokens: list[_Tok], run: list[int], i: int, text: str) -> bool:
    """A body's remit goes on past "on" and "and": "Commission on Border Delimitation", "Federal
    Ministry for Economics and Climate Protection", "Summit on Science and Technology"."""
    gap = text[tokens[run[-1]].end:tokens[i].start]
    if gap in (" on ", " on the "):
        return tokens[run[-1]].text in P.ORG_HEADS
    if gap != " and ":
        return False
    return any(tokens[a].text in P.ORG_HEADS and text[tokens[a].end:tokens[b].start] in REMIT
               for a, b in itertools.pairwise(run))


REMIT = frozenset({" of ", " for ", " on ", " on the ", " of the ", " for the "})


def _title_inside(tokens: list[_Tok], last: int, i: int, text: str) -> bool:
    """A title after a name, itself before a name: "Japanese Olympic Committee | President Yasuhiro
    Yamashita". Not "Prime Minister" (a title after a title) nor "Council of Ministers" (no name after)."""
    tok = tokens[i]
    if tok.text not in P.TITLES or tokens[last].text in P.TITLES or text[tokens[last].end:tok.start] != " ":
        return False
    j = i + 1  # past the rest of the title: "Tajik | Foreign Minister Sirojiddin Muhriddin"
    while j < len(tokens) and tokens[j].text in P.TITLES and text[tokens[j - 1].end:tokens[j].start] == " ":
        j += 1
    after = tokens[j] if j < len(tokens) else None
    return (after is not None and after.known is None and text[tokens[j - 1].end:after.start] == " "
            and after.text not in P.ORG_HEADS)


def _capitalised(word: str) -> bool:
    return word[0].isupper() and not word.isdigit()


def _candidate(run: list[int], tokens: list[_Tok], block: Block, lower_words: set[str],
               prose: bool = True) -> Candidate | None:
    words = [tokens[i] for i in run]
    signals: list[str] = []
    kind = ""
    previous = tokens[run[0] - 1] if run[0] > 0 else None
    if previous is not None and block.text[previous.end:words[0].start] != " ":
        previous = None  # only a word right before the name counts
    # A sentence-initial common word is not part of a name: "According", "Yesterday", "Militants".
    if words[0].initial and (words[0].text.lower() in P.COMMON_WORDS or words[0].text.lower() in lower_words
                             or words[0].text in P.CALENDAR_WORDS):
        previous, words = words[0], words[1:]
    while words and (words[0].text in P.CALENDAR_WORDS or words[0].text in P.NAME_CONNECTORS):
        previous, words = words[0], words[1:]
    while words and (words[-1].text in P.CALENDAR_WORDS or words[-1].text in P.NAME_CONNECTORS):
        words = words[:-1]
    # Titles: "President", "Colonel-General", "Prime Minister" are dropped, and say "a person".
    titled = False
    while words and words[0].text in P.TITLES:
        titled, previous, words = True, words[0], words[1:]
    if words and not titled and _word_before(block.text, words[0].start).lower() in P.TITLE_WORDS:
        titled = True  # "Russian general Valery Gerasimov"
    if not words or len(words) > MAX_RUN or all(w.text in P.TITLES or w.text in P.NAME_CONNECTORS for w in words):
        return None
    if len(words) == 1 and re.split(r"['’]", words[0].text)[0].lower() in P.COMMON_WORDS:
        return None  # "The", "I", "I’m", "Such" wherever they stand
    heads = {w.text for w in words}
    if (heads & P.ORG_HEADS and previous is not None and previous.known == ""
            and block.text[previous.end:words[0].start] == " "):
        words = [previous, *words]  # a known adjective begins the name: "Tajikistani Armed Forces"
    start, end = words[0].start, words[-1].end
    numbered = (NUMBERED.match(block.text, end) if words[-1].text not in P.CALENDAR_WORDS
                and not words[-1].text.isupper() else None)
    if numbered:  # "Article 4", "Resolution 2231", "Act 936": the number is part of the name
        end = numbered.end()
        signals.append("numbered")
        kind = kind or "other"
    name = block.text[start:end]
    capitals = [w for w in words if _capitalised(w.text)]
    after = block.text[end:end + 40]
    following = TOKEN.match(after.lstrip(" ")) if after[:1] == " " else None
    if titled:
        signals.append("title")
        kind = "person"
    aliases: tuple[str, ...] = ()
    if len(words) == 2 and words[0].text in P.COMPASS_WORDS and words[1].text.endswith(P.DEMONYM_ENDINGS) \
            and following is not None and following.group().islower() and following.group() not in P.NOUN_FOLLOWERS:
        signals.append("attributive")  # "Central Asian states": kept only if used as a name elsewhere
    elif len(capitals) >= 2 and not words[0].initial:
        signals.append("multi")
    elif len(capitals) >= 2:
        signals.append("multi-initial")
    elif len(capitals) == 1:
        if ACRONYM_WORD.fullmatch(words[0].text) and words[0].text.lower() not in P.COMMON_WORDS \
                and words[0].text.lower() not in lower_words and prose:
            signals.append("capitals")  # "ISAF", "UNCLOS", "GENEVA (AP)": an acronym or a dateline
        if words[0].initial:
            signals.append("initial")
        elif following is not None and following.group().lower() in P.SPEECH_VERBS:
            signals.append("speaker")  # "Karimov said"
            kind = kind or "person"
        elif following is not None and following.group() in P.TITLES:
            signals.append("adjective")  # "Kyrgyz President Sadyr Japarov": it qualifies the title
        elif following is None or following.group().lower() in P.NOUN_FOLLOWERS or not following.group()[0].islower():
            signals.append("noun")
            if _word_before(block.text, words[0].start) in P.PLACE_PREPOSITIONS:
                signals.append("place")  # "in Almaty", "from Termez"
                kind = kind or "place"
        else:
            signals.append("adjective")  # "Gulf countries", "Western sources"
    if following is not None and following.group() in P.AREA_WORDS:
        signals.append("place")  # "Batken region", "Logar province"
        kind = kind or "place"
    if heads & P.ORG_HEADS:
        kind = "organisation"
    elif heads & P.PLACE_HEADS:
        kind = "place"
    elif not kind and following is not None and following.group().lower() in P.SPEECH_VERBS:
        kind = "person"
    return Candidate(" ".join(name.split()), block.anchor, start, end, kind, tuple(signals), aliases)


def _prose(text: str) -> bool:
    """A paragraph of prose, not a ticker line or a cable's routing header ("AGL 40.00 No Change")."""
    return sum(1 for w in TOKEN.findall(text) if w.islower()) >= PROSE_WORDS


def _word_before(text: str, start: int) -> str:
    m = WORD_BEFORE.search(text, max(0, start - 40), start)
    return m.group(1) if m else ""


# ── Across the corpus (called by aggregate) ────────────────────────────────────────────────

STRONG = {"title", "multi", "acronym", "speaker", "place", "capitals", "numbered"}
PLACE_HEADS_FOLDED = frozenset(w.casefold() for w in P.PLACE_HEADS)
MIN_NOUN_USES = 2  # a single word used as a name at least twice, mid-sentence, across the corpus


@dataclass(frozen=True)
class Discovered:
    """A name found in the sources and not in the gazetteer, kept for review."""

    id: str
    name: str
    kind: str
    aliases: tuple[str, ...]
    signals: tuple[str, ...]


def resolve(articles: list[Article], taken_ids: set[str]) -> tuple[list[Discovered], dict[str, tuple[Mention, ...]]]:
    """Decide which candidates are names, merge their spellings, and give each one an id.

    Linear in the number of candidates. A candidate group (same name, any case) is kept when one of
    its occurrences is strong (after a title, two or more capitalised words mid-sentence, an acronym
    with its expansion) or when it is used as a noun mid-sentence at least twice. A single word that
    is the last word of exactly one kept person ("Sharipov" of "Abdufattokh Sharipov") joins it.

    Returns:
        The kept names, sorted by id, and each article's mentions of them ({article id: mentions}).
    """
    groups: dict[str, list[tuple[str, Candidate]]] = defaultdict(list)
    for article in articles:
        for c in article.candidates:
            groups[c.name.casefold()].append((article.id, c))
            for alias in c.aliases:
                groups[alias.casefold()].append((article.id, Candidate(alias, c.anchor, -1, -1, c.kind, ("alias",))))
    kept: dict[str, list[tuple[str, Candidate]]] = {}
    for key, items in groups.items():
        signals = Counter(s for _, c in items for s in c.signals)
        adjective = 0 if key.upper() == items[0][1].name else signals["adjective"]  # "US officials"
        if STRONG & set(signals) or signals["noun"] >= max(MIN_NOUN_USES, adjective + 1):
            kept[key] = items
    # Acronyms given with an expansion join it.
    for key, items in list(kept.items()):
        for _, c in items:
            for alias in c.aliases:
                if alias.casefold() in kept and alias.casefold() != key:
                    kept[key].extend(x for x in kept.pop(alias.casefold()) if x[1].start >= 0)
    for key in list(kept):
        kept[key] = [x for x in kept[key] if x[1].start >= 0] or kept[key]
    # A single word joins the one longer name it stands for: a surname its person ("Sharipov"),
    # a place name its "X Region" ("Sughd").
    fuller: dict[str, list[str]] = defaultdict(list)
    for key, items in kept.items():
        words = key.split()
        if len(words) >= 2 and _kind(items) in ("person", "unclassified"):
            fuller[words[-1]].append(key)
        elif len(words) == 2 and words[1] in PLACE_HEADS_FOLDED:
            fuller[words[0]].append(key)
    for key, items in groups.items():
        if " " not in key and len(fuller.get(key, ())) == 1 and fuller[key][0] in kept:
            kept[fuller[key][0]].extend(x for x in items if x[1].start >= 0)
            kept.pop(key, None)
    found: list[Discovered] = []
    mentions: dict[str, list[Mention]] = defaultdict(list)
    used = set(taken_ids) | RESERVED_ENTITY_IDS  # entities/index.md and entities/review.md are index pages
    for key in sorted(kept):
        items = [x for x in kept[key] if x[1].start >= 0]
        if not items:
            continue
        spellings = Counter(c.name for _, c in items)
        name = min(spellings, key=lambda s: (-len(s.split()), -spellings[s], s))  # "Ali Karimov" over "Karimov"
        base = slug(name) or "name"
        eid, n = base, 2
        while eid in used:
            eid, n = f"{base}-{n}", n + 1
        used.add(eid)
        aliases = sorted(set(spellings) - {name} | {a for _, c in items for a in c.aliases})
        signals = tuple(sorted({s for _, c in items for s in c.signals}))
        found.append(Discovered(eid, name, _kind(items), tuple(aliases), signals))
        for article_id, c in items:
            mentions[article_id].append(Mention(eid, c.anchor, c.start, c.end))
    found.sort(key=lambda d: d.id)
    return found, {k: tuple(v) for k, v in mentions.items()}


def _kind(items) -> str:
    kinds = Counter(c.kind for _, c in items if c.kind)
    return min(kinds, key=lambda k: (-kinds[k], k)) if kinds else "unclassified"
