"""themes.py and config.py: weighted, capped, whole-word term scoring; briefing.yml validation."""

from __future__ import annotations

import textwrap

import pytest

from generator.config import load
from generator.errors import ConfigError
from generator.models import Block
from generator.themes import MAX_COUNT, passed, score_themes

BRIEFING = """
title: Test briefing
key_points: 3
themes:
  - id: border
    title: Border security
    threshold: 6
    terms:
      Afghan: 2
      militant*: 1
      border guard: 3
  - id: china
    title: China
    threshold: 4
    terms:
      China: 2
      Chinese: 1
"""


def _config(tmp_path, text: str = BRIEFING):
    path = tmp_path / "briefing.yml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return load(path)


def _problems(tmp_path, text: str) -> list[str]:
    with pytest.raises(ConfigError) as info:
        _config(tmp_path, text)
    return info.value.problems


def _para(text: str, n: int) -> Block:
    return Block("paragraph", text, f"p-{n}")


def _scores(tmp_path, *blocks: Block) -> dict:
    return {m.theme: m for m in score_themes(tuple(blocks), _config(tmp_path))}


def test_config_loads_themes_in_order(tmp_path):
    config = _config(tmp_path)
    assert [t.id for t in config.themes] == ["border", "china"]
    assert config.theme("border").terms == (("Afghan", 2.0), ("militant*", 1.0), ("border guard", 3.0))
    assert config.theme("china").threshold == 4.0
    assert config.key_points == 3
    assert config.seeds_dir == tmp_path / "seeds"


def test_score_is_weighted_sum(tmp_path):
    m = _scores(tmp_path, _para("The Afghan border guard stopped a militant. China watched.", 1))
    assert m["border"].score == 2 + 3 + 1
    assert dict(m["border"].terms) == {"Afghan": 1, "border guard": 1, "militant*": 1}
    assert m["china"].score == 2


def test_each_term_counts_at_most_three_times(tmp_path):
    m = _scores(tmp_path, _para("Afghan " * 10 + "refugees.", 1), _para("More Afghan refugees came.", 2))
    assert MAX_COUNT == 3
    assert dict(m["border"].terms) == {"Afghan": 11}  # occurrences are still counted in full
    assert m["border"].score == 2 * 3


def test_wildcard_term_matches_word_endings(tmp_path):
    m = _scores(tmp_path, _para("Militants crossed. A militant was seen. The militant-led raid failed.", 1))
    assert dict(m["border"].terms) == {"militant*": 3}
    # "militar" does not start with "militant": the wildcard only extends the given stem
    assert _scores(tmp_path, _para("A military convoy passed.", 1))["border"].score == 0


def test_matching_is_case_insensitive(tmp_path):
    m = _scores(tmp_path, _para("AFGHAN troops and afghan refugees met a BORDER GUARD.", 1))
    assert dict(m["border"].terms) == {"Afghan": 2, "border guard": 1}
    assert m["border"].score == 2 * 2 + 3


def test_terms_match_whole_words_only(tmp_path):
    m = _scores(tmp_path, _para("Afghanistan and Afghans talked to Chinatown and Indochina officials.", 1))
    assert m["border"].score == 0 and m["border"].terms == ()
    assert m["china"].score == 0


def test_multi_word_term_allows_any_whitespace(tmp_path):
    m = _scores(tmp_path, _para("One border  guard and another border\u00a0guard.", 1))
    assert dict(m["border"].terms) == {"border guard": 2}


def test_multi_word_term_allows_hyphen(tmp_path):
    m = _scores(tmp_path, _para("A border-guard post was built.", 1))
    assert dict(m["border"].terms) == {"border guard": 1}


def test_evidence_sentences_carry_anchor_and_best_first(tmp_path):
    m = _scores(tmp_path,
                _para("Nothing relevant here. A militant was seen.", 1),
                Block("heading", "Afghan heading", "p-2"),
                _para("The Afghan border guard was alert. Weather was fine.", 3))
    evidence = m["border"].evidence
    assert [(e.text, e.anchor, e.score) for e in evidence] == [
        ("The Afghan border guard was alert.", "p-3", 5.0),
        ("Afghan heading", "p-2", 2.0),  # headings and interview questions count too
        ("A militant was seen.", "p-1", 1.0),
    ]
    assert evidence[0].terms == ("Afghan", "border guard")


