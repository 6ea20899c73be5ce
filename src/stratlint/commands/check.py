"""``stratlint check``: files in, a report and an exit code out.

    paths -> files (discovery) -> per file: bytes -> lint (-> fix -> lint)
          -> report (formatters) -> exit code

Each file goes through :func:`check_file`, in this process or in worker
processes (``--jobs``), in the same way; the results come back in the
order of the files, so the output is the same whatever ``--jobs`` is.
``--fix`` and ``--diff`` are the same path with the scaffold step on:
a fixed file is linted once more and that result is the one reported,
and nothing is written until every file has been read and checked.
"""
from __future__ import annotations

import gc
import os
from collections import Counter
from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING, Callable

import click

from stratlint.document import decode
from stratlint.errors import EXIT_FAILURE, EXIT_FINDINGS, EXIT_OK, StratlintError, report_error
from stratlint.commands.progress import progress_bar
from stratlint.config.discovery import SettingsFinder
from stratlint.config.per_file import filter_options
from stratlint.config.settings import Settings
from stratlint.files import STDIN, STDIN_NAME, TooLarge, discover, read_bytes, read_stdin, write_atomic
from stratlint.filters import FilterOptions
from stratlint.findings import Finding, Severity
from stratlint.formatters import Report, RunError, render, shown
from stratlint.limits import DEFAULT_MAX_FILE_SIZE
from stratlint.linter import FileResult, lint_bytes, lint_fixed, lint_unread
from stratlint.rules.model import Rule

if TYPE_CHECKING:
    from stratlint.cache import ResultCache
    from stratlint.fix import FileFix


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
    fix: bool = False  # scaffold what fixable rules find missing (stratlint.fix), then report the rest
    diff: bool = False  # print the fixes as a unified diff instead; write nothing, report nothing else
    stdin_filename: str | None = None  # the name standard input is reported and configured as
    respect_gitignore: bool = True  # a directory walk skips what git ignores
    cache: bool = True  # answer unchanged files from the result cache (stratlint.cache)
    cache_dir: str | None = None  # --cache-dir; else STRATLINT_CACHE_DIR, else .stratlint_cache
    max_file_size: int = DEFAULT_MAX_FILE_SIZE  # bytes; a larger file is one SL001, not read
    trust_plugins: bool = False  # load the plugins a config names (stratlint.config.trust)


@dataclass(slots=True)
class FileCheck:
    """One file's outcome: its lint result, and with --fix/--diff the fix
    (``fix.after`` is None when nothing was changed); ``before`` keeps the
    bytes read, so that a file changed meanwhile is never overwritten."""

    result: FileResult
    before: bytes = b""
    fix: "FileFix | None" = None  # stratlint.fix.FileFix, imported only when fixing


@dataclass(frozen=True, slots=True)
class Job:
    """What a worker needs to check one file."""

    path: str
    name: str
    data: bytes | None  # standard input, read once; None: read the file
    options: FilterOptions
    fix: bool = False
    keep: bool = False  # keep the text and values in the result (report, diff)
    limit: int = DEFAULT_MAX_FILE_SIZE  # bytes a file may have
    unread: str | None = None  # why the file was not read (standard input over the limit)


@dataclass
class Prepared:
    """What every command that lints files starts from (check, report, diff):
    the settings finder, the files, a job and the settings of each, and the
    paths that went wrong (each already said on standard error)."""

    finder: SettingsFinder
    files: list[str]
    jobs: list[Job]
    settings_of: list[Settings]
    errors: list[RunError]


