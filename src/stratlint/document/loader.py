"""Loading a strategy file: text in, a :class:`LocatedDocument` out.

A file is parsed once, with PyYAML's ``compose()`` (the libyaml C parser
where it is installed), into a node graph that carries a start and an end
mark for every node. From it we build plain Python values (dicts, lists,
str, int, float, bool, None; dates become ISO strings, as in JSON) that
the schema and the rules read.

Loading is safe by construction: values are built here, from the tags of
the YAML 1.1 core types only, so a ``!!python/...`` tag or any other
unknown tag is refused and nothing a file says is ever executed. Merge
keys (``<<``) are resolved, duplicate keys are recorded (the last value
wins, as in every YAML loader), a value reached through several aliases is
built once and shared, and a document whose aliases would expand to far
more values than it holds (a "billion laughs" bomb) is refused, as is one
that nests deeper than :data:`MAX_DEPTH`, or that holds more than
:data:`stratlint.limits.MAX_VALUES` values (found by a walk over the
parser's events, before any node is built).

An explicit core tag on a value that is not of its type (``!!int ""``,
``!!timestamp nope``, ``!!bool maybe``) is refused at the value. Every
position is placed as editors count lines (:mod:`.positions`).
"""
from __future__ import annotations

import operator
import re
from functools import lru_cache
from itertools import accumulate, count

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from stratlint.document.located import _TAG, MERGE, BadKey, DuplicateKey, LocatedDocument, Texts, raw_span
from stratlint.document.pointer import from_path
from stratlint.document.positions import MarkPositions, clamp, offset_position, split_lines, utf8_offset_to_index
from stratlint.document.resolver import CachedResolver
from stratlint.limits import ALIAS_TEXT_UNIT, MAX_VALUES, MESSAGE_VALUE, excerpt

try:  # libyaml: the same nodes and marks, at C speed
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]

#: libyaml's reader reports a refused character at a byte offset, PyYAML's at a character index
_C_READER = _BaseLoader.__name__.startswith("C")


class Loader(CachedResolver, _BaseLoader):  # type: ignore[misc, valid-type]
    """The safe loader, also reading JSON's exponent numbers (1e3) as numbers;
    plain scalars' tags are cached (:mod:`stratlint.document.resolver`)."""


Loader.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^[-+]?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?[eE][-+]?[0-9]+$"),
    list("-+0123456789"),
)

#: A JSON surrogate-pair escape (json.dumps writes emoji so), which libyaml refuses.
_SURROGATE_PAIR = re.compile(r"(?<!\\)((?:\\\\)*)\\u(d[89ab][0-9a-f]{2})\\u(d[c-f][0-9a-f]{2})", re.I)

STR, INT, FLOAT, BOOL, NULL, TIMESTAMP = (_TAG + t for t in ("str", "int", "float", "bool", "null", "timestamp"))
SEQ, MAP = _TAG + "seq", _TAG + "map"


#: How deep collections may nest. A plan is a handful of levels deep.
MAX_DEPTH = 100
#: How many values aliases may add beyond those written in the file; a
#: text counts one more for every ALIAS_TEXT_UNIT characters it holds.
MAX_ALIAS_EXPANSION = 100_000

_scalars = SafeConstructor()


