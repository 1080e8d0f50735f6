"""`mkdocs serve` (what `make serve` runs) regenerates when a seed is added or the gazetteer changes, and
does not loop."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from conftest import copy_project


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode("utf-8")
    except Exception as exc:  # not up yet, or 404
        return getattr(exc, "code", 0), ""


def wait_for(url: str, seconds: float, predicate=lambda status, body: status == 200) -> str:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        status, body = fetch(url)
        if predicate(status, body):
            return body
        time.sleep(0.3)
    raise AssertionError(f"{url} did not come up as expected within {seconds} s")


@pytest.mark.slow
def test_serve_regenerates_on_a_new_seed_without_looping(tmp_path):
    project = copy_project(tmp_path / "p")
    port = free_port()
    log = open(tmp_path / "serve.log", "w")
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
                              cwd=project, stdout=log, stderr=subprocess.STDOUT)
    try:
        base = f"http://127.0.0.1:{port}/"
        wait_for(base + "sources/", 90)
        (project / "seeds" / "fresh.txt").write_text(
            "Fresh Report From The Border Today\n\nTaliban militants crossed the Afghan border, officials said.\n")
        page = wait_for(base + "sources/fresh/", 60)
        assert "Fresh Report From The Border Today" in page
        wait_for(base + "sources/", 30, lambda status, body: "Fresh Report From The Border Today" in body)
        # gazetteer.yml is not in mkdocs.yml's watch list: the hook watches every .yml beside briefing.yml
        (project / "seeds" / "fresh.txt").write_text(
            "Fresh Report From The Border Today\n\nTaliban militants crossed the Afghan border, officials of "
            "the Afghan Border Watch said.\n")
        wait_for(base + "sources/fresh/", 60, lambda status, body: "Afghan Border Watch" in body)
        gazetteer = project / "gazetteer.yml"
        gazetteer.write_text(gazetteer.read_text(encoding="utf-8").replace(
            "entities:\n", "entities:\n  - name: Afghan Border Watch\n    kind: organisation\n", 1), encoding="utf-8")
        # the gazetteer alone changed: its new entity gets a reviewed page (a found name's says "Not reviewed")
        wait_for(base + "entities/afghan-border-watch/", 60,
                 lambda status, body: status == 200 and "Not reviewed" not in body and "Afghan Border Watch" in body)
        time.sleep(4)  # a looping server would keep rebuilding now
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()
    builds = (tmp_path / "serve.log").read_text().count("Building documentation")
    assert builds <= 5, (tmp_path / "serve.log").read_text()[-2000:]
