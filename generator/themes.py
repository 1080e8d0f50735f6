"""Score each source against each configured theme; keep the sentences that carried the score."""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter

from generator import patterns as P
from generator.config import Config, Theme, term_of
from generator.models import Block, Evidence, ThemeMatch
from generator.text import sentence_spans

# A term counts at most this many times per source: one article repeating "Afghanistan" twenty
# times is not twenty times more about the theme than one that names it three times.
MAX_COUNT = 3
MAX_EVIDENCE = 12


def score_themes(blocks: tuple[Block, ...], config: Config, headline: str = "") -> tuple[ThemeMatch, ...]:
    """Score the body against every theme.

    Args:
        blocks: the source's body blocks, with anchors.
        config: the briefing configuration (themes, terms, weights, thresholds).
        headline: the source's title; it never counts toward a score, but when it carries a theme's
            terms it is one of the theme's sentences (its figures are the theme's).
    Returns:
        One ThemeMatch per theme, in configuration order; a theme applies when score >= threshold.
    """
    units = [(b, sentence_spans(b.text)) for b in blocks]
    return tuple(_score(theme, units, headline) for theme in config.themes)


def _score(theme: Theme, units, headline: str) -> ThemeMatch:
    counts: Counter[str] = Counter()
    evidence: list[Evidence] = []
    spans: list[tuple[str, int, int]] = [("", 0, len(headline))] if headline and theme.pattern.search(headline) else []
    for block, starts in units:
        # One pass of the theme's pattern over the paragraph; matches go to their sentence.
        found_in: dict[int, list[str]] = {}
        offsets = [s for s, _ in starts]
        for m in theme.pattern.finditer(block.text):
            found_in.setdefault(bisect_right(offsets, m.start()) - 1, []).append(term_of(m, theme.terms))
        for index, found in sorted(found_in.items()):
            counts.update(found)
            distinct = sorted(set(found))
            weight = sum(theme.weight(t) for t in distinct)
            evidence.append(Evidence(starts[index][1], block.anchor, weight, tuple(distinct)))
        spans.extend((block.anchor, starts[i][0], starts[i][0] + len(starts[i][1])) for i in _bound(block.text, starts, found_in))
    score = sum(theme.weight(t) * min(n, MAX_COUNT) for t, n in counts.items())
    evidence.sort(key=lambda e: (-e.score, _order(e.anchor)))
    return ThemeMatch(
        theme=theme.id,
        score=round(score, 2),
        terms=tuple(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))),
        evidence=tuple(evidence[:MAX_EVIDENCE]),
        spans=tuple(spans),
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


def _order(anchor: str) -> int:
    return int(anchor.rsplit("-", 1)[-1]) if anchor.rsplit("-", 1)[-1].isdigit() else 0


def passed(matches: tuple[ThemeMatch, ...], config: Config) -> tuple[ThemeMatch, ...]:
    """The theme matches that reach their theme's threshold."""
    thresholds = {t.id: t.threshold for t in config.themes}
    return tuple(m for m in matches if m.score >= thresholds[m.theme])
