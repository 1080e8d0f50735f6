"""Actors: gazetteer matching on the real seeds, discovery of names it lacks, pages built by MkDocs."""

from __future__ import annotations

import json

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, copy_project, run_cli
from generator import config as config_mod
from generator.entities import STRONG, discover, find_mentions
from generator.gazetteer import EntitySpec, Gazetteer
from generator.models import Block
from generator.pipeline import gather
from generator.text import context


@pytest.fixture(scope="module")
def seeds_briefing():
    briefing, problems = gather(config_mod.load(ROOT / "briefing.yml"))
    return briefing


def surfaces(briefing, entity_id: str) -> set[str]:
    """Every spelling under which an entity was found in the seeds."""
    out = set()
    for article in briefing.articles:
        texts = {b.anchor: b.text for b in article.blocks}
        out |= {texts[m.anchor][m.start:m.end] for m in briefing.mentions[article.id] if m.entity == entity_id}
    return out


@pytest.mark.parametrize("entity_id, spellings", [
    ("emomali-rahmon", {"Emomali Rahmon", "Rahmon", "Emomali Rahmonov"}),
    ("sergei-shoigu", {"Sergei Shoigu", "Sergueï Choïgou"}),
    ("csto", {"CSTO", "Collective Security Treaty Organization", "Collective Security Treaty Organisation"}),
    ("islamic-state", {"Islamic State", "ISIS", "DAESH", "ISIL"}),
    ("gorno-badakhshan", {"GBAO", "Mountainous Badakhshon Autonomous Region", "Badakhshan"}),
    ("mikhail-mishustin", {"Mikhail Mishustin", "Vladimir Mishustin", "Mishustin"}),
    ("201st-military-base", {"201st military base", "Russian 201st military base", "201st Russian military base",
                             "201st Russian Motorized Rifle Division"}),
    ("tass", {"TASS", "Itar-Tass"}),
    ("taliban", {"Taliban", "Islamic Emirate of Afghanistan"}),
])
def test_every_spelling_in_the_seeds_lands_on_one_entity(seeds_briefing, entity_id, spellings):
    assert surfaces(seeds_briefing, entity_id) == spellings


def test_each_seed_names_its_actors(seeds_briefing):
    named = {a.id[:3]: {m.entity for m in seeds_briefing.mentions[a.id]} for a in seeds_briefing.articles}
    assert {"sergei-shoigu", "sherali-mirzo", "valery-gerasimov", "west-2021", "khatlon-region", "tass"} <= named["000"]
    assert {"vladimir-putin", "emomali-rahmon", "shavkat-mirziyoyev", "fergana-valley", "sco", "cis"} <= named["001"]
    assert {"sherali-khayrulloyev", "shahid-tirmizey", "salohiddin-nasriddinov", "masnad-2006",
            "nato-partnership-for-peace", "state-border-protection-committee", "gorno-badakhshan"} <= named["002"]
    assert {"dina-malysheva", "imemo-ras", "panjshir", "khorog", "pentagon", "eaeu", "taliban"} <= named["003"]
    assert {"sergey-lavrov", "sirodjidin-aslov", "nikolay-bordyuzha", "kommersant", "al-qaeda", "kurgan-tyube",
            "kulob", "abdufattokh-sharipov", "ahmad-badr-al-din-hassoun"} <= named["004"]


def test_adjectives_are_not_mentions_and_nothing_in_the_seeds_is_left_to_review(seeds_briefing):
    assert "Russian" not in surfaces(seeds_briefing, "russia")
    assert [e.entity.name for e in seeds_briefing.entities if not e.entity.reviewed] == []


