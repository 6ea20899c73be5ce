"""The report's input contract: what the caller hands to ``write_report``."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable

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
            article=_text(docs.get("article")), fix=_text(docs.get("fix")),
            help_uri=help_uri.format(code=rule.code, slug=rule.slug) if help_uri else "")
    return infos


def _text(value: Any) -> str:
    return " ".join(value.split()) if isinstance(value, str) else ""
