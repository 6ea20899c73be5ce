"""The command line. Click parses; each command calls one function that
returns an exit code; a :class:`StratlintError` becomes one line on
standard error and exit code 2; Ctrl-C and SIGTERM end a run with one line
(:mod:`stratlint.signals`). No traceback reaches the user."""
from __future__ import annotations

import gc
import os
import sys

import click

from stratlint import __version__
from stratlint.errors import EXIT_FAILURE, StratlintError, report_error
from stratlint.formatters import FORMATS
from stratlint.signals import INTERRUPTED, TERMINATED, Terminated

FAIL_ON = ("error", "warning", "info", "never")


def _split(values: tuple[str, ...]) -> list[str]:
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


class _Group(click.Group):
    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except StratlintError as exc:
            report_error(str(exc))
            ctx.exit(EXIT_FAILURE)
        except KeyboardInterrupt:  # before click turns it into "Aborted!" and exit 1
            report_error("interrupted")
            ctx.exit(INTERRUPTED)
        except Terminated:
            report_error("terminated")
            ctx.exit(TERMINATED)
        finally:
            gc.enable()  # in case a command paused the collector and stopped before resuming it


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="stratlint", message="%(prog)s %(version)s")
def cli() -> None:
    """Lint marketing strategy files: schema validation and rules that find
    plans with no business objective, vanity-only KPIs, channel-first
    planning, broadcast-only tactics and no offline/online fusion."""


def _parse_reports(ctx, param, values):
    out = []
    for value in values:
        fmt, sep, path = value.partition(":")
        if not sep or not path or fmt not in FORMATS:
            raise click.BadParameter(f"'{value}' is not FORMAT:FILE with FORMAT one of {', '.join(FORMATS)}")
        out.append((fmt, path))
    return out


def _rules_options(f):
    f = click.option("--plugin", "plugins", multiple=True, metavar="NAME",
                     help="Load an installed plugin (entry point in 'stratlint.plugins'); may repeat.")(f)
    f = click.option("--rules", "rule_packs", multiple=True, metavar="PATH",
                     type=click.Path(dir_okay=False), help="Add a rule pack (YAML); may repeat.")(f)
    return f


def _trust_option(f):
    """--trust-config-plugins; the environment variable STRATLINT_TRUST_PLUGINS=1 does the same."""
    from stratlint.config.trust import ENVIRONMENT, FLAG, trusted_by_environment

    return click.option(FLAG, "trust_plugins", is_flag=True,
                        callback=lambda ctx, param, value: value or trusted_by_environment(),
                        help=f"Load the plugins a config names: Python code from the repository. Never use it on "
                             f"others' pull requests. {ENVIRONMENT}=1 does the same.")(f)


def _max_file_size_option(f):
    from stratlint.limits import DEFAULT_MAX_FILE_SIZE, MEGABYTE

    return click.option("--max-file-size", type=click.IntRange(min=1), default=DEFAULT_MAX_FILE_SIZE // MEGABYTE,
                        show_default=True, metavar="MB", callback=lambda ctx, param, value: value * MEGABYTE,
                        help="A file larger than this many megabytes is one SL001 finding, not read.")(f)
def _cache_dir_option(f):
    return click.option("--cache-dir", metavar="DIR", type=click.Path(file_okay=False),
                        help="The result cache's folder [default: STRATLINT_CACHE_DIR, else .stratlint_cache].")(f)


@cli.command()
@click.argument("paths", nargs=-1, metavar="[PATHS]...")
@click.option("--format", "--output-format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True,
              help="Output format (--output-format is the same option, as ruff spells it).")
@click.option("--report", "reports", multiple=True, metavar="FORMAT:FILE", callback=_parse_reports,
              help="Also write the report in FORMAT to FILE (e.g. sarif:stratlint.sarif); may repeat.")
@click.option("--allow-empty", is_flag=True,
              help="A folder or pattern that matches no strategy file is not an error.")
@click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True), metavar="FILE",
              help="Write the report to FILE instead of standard output.")
