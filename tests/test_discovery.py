"""Which files a run checks and which config governs each (issue #15,
items 4 and 5; #14 item 4): .gitignore, gitignore patterns in exclude and
per-file-ignores, patterns that could make matching slow, and the nearest
config above each file."""
from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from stratlint.globs import MAX_STARS, PatternError, Patterns, bounded
from tests.helpers import run_cli, write

ROOT = Path(__file__).resolve().parent.parent
VANITY = (ROOT / "examples" / "vanity-metrics.strategy.yaml").read_text(encoding="utf-8")
#: draws SL201 (vanity-only-kpis, a warning) and SL202 (kpi-without-target, a warning)
KPIS = """\
version: 1
name: Spring plan
objectives:
  - {id: grow, statement: Grow repeat purchases by 20%}
kpis:
  - {id: likes, name: Page likes, target: 1000, objective: grow}
  - {id: fans, name: Followers, objective: grow}
"""


def checked(result) -> list[str]:
    """The files a run reported on (one SL201 finding each, with --select SL201)."""
    return sorted(line.split(":", 1)[0] for line in result.stdout.splitlines() if "SL201" in line)


@pytest.fixture
def repo(workdir) -> Path:
    subprocess.run(["git", "init", "-q", str(workdir)], check=True, capture_output=True)
    for name in ("plans/q3.strategy.yaml", "plans/drafts/wip.strategy.yaml", "plans/draft1/a.strategy.yaml",
                 "plans/draft3/a.strategy.yaml", "build/out.strategy.yaml", "local.strategy.yaml"):
        write(name, VANITY, dedent=False)
    return workdir


# -- .gitignore ---------------------------------------------------------------------------------------

def test_a_walk_skips_what_gitignore_and_info_exclude_ignore(repo):
    write(".gitignore", "build/\n# comment\n\n*.tmp\n")
    write("plans/.gitignore", "drafts/\ndraft[12]/\n")
    write(".git/info/exclude", "local.strategy.yaml\n")
    result = run_cli(["check", "--isolated", "--select", "SL201", "."])
    assert checked(result) == ["plans/draft3/a.strategy.yaml", "plans/q3.strategy.yaml"]
    assert result.exit_code == 0 and result.stderr == ""
    everything = run_cli(["check", "--isolated", "--select", "SL201", "--no-respect-gitignore", "."])
    assert len(checked(everything)) == 6


def test_negation_and_a_deeper_gitignore_win(repo):
    write(".gitignore", "*.strategy.yaml\n!q3.strategy.yaml\n")
    write("plans/drafts/.gitignore", "!wip.strategy.yaml\n")
    assert checked(run_cli(["check", "--isolated", "--select", "SL201", "."])) == [
        "plans/drafts/wip.strategy.yaml", "plans/q3.strategy.yaml"]


def test_a_file_or_an_ignored_folder_named_on_the_command_line_is_still_checked(repo):
    write(".gitignore", "build/\nlocal.strategy.yaml\n")
    assert checked(run_cli(["check", "--isolated", "--select", "SL201", "local.strategy.yaml", "build"])) == [
        "build/out.strategy.yaml", "local.strategy.yaml"]


def test_gitignore_counts_only_inside_a_git_repository(workdir):
    write("plans/q3.strategy.yaml", VANITY, dedent=False)
    write(".gitignore", "plans/\n")
    assert checked(run_cli(["check", "--isolated", "--select", "SL201", "."])) == ["plans/q3.strategy.yaml"]


def test_a_folder_walked_from_outside_the_repository_uses_its_gitignore(repo, tmp_path_factory):
    write(".gitignore", "drafts/\n")
    os.chdir(tmp_path_factory.mktemp("elsewhere"))
    result = run_cli(["check", "--isolated", "--select", "SL201", str(repo / "plans")])
    assert [Path(p).relative_to(repo).as_posix() for p in checked(result)] == [
        "plans/draft1/a.strategy.yaml", "plans/draft3/a.strategy.yaml", "plans/q3.strategy.yaml"]


