"""aggregate.py: key points taken in turns across sources; articles ordered newest first."""

from __future__ import annotations

import textwrap

from generator.aggregate import build_briefing, select_key_points
from generator.config import load
from generator.models import Article, DateField, Evidence, Field, Metadata, Source, ThemeMatch, newest_first


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
    match = ThemeMatch(theme, score, (), evidence)
    return Article(source=source, meta=meta, blocks=(), words=0, themes=(match,), scores=(match,))


def _ev(text: str, score: float, n: int = 1) -> Evidence:
    return Evidence(text, f"p-{n}", score, ("term",))


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


def test_one_point_per_source_when_limit_equals_sources():
    points = select_key_points(_members(C, A, B), limit=3)
    assert [p.source for p in points] == ["a", "b", "c"]  # each source's best, strongest source first
    assert [p.text for p in points] == [A.themes[0].evidence[0].text, B.themes[0].evidence[0].text,
                                        C.themes[0].evidence[0].text]
    assert [(p.anchor, p.score) for p in points] == [("p-1", 9), ("p-4", 8), ("p-2", 7)]


def test_second_round_takes_each_source_second_best():
    points = select_key_points(_members(A, B, C), limit=6)
    assert [p.source for p in points] == ["a", "b", "c", "a", "b", "c"]
    assert points[3].text == A.themes[0].evidence[1].text


def test_runs_out_of_candidates_gracefully():
    points = select_key_points(_members(A, B, C), limit=50)
    assert len(points) == 7
    assert [p.source for p in points[-1:]] == ["a"]  # only a has a third sentence
    assert select_key_points([], limit=3) == ()


def test_near_duplicate_sentences_skipped():
    original = "Russian troops began joint exercises near the Tajik border with Afghanistan on Monday."
    echo = "On Monday Russian troops began joint exercises near the Tajik border with Afghanistan."
    a = _article("a", evidence=(_ev(original, 9),))
    b = _article("b", evidence=(_ev(echo, 8), _ev("Beijing has financed roads, tunnels and power lines in the east.", 2)))
    points = select_key_points(_members(a, b), limit=3)
    assert [p.text for p in points] == [original, "Beijing has financed roads, tunnels and power lines in the east."]


def test_questions_and_short_or_long_sentences_are_not_key_points():
    question = "Why did Russia send two thousand soldiers to the Tajik border this week?"
    short = "Troops arrived on Monday."
    long = "The drills " + "continued and " * 40 + "ended."
    lower = "and then the troops moved to the border near the Afghan frontier at night."
    good = "The defence ministry said about two thousand soldiers took part in the drills."
    a = _article("a", evidence=(_ev(question, 9), _ev(short, 8), _ev(long, 7), _ev(lower, 6), _ev(good, 1)))
    points = select_key_points(_members(a), limit=5)
    assert [p.text for p in points] == [good]


def test_quoted_sentence_is_quotable():
    quote = "“We will defend the southern border of the alliance,” the general said on Monday."
    points = select_key_points(_members(_article("a", evidence=(_ev(quote, 3),))), limit=2)
    assert [p.text for p in points] == [quote]


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
    assert [p.source for p in summary.key_points] == ["a", "b"]  # best evidence first, limit 2
    assert (empty.sources, empty.key_points, empty.years) == ((), (), (None, None))
