"""The located document: plain values plus where each one stands in the file.

A strategy file is parsed once, with PyYAML's ``compose()`` (the libyaml C
parser where it is installed), into a node graph that carries a start and
an end mark for every node. From it we build plain Python values (dicts,
lists, str, int, float, bool, None; dates become ISO strings, as in JSON)
that the schema and the rules read, and we keep the node graph itself as
the index from JSON Pointer to source span: nothing is copied, and a span
is only computed for the few pointers that findings name.

Loading is safe by construction: values are built here, from the tags of
the YAML 1.1 core types only, so a ``!!python/...`` tag or any other
unknown tag is refused and nothing a file says is ever executed. Merge
keys (``<<``) are resolved, duplicate keys are recorded (the last value
wins, as in every YAML loader), a value reached through several aliases is
built once and shared, and a document whose aliases would expand to far
more values than it holds (a "billion laughs" bomb) is refused.
"""
from __future__ import annotations

import datetime
import gc
import re
from dataclasses import dataclass, field

import yaml
from yaml.constructor import ConstructorError, SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from stratlint.findings import TOP, Span
from stratlint.document.pointer import from_parts, split

try:  # libyaml: the same nodes and marks, at C speed
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]


class _Loader(_BaseLoader):  # type: ignore[misc, valid-type]
    """The safe loader, also reading JSON's exponent numbers (1e3) as numbers."""


_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^[-+]?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?[eE][-+]?[0-9]+$"),
    list("-+0123456789"),
)

#: A JSON surrogate-pair escape (json.dumps writes emoji so), which libyaml refuses.
_SURROGATE_PAIR = re.compile(r"(?<!\\)((?:\\\\)*)\\u(d[89ab][0-9a-f]{2})\\u(d[c-f][0-9a-f]{2})", re.I)

_TAG = "tag:yaml.org,2002:"
STR, INT, FLOAT, BOOL, NULL, TIMESTAMP = (_TAG + t for t in ("str", "int", "float", "bool", "null", "timestamp"))
SEQ, MAP, MERGE = _TAG + "seq", _TAG + "map", _TAG + "merge"

#: How deep collections may nest. A plan is a handful of levels deep.
MAX_DEPTH = 100
#: How many values aliases may add beyond those written in the file.
MAX_ALIAS_EXPANSION = 100_000

_scalars = SafeConstructor()


class LoadError(Exception):
    """The file is not a YAML document stratlint can read (finding SL001)."""

    def __init__(self, message: str, line: int = 1, column: int = 1, kind: str = "syntax") -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column
        #: "empty" (nothing but comments or white space), "root" (not a
        #: mapping), or "syntax" (anything else): callers other than the
        #: plan check word these in their own terms.
        self.kind = kind


@dataclass(frozen=True, slots=True)
class DuplicateKey:
    pointer: str  # pointer of the mapping member that is repeated
    key: str
    span: Span  # the second (or later) occurrence of the key
    first_line: int


@dataclass(frozen=True, slots=True)
class BadKey:
    """A mapping key that is not text (a list or a mapping)."""

    pointer: str  # pointer of the mapping
    span: Span
    kind: str


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
    texts: list[tuple[tuple, str]] = field(default_factory=list)
    _lines: list[str] | None = None
    _hash_spans: list[Span] | None = None

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
                pair = _member(node, token)
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
            return TOP, found
        if at == "key" and key_node is not None:
            return self.node_span(key_node), found
        return self.node_span(node), found

    def node_span(self, node: Node) -> Span:
        start = node.start_mark
        end = _last_mark(node)
        end_line, end_column = end.line, end.column
        if end_column == 0 and end_line > start.line:
            # A block scalar or collection ends at the start of the next
            # line; report the end of its last line of text instead.
            end_line -= 1
            lines = self.lines
            while end_line > start.line and (end_line >= len(lines) or not lines[end_line].strip()):
                end_line -= 1
            end_column = len(lines[end_line]) if end_line < len(lines) else 0
        return Span(start.line + 1, start.column + 1, end_line + 1, end_column + 1)

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
        return any((s.line, s.column) <= (line, column) < (s.end_line, s.end_column) for s in self._hash_spans)

    @property
    def lines(self) -> list[str]:
        if self._lines is None:
            self._lines = self.source.splitlines()
        return self._lines


def _member(mapping: MappingNode, key: str) -> tuple[Node, Node] | None:
    """The last explicit ``key`` of a mapping, else the first merged one."""
    found = None
    merges: list[Node] = []
    for k, v in mapping.value:
        if k.tag == MERGE:
            merges.append(v)
        elif isinstance(k, ScalarNode) and k.value == key:
            found = (k, v)
    if found is not None:
        return found
    for source in merges:
        for m in source.value if isinstance(source, SequenceNode) else [source]:
            if isinstance(m, MappingNode):
                pair = _member(m, key)
                if pair is not None:
                    return pair
    return None


def _last_mark(node: Node):
    """The end of a node; a block collection ends where its last child does."""
    while isinstance(node, (MappingNode, SequenceNode)) and not node.flow_style and node.value:
        last = node.value[-1]
        node = last[1] if isinstance(node, MappingNode) else last
    return node.end_mark


