"""The result cache: unchanged files are not linted again, every input to
a file's result invalidates its entry, and a cache that cannot be used
never fails a run nor writes outside its folder."""
from __future__ import annotations

import datetime
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import stratlint.cache
import stratlint.commands.check
import stratlint.commands.parallel
import stratlint.filters
import stratlint.linter
from tests.helpers import run_cli, write

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"

PACK = """\
pack: team
rules:
  - code: TEAM001
    slug: tactic-needs-owner
    severity: warning
    summary: Every tactic names an owner.
    given: /tactics/*
    then: {function: present, options: {field: owner}}
    message: "tactic '{id}' has no owner"
    docs: {what: w, why: w, example: e, fix: f}
"""

PLUGIN = """\
from stratlint.checks import Hit
from stratlint.plugin import Plugin, check


@check("budget_over", {"type": "object", "properties": {"limit": {"type": "number"}}})
def budget_over(tactic, options, ctx):
    if isinstance(tactic, dict) and isinstance(tactic.get("budget"), (int, float)):
        if tactic["budget"] > options["limit"]:
            yield Hit(ctx.child("budget"), {"amount": tactic["budget"]})


plugin = Plugin(checks=[budget_over])
"""

PLUGIN_PACK = """\
pack: acme
rules:
  - code: ACME100
    slug: tactic-over-budget
    severity: warning
    summary: Tactic over budget.
    given: /tactics/*
    then: {function: budget_over, options: {limit: 5000}}
    message: "a budget of {amount} is too much"
    docs: {what: w, why: w, example: e, fix: f}
"""


class Linted:
    """Counts the files the linter really lints (the others come from the cache)."""

    def __init__(self, monkeypatch) -> None:
        self.names: list[str] = []
        real = stratlint.linter.lint_bytes

        def counting(data, name, *args, **kwargs):
            self.names.append(name)
            return real(data, name, *args, **kwargs)

        for module in (stratlint.cache, stratlint.commands.check):  # with the cache, and without
            monkeypatch.setattr(module, "lint_bytes", counting)

    def take(self) -> list[str]:
        names, self.names = sorted(self.names), []
        return names


@pytest.fixture
def plans(workdir) -> Path:
    for name in ("good", "vanity-metrics", "no-review-cycle"):
        shutil.copy(EXAMPLES / f"{name}.strategy.yaml", workdir / f"{name}.strategy.yaml")
    write(workdir / "tactics.strategy.yaml", """\
        version: 1
        name: Tactics
        tactics:
          - {id: ads, name: Search ads, budget: 9000}
          - {id: talk, name: Meetup talk, budget: 200, owner: Ana}
        """)
    return workdir


@pytest.fixture
def linted(monkeypatch) -> Linted:
    return Linted(monkeypatch)


ALL = ["good.strategy.yaml", "no-review-cycle.strategy.yaml", "tactics.strategy.yaml", "vanity-metrics.strategy.yaml"]


def check(*args: str):
    return run_cli(["check", "--jobs", "1", *args, "."])


# -- hits are the fresh results, byte for byte ------------------------------------------


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "junit", "github"])
def test_a_second_run_lints_nothing_and_prints_the_same_bytes(plans, linted, fmt):
    fresh = run_cli(["check", "--no-cache", "--format", fmt, "."])
    assert linted.take() == ALL
    first = run_cli(["check", "--format", fmt, "."])
    assert linted.take() == ALL
    second = run_cli(["check", "--format", fmt, "."])
    assert linted.take() == []
    assert second.stdout == first.stdout == fresh.stdout
    assert second.exit_code == first.exit_code == fresh.exit_code == 1


def test_parallel_runs_use_the_cache_too(plans, own_cache, monkeypatch):
    monkeypatch.setattr(stratlint.commands.parallel, "BYTES_PER_PROCESS", 1)  # share out even these few files
    first = run_cli(["check", "--jobs", "2", "--format", "json", "."])
    entries = sorted(p.name for p in own_cache.glob("*/*.json"))
    assert len(entries) == len(ALL)
    mtimes = {p: p.stat().st_mtime_ns for p in own_cache.glob("*/*.json")}
    second = run_cli(["check", "--jobs", "2", "--format", "json", "."])
    assert second.stdout == first.stdout
    assert {p: p.stat().st_mtime_ns for p in own_cache.glob("*/*.json")} == mtimes  # read, not rewritten


