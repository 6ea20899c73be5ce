"""SL002 schema-violation: the plan checked against the v1 JSON Schema.

Every violation becomes one finding at the node it concerns, with a
message a marketer understands ("objectives[2] needs a 'statement'")
instead of a validator dump. Two readings of PLAN_FORMAT.md are applied on
top of plain JSON Schema: an optional key whose value is empty counts as
absent (not a type error), and a value reached through several aliases is
reported once, at its source.
"""
from __future__ import annotations

import difflib
import re
from functools import lru_cache

from stratlint.document.located import LocatedDocument
from stratlint.document.pointer import from_parts, human, split
from stratlint.document.values import is_empty
from stratlint.limits import MESSAGE_VALUE, excerpt

SCHEMA_FILE = "strategy-v1.schema.json"

_TYPE_NAMES = {
    "string": "text",
    "number": "a number",
    "integer": "a whole number",
    "array": "a list",
    "object": "a mapping (key: value lines)",
    "boolean": "true or false",
    "null": "empty",
}


@lru_cache(maxsize=None)
def plan_explainer():
    """The compiled plan schema and its explainer (:mod:`stratlint.schema.failures`),
    or None if the schema cannot be compiled."""
    from stratlint.resources import load_schema
    from stratlint.schema.compiled import SchemaCompiler, Unsupported
    from stratlint.schema.failures import Explainer

    compiler = SchemaCompiler(load_schema(SCHEMA_FILE))
    try:
        compiler.compile(compiler.root)
    except Unsupported:
        return None
    return Explainer(compiler)


def quick_check():
    """The compiled yes/no check of the plan schema, or None if it cannot be compiled."""
    explainer = plan_explainer()
    return explainer.compiler.compile(explainer.compiler.root) if explainer is not None else None


@lru_cache(maxsize=None)
def validator():
    import jsonschema
    from jsonschema import validators

    from stratlint.resources import load_schema

    base = jsonschema.Draft202012Validator
    base_properties = base.VALIDATORS["properties"]

    def properties(v, props, instance, schema):
        if not isinstance(instance, dict):
            return
        required = schema.get("required", ())
        present = {k: val for k, val in instance.items() if k in required or not is_empty(val)}
        yield from base_properties(v, props, present, schema)

    cls = validators.extend(base, {"properties": properties})
    checker = jsonschema.FormatChecker(formats=["date"])
    return cls(load_schema(SCHEMA_FILE), format_checker=checker)


def violations(doc: LocatedDocument, schema_validator=None, root: str = "the plan") -> list[tuple[str, str, str]]:
    """``(pointer, 'key'|'value', message)`` for each violation, one per node.

    ``schema_validator`` (a jsonschema validator) defaults to the plan
    schema's compiled checks; rule packs and configs are checked with their
    own validators.
    """
    if schema_validator is not None:
        errors = schema_validator.iter_errors(doc.data)
    elif (explainer := plan_explainer()) is None:
        errors = validator().iter_errors(doc.data)
    elif quick_check()(doc.data):
        return []  # valid, as nearly every plan is
    else:
        errors = explainer.violations(doc.data)  # where the compiled checks reject, without jsonschema
    seen: set[tuple] = set()
    found = []
    for error in errors:
        for parts, at, message, detail in explain(error, root):
            pointer = from_parts(parts)
            key_node, node, _ = doc.locate(pointer)
            target = key_node if at == "key" and key_node is not None else node
            ident = (id(target), at, error.validator, detail)  # aliases reach one node
            if ident not in seen:
                seen.add(ident)
                found.append((id(target), at, error.validator, pointer, message))
    # One finding per node, the most specific: a value of the wrong type is
    # reported as such, not also as a value outside the enum or pattern.
    mistyped = {(node, at) for node, at, kind, _, _ in found if kind == "type"}
    return [(pointer, at, message) for node, at, kind, pointer, message in found
            if kind == "type" or kind in ("required", "additionalProperties") or (node, at) not in mistyped]


def bad_key_message(pointer: str, kind: str) -> str:
    return f"a key {_where(pointer)} is {kind}; keys are plain words such as 'name'"


def _where(pointer: str) -> str:
    parts = [int(p) if p.isdigit() else p for p in split(pointer)]
    return f"in {human(parts)}" if parts else "at the top level"


