"""What the filter stage needs to know about one file, from a run's settings.

``check`` and the language server build each file's
:class:`~stratlint.filters.FilterOptions` here, so that both apply the
same per-file ignores, suppression settings and baseline.
"""
from __future__ import annotations

import os
from collections import Counter

from stratlint.config.settings import Settings
from stratlint.files import STDIN_NAME
from stratlint.filters import FilterOptions


def filter_options(name: str, settings: Settings, known: Counter | None = None, *,
                   report_unused: bool = False, fingerprints: bool = False) -> FilterOptions:
    """The filter options of the file ``name`` (as findings name it): the
    per-file ignores that match it, the suppression settings, and its share
    of the baseline ``known`` (:func:`stratlint.filters.baseline.read`)."""
    ignore: tuple[str, ...] = ()
    if name != STDIN_NAME:  # patterns are relative to the settings' base folder
        rel = os.path.relpath(os.path.abspath(name), settings.base)
        if not rel.startswith(".."):
            rel = rel.replace(os.sep, "/")
            ignore = tuple(n for pattern, names in settings.per_file_ignores if pattern.match(rel) for n in names)
    rules = tuple((r.code, r.slug) for r in settings.ruleset.rules) if report_unused else ()
    baseline = None
    if known is not None:
        from stratlint.filters.baseline import file_key

        key = file_key(name, settings.baseline)
        baseline = tuple(sorted((fp, n) for (path, fp), n in known.items() if path == key))
    return FilterOptions(ignore=ignore, require_reason=settings.require_reason, report_unused=report_unused,
                         known=rules, baseline=baseline, fingerprints=fingerprints)
