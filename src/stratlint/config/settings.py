"""The settings of one run: defaults, then config files, then the command line.

Precedence, lowest to highest: each rule's defaults, the configs a config
``extends`` (in order), the nearest config itself, then command-line
options. Rule names in a config are checked against the rules that
exist once its packs and plugins are loaded; an unknown one is an error
at its line. A config's plugins load only when ``trust_plugins`` says so
(:mod:`stratlint.config.trust`).
"""
from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass, field
from pathlib import Path

from stratlint.config import trust
from stratlint.config.files import Config, find_config, load_config
from stratlint.errors import StratlintError
from stratlint.findings import Severity
from stratlint.rules.model import Rule
from stratlint.rules.options import with_options, with_vocabularies
from stratlint.rules.registry import RuleSet, load_rules
from stratlint.globs import FilePattern, PatternError, Patterns
from stratlint.rules.selectors import did_you_mean, names_exactly


@dataclass
class Settings:
    rules: list[Rule]
    ruleset: RuleSet
    fail_on: str = "error"
    per_file_ignores: list[tuple[FilePattern, list[str]]] = field(default_factory=list)
    include: list[str] | None = None
    exclude: Patterns = Patterns(())
    baseline: str | None = None
    require_reason: bool = False
    config_path: str | None = None
    config_dir: str | None = None
    #: the folder per-file-ignores and exclude are relative to: the config's,
    #: or the current one for a config named by --config (as ruff does) or none
    base: str = "."
    rule_packs: list[str] = field(default_factory=list)  # the packs' paths, config's and command line's


def resolve(*, config_file: str | None = None, isolated: bool = False, select=(), ignore=(), fail_on=None,
            rule_packs=(), plugins=(), baseline=None, start: Path | None = None,
            trust_plugins: bool = False) -> Settings:
    """The settings of a run. The config is ``config_file``, none with
    ``isolated``, else the nearest one at or above the folder ``start``
    (default: the current folder; :mod:`stratlint.config.discovery` gives
    each checked file its own). ``plugins`` are those the command line
    names; the plugins a config names load only with ``trust_plugins``,
    which the caller sets from the user's opt-in (``--trust-config-plugins``,
    ``STRATLINT_TRUST_PLUGINS=1``), never from anything in the repository."""
    if isolated and plugins:
        raise StratlintError("--isolated runs no plugin (it is the way to lint with no code but stratlint's); "
                             "drop --plugin or --isolated")
    config = _find(config_file, isolated, start)
    refused = trust.untrusted(config.plugins, list(plugins), trust_plugins)
    if refused:
        _fail_at(config, f"plugins/{refused[0]}", trust.refusal(refused))
    plugin_dirs = [os.path.dirname(os.path.abspath(config.path))] if config.path and config.plugins else []
    packs = [*config.rule_packs, *rule_packs]
    ruleset = load_rules(packs, list(dict.fromkeys([*config.plugins, *plugins])), plugin_dirs)  # each once
    _check_names(config, ruleset)
    rules = _configured_rules(config, ruleset)
    # A command-line --select replaces the config's selection whole, its ignore included.
    config_ignore = [] if select else (config.ignore or [])
    chosen = _choose(ruleset, rules, list(select) or config.select, list(ignore) or config_ignore,
                     from_cli=(bool(select), bool(ignore)), config=config)
    return Settings(
        rules=chosen,
        ruleset=ruleset,
        fail_on=fail_on or config.fail_on or "error",
        per_file_ignores=_file_patterns(config),
        include=config.include,
        exclude=_exclude(config),
        baseline=baseline or config.baseline,
        require_reason=config.require_reason,
        config_path=config.path,
        config_dir=os.path.dirname(os.path.abspath(config.path)) if config.path else None,
        base=os.path.dirname(os.path.abspath(config.path)) if config.path and not config_file else os.getcwd(),
        rule_packs=packs,
    )


def _file_patterns(config: Config) -> list[tuple[FilePattern, list[str]]]:
    out = []
    for pattern, names in config.per_file_ignores.items():
        try:
            out.append((FilePattern(pattern), names))
        except PatternError as exc:
            _fail_at(config, f"per-file-ignores/{pattern}", f"invalid config: per-file-ignores: {exc}")
    return out