def run_check(options: CheckOptions) -> int:
    fingerprints = bool(options.write_baseline) or "sarif" in (options.fmt, *(fmt for fmt, _ in options.reports))
    prepared = prepare(options, fingerprints=fingerprints)
    finder, files, jobs, settings_of = prepared.finder, prepared.files, prepared.jobs, prepared.settings_of
    _refuse_overwrites(options, finder.all, files)
    errors = list(prepared.errors)  # said already
    said = len(errors)
    fixing = options.fix or options.diff
    findings: list[Finding] = []
    checked: list[str] = []
    fixes: list[tuple[str, FileCheck]] = []
    fail_on: dict[str, str] = {}
    cache = _open_cache(options) if options.cache and jobs else None
    gc.freeze()  # what start-up built (rules, settings) lasts the whole run: no collector pass need walk it
    gc.enable()  # the command line pauses the collector for start-up
    with progress_bar(len(jobs)) as advance:
        for job, settings, outcome in check_each(jobs, settings_of, options.jobs, cache=cache):
            advance()
            if isinstance(outcome, RunError):
                errors.append(outcome)
                continue
            checked.append(outcome.result.path)
            if outcome.result.findings:  # only a finding asks whether it fails the run
                fail_on[outcome.result.path] = settings.fail_on
            findings.extend(outcome.result.findings)
            for crash in outcome.result.crashes:
                errors.append(RunError(crash.path, str(crash), "crash"))
            if outcome.fix is not None:
                fixes.append((job.path, outcome))
    for error in errors[said:]:  # after the progress bar, which would garble them
        report_error(str(error))
    failed = bool(errors)
    if fixing:
        done = _apply_fixes(fixes, options)
        failed = failed or done.failed
        if options.diff:
            write_output(done.diff, options.output)
            return EXIT_FAILURE if failed else (EXIT_FINDINGS if done.fixed else EXIT_OK)
    if options.write_baseline:
        from stratlint.filters import baseline as baseline_files

        baseline_files.write(options.write_baseline, findings)
        if not options.quiet:
            count = f"{len(findings)} finding{'' if len(findings) == 1 else 's'}"
            click.echo(f"Recorded {count} in {shown(options.write_baseline)}; "
                       f"with --baseline {shown(options.write_baseline)} only new ones are reported.", err=True)
    findings.sort(key=Finding.sort_key)
    first = settings_of[0] if settings_of else finder.for_folder(os.getcwd()) if not finder.all else finder.all[0]
    rules = list({r.code: r for s in (finder.all or [first]) for r in s.rules}.values())
    report = Report(findings, len(checked), rules, checked, failed, errors, first.fail_on,
                    report_root(files), fail_on)
    if options.statistics:
        from stratlint.formatters.statistics import render as statistics

        text = statistics(report, options.fmt, quiet=options.quiet)
    else:
        text = render(options.fmt, report, color=options.color, quiet=options.quiet)
    write_output(text, options.output, err=options.fix and STDIN in files)  # stdout holds the fixed plan
    for fmt, path in options.reports:
        write_output(render(fmt, report, quiet=options.quiet), path)
    if failed:
        return EXIT_FAILURE
    if options.write_baseline:
        return EXIT_OK
    return EXIT_FINDINGS if any(report.fails(f) for f in findings) else EXIT_OK


