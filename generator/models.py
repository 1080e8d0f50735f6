"""Records that flow between the pipeline's stages. All frozen: stages return new records."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Optional

# How a metadata value was found.
STATED = "stated"  # written in the document itself (a headline line, a byline, a date line)
INFERRED = "inferred"  # deduced from the text (the latest dated event, the first sentence)
SIDECAR = "sidecar"  # given by seeds/<stem>.yml
NONE = "none"  # not found; the value is empty


@dataclass(frozen=True)
class Source:
    """One seed file as read from disk, decoded but not yet cleaned."""

    id: str
    path: str  # path relative to the project root, e.g. "seeds/000_x.txt"
    name: str  # file name inside seeds/
    fmt: str  # "txt" | "md" | "html"
    sha256: str
    encoding: str
    text: str  # decoded text, "\n" line endings; for md/html the extracted main text
    sidecar: dict[str, Any] = field(default_factory=dict)
    embedded: dict[str, Any] = field(default_factory=dict)  # metadata from md front matter / html meta
    problems: tuple[str, ...] = ()
    raw: bytes = field(default=b"", repr=False, compare=False)  # the file's bytes, for the original copy


@dataclass(frozen=True)
class Block:
    """A paragraph-level unit of text: "paragraph", "heading" or "question"."""

    kind: str
    text: str
    anchor: str = ""


@dataclass(frozen=True)
class Field:
    """A metadata value with how it was found and the text that showed it."""

    value: Any
    basis: str = NONE
    evidence: str = ""


@dataclass(frozen=True)
class DateField:
    """A publication date: ISO text cut to its precision ("2021-05-04", "2021-05", "2021")."""

    value: Optional[str]
    precision: Optional[str]  # "day" | "month" | "year" | None
    basis: str = NONE
    evidence: str = ""


@dataclass(frozen=True)
class Metadata:
    title: Field
    subtitle: Field
    publication: Field
    authors: Field  # value: tuple[str, ...]
    date: DateField
    source_type: Field
    summary: Field
    translator: Field
    url: Field


@dataclass(frozen=True)
class Evidence:
    """A sentence that counted towards a theme, with where it sits."""

    text: str
    anchor: str
    score: float
    terms: tuple[str, ...]


@dataclass(frozen=True)
class ThemeMatch:
    theme: str
    score: float
    terms: tuple[tuple[str, int], ...]  # (term, occurrences)
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class Article:
    """A cleaned source with its metadata and theme scores: everything a page needs."""

    source: Source
    meta: Metadata
    blocks: tuple[Block, ...]
    words: int
    themes: tuple[ThemeMatch, ...] = ()  # only the themes that passed their threshold
    scores: tuple[ThemeMatch, ...] = ()  # every theme, passed or not

    @property
    def id(self) -> str:
        return self.source.id

    @property
    def theme_ids(self) -> tuple[str, ...]:
        return tuple(m.theme for m in self.themes)


@dataclass(frozen=True)
class KeyPoint:
    text: str
    source: str
    anchor: str
    score: float


@dataclass(frozen=True)
class ThemeSummary:
    theme: Any  # config.Theme
    sources: tuple[tuple[str, float], ...]  # (article id, score), strongest first
    key_points: tuple[KeyPoint, ...]
    years: tuple[Optional[int], Optional[int]]


@dataclass(frozen=True)
class Briefing:
    """Everything the renderer needs, gathered before anything is written."""

    config: Any  # config.Config
    articles: tuple[Article, ...]  # newest first
    themes: tuple[ThemeSummary, ...]
    problems: tuple[str, ...] = ()