def test_leftmost_longest_whole_words_case_sensitive():
    gazetteer = Gazetteer((EntitySpec("rahmon", "Emomali Rahmon", "person", ("Rahmon",)),
                           EntitySpec("us", "United States", "country", ("US",)),
                           EntitySpec("is", "Islamic State", "armed group", ("ISIS", "DAESH"))))
    text = "Emomali Rahmon told us that the US and DAESH-ISIS (not Rahmonism) matter; Rahmon’s view."
    found = [(text[m.start:m.end], m.entity) for m in find_mentions((Block("paragraph", text, "p-1"),), gazetteer)]
    assert found == [("Emomali Rahmon", "rahmon"), ("US", "us"), ("DAESH", "is"), ("ISIS", "is"), ("Rahmon", "rahmon")]


NEW_ARTICLE = [
    "Yesterday, Defense Minister Ali Karimov met Kazakh officials in Almaty. According to the Ministry of "
    "Water Resources, the dam on the Vakhsh River is complete.",
    "The Organization for Security and Co-operation in Europe (OSCE) sent observers. Karimov said the talks went "
    "well. In March, Karimov visited the border. On Monday, Western diplomats arrived.",
    "The head of the Agency for Drug Control, Rustam Nazarzoda, told reporters that seizures rose. Nazarzoda "
    "added that Sughd Region saw more arrests, and that traffickers from Sughd were caught.",
    "Tajikistan Signs New Water Deal With Uzbekistan: officials welcomed it.",
]


def _discover_new(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "new.txt").write_text("Water talks in Dushanbe\n\n" + "\n\n".join(NEW_ARTICLE) + "\n", encoding="utf-8")
    project = copy_project(tmp_path / "p", seeds=seeds)
    return project


def test_discovery_finds_new_people_places_and_organisations(tmp_path):
    config = config_mod.load(ROOT / "briefing.yml")
    blocks = tuple(Block("paragraph", t, f"p-{i}") for i, t in enumerate(NEW_ARTICLE, 1))
    names = {c.name: c for c in discover(blocks, config.gazetteer) if STRONG & set(c.signals)}
    assert names["Ali Karimov"].kind == "person" and "title" in names["Ali Karimov"].signals
    assert names["Almaty"].kind == "place" and names["Sughd"].kind == "place"
    assert names["Ministry of Water Resources"].kind == "organisation"
    assert names["Vakhsh River"].kind == "place"
    osce = names["Organization for Security and Co-operation in Europe"]
    assert osce.aliases == ("OSCE",) and "acronym" in osce.signals
    assert names["Rustam Nazarzoda"].signals == ("multi",)
    # not names: sentence-initial common words, months, weekdays, titles alone, adjectives, known names,
    # and the words of a Title Case headline
    for wrong in ("Yesterday", "According", "March", "Monday", "On Monday", "Defense Minister", "Western",
                  "Kazakh", "Dushanbe", "Tajikistan", "Signs New Water Deal", "New Water Deal", "Signs", "The"):
        assert wrong not in names, wrong


def test_unreviewed_names_are_listed_by_the_cli_and_get_pages(tmp_path):
    project = _discover_new(tmp_path)
    result = run_cli("entities", "--unreviewed", cwd=project)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    for entry in ("- name: Ali Karimov\n  kind: person\n  aliases:\n  - Karimov",
                  "- name: Organization for Security and Co-operation in Europe\n  kind: organisation\n  aliases:\n  - OSCE",
                  "- name: Sughd Region\n  kind: place\n  aliases:\n  - Sughd",
                  "- name: Almaty\n  kind: place", "- name: Rustam Nazarzoda\n  kind: person"):
        assert entry in out, out
    assert "Western" not in out and "Yesterday" not in out and "Kazakh" not in out
    assert run_cli("build", "--no-site", cwd=project).returncode == 0
    data = json.loads((project / "docs" / "briefing.json").read_text())
    karimov = next(e for e in data["entities"] if e["name"] == "Ali Karimov")
    assert karimov["reviewed"] is False and karimov["url"] == "entities/ali-karimov/"
    assert "ali-karimov" in data["sources"][0]["entities"]
    review = (project / "docs" / "entities" / "review.md").read_text()
    assert "[Ali Karimov](ali-karimov.md)" in review
    page = (project / "docs" / "entities" / "ali-karimov.md").read_text()
    quotes = [line for line in page.splitlines() if line.startswith("<li>")]
    assert "Not reviewed" in page and len(quotes) == 3 and all('href="../../sources/new/#p-' in q for q in quotes)


