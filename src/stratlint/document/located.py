"""The located document: a plan's plain values plus where each one stands.

:func:`stratlint.document.loader.load` builds it. The node graph PyYAML
composed is kept as the index from JSON Pointer to source span: nothing
is copied, and a span is only computed for the few pointers that
findings name.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from stratlint.document.pointer import from_parts, split
from stratlint.document.positions import MarkPositions, split_lines
from stratlint.findings import TOP, Span

_TAG = "tag:yaml.org,2002:"
MERGE = _TAG + "merge"

@dataclass(frozen=True, slots=True)
class DuplicateKey:
    pointer: str  # pointer of the mapping member that is repeated
    key: str
    span: Span  # the second (or later) occurrence of the key
    first_line: int
    first: Span | None = None  # the first occurrence of the key


@dataclass(frozen=True, slots=True)
class BadKey:
    """A mapping key that is not text (a list or a mapping)."""

    pointer: str  # pointer of the mapping
    span: Span
    kind: str


class Texts:
    """A plan's text values in document order, each with its path
    (``(parent path, token)``, as :func:`stratlint.document.pointer.from_path`
    reads it). A large plan has hundreds of thousands of texts, so they are
    kept in three lists rather than as a pair of tuples each."""

    __slots__ = ("parents", "tokens", "values")

    def __init__(self) -> None:
        self.parents: list[tuple] = []
        self.tokens: list[str | int] = []
        self.values: list[str] = []

    def add(self, path: tuple, value: str) -> None:
        self.parents.append(path[0])
        self.tokens.append(path[1])
        self.values.append(value)

    def path(self, index: int) -> tuple:
        return self.parents[index], self.tokens[index]

    def __len__(self) -> int:
        return len(self.values)


@dataclass(slots=True)
class LocatedDocument:
    """Plain data plus the node graph it was built from."""

    data: object
    root: Node
    source: str
    duplicate_keys: list[DuplicateKey] = field(default_factory=list)
    bad_keys: list[BadKey] = field(default_factory=list)
    #: every text value (not keys) with its path, in document order; a text
    #: reached through an alias appears at each place it is reached
    texts: "Texts" = field(default_factory=lambda: Texts())
    _lines: list[str] | None = None
    _hash_spans: list[Span] | None = None
    _hash_starts: list[tuple[int, int]] | None = None
    _positions: MarkPositions | None = None
    #: each mapping's members by key, built when first looked into
    _members: dict = field(default_factory=dict)

    # -- pointers to nodes -------------------------------------------------

    def locate(self, pointer: str) -> tuple[Node | None, Node | None, str]:
        """Return ``(key_node, value_node, pointer_found)`` for ``pointer``.

        Walks from the root and stops at the nearest existing ancestor when
        the pointer goes further than the document does.
        """
        key_node: Node | None = None
        node: Node = self.root
        found: list[str] = []
        for token in split(pointer):
            if isinstance(node, MappingNode):
                pair = _member(node, token, self._members)
                if pair is None:
                    break
                key_node, node = pair
            elif isinstance(node, SequenceNode):
                if not token.isdigit() or int(token) >= len(node.value):
                    break
                key_node, node = None, node.value[int(token)]
            else:
                break
            found.append(token)
        return key_node, node, from_parts(found)

    def span(self, pointer: str, at: str = "value") -> Span:
        """The span of the node at ``pointer`` (or of its key, ``at="key"``).

        The root is "the top level", line 1 column 1. A pointer that goes
        past the document is located at its nearest existing ancestor.
        """
        return self.resolve(pointer, at)[0]

    def resolve(self, pointer: str, at: str = "value") -> tuple[Span, str]:
        """``(span, pointer found)``: the span as :meth:`span` gives it, and
        the pointer of the node it belongs to (the nearest existing one)."""
        key_node, node, found = self.locate(pointer)
        if not found:
            return self.top_span(), found
        if at == "key" and key_node is not None:
            return self.node_span(key_node), found
        span = self.node_span(node)
        if (span.line, span.column) == (span.end_line, span.end_column):  # an empty value (``key:``)
            span = Span(span.line, span.column, span.line, span.column + 1)  # one column: never an empty region
        return span, found

    def top_span(self) -> Span:
        """Where findings about the whole plan stand: line 1, column 1, to the
        end of line 1 (a region a reader can see, never an empty one)."""
        first, more = _first_line(self.source)  # not self.lines: a large plan has no need to be split
        first = first.rstrip()
        return Span(1, 1, 1, len(first) + 1) if first else Span(1, 1, 2, 1) if more else TOP

    def node_span(self, node: Node) -> Span:
        if self._positions is None:
            self._positions = MarkPositions(self.source)
        start_line, start_column = self._positions.of(node.start_mark)
        end_line, end_column = self._positions.of(_last_mark(node))
        if end_column == 0 and end_line > start_line:
            # A block scalar or collection ends at the start of the next
            # line; report the end of its last line of text instead.
            end_line -= 1
            lines = self.lines
            while end_line > start_line and (end_line >= len(lines) or not lines[end_line].strip()):
                end_line -= 1
            end_column = len(lines[end_line]) if end_line < len(lines) else 0
        return Span(start_line + 1, start_column + 1, end_line + 1, end_column + 1)

    def in_value(self, line: int, column: int) -> bool:
        """Whether a 1-based position falls inside a scalar that holds a '#'
        (so a '#' there is text, not the start of a comment)."""
        if self._hash_spans is None:
            self._hash_spans = []
            stack, seen = [self.root], set()
            while stack:
                node = stack.pop()
                if id(node) in seen:
                    continue
                seen.add(id(node))
                if isinstance(node, ScalarNode):
                    if "#" in node.value:
                        self._hash_spans.append(self.node_span(node))
                elif isinstance(node, MappingNode):
                    stack.extend(n for pair in node.value for n in pair)
                else:
                    stack.extend(node.value)
            # Scalars do not overlap: the one that may hold a place is the
            # last to start at or before it (found by bisection, so that a
            # file of many comments and many '#' values costs no more than
            # a sort).
            self._hash_spans.sort()
            self._hash_starts = [(s.line, s.column) for s in self._hash_spans]
        i = bisect.bisect_right(self._hash_starts, (line, column)) - 1
        return i >= 0 and (line, column) < self._hash_spans[i][2:]

    @property
    def lines(self) -> list[str]:
        if self._lines is None:
            self._lines = split_lines(self.source)
        return self._lines


#: where a line ends, as :func:`stratlint.document.positions.split_lines` counts
_LINE_BREAK = re.compile("\r\n|[\r\n]")


def _first_line(text: str) -> tuple[str, bool]:
    """``split_lines(text)[0]`` (or "") and whether more lines follow, without splitting the rest."""
    found = _LINE_BREAK.search(text)
    if found is None:
        return text, False
    return text[:found.start()], found.end() < len(text)


def _member(mapping: MappingNode, key: str, index: dict | None = None) -> tuple[Node, Node] | None:
    """The last explicit ``key`` of a mapping, else the first merged one.

    ``index`` (a dict kept by the caller) keeps each mapping's members by
    key once it has been looked into, so that a plan with many keys, each
    with a finding, costs time in proportion to its size rather than to its
    square."""
    members = index.get(id(mapping)) if index is not None else None
    if members is None:
        members = _index(mapping)
        if index is not None:
            index[id(mapping)] = members
    found, merges = members[0].get(key), members[1]
    if found is not None:
        return found
    for source in merges:
        for m in source.value if isinstance(source, SequenceNode) else [source]:
            if isinstance(m, MappingNode):
                pair = _member(m, key, index)
                if pair is not None:
                    return pair
    return None


def _index(mapping: MappingNode) -> tuple[dict[str, tuple[Node, Node]], list[Node]]:
    members: dict[str, tuple[Node, Node]] = {}
    merges: list[Node] = []
    for k, v in mapping.value:
        if k.tag == MERGE:
            merges.append(v)
        elif isinstance(k, ScalarNode):
            members[k.value] = (k, v)  # the last one wins
    return members, merges


def _last_mark(node: Node):
    """The end of a node; a block collection ends where its last child does."""
    while isinstance(node, (MappingNode, SequenceNode)) and not node.flow_style and node.value:
        last = node.value[-1]
        node = last[1] if isinstance(node, MappingNode) else last
    return node.end_mark


def raw_span(node: Node, positions: MarkPositions | None = None) -> Span:
    """The span from a node's start mark to its end mark, as PyYAML gives
    them (placed as editors count lines when ``positions`` is given)."""
    if positions is None:
        s, e = node.start_mark, node.end_mark
        return Span(s.line + 1, s.column + 1, e.line + 1, e.column + 1)
    (sl, sc), (el, ec) = positions.of(node.start_mark), positions.of(node.end_mark)
    return Span(sl + 1, sc + 1, el + 1, ec + 1)
