"""Lone surrogates: replaced by U+FFFD wherever text enters, and reported.

A Python string can hold a code point from U+D800 to U+DFFF on its own (from a
``"\\ud800"`` escape in JSON, YAML or code, or from ``surrogateescape``
decoding), but no UTF-8 file can: one of them would sink every write. The
parser, the JSON and TEI readers and the metadata schema replace them with
U+FFFD, one for one (offsets stay right), and say where; the atomic writer
does the same for models built in code, so no write fails on them.

>>> replace_surrogates("caf\\ud800")
'caf�'
>>> [str(d) for d in surrogate_diagnostics("ok\\nca\\udc80f\\ud800")]
['line 2: warning: 2 lone surrogate(s) replaced with U+FFFD (U+D800, U+DC80) [lone-surrogate]']
"""

from __future__ import annotations

import re
from typing import Any

from stenogram.diagnostics import Diagnostic, Severity

__all__ = [
    "CODE",
    "LONE_SURROGATE",
    "has_lone_surrogates",
    "replace_surrogates",
    "scrub_data",
    "surrogate_diagnostics",
    "utf8",
]

LONE_SURROGATE = re.compile("[\ud800-\udfff]")
CODE = "lone-surrogate"
#: Lines reported one by one; past them, one diagnostic counts the rest.
_MAX_REPORTED_LINES = 100
#: Characters encoded at a time by the check: a long text is never copied whole.
_PROBE = 1 << 18


def has_lone_surrogates(text: str) -> bool:
    """Whether ``text`` holds a lone surrogate.

    UTF-8 encoding refuses one, and runs in C about three times as fast as a
    regular expression's scan: the check is on every parse's whole text.
    """
    if text.isascii():
        return False
    for at in range(0, len(text), _PROBE):
        try:
            text[at : at + _PROBE].encode("utf-8")
        except UnicodeEncodeError:
            return True
    return False


def replace_surrogates(text: str) -> str:
    """``text`` with every lone surrogate replaced by U+FFFD (the same object when there is none)."""
    if not has_lone_surrogates(text):
        return text
    return LONE_SURROGATE.sub("\ufffd", text)


def utf8(text: str) -> bytes:
    """``text`` as UTF-8, lone surrogates as U+FFFD: the encoding every text write uses, which cannot fail."""
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        return replace_surrogates(text).encode("utf-8")


def _shown(chars: list[str]) -> str:
    return ", ".join(sorted({f"U+{ord(c):04X}" for c in chars}))


def surrogate_diagnostics(text: str, *, first_line: int = 1) -> tuple[Diagnostic, ...]:
    """One warning per line of ``text`` that holds lone surrogates (which ``replace_surrogates`` replaces)."""
    if not has_lone_surrogates(text):
        return ()
    by_line: dict[int, list[str]] = {}
    more_lines, more_chars, first_more = 0, 0, 0
    line, pos, last = first_line, 0, 0
    for match in LONE_SURROGATE.finditer(text):
        line += text.count("\n", pos, match.start())
        pos = match.start()
        if line in by_line:
            by_line[line].append(match.group())
        elif len(by_line) < _MAX_REPORTED_LINES:
            by_line[line] = [match.group()]
        else:  # past the reported lines only counts are kept: a file of surrogates stays cheap
            more_chars += 1
            more_lines += line != last
            first_more = first_more or line
        last = line
    out = [
        Diagnostic(
            code=CODE,
            message=f"{len(chars)} lone surrogate(s) replaced with U+FFFD ({_shown(chars)})",
            line=n,
            severity=Severity.WARNING,
        )
        for n, chars in by_line.items()
    ]
    if more_chars:
        out.append(
            Diagnostic(
                code=CODE,
                message=f"{more_chars} more lone surrogate(s) on {more_lines} more lines replaced with U+FFFD",
                line=first_more,
                severity=Severity.WARNING,
            )
        )
    return tuple(out)


def scrub_data(value: Any, found: list[str], path: str = "$") -> Any:
    """Decoded JSON data with lone surrogates replaced; appends the path of each changed string to ``found``."""
    stack: list[tuple[Any, str]] = [(value, path)]
    out = value
    while stack:  # iterative: the data may be nested deeply
        item, where = stack.pop()
        if isinstance(item, dict):
            for key in list(item):
                child = item[key]
                clean_key = replace_surrogates(key) if isinstance(key, str) else key
                if clean_key is not key:
                    found.append(f"{where} (a key)")
                    del item[key]
                if isinstance(child, str):
                    clean = replace_surrogates(child)
                    if clean is not child:
                        found.append(f"{where}.{clean_key}")
                    item[clean_key] = clean
                else:
                    item[clean_key] = child
                    stack.append((child, f"{where}.{clean_key}"))
        elif isinstance(item, list):
            for i, child in enumerate(item):
                if isinstance(child, str):
                    clean = replace_surrogates(child)
                    if clean is not child:
                        found.append(f"{where}[{i}]")
                        item[i] = clean
                else:
                    stack.append((child, f"{where}[{i}]"))
        elif isinstance(item, str) and item is value:
            clean = replace_surrogates(item)
            if clean is not item:
                found.append(where)
            out = clean
    return out