def test_passed_applies_threshold(tmp_path):
    config = _config(tmp_path)
    matches = score_themes((_para("The Afghan border guard saw China and Chinese troops.", 1),), config)
    scores = {m.theme: m.score for m in matches}
    assert scores == {"border": 5.0, "china": 3.0}
    assert passed(matches, config) == ()
    matches = score_themes((_para("The Afghan border guard saw an Afghan militant near China. China!", 1),), config)
    assert {m.theme: m.score for m in matches} == {"border": 8.0, "china": 4.0}  # exactly at 4: passes
    assert [m.theme for m in passed(matches, config)] == ["border", "china"]


# --- validation ---------------------------------------------------------------------------------

def test_all_problems_reported_at_once_with_paths(tmp_path):
    problems = _problems(tmp_path, """
        title: Test
        colour: red
        themes:
          - id: border
            title: Border
            terms: [Afghan, border]
          - id: china
            title: China
            weight: 3
            terms: {China: 1}
          - id: Bad_ID
            title: Bad
            terms: {x: 1}
          - id: fine
            title: Fine
            threshold: 0
            terms: {x: -1}
        """)
    assert len(problems) >= 6
    assert all(p.startswith("briefing.yml: ") for p in problems)
    text = "\n".join(problems)
    assert "briefing.yml: colour: unknown key" in text
    assert "briefing.yml: themes.border.terms: expected a mapping" in text
    assert "briefing.yml: themes.china.weight: unknown key" in text
    assert "briefing.yml: themes.Bad_ID.id:" in text
    assert "briefing.yml: themes.fine.threshold:" in text
    assert "briefing.yml: themes.fine.terms.x:" in text


def test_duplicate_id_reported(tmp_path):
    problems = _problems(tmp_path, """
        title: Test
        themes:
          - {id: border, title: Border, terms: {Afghan: 1}}
          - {id: border, title: Again, terms: {Afghan: 1}}
          - {id: other, title: Other, terms: [x]}
        """)
    assert "briefing.yml: themes.border: duplicate theme id" in problems
    assert len(problems) == 2


def test_duplicate_id_reported_even_when_first_theme_is_invalid(tmp_path):
    problems = _problems(tmp_path, """
        title: Test
        themes:
          - {id: border, title: Border, terms: [Afghan]}
          - {id: border, title: Again, terms: {Afghan: 1}}
        """)
    assert "briefing.yml: themes.border: duplicate theme id" in problems


def test_missing_title_and_empty_themes(tmp_path):
    problems = _problems(tmp_path, "themes: []\nkey_points: 0\n")
    assert {p.split(":")[1].strip() for p in problems} == {"title", "themes", "key_points"}


def test_invalid_yaml_is_config_error(tmp_path):
    problems = _problems(tmp_path, "title: [unclosed\n")
    assert len(problems) == 1 and "not valid YAML" in problems[0]


def test_missing_file_is_config_error(tmp_path):
    with pytest.raises(ConfigError, match="not found"):
        load(tmp_path / "nope.yml")


def test_facets_are_read_in_order_and_a_bad_one_is_named(tmp_path):
    config = _config(tmp_path, """
        title: Test
        themes:
          - id: t
            title: T
            terms: {drill: 1}
            facets: {Exercises: [exercise*, drill*], Bases: [base]}
        """)
    assert config.themes[0].facets == (("Exercises", ("exercise*", "drill*")), ("Bases", ("base",)))
    problems = _problems(tmp_path, """
        title: Test
        themes:
          - {id: t, title: T, terms: {drill: 1}, facets: {Exercises: drill}}
        """)
    assert len(problems) == 1 and "themes.t.facets.Exercises" in problems[0]


def test_a_theme_sentence_binds_the_next_that_leans_on_it_and_a_quotation_it_opens(tmp_path):
    text = ("Afghan militants seized the border post on Monday. They then moved north. "
            "Prices of bread rose in Dushanbe. “We will not let Afghan militants cross. We are ready. "
            "Our men stand firm,” the general said. The weather was mild.")
    match = _scores(tmp_path, _para(text, 1))["border"]
    sentences = [text[start:end] for _, start, end in match.spans]
    assert sentences == ["Afghan militants seized the border post on Monday.", "They then moved north.",
                         "“We will not let Afghan militants cross.", "We are ready.",
                         "Our men stand firm,” the general said."]


def test_nouns_that_name_the_same_thing_are_read_and_a_bad_list_is_named(tmp_path):
    config = _config(tmp_path, BRIEFING + "figures:\n  same: [[Troops, soldiers]]\n")
    assert config.same_units == (("troops", "soldiers"),)
    problems = _problems(tmp_path, BRIEFING + "figures:\n  same: [troops, soldiers]\n")
    assert len(problems) == 1 and "figures.same" in problems[0]
