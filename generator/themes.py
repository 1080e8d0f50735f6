"""Score each source against each configured theme; keep the sentences that carried the score."""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter

from generator.config import Config, Theme, term_of
from generator.models import Block, Evidence, ThemeMatch
from generator.text import sentence_spans

# A term counts at most this many times per source: one article repeating "Afghanistan" twenty
# times is not twenty times more about the theme than one that names it three times.
MAX_COUNT = 3
MAX_EVIDENCE = 12


def score_themes(blocks: tuple[Block, ...], config: Config) -> tuple[ThemeMatch, ...]:
    """Score the body against every theme.

    Args:
        blocks: the source's body blocks, with anchors.
        config: the briefing configuration (themes, terms, weights, thresholds).
    Returns:
        One ThemeMatch per theme, in configuration order; a theme applies when score >= threshold.
    """
    units = [(b, sentence_spans(b.text)) for b in blocks]
    return tuple(_score(theme, units) for theme in config.themes)


def _score(theme: Theme, units) -> ThemeMatch:
    counts: Counter[str] = Counter()
    evidence: list[Evidence] = []
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
    score = sum(theme.weight(t) * min(n, MAX_COUNT) for t, n in counts.items())
    evidence.sort(key=lambda e: (-e.score, _order(e.anchor)))
    return ThemeMatch(
        theme=theme.id,
        score=round(score, 2),
        terms=tuple(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))),
        evidence=tuple(evidence[:MAX_EVIDENCE]),
    )


def _order(anchor: str) -> int:
    return int(anchor.rsplit("-", 1)[-1]) if anchor.rsplit("-", 1)[-1].isdigit() else 0


def passed(matches: tuple[ThemeMatch, ...], config: Config) -> tuple[ThemeMatch, ...]:
    """The theme matches that reach their theme's threshold."""
    thresholds = {t.id: t.threshold for t in config.themes}
    return tuple(m for m in matches if m.score >= thresholds[m.theme])
