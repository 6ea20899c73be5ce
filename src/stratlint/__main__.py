"""``python -m stratlint``: the same as the ``stratlint`` command.

``python -m`` puts the current folder first on the import path, and the
current folder is usually the one being checked: a ``difflib.py`` or a
``yaml.py`` there would be imported instead of the real module, and run.
So, before anything else is imported, that entry is taken off the path,
as ``python -P`` (``PYTHONSAFEPATH``) would; the ``stratlint`` command
never has it. (``python -m`` itself finds the ``stratlint`` package before
this runs, so a ``stratlint.py`` in the current folder would still win:
run the command, or ``python -P -m stratlint``, in a folder you do not
trust.)
"""
import os
import sys

if not getattr(sys.flags, "safe_path", False) and sys.path and sys.path[0] in ("", os.getcwd()):
    del sys.path[0]

from stratlint.cli import main  # noqa: E402 - only once the path is safe

main()