@click.option("--select", multiple=True, metavar="RULES",
              help="Only these rules: slugs, codes or code prefixes, comma-separated.")
@click.option("--ignore", multiple=True, metavar="RULES", help="Skip these rules (same forms as --select).")
@click.option("--fail-on", type=click.Choice(FAIL_ON), default=None,
              help="Exit 1 when a finding is at or above this severity [default: error].")
@click.option("--quiet", "-q", is_flag=True, help="Print findings only, no summary line.")
@click.option("--no-color", is_flag=True, help="Never colour the output (NO_COLOR does the same).")
@click.option("--config", "config", type=click.Path(dir_okay=False), metavar="FILE",
              help="Use this config file instead of looking for one.")
@click.option("--isolated", is_flag=True, help="Ignore every config file.")
@click.option("--baseline", type=click.Path(dir_okay=False), metavar="FILE",
              help="Report only findings that are not in this baseline.")
@click.option("--write-baseline", type=click.Path(dir_okay=False), metavar="FILE",
              help="Record today's findings in FILE (and exit 0 unless the run failed).")
@click.option("--statistics", is_flag=True, help="Count findings per rule instead of listing them.")
@click.option("--report-unused-disables", is_flag=True,
              help="Report suppression comments that suppress nothing.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None, metavar="N",
              help="Check files in up to N processes, when there is enough work for it to pay "
                   "[default: one per idle core].")
@click.option("--fix", is_flag=True,
              help="Scaffold the sections fixable rules find missing, with TODO placeholders; then report the rest.")
@click.option("--diff", is_flag=True,
              help="Print what --fix would change as a unified diff and write nothing; exit 1 if there is any.")
@click.option("--stdin-filename", metavar="PATH",
              help="The name standard input is reported as, and whose folder's config applies to it.")
@click.option("--respect-gitignore/--no-respect-gitignore", default=True, show_default=True,
              help="Skip what .gitignore and .git/info/exclude ignore when walking folders.")
@click.option("--no-cache", is_flag=True, help="Lint every file, without reading or writing the result cache.")
@_cache_dir_option
@_max_file_size_option
@_trust_option
@_rules_options
def check(paths, fmt, reports, allow_empty, output, select, ignore, fail_on, quiet, no_color, config, isolated,
          baseline, write_baseline, statistics, report_unused_disables, jobs, fix, diff, stdin_filename,
          respect_gitignore, no_cache, cache_dir, max_file_size, trust_plugins, rule_packs, plugins):
    """Lint strategy files and directories ('-' reads standard input).

    Directories are walked for *.strategy.yaml, *.strategy.yml and
    *.strategy.json, skipping what git ignores; a file named here is always
    checked. Each file follows the nearest config above it. A file that has
    not changed, under the same settings, is answered from the result cache
    in .stratlint_cache (--no-cache skips it; 'stratlint clean' removes it).
    """
    gc.disable()  # start-up allocates only what the run keeps: run_check resumes the collector for the files
    from stratlint.commands.check import CheckOptions, run_check
    from stratlint.commands.combinations import unsupported

    options = CheckOptions(
        paths=list(paths) or (["-"] if stdin_filename else ["."]), fmt=fmt, output=output, select=_split(select), ignore=_split(ignore),
        fail_on=fail_on, quiet=quiet, color=_use_color(no_color, output),
        rule_packs=list(rule_packs), plugins=list(plugins), config=config, isolated=isolated,
        baseline=baseline, write_baseline=write_baseline, statistics=statistics,
        report_unused_disables=report_unused_disables, reports=reports, allow_empty=allow_empty,
        jobs=jobs, fix=fix, diff=diff, stdin_filename=stdin_filename, respect_gitignore=respect_gitignore,
        cache=not no_cache, cache_dir=cache_dir, max_file_size=max_file_size, trust_plugins=trust_plugins,
    )
    reason = unsupported(options)
    if reason:
        raise click.UsageError(reason)
    sys.exit(run_check(options))


