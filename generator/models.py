"""Records that flow between the pipeline's stages. All frozen: stages return new records."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Literal, Optional, Union

# A number a record holds as it was computed: a whole one stays an int (the pages print "19", not
# "19.0"), so the cache's decoder must not make it a float.
Number = Union[int, float]
# A metadata value: a text (title, publication...), names (authors), or none found.
FieldValue = Union[str, tuple[str, ...], None]


class Basis(StrEnum):
    """How a metadata value was found."""

    STATED = "stated"  # written in the document itself (a headline line, a byline, a date line)
    INFERRED = "inferred"  # deduced from the text (the latest dated event, the first sentence)
    SIDECAR = "sidecar"  # given by seeds/<stem>.yml
    METADATA = "metadata"  # from the document's own metadata: front matter, a web page's <meta>, JSON-LD...
    NONE = "none"  # not found; the value is empty


STATED, INFERRED, SIDECAR, METADATA, NONE = Basis.STATED, Basis.INFERRED, Basis.SIDECAR, Basis.METADATA, Basis.NONE


class BlockKind(StrEnum):
    """What a block of a source's text is."""

    PARAGRAPH = "paragraph"
    HEADING = "heading"
    QUESTION = "question"  # an interviewer's question


class Measure(StrEnum):
    """What a figure measures, where it is compared across sources; a count of people measures its noun
    instead ("soldiers", "Refugees")."""

    MONEY = "money"
    BORDER = "length of a border"
    DISTANCE = "distance"
    SHARE = "share"


DatePrecision = Literal["day", "month", "year"]  # of a publication date
EventPrecision = Literal["day", "month", "season", "year"]  # of a dated event


DOCUMENT_FORMATS = ("pdf", "docx")  # read by documents.py; every other seed is text


@dataclass(frozen=True)
class Source:
    """One seed file as read from disk, decoded but not yet cleaned."""

    id: str
    path: str  # path relative to the project root, e.g. "seeds/000_x.txt"
    name: str  # file name inside seeds/
    fmt: str  # "txt" | "md" | "html" | "pdf" | "docx"
    sha256: str
    encoding: str
    text: str  # decoded text, "\n" line endings; for md/html the extracted main text
    sidecar: dict[str, Any] = field(default_factory=dict)
    embedded: dict[str, Any] = field(default_factory=dict)  # metadata from md front matter / html meta
    provenance: dict[str, str] = field(default_factory=dict)  # where each embedded field was found ("og:title")
    raw: bytes = field(default=b"", repr=False, compare=False)  # the file's bytes, for the original copy

    @property
    def is_document(self) -> bool:
        """A PDF or Word file: its text was read out of it, and the file itself is offered to download
        (its `encoding` names its format: there is no text encoding to speak of)."""
        return self.fmt in DOCUMENT_FORMATS


@dataclass(frozen=True, slots=True)
class Block:
    """A paragraph-level unit of text."""

    kind: BlockKind
    text: str
    anchor: str = ""


@dataclass(frozen=True, slots=True)
class Field:
    """A metadata value with how it was found and the text that showed it."""

    value: FieldValue
    basis: Basis = NONE
    evidence: str = ""


@dataclass(frozen=True, slots=True)
class DateField:
    """A publication date: ISO text cut to its precision ("2021-05-04", "2021-05", "2021")."""

    value: Optional[str]
    precision: Optional[DatePrecision]
    basis: Basis = NONE
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
    carried_by: Field = Field(None)  # the site that carried (reposted) a text first published elsewhere
    interviewee: Field = Field(None)  # the person an interview was with


@dataclass(frozen=True, slots=True)
class Evidence:
    """A sentence that counted towards a theme, with where it sits."""

    text: str
    anchor: str
    score: Number
    terms: tuple[str, ...]
    start: int = 0  # in the paragraph
    quotable: bool = False  # it can stand alone as a statement (themes.quotable)
    described: int = 0  # how many words of the theme's description it has (their first five letters)


@dataclass(frozen=True, slots=True)
class ThemeMatch:
    theme: str
    score: Number
    terms: tuple[tuple[str, int], ...]  # (term, occurrences)
    evidence: tuple[Evidence, ...]
    # the theme's sentences, (anchor, start, end) in text order ("" is the headline): those that carry
    # its terms and those bound to one that does (a pronoun's sentence, a quotation continued); what
    # a theme page shows (timeline, figures, actors) comes only from them
    spans: tuple[tuple[str, int, int], ...] = ()
    facets: tuple[int, ...] = ()  # the theme's sub-topics (by index) its sentences speak of