def prepare(options: CheckOptions, *, fingerprints: bool = False, keep: bool = False) -> Prepared:
    """Find the files, the settings of each and their jobs, as ``check``
    does; ``fingerprints`` gives every finding its fingerprint, ``keep``
    keeps each file's text and values in its result."""
    finder = SettingsFinder(config_file=options.config, isolated=options.isolated, select=options.select,
                            ignore=options.ignore, fail_on=options.fail_on, rule_packs=options.rule_packs,
                            plugins=options.plugins, baseline=options.baseline,
                            trust_plugins=options.trust_plugins)
    stdin_name = options.stdin_filename or STDIN_NAME
    for path in options.paths:  # the configs that govern what was named load (and fail) first
        finder.for_file(options.stdin_filename or path if path == STDIN else os.path.join(path, "-"))
    files, problems = discover(options.paths, finder.selection(options.respect_gitignore),
                               allow_empty=options.allow_empty)
    errors = [RunError(p.path, p.message, p.kind, p.line) for p in problems]
    for problem in problems:
        report_error(str(problem))
    fixing = options.fix or options.diff
    baselines: dict[str, Counter] = {}
    jobs: list[Job] = []
    settings_of: list[Settings] = []
    shared: dict[FilterOptions, FilterOptions] = {}  # files with equal options share one (50,000 files, few options)
    for path in files:
        name = stdin_name if path == STDIN else path
        settings = finder.for_file(options.stdin_filename or path if path == STDIN else path)
        known = None if options.write_baseline else baseline_of(settings, baselines)
        data, unread = None, None
        if path == STDIN:  # read here, once: a worker cannot
            try:
                data = read_stdin(options.max_file_size)
            except TooLarge as exc:
                unread = str(exc)
        own = file_options(name, settings, options, known, fingerprints)
        jobs.append(Job(path, name, data, shared.setdefault(own, own), fixing, keep, options.max_file_size, unread))
        settings_of.append(settings)
    return Prepared(finder, files, jobs, settings_of, errors)


def _refuse_overwrites(options: CheckOptions, settings: list[Settings], files: list[str]) -> None:
    """--output, --report and --write-baseline name no file the run reads
    (:mod:`stratlint.commands.outputs`)."""
    from stratlint.commands.outputs import refuse_overwrites

    outputs = [("--output", options.output)] if options.output else []
    outputs += [("--report", path) for _, path in options.reports]
    outputs += [("--write-baseline", options.write_baseline)] if options.write_baseline else []
    if outputs:
        reads = [(f, "a file being checked") for f in files if f != STDIN]
        reads += [(p, "the config") for s in settings for p in [s.config_path] if p]
        reads += [(p, "a rule pack") for s in settings for p in s.rule_packs]
        reads += [(p, "the baseline") for s in settings for p in [s.baseline] if p]
        refuse_overwrites(outputs, reads)


def baseline_of(settings: Settings, read: dict[str, Counter]) -> Counter | None:
    """The findings the baseline of ``settings`` records (None without one),
    each baseline file read once into ``read``."""
    if not settings.baseline:
        return None
    if settings.baseline not in read:
        from stratlint.filters import baseline as baseline_files

        read[settings.baseline] = baseline_files.read(settings.baseline)
    return read[settings.baseline]


def exit_code(findings: list[Finding], fail_on: str) -> int:
    if fail_on != "never":
        threshold = Severity.parse(fail_on)
        if any(f.severity >= threshold for f in findings):
            return EXIT_FINDINGS
    return EXIT_OK


def report_root(files: list[str]) -> str:
    """The folder SARIF's relative URIs start from: the git top level above
    the current folder, else the one above the files checked, else the
    current folder."""
    from stratlint.repository import top_level

    top = top_level(os.getcwd())
    if top is None:
        real = [os.path.abspath(f) for f in files if f != STDIN]
        if real:
            # The folders all files share are those the first and the last in
            # order of folders share (commonpath over every path would split
            # them all at once: tens of megabytes for 50,000 files).
            ends = [min(real, key=_folders), max(real, key=_folders)]
            top = top_level(os.path.dirname(real[0]) if len(real) == 1 else os.path.commonpath(ends))
    return top or os.getcwd()


def _folders(path: str) -> list[str]:
    return [part for part in path.split(os.sep) if part and part != os.curdir]


def file_options(name: str, settings: Settings, options: CheckOptions, known: Counter | None,
                 fingerprints: bool = False) -> FilterOptions:
    """The filter options of one file (:func:`stratlint.config.per_file.filter_options`)."""
    return filter_options(name, settings, known, report_unused=options.report_unused_disables,
                          fingerprints=fingerprints)


