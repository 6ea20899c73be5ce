"""Properties of check --fix over every example, a generated corpus and
plans written by hypothesis in many YAML styles: after the fix the file
still parses, every original key, value and comment is still there, the
text only gained characters (a line changes only where a flow collection
got a pair), no error-level finding appears, each placeholder is reported,
and a second fix changes nothing."""
from __future__ import annotations

import difflib
import json
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from stratlint.document import load
from stratlint.findings import Severity
from stratlint.fix import fix_bytes
from stratlint.linter import lint_bytes
from stratlint.rules.registry import load_rules

ROOT = Path(__file__).resolve().parent.parent
RULES = load_rules().rules
FIXABLE = {r.code: r for r in RULES if r.fix}


def check_fix(before: str) -> str:
    """Fix ``before`` with every rule and assert the properties; return the fixed text."""
    data = before.encode("utf-8")
    findings = lint_bytes(data, "plan.strategy.yaml", RULES).findings
    outcome = fix_bytes(data, findings, FIXABLE)
    if outcome.after is None:
        return before
    after = outcome.after.decode("utf-8")
    load(after)  # still parses
    assert is_subsequence(before, after), "a character of the plan was removed or changed"
    flow = flow_lines(before)
    for number in changed_lines(before, after):  # only a line of a flow collection changes
        assert number in flow, before.splitlines()[number]
    assert_kept(ruamel_leaves(before), ruamel_leaves(after))
    assert_kept(leaves(load(before).data), leaves(load(after).data))
    assert not comments(before) - comments(after), "a comment was lost"
    new = lint_bytes(outcome.after, "plan.strategy.yaml", RULES).findings
    errors = Counter(f.code for f in findings if f.severity == Severity.ERROR)
    new_errors = Counter(f.code for f in new if f.severity == Severity.ERROR)
    assert not new_errors - errors, f"the fix added errors: {new_errors - errors}"
    todo = sum(placeholders(a.value) for _, adds, _ in outcome.applied for a in adds)
    placeholder_findings = Counter(f.code for f in new)["SL903"] - Counter(f.code for f in findings)["SL903"]
    assert placeholder_findings == todo
    assert not {f.code for f in new} & {f.code for f, _, _ in outcome.applied}, "a fixed finding is still there"
    again = fix_bytes(outcome.after, new, FIXABLE)
    assert again.after is None and not again.applied, "a second --fix changed the file"
    return after


def is_subsequence(small: str, big: str) -> bool:
    it = iter(big)
    return all(char in it for char in small)


def removed_lines(before: str, after: str) -> list[str]:
    return [line[1:] for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="")
            if line.startswith("-") and not line.startswith("---")]


def changed_lines(before: str, after: str) -> list[int]:
    """Numbers (from 0) of the lines of ``before`` that are not in ``after`` as they were."""
    matcher = difflib.SequenceMatcher(None, before.splitlines(), after.splitlines(), autojunk=False)
    return [i for tag, i1, i2, _, _ in matcher.get_opcodes() if tag != "equal" for i in range(i1, i2)]


def flow_lines(text: str) -> set[int]:
    """Lines (from 0) on which a flow collection ({...} or [...]) stands."""
    from yaml.nodes import MappingNode, SequenceNode

    out: set[int] = set()
    stack = [load(text).root]
    while stack:
        node = stack.pop()
        if isinstance(node, MappingNode):
            stack.extend(n for pair in node.value for n in pair)
        elif isinstance(node, SequenceNode):
            stack.extend(node.value)
        else:
            continue
        if node.flow_style:
            out.update(range(node.start_mark.line, node.end_mark.line + 1))
    return out


def leaves(value, path=()):
    """Every (path, scalar) of a value, keys included as paths. An empty
    value (null, [] or {}) counts as absent, as the rules count it: a fix
    may fill it, and only its key must stay."""
    if value is None:
        return []
    if isinstance(value, dict):
        out = [(path + (k,), "<key>") for k in value]
        for k, v in value.items():
            out += leaves(v, path + (k,))
        return out
    if isinstance(value, list):
        return [leaf for i, v in enumerate(value) for leaf in leaves(v, path + (i,))]
    return [(path, repr(value))]


def ruamel_leaves(text: str):
    return leaves(YAML(typ="rt", pure=True).load(text))


def assert_kept(old, new):
    missing = Counter(old) - Counter(new)
    assert not missing, f"lost: {sorted(missing)[:5]}"


def comments(text: str) -> Counter:
    doc = load(text)
    found = Counter()
    for number, line in enumerate(text.splitlines(), 1):
        for m in re.finditer(r"(?:^|(?<=\s))#", line):
            if not doc.in_value(number, m.start() + 1):
                found[line[m.start():]] += 1
                break
    return found


def placeholders(value) -> int:
    if isinstance(value, dict):
        return sum(placeholders(v) for v in value.values())
    if isinstance(value, list):
        return sum(placeholders(v) for v in value)
    return int(isinstance(value, str) and value.startswith("TODO:"))