class LoadError(Exception):
    """The file is not a YAML document stratlint can read (finding SL001)."""

    def __init__(self, message: str, line: int = 1, column: int = 1, kind: str = "syntax",
                 index: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column
        #: "empty" (nothing but comments or white space), "root" (not a
        #: mapping), or "syntax" (anything else): callers other than the
        #: plan check word these in their own terms.
        self.kind = kind
        #: the character offset the parser gave, to place the error as editors count lines
        self.index = index

    @classmethod
    def at(cls, message: str, mark, kind: str = "syntax") -> "LoadError":
        """An error at a parser's mark (placed by :func:`_placed` once the text is known)."""
        return cls(message, mark.line + 1, mark.column + 1, kind, mark.index)


def _placed(error: LoadError, text: str) -> LoadError:
    """``error`` at the line and column an editor shows, never past the end of the text."""
    line, column = error.line, error.column
    if error.index is not None:
        positions = MarkPositions(text)
        if not positions.exact:
            line, column = (n + 1 for n in positions.of_index(error.index))
    error.line, error.column = clamp(text, line, column)
    if error.kind == "syntax" and "\t" in text:
        lines = split_lines(text)
        here = lines[error.line - 1] if error.line <= len(lines) else ""
        indent = here[:len(here) - len(here.lstrip(" \t"))]
        if "\t" in indent and error.column <= len(indent) + 1:
            error.message = "a tab indents this line; YAML indents with spaces only"
            error.args = (error.message,)
    return error


def compose(text: str) -> Node:
    """Compose one YAML document into nodes, or raise :class:`LoadError`."""
    if not text.strip():
        raise LoadError("the file is empty", kind="empty")
    try:
        return _compose(text)
    except LoadError as exc:
        raise _placed(exc, text) from None


def _compose(text: str) -> Node:
    if _may_nest_deeper(text, MAX_DEPTH) or _may_hold_more(text, MAX_VALUES):
        _prescan(text)  # refuse before libyaml's own limits, its recursion or the nodes' memory can answer
    try:
        try:
            root = yaml.compose(text, Loader=Loader)
        except yaml.MarkedYAMLError as exc:
            if "escape" not in str(exc.problem) or not _SURROGATE_PAIR.search(text):
                raise
            # JSON writes characters beyond U+FFFF as two \u escapes; YAML wants one \U.
            root = yaml.compose(_SURROGATE_PAIR.sub(_join_pair, text), Loader=Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "invalid YAML"
        if exc.problem == "but found another document":
            problem = "the file holds more than one document; a plan is one document"
        elif exc.context and exc.problem:
            problem = f"{exc.problem} ({exc.context})"
        problem = excerpt(problem, MESSAGE_VALUE)  # an undefined alias's name, say, can be long
        raise (LoadError.at(problem, mark) if mark else LoadError(problem)) from None
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow (a control character)
        index = utf8_offset_to_index(text, exc.position) if _C_READER else exc.position
        raise LoadError(str(exc).splitlines()[0], *offset_position(text, index)) from None
    except yaml.YAMLError as exc:
        raise LoadError(excerpt(str(exc).splitlines()[0], MESSAGE_VALUE) if str(exc) else "invalid YAML") from None
    except RecursionError:
        raise LoadError(f"the document nests too deeply (more than {MAX_DEPTH} levels)") from None
    if root is None or (isinstance(root, ScalarNode) and root.tag == NULL and root.value == ""):
        raise LoadError("the file holds only comments; a plan is a mapping such as 'version: 1'", kind="empty")
    return root


def _join_pair(m: re.Match) -> str:
    high, low = int(m.group(2), 16), int(m.group(3), 16)
    return f"{m.group(1)}\\U{0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00):08X}"


#: a bracket as one byte, an opening one 2 and a closing one 0 (its step, +1 or -1, plus 1); other bytes go
_BRACKET_STEPS = bytes.maketrans(b"[{]}", b"\x02\x02\x00\x00")
_NOT_BRACKETS = bytes(b for b in range(256) if b not in b"[]{}")
#: a value starts a line or follows one of these (an upper bound on the values a text holds)
_VALUE_STARTS = "\n\r\x85\u2028\u2029-:,[{?"


def _may_nest_deeper(text: str, limit: int) -> bool:
    """A cheap upper bound on nesting: how deep the brackets go (a closing
    one never takes the count below zero), plus the longest run of
    indentation and block indicators that starts a line.

    Computed in C, as the largest running sum of the brackets' steps and a
    search for a long enough run: plans in flow style hold hundreds of
    brackets, and one in block style none."""
    steps = text.encode("utf-8", "surrogatepass").translate(_BRACKET_STEPS, _NOT_BRACKETS)
    depths = list(map(operator.sub, accumulate(steps), count(1)))  # +1 per opening bracket, -1 per closing one
    # a closing bracket in quoted text may come first: depth counts from the lowest point reached so far
    lows = accumulate(depths, min, initial=0)
    deepest = max(0, max(map(operator.sub, depths, lows), default=0))
    lead = limit - deepest + 1  # a line that starts with this long a run goes past the limit
    return lead <= 0 or _leading_run(lead).search("\n" + text) is not None


@lru_cache(maxsize=64)
def _leading_run(length: int) -> re.Pattern:
    """A line that starts with ``length`` spaces, tabs or block indicators (?, :, -); YAML
    also ends a line at CR, NEL, LS and PS."""
    return re.compile("[\n\r\x85\u2028\u2029][ \t?:-]{%d}" % length)


def _may_hold_more(text: str, limit: int) -> bool:
    """Whether ``text`` could hold more than ``limit`` values: every value
    starts the text or a line, or follows an indicator or a separator."""
    if len(text) <= limit:
        return False
    return 1 + sum(text.count(ch) for ch in _VALUE_STARTS) > limit


def _prescan(text: str) -> None:
    """Refuse a document that nests deeper than MAX_DEPTH or holds more
    than MAX_VALUES values, at the first value too many.

    The parser's events are walked, which neither recurses nor builds
    nodes. libyaml is tried first for speed; its scanner looks ahead and,
    from libyaml 0.2.5 on, stops at its own nesting limit before the first
    event of a long line is out, so when that is why it fails the
    pure-Python parser (which has no such limit) decides: the same message
    and place on every libyaml. Any other error is compose's to report.
    """
    try:
        _walk_depth(text, Loader)
    except yaml.YAMLError as exc:
        if "nesting depth" not in str(exc):
            return
        try:
            _walk_depth(text, yaml.SafeLoader)
        except yaml.YAMLError:
            return  # compose will report the syntax error at its place


def _walk_depth(text: str, loader: type) -> None:
    depth = values = 0
    for event in yaml.parse(text, Loader=loader):
        kind = event.__class__
        if kind is yaml.ScalarEvent:
            values += 1
        elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
            values += 1
            depth += 1
            if depth > MAX_DEPTH:
                raise LoadError.at(f"the document nests more than {MAX_DEPTH} levels deep", event.start_mark)
        elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
            depth -= 1
        else:
            continue
        if values > MAX_VALUES:
            raise LoadError.at(f"the file holds more than {MAX_VALUES:,} values; a plan holds far fewer",
                               event.start_mark)


def load(text: str) -> LocatedDocument:
    """Parse ``text`` into a :class:`LocatedDocument`, or raise :class:`LoadError`."""
    root = compose(text)
    if not isinstance(root, MappingNode):
        kind = "a list" if isinstance(root, SequenceNode) else "a single value"
        raise LoadError(
            f"the plan is {kind}, not a mapping of keys such as 'version:' and 'name:'",
            *(n + 1 for n in MarkPositions(text).of(root.start_mark)), kind="root",
        )
    positions = MarkPositions(text)
    builder = _Builder(positions)
    try:
        data = builder.build(root, (), 0)
    except LoadError as exc:
        raise _placed(exc, text) from None
    return LocatedDocument(data, root, text, builder.duplicates, builder.bad_keys, builder.texts,
                           _positions=positions)


class _Builder:
    """Builds plain values from nodes, each node once."""

    def __init__(self, positions: MarkPositions) -> None:
        self.positions = positions
        self.values: dict[int, object] = {}
        self.building: set[int] = set()
        self.expanded = 0  # values as the data holds them, aliases expanded
        self.aliased = 0  # values that aliases add to those written in the file
        self.sizes: dict[int, int] = {}
        self.duplicates: list[DuplicateKey] = []
        self.bad_keys: list[BadKey] = []
        self.texts = Texts()
        self.long_texts: set[int] = set()  # texts of ALIAS_TEXT_UNIT characters or more, built once

    def _aliased(self, weight: int, node: Node) -> None:
        self.aliased += weight
        if self.aliased > MAX_ALIAS_EXPANSION:
            raise LoadError.at(f"aliases expand to more than {MAX_ALIAS_EXPANSION:,} values; "
                               "the file looks like an alias bomb", node.start_mark)

    def build(self, node: Node, path: tuple, depth: int) -> object:
        """The value of ``node``; ``path`` is ``(parent path, token)``, turned
        into a pointer only for the rare node that needs reporting."""
        if node.__class__ is ScalarNode:  # most nodes: no memo, an alias to short text is cheap
            value = node.value if node.tag == STR else _scalar(node)
            if value.__class__ is str:  # text, a date, or a number too long to convert
                self.texts.add(path, value)
                if len(value) >= ALIAS_TEXT_UNIT:  # long text reached again counts by its size
                    weight = 1 + len(value) // ALIAS_TEXT_UNIT
                    self.expanded += weight
                    if id(node) in self.long_texts:
                        self._aliased(weight, node)
                    self.long_texts.add(id(node))
                    return value
            self.expanded += 1
            return value
        key = id(node)
        if key in self.values:
            self.expanded += self.sizes[key]
            self._aliased(self.sizes[key], node)
            return self.values[key]
        if key in self.building:
            raise LoadError.at("an alias refers to the value that contains it (a recursive alias)", node.start_mark)
        if depth >= MAX_DEPTH:  # the root is level 1, at depth 0
            raise LoadError.at(f"the document nests more than {MAX_DEPTH} levels deep", node.start_mark)
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
        first_key: dict[str, Node] = {}
        merged: dict = {}
        for k, v in node.value:
            if k.__class__ is not ScalarNode:
                kind = "a list" if isinstance(k, SequenceNode) else "a mapping"
                self.bad_keys.append(BadKey(from_path(path), raw_span(k, self.positions), kind))
                continue
            if k.tag == MERGE:
                self._merge(v, path, depth, merged)
                continue
            name = k.value
            if name in first_key:
                member, first = from_path((path, name)), first_key[name]
                self.duplicates.append(DuplicateKey(member, name, raw_span(k, self.positions),
                                                    self.positions.of(first.start_mark)[0] + 1,
                                                    raw_span(first, self.positions)))
                del out[name]  # the last value wins, and takes the last place
            else:
                first_key[name] = k
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
                raise LoadError.at("a merge key '<<' takes a mapping or a list of mappings", m.start_mark)
            value = self.build(m, path, depth + 1)
            for name, item in value.items():
                merged.setdefault(name, item)


def _unsupported(node: Node) -> LoadError:
    return LoadError.at(f"unsupported tag '{_short(node.tag)}'; a plan uses plain YAML values only", node.start_mark)


def _short(tag: str) -> str:
    return "!!" + tag[len(_TAG):] if tag.startswith(_TAG) else tag


_CONSTRUCT = {
    INT: _scalars.construct_yaml_int,
    FLOAT: _scalars.construct_yaml_float,
    BOOL: _scalars.construct_yaml_bool,
    TIMESTAMP: lambda node: _scalars.construct_yaml_timestamp(node).isoformat(),  # a date or a date and time
}
_EXPECTED = {INT: "a whole number such as 42", FLOAT: "a number such as 2.5", BOOL: "true or false",
             TIMESTAMP: "a date such as 2027-03-31"}


def _scalar(node: ScalarNode) -> object:
    tag = node.tag
    if tag == STR:
        return node.value
    if tag == NULL:
        return None
    construct = _CONSTRUCT.get(tag)
    if construct is None:
        raise _unsupported(node)
    try:
        return construct(node)
    except Exception:  # PyYAML's constructors raise ValueError, IndexError, KeyError... on text of another type
        if _resolves_to(node.value, tag):
            # Plain text of that type that cannot be converted (2027-02-30,
            # a number too long): keep the text, and let the schema say
            # what is wrong with it.
            return node.value
        raise LoadError.at(f"'{excerpt(node.value, 40)}' is not a valid {_short(tag)}: the tag asks for "
                           f"{_EXPECTED[tag]}; correct the value or remove the tag", node.start_mark) from None


_resolver: list = []


def _resolves_to(value: str, tag: str) -> bool:
    """Whether plain, untagged ``value`` would be read as ``tag``."""
    if not _resolver:
        _resolver.append(Loader(""))
    return _resolver[0].resolve(ScalarNode, value, (True, False)) == tag