def _use_color(no_color: bool, output: str | None) -> bool:
    if no_color or output or os.environ.get("NO_COLOR"):
        return False
    return sys.stdout.isatty()


def _lint_options(f):
    """The options that choose files and rules, as ``check`` has them, for
    the commands that lint plans to show them (report, diff)."""
    f = _rules_options(f)
    f = _trust_option(f)
    f = click.option("--respect-gitignore/--no-respect-gitignore", default=True, show_default=True,
                     help="Skip what .gitignore and .git/info/exclude ignore when walking folders.")(f)
    f = click.option("--jobs", "-j", type=click.IntRange(min=1), default=None, metavar="N",
                     help="Lint files in N processes [default: one per core].")(f)
    f = click.option("--isolated", is_flag=True, help="Ignore every config file.")(f)
    f = click.option("--config", "config", type=click.Path(dir_okay=False), metavar="FILE",
                     help="Use this config file instead of looking for one.")(f)
    f = click.option("--ignore", multiple=True, metavar="RULES", help="Skip these rules (same forms as --select).")(f)
    f = click.option("--select", multiple=True, metavar="RULES",
                     help="Only these rules: slugs, codes or code prefixes, comma-separated.")(f)
    return f


def _refuse_contradictions(config: str | None, isolated: bool) -> None:
    """The option mixes 'check' refuses that these commands share."""
    from stratlint.commands.check import CheckOptions
    from stratlint.commands.combinations import unsupported

    reason = unsupported(CheckOptions(paths=[], config=config, isolated=isolated))
    if reason:
        raise click.UsageError(reason)


@cli.command(short_help='Write an HTML strategy review to a folder.')
@click.argument("paths", nargs=-1, metavar="[PATHS]...")
@click.option("--output", "-o", required=True, type=click.Path(file_okay=False), metavar="DIR",
              help="The folder to write the review to (made if missing).")
@click.option("--baseline", type=click.Path(dir_okay=False), metavar="FILE",
              help="Leave out the findings in this baseline.")
@click.option("--allow-empty", is_flag=True,
              help="A folder or pattern that matches no strategy file is not an error.")
@_lint_options
def report(paths, output, baseline, allow_empty, select, ignore, config, isolated, jobs, respect_gitignore,
           trust_plugins, rule_packs, plugins):
    """Write an HTML strategy review of strategy files to DIR.

    One page per plan (its scorecard, charts and findings with the plan's
    own lines) and an index.html that compares the plans. The pages need
    no network: open DIR/index.html in a browser, or publish DIR as a CI
    artifact. Files, config, rules, suppressions and baseline are chosen
    as 'check' chooses them. In DIR, only earlier report pages are
    replaced.
    """
    from stratlint.commands.check import CheckOptions
    from stratlint.commands.report import run_report

    _refuse_contradictions(config, isolated)
    sys.exit(run_report(CheckOptions(
        paths=list(paths) or ["."], output=output, select=_split(select), ignore=_split(ignore),
        rule_packs=list(rule_packs), plugins=list(plugins), config=config, isolated=isolated, baseline=baseline,
        allow_empty=allow_empty, jobs=jobs, respect_gitignore=respect_gitignore, trust_plugins=trust_plugins)))


@cli.command(short_help='What a change does to a plan: items, budget, findings.')
@click.argument("paths", nargs=-1, metavar="OLD NEW | [PATHS]...")
@click.option("--base", metavar="REV", help="Compare the working tree with this git revision (branch, tag or "
              "commit); PATHS are files and folders as for 'check' [default: .].")
@click.option("--format", "fmt", type=click.Choice(["text", "markdown", "json"]), default="text", show_default=True,
              help="Output format; markdown is a pull-request summary within GitHub's comment limit.")
@click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True), metavar="FILE",
              help="Write the result to FILE instead of standard output.")
@click.option("--fail-on-new", type=click.Choice(["error", "warning", "info"]), default=None,
              help="Exit 1 when the change introduces a finding at or above this severity.")
