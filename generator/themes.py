"""Score each source against each configured theme; keep the sentences that carried the score."""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter, defaultdict
from dataclasses import replace

from generator import patterns as P
from generator.config import Config, Theme, term_of, term_pattern
from generator.entities import matcher_for
from generator.models import Block, BlockKind, Evidence, ThemeMatch
from generator.text import sentence_spans, word_count, words

# A term counts at most this many times per source: one article repeating "Afghanistan" twenty
# times is not twenty times more about the theme than one that names it three times.
MAX_COUNT = 3
MAX_EVIDENCE = 12
MIN_WORDS, MAX_WORDS = 8, 60  # a sentence that can stand alone as a statement
# A sentence that carries several themes' terms is shown on the pages of those whose terms weigh at
# least this share of the heaviest: "CSTO exercises near the Afghan border" is both themes'; "CSTO
# exercises of 2,000 troops, one of them Afghan" only military cooperation's. Measured on the seeds and
# the 32 reports against hand-marked lists (tests/data/): at 0.5, 4 off-theme lines shown and 3
# on-theme missing; at 0.75, 3 and 5 (it took "China will erect a base ... near the border with
# Afghanistan" from the China page).
OWN_SHARE = 0.5


def score_themes(blocks: tuple[Block, ...], config: Config, headline: str = "",
                 names: dict[str, list[tuple[int, int, str, bool]]] | None = None) -> tuple[ThemeMatch, ...]:
    """Score the body against every theme.

    Args:
        blocks: the source's body blocks, with anchors.
        config: the briefing configuration (themes, terms, weights, thresholds).
        headline: the source's title; it never counts toward a score, but when it carries a theme's
            terms it is one of the theme's sentences (its figures are the theme's).
        names: the gazetteer's names in each block (Matcher.find_all() per anchor), if already
            found: a theme's `about` reads the countries each sentence names from them.
    Returns:
        One ThemeMatch per theme, in configuration order; a theme applies when score >= threshold.
    """
    units = [(b, sentence_spans(b.text)) for b in blocks] + ([(Block(BlockKind.HEADING, headline, HEADLINE), [(0, headline)])]
                                                            if headline else [])
    # per theme, per paragraph: the terms each sentence carries, by the sentence's index
    found = [[_terms_in(theme, block.text, starts) for block, starts in units] for theme in config.themes]
    # per paragraph and sentence: the most any theme's terms weigh in it
    most: list[dict[int, float]] = [defaultdict(float) for _ in units]
    for theme, per_block in zip(config.themes, found, strict=True):
        for n, found_in in enumerate(per_block):
            for i, terms in found_in.items():
                most[n][i] = max(most[n][i], _weight(theme, terms))
    named = _countries_named(units, config, names or {}) if any(theme.about for theme in config.themes) else None
    return tuple(_score(theme, units, per_block, most, _elsewhere(theme, named))
                 for theme, per_block in zip(config.themes, found, strict=True))


def _countries_named(units, config: Config, names: dict) -> list[list[set[str]]]:
    """Per paragraph and sentence, the gazetteer's countries it names: by name or adjective, or by a
    place the gazetteer puts in one ("Bishkek": Kyrgyzstan). One automaton pass per paragraph, or
    none where `names` has it."""
    matcher = matcher_for(config.gazetteer)
    out = []
    for block, starts in units:
        named: list[set[str]] = [set() for _ in starts]
        offsets = [s for s, _ in starts]
        hits = names.get(block.anchor) if block.anchor != HEADLINE else None
        for start, _, entity, _ in hits if hits is not None else matcher.find_all(block.text):
            if entity in matcher.country_of and offsets:
                named[max(0, bisect_right(offsets, start) - 1)].add(matcher.country_of[entity])
        out.append(named)
    return out


def _elsewhere(theme: Theme, named: list[list[set[str]]] | None) -> list[set[int]] | None:
    """Per paragraph, the sentences about other countries than the theme's (`about`): they name
    countries, none of them the theme's. They still count toward its score, but are not its own."""
    if not theme.about or named is None:
        return None
    about = set(theme.about)
    return [{i for i, countries in enumerate(block) if countries and not countries & about} for block in named]


HEADLINE = "\0headline"  # the headline's place among the paragraphs while scoring (its anchor is "")


def _terms_in(theme: Theme, text: str, starts: list[tuple[int, str]]) -> dict[int, list[str]]:
    """One pass of the theme's pattern over a paragraph: each sentence's terms, by its index."""
    found_in: dict[int, list[str]] = {}
    offsets = [s for s, _ in starts]
    for m in theme.pattern.finditer(text):
        found_in.setdefault(bisect_right(offsets, m.start()) - 1, []).append(term_of(m, theme.terms))
    return found_in