def test_promoting_a_name_to_the_gazetteer_makes_it_reviewed(tmp_path):
    project = _discover_new(tmp_path)
    with open(project / "gazetteer.yml", "a", encoding="utf-8") as handle:
        handle.write("  - Western\n")  # (appended to ignore:)
    text = (project / "gazetteer.yml").read_text()
    text = text.replace("entities:\n", "entities:\n  - name: Ali Karimov\n    kind: person\n    aliases: [Karimov]\n", 1)
    (project / "gazetteer.yml").write_text(text)
    assert run_cli("build", "--no-site", cwd=project).returncode == 0
    data = json.loads((project / "docs" / "briefing.json").read_text())
    karimov = next(e for e in data["entities"] if e["id"] == "ali-karimov")
    assert karimov["reviewed"] is True and karimov["mentions"] == 3


def test_context_keeps_the_spacing_around_the_name():
    text = "First sentence here. Then Rahmon, President of Tajikistan, spoke at length about it. Last one."
    start = text.index("Rahmon")
    assert context(text, start, start + 6) == ("Then ", "Rahmon", ", President of Tajikistan, spoke at length about it.")


def test_gazetteer_errors_name_the_file_and_the_entry(tmp_path):
    project = copy_project(tmp_path / "p")
    (project / "gazetteer.yml").write_text(
        "entities:\n  - name: A\n    kind: person\n    aliases: [Same]\n  - name: B\n    kind: person\n"
        "    aliases: [Same]\n  - name: C\n    colour: red\n")
    result = run_cli("check", cwd=project)
    assert result.returncode == 1
    assert "gazetteer.yml: entities.b.aliases: 'Same' already names a" in result.stderr
    assert "gazetteer.yml: entities.C.colour: unknown key" in result.stderr
    assert "gazetteer.yml: entities.C.kind: expected a non-empty string" in result.stderr


def test_entity_pages_link_to_paragraphs_that_exist_and_glossary_tooltips(built):
    site = built / "site"
    page = BeautifulSoup((site / "entities" / "emomali-rahmon" / "index.html").read_text(), "html.parser")
    links = [a["href"] for a in page.select("article a[href*='sources/']") if "#p-" in a["href"]]
    assert len(links) >= 8
    for href in links:
        path, anchor = href.split("#")
        target = BeautifulSoup(((site / "entities" / "emomali-rahmon" / path).resolve() / "index.html")
                               .read_text(), "html.parser")
        assert target.find(id=anchor) is not None, href
    # the actors index, a theme's main actors and a source's actors all link to pages that exist
    for html_path in ("entities/index.html", "themes/afghanistan-threat/index.html",
                      "sources/004_00b821af94ef5a2d/index.html"):
        soup = BeautifulSoup((site / html_path).read_text(), "html.parser")
        hrefs = {a["href"] for a in soup.select("article a[href*='entities/'], article a[href$='/']")
                 if "entities" in a["href"] or html_path.startswith("entities")}
        assert hrefs, html_path
        for href in hrefs:
            assert ((site / html_path).parent / href.split("#")[0] / "index.html").resolve().is_file(), href
    # glossary: a tooltip on generated and hand-written pages alike
    source = BeautifulSoup((site / "sources" / "001_62a224e834171a18" / "index.html").read_text(), "html.parser")
    assert source.find("abbr", string="CSTO")["title"].startswith("Collective Security Treaty Organization")
    glossary = (site / "glossary" / "index.html").read_text()
    assert "Partnership for Peace" in glossary and "MLRS" in glossary


