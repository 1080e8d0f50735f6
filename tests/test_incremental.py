"""Rebuilds: only new or changed sources are processed again; the cache is never trusted blindly."""

from __future__ import annotations

import re
import shutil

from conftest import copy_project, run_cli


def build(project) -> tuple[int, int, str]:
    result = run_cli("build", "--no-site", cwd=project)
    assert result.returncode == 0, result.stderr
    processed, cached = map(int, re.search(r"\((\d+) processed, (\d+) from cache\)", result.stderr).groups())
    return processed, cached, result.stderr


def docs_of(project) -> dict:
    docs = project / "docs"
    return {p.relative_to(docs).as_posix(): p.read_bytes() for p in docs.rglob("*") if p.is_file()}


NEW = ("China opens a new outpost near the Tajik border ~ Beijing expands its footprint\n\n"
       "Chinese engineers completed an outpost in Gorno-Badakhshan, officials said on Monday. "
       "China has also extended new loans to Dushanbe for roads and mines, Chinese officials said.\n")


def test_add_change_remove_reprocess_only_that_source(tmp_path):
    project = copy_project(tmp_path / "p")
    assert build(project)[:2] == (5, 0)
    assert build(project)[:2] == (0, 5)  # nothing changed: everything from the cache
    first = docs_of(project)

    (project / "seeds" / "new.txt").write_text(NEW)
    assert build(project)[:2] == (1, 5)
    china = (project / "docs" / "themes" / "china-competition.md").read_text()
    assert "../../sources/new/" in china  # the cross-source page reflects the new source
    assert "new" in (project / "docs" / "sources" / "index.md").read_text()

    (project / "seeds" / "new.yml").write_text("title: A sidecar title\n")  # a sidecar change counts
    assert build(project)[:2] == (1, 5)
    assert "A sidecar title" in (project / "docs" / "sources" / "index.md").read_text()

    (project / "seeds" / "new.txt").unlink()
    (project / "seeds" / "new.yml").unlink()
    assert build(project)[:2] == (0, 5)
    assert not (project / "docs" / "sources" / "new.md").exists()
    assert docs_of(project) == first  # back to exactly the first output


def test_a_build_with_nothing_changed_does_nothing_until_an_input_or_docs_changes(tmp_path):
    """Nothing changed since the last build (seeds, sidecars, configuration, arrivals, the code, and
    docs/ as the generator left it): the build reports so and writes nothing. Each of those changed
    makes it do the work again, and the pages then equal a fresh build's."""
    project = copy_project(tmp_path / "p")
    build(project)
    first = docs_of(project)
    _, _, printed = build(project)
    assert "nothing had changed since the last build" in printed and docs_of(project) == first
    page = project / "docs" / "sources" / sorted(p.name for p in (project / "docs" / "sources").glob("00*.md"))[0]
    page.unlink()  # a generated page deleted by hand is made again
    _, _, printed = build(project)
    assert "nothing had changed" not in printed and docs_of(project) == first
    gazetteer = project / "gazetteer.yml"  # any configuration file beside briefing.yml counts
    gazetteer.write_text(gazetteer.read_text(encoding="utf-8") + "\n# a comment\n", encoding="utf-8")
    _, _, printed = build(project)
    assert "nothing had changed" not in printed
    (project / "arrivals.json").write_text("{}\n")  # every source arrives again, today
    _, _, printed = build(project)
    assert "nothing had changed" not in printed
    assert "nothing had changed" in build(project)[2]


def test_config_change_reprocesses_everything(tmp_path):
    project = copy_project(tmp_path / "p")
    build(project)
    cfg = project / "briefing.yml"
    cfg.write_text(cfg.read_text().replace("threshold: 6", "threshold: 7"))
    assert build(project)[:2] == (5, 0)


def test_corrupt_cache_is_rebuilt_not_trusted(tmp_path):
    project = copy_project(tmp_path / "p")
    build(project)
    first = docs_of(project)
    entries = sorted((project / ".cache" / "briefing").glob("*/*.json"))
    assert len(entries) == 5
    entries[0].write_text("{not json")
    entries[1].write_text('{"meta": {}, "blocks": [], "words": 1, "scores": []}')
    entries[2].write_bytes(b"\x00\xff")
    (project / ".cache" / "briefing" / "last-build.json").unlink()  # else nothing to do: docs/ is up to date
    assert build(project)[:2] == (3, 2)
    assert docs_of(project) == first


