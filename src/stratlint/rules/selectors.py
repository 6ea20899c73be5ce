"""Rule selectors: how users name rules on the command line, in config and
in suppression comments: a slug (``vanity-only-kpis``), a code (``SL201``,
any case), a code prefix (``SL2``, ``SL``) or ``ALL``."""
from __future__ import annotations

import difflib
import re

_PREFIX = re.compile(r"[A-Z]+[0-9]*")


def covers(selector: str, code: str, slug: str) -> bool:
    """Whether ``selector`` names the rule ``code``/``slug``."""
    s = selector.strip()
    upper = s.upper()
    return bool(s) and (s == slug or upper in (code, "ALL")
                        or (_PREFIX.fullmatch(upper) is not None and code.startswith(upper)))


def names_exactly(name: str, code: str, slug: str) -> bool:
    """Whether ``name`` is the rule's slug or code (no prefix, no ALL): how
    a config's ``rules:`` table names the rule it sets options for."""
    n = name.strip()
    return n == slug or n.upper() == code


def did_you_mean(name: str, rules) -> str:
    """``; did you mean 'x'?`` for the closest slug or code, else ``""``."""
    names = [r.slug for r in rules] + [r.code for r in rules]
    hint = difflib.get_close_matches(name, names, n=1)
    return f"; did you mean '{hint[0]}'?" if hint else ""