@pytest.mark.slow
def test_glossary_tooltips_reach_hand_written_pages(tmp_path):
    project = copy_project(tmp_path / "p")
    (project / "docs" / "note.md").write_text("# Analyst's note\n\nThe CSTO and the SCO met; so did PfP members.\n")
    result = run_cli("build", cwd=project)
    assert result.returncode == 0, result.stderr
    page = BeautifulSoup((project / "site" / "note" / "index.html").read_text(), "html.parser")
    assert {a.get_text(): a["title"][:20] for a in page.select("article abbr")} == {
        "CSTO": "Collective Security ", "SCO": "Shanghai Cooperation", "PfP": "Partnership for Peac"}
    assert (project / "docs" / "note.md").read_text().endswith("so did PfP members.\n")  # the file is untouched


def test_found_names_never_take_an_index_page_and_every_sentence_is_quoted(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "odd.txt").write_text("Odd names\n\nThe border was closed, and later Review said so. Then Index said "
                                   "more.\n\nRahmon arrived. Rahmon left. Rahmon met Rahmon in Dushanbe.\n",
                                   encoding="utf-8")
    project = copy_project(tmp_path / "p", seeds=seeds)
    assert run_cli("build", "--no-site", cwd=project).returncode == 0
    data = json.loads((project / "docs" / "briefing.json").read_text())
    ids = {e["name"]: e["id"] for e in data["entities"]}
    assert ids["Review"] == "review-2" and ids["Index"] == "index-2"
    assert "Names to review" in (project / "docs" / "entities" / "review.md").read_text()
    page = (project / "docs" / "entities" / "emomali-rahmon.md").read_text()
    quotes = [line for line in page.splitlines() if line.startswith("<li>")]
    assert len(quotes) == 3  # "arrived", "left", "met … in Dushanbe": one line per sentence


def test_a_gazetteer_that_is_not_a_list_and_a_damaged_cache_entry_get_messages_not_tracebacks(tmp_path):
    project = copy_project(tmp_path / "p")
    (project / "gazetteer.yml").write_text("entities: 5\n")
    result = run_cli("check", cwd=project)
    assert result.returncode == 1 and "gazetteer.yml: entities: expected a list" in result.stderr
    assert "Traceback" not in result.stderr
    (project / "gazetteer.yml").write_text((ROOT / "gazetteer.yml").read_text())
    assert run_cli("build", "--no-site", cwd=project).returncode == 0
    for entry in (project / ".cache" / "briefing").glob("*/*.json"):
        entry.write_text('{"meta": []}')
    (project / ".cache" / "briefing" / "last-build.json").unlink()  # else nothing to do: docs/ is up to date
    result = run_cli("build", "--no-site", cwd=project)
    assert result.returncode == 0 and "5 processed, 0 from cache" in result.stderr, result.stderr


def test_gazetteer_descriptions_are_written_for_readers():
    """Descriptions show on actor pages: a maintainer's note ("seed 004", "interviewed in seed 003")
    is for a YAML comment, never for a description."""
    import re

    gazetteer = config_mod.load(ROOT / "briefing.yml").gazetteer
    notes = [spec.name for spec in gazetteer.entities
             if re.search(r"\b(seed|source) ?\d{3}\b|\bseeds?/", spec.description or "", re.I)]
    assert notes == []


def _proposed(paragraphs: list[str]) -> set[str]:
    """The names a new briefing (empty gazetteer) would propose for review from these paragraphs."""
    from types import SimpleNamespace

    from generator.entities import resolve
    articles = []
    for n, text in enumerate(paragraphs):
        blocks = (Block("paragraph", text, "p-1"),)
        articles.append(SimpleNamespace(id=f"a{n}", candidates=discover(blocks, Gazetteer())))
    found, mentions = resolve(articles, set())
    return {paragraphs[int(aid[1:])][m.start:m.end] for aid, ms in mentions.items() for m in ms}