def test_waivers_walk_the_same_files(repo):
    write(".gitignore", "build/\n")
    write("build/out.strategy.yaml", "version: 1  # stratlint: disable=SL201 -- reason\n")
    assert run_cli(["waivers", "--isolated", "build/out.strategy.yaml"]).stdout.startswith("build/out")
    assert run_cli(["waivers", "--isolated", "."]).stdout == "0 suppressions, 0 expired, in 5 files.\n"


# -- exclude and per-file-ignores in gitignore syntax ------------------------------------------------

def test_exclude_takes_character_classes_and_folder_patterns(repo):
    write(".stratlint.yaml", "exclude: ['draft[12]/', drafts, '/build']\n")
    assert checked(run_cli(["check", "--select", "SL201", "--no-respect-gitignore", "."])) == [
        "local.strategy.yaml", "plans/draft3/a.strategy.yaml", "plans/q3.strategy.yaml"]


def test_exclude_with_a_negation_keeps_a_file(repo):
    write(".stratlint.yaml", "exclude: ['plans/**', '!plans/q3.strategy.yaml']\n")
    assert checked(run_cli(["check", "--select", "SL201", "plans"])) == ["plans/q3.strategy.yaml"]


@pytest.mark.parametrize("exclude, kept", [
    (["plans/**", "!plans/q3.strategy.yaml"], ["plans/q3.strategy.yaml"]),  # '**' is what is in plans/
    (["plans/", "!plans/q3.strategy.yaml"], []),  # the folder itself: nothing below comes back, as in git
])
def test_exclude_negation_takes_a_file_back_as_git_would_in_a_walk(repo, exclude, kept):
    write(".stratlint.yaml", f"exclude: {exclude}\n")
    found = checked(run_cli(["check", "--select", "SL201", "--no-respect-gitignore", "--allow-empty", "."]))
    assert [f for f in found if f.startswith("plans/")] == kept
    # git reads the same lines the same way
    write(".gitignore", "\n".join(exclude) + "\n")
    ignored = subprocess.run(["git", "check-ignore", "--no-index", "plans/q3.strategy.yaml"], capture_output=True)
    assert (ignored.returncode == 1) == bool(kept)


def test_per_file_ignores_take_character_classes_and_negation(repo):
    write(".stratlint.yaml", "per-file-ignores:\n  'draft[12]/': [SL201]\n  '!plans/**': [SL201]\n")
    assert checked(run_cli(["check", "--select", "SL201", "--no-respect-gitignore", "."])) == [
        "plans/draft3/a.strategy.yaml", "plans/drafts/wip.strategy.yaml", "plans/q3.strategy.yaml"]


# -- patterns that would make matching slow (#14 item 4) ---------------------------------------------

HOSTILE = "*a*a*a*a*a*a*a*a*a*ab"


def test_the_hostile_exclude_pattern_is_refused_at_its_line(repo):
    write(".stratlint.yaml", f"select: [SL201]\nexclude:\n  - drafts\n  - '{HOSTILE}'\n")
    result = run_cli(["check", "."])
    assert result.stderr == (
        f"stratlint: error: .stratlint.yaml:4:5: invalid config: exclude: '{HOSTILE}' has 10 '*' in one name; "
        f"use at most {MAX_STARS}\n")
    assert result.exit_code == 2


def test_a_hostile_per_file_ignores_pattern_is_refused_at_its_line(repo):
    write("pyproject.toml", f"[tool.stratlint.per-file-ignores]\n\"{HOSTILE}\" = [\"SL201\"]\n")
    result = run_cli(["check", "."])
    assert result.stderr.startswith("stratlint: error: pyproject.toml:2:1: invalid config: per-file-ignores: ")
    assert result.exit_code == 2


