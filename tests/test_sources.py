"""sources.py: decoding, md/html extraction, sidecars and ids, on small inline fixtures."""

from __future__ import annotations

import re

import pytest

from generator.sources import decode, html_text, load_seeds, markdown_text

RUSSIAN = "Министерство обороны России и Таджикистана провело совместные учения на границе с Афганистаном."
FRENCH = "Le général a déclaré à la presse que la coopération militaire était très importante."
URL_SAFE = re.compile(r"^[a-z0-9][a-z0-9_-]*$")


# --- decode -------------------------------------------------------------------------------------

def test_decode_utf8():
    text, encoding, _ = decode("Душанбе — café, 2021".encode("utf-8"))
    assert (text, encoding) == ("Душанбе — café, 2021", "utf-8")


def test_decode_utf8_bom_is_stripped():
    text, encoding, _ = decode(b"\xef\xbb\xbf" + "Дата: 4 мая".encode("utf-8"))
    assert text == "Дата: 4 мая"
    assert not text.startswith("\ufeff")
    assert encoding == "utf-8-sig"


def test_decode_cp1251_russian_round_trip():
    text, encoding, _ = decode(RUSSIAN.encode("cp1251"))
    assert text == RUSSIAN
    assert encoding == "cp1251"


def test_decode_latin1_french_round_trip():
    text, _, _ = decode(FRENCH.encode("latin-1"))
    assert text == FRENCH
    for word in ("général", "déclaré", "coopération", "était", "très"):
        assert word in text


def test_decode_latin1_french_with_a_grave_round_trip():
    sentence = "Le général français a été reçu à Moscou où il a rencontré son homologue russe."
    text, _, _ = decode(sentence.encode("latin-1"))
    assert text == sentence


@pytest.mark.parametrize("raw", [b"one\r\ntwo\r\n\r\nthree", b"one\rtwo\r\rthree", b"one\ntwo\n\nthree"])
def test_decode_normalises_line_endings(raw):
    text, _, _ = decode(raw)
    assert text == "one\ntwo\n\nthree"
    assert "\r" not in text


def test_decode_normalises_line_endings_in_cp1251():
    text, _, _ = decode((RUSSIAN + "\r\n" + RUSSIAN).encode("cp1251"))
    assert text == RUSSIAN + "\n" + RUSSIAN


@pytest.mark.parametrize("raw", [b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", b"text\x00with\x00nuls" * 20,
                                 bytes(range(1, 9)) * 50])
def test_decode_binary_is_none(raw):
    assert decode(raw) == (None, "", 0)


# --- load_seeds ---------------------------------------------------------------------------------

def _seeds(tmp_path, files: dict[str, bytes | str]):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for name, content in files.items():
        data = content.encode("utf-8") if isinstance(content, str) else content
        (seeds / name).write_bytes(data)
    return load_seeds(seeds, tmp_path)


def _by_name(sources):
    return {s.name: s for s in sources}


def test_empty_file_reported_and_skipped(tmp_path):
    sources, problems = _seeds(tmp_path, {"empty.txt": b"  \n\n", "good.txt": "Some article text."})
    assert [s.name for s in sources] == ["good.txt"]
    assert any("seeds/empty.txt" in p and "empty" in p for p in problems)


def test_binary_file_skipped_with_message(tmp_path):
    sources, problems = _seeds(tmp_path, {"blob.txt": b"\x00\x01\x02PK\x03\x04" * 10, "good.txt": "Text."})
    assert [s.name for s in sources] == ["good.txt"]
    assert any("seeds/blob.txt" in p and "binary" in p for p in problems)


def test_unsupported_extension_reported(tmp_path):
    sources, problems = _seeds(tmp_path, {"report.odt": b"PK\x03\x04", "good.txt": "Text."})
    assert [s.name for s in sources] == ["good.txt"]
    assert "seeds/report.odt: not a seed (expected .txt, .md, .html, .pdf or .docx); skipped" in problems


def test_sidecar_overrides_fields(tmp_path):
    sidecar = "title: Given title\ndate: 2021-05\nauthors:\n  - Jane Roe\n  - John Doe\n"
    sources, problems = _seeds(tmp_path, {"a.txt": "Body text.", "a.yml": sidecar})
    assert problems == []
    assert sources[0].sidecar == {"title": "Given title", "date": ("2021-05", "month"),
                                  "authors": ("Jane Roe", "John Doe")}


