"""Vocabularies: lists of words and phrases that rules look for in text.

How a vocabulary matches (the rule catalog's contract, docs/rules.md):

- whole words, case-insensitive; a word ends at any character that is not
  a letter or a digit (an apostrophe too: ``d'abonnés`` holds ``abonnés``);
- accents are folded: ``abonnes`` matches ``abonnés``, ``beitrage``
  matches ``Beiträge``, ``ß`` reads as ``ss``, and a typographic
  apostrophe as ``'``;
- a run of white space or hyphens is one separator, so ``follow-back``
  matches ``follow back``;
- an entry in the singular also matches its regular plural (+s, +es,
  y -> ies) on its last word; an entry ending in ``s`` (but not ``ss``,
  ``us`` or ``is``) is a plural and matches only itself, so ``shares``
  does not match ``market share``;
- only the first :data:`MAX_CHARS` characters of a value are read (a
  word cut at that point is not read), so a huge value costs no more
  than a long one.

A vocabulary is a list of entries, or one list per language (``{en: [...],
fr: [...]}``); a plan's top-level ``language`` picks the list, English
when the vocabulary has none for it (:func:`localize`).

Matching cannot backtrack: text and entries are first folded to one
canonical form (the separators become one space); a match starts where a
word of the text is the first word of an entry's form, found with
``str.find``, and the form is compared there (:class:`Vocabulary`). A
vocabulary with a form that starts with a character other than a letter
or a digit is matched with one regular expression made only of escaped
literals and alternation between two look-arounds, with no quantifier.
No user input becomes regex syntax, and matching takes time in
proportion to the text and the matches.
"""
from __future__ import annotations

import bisect
import re
import unicodedata
from functools import lru_cache

#: characters of a value that are read; the rest is not (documented in docs/rules.md)
MAX_CHARS = 10_000
#: the language a plan is read in when it names none
DEFAULT_LANGUAGE = "en"
LANGUAGE_TAG = re.compile(r"^([A-Za-z]{2,3})(?:-[A-Za-z0-9]{1,8})*$")

_SEPARATORS = re.compile(r"[\s\-\u2010\u2011]+")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u00b4": "'"})
_WORD_START = r"(?<![^\W_])"  # not preceded by a letter or digit
_WORD_END = r"(?![^\W_])"  # not followed by a letter or digit
_SENTENCE_END = re.compile(r"[.!?;:](?= |$)")
_RUN = re.compile(r"[^\W_]+")  # a run of letters and digits


def cut(text: str) -> str:
    """The part of ``text`` that is read: its first MAX_CHARS characters,
    without a word cut in two at the end."""
    if len(text) <= MAX_CHARS:
        return text
    head = text[:MAX_CHARS]
    if text[MAX_CHARS].isalnum():
        while head and head[-1].isalnum():
            head = head[:-1]
    return head


def fold(text: str) -> str:
    """``text`` in the form vocabularies compare: read part only, accents
    removed, case folded, one apostrophe, each run of separators one space."""
    return _fold(cut(text))


@lru_cache(maxsize=1024)  # a plan's names are read by several rules; keys are at most MAX_CHARS long
def _fold(text: str) -> str:
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c))
    return _SEPARATORS.sub(" ", text.casefold().translate(_APOSTROPHES)).strip()


@lru_cache(maxsize=1024)
def _runs(folded: str) -> frozenset:
    """The runs of letters and digits of a folded text: a vocabulary none of
    whose entries starts with one of them cannot match, and is not searched."""
    return frozenset(_RUN.findall(folded))


def is_plural(word: str) -> bool:
    w = word.lower()
    return w.endswith("s") and not w.endswith(("ss", "us", "is"))


def _inflections(word: str) -> list[str]:
    if is_plural(word) or not word[-1:].isalpha():
        return [word]
    forms = [word, word + "s", word + "es"]
    if word.endswith("y") and len(word) > 1:
        forms.append(word[:-1] + "ies")
    return forms


