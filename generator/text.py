"""Small text helpers shared by the stages: sentences, words, title-case tests."""

from __future__ import annotations

import re

from anyascii import anyascii

# Abbreviations after which a period does not end a sentence.
_ABBREV = {
    "mr", "mrs", "ms", "dr", "gen", "col", "lt", "maj", "capt", "sgt", "adm", "st", "no", "vol", "jr", "sr",
    "prof", "rev", "gov", "sen", "rep", "inc", "ltd", "co", "corp", "vs", "etc", "e.g", "i.e", "u.s", "u.k",
    "u.n", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "approx",
}
_BOUNDARY = re.compile(r"(?<=[.!?])[\"”’)\]]*\s+(?=[\"“‘(\[]?[A-Z0-9\u0400-\u04ff–—-])")
_WORD = re.compile(r"[^\W_]+(?:[’'.-][^\W_]+)*")
_SMALL_WORDS = {
    "a", "an", "the", "and", "or", "but", "nor", "of", "on", "in", "to", "for", "at", "by", "with", "from",
    "as", "vs", "via", "into", "amid", "over", "than", "per", "up", "is",
}


def sentences(paragraph: str) -> list[str]:
    """Split a paragraph into sentences, exactly as they appear in it (no characters changed)."""
    out: list[str] = []
    start = 0
    for match in _BOUNDARY.finditer(paragraph):
        candidate = paragraph[start:match.start()].rstrip()
        last = candidate.rstrip("\"”’)]").rsplit(None, 1)[-1] if candidate.strip() else ""
        stem = last.rstrip(".").lower()
        if stem in _ABBREV or (len(stem) == 1 and stem.isalpha()):
            continue  # "Gen. Gerasimov", "J. Smith"
        if candidate:
            out.append(candidate)
        start = match.end()
    tail = paragraph[start:].strip()
    if tail:
        out.append(tail)
    return out


def sentence_spans(paragraph: str) -> list[tuple[int, str]]:
    """Each sentence with its offset in the paragraph (sentences are exact substrings); never empty."""
    out, pos = [], 0
    for sentence in sentences(paragraph):
        start = paragraph.find(sentence, pos)
        out.append((start, sentence))
        pos = start + len(sentence)
    return out or [(0, paragraph)]


def sentence_at(paragraph: str, at: int) -> tuple[int, str]:
    """The sentence that holds offset `at`, with its offset (the whole paragraph if none does)."""
    for start, sentence in sentence_spans(paragraph):
        if start <= at < start + len(sentence):
            return start, sentence
    return 0, paragraph


def words(text: str) -> list[str]:
    """The words of a text (letters and digits, with inner apostrophes and hyphens)."""
    return _WORD.findall(text)


def word_count(text: str) -> int:
    """How many words() the text has."""
    return len(_WORD.findall(text))


def ends_sentence(text: str) -> bool:
    """Does the text end as a sentence or clause does (., !, ?, …, :, ;), after closing quotes or brackets?"""
    return text.rstrip().rstrip("\"”’)]*").endswith((".", "!", "?", "…", ":", ";"))


def is_title_case(text: str) -> bool:
    """Most words that are not small words start with a capital: 'Putin Vows Support to Tajikistan'."""
    ws = [w for w in words(text) if w.lower() not in _SMALL_WORDS and not w.isdigit()]
    if len(ws) < 3:
        return False
    capitals = sum(1 for w in ws if w[0].isupper())
    return capitals / len(ws) >= 0.8


def squash(text: str) -> str:
    """Collapse runs of whitespace into single spaces."""
    return " ".join(text.split())


def slug(text: str) -> str:
    """'Статья о границе (1)' → 'stat-ya-o-granitse-1': transliterated, lowercase, URL-safe; may be ''."""
    return re.sub(r"[^a-z0-9_]+", "-", anyascii(text).lower()).strip("-_")[:80].rstrip("-_")


def context(text: str, start: int, end: int, words: int = 18) -> tuple[str, str, str]:
    """The sentence around [start, end), cut to about `words` words each side: (before, name, after)."""
    s, sentence = sentence_at(text, start)
    before, name, after = text[s:start], text[start:end], text[end:max(s + len(sentence), end)]
    b, a = before.split(), after.split()
    cut_before = ("… " if len(b) > words else "") + " ".join(b[-words:])
    cut_after = " ".join(a[:words]) + (" …" if len(a) > words else "")
    # Keep the spacing around the name as in the text: "Rahmon, President", "Putin’s".
    return (cut_before + (" " if before[-1:].isspace() and cut_before else ""), name,
            (" " if after[:1].isspace() and cut_after else "") + cut_after)
