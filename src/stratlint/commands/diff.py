"""``stratlint diff``: what a change does to a strategy.

    stratlint diff OLD NEW                 two files
    stratlint diff --base REV [PATHS]...   the working tree against a git revision

    files (check.prepare for the new side; OLD, or ``git show`` of each file
    at REV, for the old) -> each version linted as check lints it, with
    fingerprints (check.check_all) -> per file: the plans compared
    (changes.plans) and the findings matched (changes.findings) -> a format
    -> exit code (``--fail-on-new``)

With ``--base``, the new side is what ``check PATHS`` would check; the
old side is each of those files at REV, plus the files REV holds under
PATHS that a folder walk would check and that are gone from the working
tree. A pattern (``plans/*.yaml``) finds old versions only of the files it
matches today.
"""
from __future__ import annotations

import os
from collections import Counter
import dataclasses
from dataclasses import dataclass

from stratlint.changes import render
from stratlint.changes.findings import introduced_and_resolved
from stratlint.changes.model import FileDiff, PlanDiff
from stratlint.changes.plans import compare, reference_specs
from stratlint.commands.check import (CheckOptions, FileCheck, Job, baseline_of, check_each, file_options, prepare,
                                      write_output)
from stratlint.errors import EXIT_FAILURE, EXIT_FINDINGS, EXIT_OK, StratlintError, report_error
from stratlint.files import STDIN, display_name, read_stdin
from stratlint.formatters import RunError
from stratlint.findings import Severity


@dataclass
class DiffOptions(CheckOptions):
    """``check``'s options (which files, config, rules; ``fmt`` is text,
    markdown or json; ``paths`` are OLD and NEW, or with ``base`` the PATHS
    to compare) plus what only ``diff`` has."""

    base: str | None = None  # the git revision to compare the working tree with
    fail_on_new: str | None = None  # error, warning or info


Pair = tuple["Job | None", "Job | None"]  # an old version and a new one; None for a plan added or removed


def run_diff(options: DiffOptions) -> int:
    threshold = Severity.parse(options.fail_on_new) if options.fail_on_new else None
    if options.base is None:
        _check_two_files(options.paths)
        new_paths = options.paths[1:]
    else:
        if STDIN in options.paths:
            raise StratlintError("with --base, standard input has no old version; name files or folders")
        new_paths = [p for p in options.paths if os.path.lexists(p) or _is_pattern(p)]
    check = dataclasses.replace(options, paths=new_paths, allow_empty=options.base is not None)
    prepared = prepare(check, fingerprints=True, keep=True)
    failed = bool(prepared.errors)
    old_jobs = _OldJobs(prepared.finder, check)
    if options.base is None:
        old = options.paths[0]
        pairs: list[Pair] = [
            (old_jobs.make(old, display_name(old), read_stdin() if old == STDIN else None, s), j)
            for j, s in zip(prepared.jobs, prepared.settings_of)]
    else:
        pairs, problems = _git_pairs(options, prepared, old_jobs)
        failed = failed or problems
    settings = {id(job): s for job, s in zip(prepared.jobs, prepared.settings_of)} | old_jobs.settings
    jobs = [job for pair in pairs for job in pair if job is not None]
    outcomes = {id(job): outcome for job, _, outcome in check_each(jobs, [settings[id(j)] for j in jobs],
                                                                   options.jobs)}
    files = []
    for old, new in pairs:
        results = [outcomes[id(job)] if job is not None else None for job in (old, new)]
        errors = [r for r in results if isinstance(r, RunError)]
        crashes = [c for r in results if isinstance(r, FileCheck) for c in r.result.crashes]
        for problem in [*errors, *crashes]:
            report_error(str(problem))
        failed = failed or bool(errors or crashes)
        if errors:
            continue
        refs = reference_specs(settings[id(new or old)].ruleset.rules)
        files.append(_file_diff(*(r.result if r is not None else None for r in results), refs))
    diff = PlanDiff(sorted(files, key=lambda d: d.path), options.base, failed)
    write_output(render(options.fmt, diff), options.output)
    if failed:
        return EXIT_FAILURE
    if threshold is not None and any(f.severity >= threshold for d in diff.files for f in d.introduced):
        return EXIT_FINDINGS
    return EXIT_OK