def test_baseline_and_fingerprints_come_back_the_same(plans, linted):
    first = check("--write-baseline", "base.json")
    recorded = Path("base.json").read_text()
    assert linted.take() == ALL
    second = check("--write-baseline", "base.json")
    assert linted.take() == []
    assert Path("base.json").read_text() == recorded and second.exit_code == first.exit_code == 0
    baselined = check("--baseline", "base.json")
    assert linted.take() == ALL  # the file's share of the baseline is part of its key
    assert check("--baseline", "base.json").stdout == baselined.stdout
    assert linted.take() == []
    assert baselined.exit_code == 0 and "SL201" not in baselined.stdout


# -- every input to the key invalidates -------------------------------------------------


def test_an_edited_plan_is_linted_again(plans, linted):
    check()
    linted.take()
    path = Path("good.strategy.yaml")
    path.write_text(path.read_text().replace("cadence:", "cadence_typo:", 1))
    result = check()
    assert linted.take() == ["good.strategy.yaml"]
    assert "good.strategy.yaml" in result.stdout and "cadence_typo" in result.stdout


def test_an_edited_config_changes_the_results(plans, linted):
    check()
    linted.take()
    Path(".stratlint.yaml").write_text("severity: {vanity-only-kpis: error}\n")
    result = check()
    assert linted.take() == ALL
    assert "SL201 [error]" in result.stdout
    Path(".stratlint.yaml").write_text("per-file-ignores: {'vanity-*': [SL2]}\nseverity: {vanity-only-kpis: error}\n")
    result = check()
    assert linted.take() == ["vanity-metrics.strategy.yaml"]  # the only file whose settings changed
    assert "SL201" not in result.stdout


def test_an_edited_rule_pack_changes_the_results(plans, linted):
    Path("team.yaml").write_text(PACK)
    assert "tactic 'ads' has no owner" in check("--rules", "team.yaml").stdout
    linted.take()
    check("--rules", "team.yaml")
    assert linted.take() == []
    Path("team.yaml").write_text(PACK.replace("has no owner", "needs an owner"))
    result = check("--rules", "team.yaml")
    assert linted.take() == ALL
    assert "tactic 'ads' needs an owner" in result.stdout and "has no owner" not in result.stdout


@pytest.mark.parametrize("option", [["--select", "SL2"], ["--ignore", "SL201"], ["--report-unused-disables"],
                                    ["--rules", "team.yaml"]])
def test_an_option_that_changes_results_relints(plans, linted, option):
    Path("team.yaml").write_text(PACK)
    check()
    linted.take()
    check(*option)
    assert linted.take() == ALL
    check(*option)
    assert linted.take() == []


def test_options_that_only_change_the_report_do_not_relint(plans, linted):
    check()
    linted.take()
    for option in (["--format", "json"], ["--fail-on", "info"], ["--quiet"], ["--statistics"]):
        check(*option)
    assert linted.take() == []


def test_a_new_stratlint_version_relints(plans, linted, monkeypatch, own_cache):
    check()
    linted.take()
    monkeypatch.setattr(stratlint.cache, "__version__", "99.0.0")
    check()
    assert linted.take() == ALL
    assert sorted(p.name for p in own_cache.iterdir() if p.is_dir()) == ["1-0.1.0", "1-99.0.0"]


def test_an_edited_plugin_relints(plans, linted, monkeypatch):
    Path("team_rules.py").write_text(PLUGIN)
    Path("acme.yaml").write_text(PLUGIN_PACK)
    Path(".stratlint.yaml").write_text("plugins: [team_rules]\nrule-packs: [acme.yaml]\n")

    def run():
        monkeypatch.delitem(sys.modules, "team_rules", raising=False)  # as a new process would import it
        return check("--select", "ACME", "--trust-config-plugins")

    assert "a budget of 9000 is too much" in run().stdout
    linted.take()
    run()
    assert linted.take() == []
    Path("team_rules.py").write_text(PLUGIN.replace('{"amount": tactic["budget"]}', '{"amount": "lots"}'))
    assert "a budget of lots is too much" in run().stdout
    assert linted.take() == ALL


def test_an_edited_module_beside_a_plugin_relints(plans, linted, monkeypatch):
    Path("team_limits.py").write_text("LIMIT = 5000\n")
    helper = PLUGIN.replace("from stratlint.checks import Hit", "import team_limits\nfrom stratlint.checks import Hit")
    Path("team_rules.py").write_text(helper.replace('options["limit"]', "team_limits.LIMIT"))
    Path("acme.yaml").write_text(PLUGIN_PACK)
    Path(".stratlint.yaml").write_text("plugins: [team_rules]\nrule-packs: [acme.yaml]\n")

    def run():
        for name in ("team_rules", "team_limits"):  # as a new process would import them
            monkeypatch.delitem(sys.modules, name, raising=False)
        return check("--select", "ACME", "--trust-config-plugins")

    assert "a budget of 9000 is too much" in run().stdout
    Path("team_limits.py").write_text("LIMIT = 50000\n")
    linted.take()
    assert "ACME100" not in run().stdout
    assert linted.take() == ALL


