"""Text that XML can hold, and ids that XML accepts.

XML 1.0 forbids most C0 controls, lone surrogates, U+FFFE and U+FFFF. Each
such character becomes U+FFFD (one for one, so mark offsets stay right) and
the replacement is reported as a diagnostic, so an export never fails on
strange input.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from stenogram.diagnostics import Diagnostic, Severity
from stenogram_tei.options import NCNAME_ASCII

__all__ = ["ILLEGAL_XML", "Cleaner", "IdMaker", "escape_id"]

ILLEGAL_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
REPLACEMENT = "\ufffd"


class Cleaner:
    """Replaces XML-illegal characters and remembers where it did."""

    def __init__(self) -> None:
        self.diagnostics: list[Diagnostic] = []
        self.replaced = 0

    def __call__(self, text: str, where: str) -> str:
        cleaned, n = ILLEGAL_XML.subn(REPLACEMENT, text)
        if n:
            self.replaced += n
            self.diagnostics.append(
                Diagnostic(
                    code="xml-illegal-character",
                    message=f"{where}: {n} character(s) that XML cannot hold replaced with U+FFFD",
                    severity=Severity.WARNING,
                    text=cleaned[:80],
                )
            )
        return cleaned


def escape_id(value: str) -> str:
    """An ASCII NCName for ``value``: non-ASCII name characters become ``_hex_``."""
    out = "".join(c if re.fullmatch(r"[A-Za-z0-9_.\-]", c) else f"_{ord(c):x}_" for c in value)
    if not out or not NCNAME_ASCII.fullmatch(out):
        out = "_" + out
    return out


class IdMaker:
    """Unique ``xml:id``s for participant ids, steering clear of reserved ones."""

    def __init__(self, reserved: Iterable[str], reserved_pattern: re.Pattern[str]) -> None:
        self.used = set(reserved)
        self.pattern = reserved_pattern

    def __call__(self, wanted: str) -> str:
        base = wanted if NCNAME_ASCII.fullmatch(wanted) else escape_id(wanted)
        if self.pattern.fullmatch(base):
            base = "_" + base
        candidate, n = base, 1
        while candidate in self.used:
            n += 1
            candidate = f"{base}_{n}"
        self.used.add(candidate)
        return candidate
