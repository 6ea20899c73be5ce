"""Path patterns: ``exclude``, ``per-file-ignores`` and ``.gitignore`` files,
all in gitignore's glob syntax, matched by pathspec.

The syntax is git's: ``*`` and ``?`` stay in one folder or file name,
``[12]`` and ``[!a-z]`` are character classes, ``**`` spans folders, a
pattern with no ``/`` but at its end matches a name at any depth, one with
a ``/`` is relative to its base folder, a trailing ``/`` matches folders
only (and so everything in them), ``!`` re-includes, ``\\`` escapes.

**Bounded matching.** pathspec compiles a pattern to a Python regular
expression, and Python's matcher backtracks: ``*a*a*a*a*a*a*a*a*a*ab``
against a 40-character name takes minutes. So before compiling, a pattern
is normalised and bounded (:func:`bounded`):

- a run of ``*`` is collapsed as git reads it (``a***b`` is ``a*b``, a
  folder of ``***`` is ``**``);
- at most :data:`MAX_STARS` ``*`` in one folder or file name;
- at most :data:`MAX_DOUBLE_STARS` ``**`` in the pattern, counting the
  implicit one in front of a pattern that matches at any depth (a
  trailing ``/**`` is free: it only says "everything in this folder").

With those bounds the regular expression has one quantifier that crosses
``/`` and, within any one name, at most two that compete; matching a path
then costs at most (number of ``/`` in the path) x (pattern length) x
(name length)^2 steps: linear in the path's length, with a constant the
pattern and the file system's limit on a name (255) bound. A pattern over
the bounds is refused with a :class:`PatternError` that says why; the
config reports it at its line, a ``.gitignore`` at its file and line.
"""
from __future__ import annotations

from dataclasses import dataclass

MAX_STARS = 2
MAX_DOUBLE_STARS = 1


class PatternError(ValueError):
    """A pattern that cannot be matched in bounded time (or cannot be read)."""


def _segments(pattern: str) -> list[list[str]]:
    """The pattern split at unescaped ``/`` outside character classes, each
    folder as a list of tokens: ``*``, or one literal character, escape or class."""
    segments: list[list[str]] = [[]]
    i, n = 0, len(pattern)
    while i < n:
        c = pattern[i]
        if c == "\\" and i + 1 < n:
            segments[-1].append(pattern[i:i + 2])
            i += 2
        elif c == "[":
            end = _class_end(pattern, i)
            segments[-1].append(pattern[i:end])
            i = end
        elif c == "/":
            segments.append([])
            i += 1
        else:
            segments[-1].append(c)
            i += 1
    return segments


def _class_end(pattern: str, start: int) -> int:
    """The index after the ``]`` closing the class at ``start``, or start + 1
    when there is none (the ``[`` is then a literal)."""
    i = start + 1
    if i < len(pattern) and pattern[i] in "!^":
        i += 1
    if i < len(pattern) and pattern[i] == "]":
        i += 1
    while i < len(pattern):
        if pattern[i] == "\\":
            i += 2
            continue
        if pattern[i] == "]":
            return i + 1
        i += 1
    return start + 1


def bounded(pattern: str) -> str:
    """``pattern`` with its runs of ``*`` collapsed, or a :class:`PatternError`
    when it holds more wildcards than :data:`MAX_STARS` and
    :data:`MAX_DOUBLE_STARS` allow. A leading ``!`` is kept."""
    negated = pattern.startswith("!")
    body = pattern[1:] if negated else pattern
    segments = _segments(body)
    out: list[str] = []
    double = 0
    for number, tokens in enumerate(segments):
        collapsed: list[str] = []
        for token in tokens:
            if token == "*" and collapsed and collapsed[-1] == "*":
                continue
            collapsed.append(token)
        whole_star = bool(tokens) and all(t == "*" for t in tokens)
        if whole_star and len(tokens) >= 2:
            last = number == len(segments) - 1
            if not (last and number > 0):  # a trailing /** only says "everything in this folder"
                double += 1
            out.append("**")
            continue
        stars = collapsed.count("*")
        if stars > MAX_STARS:
            raise PatternError(f"'{pattern}' has {stars} '*' in one name; use at most {MAX_STARS}")
        out.append("".join(collapsed))
    core = segments[:-1] if len(segments) > 1 and not segments[-1] else segments  # a trailing '/': folders only
    anchored = len(core) > 1  # a '/' at the start or in the middle ties the pattern to its folder
    if not anchored and out and out[0] != "**":
        double += 1  # matches at any depth: an implicit leading **/
    if double > MAX_DOUBLE_STARS:
        raise PatternError(f"'{pattern}' has {double} '**' (a pattern with no '/' counts as starting with '**/'); "
                           f"use at most {MAX_DOUBLE_STARS}, for instance a folder pattern such as 'drafts/'")
    return ("!" if negated else "") + "/".join(out)


def _spec(lines: list[str]):
    import pathspec

    try:
        return pathspec.GitIgnoreSpec.from_lines(lines)
    except ValueError as exc:  # pathspec's own pattern errors
        raise PatternError(str(exc)) from None


@dataclass(frozen=True)
class Patterns:
    """An ordered list of gitignore patterns, relative to one folder: the last
    pattern that matches a path decides (a ``!`` pattern re-includes)."""

    lines: tuple[str, ...]

    @classmethod
    def compile(cls, patterns) -> "Patterns":
        """Raise :class:`PatternError` (naming the pattern) for one over the bounds."""
        kept = tuple(bounded(p) for p in patterns)
        patterns = cls(kept)
        object.__setattr__(patterns, "_spec", _spec(list(kept)) if kept else None)  # pathspec loads only if needed
        return patterns

    def decide(self, path: str, is_dir: bool = False) -> bool | None:
        """True if the last pattern matching ``path`` (relative, with '/')
        includes it, False if it is a ``!`` pattern, None if none matches."""
        if not self.lines:
            return None
        rel = path.strip("/") + ("/" if is_dir else "")
        result = self._spec.check_file(rel)
        if is_dir and result.include and self.lines[result.index].rstrip("/").endswith("/**"):
            # 'archive/**' matches what is in the folder, not the folder (as in git): walk
            # into it, so that a later '!archive/keep.strategy.yaml' can take a file back
            return None
        return result.include

    def match(self, path: str, is_dir: bool = False) -> bool:
        return bool(self.decide(path, is_dir))


class FilePattern:
    """One ``per-file-ignores`` pattern: gitignore syntax, relative to the
    config's folder; ``!pattern`` matches every file that ``pattern`` does not
    (as in ruff)."""

    def __init__(self, pattern: str) -> None:
        self.pattern = pattern
        self.negated = pattern.startswith("!")
        self._patterns = Patterns.compile([pattern[1:] if self.negated else pattern])

    def match(self, path: str) -> bool:
        return self._patterns.match(path) != self.negated
