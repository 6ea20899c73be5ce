"""Configuration: ``.stratlint.yaml`` or ``[tool.stratlint]`` in ``pyproject.toml``.

The nearest config is found by walking up from the current directory (a
``.stratlint.yaml`` wins over a ``pyproject.toml`` in the same folder, and
a ``pyproject.toml`` counts only when it has a ``[tool.stratlint]``
table). ``extends`` chains are resolved depth-first: what a file says
overrides what it extends, and the command line overrides every file.
Every problem (syntax, an unknown key, a bad value, a missing or circular
``extends``) is one :class:`StratlintError` naming the file, line and key.
"""
from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from stratlint.errors import StratlintError

FILENAMES = (".stratlint.yaml", ".stratlint.yml")
PRESETS = ("recommended", "strict")
SCHEMA = "config.schema.json"


@dataclass
class Config:
    """A resolved config; ``None`` means "not set here"."""

    path: str | None = None
    select: list[str] | None = None
    ignore: list[str] | None = None
    severity: dict[str, str] = field(default_factory=dict)
    fail_on: str | None = None
    rules: dict[str, dict] = field(default_factory=dict)
    #: top-level vocabularies: laid over every rule's vocabulary of that name
    vocabularies: dict[str, object] = field(default_factory=dict)
    rule_packs: list[str] = field(default_factory=list)
    plugins: list[str] = field(default_factory=list)
    include: list[str] | None = None
    exclude: list[str] = field(default_factory=list)
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)
    baseline: str | None = None
    require_reason: bool = False
    #: where each key was set: key (or "key/name") -> "file:line"
    origins: dict[str, str] = field(default_factory=dict)


class _Source:
    """A config file's data plus a way to locate a key in it."""

    def __init__(self, path: Path, data: dict, locate) -> None:
        self.path = path
        self.data = data
        self._locate = locate

    def where(self, *keys: str) -> tuple[int, int]:
        return self._locate(list(keys))

    @property
    def shown(self) -> str:
        return shown_path(self.path)

    def fail(self, message: str, *keys: str):
        line, column = self.where(*keys)
        raise StratlintError(message, path=self.shown, line=line, column=column)


def shown_path(path: Path) -> str:
    """A path as a user would type it: relative to the current folder when inside it."""
    import os

    try:
        rel = os.path.relpath(path)
    except ValueError:
        return str(path)
    return str(path) if rel.startswith("..") else rel


def find_config(start: Path, parents: bool = True) -> Path | None:
    """The config in ``start`` or, with ``parents``, the nearest folder above it."""
    for folder in (start, *start.parents) if parents else (start,):
        for name in FILENAMES:
            if (folder / name).is_file():
                return folder / name
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and re.search(r"^\s*\[tool\.stratlint[\].]", _read(pyproject), re.M):
            return pyproject
    return None


def load_config(path: Path) -> Config:
    config = Config()
    _apply(config, path.resolve(), stack=[])
    config.path = str(path)
    return config


def _apply(config: Config, path: Path, stack: list[Path]) -> None:
    source = _preset(path.stem) if path.parent.name == "presets" and _is_preset_path(path) else _open(path)
    extends = source.data.get("extends", [])
    for i, target in enumerate([extends] if isinstance(extends, str) else extends):
        keys = ("extends",) if isinstance(extends, str) else ("extends", str(i))
        target_path = _resolve_extends(source, target, keys)
        if target_path in (*stack, path):
            chain = " -> ".join(shown_path(p) for p in (*stack, path, target_path))
            source.fail(f"'extends' goes round in a circle: {chain}", *keys)
        _apply(config, target_path, [*stack, path])
    _merge(config, source)


def _is_preset_path(path: Path) -> bool:
    from stratlint.resources import presets_dir

    return path.parent == presets_dir()


def _resolve_extends(source: _Source, target: str, keys: tuple[str, ...]) -> Path:
    from stratlint.resources import presets_dir

    if target.startswith("stratlint:"):
        name = target.split(":", 1)[1]
        if name not in PRESETS:
            source.fail(f"unknown preset '{target}'; use " + " or ".join(f"stratlint:{p}" for p in PRESETS), *keys)
        return presets_dir() / f"{name}.yaml"
    resolved = (source.path.parent / target).resolve()
    if not resolved.is_file():
        source.fail(f"'extends' names '{target}', which does not exist", *keys)
    return resolved