@dataclass(frozen=True, slots=True)
class Mention:
    """A name of the gazetteer found in a paragraph: [start, end) of the block's text."""

    entity: str  # entity id
    anchor: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Candidate:
    """A name the gazetteer does not know, found in a paragraph; aggregate decides if it is one.

    `signals` says why it looks like a name: "multi" (two or more capitalised words mid-sentence),
    "title" (after a title such as "General"), "acronym" (an expansion with its acronym),
    "noun" (a single capitalised word used as a noun mid-sentence), "initial" (sentence start only).
    """

    name: str
    anchor: str
    start: int
    end: int
    kind: str  # a guess: person, organisation, place, or "" when nothing tells
    signals: tuple[str, ...]
    aliases: tuple[str, ...] = ()  # e.g. the acronym given with an expansion


@dataclass(frozen=True, slots=True)
class Event:
    """A sentence that carries a date, with the date resolved to its precision (or None)."""

    date: Optional[str]  # "2021-04-27", "2021-04", "2023-spring", "2006"; None when unresolved
    precision: EventPrecision
    end: Optional[str]  # last day of a range ("March 28-29"), else None
    text: str  # the sentence
    expression: str  # the words that gave the date
    anchor: str
    note: str  # how it was resolved, or why it could not be
    start: int = 0  # of the date's words in the paragraph
    # what the date is to the sentence: "event" (what happened then), "since" (when a state began:
    # "since 1994"), "until" (when one ended), "plan" (a plan or forecast: "by 2030", a date after the
    # report), "mentioned" (named in a comparison: "Unlike the agreement of 27 April, ...")
    kind: str = "event"


@dataclass(frozen=True, slots=True)
class Figure:
    """A quantity with its unit and what it measures, in its sentence."""

    text: str  # the words of the figure: "about 70 billion rubles"
    value: Number
    unit: str  # "USD", "RUB", "km", "%", "people", ...
    measure: str  # a Measure, or for a count of people its noun: "soldiers"
    approximate: bool
    sentence: str
    anchor: str  # "" for the headline
    start: int  # in the paragraph (or headline)
    end: int
    upper: Optional[Number] = None  # a range's upper end ("300 to 400 servicemen": 400), in the figure's unit


@dataclass(frozen=True)
class Article:
    """A cleaned source with its metadata and theme scores: everything a page needs."""

    source: Source
    meta: Metadata
    blocks: tuple[Block, ...]
    words: int
    themes: tuple[ThemeMatch, ...] = ()  # only the themes that passed their threshold
    scores: tuple[ThemeMatch, ...] = ()  # every theme, passed or not
    mentions: tuple[Mention, ...] = ()  # gazetteer names, in text order
    candidates: tuple[Candidate, ...] = ()  # names not in the gazetteer, for aggregate to judge
    events: tuple[Event, ...] = ()
    figures: tuple[Figure, ...] = ()

    @property
    def id(self) -> str:
        return self.source.id

    @property
    def theme_ids(self) -> tuple[str, ...]:
        return tuple(m.theme for m in self.themes)


@dataclass(frozen=True)
class KeyPoint:
    """A statement a theme page shows: a source's exact sentence, with the other sources that say much
    the same (corroboration)."""

    text: str
    source: str
    anchor: str
    score: Number
    date: Optional[str] = None  # the source's publication date
    also: tuple[tuple[str, str, str], ...] = ()  # (article id, anchor, its sentence) of each other source


@dataclass(frozen=True)
class Facet:
    """A theme's sub-topic (briefing.yml `facets`): its statements, its newest one, how many sources speak of it."""

    title: str
    points: tuple[KeyPoint, ...]
    newest: Optional[KeyPoint]
    sources: int


@dataclass(frozen=True)
class ThemeSummary:
    theme: Any  # config.Theme
    sources: tuple[tuple[str, float], ...]  # (article id, score), strongest first
    key_points: tuple[KeyPoint, ...]  # after In brief's, the next statements by rank
    years: tuple[Optional[int], Optional[int]]
    actors: tuple[tuple[str, int, int], ...] = ()  # (entity id, mentions, sources), most mentioned first
    events: tuple[tuple[str, Event], ...] = ()  # (article id, event): the theme's own short timeline
    figures: tuple[tuple[str, Figure], ...] = ()  # (article id, figure) in the theme's paragraphs
    by_year: tuple[tuple[int, int, int], ...] = ()  # (year, sources published, dated events in its paragraphs)
    in_brief: tuple[KeyPoint, ...] = ()  # the statements that matter most (brief.py)
    latest: tuple[KeyPoint, ...] = ()  # the newest sources' news, newest first
    facets: tuple[Facet, ...] = ()  # the theme's sub-topics, when configured, in their order


