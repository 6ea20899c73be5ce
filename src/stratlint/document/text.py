"""A file's bytes as text: UTF-8 (with or without BOM) or UTF-16/32 with a BOM."""
from __future__ import annotations

import codecs

from stratlint.document.loader import LoadError
from stratlint.document.positions import offset_position


def decode(data: bytes) -> str:
    """Bytes to text: UTF-8 (with or without BOM) or UTF-16/32 with a BOM.

    Anything else is :class:`LoadError` at the first bad byte's line and
    column (lines end at LF, CRLF or CR, columns count characters), so the
    user sees where the file stops being text.
    """
    for bom, encoding in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                          (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                          (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            break
    else:
        encoding = "utf-8"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        before = data[:exc.start].decode(encoding, errors="replace")  # the text up to the bad byte
        line, column = offset_position(before, len(before))
        raise LoadError(f"the file is not valid {encoding.upper().replace('-SIG', '')} text "
                        f"(byte 0x{data[exc.start]:02x})", line, column) from None
    if "\x00" in text:
        line, column = offset_position(text, text.find("\x00"))
        raise LoadError("the file holds NUL bytes; it looks binary, not a YAML plan", line, column)
    return text
