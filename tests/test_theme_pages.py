"""A theme page shows what is about its theme, and what several sources say as one statement (issue 16).

Run through the real pipeline (loader, per-source stages, aggregate) on real articles: the flagship
seeds, with a hand-marked list of what a theme's timeline and figures must and must not show
(tests/data/offtheme.yml), and tests/themecorpus, 32 real reports in five clusters, each of one story.
"""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest
import yaml

from conftest import copy_project
from generator import config as configuration
from generator.aggregate import build_briefing
from generator.pipeline import process_all
from generator.sources import load_seeds

ROOT = Path(__file__).resolve().parent.parent
MARKED = yaml.safe_load((ROOT / "tests" / "data" / "offtheme.yml").read_text(encoding="utf-8"))
MARKED_REPORTS = yaml.safe_load((ROOT / "tests" / "data" / "offtheme-reports.yml").read_text(encoding="utf-8"))
# What the sentence rule still gets wrong, as measured (benchmarks/RESULTS.md); a regression breaks these.
# On the seeds, of the 26 marked off-theme (all 26 shown before issue 16): none since the themes say
# which countries they are about (`about`: Russia's agreement with Kazakhstan, 40 billion rubles for
# Bishkek and China's secret base were shown on the military page before); none of the 12 marked
# on-theme is missing.
OFF_THEME_STILL_SHOWN, ABOUT_LOST = 0, 0
# On the 32 reports: none off-theme (one mark was corrected, see the file); missing, three sentences
# that carry none of their theme's terms ("The total cost will be $ 10 million.") or another theme's more.
REPORTS_OFF_THEME, REPORTS_ABOUT_LOST = 0, 3


def _briefing(seeds: Path):
    config = dataclasses.replace(configuration.load(ROOT / "briefing.yml"), seeds_dir=seeds)
    sources, problems = load_seeds(seeds, ROOT)
    assert not problems
    return build_briefing(process_all(sources, config), config)


@pytest.fixture(scope="module")
def flagship():
    return _briefing(ROOT / "seeds")


@pytest.fixture(scope="module")
def reports(tmp_path_factory):
    seeds = tmp_path_factory.mktemp("themecorpus")
    for path in (ROOT / "tests" / "themecorpus").iterdir():
        if path.suffix in (".txt", ".yml"):  # not its README
            shutil.copy(path, seeds / path.name)
    return _briefing(seeds)


def _shown(summary) -> list[str]:
    """What a theme page's timeline and key figures show: each event's sentence, each figure as
    "words|sentence"."""
    return [e.text for _, e in summary.events] + [f"{f.text}|{f.sentence}" for _, f in summary.figures]


def _marked(briefing, marked) -> tuple[list, list]:
    """The marked off-theme sentences a theme page shows, and the marked on-theme ones it does not."""
    still, lost = [], []
    for summary in briefing.themes:
        marks = marked[summary.theme.id]
        shown = _shown(summary)
        lost += [(summary.theme.id, start) for start in marks["about"] if not any(s.startswith(start) for s in shown)]
        still += [(summary.theme.id, start) for start in marks["not_about"] or [] if any(s.startswith(start) for s in shown)]
    return still, lost


def test_timeline_and_figures_show_the_themes_own_sentences(flagship):
    still, lost = _marked(flagship, MARKED)
    assert sum(len(m["not_about"]) for m in MARKED.values()) == 26
    assert len(still) <= OFF_THEME_STILL_SHOWN, still
    assert len(lost) <= ABOUT_LOST, lost


def test_timeline_and_figures_show_the_themes_own_sentences_on_real_reports(reports):
    still, lost = _marked(reports, MARKED_REPORTS)
    assert len(still) <= REPORTS_OFF_THEME, still
    assert len(lost) <= REPORTS_ABOUT_LOST, lost