def _exclude(config: Config) -> Patterns:
    for i, pattern in enumerate(config.exclude):
        try:
            Patterns.compile([pattern])
        except PatternError as exc:
            _fail_at(config, f"exclude/{i}", f"invalid config: exclude: {exc}")
    return Patterns.compile(config.exclude)


def _find(config_file: str | None, isolated: bool, start: Path | None = None) -> Config:
    if config_file:
        path = Path(config_file)
        if not path.is_file():
            raise StratlintError("config file not found", path=config_file)
        return load_config(path)
    if isolated:
        return Config()
    found = find_config(start or Path.cwd())
    return load_config(found) if found else Config()


def _fail_at(config: Config, key: str, message: str):
    origin = config.origins.get(key)
    if origin is None:
        raise StratlintError(message, path=config.path)
    path, line, column = origin.rsplit(":", 2)
    raise StratlintError(message, path=path, line=int(line), column=int(column))


def _check_names(config: Config, ruleset: RuleSet) -> None:
    for kind in ("severity", "rules", "per-file-ignores"):
        mapping = {"severity": config.severity, "rules": config.rules,
                   "per-file-ignores": config.per_file_ignores}[kind]
        for name, value in mapping.items():
            names = value if kind == "per-file-ignores" else [name]
            for n in names:
                if not ruleset.matching(n):
                    _fail_at(config, f"{kind}/{name}",
                             f"invalid config: {kind} names '{n}', which is no rule{did_you_mean(n, ruleset.rules)}")
            if kind == "rules" and ruleset.find(name) is None:
                _fail_at(config, f"{kind}/{name}", f"invalid config: rules takes a rule's slug or code, not '{name}'")
    for key in ("select", "ignore"):
        for n in getattr(config, key) or []:
            if not ruleset.matching(n):
                _fail_at(config, key, f"invalid config: {key} names '{n}', which is no rule{did_you_mean(n, ruleset.rules)}")


def _configured_rules(config: Config, ruleset: RuleSet) -> list[Rule]:
    out = []
    by_id = {}
    for name, level in config.severity.items():
        for rule in ruleset.matching(name):
            by_id[id(rule)] = level
    for rule in ruleset.rules:
        level = by_id.get(id(rule))
        if level == "off" and not rule.always_on:
            continue
        changed = rule
        if level and level != "off":
            changed = dataclasses.replace(changed, severity=Severity.parse(level))
        if config.vocabularies:
            try:
                changed = with_vocabularies(changed, config.vocabularies)
            except ValueError as exc:
                _fail_at(config, "vocabularies", f"invalid config: {exc}")
        options = next((o for n, o in config.rules.items() if ruleset.find(n) is rule), None)
        if options:
            try:
                changed = with_options(changed, options)
            except ValueError as exc:
                _fail_at(config, f"rules/{next(n for n in config.rules if ruleset.find(n) is rule)}",
                         f"invalid config: {exc}")
        out.append(changed)
    return out


def _choose(ruleset: RuleSet, rules: list[Rule], select, ignore, *, from_cli, config: Config) -> list[Rule]:
    for flag, names, cli in (("--select", select or [], from_cli[0]), ("--ignore", ignore, from_cli[1])):
        for name in names:
            if not ruleset.matching(name):
                where = flag if cli else f"config {flag[2:]}"
                raise StratlintError(f"{where}: no rule is named or starts with '{name}'; 'stratlint rules' lists them")
    # An opt-in rule runs only when a selection names it (code or slug, not
    # a prefix) or the config gives it a severity.
    named = [*(select or []), *(n for n, level in config.severity.items() if level != "off")]
    codes = {r.code for r in rules
             if r.enabled or any(n.strip().upper() == "ALL" or names_exactly(n, r.code, r.slug) for n in named)}
    if select:
        codes &= {r.code for name in select for r in ruleset.matching(name)}
    codes -= {r.code for name in ignore for r in ruleset.matching(name)}
    return [r for r in rules if r.code in codes or r.always_on]