@dataclass(frozen=True)
class Statement:
    """One source's value for a measured thing, with the conversions it gives beside it."""

    source: str  # article id
    figure: Figure
    equivalents: tuple[Figure, ...] = ()  # "70 billion rubles (about $1.23 billion)"


@dataclass(frozen=True)
class Discrepancy:
    """Statements that give different values for the same measured thing."""

    what: str
    method: str  # how the statements were matched
    statements: tuple[Statement, ...]
    themes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Comparisons:
    """How many figures were compared for disagreements, and why the others were not (compare.py; briefing.json)."""

    compared: int
    groups: int  # sets of statements about one measured thing
    disagreements: int
    not_compared: tuple[tuple[str, int], ...]  # (reason, figures), most first
    agreed: int  # groups whose values all meet (their approximations and bounds understood)
    conversions: int  # figures read as the bracketed conversion of the one before


@dataclass(frozen=True)
class Entity:
    """An actor with a page: from the gazetteer (reviewed) or found in the sources (not yet)."""

    id: str
    name: str
    kind: str
    aliases: tuple[str, ...]
    description: str
    reviewed: bool
    signals: tuple[str, ...] = ()  # for a found name: why it looked like one


@dataclass(frozen=True)
class Related:
    """Another actor named in the same paragraphs: how many, and up to three of them."""

    entity: str
    paragraphs: int
    evidence: tuple[tuple[str, str], ...]  # (article id, anchor)


@dataclass(frozen=True)
class EntitySummary:
    entity: Entity
    mentions: tuple[tuple[str, Mention], ...]  # (article id, mention): sources newest first, text order
    sources: tuple[str, ...]  # newest first
    related: tuple[Related, ...]


@dataclass(frozen=True)
class Briefing:
    """Everything the renderer needs, gathered before anything is written."""

    config: Any  # config.Config
    articles: tuple[Article, ...]  # newest first
    themes: tuple[ThemeSummary, ...]
    entities: tuple[EntitySummary, ...] = ()  # every actor mentioned at least once, by id
    mentions: dict[str, tuple[Mention, ...]] = field(default_factory=dict)  # article id → its mentions
    events: tuple[tuple[str, Event], ...] = ()  # (article id, event), dated ones in date order, then the rest
    discrepancies: tuple[Discrepancy, ...] = ()
    comparisons: Optional[Comparisons] = None  # how the figures were compared for them
    added: dict[str, str] = field(default_factory=dict)  # article id → day it reached the briefing (arrivals.json)
    # one event told by several sentences or sources is one line: the events folded into each line's
    # first (event_key → the others' (article id, anchor)), and each folded event's line (key → key)
    event_also: dict[tuple[str, str, int], tuple[tuple[str, str], ...]] = field(default_factory=dict)
    event_folded: dict[tuple[str, str, int], tuple[str, str, int]] = field(default_factory=dict)
    # the code that makes pages and the configuration they read, as a digest (set by the pipeline):
    # where the keys of the pages made only when their inputs change start (pages.common)
    inputs_digest: str = ""

    def entity(self, entity_id: str) -> EntitySummary:
        return self._entity_index[entity_id]

    @property
    def by_id(self) -> dict[str, Article]:
        """Articles by id, made once (pages look sources up by id thousands of times)."""
        index = self.__dict__.get("_articles")
        if index is None:
            index = {a.id: a for a in self.articles}
            object.__setattr__(self, "_articles", index)
        return index

    @property
    def _entity_index(self) -> dict[str, EntitySummary]:
        index = self.__dict__.get("_index")
        if index is None:
            index = {e.entity.id: e for e in self.entities}
            object.__setattr__(self, "_index", index)
        return index


def event_key(article_id: str, event: Event) -> tuple[str, str, int]:
    """An event's identity: its source, paragraph and place in it."""
    return (article_id, event.anchor, event.start)


def newest_first(article: Article) -> tuple:
    """Sort key: newest first; "2021" after "2021-05-04" (less precise); undated last; then by id."""
    date = article.meta.date.value
    parts = [int(x) for x in date.split("-")] if date else []
    parts += [0] * (3 - len(parts))
    return (date is None, tuple(-x for x in parts), article.id)
