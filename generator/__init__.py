"""Static briefing-site generator: seeds → source and theme pages → MkDocs site."""

__version__ = "0.1.0"
