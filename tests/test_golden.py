"""The generated docs/ for the five seeds, compared whole with tests/golden/.

After an intended change to the output, refresh it with `make golden` and review the diff.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

from conftest import copy_project, run_cli

GOLDEN = Path(__file__).parent / "golden"


def generated(tmp_path: Path) -> dict[str, bytes]:
    project = copy_project(tmp_path / "p")
    result = run_cli("build", "--no-site", cwd=project)
    assert result.returncode == 0, result.stderr
    docs = project / "docs"
    manifest = json.loads((docs / ".briefing-manifest.json").read_text())
    return {p: (docs / p).read_bytes() for p in manifest if p.endswith((".md", ".json"))}


def test_output_matches_golden(tmp_path):
    files = generated(tmp_path)
    if os.environ.get("REFRESH_GOLDEN"):
        shutil.rmtree(GOLDEN, ignore_errors=True)
        for rel, data in files.items():
            (GOLDEN / rel).parent.mkdir(parents=True, exist_ok=True)
            (GOLDEN / rel).write_bytes(data)
    expected = {p.relative_to(GOLDEN).as_posix(): p.read_bytes() for p in GOLDEN.rglob("*") if p.is_file()}
    assert sorted(files) == sorted(expected), "generated files differ from tests/golden (make golden)"
    for rel in sorted(files):
        assert files[rel] == expected[rel], f"{rel} differs from tests/golden/{rel} (review, then make golden)"
