"""markdown_text.py: escaped text renders as exactly itself; front matter round-trips through YAML."""

from __future__ import annotations

import string

import markdown
import pytest
import yaml
from bs4 import BeautifulSoup

from generator.markdown_text import cell, front_matter, href, html_text, human_date, md

HOSTILE = [
    "<script>alert(1)</script>",
    "[x](javascript:alert(1))",
    "![i](http://e/x.png)",
    "**bold** and __strong__ and *em* and _em_",
    "<!-- c -->",
    "{: onclick=x }",
    "# heading",
    "1. item",
    "- item",
    "+ item",
    "> quote",
    "`code` and ```fence```",
    "&amp; &lt;script&gt; &#60;b&#62;",
    "<http://example.com> and <a href='x'>link</a>",
    "[ref]: http://example.com",
    "***",
    "a \\ b \\* c",
    "foo_bar_baz and 2*3*4",
    "<img src=x onerror=alert(1)>",
    string.punctuation,
]


def render(text: str) -> str:
    return markdown.markdown(
        text,
        extensions=["attr_list", "pymdownx.escapeall", "tables"],
        extension_configs={"pymdownx.escapeall": {"hardbreak": False, "nbsp": False}},
    )


def visible(html: str) -> str:
    return BeautifulSoup(html, "html.parser").get_text()


def test_md_escapes_every_ascii_punctuation_character():
    out = md(string.punctuation)
    assert out == "".join("\\" + c for c in string.punctuation)


def test_md_leaves_letters_digits_and_non_ascii_alone():
    assert md("Душанбе 2021 café – “quoted”") == "Душанбе 2021 café – “quoted”"


def test_md_puts_text_on_one_line():
    assert md("  one\ntwo\r\n\tthree   four  ") == "one two three four"


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_renders_as_itself(text):
    html = render(md(text))
    soup = BeautifulSoup(html, "html.parser")
    assert [t.name for t in soup.find_all(True)] == ["p"], html
    for tag in ("<script", "<a", "<img", "<strong", "<em", "<h1", "<code", "<ol", "<ul", "<li", "<blockquote",
                "<hr", "<!--"):
        assert tag not in html, html
    assert "onclick" not in str(soup.p.attrs)
    assert visible(html) == text


def test_hostile_text_inside_a_larger_document():
    body = "\n\n".join(md(t) for t in HOSTILE)
    html = render(body)
    soup = BeautifulSoup(html, "html.parser")
    assert {t.name for t in soup.find_all(True)} == {"p"}
    assert [p.get_text() for p in soup.find_all("p")] == HOSTILE


def test_cell_keeps_table_shape():
    table = f"| A | B |\n|---|---|\n| {cell('x | y | <b>z</b>')} | {cell('')} |\n"
    soup = BeautifulSoup(render(table), "html.parser")
    cells = [td.get_text() for td in soup.find_all("td")]
    assert cells == ["x | y | <b>z</b>", "—"]
    assert soup.find("b") is None


TRICKY = {
    "title": 'Key: value # not a comment [a, b] *star* & anchor | pipe > fold "quoted" \'single\' %@`',
    "subtitle": "- starts like a list item",
    "summary": "null",
    "flag": "yes",
    "date": "2021-05-04",
    "number": "0123",
    "authors": ["Jane Roe", "Иван Петров", "? odd"],
    "empty": "",
    "multi": "line one\nline two",
    "tags": ["military-cooperation", "china"],
    "none": None,
    "score": 12.5,
}


def test_front_matter_round_trips():
    block = front_matter(TRICKY)
    assert block.startswith("---\n") and block.endswith("---\n\n")
    inner = block[len("---\n"):-len("---\n\n")]
    assert yaml.safe_load(inner) == TRICKY


def test_front_matter_parsed_like_mkdocs_does():
    """MkDocs splits front matter at the first line that is exactly '---' and parses it with PyYAML."""
    from mkdocs.utils.meta import get_data

    doc = front_matter(TRICKY) + "Body text\n"
    body, meta = get_data(doc)
    assert meta == TRICKY
    assert body.strip() == "Body text"


def test_front_matter_value_of_dashes_does_not_end_the_block():
    meta = {"title": "---", "summary": "a\n---\nb"}
    block = front_matter(meta)
    assert block.count("\n---\n") == 1  # only the closing fence is on a line of its own
    assert yaml.safe_load(block[len("---\n"):-len("---\n\n")]) == meta


@pytest.mark.parametrize("iso, expected", [
    ("2021-05-04", "4 May 2021"),
    ("2021-12-31", "31 December 2021"),
    ("2006-01-01", "1 January 2006"),
    ("2021-05", "May 2021"),
    ("2021-11", "November 2021"),
    ("2021", "2021"),
    (None, "undated"),
    ("", "undated"),
])
def test_human_date(iso, expected):
    assert human_date(iso) == expected


@pytest.mark.parametrize("text", HOSTILE)
def test_html_text_is_inert_in_a_raw_html_block(text):
    """A source's paragraphs are raw HTML blocks: Markdown leaves them alone, so escaping is all."""
    out = render(f'<p id="p-1">{html_text(text)}</p>\n\n<p id="p-2">after</p>')
    soup = BeautifulSoup(out, "html.parser")
    assert [t.name for t in soup.find_all(True)] == ["p", "p"], out
    assert soup.p.get_text() == " ".join(text.split()) and soup.p.attrs == {"id": "p-1"}


def test_html_text_marks_glossary_terms_as_markdown_abbr_would():
    glossary = (("CSTO", 'Collective "Security" <Treaty> Organization'), ("S&P", "a & b"), ("a]b", "unusable"))
    out = html_text("CSTO, the CSTOs, xCSTO and CSTO-led S&P a]b <CSTO>", glossary)
    soup = BeautifulSoup(out, "html.parser")
    abbrs = soup.find_all("abbr")
    assert [a.get_text() for a in abbrs] == ["CSTO", "CSTO", "S&P", "CSTO"]
    assert abbrs[0]["title"] == 'Collective "Security" <Treaty> Organization' and abbrs[2]["title"] == "a & b"
    assert soup.get_text() == "CSTO, the CSTOs, xCSTO and CSTO-led S&P a]b <CSTO>"
    # a term that is also the name of an HTML entity is never found inside the escaped text
    out = html_text('"quot" & <lt>', (("quot", "q"), ("lt", "l"), ("amp", "a")))
    soup = BeautifulSoup(out, "html.parser")
    assert soup.get_text() == '"quot" & <lt>' and [a.get_text() for a in soup.find_all("abbr")] == ["quot", "lt"]


@pytest.mark.parametrize("page, target, expected", [
    ("sources/x.md", "entities/y.md", "../../entities/y/"),
    ("sources/x.md", "index.md", "../../"),
    ("index.md", "sources/x.md", "sources/x/"),
    ("sources/index.md", "sources/x.md", "x/"),
    ("sources/by-year/2021.md", "themes/t.md", "../../../themes/t/"),
    ("timeline.md", "sources/a.md", "../sources/a/"),
    ("sources/x.md", "sources/x.md", "./"),
    ("timeline/2021.md", "timeline/2022.md", "../2022/"),
    ("sources/by-year/2021.md", "sources/x.md", "../../x/"),
    ("sources/by-year/2021.md", "sources/index.md", "../../"),
])
def test_href_is_the_link_mkdocs_writes_with_directory_urls(page, target, expected):
    assert href(page, target) == expected and href(page, target, "p-3") == expected + "#p-3"
