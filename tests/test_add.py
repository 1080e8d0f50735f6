"""`briefing add` and `briefing check` through the real CLI."""

from __future__ import annotations

import pytest
import yaml

from conftest import copy_project, run_cli

ARTICLE = "Troops crossed the Afghan border on Monday, the Taliban said in Kabul. ISIS militants followed.\n"


@pytest.mark.slow
def test_add_copies_under_a_safe_unique_name_and_rebuilds(tmp_path):
    project = copy_project(tmp_path / "p")
    incoming = tmp_path / "in"
    incoming.mkdir()
    (incoming / "Статья о границе.txt").write_text(ARTICLE)
    result = run_cli("add", str(incoming / "Статья о границе.txt"), "--date", "2024-05",
                     "--title", 'Border: a [test] *title* "quoted"', "--publication", "Asia-Plus", cwd=project)
    assert result.returncode == 0, result.stderr
    target = project / "seeds" / "stat-ya-o-granitse.txt"
    assert target.read_text() == ARTICLE
    assert yaml.safe_load(target.with_suffix(".yml").read_text()) == {
        "date": "2024-05", "title": 'Border: a [test] *title* "quoted"', "publication": "Asia-Plus"}
    page = project / "site" / "sources" / "stat-ya-o-granitse" / "index.html"
    assert 'Border: a [test] *title* "quoted"' in page.read_text().replace("&quot;", '"')

    # the same content again: recognised, not duplicated; a different file with the same name: kept
    (incoming / "other").mkdir()
    (incoming / "other" / "Статья о границе.txt").write_text(ARTICLE.replace("Monday", "Tuesday"))
    (incoming / "copy.txt").write_text(ARTICLE)
    again = run_cli("add", str(incoming / "copy.txt"), str(incoming / "other"), "--no-build", cwd=project)
    assert again.returncode == 0, again.stderr
    assert "already in seeds/ as stat-ya-o-granitse.txt; not added again" in again.stderr
    assert (project / "seeds" / "stat-ya-o-granitse-2.txt").read_text() == ARTICLE.replace("Monday", "Tuesday")
    assert not (project / "seeds" / "copy.txt").exists()


def test_add_refuses_bad_options_and_missing_files(tmp_path):
    project = copy_project(tmp_path / "p")
    (tmp_path / "a.txt").write_text(ARTICLE)
    bad_date = run_cli("add", str(tmp_path / "a.txt"), "--date", "yesterday", cwd=project)
    assert bad_date.returncode == 1 and "--date: 'yesterday' is not a date" in bad_date.stderr
    missing = run_cli("add", str(tmp_path / "nope.txt"), cwd=project)
    assert missing.returncode == 1 and "nope.txt: no such file or folder" in missing.stderr
    assert not (project / "seeds" / "a.txt").exists()


def test_check_reports_every_problem_without_writing(tmp_path):
    project = copy_project(tmp_path / "p")
    (project / "seeds" / "empty.txt").write_text("")
    (project / "seeds" / "000_d100004a180b3b8b.yml").write_text("date: not-a-date\ncolour: red\n")
    result = run_cli("check", cwd=project)
    assert result.returncode == 1
    assert "seeds/empty.txt: empty file" in result.stderr
    assert "seeds/000_d100004a180b3b8b.yml: date: 'not-a-date' is not a date" in result.stderr
    assert "seeds/000_d100004a180b3b8b.yml: colour: unknown key" in result.stderr
    assert not (project / "docs" / "sources").exists() and not (project / "site").exists()
