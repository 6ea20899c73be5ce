"""The commands behind the command line (``cli.py`` parses, these run):
``check`` (also ``--fix`` and ``--diff``), ``init``, ``waivers``, ``report``
(the HTML review) and ``diff`` (what a change does to a strategy).
Each returns an exit code."""