def test_an_expiring_waiver_is_not_answered_from_the_cache_after_its_day(plans, linted, monkeypatch):
    today = datetime.date.today()
    path = Path("vanity-metrics.strategy.yaml")
    path.write_text(path.read_text().replace(
        "\nkpis:", f"\nkpis:  # stratlint: disable=SL201 -- launch quarter, until {today.isoformat()}", 1))
    assert "SL201" not in check().stdout
    assert "SL201" not in check().stdout
    linted.take()

    class Tomorrow(datetime.date):
        @classmethod
        def today(cls):
            return today + datetime.timedelta(days=1)

    fake = type("datetime", (), {"date": Tomorrow, "timedelta": datetime.timedelta})
    monkeypatch.setattr(stratlint.cache, "datetime", fake)
    monkeypatch.setattr(stratlint.filters, "datetime", fake)
    result = check()
    assert linted.take() == ["vanity-metrics.strategy.yaml"]
    assert "SL201" in result.stdout and "SL007" in result.stdout


def test_an_expired_waiver_is_not_answered_from_the_cache_on_an_earlier_day(plans, linted, monkeypatch):
    """A clock behind, another time zone, or a cache carried to another
    machine: on the waiver's last day it suppresses again."""
    today = datetime.date.today()
    path = Path("vanity-metrics.strategy.yaml")
    path.write_text(path.read_text().replace(
        "\nkpis:", f"\nkpis:  # stratlint: disable=SL201 -- launch quarter, until {today.isoformat()}", 1))

    class Tomorrow(datetime.date):
        @classmethod
        def today(cls):
            return today + datetime.timedelta(days=1)

    fake = type("datetime", (), {"date": Tomorrow, "timedelta": datetime.timedelta})
    with monkeypatch.context() as later:
        later.setattr(stratlint.cache, "datetime", fake)
        later.setattr(stratlint.filters, "datetime", fake)
        assert "SL007" in check().stdout  # expired, and cached so
    linted.take()
    result = check()  # today again: the waiver holds
    assert linted.take() == ["vanity-metrics.strategy.yaml"]
    assert "SL201" not in result.stdout and "SL007" not in result.stdout


def test_a_crashed_rule_is_not_cached(plans, linted):
    Path("crash.yaml").write_text(PACK.replace("given: /tactics/*", "given: /tactics").replace(
        "then: {function: present, options: {field: owner}}",
        "then: {function: none_match, options: {where: {matches: nope}}}"))
    for _ in range(2):
        result = check("--rules", "crash.yaml")
        assert result.exit_code == 2 and "rule 'tactic-needs-owner' failed on" in result.stderr
        assert "tactics.strategy.yaml" in linted.take()


# -- where the cache is, and what it writes ----------------------------------------------


def test_default_folder_is_stratlint_cache_here_and_git_ignores_it(plans, linted, monkeypatch):
    monkeypatch.delenv("STRATLINT_CACHE_DIR")
    subprocess.run(["git", "init", "-q", "."], check=True)
    check()
    folder = Path(".stratlint_cache")
    assert (folder / ".gitignore").read_text().splitlines()[-1] == "*"
    assert (folder / "CACHEDIR.TAG").read_text().startswith("Signature: 8a477f597d28d172789f06886806bc55\n")
    status = subprocess.run(["git", "status", "--porcelain", "--untracked-files=all"], capture_output=True,
                            text=True, check=True).stdout
    assert ".stratlint_cache" not in status and "good.strategy.yaml" in status
    linted.take()
    check()
    assert linted.take() == []


def test_no_cache_neither_reads_nor_writes(plans, linted, own_cache):
    check()
    linted.take()
    before = sorted(own_cache.rglob("*"))
    check("--no-cache")
    assert linted.take() == ALL
    assert sorted(own_cache.rglob("*")) == before


def test_cache_dir_option_wins_over_the_environment(plans, linted, own_cache):
    check("--cache-dir", "elsewhere")
    assert sorted(p.name for p in Path("elsewhere").glob("*/*.json")) != []
    assert list(own_cache.glob("*/*.json")) == []


