"""Files shipped with stratlint: the schemas and the built-in rule packs.

In a wheel they live in ``stratlint/data/``; in a source checkout (and an
editable install) they are read from the repository's top level.
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

_HERE = Path(__file__).resolve().parent


def data_dir(name: str) -> Path:
    for candidate in (_HERE / "data" / name, _HERE.parent.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"stratlint's {name}/ folder is missing from this installation")


def schema_path(name: str) -> Path:
    return data_dir("schemas") / name


@lru_cache(maxsize=None)
def load_schema(name: str) -> dict:
    with open(schema_path(name), encoding="utf-8") as fh:
        return json.load(fh)


def builtin_packs() -> list[Path]:
    return sorted(data_dir("rules").glob("*.yaml"))


def presets_dir() -> Path:
    return _HERE / "presets"


@lru_cache(maxsize=None)
def evaluation() -> dict:
    """How the built-in rules score on the evaluation corpus ({} if the file is missing)."""
    path = _HERE / "evaluation.json"
    if not path.is_file():
        return {}
    with open(path, encoding="utf-8") as fh:
        return json.load(fh)
