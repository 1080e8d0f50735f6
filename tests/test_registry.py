"""The page registry (generator.pages.FAMILIES) is the one list of what the generator writes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.pages import FAMILIES, generated_paths, navigation

ROOT = Path(__file__).resolve().parent.parent


def covered(path: str) -> bool:
    return any(path == p or (p.endswith("/") and path.startswith(p)) for p in generated_paths())


def test_every_generated_file_belongs_to_a_family(built):
    manifest = json.loads((built / "docs" / ".briefing-manifest.json").read_text(encoding="utf-8"))
    assert manifest and all(covered(p) for p in manifest), [p for p in manifest if not covered(p)]
    # and every family wrote something
    for family in FAMILIES:
        assert any(p == q or (q.endswith("/") and p.startswith(q)) for p in manifest for q in family.paths), family.name


def test_git_ignores_exactly_what_the_generator_writes():
    ignored = {line.strip() for line in (ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()}
    for path in generated_paths():
        assert f"/docs/{path}" in ignored, f"/docs/{path} missing from .gitignore"
    listed = {line[len("/docs/"):] for line in ignored if line.startswith("/docs/")}
    assert listed - set(generated_paths()) == {".briefing-manifest.json"}, listed - set(generated_paths())


def nav_titles(page: Path) -> list[str]:
    from conftest import html

    top = html(page).select_one("nav.md-nav--primary > ul")
    return [li.find(["a", "label"]).get_text(" ", strip=True) for li in top.find_all("li", recursive=False)]


def test_the_navigation_comes_from_the_registry_then_mkdocs_yml(built):
    """The generated pages in the registry's order, then the hand-written About of mkdocs.yml."""
    assert nav_titles(built / "site" / "index.html") == [title for title, _ in navigation()] + ["About"]


@pytest.mark.slow
def test_a_generated_page_named_in_mkdocs_yml_keeps_its_place_there(tmp_path):
    from conftest import copy_project, run_cli

    project = copy_project(tmp_path / "p")
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "mkdocs.yml").write_text(config.replace("  - About: about.md\n",
                                                       "  - About: about.md\n  - Words: glossary.md\n"), encoding="utf-8")
    result = run_cli("build", cwd=project)
    assert result.returncode == 0, result.stderr
    titles = nav_titles(project / "site" / "index.html")
    assert titles[-2:] == ["About", "Words"] and "Glossary" not in titles, titles


def imports_of_generator() -> dict[str, set[str]]:
    """Every generator module and the generator modules it imports (at any level of the file)."""
    import ast

    graph: dict[str, set[str]] = {}
    package = ROOT / "generator"
    for path in package.rglob("*.py"):
        module = ".".join(("generator", *path.relative_to(package).with_suffix("").parts)).removesuffix(".__init__")
        found: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("generator"):
                # `from generator import records` imports generator.records (the package itself is empty)
                found |= ({node.module} if node.module != "generator" else set()) | {
                    f"{node.module}.{a.name}" for a in node.names}
            elif isinstance(node, ast.Import):
                found |= {a.name for a in node.names if a.name.startswith("generator")}
        graph[module] = found
    return {m: {d for d in deps if d in graph and d != m} for m, deps in graph.items()}


def test_no_import_cycle_in_the_generator():
    graph = imports_of_generator()
    done: set[str] = set()

    def visit(module: str, path: tuple[str, ...]) -> None:
        for dep in graph[module]:
            assert dep not in path, " -> ".join((*path[path.index(dep):], dep))
            if dep not in done:
                visit(dep, (*path, dep))
        done.add(module)

    for module in sorted(graph):
        visit(module, (module,))


def test_the_pages_import_only_records_text_helpers_and_templates():
    allowed = {"generator.models", "generator.markdown_text", "generator.text", "generator.records"}
    for module, deps in imports_of_generator().items():
        if module.startswith("generator.pages"):
            outside = {d for d in deps if not d.startswith("generator.pages")} - allowed
            assert not outside, (module, outside)


@pytest.mark.slow
def test_the_site_is_named_by_briefing_yml(tmp_path):
    """The header and every page's title say briefing.yml's title (mkdocs.yml's is a placeholder),
    shown as text whatever it holds."""
    from conftest import copy_project, html, run_cli

    project = copy_project(tmp_path / "p")
    config = (project / "briefing.yml").read_text(encoding="utf-8")
    (project / "briefing.yml").write_text(config.replace(
        "title: Russia–Tajikistan security briefing", 'title: "Arctic shipping <b>R&D</b> watch"', 1), encoding="utf-8")
    result = run_cli("build", cwd=project)
    assert result.returncode == 0, result.stderr
    for page in ("index.html", "glossary/index.html", "themes/index.html"):
        soup = html(project / "site" / page)
        assert soup.title.get_text().endswith("Arctic shipping <b>R&D</b> watch"), soup.title
        header = soup.select_one(".md-header__topic")
        assert "Arctic shipping <b>R&D</b> watch" in header.get_text() and header.find("b") is None
        assert "Russia" not in soup.title.get_text() + header.get_text()
