"""``stratlint waivers``: every exception a plan makes to the rules, in one list."""
from __future__ import annotations

import datetime
import json

import click

from stratlint.config.discovery import SettingsFinder
from stratlint.errors import report_error
from stratlint.files import TooLarge, discover, display_name, read_bytes
from stratlint.formatters import shown
from stratlint.limits import DEFAULT_MAX_FILE_SIZE
from stratlint.linter import lint_bytes


def run_waivers(paths: list[str], fmt: str, config: str | None, isolated: bool,
                respect_gitignore: bool = True, *, max_file_size: int = DEFAULT_MAX_FILE_SIZE,
                trust_plugins: bool = False) -> int:
    finder = SettingsFinder(config_file=config, isolated=isolated, trust_plugins=trust_plugins)
    files, problems = discover(paths, finder.selection(respect_gitignore))
    unread = len(problems)
    for problem in problems:
        report_error(str(problem))
    today = datetime.date.today()
    rows = []
    for path in files:
        name = display_name(path)
        try:
            data = read_bytes(path, max_file_size)
        except TooLarge as exc:
            report_error(f"{name}: {exc}; --max-file-size raises the limit")
            unread += 1
            continue
        except OSError as exc:
            report_error(f"{name}: {exc.strerror or exc}")
            unread += 1
            continue
        for s in lint_bytes(data, name, []).suppressions:
            status = "expired" if s.expired(today) else ("invalid date" if s.bad_date else "active")
            rows.append({"path": name, "line": s.line, "column": s.column, "scope": s.scope,
                         "rules": s.names, "reason": s.reason,
                         "until": s.until.isoformat() if s.until else (s.bad_date or None), "status": status})
    if fmt == "json":
        click.echo(json.dumps({"version": 1, "waivers": rows}, indent=2, ensure_ascii=False))
    else:
        for r in rows:
            until = f"until {r['until']} ({r['status']})" if r["until"] else "no expiry"
            reason = r["reason"] or "(no reason given)"
            where = "whole file" if r["scope"] == "disable-file" else "line"
            click.echo(f"{shown(r['path'])}:{r['line']}:{r['column']}: {','.join(r['rules'])} [{where}] {until}: {reason}")
        expired = sum(r["status"] != "active" for r in rows)
        read = len(files) - unread + len(problems)
        unread_note = (f"; {unread} path{'s' if unread != 1 else ''} could not be read (see the errors above)"
                       if unread else "")
        if unread and not read:
            click.echo(f"No file was read{unread_note}.")
        else:
            click.echo(f"{len(rows)} suppression{'s' if len(rows) != 1 else ''}, {expired} expired, "
                       f"in {read} file{'s' if read != 1 else ''}{unread_note}.")
    return 2 if unread else 0