def test_a_hostile_gitignore_line_is_reported_and_not_applied(repo):
    write(".gitignore", f"build/\n{HOSTILE}\n")
    result = run_cli(["check", "--isolated", "--select", "SL201", "."])
    assert result.stderr == (f"stratlint: error: .gitignore:2:1: '{HOSTILE}' has 10 '*' in one name; use at most "
                             f"{MAX_STARS}; the pattern is not applied\n")
    assert len(checked(result)) == 5 and result.exit_code == 2


@pytest.mark.parametrize("pattern, kept", [
    ("a***b", "a*b"),            # a run of '*' in a name is one '*', as git reads it
    ("plans/***/x", "plans/**/x"),
    ("*draft*", "*draft*"),
    ("[*][*][*]x", "[*][*][*]x"),  # '*' in a class or escaped is a character, not a wildcard
    (r"\*\*\*x", r"\*\*\*x"),
    ("**/drafts/**", "**/drafts/**"),  # a trailing /** only says "everything in it"
    ("!keep.yaml", "!keep.yaml"),
])
def test_patterns_are_collapsed_as_git_reads_them(pattern, kept):
    assert bounded(pattern) == kept


@pytest.mark.parametrize("pattern, reason", [
    ("*a*b*", "has 3 '*' in one name"),
    ("**/drafts/**/x", "has 2 '**'"),
    ("drafts/**/x/**/y", "has 2 '**'"),
    ("a**b**c**d", "has 3 '*' in one name"),  # 'a**b' is 'a*b': collapsed, then counted
])
def test_patterns_over_the_bounds_are_refused(pattern, reason):
    with pytest.raises(PatternError, match=reason.replace("*", r"\*")):
        bounded(pattern)


def test_what_matching_a_bounded_pattern_costs_is_what_the_bound_says():
    """The bound the module promises, checked on the regular expressions
    pathspec builds: at most one quantifier that crosses '/', and within a
    name at most MAX_STARS more. (Backtracking then costs, per '/' in the
    path, at most the name's length to the power MAX_STARS.) A '.*' that
    ends the expression always matches the rest and never backtracks."""
    import re

    for pattern in ("*draft*", "plans/**/x*y*.yaml", "**/drafts/**", "draft[12]/", "a*b", "/build"):
        regex = Patterns.compile([pattern])._spec.patterns[0].regex.pattern
        body = re.sub(r"\.\*\$$", "$", regex.split("(?P<ps_d>")[0])
        crossing = len(re.findall(r"\.[+*]", body))
        names = [len(re.findall(r"\[\^/\]\*", part)) for part in regex.split("/")]
        assert crossing <= 1 and max(names) <= MAX_STARS, (pattern, regex)


# -- the nearest config above each file ------------------------------------------------------------

@pytest.fixture
def two_teams(workdir) -> Path:
    """A repository with a config at the top and a stricter one in one team's folder."""
    write(".stratlint.yaml", "select: [SL201, SL202]\n")
    write("brand/.stratlint.yaml", "select: [SL201]\nseverity: {SL201: error}\nfail-on: error\n")
    write("brand/q3.strategy.yaml", KPIS, dedent=False)
    write("retail/q3.strategy.yaml", KPIS, dedent=False)
    return workdir


def lines_of(result) -> list[str]:
    return [line.split(": ", 1)[0].rsplit(":", 2)[0] + " " + line.split(": ", 1)[1].split(" ", 2)[0] + " "
            + line.split(": ", 1)[1].split(" ", 2)[1] for line in result.stdout.splitlines()[:-1]]


def test_each_folder_follows_its_own_config(two_teams):
    result = run_cli(["check", "."])
    assert sorted(set(lines_of(result))) == [
        "brand/q3.strategy.yaml SL201 [error]",
        "retail/q3.strategy.yaml SL201 [warning]", "retail/q3.strategy.yaml SL202 [warning]"]
    assert result.exit_code == 1  # brand's SL201 is an error


