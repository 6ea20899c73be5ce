"""stratlint: a linter for marketing strategy files."""

__version__ = "0.1.0"
