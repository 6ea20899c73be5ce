"""Rule documentation: the ``rules`` table, ``explain`` pages and the
Markdown reference (docs/rules.md), with each rule's vocabularies and the
article its quote comes from (by title: the seed file is data for tests)."""
from __future__ import annotations

import json
import textwrap

from stratlint.rules.packs import Rule

SECTIONS = (("what", "What it checks"), ("why", "Why"), ("example", "Example that fires"), ("fix", "Fix"))


def render_rules(rules: list[Rule], fmt: str, active: list[Rule] | None = None) -> str:
    """The rule list. ``active`` holds the rules a run would use, with their
    configured severities; a rule missing from it is shown as disabled."""
    if fmt == "markdown":
        return _markdown(rules)
    configured = {r.code: r for r in (rules if active is None else active)}
    shown = [(configured.get(r.code, r), r.code in configured) for r in rules]
    if fmt == "json":
        return json.dumps([_summary(r, on) for r, on in shown], indent=2, ensure_ascii=False) + "\n"
    rows = [("CODE", "SLUG", "SEVERITY", "ENABLED", "SOURCE", "SUMMARY")]
    rows += [(r.code, r.slug, str(r.severity), "yes" if on else "no", r.source,
              r.summary + (" (fixable)" if r.fixable else "")) for r, on in shown]
    widths = [max(len(row[i]) for row in rows) for i in range(5)]
    return "".join("  ".join(cell.ljust(w) for cell, w in zip(row, widths)) + "  " + row[5] + "\n"
                   for row in rows)


def _summary(rule: Rule, enabled: bool = True) -> dict:
    return {"code": rule.code, "slug": rule.slug, "severity": str(rule.severity), "enabled": enabled,
            "source": rule.source, "fixable": rule.fixable, "summary": rule.summary}


def cited(docs: dict) -> str:
    """Where a rule's quote comes from, as users read it: the article's title."""
    return f"\u201c{docs['article'].strip()}\u201d" if docs.get("article") else ""


def vocabularies(rule: Rule) -> dict[str, object]:
    """The vocabularies of a rule's steps, by name (a list, or one list per language)."""
    out: dict[str, object] = {}
    for step in rule.steps:
        for name, value in (step.options.get("vocabularies") or {}).items():
            out.setdefault(name, value)
    return out


def _by_language(value) -> list[tuple[str, list]]:
    if isinstance(value, dict):
        return [(lang, list(words)) for lang, words in value.items()]
    return [("all", list(value))]


def explain_rule(rule: Rule) -> str:
    docs = rule.docs
    default = "" if rule.enabled else "  off by default (opt-in)"
    out = [f"{rule.code} {rule.slug} [{rule.severity}]  ({rule.source}){default}", "", rule.summary, ""]
    for key, title in SECTIONS:
        out.append(f"{title}:")
        if key == "why" and docs.get("quote"):
            out.append(_indent(docs["why"].strip()))
            out.append("")
            source = f"  ({cited(docs)})" if docs.get("article") else ""
            out.append(_indent(f"\u201c{docs['quote'].strip()}\u201d{source}"))
        else:
            out.append(_indent(docs[key].rstrip()))
        out.append("")
        if key == "what" and vocabularies(rule):
            out.append("Vocabularies (by the plan's language; English when a language has none):")
            for name, value in vocabularies(rule).items():
                for lang, words in _by_language(value):
                    out += textwrap.wrap(f"{name} [{lang}]: {', '.join(map(str, words))}", 100,
                                         initial_indent="    ", subsequent_indent="        ")
            out.append("")
    out.append(f"Fixable by 'check --fix': {'yes' if rule.fixable else 'no'}")
    return "\n".join(out) + "\n"


def _indent(text: str) -> str:
    return "\n".join(("    " + line) if line.strip() else "" for line in text.splitlines())


MATCHING = """\
## How rules read words

A vocabulary is a list of words and phrases a rule looks for in the plan's
text; most have one list per language. A plan's top-level `language` (a
BCP 47 tag, `en` when absent; `fr-CA` reads as `fr`) picks the list, and a
language a vocabulary has no list for is read with the English one.
Entries match whole words, case-insensitively, with accents folded
(`abonnes` matches `abonnés`, `ß` reads as `ss`, a typographic apostrophe
as `'`); a run of white space or hyphens is one separator (`follow-back`
matches `follow back`); an entry in the singular also matches its regular
plural (+s, +es, y -> ies) on its last word, and an entry that ends in `s`
(but not `ss`, `us` or `is`) matches only itself (`shares` does not match
`market share`). Only the first {max_chars:,} characters of a value are read
(a word cut at that point is not read), so a huge value costs no more than
a long one; matching never backtracks.

A config extends or replaces a vocabulary for every rule that has it
(top-level `vocabularies:`) or for one rule (`rules: {{RULE: {{vocabularies:
...}}}}`): a list replaces it, `{{extend: [...]}}` adds to every language,
and `{{fr: {{extend: [...]}}}}` adds to one language.
"""


