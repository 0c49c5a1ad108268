"""Ids that XML accepts.

Text that XML cannot hold is cleaned by the core's ``stenogram.xmltext.XmlTextCleaner``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from stenogram_tei.options import NCNAME_ASCII

__all__ = ["IdMaker", "escape_id"]


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