def _mark_span(mark) -> Span:
    return Span(mark.line + 1, mark.column + 1, mark.line + 1, mark.column + 1)


def compose(text: str) -> Node:
    """Compose one YAML document into nodes, or raise :class:`LoadError`."""
    if not text.strip():
        raise LoadError("the file is empty", kind="empty")
    if _may_nest_deeper(text, MAX_DEPTH):
        _check_depth(text)  # refuse before libyaml's own limits or its recursion can answer
    gc_was_enabled = gc.isenabled()
    gc.disable()  # the node graph is many small acyclic objects
    try:
        try:
            root = yaml.compose(text, Loader=_Loader)
        except yaml.MarkedYAMLError as exc:
            if "escape" not in str(exc.problem) or not _SURROGATE_PAIR.search(text):
                raise
            # JSON writes characters beyond U+FFFF as two \u escapes; YAML wants one \U.
            root = yaml.compose(_SURROGATE_PAIR.sub(_join_pair, text), Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "invalid YAML"
        if exc.problem == "but found another document":
            problem = "the file holds more than one document; a plan is one document"
        elif exc.context and exc.problem:
            problem = f"{exc.problem} ({exc.context})"
        raise LoadError(problem, (mark.line + 1) if mark else 1, (mark.column + 1) if mark else 1) from None
    except yaml.YAMLError as exc:
        raise LoadError(str(exc).splitlines()[0] if str(exc) else "invalid YAML") from None
    except RecursionError:
        raise LoadError(f"the document nests too deeply (more than {MAX_DEPTH} levels)") from None
    finally:
        if gc_was_enabled:
            gc.enable()
    if root is None or (isinstance(root, ScalarNode) and root.tag == NULL and root.value == ""):
        raise LoadError("the file holds only comments; a plan is a mapping such as 'version: 1'", kind="empty")
    return root


def _join_pair(m: re.Match) -> str:
    high, low = int(m.group(2), 16), int(m.group(3), 16)
    return f"{m.group(1)}\\U{0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00):08X}"


_BRACKETS = re.compile(r"[\[\]{}]")
_LEADING = re.compile(r"^[ \t?:-]+", re.M)


def _may_nest_deeper(text: str, limit: int) -> bool:
    """A cheap upper bound on nesting: open brackets, plus the longest run
    of indentation and block indicators that starts a line."""
    lead = max(map(len, _LEADING.findall(text)), default=0)
    if text.count("[") + text.count("{") + lead <= limit:
        return False
    depth = deepest = 0
    for bracket in _BRACKETS.findall(text):
        depth += 1 if bracket in "[{" else -1
        if depth > deepest:
            deepest = depth
            if deepest + lead > limit:
                return True
    return False


def _check_depth(text: str) -> None:
    """Refuse a document that nests deeper than MAX_DEPTH, at the first
    collection too deep.

    The parser's events are walked, which does not recurse. libyaml is
    tried first for speed; its scanner looks ahead and, from libyaml 0.2.5
    on, stops at its own nesting limit before the first event of a long
    line is out, so when it fails the pure-Python parser (which has no
    such limit) decides: the same message and place on every libyaml.
    """
    try:
        _walk_depth(text, _Loader)
    except yaml.YAMLError:
        try:
            _walk_depth(text, yaml.SafeLoader)
        except yaml.YAMLError:
            return  # compose will report the syntax error at its place


def _walk_depth(text: str, loader: type) -> None:
    depth = 0
    for event in yaml.parse(text, Loader=loader):
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            depth += 1
            if depth > MAX_DEPTH:
                mark = event.start_mark
                raise LoadError(f"the document nests more than {MAX_DEPTH} levels deep",
                                mark.line + 1, mark.column + 1)
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            depth -= 1


def load(text: str) -> LocatedDocument:
    """Parse ``text`` into a :class:`LocatedDocument`, or raise :class:`LoadError`."""
    root = compose(text)
    if not isinstance(root, MappingNode):
        kind = "a list" if isinstance(root, SequenceNode) else "a single value"
        raise LoadError(
            f"the plan is {kind}, not a mapping of keys such as 'version:' and 'name:'",
            root.start_mark.line + 1, root.start_mark.column + 1, kind="root",
        )
    builder = _Builder()
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        data = builder.build(root, (), 0)
    finally:
        if gc_was_enabled:
            gc.enable()
    return LocatedDocument(data, root, text, builder.duplicates, builder.bad_keys, builder.texts)


class _Builder:
    """Builds plain values from nodes, each node once."""

    def __init__(self) -> None:
        self.values: dict[int, object] = {}
        self.building: set[int] = set()
        self.expanded = 0  # values as the data holds them, aliases expanded
        self.aliased = 0  # values that aliases add to those written in the file
        self.sizes: dict[int, int] = {}
        self.duplicates: list[DuplicateKey] = []
        self.bad_keys: list[BadKey] = []
        self.texts: list[tuple[tuple, str]] = []

    def build(self, node: Node, path: tuple, depth: int) -> object:
        """The value of ``node``; ``path`` is ``(parent path, token)``, turned
        into a pointer only for the rare node that needs reporting."""
        if node.__class__ is ScalarNode:  # most nodes: no memo, an alias to text is cheap
            self.expanded += 1
            if node.tag == STR:
                self.texts.append((path, node.value))
                return node.value
            value = _scalar(node)
            if value.__class__ is str:  # a date, or a number too long to convert
                self.texts.append((path, value))
            return value
        key = id(node)
        if key in self.values:
            self.expanded += self.sizes[key]
            self.aliased += self.sizes[key]
            if self.aliased > MAX_ALIAS_EXPANSION:
                raise LoadError(
                    f"aliases expand to more than {MAX_ALIAS_EXPANSION:,} values; "
                    "the file looks like an alias bomb",
                    node.start_mark.line + 1, node.start_mark.column + 1,
                )
            return self.values[key]
        if key in self.building:
            raise LoadError("an alias refers to the value that contains it (a recursive alias)",
                            node.start_mark.line + 1, node.start_mark.column + 1)
        if depth >= MAX_DEPTH:  # the root is level 1, at depth 0
            raise LoadError(f"the document nests more than {MAX_DEPTH} levels deep",
                            node.start_mark.line + 1, node.start_mark.column + 1)
        before = self.expanded
        self.expanded += 1
        self.building.add(key)
        if isinstance(node, SequenceNode):
            if node.tag != SEQ:
                raise _unsupported(node)
            value: object = [self.build(child, (path, i), depth + 1) for i, child in enumerate(node.value)]
        elif isinstance(node, MappingNode):
            if node.tag != MAP:
                raise _unsupported(node)
            value = self._mapping(node, path, depth)
        else:  # pragma: no cover - compose() makes no other kind of node
            raise _unsupported(node)
        self.building.discard(key)
        self.values[key] = value
        self.sizes[key] = self.expanded - before
        return value

    def _mapping(self, node: MappingNode, path: tuple, depth: int) -> dict:
        out: dict = {}
        first_line: dict[str, int] = {}
        merged: dict = {}
        for k, v in node.value:
            if k.__class__ is not ScalarNode:
                kind = "a list" if isinstance(k, SequenceNode) else "a mapping"
                self.bad_keys.append(BadKey(path_pointer(path), _node_span(k), kind))
                continue
            if k.tag == MERGE:
                self._merge(v, path, depth, merged)
                continue
            name = k.value
            if name in first_line:
                member = path_pointer((path, name))
                self.duplicates.append(DuplicateKey(member, name, _node_span(k), first_line[name]))
                del out[name]  # the last value wins, and takes the last place
            else:
                first_line[name] = k.start_mark.line + 1
            out[name] = self.build(v, (path, name), depth + 1)
        if merged:
            for name, value in merged.items():
                out.setdefault(name, value)
        return out

    def _merge(self, source: Node, path: tuple, depth: int, merged: dict) -> None:
        """Merge ``<<: *a`` or ``<<: [*a, *b]``; earlier sources win, explicit keys win."""
        sources = source.value if isinstance(source, SequenceNode) else [source]
        for m in sources:
            if not isinstance(m, MappingNode):
                raise LoadError("a merge key '<<' takes a mapping or a list of mappings",
                                m.start_mark.line + 1, m.start_mark.column + 1)
            value = self.build(m, path, depth + 1)
            for name, item in value.items():
                merged.setdefault(name, item)


def path_pointer(path: tuple) -> str:
    """``(((), 'kpis'), 0)`` -> ``/kpis/0``."""
    tokens = []
    while path:
        path, token = path
        tokens.append(str(token).replace("~", "~0").replace("/", "~1"))
    return "".join("/" + t for t in reversed(tokens))


def _node_span(node: Node) -> Span:
    s, e = node.start_mark, node.end_mark
    return Span(s.line + 1, s.column + 1, e.line + 1, e.column + 1)


def _unsupported(node: Node) -> LoadError:
    tag = node.tag
    if tag.startswith(_TAG):
        tag = "!!" + tag[len(_TAG):]
    return LoadError(f"unsupported tag '{tag}'; a plan uses plain YAML values only",
                     node.start_mark.line + 1, node.start_mark.column + 1)


def _scalar(node: ScalarNode) -> object:
    tag = node.tag
    if tag == STR:
        return node.value
    if tag == NULL:
        return None
    try:
        if tag == INT:
            return _scalars.construct_yaml_int(node)
        if tag == FLOAT:
            return _scalars.construct_yaml_float(node)
        if tag == BOOL:
            return _scalars.construct_yaml_bool(node)
        if tag == TIMESTAMP:
            value = _scalars.construct_yaml_timestamp(node)
            if isinstance(value, datetime.datetime):
                return value.isoformat()
            return value.isoformat()
    except (ValueError, OverflowError, ConstructorError):
        # e.g. 2027-02-30 or a number too long to convert: keep the text,
        # and let the schema say what is wrong with it.
        return node.value
    raise _unsupported(node)
