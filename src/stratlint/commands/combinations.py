"""Option combinations ``check`` does not support: each is a usage error
(exit code 2) with a one-line reason, never an option silently ignored."""
from __future__ import annotations

from stratlint.commands.check import CheckOptions
from stratlint.files import STDIN
from stratlint.formatters.statistics import FORMATS as STATISTICS_FORMATS


def unsupported(options: CheckOptions) -> str | None:
    """The reason ``options`` cannot run together, or None."""
    if options.config and options.isolated:
        return "--config and --isolated contradict each other: --config uses one config, --isolated none"
    if options.statistics and options.fmt not in STATISTICS_FORMATS:
        return (f"--statistics prints counts as {' or '.join(STATISTICS_FORMATS)}, not {options.fmt}; "
                f"drop --statistics or use --format {STATISTICS_FORMATS[0]}")
    if options.fix and options.diff:
        return "--fix writes the fixes and --diff only shows them; use one"
    if options.diff:
        for flag, given in (("--format", options.fmt != "text"), ("--statistics", options.statistics),
                            ("--report", bool(options.reports)), ("--write-baseline", bool(options.write_baseline))):
            if given:
                return f"--diff prints only the diff of the fixes, so {flag} would do nothing; drop one of them"
    if options.stdin_filename and STDIN not in options.paths:
        return "--stdin-filename names standard input; pass '-' (or no path) to read it"
    return None
