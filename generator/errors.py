"""The generator's exceptions; cli.py turns them into messages without tracebacks."""


class BriefingError(Exception):
    """Base class for every error the generator reports to a user."""


class ConfigError(BriefingError):
    """briefing.yml (or a file it names) is missing or invalid."""

    def __init__(self, problems: list[str]):
        self.problems = list(problems)
        super().__init__("\n".join(self.problems))


class StrictError(BriefingError):
    """Problems were found and --strict turns them into a failure."""


class OutputError(BriefingError):
    """The renderer refused to write (for example over a hand-written page)."""


class SearchIndexError(BriefingError):
    """Pagefind could not index the built site."""