def _markdown(rules: list[Rule]) -> str:
    from stratlint.checks.vocabulary import MAX_CHARS

    out = ["# stratlint rules", "", "Generated by `stratlint rules --format markdown`; do not edit by hand.", "",
           "| code | slug | severity | summary |", "|---|---|---|---|"]
    out += [f"| {r.code} | [{r.slug}](#{r.code.lower()}-{r.slug}) | {r.severity}"
            + ("" if r.enabled else ", off by default") + f" | {r.summary} |" for r in rules]
    out += ["", *_evaluation(), "", MATCHING.format(max_chars=MAX_CHARS).rstrip()]
    for r in rules:
        docs = r.docs
        out += ["", f"## {r.code} {r.slug}", "", f"Default severity: **{r.severity}**. Source: {r.source}."
                + ("" if r.enabled else " Off by default: it runs when a selection names it or the config gives "
                   "it a severity.") + (" Fixable." if r.fixable else ""), "", r.summary, ""]
        out += ["### What it checks", "", docs["what"].strip(), ""]
        if vocabularies(r):
            out += ["### Vocabularies", "", "| vocabulary | language | words |", "|---|---|---|"]
            for name, value in vocabularies(r).items():
                out += [f"| `{name}` | {lang} | {', '.join(map(str, words))} |" for lang, words in _by_language(value)]
            out.append("")
        out += ["### Why", "", docs["why"].strip(), ""]
        if docs.get("quote"):
            out += [f"> {docs['quote'].strip()}" + (f" ({cited(docs)})" if docs.get("article") else ""), ""]
        out += ["### Example that fires", "", "```yaml", docs["example"].rstrip(), "```", "",
                "### Fix", "", docs["fix"].strip()]
    return "\n".join(out) + "\n"


def _evaluation() -> list[str]:
    """How the built-in rules agree with a strategist's reading of the
    evaluation corpus (tests/corpus), from the numbers the test suite
    computes and holds current (``stratlint/evaluation.json``)."""
    from stratlint.resources import evaluation

    data = evaluation()
    if not data:
        return []
    total = data["total"]
    out = ["## Agreement with a strategist", "",
           f"The built-in rules, with their default settings, were run on the evaluation corpus: "
           f"{data['files']} realistic plans (a B2B supplier, a city council, a hospital, a fintech launch, a "
           f"40-KPI SaaS register, plans in French, German and Spanish, a two-person studio, a choir...), "
           f"each with the findings a strategist who has read the five articles expects, by rule and line "
           f"(`tests/corpus/`; its README says how each plan and its expectations were written). A test runs "
           f"stratlint on them and holds these numbers current. The expectations were written apart from the "
           f"rules, but the rules were then tuned with these plans in view, so the numbers show that the rules "
           f"read these plans as a strategist does, not how they fare on plans nobody has looked at yet; the "
           f"disagreements below are the ones left.", "",
           f"- **Precision** {total['precision']:.1%}: of {total['reported']} findings reported, "
           f"{total['matched']} are expected.",
           f"- **Recall** {total['recall']:.1%}: of {total['expected']} expected findings, "
           f"{total['matched']} are reported.", ""]
    if data.get("disagreements"):
        out += ["Known disagreements:", ""]
        out += [f"- `{d['file']}` line {d['line']}, {d['code']} ({d['kind']}): {d['reason']}"
                for d in data["disagreements"]]
        out.append("")
    out += ["| rule | expected | reported | matched |", "|---|---|---|---|"]
    out += [f"| {code} | {n['expected']} | {n['reported']} | {n['matched']} |" for code, n in data["rules"].items()]
    return out


def render_functions(checks: dict) -> str:
    """Each check function with the first paragraph of its documentation."""
    out = []
    for name in sorted(checks):
        spec = checks[name]
        first = " ".join(spec.doc.split("\n\n")[0].split())
        out.append(f"{name}  ({spec.source})\n    {first}\n")
    return "".join(out)
