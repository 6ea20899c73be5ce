"""The bounds that keep a run's time, memory and output in proportion to
what a user would call its input.

stratlint runs on files strangers write. Each bound below turns an input
that would otherwise cost minutes, gigabytes or a flood of output into one
clear finding or a shortened quote; the README's "Security" section lists
them for users.

- :data:`DEFAULT_MAX_FILE_SIZE`: a file (or standard input) larger than
  this is not parsed; it is one SL001 finding. ``--max-file-size``
  changes it.
- :data:`MAX_VALUES`: a plan may hold this many values (every text,
  number, list and mapping written in it); more is one SL001 finding,
  found before any value is built.
- The alias budget (:data:`stratlint.document.loader.MAX_ALIAS_EXPANSION`)
  counts a text reached through an alias by its size, one value for every
  :data:`ALIAS_TEXT_UNIT` characters.
- :data:`EXCERPT`: a message quotes at most this many characters of a
  value (:func:`excerpt` here, :func:`stratlint.checks.helpers.quote` in
  rules' messages, which also lists at most five values of a list); any
  placeholder of a message fills at most :data:`MESSAGE_VALUE`
  characters.
- Vocabularies read at most the first 10,000 characters of a value
  (:mod:`stratlint.checks.vocabulary`).
"""
from __future__ import annotations

#: bytes; ``--max-file-size`` takes megabytes of 1,000,000 bytes
MEGABYTE = 1_000_000
DEFAULT_MAX_FILE_SIZE = 20 * MEGABYTE
#: values a plan may hold (the 10 MB benchmark plan holds about 800,000)
MAX_VALUES = 2_000_000
#: characters of aliased text that count as one value of the alias budget
ALIAS_TEXT_UNIT = 100
#: characters of one value a message quotes
EXCERPT = 80
#: characters one placeholder of a message may fill (a list of quoted values, say)
MESSAGE_VALUE = 500


def excerpt(text: str, limit: int = EXCERPT) -> str:
    """``text``, or its first characters and ``...`` when it is longer than ``limit``."""
    return text if len(text) <= limit else text[:max(limit - 3, 0)] + "..."


def megabytes(size: int) -> str:
    """A size as a user reads it: ``52.4 MB``."""
    return f"{size / MEGABYTE:,.1f} MB".replace(".0 MB", " MB")