def explain(error, root: str = "the plan"):
    """Yield ``(path parts, 'key'|'value', message, detail)`` for one error.

    ``root`` names the validated document where a message must name it.
    """
    parts = list(error.absolute_path)
    name = human(parts) if parts else root
    kind = error.validator
    instance = error.instance
    if kind == "required":
        missing = next((p for p in error.validator_value if repr(p) in error.message), None)
        article = "an" if str(missing)[:1].lower() in "aeiou" else "a"
        yield parts, "value", f"{name} needs {article} '{missing}'", missing
    elif kind == "additionalProperties":
        schema = error.schema
        allowed = sorted(schema.get("properties", {}))
        patterns = list(schema.get("patternProperties", {}))
        where = f"in {name}" if parts or root != "the plan" else "at the top level"
        for key in instance:
            if key in schema.get("properties", {}) or any(re.search(p, key) for p in patterns):
                continue
            hint = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
            message = f"unknown key '{excerpt(key)}' {where}"
            own = (excerpt("x-" + (key[2:] if key[:2].lower() in ("x_", "x.") else key))
                   if isinstance(key, str) and any(p.startswith("^x-") for p in patterns) else None)
            if hint:
                message += f"; did you mean '{hint[0]}'?" + (f" (or '{own}' for a field of your own)" if own else "")
            else:
                message += f"; expected one of: {', '.join(allowed)}"
                message += f"; a field of your own starts with x- ('{own}')" if own else ""
            yield parts + [key], "key", message, key
    elif kind in ("type", "pattern", "minLength", "minItems", "minProperties") and is_empty(instance):
        yield parts, "value", f"{name} must not be empty", None
    elif kind == "type":
        types = error.validator_value if isinstance(error.validator_value, list) else [error.validator_value]
        names = [_TYPE_NAMES.get(t, t) for t in types]
        expected = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]
        yield parts, "value", f"{name} must be {expected}, not {_describe(instance)}", None
    elif kind == "enum":
        options = [str(o) for o in error.validator_value if not isinstance(o, bool)]
        shown = f"'{excerpt(instance)}'" if isinstance(instance, str) else _describe(instance)
        message = f"{name} is {shown}, which is not one of: {', '.join(options)}"
        if isinstance(instance, str):
            alias = (error.schema.get("x-aliases") or {}).get(instance.strip().lower())
            hint = [alias] if alias else difflib.get_close_matches(instance.lower(), options, n=1, cutoff=0.6)
            if hint and parts and isinstance(parts[-1], str):
                message += f"; did you mean {parts[-1]}: {hint[0]}?"
            elif hint:
                message += f"; did you mean '{hint[0]}'?"
        yield parts, "value", message, None
    elif kind == "anyOf" and error.context and not is_empty(instance):
        # the alternative that came closest: the deepest error of one whose type was right
        typed = [e for e in error.context if e.validator != "type" or e.relative_path] or list(error.context)
        rank = {"required": 0, "additionalProperties": 1}
        closest = max(typed, key=lambda e: (len(e.absolute_path), rank.get(e.validator, 2)))
        yield from explain(closest, root)
    elif kind == "pattern" and parts and parts[-1] == "language":
        yield parts, "value", (f"{name} '{excerpt(str(instance))}' is not a language tag; write a BCP 47 tag such as en, fr, "
                               "de, es or fr-CA"), None
    elif kind == "pattern" and "propertyNames" in error.schema_path:
        yield parts, "value", f"{name} has the key '{excerpt(str(instance))}', which is not a language code such as en, fr or de", None
    elif kind == "minimum":
        yield parts, "value", f"{name} must be at least {error.validator_value}, not {_describe(instance)}", None
    elif kind == "const":
        yield parts, "value", f"{name} must be {error.validator_value}, not {_describe(instance)}", None
    elif kind == "pattern" and parts and parts[-1] == "id":
        suggestion = excerpt(re.sub(r"[^a-z0-9]+", "-", str(instance)[:1000].lower()).strip("-") or "my-id")
        yield parts, "value", (
            f"{name} '{excerpt(str(instance))}' is not a valid id; use lower-case letters and digits "
            f"joined by '-' or '_', such as '{suggestion}'"), None
    elif kind == "format":
        yield parts, "value", f"{name} '{excerpt(str(instance))}' is not a date; write it as YYYY-MM-DD, such as 2027-01-31", None
    else:  # a keyword the plan schema may gain later: say it plainly
        yield parts, "value", f"{name}: {excerpt(error.message, MESSAGE_VALUE)}", kind


def _describe(value: object) -> str:
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return f"{'true' if value else 'false'}"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, str):
        return f"the text '{excerpt(value, 40)}'"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__
