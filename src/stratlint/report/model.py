"""The report's input contract: what the caller hands to ``write_report``."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable

#: The seed articles the rules quote, by the file name a rule's docs give
#: as ``seed``. A report cites an article by its title, never by file name.
ARTICLES = {
    "000_08538a6a96d28daf.txt": "Why Social Media Doesn't Matter Anymore",
    "001_846a3efd691afc2d.txt": "Social Media Replaces Nothing Yet Complements Everything",
    "002_5c05335aff234abc.txt": "RIP Social Media: Long Live Social",
    "003_ef792521dba1cb06.txt": "It is Time to Drop Social Media … Long Live Social Marketing",
    "004_2fb1ae3850c66247.txt": "Social Marketing Doesn't Work",
}


@dataclass
class PlanInput:
    path: str                  # the plan's path as shown to the user
    data: dict | None          # the plan's parsed values (None when the file did not parse)
    source: str                # the file's text
    findings: list[dict] = field(default_factory=list)
    # each finding: path, line, column, end_line, end_column, code, rule (slug),
    # severity ("error" | "warning" | "info"), message, pointer (JSON Pointer)


@dataclass
class RuleInfo:
    code: str
    slug: str
    severity: str
    summary: str
    why: str
    quote: str
    article: str               # the seed article's title, e.g. "RIP Social Media: Long Live Social"
    fix: str
    help_uri: str = ""         # may be ""


def rule_infos(rules: Iterable[Any], help_uri: str = "") -> dict[str, RuleInfo]:
    """RuleInfo for each of stratlint's Rule objects (``load_rules().rules``),
    keyed by code. ``help_uri`` may hold ``{code}`` and ``{slug}``
    placeholders (e.g. a link into docs/rules.md); by default there is none."""
    infos = {}
    for rule in rules:
        docs = rule.docs if isinstance(rule.docs, dict) else {}
        infos[rule.code] = RuleInfo(
            code=rule.code, slug=rule.slug, severity=str(rule.severity), summary=rule.summary,
            why=_text(docs.get("why")), quote=_text(docs.get("quote")),
            article=ARTICLES.get(_text(docs.get("seed")), ""), fix=_text(docs.get("fix")),
            help_uri=help_uri.format(code=rule.code, slug=rule.slug) if help_uri else "")
    return infos


def _text(value: Any) -> str:
    return " ".join(value.split()) if isinstance(value, str) else ""
