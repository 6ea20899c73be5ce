"""Inserting missing sections into a plan without changing a byte of it.

``check --fix`` must never lose a word of a plan, so it does not load the
plan, change the data and dump it again: even ruamel.yaml's round-trip
dump reformats some things (flow mappings, long lines, the indentation of
sequences, odd quoting). Instead each addition is a piece of text inserted
into the original:

1. *Where*: the plan is parsed with stratlint's loader (PyYAML nodes with
   marks) and its event stream; the events give the end of each
   collection's last value, which nodes alone cannot when that value is an
   alias. A key added to a block mapping becomes new lines after the
   mapping's last value, at the column of its keys. At the top level a
   section goes where PLAN_FORMAT.md's order puts it (``audience`` after
   ``objectives``), after the end of the section before it, so comments
   that introduce the next section stay with it; a blank line is added
   where sections are separated by blank lines, and a last section goes
   at the end of the file. A key whose value is empty (``review:``) gets
   its value on new lines below it.
2. *What*: the fragment is rendered by ruamel.yaml (block style, with the
   plan's own indentation step and sequence-dash offset, line width
   unlimited), so quoting is correct YAML whatever the text.
3. *Flow collections*: a block of lines cannot go inside ``{...}`` or
   ``[...]``; the safe alternative is to insert ``, key: value`` right
   after the collection's last value, on its line (or just after ``{`` or
   ``[`` when empty). That line is changed, but only by insertion: every
   original character stays, in order. JSON plans get JSON-style pairs.
4. *Verification*: the new text is parsed again with stratlint's loader
   and with ruamel.yaml in round-trip mode, and both must give exactly
   the old data plus the additions, nothing else (a section shared through
   an alias or a merge key would change elsewhere, and is refused). A
   batch that fails is retried one request at a time; a request that
   still fails is not applied.

Nothing is ever removed or replaced: a key written with a value that is
blank (``""``), ``null`` or ``~`` would have to be rewritten, so it is
reported as not fixable instead.
"""
from __future__ import annotations

import io
import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from stratlint.document import LoadError, LocatedDocument, load
from stratlint.document.loader import MERGE, NULL, Loader
from stratlint.document.pointer import human
from stratlint.document.values import is_empty

#: Line breaks as the YAML parsers count them (lines of marks).
_BREAK = re.compile("\r\n|[\n\r\x85\u2028\u2029]")


class NotFixable(Exception):
    """A request, or a whole file, that cannot be changed safely; the message says why."""


class _Unverified(Exception):
    """The edited text does not hold exactly the old data plus the additions."""


@dataclass(frozen=True)
class Request:
    """Add the keys of ``add`` to the mapping at ``path`` (created if absent)."""

    path: tuple[str, ...]
    add: dict


@dataclass(frozen=True)
class Addition:
    """A key given a value: ``path`` is the key's path in the data."""

    path: tuple
    value: Any

    @property
    def where(self) -> str:
        return human(self.path)


@dataclass
class Outcome:
    text: str
    additions: list[list[Addition]]  # per request
    reasons: list[str | None]  # per request: why it was not applied


def scaffold(text: str, requests: list[Request]) -> Outcome:
    """Apply ``requests`` to ``text``; raise :class:`NotFixable` for a file
    that cannot be edited at all (it does not parse, repeats a key...)."""
    old = _Plan.read(text)
    try:
        return _attempt(old, requests)
    except _Unverified as exc:
        if len(requests) == 1:
            return Outcome(text, [[]], [str(exc)])
    additions: list[list[Addition]] = []
    reasons: list[str | None] = []
    for request in requests:  # one at a time, each verified on the text so far
        try:
            outcome = _attempt(old, [request])
        except _Unverified as exc:
            additions.append([])
            reasons.append(str(exc))
            continue
        if outcome.text != old.text:
            old = _Plan.read(outcome.text)
        additions.append(outcome.additions[0])
        reasons.append(outcome.reasons[0])
    return Outcome(old.text, additions, reasons)