def test_sidecar_full_date_from_yaml_date(tmp_path):
    sources, _ = _seeds(tmp_path, {"a.txt": "Body.", "a.yaml": "date: 2021-05-04\n"})
    assert sources[0].sidecar["date"] == ("2021-05-04", "day")


def test_sidecar_invalid_yaml_is_reported_and_seed_still_loads(tmp_path):
    sources, problems = _seeds(tmp_path, {"a.txt": "Body text.", "a.yml": "title: [unclosed\n  : :"})
    assert [s.name for s in sources] == ["a.txt"]
    assert sources[0].sidecar == {}
    assert len(problems) == 1 and "seeds/a.yml" in problems[0] and "YAML" in problems[0]


def test_sidecar_unknown_key_named(tmp_path):
    sources, problems = _seeds(tmp_path, {"a.txt": "Body.", "a.yml": "title: T\nheadline: X\n"})
    assert sources[0].sidecar == {"title": "T"}
    assert len(problems) == 1
    assert "seeds/a.yml" in problems[0] and "headline" in problems[0] and "unknown key" in problems[0]
    # a typed record: the file, the key in it and the message, from the loader to the CLI
    assert (problems[0].path, problems[0].key) == ("seeds/a.yml", "headline")
    assert problems[0].message.startswith("unknown key")


def test_sidecar_bad_date_reported_and_dropped(tmp_path):
    sources, problems = _seeds(tmp_path, {"a.txt": "Body.", "a.yml": "date: sometime in May\ntitle: T\n"})
    assert sources[0].sidecar == {"title": "T"}
    assert len(problems) == 1
    assert "seeds/a.yml" in problems[0] and "date" in problems[0] and "sometime in May" in problems[0]


def test_orphan_sidecar_reported(tmp_path):
    sources, problems = _seeds(tmp_path, {"a.txt": "Body.", "lonely.yml": "title: T\n"})
    assert len(sources) == 1
    assert any("seeds/lonely.yml" in p for p in problems)


# --- html and markdown --------------------------------------------------------------------------

HTML = """<html><head><title>Tab title</title>
<meta property="og:site_name" content="Asia  Plus">
<style>body { color: red } STYLETEXT</style><script>var s = "SCRIPTTEXT";</script></head>
<body><nav><a href="/">Home</a> NAVTEXT</nav>
<article><h1>Troops  arrive in Dushanbe</h1>
<p>First paragraph of the article, which says that a battalion of Russian troops arrived in Dushanbe on
Monday for exercises with the Tajik army near the Afghan border.</p>
<p>Second   paragraph,
wrapped, where officials said that the exercises would last a week and involve some two thousand men.</p>
<script>alert("INLINESCRIPT")</script></article>
<footer>FOOTERTEXT</footer></body></html>"""


def test_html_seed_main_text_and_metadata(tmp_path):
    sources, problems = _seeds(tmp_path, {"page.html": HTML})
    assert problems == []
    source = sources[0]
    assert source.fmt == "html"
    assert source.text == ("First paragraph of the article, which says that a battalion of Russian troops arrived in "
                           "Dushanbe on Monday for exercises with the Tajik army near the Afghan border.\n\n"
                           "Second paragraph, wrapped, where officials said that the exercises would last a week "
                           "and involve some two thousand men.")
    for junk in ("SCRIPTTEXT", "STYLETEXT", "NAVTEXT", "INLINESCRIPT", "FOOTERTEXT", "Home", "Troops"):
        assert junk not in source.text
    assert source.embedded["title"] == "Troops arrive in Dushanbe"
    assert source.embedded["publication"] == "Asia Plus"


def test_html_headline_is_the_one_the_page_shows_when_its_title_repeats_it(tmp_path):
    # og:title is a social-media variant; the <h1> is what the reader sees, and <title> confirms it
    page = HTML.replace("<title>Tab title</title>", "<title>Troops arrive in Dushanbe - Asia Plus</title>"
                        '<meta property="og:title" content="Russian troops land">')
    sources, _ = _seeds(tmp_path, {"page.html": page})
    assert sources[0].embedded["title"] == "Troops arrive in Dushanbe"
    assert sources[0].provenance["title"] == "the page's <h1>"
    lone = page.replace("<title>Troops arrive in Dushanbe - Asia Plus</title>", "<title>Tab title</title>")
    (tmp_path / "b").mkdir()
    sources, _ = _seeds(tmp_path / "b", {"page.html": lone})
    assert sources[0].embedded["title"] == "Russian troops land"  # an <h1> the title does not repeat: not trusted