def test_a_folder_checked_from_anywhere_gives_what_checking_inside_it_gives(two_teams, tmp_path_factory):
    os.chdir(two_teams / "brand")
    inside = run_cli(["check", "q3.strategy.yaml"])
    os.chdir(tmp_path_factory.mktemp("elsewhere"))
    outside = run_cli(["check", str(two_teams / "brand")])
    assert outside.stdout.replace(str(two_teams / "brand") + "/", "") == inside.stdout
    assert (outside.exit_code, inside.exit_code) == (1, 1)
    os.chdir(two_teams / "retail")
    assert "SL202" in run_cli(["check", "."]).stdout


def test_config_names_one_config_for_every_file(two_teams):
    write("ci.yaml", "select: [SL202]\n")
    result = run_cli(["check", "--config", "ci.yaml", "."])
    assert sorted(set(lines_of(result))) == [
        "brand/q3.strategy.yaml SL202 [warning]", "retail/q3.strategy.yaml SL202 [warning]"]
    assert result.exit_code == 0


def test_a_pyproject_table_governs_its_folder_and_one_without_it_does_not(two_teams):
    write("retail/pyproject.toml", "[tool.stratlint]\nselect = [\"SL202\"]\n")
    write("brand/sub/pyproject.toml", "[project]\nname = 'x'\n")
    write("brand/sub/p.strategy.yaml", KPIS, dedent=False)
    assert sorted(set(lines_of(run_cli(["check", "."])))) == [
        "brand/q3.strategy.yaml SL201 [error]", "brand/sub/p.strategy.yaml SL201 [error]",
        "retail/q3.strategy.yaml SL202 [warning]"]


def test_exclude_is_relative_to_the_config_that_sets_it(two_teams):
    write("brand/.stratlint.yaml", "select: [SL201]\nexclude: [/q3.strategy.yaml]\n")
    write("brand/old/q3.strategy.yaml", KPIS, dedent=False)
    result = run_cli(["check", "."])
    assert sorted({line.split(":", 1)[0] for line in result.stdout.splitlines()[:-1]}) == [
        "brand/old/q3.strategy.yaml", "retail/q3.strategy.yaml"]


def test_a_broken_config_in_a_folder_named_is_a_located_error(two_teams):
    write("brand/.stratlint.yaml", "select: [SL201\n")
    result = run_cli(["check", "brand"])
    assert result.stderr.startswith("stratlint: error: brand/.stratlint.yaml:")
    assert result.exit_code == 2


def test_the_settings_finder_caches_per_folder_and_per_config(two_teams):
    from stratlint.config.discovery import SettingsFinder

    finder = SettingsFinder()
    brand = finder.for_file("brand/q3.strategy.yaml")
    assert finder.for_file(str(two_teams / "brand" / "other.strategy.yaml")) is brand
    assert finder.for_file("retail/q3.strategy.yaml") is finder.for_folder(".")
    assert brand.config_path.endswith(os.path.join("brand", ".stratlint.yaml"))
    assert [r.code for r in brand.rules if not r.always_on] == ["SL201"]


def test_folders_with_their_own_configs_give_the_same_report_whatever_jobs_is(two_teams):
    for i in range(12):
        write(f"brand/more/p{i:02}.strategy.yaml", KPIS, dedent=False)
        write(f"retail/more/p{i:02}.strategy.yaml", KPIS, dedent=False)
    one = run_cli(["check", "--jobs", "1", "."])
    two = run_cli(["check", "--jobs", "2", "."])
    assert one.stdout == two.stdout and one.exit_code == two.exit_code == 1
    assert one.stdout.count("SL202") == 13 and one.stdout.count("SL201 [error]") == 13


def test_a_hostile_gitignore_line_is_an_annotation_at_its_line(repo):
    write(".gitignore", f"build/\n{HOSTILE}\n")
    result = run_cli(["check", "--isolated", "--select", "SL201", "--format", "github", "."])
    assert result.stdout.splitlines()[0] == (
        f"::error file=.gitignore,line=2,title=stratlint::'{HOSTILE}' has 10 '*' in one name; use at most "
        f"{MAX_STARS}; the pattern is not applied")
