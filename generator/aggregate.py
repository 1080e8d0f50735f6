"""Gather every article into the briefing: theme summaries with key points, newest-first order."""

from __future__ import annotations

from generator.config import Config
from generator.models import Article, Briefing, Evidence, KeyPoint, ThemeSummary
from generator.text import word_count, words

MIN_WORDS, MAX_WORDS = 8, 60
SIMILAR = 0.6  # word-set overlap above which two key points say the same thing


def build_briefing(articles: list[Article], config: Config, problems: list[str] = ()) -> Briefing:
    """Order the articles newest first and summarise every theme across them.

    Args:
        articles: every processed source.
        config: themes and how many key points each theme page shows.
        problems: messages from loading, carried to the report.
    Returns:
        The Briefing the renderer writes.
    """
    ordered = tuple(sorted(articles, key=newest_first))
    themes = tuple(_summarise(theme, ordered, config.key_points) for theme in config.themes)
    return Briefing(config=config, articles=ordered, themes=themes, problems=tuple(problems))


def newest_first(article: Article) -> tuple:
    date = article.meta.date.value
    # Undated sources go last; ties and undated ones in stable id order.
    return (date is None, _negate(date or ""), article.id)


def _negate(iso: str) -> str:
    return "".join(chr(0x10FFFF - ord(c)) for c in iso)


def _summarise(theme, articles: tuple[Article, ...], limit: int) -> ThemeSummary:
    members = []
    for article in articles:
        match = next((m for m in article.themes if m.theme == theme.id), None)
        if match is not None:
            members.append((article, match))
    members.sort(key=lambda am: (-am[1].score, am[0].id))
    years = sorted(int(a.meta.date.value[:4]) for a, _ in members if a.meta.date.value)
    return ThemeSummary(
        theme=theme,
        sources=tuple((a.id, m.score) for a, m in members),
        key_points=select_key_points(members, limit),
        years=(years[0], years[-1]) if years else (None, None),
    )


def select_key_points(members, limit: int) -> tuple[KeyPoint, ...]:
    """The most relevant sentences, taken in turns across sources so no single article dominates.

    Each source's candidates are its theme evidence, best first; round one takes each source's best,
    round two each source's second best, and so on, skipping sentences that repeat one already taken.
    """
    queues = []
    for article, match in members:
        candidates = [e for e in match.evidence if _quotable(e)]
        if candidates:
            queues.append((article, candidates))
    queues.sort(key=lambda q: (-q[1][0].score, q[0].id))
    chosen: list[KeyPoint] = []
    seen: list[set[str]] = []
    depth = 0
    while len(chosen) < limit and any(depth < len(c) for _, c in queues):
        for article, candidates in queues:
            if len(chosen) >= limit or depth >= len(candidates):
                continue
            evidence = candidates[depth]
            bag = {w.lower() for w in words(evidence.text)}
            if any(len(bag & other) / max(1, min(len(bag), len(other))) > SIMILAR for other in seen):
                continue
            seen.append(bag)
            chosen.append(KeyPoint(evidence.text, article.id, evidence.anchor, evidence.score))
        depth += 1
    return tuple(chosen)


def _quotable(evidence: Evidence) -> bool:
    text = evidence.text
    n = word_count(text)
    return (
        MIN_WORDS <= n <= MAX_WORDS
        and not text.rstrip().endswith("?")
        and (text[:1].isupper() or text[:1] in "“\"‘")
    )
