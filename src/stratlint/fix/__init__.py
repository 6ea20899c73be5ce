"""``check --fix`` and ``check --diff``: scaffold what fixable rules find missing.

:mod:`~stratlint.fix.fixes` decides what to insert for a file's findings;
:mod:`~stratlint.fix.scaffold` inserts it as text, verified, so the rest
of the plan stays byte for byte.
"""
from stratlint.fix.fixes import FileFix, describe, fix_bytes, unified_diff

__all__ = ["FileFix", "describe", "fix_bytes", "unified_diff"]
