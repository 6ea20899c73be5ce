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
from stratlint.rules.packs import Rule, read_pack
from stratlint.resources import builtin_packs


@dataclass
class RuleSet:
    rules: list[Rule] = field(default_factory=list)
    checks: dict[str, CheckSpec] = field(default_factory=dict)

    def find(self, name: str) -> Rule | None:
        key = name.strip()
        for rule in self.rules:
            if key in (rule.slug, rule.code) or key.upper() == rule.code:
                return rule
        return None

    def matching(self, selector: str) -> list[Rule]:
        """Rules a selector names: a slug, a code, a code prefix (``SL2``) or ``ALL``."""
        s = selector.strip()
        if s.upper() == "ALL":
            return list(self.rules)
        exact = self.find(s)
        if exact is not None:
            return [exact]
        return [r for r in self.rules if r.code.startswith(s.upper())]

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
        plugin = _load_plugin(name, plugin_dirs)
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


def _load_plugin(name: str, plugin_dirs: list[str] = ()):
    """A plugin by entry-point name, else a module of that name (found on
    the Python path or in ``plugin_dirs``, the config's folder) whose
    ``plugin`` attribute is the Plugin."""
    import importlib
    import importlib.util
    import sys
    from importlib.metadata import entry_points

    from stratlint.plugin import GROUP, Plugin

    found = sorted((ep for ep in entry_points(group=GROUP) if ep.name == name), key=lambda ep: ep.value)
    where = found[0].value if found else f"{name}:plugin"
    try:
        if found:
            obj = found[0].load()
        else:
            if importlib.util.find_spec(name.split(".")[0], None) is None and not any(
                    (Path(d) / (name.split(".")[0] + ".py")).exists() or (Path(d) / name.split(".")[0]).is_dir()
                    for d in plugin_dirs):
                installed = sorted({ep.name for ep in entry_points(group=GROUP)})
                hint = f"; installed: {', '.join(installed)}" if installed else "; no stratlint plugin is installed"
                raise StratlintError(f"plugin '{name}' is not installed and is no module on the Python path{hint}")
            saved = list(sys.path)
            sys.path[:0] = [d for d in plugin_dirs if d not in sys.path]
            try:
                obj = getattr(importlib.import_module(name), "plugin", None)
            finally:
                sys.path[:] = saved
            if obj is None:
                raise StratlintError(f"module '{name}' has no 'plugin' (a stratlint.plugin.Plugin)")
        plugin = obj() if callable(obj) and not isinstance(obj, Plugin) else obj
    except StratlintError:
        raise
    except Exception as exc:  # a plugin's own bug must not become a traceback
        raise StratlintError(f"plugin '{name}' ({where}) failed to load: {type(exc).__name__}: {exc}") from None
    if not isinstance(plugin, Plugin):
        raise StratlintError(f"plugin '{name}' ({where}) is not a stratlint.plugin.Plugin")
    return plugin