def _weight(theme: Theme, terms: list[str]) -> float:
    return sum(theme.weight(t) for t in set(terms))


def _score(theme: Theme, units, per_block: list[dict[int, list[str]]], most: list[dict[int, float]],
           elsewhere: list[set[int]] | None = None) -> ThemeMatch:
    counts: Counter[str] = Counter()
    evidence: list[Evidence] = []
    spans: list[tuple[str, int, int]] = []
    facets: set[int] = set()
    patterns = [term_pattern(terms) for _, terms in theme.facets]
    described = stems(theme.description)
    for n, ((block, starts), found_in, top) in enumerate(zip(units, per_block, most, strict=True)):
        # a sentence is the theme's when its terms weigh nearly as much as any theme's (OWN_SHARE),
        # and it is not about other countries than the theme's
        own = {i for i, terms in found_in.items() if _weight(theme, terms) >= OWN_SHARE * top[i]
               and not (elsewhere and i in elsewhere[n])}
        if block.anchor == HEADLINE:  # never scored; its figures are the theme's when it is
            spans[:0] = [("", 0, len(block.text))] if own else []
            continue
        for index, found in sorted(found_in.items()):
            counts.update(found)
            evidence.append(Evidence(starts[index][1], block.anchor, _weight(theme, found), tuple(sorted(set(found))),
                                     starts[index][0]))
        for i in _bound(block.text, starts, own):
            if elsewhere and i in elsewhere[n]:
                continue  # bound to the theme's sentence, but about another country
            spans.append((block.anchor, starts[i][0], starts[i][0] + len(starts[i][1])))
            facets.update(n for n, pattern in enumerate(patterns) if n not in facets and pattern.search(starts[i][1]))
    score = sum(theme.weight(t) * min(n, MAX_COUNT) for t, n in counts.items())
    evidence.sort(key=lambda e: (-e.score, _order(e.anchor)))
    # what a statement needs from a sentence, read for the kept ones only (brief.py)
    kept = tuple(replace(e, quotable=quotable(e.text), described=len(described & stems(e.text)))
                 for e in evidence[:MAX_EVIDENCE])
    return ThemeMatch(
        theme=theme.id,
        score=round(score, 2),
        terms=tuple(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))),
        evidence=kept,
        spans=tuple(spans),
        facets=tuple(sorted(facets)),
    )


def _bound(text: str, starts: list[tuple[int, str]], carrying) -> list[int]:
    """The sentences of a paragraph that belong to a theme, by index: those that carry its terms, and
    after each, the sentences bound to it: one that opens on a pronoun or a link word ("He said ...",
    "This ...", "But ..."), or one inside a quotation still open."""
    out: list[int] = []
    quoting = False  # inside a quotation opened in an earlier sentence
    for i, (_, sentence) in enumerate(starts):
        if i in carrying or (out and out[-1] == i - 1 and (quoting or P.DANGLING_START.match(sentence))):
            out.append(i)
        # what lies between two sentences counts (a closing quote the sentences leave out)
        quoting = _still_quoting(quoting, text[starts[i][0]:starts[i + 1][0] if i + 1 < len(starts) else len(text)])
    return out


def _still_quoting(quoting: bool, sentence: str) -> bool:
    """Is a quotation open after this sentence? Curly quotes and guillemets by their balance, straight
    quotes by their parity."""
    opens, closes = sentence.count("“") + sentence.count("«"), sentence.count("”") + sentence.count("»")
    if sentence.count('"') % 2:
        quoting = not quoting
    return (opens > closes) or (quoting and closes <= opens)


def quotable(sentence: str) -> bool:
    """Can a sentence stand alone as a statement (brief.py)? Of some length, not a question, not opening
    on a pronoun or a link word ("But ...", "He ...": out of its context it would not say what it means)."""
    n = word_count(sentence)
    return (MIN_WORDS <= n <= MAX_WORDS and not sentence.rstrip().endswith("?")
            and (sentence[:1].isupper() or sentence[:1] in "“\"‘") and not P.DANGLING_START.match(sentence))


def stems(text: str) -> set[str]:
    """A text's words of four letters or more, by their first five letters, lowercased."""
    return {w.lower()[:5] for w in words(text) if len(w) >= 4}


def _order(anchor: str) -> int:
    return int(anchor.rsplit("-", 1)[-1]) if anchor.rsplit("-", 1)[-1].isdigit() else 0


def passed(matches: tuple[ThemeMatch, ...], config: Config) -> tuple[ThemeMatch, ...]:
    """The theme matches that reach their theme's threshold."""
    thresholds = {t.id: t.threshold for t in config.themes}
    return tuple(m for m in matches if m.score >= thresholds[m.theme])
