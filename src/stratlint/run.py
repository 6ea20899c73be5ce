"""``stratlint check``: files in, a report and an exit code out."""
from __future__ import annotations

from dataclasses import dataclass, field

import click

from stratlint import baseline as baselines
from stratlint.errors import StratlintError
from stratlint.findings import Finding, Severity
from stratlint.formatters import Report, render
from stratlint.lint import FileOptions, FileResult, lint_bytes
from stratlint.settings import Settings, resolve
from stratlint.sources import discover, display_name, read_bytes

EXIT_OK, EXIT_FINDINGS, EXIT_FAILURE = 0, 1, 2


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


def run_check(options: CheckOptions) -> int:
    settings = resolve(config_file=options.config, isolated=options.isolated, select=options.select,
                       ignore=options.ignore, fail_on=options.fail_on, rule_packs=options.rule_packs,
                       plugins=options.plugins, baseline=options.baseline)
    known = baselines.read(settings.baseline) if settings.baseline and not options.write_baseline else None
    files, problems = discover(options.paths, include=settings.include, exclude=settings.exclude,
                               allow_empty=options.allow_empty)
    failed = bool(problems)
    for problem in problems:
        _error(str(problem))
    findings: list[Finding] = []
    prints: dict[int, str] = {}
    checked: list[str] = []
    for result in _lint_all(files, settings, options, fingerprints=bool(known or options.write_baseline)):
        if isinstance(result, str):
            _error(result)
            failed = True
            continue
        checked.append(result.path)
        findings.extend(result.findings)
        prints.update(result.fingerprints)
        for crash in result.crashes:
            _error(str(crash))
            failed = True
    if options.write_baseline:
        baselines.write(options.write_baseline, findings, prints)
    if known is not None:
        findings = baselines.subtract(findings, prints, known)
    findings.sort(key=Finding.sort_key)
    report = Report(findings, len(checked), settings.rules, checked, failed)
    if options.statistics and options.fmt == "text":
        from stratlint.formatters.statistics import render as statistics

        text = statistics(report)
    else:
        text = render(options.fmt, report, color=options.color, quiet=options.quiet)
    _write(text, options.output)
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
    """Yield a FileResult per file, or an error line for a file that cannot be read."""
    for path in files:
        name = display_name(path)
        try:
            data = read_bytes(path)
        except OSError as exc:
            yield f"{name}: {exc.strerror or exc}"
            continue
        yield lint_bytes(data, name, settings.rules, file_options(name, settings, options, fingerprints))


def file_options(name: str, settings: Settings, options: CheckOptions, fingerprints: bool) -> FileOptions:
    posix = name.replace("\\", "/")
    ignore = tuple(n for pattern, names in settings.per_file_ignores if pattern.match(posix) for n in names)
    return FileOptions(ignore=ignore, require_reason=settings.require_reason,
                       report_unused=options.report_unused_disables, fingerprints=fingerprints)


def _error(message: str) -> None:
    click.echo(f"stratlint: error: {message}", err=True)


def _write(text: str, output: str | None) -> None:
    if output is None:
        click.echo(text, nl=False)
        return
    try:
        with open(output, "w", encoding="utf-8") as fh:
            fh.write(text)
    except OSError as exc:
        raise StratlintError(f"cannot write the report: {exc.strerror or exc}", path=output) from None


__all__ = ["CheckOptions", "FileResult", "run_check", "exit_code"]