@_lint_options
def diff(paths, base, fmt, output, fail_on_new, select, ignore, config, isolated, jobs, respect_gitignore,
         trust_plugins, rule_packs, plugins):
    """What a change does to a strategy: two plan files, or the working tree
    against a git revision (old versions read with git show).

    Lists the objectives, audience segments, KPIs, channels and tactics
    added, removed, renamed or changed (a KPI's target, a tactic's
    channel), the plan's other sections that changed, the shift in budget
    by channel kind, and the findings the change introduces and resolves
    (matched as a baseline matches them, so a moved line is not new).
    Exit 0 unless --fail-on-new finds a new finding at or above it (1) or
    the run fails (2).
    """
    from stratlint.commands.diff import DiffOptions, run_diff

    if base is None and len(paths) != 2:
        raise click.UsageError("diff takes two files, OLD and NEW, or --base REV [PATHS]...")
    _refuse_contradictions(config, isolated)
    sys.exit(run_diff(DiffOptions(
        paths=list(paths) or ["."], base=base, fmt=fmt, output=output, fail_on_new=fail_on_new,
        select=_split(select), ignore=_split(ignore), rule_packs=list(rule_packs), plugins=list(plugins),
        config=config, isolated=isolated, jobs=jobs, respect_gitignore=respect_gitignore,
        trust_plugins=trust_plugins)))


@cli.command(short_help='List every rule and whether it is enabled.')
@click.option("--format", "fmt", type=click.Choice(["table", "json", "markdown"]), default="table",
              show_default=True, help="markdown is the full reference, with every rule's defaults.")
@click.option("--functions", is_flag=True, help="List the check functions rule packs can call instead.")
@click.option("--config", "config", type=click.Path(dir_okay=False), metavar="FILE")
@click.option("--isolated", is_flag=True, help="Ignore every config file.")
@_trust_option
@_rules_options
def rules(fmt, functions, config, isolated, trust_plugins, rule_packs, plugins):
    """List every rule: code, slug, severity, whether the config enables it, source and summary."""
    from stratlint.rules.docs import render_functions, render_rules
    from stratlint.config.settings import resolve

    _refuse_contradictions(config, isolated)
    settings = resolve(config_file=config, isolated=isolated, rule_packs=rule_packs, plugins=plugins,
                       trust_plugins=trust_plugins)
    if functions:
        click.echo(render_functions(settings.ruleset.checks), nl=False)
        return
    click.echo(render_rules(settings.ruleset.rules, fmt, settings.rules), nl=False)


@cli.command(short_help="Show a rule's full documentation.")
@click.argument("rule")
@click.option("--config", "config", type=click.Path(dir_okay=False), metavar="FILE",
              help="Use this config (its packs and plugins) instead of looking for one.")
@click.option("--isolated", is_flag=True, help="Ignore every config file.")
@_trust_option
@_rules_options
def explain(rule, config, isolated, trust_plugins, rule_packs, plugins):
    """Show a rule's full documentation (by slug or code), among the rules
    'stratlint rules' lists: the built-in ones and those of the config's
    packs and plugins."""
    from stratlint.config.settings import resolve
    from stratlint.rules.docs import explain_rule
    from stratlint.rules.selectors import did_you_mean

    _refuse_contradictions(config, isolated)
    ruleset = resolve(config_file=config, isolated=isolated, rule_packs=rule_packs, plugins=plugins,
                      trust_plugins=trust_plugins).ruleset
    found = ruleset.find(rule)
    if found is None:
        hint = did_you_mean(rule, ruleset.rules)
        raise StratlintError(f"no rule named '{rule}'" + (hint or "; 'stratlint rules' lists them"))
    click.echo(explain_rule(found), nl=False)


@cli.command(short_help='List every inline suppression and waiver.')
@click.argument("paths", nargs=-1, metavar="[PATHS]...")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--config", "config", type=click.Path(dir_okay=False), metavar="FILE",
              help="Use this config instead of looking for one.")
