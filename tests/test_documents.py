"""PDF reports and Word documents build into source pages, from real files of the corpus."""

from __future__ import annotations

import shutil

import pytest

from conftest import ROOT, copy_project, html, run_cli
from generator.documents import DocumentError, read_docx, read_pdf

CORPUS = ROOT / "tests" / "corpus"


def test_a_pdf_report_reads_as_paragraphs_with_its_title_and_date():
    text, meta, where = read_pdf((CORPUS / "pdf-dia-open-source-alliance.pdf").read_bytes())
    assert (meta["title"], where["title"]) == ("Digital Infrastructure Alliance", "the largest text on the first page")
    paragraphs = text.split("\n\n")
    # words kept apart (the PDF sets them tight), lines joined into paragraphs
    assert any(p.startswith("Open source software underpins global digital infrastructure, contributing an "
                            "estimated $8.8 trillion to the world economy") for p in paragraphs)
    assert "Executive Summary" in paragraphs
    assert not [p for p in paragraphs if p.strip().isdigit()]  # page numbers gone
    assert max(len(p) for p in paragraphs) < 3000


def test_a_three_column_pdf_is_read_column_by_column():
    text, _, _ = read_pdf((CORPUS / "pdf-faa-737max-proposed-ad.pdf").read_bytes())
    assert ("This section of the FEDERAL REGISTER contains notices to the public of the proposed issuance of rules "
            "and regulations.") in text


def test_a_running_head_and_page_numbers_are_dropped():
    text, _, _ = read_pdf((CORPUS / "pdf-unesco-beyond-blockchain.pdf").read_bytes())
    assert not any(p.isdigit() for p in text.split("\n\n"))  # 33 page numbers in this report
    text, _, _ = read_pdf((CORPUS / "pdf-nowruzian-tehran-air-fa.pdf").read_bytes())
    assert text.split("\n\n").count("POLICY BRIEF") <= 1  # the head of each of its 5 pages


def test_a_right_to_left_pdf_reads_in_reading_order():
    # A Persian report drawn in Arabic presentation forms, stored in drawn (visual) order: without
    # the fix its title read 'ناﺮﻬﺗ یاﻮﻫ ﯽﮔدﻮﻟآ ِﺖﯾﺮﯾﺪﻣ' and every line backwards.
    text, meta, _ = read_pdf((CORPUS / "pdf-nowruzian-tehran-air-fa.pdf").read_bytes())
    assert meta["title"].replace("\u0650", "") == "مدیریت آلودگی هوای تهران"
    assert "تهران" in text.split() and "[۱]" in text  # plain letters; a bracket faces the right way
    assert not any("\ufb50" <= c <= "\ufdff" or "\ufe70" <= c <= "\ufefe" for c in text)


@pytest.mark.slow
def test_a_word_memo_reads_its_header_lines(tmp_path):
    text, meta, where = read_docx((CORPUS / "docx-nyu-cusp-evoting-memo.docx").read_bytes())
    assert "From: Samuel Zierler" in text.split("\n\n")
    project = copy_project(tmp_path / "p")
    for name in ("docx-nyu-cusp-evoting-memo.docx", "pdf-dia-open-source-alliance.pdf",
                 "docx-mit-governance-privacy-memo.docx"):
        shutil.copy(CORPUS / name, project / "seeds" / name)
    (project / "seeds" / "broken.pdf").write_bytes(b"%PDF-1.7\nnot really a pdf\n")
    (project / "seeds" / "broken.docx").write_bytes(b"PK\x03\x04 not a zip")
    result = run_cli("build", cwd=project)
    assert result.returncode == 0, result.stderr
    assert "seeds/broken.pdf: not a readable PDF" in result.stderr
    assert "seeds/broken.docx: not a readable Word document" in result.stderr
    assert "Traceback" not in result.stderr
    memo = html(project / "site" / "sources" / "docx-nyu-cusp-evoting-memo" / "index.html")
    assert memo.h1.get_text(strip=True).rstrip("¶") == "E-Voting Initiative"
    panel = memo.select_one(".admonition.abstract").get_text(" ", strip=True)
    assert "Samuel Zierler" in panel and "8 October 2020" in panel
    mit = html(project / "site" / "sources" / "docx-mit-governance-privacy-memo" / "index.html")
    assert "Gautham Ravichander, Chintan Vaishnav" in mit.select_one(".admonition.abstract").get_text(" ", strip=True)
    report = html(project / "site" / "sources" / "pdf-dia-open-source-alliance" / "index.html")
    assert report.h1.get_text(strip=True).rstrip("¶") == "Digital Infrastructure Alliance"
    link = report.select_one('.admonition.abstract a[href$=".pdf"]')
    original = (project / "site" / "sources" / "pdf-dia-open-source-alliance" / link["href"]).resolve()
    assert original.read_bytes() == (CORPUS / "pdf-dia-open-source-alliance.pdf").read_bytes()  # to download


def test_a_damaged_document_is_an_error_not_a_crash():
    for reader, data in ((read_pdf, b"%PDF-1.4\n%garbage"), (read_docx, b"not a zip at all"), (read_pdf, b"")):
        try:
            reader(data)
        except DocumentError:
            continue
        raise AssertionError(f"{reader.__name__} accepted {data!r}")


def test_a_word_table_python_docx_cannot_walk_is_a_message_naming_the_file(tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("A memo on the border talks, with a table below.")
    table = document.add_table(rows=2, cols=2)
    cell = table.rows[0].cells[0]._tc  # a merge that continues from a row that is not there
    cell.get_or_add_tcPr().append(cell.makeelement(docx.oxml.ns.qn("w:vMerge"), {}))
    project = copy_project(tmp_path / "p")
    document.save(str(project / "seeds" / "memo.docx"))
    result = run_cli("check", cwd=project)  # the loader's message, without building the site
    assert result.returncode == 1 and "seeds/memo.docx: not a readable Word document" in result.stderr, result.stderr


def test_a_report_keeps_its_first_line_under_a_title_its_reader_found_and_dates_itself_by_its_imprint():
    """The PDF reader takes the title off the text; the first line left is the report's own
    ("Published in 2024 by ..."), not a second headline to drop."""
    from conftest import ROOT as root
    from generator import config as config_mod
    from generator.pipeline import process
    from generator.sources import read_seed

    source, problems = read_seed(CORPUS / "pdf-unesco-beyond-blockchain.pdf", CORPUS)
    assert problems == []
    article = process(source, config_mod.load(root / "briefing.yml"))
    assert article.meta.title.value.startswith("Beyond Blockchain")
    assert article.blocks[0].text.startswith("Published in 2024 by the United Nations Educational")
    assert (article.meta.date.value, article.meta.date.precision) == ("2024", "year")