def _entry_forms(entry: str) -> list[str]:
    words = fold(entry).split(" ")
    if not words or not words[0]:
        return []
    head = " ".join(words[:-1])
    return [f"{head} {last}" if head else last for last in _inflections(words[-1])]


class Vocabulary:
    """A compiled vocabulary. ``find_all`` returns the entries that matched.

    A match is what one regular expression would find, scanning left to
    right: the forms (:func:`_entry_forms`) as alternatives, longest first,
    each between word boundaries; matches do not overlap. When every form
    starts with a letter or a digit, which is every shipped one, a match
    starts where a whole run of letters and digits of the text is the first
    run of a form (its head): the heads are looked for with ``str.find``
    and the forms compared there, which gives the same matches without
    compiling a pattern (compiling one costs milliseconds, at every start).
    A vocabulary with a form that starts otherwise is matched with that
    regular expression (:meth:`_pattern`), made only of escaped literals.
    """

    __slots__ = ("entries", "_regex", "_forms", "_groups", "_heads", "_by_head")

    def __init__(self, entries: list[str] | tuple[str, ...]) -> None:
        self.entries = tuple(entries)
        forms: dict[str, str] = {}  # folded form -> the entry it comes from (the first one)
        for entry in self.entries:
            if isinstance(entry, str):
                for form in _entry_forms(entry):
                    forms.setdefault(form, entry)
        # longest first, so that a phrase wins over a word it starts with
        ordered = sorted(forms, key=len, reverse=True)
        self._forms = ordered
        self._groups = [forms[f] for f in ordered]
        self._regex: re.Pattern | None = None
        # each form's first run of letters and digits, when the form starts with it
        by_head: dict[str, list[tuple[str, str]]] = {}
        for form in ordered:
            head = _RUN.match(form)
            if head is None:  # a form that starts with another character: the regular expression decides
                by_head = {}
                break
            by_head.setdefault(head.group(0), []).append((form, forms[form]))
        self._by_head = by_head or None
        self._heads = frozenset(by_head) if by_head else None

    def _pattern(self) -> re.Pattern:
        if self._regex is None:
            body = "|".join(f"(?P<g{i}>{re.escape(f)})" for i, f in enumerate(self._forms))
            self._regex = re.compile(f"{_WORD_START}(?:{body}){_WORD_END}")
        return self._regex

    def _matches(self, folded: str) -> list[tuple[int, int, str]]:
        """``(start, end, entry)`` of each match in a :func:`fold`-ed text, left to right."""
        if not self._forms:
            return []
        if self._by_head is None:
            return [(m.start(), m.end(), self._groups[int(m.lastgroup[1:])]) for m in self._pattern().finditer(folded)]
        runs = _runs(folded)
        if self._heads.isdisjoint(runs):  # most texts: no word of the text starts a form
            return []
        heads = self._heads.intersection(runs)
        starts = []  # (where a run of the text that is a head starts, the head)
        for head in heads:
            at = folded.find(head)
            while at >= 0:
                if at == 0 or not folded[at - 1].isalnum():
                    starts.append((at, head))
                at = folded.find(head, at + 1)
        starts.sort()
        found: list[tuple[int, int, str]] = []
        after = 0  # matches do not overlap
        for at, head in starts:
            if at < after:
                continue
            for form, entry in self._by_head[head]:
                end = at + len(form)
                if folded.startswith(form, at) and (end == len(folded) or not folded[end].isalnum()):
                    found.append((at, end, entry))
                    after = end
                    break
        return found

    def matches(self, text: object) -> bool:
        if not self._forms or not isinstance(text, str):
            return False
        folded = _fold(text if len(text) <= MAX_CHARS else cut(text))  # fold(text), one call fewer
        if self._heads is not None and self._heads.isdisjoint(_runs(folded)):
            return False  # the usual answer, without building a list of matches
        return bool(self._matches(folded))

    def find_all(self, text: object) -> list[str]:
        """The entries found in ``text``, in the order they first appear."""
        if not self._forms or not isinstance(text, str):
            return []
        found: list[str] = []
        for _, _, entry in self._matches(fold(text)):
            if entry not in found:
                found.append(entry)
        return found

    def spans(self, folded: str) -> list[tuple[int, int]]:
        """``(start, end)`` of each match in text already :func:`fold`-ed."""
        return [(start, end) for start, end, _ in self._matches(folded)]


