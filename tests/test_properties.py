"""Property-based: whatever is done to a plan, stratlint answers, always the
same way, and at a place that is in the file."""
from __future__ import annotations

import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from stratlint.document.positions import split_lines
from tests.helpers import run_cli

EXAMPLES = [p.read_bytes() for p in sorted((Path(__file__).resolve().parent.parent / "examples")
                                             .glob("*.strategy.yaml"))]
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

yaml_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3),
    max_leaves=8,
)


def run(data: bytes) -> tuple[int, str, str]:
    result = run_cli(["check", "--format", "json", "-"], input=data)
    return result.exit_code, result.stdout, result.stderr


def assert_sane(data: bytes) -> None:
    code, out, err = run(data)
    assert code in (0, 1, 2), (code, err)
    assert "Traceback" not in err
    report = json.loads(out)
    assert report["files_checked"] == 1
    for f in report["findings"]:
        assert f["line"] >= 1 and f["column"] >= 1
        assert_inside(data, f["line"], f["column"])
        assert_inside(data, f["end_line"], f["end_column"] - 1)  # a region is at least one column wide
    assert run(data) == (code, out, err)  # the same input, the same answer


def assert_inside(data: bytes, line: int, column: int) -> None:
    """A position is in the file as an editor shows it (lines end at LF,
    CRLF or CR), or just past the end of a line; never past the last line."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:  # placed on the text before the bad byte
        text = data.decode("utf-8", errors="replace")
    lines = split_lines(text) or [""]
    assert line <= len(lines), (line, len(lines))
    assert column <= len(lines[line - 1]) + 1, (line, column, lines[line - 1])


@SETTINGS
@given(st.sampled_from(EXAMPLES), st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 255)), max_size=8))
def test_byte_flips(plan, flips):
    data = bytearray(plan)
    for position, value in flips:
        data[position % len(data)] = value
    assert_sane(bytes(data))


@SETTINGS
@given(st.sampled_from(EXAMPLES), st.integers(0, 10**6))
def test_truncation(plan, cut):
    assert_sane(plan[: cut % (len(plan) + 1)])


@SETTINGS
@given(st.sampled_from(EXAMPLES), st.randoms(use_true_random=False))
def test_line_shuffles(plan, rng):
    lines = plan.split(b"\n")
    rng.shuffle(lines)
    assert_sane(b"\n".join(lines))


@SETTINGS
@given(st.sampled_from(EXAMPLES), st.integers(0, 10**6), st.text(min_size=1, max_size=12), yaml_values)
def test_random_values_in_random_places(plan, where, key, value):
    lines = plan.decode("utf-8").split("\n")
    index = where % len(lines)
    indent = len(lines[index]) - len(lines[index].lstrip())
    lines.insert(index, " " * indent + json.dumps({key: value}, allow_nan=True))
    assert_sane("\n".join(lines).encode("utf-8"))


@SETTINGS
@given(st.sampled_from(EXAMPLES), st.integers(0, 10**6), st.sampled_from([b"\r\n", b"\r"]))
def test_line_ends_do_not_move_findings(plan, cut, end):
    """The same plan, cut anywhere, with LF, CRLF or CR line ends: the same
    findings at the same lines and columns, as an editor shows them."""
    data = plan[: cut % (len(plan) + 1)]
    _, lf, _ = run(data)
    _, other, _ = run(data.replace(b"\n", end))
    assert json.loads(other)["findings"] == json.loads(lf)["findings"]
    assert_sane(data.replace(b"\n", end))
