"""Reading configuration files (briefing.yml, gazetteer.yml and what they include): YAML from a
regular file of bounded size, and the checks every mapping in them gets. Problems are collected, never
raised one by one: each check reports through `problem(key, text)` and says whether it passed.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from generator.errors import Problem
from generator.untrusted import Unreadable, read_regular, scrub

ID_RE = re.compile(r"[a-z0-9][a-z0-9-]*\Z")  # \Z: "$" would let a final newline through


def read_yaml(path: Path) -> Any:
    """A configuration file, read as the seeds are (a regular file, capped), without control characters."""
    if not path.exists() and not path.is_symlink():
        raise FileNotFoundError(path)
    return scrub(yaml.safe_load(read_regular(path, CONFIG_MAX).decode("utf-8-sig")))[0]


CONFIG_MAX = 50 * 10**6  # a gazetteer of many thousand names is a few MB


def included(value: Any, path: Path, key: str, problems: list[str]) -> tuple[Any, str]:
    """A section given inline, or as the name of a YAML file beside briefing.yml."""
    if not isinstance(value, str):
        return value, f"{path.name}: {key}"
    included = path.parent / value
    try:
        return read_yaml(included), included.name
    except FileNotFoundError:
        problems.append(Problem(path.name, f"{key}: {value} not found"))
    except Unreadable as exc:
        problems.append(Problem(value, f"{exc}"))
    except (OSError, yaml.YAMLError, UnicodeDecodeError, ValueError, TypeError) as exc:
        problems.append(Problem(value, f"not valid YAML: {exc}"))
    return None, value


def entry_name(item: Any, n: int, section: str, name_key: str, expected: str, problem) -> str | None:
    """Where the n-th entry of a list (themes, entities) is named in messages: `section.<its name>`
    when it has one, else `section[n]`. None, with a message, when the entry is not a mapping."""
    if not isinstance(item, dict):
        problem(f"{section}[{n}]", f"expected a mapping with {expected}")
        return None
    name = item.get(name_key)
    return f"{section}.{name}" if isinstance(name, str) else f"{section}[{n}]"


def known_keys(item: dict, known: set[str], where: str, problem) -> bool:
    """One message per unknown key (any YAML key: a number too); where="" for the top of a file."""
    for key in sorted(set(item) - known, key=str):
        problem(f"{where}.{key}" if where else str(key), f"unknown key; known keys: {', '.join(sorted(known))}")
    return not set(item) - known


def texts(item: dict, keys: tuple[str, ...], where: str, problem) -> bool:
    """Each key holds a non-empty string; one message per key that does not."""
    ok = True
    for key in keys:
        if not isinstance(item.get(key), str) or not item[key].strip():
            problem(f"{where}.{key}", "expected a non-empty string")
            ok = False
    return ok


def optional_text(item: dict, key: str, where: str, problem) -> bool:
    """Is item[key] text, or absent? Reports it when not."""
    if isinstance(item.get(key, ""), str):
        return True
    problem(f"{where}.{key}", "expected a string")
    return False