@dataclass
class _Plan:
    """A plan's text, its located document and its ruamel.yaml data."""

    text: str
    doc: LocatedDocument
    _ruamel: Any = None

    @classmethod
    def read(cls, text: str) -> _Plan:
        try:
            doc = load(text)
        except LoadError as exc:
            raise NotFixable(f"the file is not a plan stratlint can read ({exc.message})") from None
        if doc.duplicate_keys:
            dup = doc.duplicate_keys[0]
            raise NotFixable(f"the file repeats the key '{dup.key}' (line {dup.span.line}); fix that first")
        if doc.bad_keys:
            raise NotFixable("the file has a key that is a list or a mapping; fix that first")
        return cls(text, doc)

    @property
    def ruamel(self):
        if self._ruamel is None:
            try:
                self._ruamel = _plain(_ruamel_loader().load(self.text))
            except Exception as exc:  # ruamel's errors have no common base worth naming
                raise NotFixable(f"ruamel.yaml cannot read the file ({type(exc).__name__})") from None
        return self._ruamel


def _attempt(old: _Plan, requests: list[Request]) -> Outcome:
    editor = _Editor(old)
    reasons: list[str | None] = [None] * len(requests)
    groups: dict[int, _Group] = {}
    for i, request in enumerate(requests):
        try:
            node, key, parent, path, rest = editor.descend(request.path)
            tree = _nest(rest, request.add)
        except NotFixable as exc:
            reasons[i] = str(exc)
            continue
        group = groups.setdefault(id(node), _Group(node, key, parent, path))
        _merge(group.tree, tree)
        group.members.append((i, tree))
    per_request: list[list[Addition]] = [[] for _ in requests]
    for group in groups.values():
        try:
            added, failures = editor.plan(group)
        except NotFixable as exc:
            for i, _ in group.members:
                reasons[i] = str(exc)
            continue
        for i, tree in group.members:
            per_request[i] = [a for a in added if _claims(tree, a.path[len(group.path):])]
            if not per_request[i]:
                reasons[i] = next((why for where, why in failures if _claims(tree, where[len(group.path):])), None)
    if not editor.edits:
        return Outcome(old.text, per_request, reasons)
    new_text = editor.apply()
    _verify(old, new_text, [a for g in per_request for a in g])
    return Outcome(new_text, per_request, reasons)


@dataclass
class _Group:
    node: Node
    key: Node | None
    parent: Node | None
    path: list
    tree: dict = field(default_factory=dict)
    members: list = field(default_factory=list)


def _nest(rest: list[str], add: dict) -> dict:
    tree = add
    for token in reversed(rest):
        tree = {token: tree}
    return tree


def _merge(into: dict, tree: dict) -> None:
    for key, value in tree.items():
        if key not in into:
            into[key] = value
        elif isinstance(into[key], dict) and isinstance(value, dict):
            into[key] = dict(into[key])
            _merge(into[key], value)


def _claims(tree: Any, rel: tuple) -> bool:
    for token in rel:
        if not isinstance(tree, dict) or token not in tree:
            return False
        tree = tree[token]
    return True


