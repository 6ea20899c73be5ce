"""Hover: a rule's documentation on its diagnostic, the schema's help on a key.

On a diagnostic the hover shows the rule's summary, why it matters (with
the sentence of the article it comes from) and how to fix it, the same
text as ``stratlint explain``. On a key it shows the key's description
from the plan schema; on a value that the schema describes in
particular (an enum value), that value's description too.
"""
from __future__ import annotations

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from stratlint.document.located import MERGE, LocatedDocument
from stratlint.rules.docs import cited
from stratlint.rules.model import Rule
from stratlint.server.diagnostics import rule_url
from stratlint.server.schema_help import key_help, value_help

_MAX_DEPTH = 256  # deeper than the loader ever builds (MAX_DEPTH), so the walk always ends


def rule_help(rule: Rule) -> str:
    """Markdown: the rule's code, slug and severity, summary, why, fix and a link."""
    docs = rule.docs or {}
    out = [f"**{rule.code} {rule.slug}** ({rule.severity})", "", rule.summary.strip()]
    why = str(docs.get("why", "")).strip()
    if why:
        out += ["", f"**Why:** {_flow(why)}"]
    if docs.get("quote"):
        source = cited(docs)
        out += ["", f"> {_flow(str(docs['quote']))}" + (f" (from {source})" if source else "")]
    fix = str(docs.get("fix", "")).strip()
    if fix:
        out += ["", f"**Fix:** {_flow(fix)}"]
    if rule.fixable:
        out += ["", "A code action adds what is missing (as `stratlint check --fix` does)."]
    url = rule_url(rule)
    out += ["", f"[{rule.code} documentation]({url})" if url else f"`stratlint explain {rule.slug}` for more."]
    return "\n".join(out)


def _flow(text: str) -> str:
    """Folded text on one line, so Markdown does not read indentation as code."""
    return " ".join(text.split())


def key_at(doc: LocatedDocument, line: int, column: int) -> tuple[str, tuple[int, int, int, int]] | None:
    """Markdown help for the key (or described value) at a 1-based place,
    with the span it covers (line, column, end line, end column)."""
    found = _node_at(doc.root, line - 1, column - 1)
    if found is None:
        return None
    path, node, is_key = found
    if is_key:
        text = key_help(path)
    else:
        text = value_help(path, node.value)
    if not text:
        return None
    s, e = node.start_mark, node.end_mark
    return text, (s.line + 1, s.column + 1, e.line + 1, e.column + 1)


def _contains(node: Node, line: int, column: int) -> bool:
    s, e = node.start_mark, node.end_mark
    return (s.line, s.column) <= (line, column) < (e.line, e.column)


def _node_at(root: Node, line: int, column: int) -> tuple[list, ScalarNode, bool] | None:
    """``(path, node, is_key)`` of the scalar at a 0-based place: the keys
    and list indexes that lead to it, and whether it is a mapping key."""
    path: list[str | int] = []
    node = root
    for _ in range(_MAX_DEPTH):
        if isinstance(node, MappingNode):
            for key, value in node.value:
                if key.tag == MERGE or not isinstance(key, ScalarNode):
                    continue
                if _contains(key, line, column):
                    return path + [key.value], key, True
                if _contains(value, line, column):
                    path.append(key.value)
                    node = value
                    break
            else:
                return None
        elif isinstance(node, SequenceNode):
            for i, item in enumerate(node.value):
                if _contains(item, line, column):
                    path.append(i)
                    node = item
                    break
            else:
                return None
        elif isinstance(node, ScalarNode):
            return path, node, False
        else:
            return None
    return None
