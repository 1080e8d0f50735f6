"""Property-based: whatever bytes, names and YAML the seeds folder holds, the loader gives sources or
messages, never an exception; and what it gives can be written as UTF-8 and shown on a terminal."""

from __future__ import annotations

import functools
import os
import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.pipeline import process
from generator.sources import load_seeds

SUFFIXES = [b".txt", b".md", b".html", b".htm", b".yml", b".yaml", b".TXT", b".pdf", b""]
# Names as the file system holds them: any bytes but '/' and NUL, often not UTF-8.
NAMES = st.builds(lambda stem, suffix: stem + suffix,
                  st.binary(min_size=1, max_size=24).map(lambda b: b.replace(b"/", b"_").replace(b"\0", b"_")),
                  st.sampled_from(SUFFIXES)).filter(lambda n: n not in (b".", b".."))
TEXTS = st.one_of(
    st.binary(max_size=600),
    st.text(max_size=600).map(lambda t: t.encode("utf-8", "surrogatepass")),
    st.text(max_size=300).map(lambda t: ("---\n" + t + "\n---\nBody text.\n").encode("utf-8", "surrogatepass")),
    st.lists(st.sampled_from(["<ul>", "<li>", "<p>", "</li>", "[", "](", "- ", "> ", "\\uD800", "\x1b[31m",
                              "title: ", "\n", "Taliban", "On 3 May 2021", "\u202e", "&#x202e;", "<script>"]),
             max_size=80).map(lambda parts: "".join(parts).encode()),
)
YAML = st.one_of(
    st.text(max_size=200).map(lambda t: t.encode("utf-8", "surrogatepass")),
    st.dictionaries(st.sampled_from(["title", "date", "authors", "url", "publication", "colour", "source_type"]),
                    st.one_of(st.text(max_size=30), st.integers(), st.lists(st.text(max_size=10), max_size=3),
                              st.none(), st.booleans()), max_size=5)
    .map(lambda d: "\n".join(f"{k}: {v!r}" for k, v in d.items()).encode("utf-8", "surrogatepass")),
    st.sampled_from([b'title: "\\uD800"', b"date: 2021-02-30", b"- a\n- b", b"title: [unclosed", b"!!python/object:x {}"]),
)


@functools.lru_cache(maxsize=1)
def _config():
    """The flagship configuration, loaded once for all 150 examples (80 ms a load)."""
    from conftest import ROOT
    from generator import config as config_mod

    return config_mod.load(ROOT / "briefing.yml")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(files=st.dictionaries(NAMES, TEXTS, max_size=6), sidecars=st.lists(YAML, max_size=3))
def test_the_loader_gives_sources_or_messages_never_an_exception(files, sidecars):
    config = _config()
    root = Path(tempfile.mkdtemp())
    try:
        seeds = os.path.join(os.fsencode(root), b"seeds")
        os.mkdir(seeds)
        for name, data in files.items():
            with open(os.path.join(seeds, name), "wb") as handle:
                handle.write(data)
        stems = [n.rsplit(b".", 1)[0] for n in files if n.lower().endswith((b".txt", b".md", b".html"))]
        for stem, data in zip(stems, sidecars, strict=False):  # fewer sidecars than seeds, or more
            with open(os.path.join(seeds, stem + b".yml"), "wb") as handle:
                handle.write(data)
        sources, problems = load_seeds(Path(os.fsdecode(seeds)), root)
        for problem in problems:
            problem.encode("utf-8")  # no lone surrogate: it can be printed and written
            assert "\x1b" not in problem and "\n" not in problem
        for source in sources:
            for text in (source.id, source.path, source.name, source.text, repr(source.sidecar), repr(source.embedded)):
                text.encode("utf-8")
                assert "\x1b" not in text
            process(source, config)  # and every later stage takes it
    finally:
        shutil.rmtree(root)
