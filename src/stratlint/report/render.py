"""Render pages with Jinja2 (autoescaping on) and write them to disk.

The environment, its templates and the stylesheet are loaded once per
process, so a report of many plans costs one render per page.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Callable

from jinja2 import Environment, FileSystemLoader, StrictUndefined

import stratlint
from stratlint.report import scorecard
from stratlint.report.context import (default_channel_medium, default_kpi_category, page_names,
                                      plan_context)
from stratlint.report.model import PlanInput, RuleInfo

TEMPLATES = Path(__file__).resolve().parent / "templates"
INDEX = "index.html"


@lru_cache(maxsize=1)
def _environment() -> Environment:
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True, undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    env.globals.update(
        stylesheet=(TEMPLATES / "report.css").read_text(encoding="utf-8"),
        elements=scorecard.ELEMENTS,
        generator=f"stratlint {stratlint.__version__}",
    )
    return env


def _template(name: str):
    return _environment().get_template(name)


def write_report(plans: list[PlanInput], rules: dict[str, RuleInfo], out_dir: Path, *,
                 kpi_category: Callable[[dict, dict], str] | None = None,
                 channel_medium: Callable[[dict, dict], str] | None = None) -> list[Path]:
    """Write one page per plan plus ``index.html``; return the paths written, index first.

    With several plans (or none), ``index.html`` compares them and links to
    each plan's page. With exactly one plan, ``index.html`` *is* that plan's
    page and no other file is written, so the report opens on the review.
    """
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    plans = list(plans or ())
    hooks = {"kpi_category": kpi_category or default_kpi_category,
             "channel_medium": channel_medium or default_channel_medium}
    single = len(plans) == 1
    names = [INDEX] if single else page_names([getattr(p, "path", "") for p in plans])
    pages = [plan_context(plan, rules, name, index_href=None if single else INDEX, **hooks)
             for plan, name in zip(plans, names)]

    written = []
    if not single:
        written.append(_write(out_dir / INDEX, _template("index.html.j2").render(pages=pages)))
    plan_page = _template("plan.html.j2")
    for page in pages:
        written.append(_write(out_dir / page["name"], plan_page.render(page=page)))
    return written


def _write(path: Path, html: str) -> Path:
    path.write_bytes(html.encode("utf-8"))
    return path
