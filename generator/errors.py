"""The generator's problems and exceptions; cli.py turns them into messages without tracebacks."""

from __future__ import annotations


class Problem(str):
    """Something wrong with one input, reported in one line that names it: 'seeds/x.odt: not a seed;
    skipped', 'briefing.yml: themes.border: duplicate theme id'. Its parts are kept (path, key,
    message), from the loader that finds it to the CLI that prints it; it is also the str of that
    line, so it prints, sorts and compares as the line a reader sees."""

    path: str  # the file, as the reader knows it: seeds/x.txt, briefing.yml, docs/themes/x.md
    key: str  # where in the file, for a configuration or a sidecar ("themes.border"), else ""
    message: str

    def __new__(cls, path: str, message: str, key: str = "") -> Problem:
        line = super().__new__(cls, f"{path}: {key}: {message}" if key else f"{path}: {message}")
        line.path, line.key, line.message = path, key, message
        return line

    def __reduce__(self):  # worker processes send sources (and their problems) back to the build
        return (Problem, (self.path, self.message, self.key))


class BriefingError(Exception):
    """Base class for every error the generator reports to a user."""


class ConfigError(BriefingError):
    """briefing.yml (or a file it names) is missing or invalid."""

    def __init__(self, problems: list[Problem] | list[str]):
        self.problems = list(problems)
        super().__init__("\n".join(self.problems))


class StrictError(BriefingError):
    """Problems were found and --strict turns them into a failure."""


class OutputError(BriefingError):
    """The renderer refused to write (for example over a hand-written page)."""


class SearchIndexError(BriefingError):
    """Pagefind could not index the built site."""
