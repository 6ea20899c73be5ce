"""``stratlint report``: the HTML strategy review of the files ``check`` would lint.

    paths -> settings and files (check.prepare: the same discovery, config,
             rule selection, suppressions and baseline as check)
          -> per file, in this process or a --jobs worker:
             lint (check.check_file, keeping the text and values)
             -> the plan's page (report.render_plan)
          -> the index (report.render_index) -> pages written to DIR

Pages are rendered where the file was linted, so a report of many plans
uses every core for the pages too, and written as they come. Nothing at
all is written when a page would replace a file that is not one of a
stratlint report's pages (checked before any work).
"""
from __future__ import annotations

from functools import partial
from pathlib import Path

import click

from stratlint.checks.classify import classifiers
from stratlint.commands.check import CheckOptions, Job, check_each, check_file, prepare
from stratlint.errors import EXIT_FAILURE, EXIT_OK, report_error
from stratlint.formatters import RunError
from stratlint.report import PlanInput, rule_infos
from stratlint.report.render import (INDEX, index_href, load_templates, prepare_folder, render_index, render_plan,
                                     report_names, write_page)
from stratlint.rules.model import Rule


def run_report(options: CheckOptions) -> int:
    """The review of the files ``check`` would lint with ``options``, written to ``options.output`` (a folder)."""
    prepared = prepare(options, keep=True)
    jobs, settings_of = prepared.jobs, prepared.settings_of
    failed = bool(prepared.errors)
    out = Path(options.output)
    names = report_names([job.name for job in jobs])
    alone = index_href(len(jobs)) is None
    prepare_folder(out, [INDEX, *names])  # before the work, not after it
    load_templates()  # once, before the workers start, which inherit them
    # each folder may have its own config: the inference hooks of each settings
    hook_of: dict[int, int] = {}
    hooks: list[tuple] = []
    for settings in settings_of:
        if id(settings) not in hook_of:
            hook_of[id(settings)] = len(hooks)
            hooks.append(classifiers([*settings.rules, *settings.ruleset.rules]))
    docs = rule_infos({r.code: r for s in settings_of for r in s.ruleset.rules}.values())
    work = partial(review_file, rules_info=docs, index=index_href(len(jobs)), hooks=hooks)
    items = [(job, name, hook_of[id(s)]) for job, name, s in zip(jobs, names, settings_of)]
    rows: list[dict] = []
    for _, _, outcome in check_each(items, settings_of, options.jobs, work):
        if isinstance(outcome, RunError):
            report_error(str(outcome))
            failed = True
            continue
        name, html, row, crashes = outcome
        for crash in crashes:
            report_error(str(crash))
            failed = True
        write_page(out, name, html)  # while the workers go on
        rows.append(row)
    if not (alone and rows):
        write_page(out, INDEX, render_index(rows))
    count = len(rows)
    click.echo(f"Wrote the review of {count} plan{'' if count == 1 else 's'} to {out / INDEX}")
    return EXIT_FAILURE if failed else EXIT_OK


def review_file(item: tuple[Job, str, int], rules: list[Rule], *, rules_info: dict, index: str | None,
                hooks: list[tuple]) -> tuple | RunError:
    """Lint one file and render its page: ``(page name, html, index row,
    crashes)``, or the error of a file that cannot be read."""
    job, name, hook = item
    outcome = check_file(job, rules)
    if isinstance(outcome, RunError):
        return outcome
    result = outcome.result
    plan = PlanInput(result.path, result.data, result.text, [f.to_dict() for f in result.findings])
    kpi_category, channel_medium = hooks[hook]
    html, row = render_plan(plan, rules_info, name, index_href=index, kpi_category=kpi_category,
                            channel_medium=channel_medium)
    return name, html, row, result.crashes