def test_a_source_page_is_made_again_only_when_what_it_shows_changed(tmp_path, monkeypatch):
    """Source and actor pages are made from a key of their inputs (pages.Memo): a rebuild with
    nothing changed makes none; a page edited by hand in docs/ is made and restored; a source added
    makes its page alone, and the pages of actors it names or whose ties it changes, not the others;
    the gazetteer changed makes every source page; and docs/ then equals a fresh build's."""
    from generator import pipeline
    from generator.pages import actors, source

    made: list[str] = []
    original = source.source_page
    monkeypatch.setattr(source, "source_page", lambda a, b: made.append(a.id) or original(a, b))
    actor_pages: list[str] = []
    original_actor = actors.entity_page
    monkeypatch.setattr(actors, "entity_page", lambda s, b: actor_pages.append(s.entity.id) or original_actor(s, b))
    project = copy_project(tmp_path / "p")
    briefing = pipeline.run(project / "briefing.yml").briefing
    assert len(made) == 5 and len(actor_pages) == len(briefing.entities) > 50
    made.clear()
    actor_pages.clear()
    pipeline.run(project / "briefing.yml")
    assert made == [] and actor_pages == []
    page = sorted((project / "docs" / "sources").glob("00*.md"))[0]
    kept = page.read_bytes()
    page.write_text("edited by hand\n")
    pipeline.run(project / "briefing.yml")
    assert made == [page.stem] and page.read_bytes() == kept
    made.clear()
    (project / "seeds" / "new.txt").write_text(NEW)  # a source added: its page alone is made
    added = pipeline.run(project / "briefing.yml").briefing
    assert made == ["new"]
    named = {m.entity for m in added.mentions["new"]}
    assert named <= set(actor_pages) and len(actor_pages) < len(added.entities) / 2, (named, actor_pages)
    made.clear()
    gazetteer = project / "gazetteer.yml"  # the gazetteer changes what every source reads: all are made
    gazetteer.write_text(gazetteer.read_text(encoding="utf-8").replace(
        "aliases: [Emomali Rahmonov,", "aliases: [Rahmon Emomali, Emomali Rahmonov,"), encoding="utf-8")
    pipeline.run(project / "briefing.yml")
    assert len(made) == 6
    fresh = copy_project(tmp_path / "fresh")
    shutil.copy2(project / "seeds" / "new.txt", fresh / "seeds" / "new.txt")
    shutil.copy2(project / "arrivals.json", fresh / "arrivals.json")
    shutil.copy2(gazetteer, fresh / "gazetteer.yml")
    pipeline.run(fresh / "briefing.yml")
    assert docs_of(project) == docs_of(fresh)


def test_an_actor_page_follows_ties_among_the_actors_around_it(tmp_path):
    """An actor page's network draws the ties among the actors around it: a source that names two of
    them together, and not the actor, must still make that page again (its key holds those ties)."""
    from generator import pipeline
    from generator.pages.charts import NETWORK_SIZE

    project = copy_project(tmp_path / "p")
    briefing = pipeline.run(project / "briefing.yml").briefing
    known = {s.entity.id: s for s in briefing.entities if s.entity.reviewed}
    choice = None
    for summary in briefing.entities:
        around = [r.entity for r in summary.related[:NETWORK_SIZE - 1] if r.entity in known]
        for i, a in enumerate(around):
            tied = {r.entity for r in known[a].related}
            b = next((b for b in around[i + 1:] if b not in tied), None)
            if b:
                choice = summary.entity.id, known[a].entity.name, known[b].entity.name
                break
        if choice:
            break
    assert choice, "the flagship has an actor with two untied actors around it"
    centre, a, b = choice
    (project / "seeds" / "ties.txt").write_text(f"A meeting of neighbours\n\n{a} and {b} held talks on Monday.\n")
    pipeline.run(project / "briefing.yml")
    fresh = copy_project(tmp_path / "fresh")
    shutil.copy2(project / "seeds" / "ties.txt", fresh / "seeds" / "ties.txt")
    shutil.copy2(project / "arrivals.json", fresh / "arrivals.json")
    pipeline.run(fresh / "briefing.yml")
    page = f"entities/{centre}.md"
    assert f"{a} and {b}: also named together" in (fresh / "docs" / page).read_text(encoding="utf-8") \
        or f"{b} and {a}: also named together" in (fresh / "docs" / page).read_text(encoding="utf-8")
    assert docs_of(project) == docs_of(fresh)


def test_the_site_is_built_again_only_when_what_it_is_built_from_changed(tmp_path):
    """`briefing build` with nothing changed leaves site/ as it is (MkDocs not run); a hand-written
    page changed, or a file of site/ removed, makes MkDocs build it again; the real MkDocs each time."""
    project = copy_project(tmp_path / "p")
    first = run_cli("build", cwd=project)
    assert first.returncode == 0 and "site built in" in first.stderr, first.stderr
    index = (project / "site" / "index.html").read_bytes()
    again = run_cli("build", cwd=project)
    assert again.returncode == 0 and "is up to date" in again.stderr and "site built in" not in again.stderr
    assert (project / "site" / "index.html").read_bytes() == index
    about = project / "docs" / "about.md"
    about.write_text(about.read_text(encoding="utf-8") + "\nA line added by hand.\n", encoding="utf-8")
    edited = run_cli("build", cwd=project)
    assert edited.returncode == 0 and "site built in" in edited.stderr, edited.stderr
    assert "A line added by hand." in (project / "site" / "about" / "index.html").read_text(encoding="utf-8")
    (project / "site" / "about" / "index.html").unlink()
    mended = run_cli("build", cwd=project)
    assert mended.returncode == 0 and "site built in" in mended.stderr, mended.stderr
    assert (project / "site" / "about" / "index.html").is_file()
    strict = run_cli("build", "--strict", cwd=project)  # other options: another build
    assert strict.returncode == 0 and "site built in" in strict.stderr, strict.stderr