class _Editor:
    def __init__(self, plan: _Plan) -> None:
        self.text = plan.text
        self.doc = plan.doc
        self.nl = "\r\n" if "\r\n" in self.text else "\n"
        self.starts = [0] + [m.end() for m in _BREAK.finditer(self.text)]
        try:
            self.ends = _content_ends(self.text)
        except yaml.YAMLError:
            raise NotFixable("the file's YAML events cannot be read") from None
        self.step, self.dash = _indentation(self.doc.root)
        self.json = bool(getattr(self.doc.root, "flow_style", False))
        self.edits: list[tuple[int, int, int, str]] = []  # (offset, -depth, order, text)

    # -- finding the place --------------------------------------------------

    def descend(self, tokens: tuple[str, ...]):
        """The deepest existing node on ``tokens``: ``(node, its key, its
        parent, data path, tokens left)``."""
        node: Node = self.doc.root
        key = parent = None
        path: list = []
        for i, token in enumerate(tokens):
            if isinstance(node, MappingNode):
                pair = _explicit(node, token)
                if pair is None:
                    return node, key, parent, path, list(tokens[i:])
                parent, (key, node) = node, pair
                path.append(token)
            elif isinstance(node, SequenceNode):
                if not token.isdigit() or int(token) >= len(node.value):
                    raise NotFixable(f"{human(path) or 'the plan'} has no item {token}")
                parent, key, node = node, None, node.value[int(token)]
                path.append(int(token))
            else:
                return node, key, parent, path, list(tokens[i:])
        return node, key, parent, path, []

    def plan(self, group: _Group) -> tuple[list[Addition], list[tuple[tuple, str]]]:
        """The additions for one group, and ``(path, reason)`` for each key
        that cannot be added (the other keys are added all the same)."""
        added: list[Addition] = []
        failures: list[tuple[tuple, str]] = []
        if isinstance(group.node, MappingNode):
            data = _data_at(self.doc.data, group.path)
            self._into_mapping(group.node, group.path, group.tree, data, added, failures)
        elif group.key is not None and isinstance(group.parent, MappingNode):
            self._fill(group.parent, group.key, group.node, group.path, group.tree, added)
        else:
            raise NotFixable(f"{human(group.path) or 'the plan'} is not a mapping; fix it by hand")
        return added, failures

    def _into_mapping(self, node: MappingNode, path: list, tree: dict, data: Any, added: list,
                      failures: list) -> None:
        missing = {}
        for key, value in tree.items():
            present = data.get(key) if isinstance(data, dict) else None
            pair = _explicit(node, key)
            try:
                if pair is None:
                    if not is_empty(present):
                        if isinstance(value, dict) and isinstance(present, dict) and _lacks(present, value):
                            raise NotFixable(f"'{human(path + [key])}' comes from a merge key (<<); "
                                             "add it there by hand")
                        continue
                    missing[key] = value
                    continue
                key_node, value_node = pair
                if is_empty(present):
                    self._fill(node, key_node, value_node, path + [key], value, added)
                elif isinstance(value, dict) and isinstance(value_node, MappingNode) and isinstance(present, dict):
                    self._into_mapping(value_node, path + [key], value, present, added, failures)
            except NotFixable as exc:
                failures.append((tuple(path + [key]), str(exc)))
        if missing:
            self._append(node, path, missing)
            added.extend(Addition(tuple(path + [k]), v) for k, v in missing.items())

    def _append(self, node: MappingNode, path: list, missing: dict) -> None:
        ends, after_open = self.ends[_where(node)]
        if node.flow_style:
            pairs = self._flow(missing)[1:-1]
            if node.value:
                self._insert(self._offset(ends[-1]), ", " + pairs, depth=ends[-1][1])
            else:
                self._insert(self._offset(after_open), pairs, depth=after_open[1])
            return
        column = node.start_mark.column
        if node is not self.doc.root:
            self._insert_lines(_line_after(ends[-1]), self._block(missing, column), depth=column)
            return
        for key in sorted(missing, key=lambda k: _ORDER().get(k, len(_ORDER()))):
            line, blank = self._top_level_place(node, ends, key)
            self._insert_lines(line, self._block({key: missing[key]}, column), depth=column, blank=blank)

    def _fill(self, parent: MappingNode, key: Node, value_node: Node, path: list, value: Any, added: list) -> None:
        """Give an explicit key whose value is empty the value ``value``."""
        if isinstance(value_node, ScalarNode) and value_node.tag == NULL and value_node.value == "" \
                and self._rest_of_line_is_blank(value_node):
            if parent.flow_style:
                raise NotFixable(f"'{human(path)}' is empty inside a {{...}} mapping; fill it in by hand")
            column = key.start_mark.column
            if isinstance(value, (dict, list)):
                body = self._block({"k": value}, column).split(self.nl, 1)[1]
            else:
                body = " " * (column + self.step) + self._scalar(value)
            self._insert_lines(key.start_mark.line + 1, body, depth=column + self.step)
        elif isinstance(value_node, (MappingNode, SequenceNode)) and not value_node.value \
                and isinstance(value, dict if isinstance(value_node, MappingNode) else list):
            _, after_open = self.ends[_where(value_node)]
            self._insert(self._offset(after_open), self._flow(value)[1:-1], depth=after_open[1])
        else:
            shown = value_node.value if isinstance(value_node, ScalarNode) else "an empty value"
            raise NotFixable(f"'{human(path)}' is written as {shown!r}; replace it by hand")
        added.append(Addition(tuple(path), value))

    def _rest_of_line_is_blank(self, node: Node) -> bool:
        mark = node.start_mark
        end = self.starts[mark.line + 1] if mark.line + 1 < len(self.starts) else len(self.text)
        rest = self.text[self._offset((mark.line, mark.column)):end].strip()
        return not rest or rest.startswith("#")

    def _top_level_place(self, root: MappingNode, ends: list, key: str) -> tuple[int, bool]:
        """Where a new top-level ``key`` goes: the line after the section
        that precedes it in PLAN_FORMAT.md's order, and whether a blank line
        should come first (when that section is followed by one)."""
        order = _ORDER()
        rank = order.get(key, len(order))
        best = None
        for i, (k, _) in enumerate(root.value):
            here = order.get(k.value, len(order)) if isinstance(k, ScalarNode) and k.tag != MERGE else None
            if here is not None and here <= rank and (best is None or here >= best[1]):
                best = (i, here)
        last = len(root.value) - 1
        if best is None or best[0] == last:
            line = self._end_of_file(_line_after(ends[-1]))
            blank = last > 0 and self._blank(root.value[last][0].start_mark.line - 1) and not self._blank(line - 1)
            return line, blank
        line = _line_after(ends[2 * best[0] + 1])
        return line, self._blank(line)

    def _end_of_file(self, line: int) -> int:
        """The last section goes at the end of the file, after trailing
        comments, unless something else follows (a document end marker) or a
        trailing comment is a suppression, which would then apply to the new
        lines."""
        eof = len(self.starts) - 1 if self.starts[-1] == len(self.text) else len(self.starts)
        tail = self.text[self.starts[line]:] if line < len(self.starts) else ""
        for text in tail.splitlines():
            stripped = text.strip()
            if stripped and (not stripped.startswith("#") or "stratlint:" in stripped):
                return line
        return eof

    def _blank(self, line: int) -> bool:
        if not 0 <= line < len(self.starts) - (1 if self.starts[-1] == len(self.text) else 0):
            return False
        end = self.starts[line + 1] if line + 1 < len(self.starts) else len(self.text)
        return not self.text[self.starts[line]:end].strip()

    # -- rendering -------------------------------------------------------------

    def _block(self, mapping: dict, column: int) -> str:
        text = render_yaml(mapping, self.step, self.dash, flow=False).rstrip("\n")
        return self.nl.join(" " * column + line if line else line for line in text.split("\n"))

    def _flow(self, value: Any) -> str:
        if self.json:
            return json.dumps(value, ensure_ascii=False, separators=(", ", ": "))
        return render_yaml(value, self.step, self.dash, flow=True).rstrip("\n")

    def _scalar(self, value: Any) -> str:
        return render_yaml({"k": value}, self.step, self.dash, flow=False).rstrip("\n")[len("k: "):]

    # -- editing ------------------------------------------------------------------

    def _offset(self, mark: tuple[int, int]) -> int:
        return self.starts[mark[0]] + mark[1]

    def _insert(self, offset: int, text: str, depth: int) -> None:
        self.edits.append((offset, -depth, len(self.edits), text))

    def _insert_lines(self, line: int, body: str, depth: int, blank: bool = False) -> None:
        if blank:
            body = self.nl + body
        if line < len(self.starts):
            self._insert(self.starts[line], body + self.nl, depth)
        else:  # after a last line that has no line break
            self._insert(len(self.text), self.nl + body, depth)

    def apply(self) -> str:
        out, last = [], 0
        for offset, _, _, text in sorted(self.edits):
            out.append(self.text[last:offset])
            out.append(text)
            last = offset
        out.append(self.text[last:])
        return "".join(out)