# -- the examples and a generated corpus ----------------------------------------------------


@pytest.mark.parametrize("example", sorted((ROOT / "examples").glob("*.strategy.yaml")), ids=lambda p: p.name)
def test_examples(example):
    before = example.read_text(encoding="utf-8")
    after = check_fix(before)
    assert removed_lines(before, after) == []  # block sections only: the diff is all '+'


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    out = tmp_path_factory.mktemp("corpus")
    subprocess.run([sys.executable, str(ROOT / "benchmarks" / "corpus.py"), str(out), "--files", "20",
                    "--seed", "7", "--defect-rate", "1"], check=True, capture_output=True)
    return sorted(out.glob("*.strategy.yaml"))


def test_generated_corpus(corpus):
    assert len(corpus) == 20
    changed = 0
    for path in corpus:
        before = path.read_text(encoding="utf-8")
        changed += check_fix(before) != before
    assert changed >= 4  # the corpus has missing sections and KPIs without targets to fix


# -- plans written by hypothesis -------------------------------------------------------------

WORDS = st.sampled_from(["Retention", "Home baristas", "Weekly", "Ana: lead", "50% #1", "'quoted'", "café",
                         "Repeat orders", "yes", "2027-01-01", "x-y"])


@st.composite
def yaml_plans(draw):
    step = draw(st.sampled_from([2, 4]))
    dash = draw(st.sampled_from([0, 2, step]))
    pad, item = " " * step, " " * dash + "- "
    lines = ["# yaml-language-server: $schema=strategy-v1.schema.json", "version: 1",
             f"name: {json.dumps(draw(WORDS))}  # title"]
    sections = []

    def word():
        return json.dumps(draw(WORDS), ensure_ascii=False)

    review = draw(st.sampled_from(["absent", "empty", "flow", "block", "flow-empty", "done"]))
    sections.append({"absent": [], "empty": ["review:   # to decide"], "flow": [f"review: {{owner: {word()}}}"],
                     "flow-empty": ["review: {}"], "done": ["review: {cadence: monthly}"],
                     "block": ["review:", f"{pad}owner: {word()}", f"{pad}# who runs it"]}[review])
    listening = draw(st.sampled_from(["absent", "owner", "tools-empty", "done"]))
    sections.append({"absent": [], "owner": ["listening:", f"{pad}owner: {word()}"],
                     "tools-empty": ["listening: {tools: [], owner: x}"],
                     "done": ["listening: {tools: [mentions], cadence: weekly}"]}[listening])
    audience = draw(st.sampled_from(["absent", "null", "notes", "segments-empty", "done"]))
    sections.append({"absent": [], "null": ["audience:"], "notes": ["audience:", f"{pad}notes: {word()}"],
                     "segments-empty": ["audience:", f"{pad}segments: []"],
                     "done": ["audience:", f"{pad}segments:", f"{pad}{item}id: s1",
                              f"{pad}{' ' * (dash + 2)}description: {word()}"]}[audience])
    vp = draw(st.sampled_from(["absent", "empty", "folded", "plain"]))
    sections.append({"absent": [], "empty": ["value_proposition:"], "plain": [f"value_proposition: {word()}"],
                     "folded": ["value_proposition: >-", f"{pad}Learn to brew # not a comment", "",
                                f"{pad}with us", ""]}[vp])
    if draw(st.booleans()):
        sections.append(["customer_care: {response_time: 4h}"])
    kpis = draw(st.lists(st.tuples(st.booleans(), st.booleans()), max_size=3))
    if kpis:
        block = ["kpis:"]
        for i, (flow, target) in enumerate(kpis):
            extra = ", target: 70%" if target else ""
            if flow:
                block.append(f"{pad}{item}{{id: k{i}, name: {word()}{extra}}}  # kpi {i}")
            else:
                block += [f"{pad}{item}id: k{i}", f"{pad}{' ' * (dash + 2)}name: {word()}"]
                if target:
                    block.append(f"{pad}{' ' * (dash + 2)}target: 70%")
        sections.append(block)
    if draw(st.booleans()):
        sections.append(["x-notes: |+", f"{pad}keep # this", "", ""])
    order = draw(st.permutations(range(len(sections))))
    for i in order:
        if draw(st.booleans()):
            lines.append(draw(st.sampled_from(["", "# a section", "  # indented note"])))
        lines += sections[i]
    if draw(st.booleans()):
        lines.append("# the end")
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    return newline.join(lines) + (newline if draw(st.booleans()) else "")


@st.composite
def json_plans(draw):
    plan = {"version": 1, "name": draw(WORDS)}
    if draw(st.booleans()):
        plan["review"] = {"owner": "Ana"}
    plan["kpis"] = [{"id": f"k{i}", "name": draw(WORDS)} for i in range(draw(st.integers(0, 2)))]
    return json.dumps(plan, indent=draw(st.sampled_from([None, 2])), ensure_ascii=False) + "\n"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(yaml_plans(), json_plans()))
def test_generated_plans(text):
    load(text)  # the generator writes valid plans
    check_fix(text)
