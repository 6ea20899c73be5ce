"""Render pages with Jinja2 (autoescaping on) and write them to disk.

The environment, its templates and the stylesheet are loaded once per
process, so a report of many plans costs one render per page. A page can
be rendered on its own (:func:`render_plan`, in a worker process) and the
index from the rows the plan pages return (:func:`render_index`).

Writing never leaves the output folder and never replaces a file that is
not a page of a stratlint report: a page's name is made of ``a-z 0-9 . _
-`` only (:func:`context.page_names`), and before anything is written
every target is checked (:func:`prepare_folder`): a link, a folder or a
file that does not carry the report's ``generator`` mark stops the run
with one line naming it, and nothing is written.
"""
from __future__ import annotations

import os
import tempfile
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

import stratlint
from stratlint.errors import StratlintError
from stratlint.report import scorecard
from stratlint.report.context import (default_channel_medium, default_kpi_category, page_names,
                                      plan_context)
from stratlint.report.model import PlanInput, RuleInfo

TEMPLATES = Path(__file__).resolve().parent / "templates"
INDEX = "index.html"
ICONS = ("error", "warning", "info", "present", "weak", "missing")
GENERATOR = "stratlint"
#: what every page holds near its top, and how an earlier report's page is told from other files
MARK = b'<meta name="generator" content="' + GENERATOR.encode() + b" "


@lru_cache(maxsize=1)
def _environment() -> Environment:
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True, undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    env.globals.update(
        stylesheet=(TEMPLATES / "report.css").read_text(encoding="utf-8"),
        elements=scorecard.ELEMENTS,
        generator=f"{GENERATOR} {stratlint.__version__}",
        icons={},
    )
    # The icons are drawn by the ``icon`` macro once, not once per use: a
    # report of many plans shows thousands of them. (Filled in place: the
    # templates keep the globals they were loaded with.)
    icon = env.get_template("_macros.html.j2").module.icon
    env.globals["icons"].update((kind, Markup(str(icon(kind)))) for kind in ICONS)
    return env


def _template(name: str):
    return _environment().get_template(name)


def load_templates() -> None:
    """Compile the templates now (a process that forks workers does this
    first, so that they inherit them)."""
    for name in ("plan.html.j2", "index.html.j2"):
        _template(name)


def render_plan(plan: PlanInput, rules: dict[str, RuleInfo], name: str, *, index_href: str | None,
                kpi_category: Callable[[dict, dict], str] | None = None,
                channel_medium: Callable[[dict, dict], str] | None = None) -> tuple[str, dict]:
    """One plan's page, and its row of the index (plain data: it can come
    back from a worker process)."""
    page = plan_context(plan, rules, name, index_href=index_href,
                        kpi_category=kpi_category or default_kpi_category,
                        channel_medium=channel_medium or default_channel_medium)
    html = _template("plan.html.j2").render(page=page)
    row = {key: page[key] for key in ("name", "title", "path", "parsed", "coverage", "counts")}
    row["ratings"] = [replace(r, findings=()) for r in page["ratings"]]
    return html, row


def render_index(rows: list[dict]) -> str:
    """The page that compares the plans, from the rows :func:`render_plan` returned."""
    return _template("index.html.j2").render(pages=rows)


def write_report(plans: list[PlanInput], rules: dict[str, RuleInfo], out_dir: Path, *,
                 kpi_category: Callable[[dict, dict], str] | None = None,
                 channel_medium: Callable[[dict, dict], str] | None = None) -> list[Path]:
    """Write one page per plan plus ``index.html``; return the paths written, index first.

    With several plans (or none), ``index.html`` compares them and links to
    each plan's page. With exactly one plan, ``index.html`` *is* that plan's
    page and no other file is written, so the report opens on the review.
    """
    plans = list(plans or ())
    names = report_names([getattr(p, "path", "") for p in plans])
    href = index_href(len(plans))
    pages = [render_plan(plan, rules, name, index_href=href, kpi_category=kpi_category,
                         channel_medium=channel_medium) for plan, name in zip(plans, names)]
    if href is None:
        return write_pages(Path(out_dir), [(name, html) for name, (html, _) in zip(names, pages)])
    index = render_index([row for _, row in pages])
    return write_pages(Path(out_dir), [(INDEX, index)] + [(name, html) for name, (html, _) in zip(names, pages)])


def report_names(paths: list[str]) -> list[str]:
    """The page name of each plan: ``index.html`` for a single plan."""
    return [INDEX] if len(paths) == 1 else page_names(paths)


def index_href(count: int) -> str | None:
    """Where a plan page links back to: the index, unless the plan is alone."""
    return None if count == 1 else INDEX


def prepare_folder(out_dir: Path, names: Iterable[str]) -> None:
    """Make ``out_dir`` if missing, once every page can be written there:
    it is a folder (or can be made) and each existing target is a report
    page. Otherwise raise a StratlintError naming what is in the way, and
    make nothing."""
    if out_dir.exists() and not out_dir.is_dir():
        raise StratlintError("the output folder is a file; name a folder for the report", path=str(out_dir))
    for name in names:
        if os.sep in name or (os.altsep and os.altsep in name) or name in ("", ".", ".."):
            raise StratlintError("not a page name", path=name)  # page_names never makes one
        target = out_dir / name
        if target.is_symlink() or (target.exists() and not (target.is_file() and _is_page(target))):
            raise StratlintError("exists and is not a page of a stratlint report; not replaced "
                                 "(move it, or write the report to another folder)", path=str(target))
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StratlintError(f"cannot make the output folder: {exc.strerror or exc}", path=str(out_dir)) from None


def _is_page(path: Path) -> bool:
    try:
        with open(path, "rb") as fh:
            return MARK in fh.read(1024)
    except OSError:
        return False


def write_pages(out_dir: Path, pages: list[tuple[str, str]]) -> list[Path]:
    """Write ``(name, html)`` pages into ``out_dir`` (see :func:`prepare_folder`)."""
    prepare_folder(out_dir, [name for name, _ in pages])
    return [write_page(out_dir, name, html) for name, html in pages]


def write_page(out_dir: Path, name: str, html: str) -> Path:
    """Write one page whole: a temporary file beside it, renamed over the
    old page (a link in its place is replaced, never followed). Call
    :func:`prepare_folder` with its name first."""
    target = out_dir / name
    try:
        fd, tmp = tempfile.mkstemp(dir=out_dir, prefix=".stratlint-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(html.encode("utf-8"))
            os.chmod(tmp, _file_mode())
            os.replace(tmp, target)
        except BaseException:
            os.unlink(tmp)
            raise
    except OSError as exc:
        raise StratlintError(f"cannot write the page: {exc.strerror or exc}", path=str(target)) from None
    return target


@lru_cache(maxsize=1)
def _file_mode() -> int:
    """What a new file gets: 0o666 less the umask."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask
