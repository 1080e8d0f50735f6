"""aggregate.py and brief.py: a theme's statements (In brief, Latest developments); articles ordered newest first."""

from __future__ import annotations

import textwrap
from dataclasses import replace

from generator.aggregate import build_briefing
from generator.brief import statements
from generator.config import load
from generator.models import (
    Article,
    Block,
    BlockKind,
    DateField,
    Evidence,
    Field,
    Metadata,
    Source,
    ThemeMatch,
    newest_first,
)
from generator.themes import quotable


def _article(aid: str, date: str | None = None, evidence: tuple[Evidence, ...] = (), theme: str = "t",
             score: float = 10.0) -> Article:
    source = Source(id=aid, path=f"seeds/{aid}.txt", name=f"{aid}.txt", fmt="txt", sha256="0" * 64,
                    encoding="utf-8", text="")
    precision = {10: "day", 7: "month", 4: "year"}.get(len(date or ""))
    meta = Metadata(
        title=Field(aid), subtitle=Field(None), publication=Field(None), authors=Field(()),
        date=DateField(date, precision), source_type=Field("news"), summary=Field(None),
        translator=Field(None), url=Field(None),
    )
    # each paragraph holds its evidence sentences, and each is one of the theme's own sentences
    texts: dict[str, str] = {}
    spans, placed = [], []
    for e in evidence:
        before = texts.get(e.anchor, "")
        start = len(before) + (1 if before else 0)
        texts[e.anchor] = f"{before} {e.text}" if before else e.text
        spans.append((e.anchor, start, start + len(e.text)))
        placed.append(replace(e, start=start))
    evidence = tuple(placed)
    blocks = tuple(Block(BlockKind.PARAGRAPH, text, anchor) for anchor, text in texts.items())
    match = ThemeMatch(theme, score, (), evidence, tuple(spans))
    return Article(source=source, meta=meta, blocks=blocks, words=0, themes=(match,), scores=(match,))


def _ev(text: str, score: float, n: int = 1) -> Evidence:
    return Evidence(text, f"p-{n}", score, ("term",), quotable=quotable(text))


def _members(*articles: Article):
    return [(a, a.themes[0]) for a in articles]


# Three sources, each with several distinct quotable sentences, best first; a's are the three best overall.
A = _article("a", evidence=(
    _ev("Russian troops began joint exercises near the Tajik border with Afghanistan on Monday.", 9, 1),
    _ev("The defence ministry said about two thousand soldiers took part in the drills.", 8.5, 2),
    _ev("Armoured vehicles and helicopters practised repelling an attack by armed groups.", 8.2, 3),
))
B = _article("b", evidence=(
    _ev("China has quietly built an outpost in the Pamir mountains close to the Wakhan corridor.", 8, 4),
    _ev("Beijing has financed roads, tunnels and power lines across the eastern highlands.", 6, 5),
))
C = _article("c", evidence=(
    _ev("The Collective Security Treaty Organisation promised to reinforce its southern flank quickly.", 7, 2),
    _ev("Officials in Dushanbe welcomed the pledge but asked for modern air defence systems.", 3, 3),
))


def _brief(*articles: Article, key_points: int = 6, window: float = 3.0):
    return statements(_members(*articles), {}, key_points, window)[:3]


def test_what_many_sources_say_is_one_statement_and_ranks_first():
    said = "Russian troops began joint exercises near the Tajik border with Afghanistan on Monday."
    again = "On Monday Russian troops began joint exercises near the Tajik border with Afghanistan."
    lone = "China has quietly built an outpost in the Pamir mountains close to the Wakhan corridor."
    a = _article("a", "2021-05-01", (_ev(said, 5),))
    b = _article("b", "2021-05-01", (_ev(again, 5),))
    c = _article("c", "2021-05-01", (_ev(said.replace("Monday", "Tuesday"), 5),))
    d = _article("d", "2021-05-01", (_ev(lone, 7),))
    in_brief, _, _, _ = statements(_members(a, b, c, d), {}, 6, -1)  # window -1: Latest takes only d
    first = in_brief[0]
    assert first.source in "abc" and {s for s, _, _ in first.also} | {first.source} == {"a", "b", "c"}
    assert [p.text for p in in_brief].count(lone) == 0  # shown under Latest developments, not again


def test_no_source_gives_more_than_two_statements_in_brief():
    in_brief, _, more = _brief(A, B, C, window=-1)
    shown = [p.source for p in in_brief]
    assert max(shown.count(s) for s in set(shown)) <= 2 and len(in_brief) == 5
    assert set(shown) >= {"a", "b", "c"} and [p.source for p in more] == ["a"]  # a's third goes on below