@click.option("--isolated", is_flag=True, help="Ignore every config file.")
@click.option("--respect-gitignore/--no-respect-gitignore", default=True, show_default=True,
              help="Skip what .gitignore and .git/info/exclude ignore when walking folders.")
@_max_file_size_option
@_trust_option
def waivers(paths, fmt, config, isolated, respect_gitignore, max_file_size, trust_plugins):
    """List every inline suppression and waiver: rules, reason, expiry, place."""
    from stratlint.commands.waivers import run_waivers

    if config and isolated:
        raise click.UsageError("--config and --isolated contradict each other: --config uses one config, --isolated none")
    sys.exit(run_waivers(list(paths) or ["."], fmt, config, isolated, respect_gitignore,
                         max_file_size=max_file_size, trust_plugins=trust_plugins))


@cli.command(short_help='Write a commented starter plan.')
@click.argument("path", required=False, metavar="[PATH]")
@click.option("--name", metavar="TEXT", help="The plan's title.")
@click.option("--owner", metavar="TEXT", help="The person or role accountable for the plan.")
@click.option("--objective", metavar="TEXT", help="The first business objective the plan serves.")
@click.option("--no-input", is_flag=True, help="Never prompt; what is not given becomes a TODO placeholder.")
@click.option("--force", is_flag=True, help="Overwrite PATH if it exists.")
def init(path, name, owner, objective, no_input, force):
    """Write a commented starter plan to PATH (default plan.strategy.yaml).

    The plan passes every error-level rule; its TODO placeholders, which
    'check' reports until they are replaced, say what to decide. Prompts
    for the name, owner and first business objective on a terminal.
    """
    from stratlint.commands import init as starter

    interactive = not no_input and starter.stdin_is_terminal()
    sys.exit(starter.run_init(path, name, owner, objective, interactive=interactive, force=force))


@cli.command(short_help="Remove the result cache.")
@_cache_dir_option
def clean(cache_dir):
    """Remove the result cache: .stratlint_cache here and in every folder below,
    and the one STRATLINT_CACHE_DIR or --cache-dir names."""
    from stratlint.commands.clean import run_clean

    sys.exit(run_clean(cache_dir))


@cli.command(short_help='Print the plan JSON Schema (for editors).')
@click.option("--rule-pack", is_flag=True, help="Print the rule-pack schema instead of the plan schema.")
def schema(rule_pack):
    """Print the plan JSON Schema (for editors and yaml-language-server)."""
    from stratlint.resources import schema_path

    name = "rule-pack.schema.json" if rule_pack else "strategy-v1.schema.json"
    click.echo(schema_path(name).read_text(encoding="utf-8"), nl=False)


@cli.command(short_help='Run the language server (for editors).')
@click.option("--trust-plugins", is_flag=True,
              help="Load the plugins a workspace's config names (Python code; off by default, and "
                   "STRATLINT_TRUST_PLUGINS=1 does the same).")
def server(trust_plugins):
    """Run the language server on standard input and output, for editors.

    Lints *.strategy.yaml|yml|json files as they are opened, edited and
    saved, with the same configuration, suppressions and baseline as
    'check'; hover shows rule and schema documentation, and code actions
    add missing sections or insert suppression comments. See the README
    section "Editors" for VS Code, Neovim and Helix.
    """
    try:
        from stratlint.server import serve
        import pygls  # noqa: F401 - a missing dependency is one line, not a traceback
    except ImportError as exc:
        raise StratlintError(f"the language server needs pygls and lsprotocol ({exc}); "
                             "install them with: pip install 'pygls>=2,<3'") from None
    serve(trust_plugins=trust_plugins)


def main() -> None:
    from stratlint import signals

    signals.install()
    try:
        cli(prog_name="stratlint")
    except KeyboardInterrupt:
        report_error("interrupted")
        sys.exit(INTERRUPTED)
    except Terminated:
        report_error("terminated")
        sys.exit(TERMINATED)
    except Exception as exc:  # the last line of defence: never a traceback
        report_error(f"internal error: {type(exc).__name__}: {exc} (please report this)")
        sys.exit(EXIT_FAILURE)