def test_every_theme_page_opens_with_in_brief_and_latest_and_groups_by_facet(flagship):
    for summary in flagship.themes:
        assert 3 <= len(summary.in_brief) <= 5 and summary.latest, summary.theme.id
        dates = [p.date for p in summary.latest]
        assert dates == sorted(dates, reverse=True), summary.theme.id  # newest first
        assert [f.title for f in summary.facets] == [t for t, _ in summary.theme.facets]
        assert any(f.points or f.newest for f in summary.facets), summary.theme.id
        shown = [p.text for p in summary.in_brief + summary.latest + summary.key_points] + [
            p.text for f in summary.facets for p in f.points + ((f.newest,) if f.newest else ())]
        assert len(shown) == len(set(shown)), summary.theme.id  # a sentence is shown once on its page
    military = flagship.themes[0]
    assert military.latest[0].date >= max(a.meta.date.value or "" for a in flagship.articles
                                           if a.id in dict(military.sources))[:4]
    # the 2006 exercise no longer leads the theme: In brief's first statement is from the last three years
    assert military.in_brief[0].date[:4] >= "2020"


def _cluster(article_id: str) -> str:
    return article_id.split("-", 1)[0]


def test_what_several_reports_say_is_one_statement_citing_them_all(reports):
    folded = []
    for summary in reports.themes:
        for point in summary.in_brief + summary.latest + summary.key_points:
            cited = [point.source] + [s for s, _, _ in point.also]
            assert len(cited) == len(set(cited))  # a source is cited once per statement
            if len(cited) > 1:
                folded.append(cited)
    assert folded, "no statement is corroborated"
    # precision: sources folded into one statement report the same story
    wrong = [c for c in folded if len({_cluster(s) for s in c}) > 1]
    assert not wrong, wrong
    # the Chinese-funded base, reported by seven outlets: one statement cites at least four of them
    china = next(s for s in reports.themes if s.theme.id == "china-competition")
    assert max(1 + len(p.also) for p in china.in_brief + china.latest if _cluster(p.source) == "china") >= 4


def test_a_theme_timeline_shows_one_line_per_event_and_no_plan_or_duration_as_an_event(flagship):
    from generator.models import event_key

    military = flagship.themes[0]
    keys = {event_key(a, e) for a, e in military.events}
    lines = [(a, e) for a, e in military.events if flagship.event_folded.get(event_key(a, e)) not in keys]
    on_27_april = [e.text for _, e in lines if e.date == "2021-04-27"]
    # told in two sentences of one source ("On April 27 ... announced", "Shoigu ... announced on April 27"),
    # and named in a third ("Unlike the agreement announced on the 27th of April, ...") that is not its event
    assert len(on_27_april) == 1, on_27_april
    assert all(e.kind == "event" for _, e in military.events)
    shown = [e.text for s in flagship.themes for _, e in s.events]
    assert not any(t.startswith("Khayrulloyev pointed to Tajikistan sending") for t in shown)  # "since 1994"
    assert not any(t.startswith("The name of the operation") for t in shown)  # "scheduled for September 2021"


def test_reports_of_one_event_on_one_day_are_one_timeline_line_citing_each(reports):
    from generator.models import event_key

    also = reports.event_also
    cited = {key: [key[0]] + [a for a, _ in others] for key, others in also.items()}
    across = [c for c in cited.values() if len({_cluster(a) for a in c}) == 1 and len(set(c)) > 1]
    assert across, "no event is told by two sources"
    assert all(len({_cluster(a) for a in c}) == 1 for c in cited.values()), cited  # only one story's reports
    for key, lead in reports.event_folded.items():  # a folded event's line is on its date
        events = {event_key(a, e): e for a, e in reports.events}
        assert (events[key].date, events[key].kind) == (events[lead].date, events[lead].kind)


def test_a_themes_about_and_a_places_country_are_checked_against_the_gazetteer(tmp_path):
    """`about` names countries of the gazetteer, and a place's `country` is one: anything else is a
    one-line problem naming the key, never a traceback."""
    from generator.errors import ConfigError

    project = copy_project(tmp_path / "p")
    config = project / "briefing.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("about: [tajikistan, china]", "about: [tajikistan, chinaa]"),
                      encoding="utf-8")
    gazetteer = project / "gazetteer.yml"
    gazetteer.write_text(gazetteer.read_text(encoding="utf-8").replace("country: kyrgyzstan", "country: bishkek"),
                         encoding="utf-8")
    with pytest.raises(ConfigError) as raised:
        configuration.load(config)
    text = str(raised.value)
    assert "themes.china-competition.about: 'chinaa' is not a country of the gazetteer" in text, text
    assert "entities.bishkek.country: 'bishkek' is not a country of the gazetteer" in text, text

