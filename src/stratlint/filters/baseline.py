"""Baselines: adopt stratlint on old plans by recording today's findings.

A finding's fingerprint is its file (relative to the baseline's folder),
its rule and a line-free description
of the node it is about: the JSON Pointer with every list index replaced
by the item's ``id`` (or, for an item without one, a hash of its content),
plus a hash of the node's own content where the node is a list item or a
single value. Inserting lines or items above a
baselined finding keeps it baselined; changing the offending value
reports it again. The file is sorted, indented JSON, so that it diffs
well in a pull request.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
from collections import Counter

from stratlint.document.pointer import escape, split
from stratlint.errors import StratlintError
from stratlint.findings import Finding

VERSION = 1
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _digest(value: object) -> str:
    text = json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:12]


def stable_pointer(data: object, pointer: str) -> tuple[str, object]:
    """The pointer with list indexes replaced by ids or content hashes, and the value it names."""
    out = ""
    value = data
    for token in split(pointer):
        if isinstance(value, list) and token.isdigit() and int(token) < len(value):
            value = value[int(token)]
            ident = value.get("id") if isinstance(value, dict) else None
            out += f"/[{escape(ident)}]" if isinstance(ident, str) else f"/#{_digest(value)}"
        elif isinstance(value, dict) and token in value:
            value = value[token]
            out += "/" + escape(token)
        else:
            return out, value
    return out, value


def fingerprint(finding: Finding, data: object) -> str:
    """The finding's rule and node, without its file (see :func:`file_key`).

    The node's content is part of it where the node is a list item or a
    single value (the offending value itself), not where it is a section
    or the whole plan: adding a key elsewhere in the plan must not bring
    back a finding about the plan as a whole.
    """
    if data is None:  # the file did not parse: the message is all there is
        return f"{finding.code}|{_digest(finding.message)}"
    pointer, value = stable_pointer(data, finding.pointer)
    last = finding.pointer.rsplit("/", 1)[-1]
    if last.isdigit() or not isinstance(value, (dict, list)):
        return f"{finding.code}|{pointer}|{_digest(value)}"
    return f"{finding.code}|{pointer}"


def file_key(path: str, baseline_path: str) -> str:
    """A finding's file as the baseline records it: relative to the baseline's
    folder, with '/', so the baseline holds wherever stratlint runs."""
    if path.startswith("<"):
        return path
    folder = os.path.dirname(os.path.abspath(baseline_path))
    return os.path.relpath(os.path.abspath(path), folder).replace(os.sep, "/")


def write(path: str, findings: list[Finding]) -> None:
    entries = sorted(
        ({"path": file_key(f.path, path), "code": f.code, "rule": f.rule, "fingerprint": f.fingerprint,
          "message": f.message} for f in findings),
        key=lambda e: (e["path"], e["code"], e["fingerprint"], e["message"]))
    text = json.dumps({"version": VERSION, "findings": entries}, indent=2, ensure_ascii=False) + "\n"
    # a file name that is not UTF-8 holds lone surrogates: written as JSON escapes, read back the same
    text = _LONE_SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
    try:
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(text)
    except OSError as exc:
        raise StratlintError(f"cannot write the baseline: {exc.strerror or exc}", path=path) from None


def read(path: str) -> Counter:
    """The findings a baseline file records. The file comes from the
    repository, so it is read within the size limit and any JSON it holds
    (nested too deeply, a number too long) is one error, not a crash."""
    from stratlint.files import TooLarge, read_bytes
    from stratlint.limits import DEFAULT_MAX_FILE_SIZE

    try:
        data = json.loads(read_bytes(path, DEFAULT_MAX_FILE_SIZE).decode("utf-8"))
    except TooLarge as exc:
        raise StratlintError(f"cannot read the baseline: {exc}", path=path) from None
    except OSError as exc:
        raise StratlintError(f"cannot read the baseline: {exc.strerror or exc}", path=path) from None
    except json.JSONDecodeError as exc:
        raise StratlintError(f"the baseline is not valid JSON: {exc.msg}", path=path, line=exc.lineno,
                             column=exc.colno) from None
    except (ValueError, RecursionError):  # not UTF-8, a number too long, arrays nested thousands deep
        raise StratlintError("not a stratlint baseline (expected {\"version\": 1, \"findings\": [...]})",
                             path=path) from None
    if not isinstance(data, dict) or data.get("version") != VERSION or not isinstance(data.get("findings"), list):
        raise StratlintError("not a stratlint baseline (expected {\"version\": 1, \"findings\": [...]})", path=path)
    return Counter((e.get("path"), e.get("fingerprint")) for e in data["findings"] if isinstance(e, dict))


def not_in(findings: list[Finding], known: Counter) -> list[Finding]:
    """The findings whose fingerprint ``known`` does not hold; each
    fingerprint covers as many findings as it counts."""
    left = Counter(known)
    out = []
    for f in findings:
        if left[f.fingerprint] > 0:
            left[f.fingerprint] -= 1
        else:
            out.append(f)
    return out
