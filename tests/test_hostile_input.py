"""Hostile and broken input: every case is a message naming the file, never a traceback; reading is
linear in the input whatever its shape; nothing outside seeds/ leaks into the site."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import copy_project, run_cli
from generator.sources import load_seeds

ARTICLE = "Troops crossed the Afghan border on Monday, officials said in Dushanbe.\n"


def seeds_with(tmp_path: Path, files: dict) -> Path:
    seeds = tmp_path / "seeds"
    seeds.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        path = os.path.join(os.fsencode(seeds), name if isinstance(name, bytes) else os.fsencode(name))
        with open(path, "wb") as handle:
            handle.write(data if isinstance(data, bytes) else data.encode("utf-8"))
    return seeds


def test_lone_surrogates_in_sidecar_and_front_matter_are_replaced(tmp_path):
    seeds = seeds_with(tmp_path, {
        "a.txt": ARTICLE, "a.yml": 'title: "Broken \\uD800 title"\npublication: "\\udcff"\n',
        "b.md": '---\ntitle: "Front \\uDFFF matter"\n---\n' + ARTICLE.replace("Monday", "Friday"),
    })
    project = copy_project(tmp_path / "p", seeds=seeds)
    result = run_cli("build", "--no-site", cwd=project)
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    assert "seeds/a.yml: control characters or invalid escapes removed" in result.stderr
    data = json.loads((project / "docs" / "briefing.json").read_text(encoding="utf-8"))
    titles = {s["id"]: s["title"] for s in data["sources"]}
    assert titles == {"a": "Broken \ufffd title", "b": "Front \ufffd matter"}


def test_a_file_name_that_is_not_utf8_is_read_shown_and_added(tmp_path):
    name = "Статья о границе.txt".encode("cp1251")
    seeds = seeds_with(tmp_path, {name: ARTICLE})
    sources, problems = load_seeds(seeds, tmp_path)
    assert [s.id for s in sources] == ["stat-ya-o-granitse"]
    assert sources[0].name == "Статья о границе.txt"
    assert "seeds/Статья о границе.txt: the file name is not UTF-8 (shown as read in cp1251); rename it" in problems
    json.dumps([s.path for s in sources], ensure_ascii=False).encode("utf-8")  # writable as UTF-8
    (tmp_path / "empty").mkdir()
    project = copy_project(tmp_path / "p", seeds=tmp_path / "empty")
    result = run_cli("add", os.fsdecode(os.path.join(os.fsencode(seeds), name)), "--no-build", cwd=project)
    assert result.returncode == 0, result.stderr
    assert (project / "seeds" / "stat-ya-o-granitse.txt").read_text() == ARTICLE


def test_deep_nesting_is_flattened_with_a_message_and_the_text_kept(tmp_path):
    seeds = seeds_with(tmp_path, {
        "list.md": "".join("  " * i + f"- item {i} of the list\n" for i in range(500)),
        "page.html": "<html><body><article>" + "<div><ul><li>" * 3000 + "The deepest sentence of the page."
                     + "</li></ul></div>" * 3000 + "<p>After the nest.</p></article></body></html>",
    })
    sources, problems = load_seeds(seeds, tmp_path)
    by_name = {s.name: s for s in sources}
    assert "item 499 of the list" in by_name["list.md"].text and "item 0 of the list" in by_name["list.md"].text
    assert "The deepest sentence of the page." in by_name["page.html"].text
    assert "After the nest." in by_name["page.html"].text
    assert sum("nested deeper than an article ever is" in p for p in problems) == 2, problems


def calls(function, *args) -> int:
    """Python and C function calls made by function(*args): a count of work that no clock can skew."""
    count = 0

    def profile(frame, event, arg):
        nonlocal count
        count += event in ("call", "c_call")

    sys.setprofile(profile)
    try:
        function(*args)
    finally:
        sys.setprofile(None)
    return count


@pytest.mark.parametrize("shape", [
    lambda n: ("page.html", "<ul><li>" * n + "x" + "</li></ul>" * n),  # 10,000: 31 s before
    lambda n: ("brackets.md", "[" * n + "x" + "]" * n),  # 10,000: 27 s before
    lambda n: ("links.md", "[a](b " * n),  # 20,000: 287 s before
    lambda n: ("list.md", "- " * n + "x\n"),
    lambda n: ("dump.txt", "Taliban Dushanbe border " * n),  # one "sentence" with no full stop
])
def test_reading_is_linear_in_the_input_whatever_its_shape(tmp_path, shape):
    """Twice the input, at most about twice the work (quadratic would be four times)."""
    from generator import config as config_mod
    from generator.pipeline import process
    from generator.sources import read_seed

    config = config_mod.load(copy_project(tmp_path / "p").joinpath("briefing.yml"))

    def work(n: int) -> int:
        name, text = shape(n)
        folder = tmp_path / str(n)
        seeds = seeds_with(folder, {name: text})

        def read_and_process():
            source, _ = read_seed(seeds / name, folder)
            if source is not None:
                process(source, config)

        return calls(read_and_process)

    small, large = work(2000), work(4000)
    assert large < 2.6 * small, (small, large)


def test_one_huge_source_cannot_fill_the_timeline_or_an_actor_page(tmp_path):
    from generator.pages.actors import QUOTES_PER_SOURCE
    from generator.pages.timeline import EVENTS_PER_SOURCE

    # each a different day (the same event told twice on one day would be one line)
    day = "On {d} March {y} the Taliban crossed the border near Khorog, officials said in Dushanbe. "
    text = "".join(day.format(d=1 + n % 28, y=1930 + n // 28) + ("\n\n" if n % 5 == 4 else "") for n in range(2000))
    project = copy_project(tmp_path / "p", seeds=seeds_with(tmp_path, {"huge.txt": text}))
    assert run_cli("build", "--no-site", cwd=project).returncode == 0
    timeline = (project / "docs" / "timeline.md").read_text(encoding="utf-8")
    assert timeline.count("<li>") == EVENTS_PER_SOURCE
    assert f"{2000 - EVENTS_PER_SOURCE:,} more from 1 long source(s) are in timeline.csv" in timeline
    assert (project / "docs" / "timeline.csv").read_text(encoding="utf-8").count("\n") == 2001  # all of them
    taliban = (project / "docs" / "entities" / "taliban.md").read_text(encoding="utf-8")
    assert taliban.count("<li>") == QUOTES_PER_SOURCE + 1 and f"{2000 - QUOTES_PER_SOURCE} more mention(s)" in taliban


def test_two_adds_at_once_with_the_same_file_name(tmp_path):
    project = copy_project(tmp_path / "p")
    for n in range(4):
        (tmp_path / f"in{n}").mkdir()
        (tmp_path / f"in{n}" / "report.txt").write_text(ARTICLE.replace("Monday", f"day {n}"))
    procs = [subprocess.Popen([sys.executable, "-m", "generator", "add", str(tmp_path / f"in{n}" / "report.txt"),
                               "--no-build"], cwd=project, stderr=subprocess.PIPE, text=True) for n in range(4)]
    for proc in procs:
        assert proc.wait(timeout=60) == 0, proc.stderr.read()
    added = sorted(p.read_text() for p in (project / "seeds").glob("report*.txt"))
    assert added == sorted(ARTICLE.replace("Monday", f"day {n}") for n in range(4))


@pytest.mark.slow
def test_a_full_disk_is_one_line_and_the_last_site_is_kept(tmp_path):
    """On a 24 MB file system of its own (a tmpfs in a private mount namespace): one build fits,
    the next, with many more sources, runs out of space."""
    if subprocess.run(["unshare", "-rm", "true"], capture_output=True).returncode != 0:
        pytest.fail("unshare -rm is needed to give the build a small file system of its own")
    project = copy_project(tmp_path / "src")
    extra = tmp_path / "extra"
    extra.mkdir()
    for n in range(200):
        (extra / f"more-{n:03d}.txt").write_text(f"Dispatch {n} from Khorog. " * 400 + "\n")
    small = tmp_path / "small"
    small.mkdir()
    script = f"""
        set -e
        mount -t tmpfs -o size=24m tmpfs {small}
        cp -r {project} {small}/p && rm {small}/p/generator && ln -s {project.resolve()}/generator {small}/p/generator
        cd {small}/p
        {sys.executable} -m generator build > first.log 2>&1 || {{ cat first.log; exit 3; }}
        find site -type f -exec sha256sum {{}} + | sort > {tmp_path}/before.txt
        cp {extra}/*.txt seeds/ 2>/dev/null || true
        {sys.executable} -m generator build > {tmp_path}/second.log 2>&1 && exit 4
        find site -type f -exec sha256sum {{}} + | sort > {tmp_path}/after.txt
        ls -a > {tmp_path}/left.txt
    """
    result = subprocess.run(["unshare", "-rm", "sh", "-c", script], capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    second = (tmp_path / "second.log").read_text()
    assert "Traceback" not in second, second
    errors = [line for line in second.splitlines() if line.startswith(("error:", "mkdocs:"))]
    assert len(errors) == 1 and "No space left on device" in errors[0], second
    assert (tmp_path / "before.txt").read_text() == (tmp_path / "after.txt").read_text()  # the last site, whole
    assert not [n for n in (tmp_path / "left.txt").read_text().split() if n.startswith(".site")]


def test_symlinks_out_of_seeds_are_not_read_as_sidecars_nor_added(tmp_path):
    secret = tmp_path / "secret.yml"
    secret.write_text("title: SECRET-TITLE-FROM-OUTSIDE\nsummary: SECRET-SUMMARY\n")
    project = copy_project(tmp_path / "p", seeds=seeds_with(tmp_path, {"a.txt": ARTICLE}))
    os.symlink(secret, project / "seeds" / "a.yml")
    result = run_cli("build", "--no-site", cwd=project)
    assert "seeds/a.yml: symbolic link to something outside seeds/; sidecar ignored" in result.stderr
    assert not any("SECRET" in p.read_text(errors="replace") for p in (project / "docs").rglob("*") if p.is_file())
    incoming = tmp_path / "incoming"
    incoming.mkdir()
    (incoming / "ok.txt").write_text(ARTICLE.replace("Monday", "Sunday"))
    os.symlink(secret.with_name("passwd.txt"), incoming / "passwd.txt")
    secret.with_name("passwd.txt").write_text("root:x:0:0 SECRET\n")
    added = run_cli("add", str(incoming), "--no-build", cwd=project)
    assert "passwd.txt: symbolic link to something outside" in added.stderr, added.stderr
    assert (project / "seeds" / "ok.txt").is_file() and not (project / "seeds" / "passwd.txt").exists()


def test_an_emptied_or_damaged_manifest_does_not_leave_the_site_stale(tmp_path):
    project = copy_project(tmp_path / "p")
    assert run_cli("build", "--no-site", cwd=project).returncode == 0
    manifest = project / "docs" / ".briefing-manifest.json"
    for damage in ("[]\n", "{broken", ""):
        manifest.write_text(damage)
        page = project / "seeds" / "000_d100004a180b3b8b.yml"
        page.write_text(f"title: Retitled after damage {len(damage)}\n")
        result = run_cli("build", "--no-site", cwd=project)
        assert result.returncode == 0, result.stderr
        assert "hand-written" not in result.stderr, result.stderr
        assert "taken from its copy in .cache/" in result.stderr
        source = (project / "docs" / "sources" / "000_d100004a180b3b8b.md").read_text(encoding="utf-8")
        assert f"Retitled after damage {len(damage)}" in source


def test_invalid_bytes_in_utf8_are_replaced_not_the_whole_file_redecoded(tmp_path):
    text = "Standardausführung des Grenzschutzes in Duschanbe. Погранвойска. " * 3
    data = text.encode("utf-8")
    data = data[:20] + b"\xff" + data[20:]
    sources, problems = load_seeds(seeds_with(tmp_path, {"de.txt": data}), tmp_path)
    assert "Standardausführung" in sources[0].text and "Погранвойска" in sources[0].text
    assert sources[0].encoding == "utf-8"
    assert "seeds/de.txt: 1 byte(s) that are not UTF-8 in a UTF-8 text; shown as \ufffd" in problems


def test_control_ansi_and_bidi_characters_never_reach_terminal_or_page(tmp_path):
    evil_name = "red\x1b[31mALERT\x1b[0m\u202etxt.exe.txt"
    seeds = seeds_with(tmp_path, {
        evil_name: "Title \x1b]0;owned\x07with escapes\u202e\n\n" + ARTICLE,
        "b.txt": ARTICLE.replace("Monday", "Tuesday"), "b.yml": 'title: "Sidecar \\x1b[2J title \\u202e"\n',
    })
    project = copy_project(tmp_path / "p", seeds=seeds)
    result = run_cli("build", "--no-site", cwd=project)
    assert result.returncode == 0
    assert "\x1b" not in result.stderr and "\u202e" not in result.stderr
    for page in (project / "docs").rglob("*"):
        if page.is_file() and page.suffix in (".md", ".json", ".csv"):
            text = page.read_text(encoding="utf-8")
            assert "\x1b" not in text and "\u202e" not in text and "\x07" not in text, page


def test_markup_quoted_in_text_gives_no_actor(tmp_path):
    seeds = seeds_with(tmp_path, {"evil.txt": (
        "A report <Script>alert(2)</Script> and <IMG SRC=x onerror=alert(1)>.\n\nOn 3 May 2021 the "
        '<Img Src="y" OnError="alert(3)"> Taliban crossed. The <Iframe Src=x> was there, the <Script> too.\n')})
    project = copy_project(tmp_path / "p", seeds=seeds)
    assert run_cli("build", "--no-site", cwd=project).returncode == 0
    actors = {p.stem for p in (project / "docs" / "entities").glob("*.md")}
    assert actors == {"index", "review", "taliban"}, actors


def test_same_stem_seeds_do_not_share_a_sidecar(tmp_path):
    sources, problems = load_seeds(seeds_with(tmp_path, {
        "x.txt": ARTICLE, "x.md": ARTICLE.replace("Monday", "Friday"), "x.yml": "title: Whose title?\n",
        "y.txt": ARTICLE.replace("Monday", "Sunday"), "y.md": "# Other\n\nText.\n", "y.txt.yml": "title: Only y.txt\n",
    }), tmp_path)
    sidecars = {s.name: s.sidecar.get("title") for s in sources}
    assert sidecars == {"x.md": None, "x.txt": None, "y.md": None, "y.txt": "Only y.txt"}
    assert "seeds/x.yml: x.md and x.txt share this sidecar's name; given to neither (name it after one of them: " \
           "x.md.yml)" in problems


def test_ids_ending_in_a_newline_and_reserved_names_are_refused(tmp_path):
    project = copy_project(tmp_path / "p")
    config = (project / "briefing.yml").read_text().replace("id: china-competition", 'id: "china\\n"')
    (project / "briefing.yml").write_text(config)
    result = run_cli("check", cwd=project)
    assert result.returncode == 1 and "expected lowercase letters, digits and dashes" in result.stderr
    sources, _ = load_seeds(seeds_with(tmp_path / "s", {"by-year.txt": ARTICLE}), tmp_path / "s")
    assert sources[0].id != "by-year"  # sources/by-year/ holds the index's year pages


def test_sitemap_is_byte_identical_between_days(built, tmp_path):
    packed = (built / "site" / "sitemap.xml.gz").read_bytes()
    assert packed[4:8] == b"\0\0\0\0"  # the gzip header's modification time: none
    assert gzip.decompress(packed) == (built / "site" / "sitemap.xml").read_bytes()