def near(text: object, first: Vocabulary, second: Vocabulary, within: int,
         not_after: Vocabulary | None = None) -> bool:
    """Whether a match of ``first`` and one of ``second`` stand in one
    sentence, in either order, with at most ``within`` words between them.

    A match of either directly after a word of ``not_after`` does not
    count ("customers who bought" is not buying, "whoever likes" no likes). A sentence ends at
    ``.``, ``!``, ``?``, ``;`` or ``:`` before a space or the end.
    """
    if not isinstance(text, str):
        return False
    folded = fold(text)
    a, b = first.spans(folded), second.spans(folded)
    if not a or not b:
        return False
    spaces = [i for i, c in enumerate(folded) if c == " "]
    ends = [m.start() for m in _SENTENCE_END.finditer(folded)]

    def word(pos: int) -> int:  # index of the word at a character position
        return bisect.bisect_right(spaces, pos)

    def sentence(pos: int) -> int:
        return bisect.bisect_left(ends, pos)

    if not_after is not None:
        before = {end for _, end in not_after.spans(folded)}
        a = [(s, e) for s, e in a if s - 1 not in before]
        b = [(s, e) for s, e in b if s - 1 not in before]
    # (first word, last word, sentence) of each match; matches of one
    # vocabulary do not overlap, so the nearest of ``a`` on each side of a
    # match of ``b`` is enough: linear in the number of matches (times log)
    first = [(word(s), word(e - 1), sentence(s)) for s, e in a]
    starts = [f for f, _, _ in first]
    for s, e in b:
        f2, l2, s2 = word(s), word(e - 1), sentence(s)
        i = bisect.bisect_left(starts, f2)
        for f1, l1, s1 in first[max(0, i - 1):i + 1]:
            gap = f2 - l1 - 1 if f1 <= f2 else f1 - l2 - 1
            if s1 == s2 and gap <= within:
                return True
    return False


@lru_cache(maxsize=1024)
def compile_vocabulary(entries: tuple[str, ...]) -> Vocabulary:
    return Vocabulary(entries)


def plan_language(plan: object) -> str:
    """The language a plan is read in: the primary subtag of its top-level
    ``language`` (``fr-CA`` reads as ``fr``), else English. A value the
    schema rejects is read as no value."""
    value = plan.get("language") if isinstance(plan, dict) else None
    if isinstance(value, str):
        m = LANGUAGE_TAG.match(value.strip())
        if m:
            return m.group(1).lower()
    return DEFAULT_LANGUAGE


def entries_for(vocabulary: object, language: str) -> list:
    """The entries of a vocabulary (a list, or one list per language) for ``language``."""
    if isinstance(vocabulary, dict):
        chosen = vocabulary.get(language)
        if chosen is None:
            chosen = vocabulary.get(DEFAULT_LANGUAGE, [])
        return list(chosen)
    return list(vocabulary or [])


_LOCALIZED: dict[tuple[int, str], tuple[dict, dict]] = {}


def localize(options: dict, language: str) -> dict:
    """``options`` with each vocabulary given per language reduced to the
    list for ``language`` (English when it has none). The result is kept
    for the same options and language, so that every file of a run sees
    the same lists (and their compiled vocabularies are reused)."""
    vocabs = options.get("vocabularies")
    if not isinstance(vocabs, dict) or not any(isinstance(v, dict) for v in vocabs.values()):
        return options
    key = (id(options), language)
    kept = _LOCALIZED.get(key)
    if kept is not None and kept[0] is options:
        return kept[1]
    if len(_LOCALIZED) > 512:
        _LOCALIZED.clear()
    localized = {**options, "vocabularies": {name: entries_for(v, language) for name, v in vocabs.items()}}
    _LOCALIZED[key] = (options, localized)  # holds the options, so their id is not reused meanwhile
    return localized
