"""What "present" means for a plan's values (RULES.md, conventions)."""
from __future__ import annotations

from typing import Any

from stratlint.document.pointer import child


def is_empty(value: Any) -> bool:
    """Absent in the catalog's sense: null, blank text, [] and {} (a placeholder is present)."""
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, (list, dict)):
        return not value
    return False


def field_value(item: Any, field: str) -> Any:
    """The value at a dotted ``field`` inside ``item`` (``.`` is the item itself); None where there is none."""
    if field in (".", ""):
        return item
    value = item
    for part in field.split("."):
        if not isinstance(value, dict):
            return None
        value = value.get(part)
    return value


def reference_ids(value: Any) -> list[str]:
    """The ids a reference names: a reference is a text, or a list of texts
    (other items name nothing)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [v for v in value if isinstance(v, str)]
    return []


def located_references(pointer: str, value: Any) -> list[tuple[str, str]]:
    """``(pointer, id)`` for each id a reference at ``pointer`` names
    (the ids of :func:`reference_ids`, each with where it stands)."""
    if isinstance(value, list):
        return [(child(pointer, i), v) for i, v in enumerate(value) if isinstance(v, str)]
    return [(pointer, ref) for ref in reference_ids(value)]
