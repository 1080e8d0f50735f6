"""Matching throughput: paragraphs per second for the gazetteer pass and for discovery.

Usage: .venv/bin/python benchmarks/entities.py [ENTITIES] [PARAGRAPHS]
A synthetic gazetteer (the real one plus ENTITIES made-up names with three aliases each) and
PARAGRAPHS synthetic paragraphs of ~90 words naming a few of them. Deterministic (seeded).
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator import config as config_mod  # noqa: E402
from generator.entities import discover, find_mentions, matcher_for  # noqa: E402
from generator.gazetteer import EntitySpec, Gazetteer  # noqa: E402
from generator.models import Block  # noqa: E402

SYLLABLES = "ka ri mo va sha lo dun be ta ji ra hon zor gul na fis ber ok tam ush".split()
FILLER = ("the minister said that the border was quiet and that more troops would arrive in the spring "
          "while officials in the capital discussed aid loans and the security of the region").split()


def word(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()


def main(n_entities: int = 5000, n_paragraphs: int = 20000) -> None:
    rng = random.Random(7)
    real = config_mod.load(ROOT / "briefing.yml").gazetteer
    made, seen = [], set()
    while len(made) < n_entities:
        first, last = word(rng), word(rng)
        if (first, last) in seen:
            continue
        seen.add((first, last))
        made.append(EntitySpec(f"e{len(made)}", f"{first} {last}", "person", (f"{first[0]}. {last}", f"{last}ov {first}")))
    gazetteer = Gazetteer(real.entities + tuple(made), real.ignore)
    names = [e.name for e in made[:2000]] + [a for e in real.entities for a in e.aliases][:200]
    blocks = []
    for i in range(n_paragraphs):
        words = [rng.choice(FILLER) for _ in range(80)]
        for _ in range(4):
            words.insert(rng.randrange(len(words)), rng.choice(names))
        words.insert(rng.randrange(len(words)), f"{word(rng)} {word(rng)}")  # an unknown name
        text = " ".join(words)
        blocks.append(Block("paragraph", text[0].upper() + text[1:] + ".", f"p-{i + 1}"))
    blocks = tuple(blocks)
    started = time.perf_counter()
    matcher_for(gazetteer)  # build the automaton once
    built = time.perf_counter() - started
    started = time.perf_counter()
    mentions = find_mentions(blocks, gazetteer)
    matched = time.perf_counter() - started
    started = time.perf_counter()
    candidates = discover(blocks, gazetteer)
    found = time.perf_counter() - started
    aliases = sum(len(e.names) for e in gazetteer.entities)
    print(f"gazetteer: {len(gazetteer.entities):,} entities, {aliases:,} names; automaton built in {built:.2f} s")
    print(f"{n_paragraphs:,} paragraphs: {len(mentions):,} mentions in {matched:.2f} s "
          f"= {n_paragraphs / matched:,.0f} paragraphs/s (gazetteer pass)")
    print(f"discovery: {len(candidates):,} candidates in {found:.2f} s = {n_paragraphs / found:,.0f} paragraphs/s")


if __name__ == "__main__":
    main(*(int(a) for a in sys.argv[1:3]))
