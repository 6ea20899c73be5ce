"""The json format of ``stratlint diff``, for scripts:

    {"version": 1, "base": "main",
     "files": [{"old_path": ..., "new_path": ..., "status": "modified",
                "changes": [{"section": "kpis", "change": "changed", "id": "retention", "label": "...",
                             "fields": [{"field": "target", "old": "70%", "new": "65%"}]}],
                "budget": {"old_currency": "EUR", "new_currency": "EUR",
                           "by_kind": [{"kind": "paid", "old": 10000, "new": 25000}]},
                "introduced": [finding...], "resolved": [finding...]}],
     "summary": {"files": 1, "changes": 1, "introduced": {"error": 0, ...}, "resolved": {...}}}

A field that was not there has no ``old`` (or ``new``) key. Findings are
as ``check --format json`` gives them, with their ``fingerprint``.
Values are JSON: dates as ISO text, numbers that JSON cannot hold as text.
"""
from __future__ import annotations

import datetime
import json
import math
from typing import Any

from stratlint.changes.model import ABSENT, FieldChange, PlanDiff
from stratlint.findings import summarize


def plain(value: Any) -> Any:
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    return value


def _field(f: FieldChange) -> dict:
    out: dict[str, Any] = {"field": f.field}
    if f.old is not ABSENT:
        out["old"] = plain(f.old)
    if f.new is not ABSENT:
        out["new"] = plain(f.new)
    return out


def _finding(f) -> dict:
    return {**f.to_dict(), "fingerprint": f.fingerprint}


def render(diff: PlanDiff) -> str:
    files = []
    for d in diff.files:
        files.append({
            "old_path": d.old_path, "new_path": d.new_path, "status": d.status,
            "old_parsed": d.old_parsed, "new_parsed": d.new_parsed,
            "changes": [{"section": c.section, "change": c.kind, "id": c.id, "label": c.label,
                         **({"old_id": c.old_id} if c.kind == "renamed" else {}),
                         "fields": [_field(f) for f in c.fields]} for c in d.changes],
            "budget": None if d.budget is None else {
                "old_currency": d.budget.old_currency, "new_currency": d.budget.new_currency,
                "by_kind": [{"kind": k, "old": old, "new": new} for k, old, new in d.budget.rows]},
            "introduced": [_finding(f) for f in d.introduced],
            "resolved": [_finding(f) for f in d.resolved],
        })
    summary = {
        "files": len(diff.files),
        "changes": sum(len(d.changes) + (1 if d.budget else 0) for d in diff.files),
        "introduced": summarize(f for d in diff.files for f in d.introduced),
        "resolved": summarize(f for d in diff.files for f in d.resolved),
    }
    return json.dumps({"version": 1, "base": diff.base, "files": files, "summary": summary},
                      indent=2, ensure_ascii=False) + "\n"
