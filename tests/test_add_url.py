"""`briefing add URL`: a page, a PDF, a redirect, and every way a download fails, against a local
HTTP server (never the internet)."""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import yaml

from conftest import ROOT, copy_project, html, run_cli

CORPUS = ROOT / "tests" / "corpus"
PAGE = (CORPUS / "html-aljazeera-afghan-crash.html").read_bytes()
PDF = (CORPUS / "pdf-dia-open-source-alliance.pdf").read_bytes()


class Handler(BaseHTTPRequestHandler):
    routes = {
        "/2024/05/afghan-crash": (200, "text/html; charset=utf-8", PAGE),
        "/papers/alliance.pdf": (200, "application/pdf", PDF),
        "/notes/wire.txt": (200, "text/plain; charset=utf-8",
                            b"DUSHANBE, May 4 (Reuters) - Taliban militants gathered near the Tajik border, officials "
                            b"said on Monday.\n"),
        "/logo.png": (200, "image/png", b"\x89PNG\r\n\x1a\n" + b"\0" * 100),
        "/empty": (200, "text/html", b""),
    }

    def do_GET(self):  # noqa: N802 — http.server's name
        if self.path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/notes/wire.txt")
            self.end_headers()
            return
        if self.path == "/garbled":  # not HTTP at all: http.client raises BadStatusLine
            self.wfile.write(b"garbage\r\n\r\n")
            return
        if self.path == "/slow":
            time.sleep(3)
        if self.path == "/big":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(6 * 10**6))
            self.end_headers()
            return
        if self.path == "/endless":  # no length given, more than an article
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()
            try:
                for _ in range(600):
                    self.wfile.write(b"x" * 10_000)
            except (BrokenPipeError, ConnectionResetError):
                pass
            return
        status, kind, body = self.routes.get(self.path, (404, "text/html", b"<h1>Not found</h1>"))
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def site():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.mark.slow
def test_add_urls_downloads_names_records_and_builds(tmp_path, site):
    project = copy_project(tmp_path / "p")
    result = run_cli("add", f"{site}/2024/05/afghan-crash", f"{site}/papers/alliance.pdf", f"{site}/moved", cwd=project)
    assert result.returncode == 0, result.stderr
    seeds = {p.name for p in (project / "seeds").iterdir()}
    page = next(n for n in seeds if n.endswith(".html"))
    assert page.startswith("afghan-") or "crash" in page, page  # named after the page's title
    assert "alliance.pdf" in seeds and "wire.txt" in seeds
    assert yaml.safe_load((project / "seeds" / "wire.yml").read_text())["url"] == f"{site}/notes/wire.txt"  # redirect
    assert yaml.safe_load((project / "seeds" / "alliance.yml").read_text())["url"] == f"{site}/papers/alliance.pdf"
    assert (project / "seeds" / page).read_bytes() == PAGE
    assert not [n for n in seeds if n.startswith(".")]
    built = html(project / "site" / "sources" / "alliance" / "index.html")
    assert built.h1.get_text(strip=True).rstrip("¶") == "Digital Infrastructure Alliance"
    assert built.select_one(f'a[href="{site}/papers/alliance.pdf"]') is not None  # "Online" in the panel


@pytest.mark.parametrize("path, message", [
    ("/missing", "the server answered 404 Not Found; not added"),
    ("/logo.png", "the server sends image/png, not an article"),
    ("/slow", "no answer within 1 s; not added"),
    ("/big", "6 MB is more than an article (5 MB at most); not added"),
    ("/endless", "more than an article (5 MB at most); not added"),
    ("/empty", "the server sent nothing; not added"),
    ("/garbled", "cannot be downloaded"),
])
def test_a_failed_download_is_one_line_and_leaves_nothing(tmp_path, site, path, message):
    project = copy_project(tmp_path / "p")
    before = sorted(p.name for p in (project / "seeds").iterdir())
    result = run_cli("add", f"{site}{path}", "--timeout", "1", "--no-build", cwd=project)
    assert result.returncode == 1
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert lines == [f"warning: {site}{path}: {message}"] or (
        len(lines) == 1 and message in lines[0]), result.stderr
    assert sorted(p.name for p in (project / "seeds").iterdir()) == before


def test_no_server_there_is_one_line(tmp_path):
    project = copy_project(tmp_path / "p")
    result = run_cli("add", "http://127.0.0.1:9/nothing", "--no-build", cwd=project)
    assert result.returncode == 1 and "http://127.0.0.1:9/nothing: cannot be reached" in result.stderr
    assert "Traceback" not in result.stderr


def test_options_for_a_file_already_in_seeds_update_its_sidecar(tmp_path):
    project = copy_project(tmp_path / "p")
    seed = project / "seeds" / "004_00b821af94ef5a2d.txt"
    copy = tmp_path / "again.txt"
    copy.write_bytes(seed.read_bytes())
    result = run_cli("add", str(copy), "--date", "2015-04-03", "--publication", "Fort Russ", "--no-build", cwd=project)
    assert result.returncode == 0, result.stderr
    assert "updated: " in result.stderr and "its sidecar 004_00b821af94ef5a2d.yml now gives date, publication" \
        in result.stderr
    assert yaml.safe_load(seed.with_suffix(".yml").read_text()) == {"date": "2015-04-03", "publication": "Fort Russ"}
    assert not (project / "seeds" / "again.txt").exists()