def check_each(jobs: list, settings_of: list[Settings], processes: int | None, work: Callable | None = None,
               cache: "ResultCache | None" = None):
    """Yield ``(job, settings, outcome)`` for every job, in order: files that
    share settings are checked together (:func:`check_all`); ``work(job,
    rules)`` gives the outcome (by default :func:`check_file`, which the
    result ``cache`` serves)."""
    work = work or check_file
    groups: dict[int, list[int]] = {}
    for i, settings in enumerate(settings_of):
        groups.setdefault(id(settings), []).append(i)
    if len(groups) <= 1:
        rules = settings_of[0].rules if settings_of else []
        for job, settings, outcome in zip(jobs, settings_of, check_all(jobs, rules, processes, work, cache)):
            yield job, settings, outcome
        return
    outcomes: dict[int, object] = {}
    following = 0
    for indexes in groups.values():
        for i, outcome in zip(indexes, check_all([jobs[i] for i in indexes], settings_of[indexes[0]].rules,
                                                 processes, work, cache)):
            outcomes[i] = outcome
            while following in outcomes:
                yield jobs[following], settings_of[following], outcomes.pop(following)
                following += 1


def _open_cache(options: CheckOptions) -> "ResultCache | None":
    """The result cache, or None: a cache that cannot be used is one warning line, never a failure."""
    from stratlint.cache import CacheUnavailable, ResultCache

    try:
        return ResultCache.open(options.cache_dir)
    except CacheUnavailable as exc:
        click.echo(f"stratlint: warning: checking without the cache: {exc}", err=True)
        return None


# -- one file --------------------------------------------------------------------


def check_file(job: Job, rules: list[Rule], cache: "ResultCache | None" = None) -> FileCheck | RunError:
    """Lint one file (and, for --fix/--diff, scaffold it and lint the result);
    a :class:`RunError` for a file that cannot be read. With a ``cache``, an
    unchanged file's findings come from it."""
    data, unread = job.data, job.unread
    if data is None and unread is None:
        try:
            data = read_bytes(job.path, job.limit)
        except TooLarge as exc:
            unread = str(exc)
        except OSError as exc:
            return RunError(job.name, str(exc.strerror or exc))
    if unread is not None:
        return FileCheck(lint_unread(job.name, f"{unread}; a plan is far smaller (--max-file-size raises the limit)",
                                     rules, job.options))
    if cache is not None and not job.keep:
        result = cache.lint(data, job.name, rules, job.options)
    else:
        result = lint_bytes(data, job.name, rules, job.options, keep_document=job.keep)
    if not job.fix:
        return FileCheck(result)
    result, fix = lint_fixed(data, job.name, rules, job.options, result)
    return FileCheck(result, data, fix)


def check_all(jobs: list, rules: list[Rule], processes: int | None, work: Callable | None = None,
              cache: "ResultCache | None" = None):
    """Yield, in the order of ``jobs``, ``work(job, rules)`` for each job
    (by default each file's :func:`check_file`). The files the result
    ``cache`` answers are answered here; the others run here or, when the
    work pays for it (:mod:`stratlint.commands.parallel`), in worker
    processes. The results, and so the output, are the same."""
    from stratlint.commands.parallel import in_workers, processes_for

    work = work or check_file
    answered = {}
    if cache is not None:
        answered = _from_cache(jobs, rules, cache)
        work = partial(work, cache=cache.writer())  # the rest were looked up and missed, or are never cached
    todo = [job for i, job in enumerate(jobs) if i not in answered]
    count = processes_for(map(_size, todo), processes)
    if count > 1:
        from stratlint.schema.explain import quick_check

        quick_check()  # compiled once here, inherited by every worker
        # fork: the workers inherit the loaded rules instead of loading them again
        results = in_workers(_check_in_worker, todo, count, _start_worker, (rules, work, os.getpid()))
    else:
        results = (work(job, rules) for job in todo)
    for i in range(len(jobs)):
        yield answered[i] if i in answered else next(results)