def test_a_config_cannot_move_the_cache(plans):
    Path(".stratlint.yaml").write_text("cache-dir: /tmp/owned\n")
    result = check()
    assert result.exit_code == 2 and "cache-dir" in result.stderr


def test_corrupt_entries_are_misses(plans, linted, own_cache):
    first = check()
    entries = sorted(own_cache.glob("*/*.json"))
    garbage = [b"", b"{", b"[]", b'{"bytes": 1}', b"\xff\xfe", b"[" * 100000, json.dumps(
        {"bytes": "x", "findings": [["a"]]}).encode()]
    for entry, junk in zip(entries, garbage):
        entry.write_bytes(junk)
    linted.take()
    second = check()
    assert second.stdout == first.stdout and second.stderr == ""
    assert linted.take() == ALL


def test_forged_findings_with_the_wrong_shape_are_misses(plans, linted, own_cache):
    first = check()
    for entry in own_cache.glob("*/*.json"):
        data = json.loads(entry.read_text())
        data["findings"] = [[1, 1, 1, 1, "SL201", "x", "warning", "m", "", ""]]  # severity is no number
        entry.write_text(json.dumps(data))
    linted.take()
    assert check().stdout == first.stdout
    assert linted.take() == ALL


def test_a_cache_folder_that_cannot_be_made_is_a_warning(plans, linted, monkeypatch):
    Path("not-a-folder").write_text("")
    monkeypatch.setenv("STRATLINT_CACHE_DIR", "not-a-folder")
    result = check()
    assert result.stderr == "stratlint: warning: checking without the cache: not-a-folder: not a folder\n"
    assert result.exit_code == 1 and "SL201" in result.stdout
    assert linted.take() == ALL


def test_a_linked_default_folder_is_not_used(plans, linted, monkeypatch, tmp_path_factory):
    monkeypatch.delenv("STRATLINT_CACHE_DIR")
    target = tmp_path_factory.mktemp("target")
    os.symlink(target, ".stratlint_cache")
    result = check()
    assert result.stderr == ("stratlint: warning: checking without the cache: "
                             ".stratlint_cache: not a folder (a link)\n")
    assert list(target.iterdir()) == []


def test_entries_that_are_links_are_not_followed(plans, linted, own_cache, tmp_path_factory):
    check()
    secret = tmp_path_factory.mktemp("outside") / "secret.txt"
    secret.write_text("keep me")
    for entry in own_cache.glob("*/*.json"):
        entry.unlink()
        entry.symlink_to(secret)
    linted.take()
    check()
    assert linted.take() == ALL
    assert secret.read_text() == "keep me"
    assert not any(p.is_symlink() for p in own_cache.glob("*/*.json"))


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes")
def test_an_entry_that_is_a_named_pipe_is_a_miss_not_a_wait(plans, own_cache):
    check()
    for entry in own_cache.glob("*/*.json"):
        entry.unlink()
        os.mkfifo(entry)
    # in a process of its own, so that a wait on the pipe would fail the test, not stop the suite
    run = subprocess.run([sys.executable, "-m", "stratlint", "check", "--jobs", "1", "."], capture_output=True,
                         text=True, timeout=120, env={**os.environ, "STRATLINT_CACHE_DIR": str(own_cache)})
    assert run.returncode == 1 and "SL201" in run.stdout and run.stderr == ""


def test_a_cache_dir_that_holds_other_files_is_not_made_a_cache(plans, linted):
    Path("plans").mkdir()
    shutil.copy(EXAMPLES / "good.strategy.yaml", "plans/good.strategy.yaml")
    result = run_cli(["check", "--jobs", "1", "--cache-dir", "plans", "plans"])
    assert result.stderr == ("stratlint: warning: checking without the cache: plans: a folder that holds "
                             "other files and is not a stratlint cache\n")
    assert result.exit_code == 0
    assert sorted(p.name for p in Path("plans").iterdir()) == ["good.strategy.yaml"]  # no tag, no .gitignore
    assert run_cli(["clean", "--cache-dir", "plans"]).exit_code == 2
    assert Path("plans/good.strategy.yaml").exists()


def test_an_empty_cache_dir_becomes_the_cache(plans, linted):
    Path("empty").mkdir()
    assert check("--cache-dir", "empty").stderr == ""
    assert stratlint.cache.is_cache("empty")
    linted.take()
    check("--cache-dir", "empty")
    assert linted.take() == []