def test_demonyms_and_region_adjectives_are_not_proposed_but_acronyms_and_initials_are():
    # Real sentences of tests/corpus/ (a new briefing, so nothing is known).
    proposed = _proposed([
        "Chinese chip companies will now go to Chinese chip companies, offering a view of the market.",
        "It was hailed as a sign of the good neighborliness that the Chinese have shown towards our people.",
        "After the talks here in the Tajik capital, the Chinese diplomat said that the Chinese people agreed.",
        "The five Central Asian states that emerged after the collapse cooperated with the United States.",
        "Kyrgyz President Sadyr Japarov met Kyrgyz border guards, and US officials met CSTO member states.",
        "The U.S. would not comment, the U.S. said, the US said, and the CSTO said the US and the CSTO would meet.",
        "It was the ABM Treaty, from which George W. Bush withdrew.",
    ])
    assert {"U.S.", "United States", "Sadyr Japarov", "US", "CSTO", "George W. Bush"} <= proposed, proposed
    assert not {"Chinese", "Tajik", "Kyrgyz", "Central Asian", "U.S", "George W", "Bush"} & proposed, proposed


def test_a_title_of_a_country_does_not_glue_the_country_to_its_holder():
    proposed = _proposed([
        "On November 23, President of Kyrgyzstan Sadyr Zhaparov will take part in the regular session.",
        "It was chaired by the President of the Republic of Belarus Alexander Lukashenko on Monday.",
        "The Palestinian Ambassador to Kuwait Rami Tahboub said that the conflict would go on.",
        "He spoke after talks with Tajik Foreign Minister Sirojiddin Muhriddin in Dushanbe.",
        "The Japanese government decided to send no cabinet ministers to the Beijing Winter Olympics at all.",
    ])
    assert {"Sadyr Zhaparov", "Kyrgyzstan", "Republic of Belarus", "Alexander Lukashenko", "Rami Tahboub",
            "Beijing Winter Olympics", "Sirojiddin Muhriddin"} <= proposed, proposed
    assert not {"Kyrgyzstan Sadyr Zhaparov", "Kuwait Rami Tahboub", "Winter Olympics",
                "Tajik Foreign Minister Sirojiddin Muhriddin"} & proposed, proposed


def test_a_word_in_capitals_in_prose_is_proposed_once_but_not_in_a_ticker_line():
    proposed = _proposed([
        "GENEVA (AP) - The World Meteorological Organization said glaciers were melting.",
        "Their relations had not changed since the mission of ISAF came to an end in the south.",
        "AGL 40.00 No Change 0.00 (0%)",
        "AND SO it went on, said the mayor.",
    ])
    assert {"GENEVA", "ISAF"} <= proposed, proposed
    assert not {"AGL", "AND", "SO"} & proposed, proposed


def test_a_name_before_a_lowercase_area_word_is_a_place():
    proposed = _proposed(["Tajik guards left the Batken region after the Leilek district talks, and Tajik border posts."])
    assert {"Batken", "Leilek"} <= proposed, proposed
    assert "Tajik" not in proposed


def test_a_bodys_remit_goes_on_past_on_and_and_but_coordinated_names_split():
    proposed = _proposed([
        "The bid was cleared by the German Federal Ministry for Economics and Climate Protection on Monday.",
        "It was the 14th meeting of the Joint Intergovernmental Commission on Bilateral Cooperation in Tashkent.",
        "Officials from Kazakhstan and Mongolia met, and Uzbekistan and Mongolia agreed.",
    ])
    assert {"German Federal Ministry for Economics and Climate Protection",
            "Joint Intergovernmental Commission on Bilateral Cooperation"} <= proposed, proposed
    assert not {"Kazakhstan and Mongolia", "Uzbekistan and Mongolia", "Climate Protection"} & proposed, proposed


def test_a_numbered_name_keeps_its_number_but_not_a_year_a_count_or_a_clause():
    proposed = _proposed([
        "It invoked Article 4 of the treaty, and drove on Highway 89 and Highway 15 to the border.",
        "The games of Tokyo 2020 were held, and Tajikistan 20 years later.",
        "Under Article 243(1) of the Constitution it was done.",
    ])
    assert {"Article 4", "Highway 89"} <= proposed, proposed
    assert not {"Tokyo 2020", "Tajikistan 20", "Article 243", "Article"} & proposed, proposed