class _OldJobs:
    """Jobs for old versions, each linted as ``check`` lints the file now
    (the same settings, so that only the change makes a difference), with
    fingerprints."""

    def __init__(self, finder, check: CheckOptions) -> None:
        self.finder = finder
        self.check = check
        self.settings: dict[int, object] = {}
        self._baselines: dict[str, Counter] = {}

    def make(self, path: str, name: str, data: bytes | None, settings=None) -> Job:
        settings = settings or self.finder.for_file(path)
        known = baseline_of(settings, self._baselines)
        job = Job(path, name, data, file_options(name, settings, self.check, known, fingerprints=True), keep=True)
        self.settings[id(job)] = settings
        return job


def _check_two_files(paths: list[str]) -> None:
    if len(paths) != 2:
        raise StratlintError("diff compares two files, OLD and NEW (or a git revision with the working tree: "
                             "--base REV [PATHS])")
    if paths.count(STDIN) > 1:
        raise StratlintError("only one of OLD and NEW can be standard input ('-')")
    for path in paths:
        if path != STDIN and os.path.isdir(path):
            raise StratlintError("is a folder; diff compares two files (for folders, use --base REV)", path=path)


def _is_pattern(path: str) -> bool:
    import glob

    return glob.has_magic(path)


def _file_diff(old, new, refs) -> FileDiff:
    """One file's changes and findings; ``old`` or ``new`` is None for a plan added or removed."""
    d = FileDiff(old.path if old else None, new.path if new else None,
                 old_parsed=old is None or isinstance(old.data, dict), new_parsed=new is None or isinstance(new.data, dict))
    if old is not None and new is not None and d.old_parsed and d.new_parsed:
        d.changes, d.budget = compare(old.data, new.data, refs)
    d.introduced, d.resolved = introduced_and_resolved(old.findings if old else [], new.findings if new else [])
    return d


def _git_pairs(options: DiffOptions, prepared, old_jobs: _OldJobs) -> tuple[list[Pair], bool]:
    """Each file checked now with its version at the revision, and the
    files the revision holds under PATHS that a walk would check and that
    are gone."""
    from stratlint.history import History

    history = History.around(".")
    commit = history.commit(options.base)
    at_base = history.files(commit)
    problems = False
    pairs: list[Pair] = []
    paired: set[str] = set()
    for job, settings in zip(prepared.jobs, prepared.settings_of):
        rel = history.relative(job.path)
        if rel is None:
            report_error(f"{job.name}: not in the git working tree at {history.top}, so it has no old version")
            problems = True
            continue
        paired.add(rel)
        old = old_jobs.make(job.path, job.name, history.show(at_base[rel]), settings) if rel in at_base else None
        pairs.append((old, job))
    selection = prepared.finder.selection(options.respect_gitignore)
    for path in options.paths:
        if _is_pattern(path) and not os.path.lexists(path):
            continue
        top = history.relative(path)
        if top is None:
            if not os.path.lexists(path):  # else its files were named above
                report_error(f"{path}: not in the git working tree at {history.top}")
                problems = True
            continue
        walk = selection.walk(history.absolute(top))
        found = 0
        for rel, blob in at_base.items():
            if rel in paired or os.path.lexists(history.absolute(rel)):
                continue
            below = rel.startswith(top + "/") if top else True
            if rel == top or (below and walk.reaches(history.absolute(rel))):
                name = os.path.relpath(history.absolute(rel))
                pairs.append((old_jobs.make(name, name, history.show(blob)), None))
                paired.add(rel)
                found += 1
        if not found and not os.path.lexists(path):
            report_error(f"{path}: no such file or directory, here or at {options.base}")
            problems = True
    return pairs, problems
