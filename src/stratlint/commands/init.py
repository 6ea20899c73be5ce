"""``stratlint init``: write a commented starter plan.

The plan is a template shipped inside the package
(``stratlint/templates/plan.strategy.yaml``), not generated: a strategist
reads it as a document, and its comments (what each section is for, and
the article that argues for it) are easier to keep right in one YAML
file than in code. It passes every error-level rule, and its only
warnings are the placeholders (``TODO: ...``, placeholder-text) that ask
for a decision.

The plan's name, owner and first business objective come from
``--name``/``--owner``/``--objective``, or from prompts when standard
input is a terminal. They are written as YAML scalars that read back as
exactly the text given (plain where that is safe, double-quoted with
escapes otherwise), so a name with ``: `` or ``#`` stays text.
"""
from __future__ import annotations

import datetime
import os
import re
import sys
import unicodedata
from importlib.resources import files

import click

from stratlint.errors import StratlintError

DEFAULT_PATH = "plan.strategy.yaml"

PLACEHOLDERS = {
    "name": "TODO: the plan's title, e.g. Northwind Coffee 2027 customer strategy",
    "owner": "TODO: the person or role accountable for the plan",
    "objective": "TODO: the business result this plan serves, e.g. raise 12-month retention from 61% to 70%",
}
PROMPTS = {
    "name": "Plan name",
    "owner": "Owner (the person or role accountable)",
    "objective": "First business objective",
}


def template() -> str:
    return files("stratlint").joinpath("templates", "plan.strategy.yaml").read_text(encoding="utf-8")


def render(name: str = "", owner: str = "", objective: str = "", today: datetime.date | None = None) -> str:
    """The starter plan; a blank value becomes its ``TODO:`` placeholder.
    The plan covers twelve months from the first day of next month."""
    values = {key: (value or "").strip() or PLACEHOLDERS[key]
              for key, value in (("name", name), ("owner", owner), ("objective", objective))}
    today = today or datetime.date.today()
    start = datetime.date(today.year + today.month // 12, today.month % 12 + 1, 1)
    end = datetime.date(start.year + 1, start.month, 1) - datetime.timedelta(days=1)
    objective_id = scalar(slug(objective) if (objective or "").strip() else "business-objective")
    filled = {"NAME": scalar(values["name"]), "OWNER": scalar(values["owner"]), "OBJECTIVE_ID": objective_id,
              "OBJECTIVE": scalar(values["objective"]), "START": start.isoformat(), "END": end.isoformat()}
    # one pass, so that a value that happens to hold a marker stays as it is
    return _MARKER.sub(lambda m: filled[m.group(1)], template())


_MARKER = re.compile(r"__(NAME|OWNER|OBJECTIVE_ID|OBJECTIVE|START|END)__")


def slug(text: str, words: int = 5) -> str:
    """An id for a text: ``Raise retention to 70%!`` -> ``raise-retention-to-70``."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    parts = re.findall(r"[a-z0-9]+", ascii_text)[:words]
    return "-".join(parts)[:40].strip("-") or "business-objective"


# YAML's printable characters, less the quote, the backslash and the line breaks a
# double-quoted scalar would fold (NEL, LS, PS).
_UNSAFE = re.compile("[^\x09\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]|[\"\\\\]")


def scalar(text: str) -> str:
    """``text`` as a YAML scalar that reads back as exactly ``text``: as
    ruamel.yaml writes it when the plan's (YAML 1.1) loader reads that as
    the same text, else double-quoted with escapes (ruamel writes YAML 1.2,
    where ``yes`` and ``0`` are not what they are in 1.1)."""
    from stratlint.document.loader import STR, compose
    from stratlint.fix.scaffold import render_yaml

    written = render_yaml({"k": text}, 2, 2, flow=False)[len("k: "):].rstrip("\n")
    if not any(m.group(0) not in '"\\' for m in _UNSAFE.finditer(text)):  # no control or line-break character
        try:
            node = compose(f"k: {written}\n").value[0][1]
            if node.tag == STR and node.value == text:
                return written
        except Exception:  # noqa: BLE001 - anything odd: fall back to the escaped form
            pass
    return '"' + _UNSAFE.sub(_escape, text) + '"'


def _escape(m: re.Match) -> str:
    char = m.group(0)
    if char in '"\\':
        return "\\" + char
    if char in "\n\r":
        return "\\n" if char == "\n" else "\\r"
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def stdin_is_terminal() -> bool:
    """Whether to prompt: only a person at a terminal can answer."""
    return sys.stdin.isatty()


def run_init(path: str | None, name: str | None, owner: str | None, objective: str | None, *,
             interactive: bool, force: bool, today: datetime.date | None = None) -> int:
    """Write the starter plan to ``path`` (a folder gets ``plan.strategy.yaml``)."""
    from stratlint.files import write_atomic

    target = path or DEFAULT_PATH
    if os.path.isdir(target):
        target = os.path.join(target, DEFAULT_PATH)
    if os.path.lexists(target) and not force:
        raise StratlintError(f"{target} already exists; pass --force to overwrite it")
    given = {"name": name, "owner": owner, "objective": objective}
    if interactive:
        for key, value in given.items():
            if value is None:
                given[key] = click.prompt(PROMPTS[key], default="", show_default=False)
    text = render(given["name"] or "", given["owner"] or "", given["objective"] or "", today)
    folder = os.path.dirname(target)
    try:
        if folder:
            os.makedirs(folder, exist_ok=True)
        write_atomic(target, text.encode("utf-8"))
    except OSError as exc:
        raise StratlintError(f"cannot write the plan: {exc.strerror or exc}", path=target) from None
    todo = _placeholders(text, target)
    click.echo(f"Wrote {target}: a starter plan with {todo} TODO placeholders to fill in.")
    click.echo(f"Replace them with your decisions, then run 'stratlint check {target}'.")
    schema = os.path.join(folder, "strategy.schema.json") if folder else "strategy.schema.json"
    if not os.path.exists(schema):
        click.echo(f"For completion and checks as you type, run 'stratlint schema > {schema}'.")
    return 0


def _placeholders(text: str, path: str) -> int:
    from stratlint.linter import lint_bytes
    from stratlint.rules.registry import load_rules

    rules = [r for r in load_rules().rules if r.slug == "placeholder-text"]
    return len(lint_bytes(text.encode("utf-8"), path, rules).findings)