@lru_cache(maxsize=None)
def _ORDER() -> dict[str, int]:
    """The top-level keys in PLAN_FORMAT.md's order (the plan schema's)."""
    from stratlint.resources import load_schema

    return {key: i for i, key in enumerate(load_schema("strategy-v1.schema.json")["properties"])}


def _where(node: Node) -> tuple:
    return (node.start_mark.line, node.start_mark.column, isinstance(node, MappingNode))


def _line_after(end: tuple[int, int]) -> int:
    """The first line after content that ends at ``end`` (a block scalar
    ends at the start of the line after its last one)."""
    return end[0] + (0 if end[1] == 0 else 1)


def _content_ends(text: str) -> dict[tuple, tuple]:
    """For each collection (by start line, column and kind): the end of
    each child (keys and values alike, in order; for a child that is a
    block collection, the end of its own last child) and the end of its
    opening event (just after ``{`` or ``[`` for a flow collection). Marks
    are ``(line, column)``, from 0."""
    out: dict[tuple, tuple] = {}
    stack: list[tuple] = []
    for event in yaml.parse(text, Loader=Loader):
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            stack.append((event, []))
            continue
        if isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            start, ends = stack.pop()
            mark = start.start_mark
            out[(mark.line, mark.column, isinstance(start, yaml.MappingStartEvent))] = (
                ends, (start.end_mark.line, start.end_mark.column))
            if start.flow_style or not ends:
                end = (event.end_mark.line, event.end_mark.column)
            else:
                end = ends[-1]
        elif isinstance(event, (yaml.ScalarEvent, yaml.AliasEvent)):
            end = (event.end_mark.line, event.end_mark.column)
        else:
            continue
        if stack:
            stack[-1][1].append(end)
    return out


