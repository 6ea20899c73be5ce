"""What "present" means for a plan's values (RULES.md, conventions)."""
from __future__ import annotations

from typing import Any


def is_empty(value: Any) -> bool:
    """Absent in the catalog's sense: null, blank text, [] and {} (a placeholder is present)."""
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, (list, dict)):
        return not value
    return False
