"""Dated events: the seeds' date expressions and harder ones, resolved against the source's own date."""

from __future__ import annotations

import pytest

from generator.dates import extract_events
from generator.models import Block, DateField

MAY_4_2021 = DateField("2021-05-04", "day", "stated")
YEAR_2015 = DateField("2015", "year", "inferred")


def events(text: str, published=MAY_4_2021, *more: str):
    blocks = tuple(Block("heading" if t.startswith("#") else "paragraph", t.lstrip("# "), f"p-{i}")
                   for i, t in enumerate((text, *more), 1))
    return [(e.date, e.precision, e.end) for e in extract_events(blocks, published)]


@pytest.mark.parametrize("text, published, expected", [
    # from the seeds
    ("On April 27 of this year, the minister announced a system.", MAY_4_2021, [("2021-04-27", "day", None)]),
    ("On September 12, 2020, a decree was agreed.", MAY_4_2021, [("2020-09-12", "day", None)]),
    ("In the spring of 2023, contacts intensified.", YEAR_2015, [("2023-spring", "season", None)]),
    ("Last month, the two countries held exercises.", DateField("2021-05-10", "day"), [("2021-04", "month", None)]),
    ("On Saturday, Putin met Rahmon.", DateField("2021-05-10", "day"), [("2021-05-08", "day", None)]),
    ("A delegation visited on March 28-29.", DateField("2006", "year"), [("2006-03-28", "day", "2006-03-29")]),
    ("Indeed, from April 19 to 23, troops exercised.", MAY_4_2021, [("2021-04-19", "day", "2021-04-23")]),
    ("The latest, dating from the 28th of April, claimed lives.", MAY_4_2021, [("2021-04-28", "day", None)]),
    # harder ones
    ("The talks ended on 4 May 2019 in Dushanbe.", MAY_4_2021, [("2019-05-04", "day", None)]),
    ("It was signed on 3/4/2019, then on 25/12/2019 and 12/25/2019.", MAY_4_2021,
     [("2019-04-03", "day", None), ("2019-12-25", "day", None), ("2019-12-25", "day", None)]),
    ("They met in October, said officials.", MAY_4_2021, [("2020-10", "month", None)]),  # later month: the year before
    ("Troops will leave by September.", MAY_4_2021, [("2021-09", "month", None)]),  # a deadline: the coming one
    ("Independence came in 1991.", MAY_4_2021, [("1991", "year", None)]),
    ("Yesterday the minister resigned.", YEAR_2015, [(None, "day", None)]),  # the source is dated to the year only
    ("On Friday he called.", YEAR_2015, [(None, "day", None)]),
    ("On February 30 nothing happened.", MAY_4_2021, [(None, "day", None)]),
    ("He said: “In 1999 we had nothing.”", MAY_4_2021, [("1999", "year", None)]),  # a quotation about the past
    ("West-2021 and Masnad-2006 are exercises; 201st is a base; 1,360 km.", MAY_4_2021, []),
    ("This was reported (Interfax, Moscow, March 29) and (see “Kommersant” on September 23, 2013).",
     MAY_4_2021, []),
    ("This article was originally published on 4 May 2021.", MAY_4_2021, []),
    # what dateparser's search_dates (1.2) gets wrong on the same text, and why dates.py has its own patterns:
    # "May"/"march" as words became dates, "March 28-29" became 1929-03-28, "by September" a past date,
    # "spring of 2023" 4 May 2023, "3/4/2019" silently month-first, "Last month" nothing.
    ("Troops may leave, and we march on.", MAY_4_2021, []),
    # found in review: seasons and month parts as ordinary words
    ("Prices may fall sharply; the regime will fall; the Arab Spring; early may be late march.", MAY_4_2021, []),
    ("It was built in the summer of 2019 and repaired this winter.", MAY_4_2021,
     [("2019-summer", "season", None), ("2021-winter", "season", None)]),
    ("Yesterday it happened.", DateField("0001-01-01", "day", "sidecar"), [(None, "day", None)]),  # no crash
])
def test_date_expressions(text, published, expected):
    assert events(text, published) == expected


