"""Session checks shared by every test module.

Before any test runs, the installed dependencies are held to the ranges
``pyproject.toml`` declares (the ranges CI tests): a release outside them
stops the run with one line that names the package, instead of surfacing
later as a confusing failure in some test.
"""
from __future__ import annotations

import sys
from importlib import metadata
from pathlib import Path

import pytest
from packaging.requirements import Requirement

if sys.version_info >= (3, 11):
    import tomllib
else:
    import tomli as tomllib

PYPROJECT = Path(__file__).resolve().parent.parent / "pyproject.toml"


def declared_requirements() -> list[Requirement]:
    """The runtime and test requirements that apply to this interpreter."""
    project = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]
    lines = project["dependencies"] + project["optional-dependencies"]["test"]
    return [r for r in map(Requirement, lines) if r.marker is None or r.marker.evaluate()]


def out_of_range() -> list[str]:
    problems = []
    for requirement in declared_requirements():
        try:
            installed = metadata.version(requirement.name)
        except metadata.PackageNotFoundError:
            problems.append(f"{requirement.name} is not installed (pyproject.toml asks for {requirement})")
            continue
        if not requirement.specifier.contains(installed, prereleases=True):
            problems.append(f"{requirement.name} {installed} is installed; pyproject.toml declares "
                            f"and CI tests {requirement}")
    return problems


def pytest_report_header(config) -> str:
    names = ["click", "PyYAML", "jsonschema", "ruamel.yaml", "Jinja2", "MarkupSafe"]
    return "stratlint dependencies: " + ", ".join(f"{n} {metadata.version(n)}" for n in names)


@pytest.fixture(autouse=True, scope="session")
def no_cache_in_the_repository(tmp_path_factory):
    """Module- and session-scoped fixtures that run stratlint keep its
    result cache outside the repository too (each test then gets its own)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("STRATLINT_CACHE_DIR", str(tmp_path_factory.mktemp("session-cache")))
        yield


@pytest.fixture(autouse=True)
def own_cache(tmp_path_factory, monkeypatch) -> Path:
    """Every test starts with an empty result cache of its own, outside the
    repository (tests of the cache's default place unset this)."""
    folder = tmp_path_factory.mktemp("cache")
    monkeypatch.setenv("STRATLINT_CACHE_DIR", str(folder))
    return folder


@pytest.fixture
def workdir(tmp_path, monkeypatch) -> Path:
    """Run the test in an empty folder (short paths, no config file above
    it to find) with colour settings of its own."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NO_COLOR", raising=False)
    return tmp_path


def pytest_sessionstart(session) -> None:
    problems = out_of_range()
    if problems:
        pytest.exit("dependency outside the tested range: " + "; ".join(problems), returncode=3)
