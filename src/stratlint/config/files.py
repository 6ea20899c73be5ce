"""Configuration: ``.stratlint.yaml`` or ``[tool.stratlint]`` in ``pyproject.toml``.

The nearest config is found by walking up from the current directory (a
``.stratlint.yaml`` wins over a ``pyproject.toml`` in the same folder, and
a ``pyproject.toml`` counts only when it has a ``[tool.stratlint]``
table). ``extends`` chains are resolved depth-first: what a file says
overrides what it extends, and the command line overrides every file.
Every problem (syntax, an unknown key, a bad value, a missing or circular
``extends``) is one :class:`StratlintError` naming the file, line and key.
The files a config names must stay inside its repository
(:mod:`stratlint.config.paths`), and a file it extends that is no
stratlint config is refused without quoting any of it.
"""
from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from stratlint.config.paths import inside, outside_message, repository_root
from stratlint.errors import StratlintError
from stratlint.limits import excerpt

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
        #: the repository the paths it names must stay in (None: a preset, stratlint's own)
        self.root: Path | None = None

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
        if pyproject.is_file() and re.search(r"^[ \t]*\[[ \t]*tool[ \t]*\.[ \t]*stratlint(?![\w-])", _read(pyproject), re.M):
            return pyproject
    return None


def load_config(path: Path) -> Config:
    config = Config()
    _apply(config, path.resolve(), stack=[], root=repository_root(path))
    config.path = str(path)
    return config


def _apply(config: Config, path: Path, stack: list[Path], root: Path) -> None:
    preset = path.parent.name == "presets" and _is_preset_path(path)
    source = _preset(path.stem) if preset else _open(path, extended=bool(stack))
    source.root = None if preset else root  # a preset is stratlint's own, not the repository's
    extends = source.data.get("extends", [])
    for i, target in enumerate([extends] if isinstance(extends, str) else extends):
        keys = ("extends",) if isinstance(extends, str) else ("extends", str(i))
        target_path = _resolve_extends(source, target, keys)
        if target_path in (*stack, path):
            chain = " -> ".join(shown_path(p) for p in (*stack, path, target_path))
            source.fail(f"'extends' goes round in a circle: {chain}", *keys)
        _apply(config, target_path, [*stack, path], root)
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
    named = source.path.parent / target
    if source.root is not None and not inside(named, source.root):
        source.fail(outside_message("extends", excerpt(target), source.root, "--config"), *keys)
    resolved = named.resolve()
    if not resolved.is_file():
        source.fail(f"'extends' names '{excerpt(target)}', which does not exist", *keys)
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
        if source.root is not None and not inside(resolved, source.root):
            source.fail(outside_message("rule-packs", excerpt(pack), source.root, "--rules"), "rule-packs", str(i))
        if not resolved.is_file():
            source.fail(f"rule pack '{excerpt(pack)}' does not exist", "rule-packs", str(i))
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
        if source.root is not None and not inside(base / data["baseline"], source.root):
            source.fail(outside_message("baseline", excerpt(data["baseline"]), source.root, "--baseline"), "baseline")
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
    from stratlint.limits import DEFAULT_MAX_FILE_SIZE, megabytes

    try:
        size = path.stat().st_size
        if size > DEFAULT_MAX_FILE_SIZE:
            raise StratlintError(f"the config is {megabytes(size)}, more than the {megabytes(DEFAULT_MAX_FILE_SIZE)} "
                                 "a config may be", path=shown_path(path))
        return path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise StratlintError(f"cannot read config: {getattr(exc, 'strerror', None) or exc}",
                             path=shown_path(path)) from None


def _preset(name: str) -> _Source:
    from stratlint.resources import presets_dir

    return _open_yaml(presets_dir() / f"{name}.yaml")


def _open(path: Path, extended: bool = False) -> _Source:
    """A config file, validated. An ``extended`` one (named by another
    config's ``extends``) that is no stratlint config at all is refused
    without a word of what it holds: a pull request must not be able to
    make stratlint print a file by naming it."""
    source = _open_toml(path) if path.name == "pyproject.toml" else _open_yaml(path, extended)
    _validate(source)
    return source


def _config_keys() -> set[str]:
    from stratlint.resources import load_schema

    return set(load_schema(SCHEMA).get("properties", {}))


def _open_yaml(path: Path, extended: bool = False) -> _Source:
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
    if extended and doc.data and not set(doc.data) & _config_keys():
        raise StratlintError("'extends' names a file that is not a stratlint config (it sets none of its keys)",
                             path=shown_path(path))
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
    except RecursionError:  # the parser recurses into nested arrays and tables
        raise StratlintError("pyproject.toml nests arrays or tables too deeply to be read",
                             path=shown_path(path)) from None
    tool = data.get("tool", {})
    table = tool.get("stratlint", {}) if isinstance(tool, dict) else {}  # tool = 1: no stratlint table
    index: dict[tuple, tuple[int, int]] = {}

    def locate(keys: list[str]) -> tuple[int, int]:
        """The line of a key in [tool.stratlint] (or a sub-table of it):
        the first of ``keys[0]`` in the table and ``keys[1]`` in the
        sub-table ``keys[0]``, else that sub-table's header."""
        if not index:
            index.update(_toml_index(text))
        if not keys:
            return index.get(("[first]",), (1, 1))
        found = [index[k] for k in (("", keys[0]), (keys[0], keys[1]) if len(keys) > 1 else None) if k in index]
        return min(found) if found else index.get(("[table]", keys[0]), (1, 1))

    return _Source(path, table, locate)


_TOML_HEADER = re.compile(r"^\s*\[tool\.stratlint(\.[^\]]+)?\]")


def _toml_index(text: str) -> dict[tuple, tuple[int, int]]:
    """Where each key of [tool.stratlint] and its sub-tables is, read in one
    pass: ``(table, key)`` -> the first line and column of the key,
    ``("[table]", table)`` -> the sub-table's header, ``("[first]",)`` ->
    the first header."""
    from stratlint.document.positions import split_lines

    index: dict[tuple, tuple[int, int]] = {}
    table = None
    for number, line in enumerate(split_lines(text), 1):
        h = _TOML_HEADER.match(line)
        if h:
            table = (h.group(1) or "").lstrip(".").strip('"')
            index.setdefault(("[first]",), (number, 1))
            index[("[table]", table)] = (number, 1)
            continue
        if line.lstrip().startswith("["):
            table = None
        head, equals, _ = line.partition("=")
        if table is None or not equals:
            continue
        name = head.strip()
        name = name[1:] if name[:1] in "\"'" else name
        name = name[:-1] if name[-1:] in "\"'" else name
        index.setdefault((table, name), (number, len(head) - len(head.lstrip()) + 1))
    return index


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