def test_html_without_h1_uses_title_tag():
    _, embedded, _ = html_text("<html><head><title>Tab  title</title></head><body><p>Text.</p></body></html>")
    assert embedded["title"] == "Tab title"


def test_html_inline_tags_do_not_add_spaces():
    text, _, _ = html_text("<p>Visit <a href='x'>Dushanbe</a>, then re<i>turn</i>.</p>")
    assert text == "Visit Dushanbe, then return."


def test_md_seed_front_matter_title(tmp_path):
    md = '---\ntitle: "Front: matter title"\nfoo: bar\n---\n# Body heading\n\nSome *text* here.\n\n- item one\n'
    sources, problems = _seeds(tmp_path, {"note.md": md})
    assert problems == []
    source = sources[0]
    assert source.embedded["title"] == "Front: matter title"
    assert "foo" not in source.embedded
    assert source.text == "Some text here.\n\nitem one"
    assert "---" not in source.text and "*" not in source.text


def test_md_without_front_matter_h1_is_title():
    text, embedded, _ = markdown_text("# A heading\n\nBody paragraph.\n")
    assert embedded == {"title": "A heading"}
    assert text == "Body paragraph."


# --- ids ----------------------------------------------------------------------------------------

def test_source_ids_stable_and_unique(tmp_path):
    files = {"report.txt": "Plain text.", "report.md": "Markdown text.", "Отчёт о визите.txt": "Русский текст.",
             "My Report (final) v2.txt": "Other text.", "Доклад.txt": "Ещё текст."}
    sources, problems = _seeds(tmp_path, files)
    # every name that had to change is named, with the page it got
    assert sorted(p.path for p in problems) == [
        "seeds/My Report (final) v2.txt", "seeds/report.txt", "seeds/Доклад.txt", "seeds/Отчёт о визите.txt"]
    assert "seeds/My Report (final) v2.txt: the file name is not a clean web address; its page is " \
           "sources/my-report-final-v2/" in problems
    ids = [s.id for s in sources]
    assert len(set(ids)) == len(ids) == 5
    assert all(URL_SAFE.match(i) for i in ids), ids
    by_name = _by_name(sources)
    assert by_name["My Report (final) v2.txt"].id == "my-report-final-v2"
    # Same stem twice: the first in name order keeps the plain slug, the other gets a content hash.
    assert by_name["report.md"].id == "report"
    assert by_name["report.txt"].id == "report-" + by_name["report.txt"].sha256[:8]
    # Loading the same folder again gives the same ids.
    again, _ = load_seeds(tmp_path / "seeds", tmp_path)
    assert [s.id for s in again] == ids


def test_cyrillic_name_is_transliterated_and_a_nameless_one_hashed(tmp_path):
    sources, _ = _seeds(tmp_path, {"Доклад о границе.txt": "Текст.", "---.txt": "Other text."})
    ids = sorted(s.id for s in sources)
    assert "doklad-o-granitse" in ids
    nameless = next(s for s in sources if s.name == "---.txt")
    assert nameless.id == "source-" + nameless.sha256[:12]


def test_a_phrase_taken_for_a_byline_is_no_author():
    from generator.webpage import _authors

    assert _authors("The Russian; Syrian defense ministries") == []
    assert _authors("Ibtisam Mahdi; Ruwaida Kamal Amer") == ["Ibtisam Mahdi", "Ruwaida Kamal Amer"]
    assert _authors("Ursula von der Leyen") == ["Ursula von der Leyen"]
    assert _authors("LISA MASCARO; ERIC TUCKER Associated Press") == ["LISA MASCARO", "ERIC TUCKER"]


def test_a_page_declaring_a_codec_that_is_no_text_encoding_still_loads(tmp_path):
    page = HTML.replace("<head>", '<head><meta charset="base64">')
    sources, problems = _seeds(tmp_path, {"page.html": page})
    assert sources and sources[0].embedded["title"] == "Troops arrive in Dushanbe", problems
