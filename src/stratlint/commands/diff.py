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

import dataclasses
import os
from collections import Counter
from dataclasses import dataclass, field

from stratlint.changes import render
from stratlint.changes.findings import introduced_and_resolved
from stratlint.changes.model import FileDiff, PlanDiff
from stratlint.changes.plans import compare, reference_specs
from stratlint.commands.check import CheckOptions, FileCheck, Job, check_all, file_options, prepare, write_output
from stratlint.config.settings import Settings
from stratlint.errors import EXIT_FAILURE, EXIT_FINDINGS, EXIT_OK, StratlintError, report_error
from stratlint.files import STDIN, display_name, walk_selects
from stratlint.findings import Severity


@dataclass
class DiffOptions:
    paths: list[str]            # OLD and NEW; with base, the PATHS to compare
    base: str | None = None
    fmt: str = "text"
    output: str | None = None
    fail_on_new: str | None = None  # error, warning or info
    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    rule_packs: list[str] = field(default_factory=list)
    plugins: list[str] = field(default_factory=list)
    config: str | None = None
    isolated: bool = False
    jobs: int | None = None


Pair = tuple["Job | None", "Job | None"]


def run_diff(options: DiffOptions) -> int:
    threshold = Severity.parse(options.fail_on_new) if options.fail_on_new else None
    if options.base is None:
        _check_two_files(options.paths)
        new_paths = options.paths[1:]
    else:
        if STDIN in options.paths:
            raise StratlintError("with --base, standard input has no old version; name files or folders")
        new_paths = [p for p in options.paths if os.path.lexists(p) or _is_pattern(p)]
    check = CheckOptions(paths=new_paths, select=options.select, ignore=options.ignore,
                         rule_packs=options.rule_packs, plugins=options.plugins, config=options.config,
                         isolated=options.isolated, allow_empty=options.base is not None)
    settings, new_jobs, failed = prepare(check, keep=True)
    known = None
    if settings.baseline:
        from stratlint.filters import baseline as baselines

        known = baselines.read(settings.baseline)

    def old_job(path: str, name: str, data: bytes | None) -> Job:
        return Job(path, name, data, _fingerprinted(file_options(name, settings, check, known)), keep=True)

    new_jobs = [dataclasses.replace(j, options=_fingerprinted(j.options)) for j in new_jobs]
    if options.base is None:
        pairs: list[Pair] = [(old_job(options.paths[0], display_name(options.paths[0]), None), j) for j in new_jobs]
        base = None
    else:
        pairs, base, problems = _git_pairs(options, settings, new_jobs, old_job)
        failed = failed or problems

    jobs = [job for pair in pairs for job in pair if job is not None]
    outcomes = dict(zip(map(id, jobs), check_all(jobs, settings.rules, options.jobs)))
    refs = reference_specs(settings.ruleset.rules)
    files = []
    for old, new in pairs:
        results = [outcomes[id(job)] if job is not None else None for job in (old, new)]
        errors = [r for r in results if isinstance(r, str)]
        for error in errors:
            report_error(error)
        crashes = [c for r in results if isinstance(r, FileCheck) for c in r.result.crashes]
        for crash in crashes:
            report_error(str(crash))
        if errors or crashes:
            failed = True
            if errors:
                continue
        files.append(_file_diff(old, new, *(r.result if r is not None else None for r in results), refs))
    diff = PlanDiff(sorted(files, key=lambda d: d.path), base, failed)
    write_output(render(options.fmt, diff), options.output)
    if failed:
        return EXIT_FAILURE
    if threshold is not None and any(f.severity >= threshold for d in diff.files for f in d.introduced):
        return EXIT_FINDINGS
    return EXIT_OK


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


def _fingerprinted(options):
    return dataclasses.replace(options, fingerprints=True)


def _file_diff(old_job, new_job, old, new, refs) -> FileDiff:
    """One file's changes and findings; ``old`` or ``new`` is None for a plan added or removed."""
    d = FileDiff(old.path if old else None, new.path if new else None,
                 old_parsed=old is None or isinstance(old.data, dict), new_parsed=new is None or isinstance(new.data, dict))
    if old is not None and new is not None and d.old_parsed and d.new_parsed:
        d.changes, d.budget = compare(old.data, new.data, refs)
    d.introduced, d.resolved = introduced_and_resolved(old.findings if old else [], new.findings if new else [])
    return d


def _git_pairs(options: DiffOptions, settings: Settings, new_jobs: list[Job], old_job) -> tuple[list[Pair], str, bool]:
    """Each file checked now with its version at the revision, and the
    files the revision holds under PATHS that are gone."""
    from stratlint.git import Repository

    repo = Repository.around(".")
    commit = repo.commit(options.base)
    at_base = repo.files(commit)
    problems = False
    pairs: list[Pair] = []
    paired: set[str] = set()
    for job in new_jobs:
        rel = repo.relative(job.path)
        if rel is None:
            report_error(f"{job.name}: not in the git working tree at {repo.top}, so it has no old version")
            problems = True
            continue
        paired.add(rel)
        pairs.append((old_job(job.path, job.name, repo.show(at_base[rel])) if rel in at_base else None, job))
    gone = Counter()
    for path in options.paths:
        if _is_pattern(path) and not os.path.lexists(path):
            continue
        top = repo.relative(path)
        if top is None:
            if not os.path.lexists(path):  # else its files were named above
                report_error(f"{path}: not in the git working tree at {repo.top}")
                problems = True
            continue
        for rel, blob in at_base.items():
            if rel in paired or os.path.lexists(repo.absolute(rel)):
                continue
            named = rel == top
            below = top == "" or rel.startswith(top + "/")
            if named or (below and walk_selects(repo.absolute(rel), repo.absolute(top), settings.include,
                                                settings.exclude, settings.config_dir)):
                name = os.path.relpath(repo.absolute(rel))
                pairs.append((old_job(name, name, repo.show(blob)), None))
                paired.add(rel)
                gone[path] += 1
    for path in options.paths:
        if not os.path.lexists(path) and not _is_pattern(path) and not gone[path]:
            report_error(f"{path}: no such file or directory, here or at {options.base}")
            problems = True
    return pairs, options.base, problems