def _from_cache(jobs: list[Job], rules: list[Rule], cache: "ResultCache") -> dict[int, FileCheck]:
    """The files the result cache answers, by index: looked up here, since an
    answer costs less than sending the file to a worker."""
    answered = {}
    for i, job in enumerate(jobs):
        if not isinstance(job, Job) or job.fix or job.keep or job.unread is not None:
            continue  # a fix is made from the file, kept values are not cached, and check_file reports the rest
        try:
            data = job.data if job.data is not None else read_bytes(job.path, job.limit)
        except (OSError, TooLarge):
            continue  # check_file reports it
        result = cache.lookup(data, job.name, rules, job.options)
        if result is not None:
            answered[i] = FileCheck(result)
    return answered


def _size(item) -> int:
    """The bytes of plan a job lints (a command's own work item, such as a
    report's, is a tuple that holds its Job)."""
    job = next((x for x in item if isinstance(x, Job)), None) if isinstance(item, tuple) else item
    if not isinstance(job, Job):
        return 0
    if job.data is not None:
        return len(job.data)
    try:
        return os.stat(job.path).st_size
    except OSError:
        return 0


_worker_rules: list[Rule] = []
_worker_work: Callable = check_file


def _start_worker(rules: list[Rule], work: Callable, parent: int) -> None:
    from stratlint.signals import quiet_worker

    quiet_worker(parent)  # silent, leaves Ctrl-C to the parent, dies with it
    global _worker_rules, _worker_work
    _worker_rules, _worker_work = rules, work


def _check_in_worker(job):
    return _worker_work(job, _worker_rules)


# -- --fix and --diff ---------------------------------------------------------------


@dataclass
class _FixRun:
    fixed: int = 0  # findings fixed (or, with --diff, that would be)
    files: int = 0  # files changed (or that would be)
    failed: bool = False
    diff: str = ""


def _apply_fixes(fixes: list[tuple[str, FileCheck]], options: CheckOptions) -> _FixRun:
    """Write (or, with --diff, show) the fixes, once every file has been checked."""
    from stratlint.fix import describe, unified_diff

    run = _FixRun()
    diffs: list[str] = []
    for path, outcome in fixes:
        name, fix = shown(outcome.result.path), outcome.fix
        for f, reason in fix.skipped:
            click.echo(f"{name}:{f.line}:{f.column}: {f.code} {f.rule} not fixed: {reason}", err=True)
        if fix.after is None:
            if path == STDIN and not options.diff:
                click.echo(outcome.before, nl=False)
            continue
        run.fixed += len(fix.applied)
        run.files += 1
        if options.diff:
            diffs.append(unified_diff(decode(outcome.before), decode(fix.after), name))
            continue
        if path == STDIN:
            click.echo(fix.after, nl=False)
        else:
            try:
                write_atomic(path, fix.after, expect=outcome.before)
            except OSError as exc:
                report_error(f"{name}: cannot write the fixed plan: {exc.strerror or exc}")
                run.failed = True
                continue
        for f, additions, (line, column) in fix.applied:
            click.echo(f"{name}:{line}:{column}: fixed {f.code} {f.rule}: added {describe(additions)}", err=True)
    run.diff = "".join(diffs)
    if run.fixed and not options.quiet:
        done = f"{_count(run.fixed, 'problem')} in {_count(run.files, 'file')}"
        click.echo(f"Would fix {done}; --fix applies it." if options.diff else
                   f"Fixed {done}; fill in the TODO placeholders.", err=True)
    return run


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def write_output(text: str, output: str | None, err: bool = False) -> None:
    if output is None:
        click.echo(text, nl=False, err=err)
        return
    try:
        with open(output, "w", encoding="utf-8") as fh:
            fh.write(text)
    except OSError as exc:
        raise StratlintError(f"cannot write the report: {exc.strerror or exc}", path=output) from None


__all__ = ["CheckOptions", "FileCheck", "Job", "Prepared", "baseline_of", "check_all", "check_each", "check_file",
           "exit_code", "prepare", "run_check", "write_output"]