def test_a_section_dateline_is_the_reference_for_what_follows():
    found = events("On April 2, the ministers met.", YEAR_2015, "# Related:", "Radio of Armenia, 23 March 2015",
                   "The exercise began on Monday, in March, on March 20.")
    # ("in March" is dropped: the same sentence dates it to the day; 23 March 2015 was a Monday, so
    # "on Monday" under that dateline is that day)
    assert found == [("2015-04-02", "day", None), ("2015-03-23", "day", None), ("2015-03-20", "day", None)]
    found = events("Intro.", YEAR_2015, "# Related:", "(SFP 16/7/2014) ~ The airline moved fighters on July 2.",
                   "In relevant remarks in October, a spokesman spoke.")
    assert found == [("2014-07-02", "day", None), ("2013-10", "month", None)]  # October before July 2014


def test_a_coarser_date_in_the_same_sentence_is_not_a_second_event():
    assert events("On April 27 of this year, it was announced.") == [("2021-04-27", "day", None)]


def test_without_any_publication_date_nothing_is_invented():
    assert events("On April 27 it rained, and in 2019 too.", DateField(None, None)) == [
        (None, "day", None), ("2019", "year", None)]


def test_a_date_line_whose_month_is_not_read_is_no_date_not_this_month():
    """dateparser read the Turkish "mart" as a time zone and took today's month: 20 December."""
    from generator.dates import parse_date

    assert parse_date("20 mart 2019", "stated", "").value is None
    assert parse_date("Friday, June 4, 2021 - 10:31", "stated", "").value == "2021-06-04"
    assert parse_date("12.03.2021 14:02", "stated", "").value == "2021-03-12"


def _kinds(*paragraphs: str, published: DateField = MAY_4_2021) -> list[tuple]:
    blocks = tuple(Block("paragraph", p, f"p-{n}") for n, p in enumerate(paragraphs, 1))
    return [(e.date, e.kind) for e in extract_events(blocks, published)]


@pytest.mark.parametrize("text, expected", [
    # what happened then
    ("On April 27, Shoigu announced a joint air defence system.", [("2021-04-27", "event")]),
    ("China will build a base, an official said on Thursday.", [("2021-04-29", "event")]),  # when it was said
    ("The season was originally scheduled to start on March 28.", [("2021-03-28", "event")]),  # a past plan
    # durations: when a state began or ended
    ("Tajikistan has sent cadets to Russian academies since 1994.", [("1994", "since")]),
    ("American forces have been there since they invaded the country in 2001.", [("2001", "since")]),
    ("Until 2005 this boundary was protected by Russian border guards.", [("2005", "until")]),
    # plans and forecasts: said to be coming, or dated after the report
    ("The withdrawal of all troops is due by September.", [("2021-09", "plan")]),
    ("Exercises are scheduled for September 2021.", [("2021-09", "plan")]),
    ("By 2030 the base will house 9,000 troops.", [("2030", "plan")]),
    ("The new season will begin on April 3.", [("2022-04-03", "plan")]),  # the coming April 3, not the past one
    ("The minister will visit Berlin on Friday.", [("2021-05-07", "plan")]),
    ("The meeting will last till December 20.", [("2021-12-20", "plan")]),
    # a date named in a comparison is not the sentence's event
    ("Unlike the agreement announced on the 27th of April, this one is part of the CIS system.",
     [("2021-04-27", "mentioned")]),
])
def test_what_a_date_is_to_its_sentence(text, expected):
    assert _kinds(text) == expected


def test_a_weekday_is_the_report_s_own_day_when_it_is_that_day():
    # 4 May 2021 was a Tuesday: "on Tuesday" in a report of that day is that day (wire style), "last
    # Tuesday" the week before, "on Monday" the day before
    assert events("The two presidents spoke by phone on Tuesday.") == [("2021-05-04", "day", None)]
    assert events("They had met last Tuesday in Moscow.") == [("2021-04-27", "day", None)]
    assert events("Troops crossed the border on Monday.") == [("2021-05-03", "day", None)]
