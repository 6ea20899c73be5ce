"""The located document: a file's bytes, decoded, parsed and built into
plain values that remember where each one stands in the file.

    decode(bytes) -> text -> load(text) -> LocatedDocument(data, root, ...)

:mod:`~stratlint.document.pointer` names places (JSON Pointers),
:mod:`~stratlint.document.select` walks ``given`` paths, and
:mod:`~stratlint.document.values` says what counts as present.
"""
from stratlint.document.loader import LoadError, load
from stratlint.document.located import LocatedDocument
from stratlint.document.text import decode

__all__ = ["LoadError", "LocatedDocument", "decode", "load"]