# -- stratlint clean ---------------------------------------------------------------------


def test_clean_removes_the_caches_here_and_below(plans, monkeypatch, own_cache):
    monkeypatch.delenv("STRATLINT_CACHE_DIR")
    check()
    (plans / "sub").mkdir()
    monkeypatch.chdir(plans / "sub")
    shutil.copy(EXAMPLES / "good.strategy.yaml", "good.strategy.yaml")
    run_cli(["check", "."])
    monkeypatch.chdir(plans)
    assert Path("sub/.stratlint_cache").is_dir() and Path(".stratlint_cache").is_dir()
    result = run_cli(["clean"])
    assert result.exit_code == 0
    assert result.stdout == "removed .stratlint_cache\nremoved sub/.stratlint_cache\n"
    assert not Path(".stratlint_cache").exists() and not Path("sub/.stratlint_cache").exists()
    assert Path("good.strategy.yaml").exists()
    assert run_cli(["clean"]).stdout == "no cache to remove\n"


def test_clean_removes_the_folder_the_environment_names(plans, own_cache):
    check()
    result = run_cli(["clean"])
    assert result.exit_code == 0 and result.stdout == f"removed {own_cache}\n"
    assert not own_cache.exists()


def test_clean_leaves_a_folder_stratlint_did_not_make(plans, monkeypatch):
    Path("precious").mkdir()
    Path("precious/notes.txt").write_text("mine")
    result = run_cli(["clean", "--cache-dir", "precious"])
    assert result.exit_code == 2
    assert result.stderr == ("stratlint: error: precious: not removed: it holds no CACHEDIR.TAG, "
                             "so it is not stratlint's cache\n")
    assert Path("precious/notes.txt").read_text() == "mine"


def test_clean_does_not_follow_a_linked_cache(plans, monkeypatch, tmp_path_factory):
    monkeypatch.delenv("STRATLINT_CACHE_DIR")
    target = tmp_path_factory.mktemp("target")
    (target / "CACHEDIR.TAG").write_text(stratlint.cache.TAG_SIGNATURE + "\n")
    os.symlink(target, ".stratlint_cache")
    result = run_cli(["clean"])
    assert result.exit_code == 2 and "it is a link, not a folder stratlint made" in result.stderr
    assert (target / "CACHEDIR.TAG").exists()


def test_every_field_of_a_rule_but_its_documentation_is_in_the_key(tmp_path):
    """A field a rule gains later (as 'unless' was) changes the key without anyone listing it."""
    import dataclasses

    from stratlint.cache import ResultCache
    from stratlint.config.settings import resolve
    from stratlint.filters import FilterOptions

    cache = ResultCache.open(str(tmp_path / "c"))
    rules = resolve(isolated=True).rules
    base = cache.key(b"version: 1\n", "p.yaml", rules, FilterOptions())
    rule = next(r for r in rules if r.steps)
    changes = {"code": "SL999", "slug": "other", "severity": rule.severity % 3 + 1, "given": ("/x",), "steps": (),
               "message": "changed", "source": "elsewhere", "location": {"pointer": "/x"}, "reports": "parse",
               "always_on": not rule.always_on, "unless": {"field": "x", "present": True},
               "enabled": not rule.enabled, "fixable": not rule.fixable, "fix": {"add": {"x": "TODO: x"}}}
    documentation = {"summary", "docs", "where"}
    assert set(changes) | documentation == {f.name for f in dataclasses.fields(rule)}
    for name, value in changes.items():
        changed = [dataclasses.replace(rule, **{name: value}) if r is rule else r for r in rules]
        assert cache.key(b"version: 1\n", "p.yaml", changed, FilterOptions()) != base, name
    for name in documentation:
        changed = [dataclasses.replace(rule, **{name: "other"}) if r is rule else r for r in rules]
        assert cache.key(b"version: 1\n", "p.yaml", changed, FilterOptions()) == base, name


def test_clean_does_not_follow_a_link_named_with_a_trailing_slash(plans, monkeypatch, tmp_path_factory):
    target = tmp_path_factory.mktemp("target")
    (target / "CACHEDIR.TAG").write_text(stratlint.cache.TAG_SIGNATURE + "\n")
    (target / "entry.json").write_text("{}")
    os.symlink(target, "linked")
    result = run_cli(["clean", "--cache-dir", "linked/"])
    assert result.exit_code == 2 and "linked: not removed: it is a link" in result.stderr
    assert sorted(p.name for p in target.iterdir()) == ["CACHEDIR.TAG", "entry.json"]
