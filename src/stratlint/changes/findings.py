"""The findings a change introduces and resolves, matched as a baseline
matches them: by fingerprint (rule, file-free node, and the node's content
where it is a list item or a value; :mod:`stratlint.filters.baseline`),
never by line, so a finding whose lines merely moved is neither."""
from __future__ import annotations

from collections import Counter

from stratlint.findings import Finding


def introduced_and_resolved(old: list[Finding], new: list[Finding]) -> tuple[list[Finding], list[Finding]]:
    """``(introduced, resolved)``: the findings of ``new`` that ``old`` does
    not have, and those of ``old`` that ``new`` does not have (each the
    same fingerprint counted as often as it occurs)."""
    return _unmatched(new, old), _unmatched(old, new)


def _unmatched(these: list[Finding], others: list[Finding]) -> list[Finding]:
    left = Counter(f.fingerprint for f in others)
    out = []
    for f in these:
        if left[f.fingerprint] > 0:
            left[f.fingerprint] -= 1
        else:
            out.append(f)
    return out
