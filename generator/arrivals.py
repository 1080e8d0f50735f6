"""When each source first reached the briefing: the record behind "What's new" and the feed.

arrivals.json, beside briefing.yml, maps each source's id to the day (ISO, UTC) a build first saw
it. Commit it with the seeds: a clean clone, and the CI that deploys the site, then show the same
What's new as the analyst's own machine. The build's clock is read once, here, and only for a
source not yet recorded: pages never carry a build time, so a rebuild with nothing new is byte-
identical, and SOURCE_DATE_EPOCH (the reproducible-builds convention) fixes the day when set.
"""

from __future__ import annotations

import json
import os
import re
import time
from collections.abc import Iterable, Mapping

FILE = "arrivals.json"
DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def today(environ: Mapping[str, str] = os.environ) -> str:
    """The day a new source is recorded as added: SOURCE_DATE_EPOCH's day when set, else today (UTC)."""
    epoch = environ.get("SOURCE_DATE_EPOCH", "").strip()
    seconds = int(epoch) if epoch.isdigit() else time.time()
    return time.strftime("%Y-%m-%d", time.gmtime(seconds))


def assign(previous: Mapping[str, str], ids: Iterable[str], day: str) -> dict[str, str]:
    """Every present source's day added: the recorded one, or `day` for a source not yet recorded.
    A source no longer in seeds/ is dropped (added again later, it is new again). Pure."""
    return {sid: previous.get(sid, day) for sid in sorted(ids)}


def parse(data: bytes) -> dict[str, str]:
    """arrivals.json's record; ValueError when it is not a JSON object of ids to ISO days."""
    record = json.loads(data.decode("utf-8"))
    if not isinstance(record, dict):
        raise ValueError("not a JSON object of source ids to days")
    for sid, day in record.items():
        if not isinstance(day, str) or not DAY.fullmatch(day):
            raise ValueError(f"{sid}: {day!r} is not a day (YYYY-MM-DD)")
    return record


def dump(record: Mapping[str, str]) -> bytes:
    """The record as written: one source per line, sorted by id, so that its diffs read well."""
    return (json.dumps(dict(sorted(record.items())), indent=0, ensure_ascii=False) + "\n").encode("utf-8")
