"""The rule set of one run: built-in packs, plugins and local packs.

Check functions come first (built-in, then each named plugin's), then the
packs that use them (built-in, plugins', then ``--rules`` packs, in the
order given). A code or slug defined twice is an error that names both
places; so is a plugin that will not load.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from stratlint.checks import CheckSpec, builtin_checks, specs_in
from stratlint.errors import StratlintError
from stratlint.rules.model import Rule
from stratlint.rules.packs import read_pack
from stratlint.rules.plugins import load_plugin
from stratlint.rules.selectors import covers, names_exactly
from stratlint.resources import builtin_packs


@dataclass
class RuleSet:
    rules: list[Rule] = field(default_factory=list)
    checks: dict[str, CheckSpec] = field(default_factory=dict)

    def find(self, name: str) -> Rule | None:
        """The rule whose slug or code is ``name``."""
        return next((r for r in self.rules if names_exactly(name, r.code, r.slug)), None)

    def matching(self, selector: str) -> list[Rule]:
        """The rules a selector names (see :mod:`stratlint.rules.selectors`)."""
        return [r for r in self.rules if covers(selector, r.code, r.slug)]

    def add(self, rule: Rule) -> None:
        for other in self.rules:
            for what, mine, theirs in (("code", rule.code, other.code), ("slug", rule.slug, other.slug)):
                if mine == theirs:
                    raise StratlintError(
                        f"two rules share the {what} '{mine}': one in {other.where} ({other.source}), "
                        f"one in {rule.where} ({rule.source})")
        self.rules.append(rule)

    def add_checks(self, specs, source: str) -> None:
        for spec in specs:
            if spec.name in self.checks:
                raise StratlintError(
                    f"check function '{spec.name}' from {source} is already defined by {self.checks[spec.name].source}")
            self.checks[spec.name] = CheckSpec(spec.name, spec.function, spec.options_schema, source)


def load_rules(extra_packs: list[str] = (), plugins: list[str] = (), plugin_dirs: list[str] = ()) -> RuleSet:
    ruleset = RuleSet()
    ruleset.add_checks(builtin_checks().values(), "stratlint")
    plugin_packs: list[tuple[Path, str]] = []
    for name in plugins:
        plugin = load_plugin(name, plugin_dirs)
        ruleset.add_checks(specs_in(plugin.checks), f"plugin '{name}'")
        plugin_packs.extend((Path(p), name) for p in plugin.packs)
    builtin = [rule for path in builtin_packs() for rule in read_pack(path, ruleset.checks, source="stratlint", validate=False)]
    for rule in sorted(builtin, key=lambda r: r.code):
        ruleset.add(rule)
    for path, name in plugin_packs:
        for rule in read_pack(path, ruleset.checks, source=name):
            ruleset.add(rule)
    for path in extra_packs:
        for rule in read_pack(Path(path), ruleset.checks):
            ruleset.add(rule)
    return ruleset
