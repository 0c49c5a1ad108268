"""Text that XML 1.0 cannot hold is dropped here, once, with a diagnostic.

python-docx raises on control characters (and lxml on lone surrogates), so
one stray form feed in a transcript would otherwise sink the whole export.
"""

from __future__ import annotations

import re

from stenogram.diagnostics import Diagnostic, Severity

__all__ = ["ILLEGAL_XML", "Sanitiser"]

#: Characters XML 1.0 forbids (tab, newline and carriage return are allowed),
#: plus U+FFFE/U+FFFF and the surrogates, which cannot be encoded.
ILLEGAL_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


class Sanitiser:
    """Cleans every string the writer emits and remembers what it removed, per place."""

    def __init__(self) -> None:
        self._removed: dict[str, list[str]] = {}
        self._order: list[str] = []

    def __call__(self, text: str, where: str) -> str:
        if not ILLEGAL_XML.search(text):
            return text
        found = ILLEGAL_XML.findall(text)
        if where not in self._removed:
            self._removed[where] = []
            self._order.append(where)
        self._removed[where].extend(found)
        return ILLEGAL_XML.sub("", text)

    @property
    def diagnostics(self) -> tuple[Diagnostic, ...]:
        out = []
        for where in self._order:
            chars = self._removed[where]
            shown = ", ".join(sorted({f"U+{ord(c):04X}" for c in chars}))
            out.append(
                Diagnostic(
                    code="docx-illegal-character",
                    message=f"{where}: removed {len(chars)} character(s) XML cannot hold ({shown})",
                    severity=Severity.WARNING,
                )
            )
        return tuple(out)