def test_latest_takes_the_newest_sources_and_in_brief_does_not_show_them_again():
    old = _article("old", "2010-01-01", (_ev("The defence ministry said about two thousand soldiers took part.", 5),))
    new = _article("new", "2022-01-01", (_ev("Armoured vehicles and helicopters practised repelling an attack.", 5),))
    new2 = _article("new2", "2022-01-01", (_ev("Beijing has financed roads, tunnels and power lines in the east.", 1),))
    in_brief, latest, _, _ = statements(_members(old, new, new2), {}, 6, 3)
    assert [p.source for p in latest] == ["new", "new2"] or [p.source for p in latest] == ["new2", "new"]
    assert [p.source for p in in_brief] == ["old"]  # what Latest shows is not shown twice


def test_questions_short_long_and_dangling_sentences_are_not_statements():
    question = "Why did Russia send two thousand soldiers to the Tajik border this week?"
    short = "Troops arrived on Monday."
    long = "The drills " + "continued and " * 40 + "ended."
    lower = "and then the troops moved to the border near the Afghan frontier at night."
    dangling = "But the ministry said the drills would go on near the Afghan frontier all week."
    good = "The defence ministry said about two thousand soldiers took part in the drills."
    a = _article("a", "2021-01-01", (_ev(question, 9), _ev(short, 8), _ev(long, 7), _ev(lower, 6), _ev(dangling, 6),
                                     _ev(good, 1)))
    in_brief, latest, more = _brief(a)
    assert [p.text for p in in_brief + latest + more] == [good]


def test_quoted_sentence_is_a_statement():
    quote = "“We will defend the southern border of the alliance,” the general said on Monday."
    _, latest, _ = _brief(_article("a", "2021-01-01", (_ev(quote, 3),)))
    assert [p.text for p in latest] == [quote]


def test_latest_developments_newest_first_within_the_window():
    articles = [_article(f"s{y}", f"{y}-06-01", (_ev(f"Troops of the alliance held drills near the border in {y} again.", 3),
                                                 _ev(f"Officials described the {y} drills as the largest held so far.", 2)))
                for y in (2015, 2019, 2020, 2021)]
    _, latest, _ = _brief(*articles)
    assert [p.source for p in latest] == ["s2021", "s2020", "s2019"]  # 2015 is more than 3 years before 2021
    assert latest[0].date == "2021-06-01"


def test_newest_first_puts_undated_last():
    articles = [_article("u1"), _article("old", "2019-03-01"), _article("year", "2020"),
                _article("new", "2021-05-04"), _article("month", "2021-02"), _article("a0"),
                _article("same", "2021-05-04"), _article("dec", "2019-12-31")]
    ordered = [a.id for a in sorted(articles, key=newest_first)]
    assert ordered == ["new", "same", "month", "year", "dec", "old", "a0", "u1"]  # ties and undated by id


def test_newest_first_coarse_dates_sort_by_their_period():
    ordered = [a.id for a in sorted([_article("y19", "2019"), _article("d20", "2020-01-01"),
                                     _article("m18", "2018-12")], key=newest_first)]
    assert ordered == ["d20", "y19", "m18"]


def test_build_briefing_orders_and_summarises(tmp_path):
    path = tmp_path / "briefing.yml"
    path.write_text(textwrap.dedent("""
        title: T
        key_points: 2
        themes:
          - {id: t, title: T, terms: {x: 1}}
          - {id: empty, title: Empty, terms: {y: 1}}
        """), encoding="utf-8")
    config = load(path)
    a = _article("a", "2019-01-02", A.themes[0].evidence, score=3)
    b = _article("b", None, B.themes[0].evidence, score=8)
    c = _article("c", "2021-06", C.themes[0].evidence, score=5)
    briefing = build_briefing([a, b, c], config)
    assert [x.id for x in briefing.articles] == ["c", "a", "b"]
    summary, empty = briefing.themes
    assert summary.sources == (("b", 8), ("c", 5), ("a", 3))
    assert summary.years == (2019, 2021)
    assert [p.source for p in summary.latest] == ["c", "a"]  # newest first; the undated b is never "latest"
    assert len(summary.in_brief) <= 5 and not {p.text for p in summary.in_brief} & {p.text for p in summary.latest}
    assert (empty.sources, empty.in_brief, empty.latest, empty.key_points, empty.years) == ((), (), (), (), (None, None))