def _indentation(root: Node) -> tuple[int, int]:
    """The plan's indentation step and sequence-dash offset (defaults 2 and 2),
    from the first nested block mapping and block sequence."""
    step = dash = None
    stack = [root]
    seen: set[int] = set()
    while stack and (step is None or dash is None):
        node = stack.pop(0)
        if id(node) in seen or not isinstance(node, MappingNode):
            if isinstance(node, SequenceNode) and id(node) not in seen:
                seen.add(id(node))
                stack.extend(node.value)
            continue
        seen.add(id(node))
        for key, value in node.value:
            below = value.start_mark.line > key.start_mark.line and not node.flow_style
            if below and isinstance(value, MappingNode) and not value.flow_style and step is None:
                step = value.start_mark.column - key.start_mark.column or None
            if below and isinstance(value, SequenceNode) and not value.flow_style and dash is None:
                dash = max(0, value.start_mark.column - key.start_mark.column)
            stack.append(value)
    step = step if step and step > 0 else 2
    return step, step if dash is None else dash


def _explicit(node: MappingNode, key: str) -> tuple[Node, Node] | None:
    """The last pair of ``node`` written with ``key`` (merged keys do not count)."""
    found = None
    for k, v in node.value:
        if isinstance(k, ScalarNode) and k.tag != MERGE and k.value == key:
            found = (k, v)
    return found


def _lacks(present: dict, wanted: dict) -> bool:
    for key, value in wanted.items():
        if is_empty(present.get(key)):
            return True
        if isinstance(value, dict) and isinstance(present.get(key), dict) and _lacks(present[key], value):
            return True
    return False


def _data_at(data: Any, path: list) -> Any:
    for token in path:
        try:
            data = data[token]
        except (KeyError, IndexError, TypeError):
            return None
    return data


# -- verification -------------------------------------------------------------------


def _verify(old: _Plan, new_text: str, additions: list[Addition]) -> None:
    try:
        new = _Plan.read(new_text)
    except NotFixable as exc:
        raise _Unverified(f"the edited plan would not read back ({exc}); add it by hand") from None
    if new.doc.data != _with(old.doc.data, additions):
        raise _Unverified("the section is shared with another place (a YAML alias or merge key); add it by hand")
    try:
        same = new.ruamel == _with(old.ruamel, additions)
    except NotFixable as exc:
        raise _Unverified(str(exc)) from None
    if not same:
        raise _Unverified("ruamel.yaml reads the edited plan differently; add it by hand")


def _with(data: Any, additions: list[Addition]) -> Any:
    """A copy of ``data`` (shared values copied apart) with ``additions`` set."""
    out = _unshare(data)
    for addition in additions:
        target = out
        for token in addition.path[:-1]:
            target = target[token]
        target[addition.path[-1]] = _unshare(addition.value)
    return out


def _unshare(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _unshare(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_unshare(v) for v in value]
    return value


def _plain(value: Any) -> Any:
    """ruamel.yaml's round-trip values as plain ones (dates as ISO text)."""
    import datetime

    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        return float(value)
    return str(value)


# -- ruamel.yaml ---------------------------------------------------------------------


def _ruamel_loader():
    from ruamel.yaml import YAML

    return YAML(typ="rt", pure=True)


@lru_cache(maxsize=None)
def _dumper(step: int, dash: int, flow: bool):
    from ruamel.yaml import YAML

    y = YAML(typ="rt", pure=True)
    y.width = 1 << 16  # never fold a line
    y.indent(mapping=step, sequence=dash + 2, offset=dash)
    y.default_flow_style = flow
    return y


def render_yaml(value: Any, step: int, dash: int, flow: bool) -> str:
    buffer = io.StringIO()
    _dumper(step, dash, flow).dump(value, buffer)
    return buffer.getvalue()