def _merge(config: Config, source: _Source) -> None:
    data = source.data
    here = source.shown
    base = source.path.parent

    def origin(*keys: str) -> str:
        line, column = source.where(*keys)
        return f"{here}:{line}:{column}"

    for key, attr in (("select", "select"), ("ignore", "ignore")):
        if key in data:
            setattr(config, attr, _as_list(data[key]))
            config.origins[key] = origin(key)
    for name, level in data.get("severity", {}).items():
        config.severity[name] = "off" if level is False else level
        config.origins[f"severity/{name}"] = origin("severity", name)
    for name, options in data.get("rules", {}).items():
        config.rules[name] = _deep_merge(config.rules.get(name, {}), options)
        config.origins[f"rules/{name}"] = origin("rules", name)
    for name, spec in data.get("vocabularies", {}).items():
        from stratlint.rules.options import merge_vocabulary

        config.vocabularies[name] = merge_vocabulary(config.vocabularies[name], spec) \
            if name in config.vocabularies and not isinstance(spec, list) else spec
        config.origins["vocabularies"] = origin("vocabularies", name)
    for pattern, rules in data.get("per-file-ignores", {}).items():
        config.per_file_ignores[pattern] = _as_list(rules)
        config.origins[f"per-file-ignores/{pattern}"] = origin("per-file-ignores", pattern)
    for i, pack in enumerate(data.get("rule-packs", [])):
        resolved = base / pack
        if not resolved.is_file():
            source.fail(f"rule pack '{pack}' does not exist", "rule-packs", str(i))
        config.rule_packs.append(str(resolved))
    for plugin in data.get("plugins", []):
        if plugin not in config.plugins:
            config.plugins.append(plugin)
            config.origins[f"plugins/{plugin}"] = origin("plugins")
    if "include" in data:
        config.include = list(data["include"])
    for i, pattern in enumerate(data.get("exclude", [])):
        config.origins[f"exclude/{len(config.exclude)}"] = origin("exclude", str(i))
        config.exclude.append(pattern)
    if "fail-on" in data:
        config.fail_on = data["fail-on"]
    if "baseline" in data:
        config.baseline = shown_path(base / data["baseline"])
    if "require-reason" in data:
        config.require_reason = data["require-reason"]


def _as_list(value) -> list[str]:
    items = [value] if isinstance(value, str) else list(value)
    return [part.strip() for item in items for part in item.split(",") if part.strip()]


def _deep_merge(base: dict, extra: dict) -> dict:
    out = dict(base)
    for key, value in extra.items():
        out[key] = _deep_merge(out[key], value) if isinstance(value, dict) and isinstance(out.get(key), dict) else value
    return out


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise StratlintError(f"cannot read config: {getattr(exc, 'strerror', None) or exc}",
                             path=shown_path(path)) from None


def _preset(name: str) -> _Source:
    from stratlint.resources import presets_dir

    return _open_yaml(presets_dir() / f"{name}.yaml")


def _open(path: Path) -> _Source:
    source = _open_toml(path) if path.name == "pyproject.toml" else _open_yaml(path)
    _validate(source)
    return source


def _open_yaml(path: Path) -> _Source:
    from stratlint.document import LoadError, load

    text = _read(path)
    try:
        doc = load(text)
    except LoadError as exc:
        if exc.kind == "empty":  # nothing set: the defaults
            return _Source(path, {}, lambda keys: (1, 1))
        message = (f"config is not valid YAML: {exc.message}" if exc.kind != "root" else
                   "a config is a mapping of keys such as 'select:' and 'ignore:', not " +
                   exc.message.split(" is ", 1)[1].split(",")[0])
        raise StratlintError(message, path=shown_path(path), line=exc.line, column=exc.column) from None
    if doc is None:
        return _Source(path, {}, lambda keys: (1, 1))
    if doc.duplicate_keys:
        dup = doc.duplicate_keys[0]
        raise StratlintError(f"config repeats the key '{dup.key}' (first on line {dup.first_line})",
                             path=shown_path(path), line=dup.span.line, column=dup.span.column)

    def locate(keys: list[str]) -> tuple[int, int]:
        from stratlint.document.pointer import from_parts

        span = doc.span(from_parts(keys), "key")
        return span.line, span.column

    source = _Source(path, doc.data, locate)
    source.doc = doc
    return source


def _open_toml(path: Path) -> _Source:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # the same parser, as a package, before Python 3.11
        import tomli as tomllib

    text = _read(path)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        m = re.search(r"\(at line (\d+), column (\d+)\)", str(exc))
        line, column = (int(m.group(1)), int(m.group(2))) if m else (None, None)
        raise StratlintError(f"pyproject.toml is not valid TOML: {str(exc).split(' (at line')[0]}",
                             path=shown_path(path), line=line, column=column) from None
    table = data.get("tool", {}).get("stratlint", {})
    lines = text.splitlines()

    def locate(keys: list[str]) -> tuple[int, int]:
        """The line of a key in [tool.stratlint] (or a sub-table of it)."""
        header = re.compile(r"^\s*\[tool\.stratlint(\.[^\]]+)?\]")
        best = (1, 1)
        section = None
        for number, line in enumerate(lines, 1):
            h = header.match(line)
            if h:
                section = (h.group(1) or "").lstrip(".").strip('"')
                if keys and section == keys[0]:
                    best = (number, 1)
                elif not keys:
                    return number, 1
                continue
            if line.lstrip().startswith("["):
                section = None
            if section is None:
                continue
            wanted = keys[0] if section == "" else (keys[1] if len(keys) > 1 and section == keys[0] else None)
            if wanted is not None:
                m = re.match(rf'^(\s*)["\']?{re.escape(wanted)}["\']?\s*=', line)
                if m:
                    return number, len(m.group(1)) + 1
        return best

    return _Source(path, table, locate)


def _validate(source: _Source) -> None:
    import jsonschema

    from stratlint.document.pointer import split
    from stratlint.resources import load_schema
    from stratlint.schema.explain import explain

    validator = jsonschema.Draft202012Validator(load_schema(SCHEMA))
    errors = sorted(validator.iter_errors(source.data), key=lambda e: [str(p) for p in e.absolute_path])
    for error in errors:
        for parts, at, message, _ in explain(error, "the config"):
            from stratlint.document.pointer import from_parts

            keys = split(from_parts(parts))
            message = message.replace("at the top level", "of stratlint's config")
            source.fail(f"invalid config: {message}", *keys)
