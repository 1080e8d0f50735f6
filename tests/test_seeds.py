"""The five real seeds read as a careful analyst would read them (realworld tests: in / not in)."""

from __future__ import annotations

import os

import pytest

from conftest import ROOT, SHARED_SEEDS
from generator import config as config_mod
from generator.pipeline import gather


@pytest.fixture(scope="module")
def articles():
    briefing, problems = gather(config_mod.load(ROOT / "briefing.yml"))
    assert problems == []
    return {a.id.split("_")[0]: a for a in briefing.articles}


def body(article) -> str:
    return "\n".join(b.text for b in article.blocks)


def test_seeds_are_byte_identical_to_shared():
    if not SHARED_SEEDS.is_dir():
        if os.environ.get("CI"):
            pytest.fail("../shared/seeds must be beside the checkout in CI")
        pytest.skip("../shared/seeds is not beside this checkout")
    shared = sorted(p.name for p in SHARED_SEEDS.glob("*.txt"))
    assert shared == sorted(p.name for p in (ROOT / "seeds").glob("*.txt"))
    for name in shared:
        assert (ROOT / "seeds" / name).read_bytes() == (SHARED_SEEDS / name).read_bytes(), name


def test_titles(articles):
    assert articles["001"].meta.title.value == (
        "Putin Vows Security Support to Tajikistan Amid Rising Tensions in Afghanistan")
    assert articles["001"].meta.title.basis == "stated"  # a headline line at the end of the file
    assert articles["003"].meta.title.value == "Tajikistan Provides Security With the Help of Russia and China"
    assert articles["004"].meta.title.value == "Russia will transfer $70 billion to Tajikistan"
    assert articles["004"].meta.subtitle.value.startswith("Dushanbe will receive funds")
    # No headline stated: the first sentence, said to be inferred.
    assert articles["000"].meta.title.basis == "inferred"
    assert "joint aerial defence system" in articles["000"].meta.title.value
    assert articles["002"].meta.title.basis == "inferred"
    assert len(articles["002"].meta.title.value) <= 121


def test_dates_are_stated_or_inferred_never_invented(articles):
    d = {k: a.meta.date for k, a in articles.items()}
    assert (d["000"].value, d["000"].precision, d["000"].basis) == ("2021-05-04", "day", "stated")
    assert (d["001"].value, d["001"].precision, d["001"].basis) == ("2021-05-10", "day", "stated")
    # 002: Masnad-2006 and yearless March dates; 003: "spring of 2023"; 004: latest dated item 2015.
    assert (d["002"].value, d["002"].precision, d["002"].basis) == ("2006", "year", "inferred")
    assert (d["003"].value, d["003"].precision, d["003"].basis) == ("2023", "year", "inferred")
    assert (d["004"].value, d["004"].precision, d["004"].basis) == ("2015", "year", "inferred")
    assert "1991" not in d["001"].value  # independence in 1991 is history, not the date


def test_publications_and_authors(articles):
    assert articles["000"].meta.publication.value == "Novastan"
    assert articles["000"].meta.authors.value == ("Leonard Dillies",)
    assert articles["001"].meta.publication.value is None  # not stated anywhere
    assert articles["002"].meta.publication.value == "Eurasia Daily Monitor"
    assert articles["003"].meta.publication.value == "Asials – Asia News"
    assert articles["004"].meta.authors.value == ("Elena Chernenko", "Ivan Safronov")
    assert articles["004"].meta.translator.value == "Kristina Rus"


def test_source_types(articles):
    types = {k: a.meta.source_type.value for k, a in articles.items()}
    assert types == {"000": "news", "001": "news", "002": "analysis", "003": "interview", "004": "compilation"}


def test_boilerplate_is_gone_and_text_kept(articles):
    text = {k: body(a) for k, a in articles.items()}
    assert ", , ," not in text["004"]
    assert "Submitted by" not in text["004"] and "SyrianFreePress" not in text["004"]
    assert "sole responsibility" not in text["004"]
    assert "follow us on Twitter" not in text["000"]
    assert "Read more" not in text["000"]
    assert "Hardening Positions on Afghanistan" not in text["000"]
    assert "Tajikistan should not only be worried about the Afghan threat" in text["000"]
    assert "Russia’s involvement in Central Asia’s military sector is expanding" in text["000"]
    assert "originally published" not in text["000"]
    assert "Leonard Dillies" not in text["000"]  # the signature is metadata now
    assert "May 10, 2021" not in text["001"]  # the date line is metadata
    assert "Publication:" not in text["002"]
    assert "Source :" not in text["003"]
    assert "By Elena Chernenko" not in text["004"]
    # Article text survives cleaning.
    assert "Sergei Shoigu" in text["000"] and "1,360 km border" in text["001"]
    assert "Lohur training ground" in text["002"] and "Panjshir" in text["003"]
    assert "about 1350 km" in text["004"] and "70 billion rubles" in text["004"]


def test_section_headings_kept(articles):
    headings = [b.text for b in articles["000"].blocks if b.kind == "heading"]
    assert headings == ["A security issue for Tajikistan", "Russian-Tajik military cooperation",
                        "An old-established Russian involvement"]
    questions = [b for b in articles["003"].blocks if b.kind == "question"]
    assert len(questions) >= 4 and all(q.text.endswith("?") for q in questions)


def test_themes_as_an_analyst_reads_them(articles):
    themes = {k: set(a.theme_ids) for k, a in articles.items()}
    assert all("military-cooperation" in t for t in themes.values())
    assert {k for k, t in themes.items() if "afghanistan-threat" in t} == {"000", "001", "003", "004"}
    # 004 names China once in a list of countries: not China competition.
    assert {k for k, t in themes.items() if "china-competition" in t} == {"000", "002", "003"}


def test_theme_evidence_points_to_paragraphs(articles):
    a = articles["004"]
    anchors = {b.anchor for b in a.blocks}
    match = next(m for m in a.themes if m.theme == "afghanistan-threat")
    assert match.evidence and all(e.anchor in anchors for e in match.evidence)
    assert any("ISIS" in e.text or "Islamic State" in e.text for e in match.evidence)
