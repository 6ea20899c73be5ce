"""The findings a change introduces and resolves, matched as a baseline
matches them: by fingerprint (rule, file-free node, and the node's content
where it is a list item or a value; :mod:`stratlint.filters.baseline`),
never by line, so a finding whose lines merely moved is neither."""
from __future__ import annotations

from collections import Counter

from stratlint.filters.baseline import not_in
from stratlint.findings import Finding


def introduced_and_resolved(old: list[Finding], new: list[Finding]) -> tuple[list[Finding], list[Finding]]:
    """``(introduced, resolved)``: the findings of ``new`` that ``old`` does
    not have, and those of ``old`` that ``new`` does not have (each the
    same fingerprint counted as often as it occurs)."""
    return (not_in(new, Counter(f.fingerprint for f in old)),
            not_in(old, Counter(f.fingerprint for f in new)))
