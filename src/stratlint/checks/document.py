"""Check functions that read the located document rather than the data:
the schema and repeated keys."""
from __future__ import annotations

from typing import Any, Iterator

from stratlint.checks import Context, Hit, check



@check("schema", {"type": "object", "additionalProperties": False})
def schema(target: Any, options: dict, ctx: Context) -> Iterator[Hit]:
    """Validate the plan against the v1 JSON Schema (``stratlint schema``)."""
    from stratlint.schema.explain import bad_key_message, violations

    for pointer, at, message in violations(ctx.document):
        yield Hit(pointer, {"problem": message}, at=at)
    for bad in ctx.document.bad_keys:
        yield Hit(bad.pointer, {"problem": bad_key_message(bad.pointer, bad.kind)}, span=bad.span)


@check("duplicate_keys", {"type": "object", "additionalProperties": False})
def duplicate_keys(target: Any, options: dict, ctx: Context) -> Iterator[Hit]:
    """Report every repeat of a key in a mapping, at the repeat."""
    for dup in ctx.document.duplicate_keys:
        related = ((dup.first, f"the first '{dup.key}'"),) if dup.first else ()
        yield Hit(dup.pointer, {"key": dup.key, "first_line": dup.first_line}, at="key", span=dup.span,
                  related=related)
