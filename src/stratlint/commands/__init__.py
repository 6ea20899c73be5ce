"""The commands behind the command line (``cli.py`` parses, these run):
``check`` (also ``--fix`` and ``--diff``), ``init`` and ``waivers``.
Each returns an exit code."""
