"""Vocabularies: lists of words and phrases that rules look for in text.

The matching rules are part of the rule catalog's contract (RULES.md):

- whole words, case-insensitive; a word ends at any character that is not
  a letter or a digit;
- a run of white space or hyphens is one separator, so ``follow-back``
  matches ``follow back``;
- an entry in the singular also matches its regular plural (+s, +es,
  y -> ies) on its last word; an entry ending in ``s`` (but not ``ss``,
  ``us`` or ``is``) is a plural and matches only itself, so ``shares``
  does not match ``market share``;
- accents count (``cafe`` does not match ``café``); text and entries are
  compared in Unicode NFC form, so a precomposed and a decomposed ``é``
  are the same letter.

A vocabulary compiles to one regular expression made only of escaped
literals, alternation and separator classes: no user input becomes regex
syntax, and matching is linear in the length of the text.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_SEPARATOR = r"[\s\-]+"
_WORD_START = r"(?<![^\W_])"  # not preceded by a letter or digit
_WORD_END = r"(?![^\W_])"  # not followed by a letter or digit


def is_plural(word: str) -> bool:
    w = word.lower()
    return w.endswith("s") and not w.endswith(("ss", "us", "is"))


def _inflections(word: str) -> list[str]:
    if is_plural(word) or not word[-1:].isalpha():
        return [word]
    forms = [word, word + "s", word + "es"]
    if word.lower().endswith("y") and len(word) > 1:
        forms.append(word[:-1] + "ies")
    return forms


def _entry_pattern(entry: str) -> str | None:
    words = [w for w in re.split(_SEPARATOR, unicodedata.normalize("NFC", entry.strip())) if w]
    if not words:
        return None
    head = _SEPARATOR.join(re.escape(w) for w in words[:-1])
    last = "(?:" + "|".join(re.escape(f) for f in sorted(_inflections(words[-1]), key=len, reverse=True)) + ")"
    return (head + _SEPARATOR + last) if head else last


class Vocabulary:
    """A compiled vocabulary. ``find_all`` returns the entries that matched."""

    __slots__ = ("entries", "_regex", "_groups")

    def __init__(self, entries: list[str] | tuple[str, ...]) -> None:
        self.entries = tuple(entries)
        patterns = []
        self._groups: list[str] = []
        for entry in self.entries:
            p = _entry_pattern(entry)
            if p is not None:
                patterns.append(f"(?P<g{len(self._groups)}>{p})")
                self._groups.append(entry)
        if patterns:
            body = "|".join(patterns)
            self._regex = re.compile(f"{_WORD_START}(?:{body}){_WORD_END}", re.IGNORECASE)
        else:
            self._regex = None

    def matches(self, text: object) -> bool:
        if self._regex is None or not isinstance(text, str):
            return False
        return self._regex.search(unicodedata.normalize("NFC", text)) is not None

    def find_all(self, text: object) -> list[str]:
        """The entries found in ``text``, in the order they first appear."""
        if self._regex is None or not isinstance(text, str):
            return []
        found: list[str] = []
        for m in self._regex.finditer(unicodedata.normalize("NFC", text)):
            entry = self._groups[int(m.lastgroup[1:])]
            if entry not in found:
                found.append(entry)
        return found


@lru_cache(maxsize=512)
def compile_vocabulary(entries: tuple[str, ...]) -> Vocabulary:
    return Vocabulary(entries)
