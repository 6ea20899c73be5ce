"""Rule packs: YAML files of declarative rules, validated before use.

A pack is read with the same located loader as a plan, so every problem
in it (a key misspelt, a function that does not exist, options the
function does not accept) is reported at its file, line and column.
"""
from __future__ import annotations

import difflib
from functools import lru_cache
from pathlib import Path

from stratlint.checks import CheckSpec
from stratlint.checks.where import SCHEMA as WHERE_SCHEMA
from stratlint.errors import StratlintError
from stratlint.findings import Severity
from stratlint.rules.model import Rule, Step
from stratlint.document import LoadError, LocatedDocument, decode, load

PACK_SCHEMA = "rule-pack.schema.json"


@lru_cache(maxsize=None)
def _pack_validator():
    import jsonschema

    from stratlint.resources import load_schema

    return jsonschema.Draft202012Validator(load_schema(PACK_SCHEMA))


_option_validators: dict[int, object] = {}


def _options_validator(spec: CheckSpec):
    import jsonschema

    key = id(spec.options_schema)
    if key not in _option_validators:
        _option_validators[key] = jsonschema.Draft202012Validator(spec.options_schema)
    return _option_validators[key]


def read_pack(path: Path, checks: dict[str, CheckSpec], source: str | None = None,
              validate: bool = True) -> list[Rule]:
    """Load and validate one pack; raise :class:`StratlintError` at the first problem.

    ``validate=False`` skips the schema checks of the pack and of its
    options: for the packs shipped with stratlint, which its test suite
    validates, so that a run does not pay for it.
    """
    from stratlint.schema.explain import violations

    shown = str(path)
    from stratlint.files import TooLarge, read_bytes
    from stratlint.limits import DEFAULT_MAX_FILE_SIZE

    try:
        doc = load(decode(read_bytes(str(path), DEFAULT_MAX_FILE_SIZE)))
    except TooLarge as exc:
        raise StratlintError(f"cannot read rule pack: {exc}", path=shown) from None
    except OSError as exc:
        raise StratlintError(f"cannot read rule pack: {exc.strerror or exc}", path=shown) from None
    except LoadError as exc:
        message = (f"rule pack is not valid YAML: {exc.message}" if exc.kind == "syntax" else
                   "a rule pack is a mapping with 'pack:' and 'rules:'" + ("" if exc.kind == "empty" else
                   ", not " + exc.message.split(" is ", 1)[1].split(",")[0]))
        raise StratlintError(message, path=shown, line=exc.line, column=exc.column) from None
    if doc.duplicate_keys:
        dup = doc.duplicate_keys[0]
        raise StratlintError(f"rule pack repeats the key '{dup.key}' (first on line {dup.first_line})",
                             path=shown, line=dup.span.line, column=dup.span.column)
    if validate:
        for pointer, at, message in violations(doc, _pack_validator(), "the rule pack"):
            _fail(doc, shown, pointer, at, f"invalid rule pack: {message}")
    data = doc.data
    source = source or data["pack"]
    rules = []
    for i, raw in enumerate(data["rules"]):
        here = f"/rules/{i}"
        if source != "stratlint" and raw["code"].startswith("SL"):
            _fail(doc, shown, f"{here}/code", "value",
                  f"rule code '{raw['code']}' uses the prefix SL, which is reserved for stratlint's own rules")
        for own in ("reports", "always_on"):
            if source != "stratlint" and own in raw:
                _fail(doc, shown, f"{here}/{own}", "key", f"'{own}' is for stratlint's own rules")
        raw_then = raw.get("then", [])
        then = raw_then if isinstance(raw_then, list) else [raw_then]
        steps = []
        for j, step in enumerate(then):
            base = f"{here}/then" + (f"/{j}" if isinstance(raw_then, list) else "")
            spec = checks.get(step["function"])
            if spec is None:
                hint = difflib.get_close_matches(step["function"], list(checks), n=1)
                _fail(doc, shown, f"{base}/function", "value",
                      f"unknown check function '{step['function']}'" + (f"; did you mean '{hint[0]}'?" if hint else ""))
            options = step.get("options", {})
            if validate:
                _check_options(doc, shown, spec, options, f"{base}/options")
            steps.append(Step(spec, options))
        if validate and "unless" in raw:
            _check_unless(doc, shown, raw["unless"], f"{here}/unless")
        given = raw.get("given", "")
        line = doc.span(here).line
        rules.append(Rule(
            code=raw["code"], slug=raw["slug"], severity=Severity.parse(raw["severity"]),
            summary=raw["summary"].strip(), given=tuple(given if isinstance(given, list) else [given]),
            steps=tuple(steps), message=raw["message"], docs=raw["docs"], source=source,
            location=raw.get("location"), reports=raw.get("reports"), always_on=bool(raw.get("always_on", False)),
            unless=raw.get("unless"), enabled=bool(raw.get("enabled", True)),
            fixable=bool(raw.get("fixable", False)), fix=raw.get("fix"),
            where=f"{shown}:{line}",
        ))
    return rules


def check_options(spec: CheckSpec, options: dict) -> list[tuple[str, str, str]]:
    """``(pointer inside options, 'key'|'value', message)`` for options ``spec`` does not accept."""
    from stratlint.document.pointer import from_parts
    from stratlint.schema.explain import explain

    out = []
    for error in sorted(_options_validator(spec).iter_errors(options), key=lambda e: list(e.absolute_path)):
        for parts, at, message, _ in explain(error, f"the options of '{spec.name}'"):
            out.append((from_parts(parts), at, message))
    return out


def _check_options(doc: LocatedDocument, shown: str, spec: CheckSpec, options: dict, base: str) -> None:
    for pointer, at, message in check_options(spec, options):
        _fail(doc, shown, base + pointer, at, message)


def _no_check(*args):
    return ()


UNLESS_SPEC = CheckSpec("unless", _no_check, {"$defs": {"where": WHERE_SCHEMA}, "$ref": "#/$defs/where"})


def _check_unless(doc: LocatedDocument, shown: str, test: dict, base: str) -> None:
    """A rule's ``unless`` is a ``where`` test (of the whole plan)."""
    for pointer, at, message in check_options(UNLESS_SPEC, test):
        _fail(doc, shown, base + pointer, at, message.replace("the options of 'unless'", "'unless'"))


def _fail(doc: LocatedDocument, shown: str, pointer: str, at: str, message: str):
    span = doc.span(pointer, at)
    raise StratlintError(message, path=shown, line=span.line, column=span.column)
