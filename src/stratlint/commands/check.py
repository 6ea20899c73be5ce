"""``stratlint check``: files in, a report and an exit code out."""
from __future__ import annotations

import gc
import os
from dataclasses import dataclass, field

import click

from stratlint.errors import EXIT_FAILURE, EXIT_FINDINGS, EXIT_OK, StratlintError, report_error
from stratlint.findings import Finding, Severity
from stratlint.formatters import Report, render
from stratlint.linter import FileOptions, FileResult, lint_bytes
from stratlint.config.settings import Settings, resolve
from stratlint.files import STDIN, STDIN_NAME, discover, display_name, read_bytes, read_stdin



@dataclass
class CheckOptions:
    paths: list[str]
    fmt: str = "text"
    output: str | None = None
    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    fail_on: str | None = None
    quiet: bool = False
    color: bool = False
    rule_packs: list[str] = field(default_factory=list)
    plugins: list[str] = field(default_factory=list)
    config: str | None = None
    isolated: bool = False
    baseline: str | None = None
    write_baseline: str | None = None
    statistics: bool = False
    report_unused_disables: bool = False
    reports: list[tuple[str, str]] = field(default_factory=list)  # (format, file) from --report
    allow_empty: bool = False
    jobs: int | None = None  # None: one per core
    fix: bool = False  # scaffold what fixable rules find missing (stratlint.fix.fixes), then report the rest
    diff: bool = False  # print the fixes as a unified diff instead; write nothing, report nothing else
    stdin_data: bytes | None = None  # standard input, once --fix has read (and fixed) it


def run_check(options: CheckOptions) -> int:
    settings = resolve(config_file=options.config, isolated=options.isolated, select=options.select,
                       ignore=options.ignore, fail_on=options.fail_on, rule_packs=options.rule_packs,
                       plugins=options.plugins, baseline=options.baseline)
    known = None
    if settings.baseline or options.write_baseline:
        from stratlint.filters import baseline as baselines

        if settings.baseline and not options.write_baseline:
            known = baselines.read(settings.baseline)
    files, problems = discover(options.paths, include=settings.include, exclude=settings.exclude,
                               allow_empty=options.allow_empty, base=settings.config_dir)
    failed = bool(problems)
    for problem in problems:
        report_error(str(problem))
    if options.fix or options.diff:
        from stratlint.fix.fixes import fix_files

        fixing = fix_files(files, settings, options, known)
        failed = failed or fixing.failed
        if options.diff:
            _write(fixing.diff, options.output)
            return EXIT_FAILURE if failed else fixing.exit_code
        options.stdin_data = fixing.stdin_data
    findings: list[Finding] = []
    prints: dict[int, str] = {}
    checked: list[str] = []
    for result in _lint_all(files, settings, options, fingerprints=known is not None or bool(options.write_baseline)):
        if isinstance(result, str):
            report_error(result)
            failed = True
            continue
        checked.append(result.path)
        findings.extend(result.findings)
        prints.update(zip(map(id, result.findings), result.fingerprints))
        for crash in result.crashes:
            report_error(str(crash))
            failed = True
    if options.write_baseline:
        baselines.write(options.write_baseline, findings, prints)
    if known is not None:
        findings = baselines.subtract(findings, prints, known, settings.baseline)
    findings.sort(key=Finding.sort_key)
    report = Report(findings, len(checked), settings.rules, checked, failed)
    if options.statistics and options.fmt == "text":
        from stratlint.formatters.statistics import render as statistics

        text = statistics(report)
    else:
        text = render(options.fmt, report, color=options.color, quiet=options.quiet)
    _write(text, options.output, err=options.fix and STDIN in files)  # stdout holds the fixed plan
    for fmt, path in options.reports:
        _write(render(fmt, report, quiet=options.quiet), path)
    if failed:
        return EXIT_FAILURE
    if options.write_baseline:
        return EXIT_OK
    return exit_code(findings, settings.fail_on)


def exit_code(findings: list[Finding], fail_on: str) -> int:
    if fail_on != "never":
        threshold = Severity.parse(fail_on)
        if any(f.severity >= threshold for f in findings):
            return EXIT_FINDINGS
    return EXIT_OK


def _lint_all(files: list[str], settings: Settings, options: CheckOptions, *, fingerprints: bool):
    """Yield, in the order of ``files``, a FileResult per file or an error line
    for a file that cannot be read. With several jobs, files are linted in
    worker processes; the results, and so the output, are the same."""
    work = []
    for path in files:
        name = display_name(path)
        data = (read_stdin() if options.stdin_data is None else options.stdin_data) if path == STDIN else None
        work.append((path, name, data, file_options(name, settings, options, fingerprints)))
    jobs = max(1, options.jobs or os.cpu_count() or 1)
    if jobs > 1 and len(work) > 2 * jobs and _can_fork():
        import multiprocessing

        from stratlint.schema.explain import quick_check

        quick_check()  # compiled once here, inherited by every worker
        gc.freeze()  # the workers' collector then leaves what they inherit alone
        # fork: the workers inherit the loaded rules instead of loading them again
        context = multiprocessing.get_context("fork")
        chunk = max(1, len(work) // (jobs * 32))
        with context.Pool(jobs, initializer=_start_worker, initargs=(settings.rules,)) as pool:
            yield from pool.imap(_lint_in_worker, work, chunksize=chunk)
    else:
        for item in work:
            yield _lint_one(settings.rules, *item)


_worker_rules: list = []


def _can_fork() -> bool:
    import multiprocessing

    return "fork" in multiprocessing.get_all_start_methods()


def _start_worker(rules: list) -> None:
    global _worker_rules
    _worker_rules = rules


def _lint_in_worker(item) -> FileResult | str:
    return _lint_one(_worker_rules, *item)


def _lint_one(rules, path: str, name: str, data: bytes | None, options: FileOptions) -> FileResult | str:
    if data is None:
        try:
            data = read_bytes(path)
        except OSError as exc:
            return f"{name}: {exc.strerror or exc}"
    return lint_bytes(data, name, rules, options)


def file_options(name: str, settings: Settings, options: CheckOptions, fingerprints: bool) -> FileOptions:
    forms = {name.replace(os.sep, "/")}
    if settings.config_dir and name != STDIN_NAME:  # patterns are relative to the config's folder too
        forms.add(os.path.relpath(os.path.abspath(name), settings.config_dir).replace(os.sep, "/"))
    ignore = tuple(n for pattern, names in settings.per_file_ignores
                   if any(pattern.match(form) for form in forms) for n in names)
    known = tuple((r.code, r.slug) for r in settings.ruleset.rules) if options.report_unused_disables else ()
    return FileOptions(ignore=ignore, require_reason=settings.require_reason,
                       report_unused=options.report_unused_disables, fingerprints=fingerprints, known=known)




def _write(text: str, output: str | None, err: bool = False) -> None:
    if output is None:
        click.echo(text, nl=False, err=err)
        return
    try:
        with open(output, "w", encoding="utf-8") as fh:
            fh.write(text)
    except OSError as exc:
        raise StratlintError(f"cannot write the report: {exc.strerror or exc}", path=output) from None


__all__ = ["CheckOptions", "FileResult", "run_check", "exit_code"]
