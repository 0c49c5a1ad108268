"""Text that XML 1.0 can hold: one rule for every XML-based exporter.

XML forbids most C0 controls, lone surrogates, U+FFFE and U+FFFF; lxml and
python-docx raise on them, so one stray form feed would otherwise sink a
whole export. Exporters clean every string they emit through an
``XmlTextCleaner`` and pass its diagnostics on.
"""

from __future__ import annotations

import re

from stenogram.diagnostics import Diagnostic, Severity

__all__ = ["XML_ILLEGAL", "XML_ILLEGAL_SPACING", "XmlTextCleaner"]

# The complement of XML 1.0's Char production, written as the few characters it leaves out: the same set
# (checked over every code point in a test), and a pattern that compiles in a fraction of a millisecond.
XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
#: The illegal ones that separate words (form feed, vertical tab, the information separators): a space, not nothing.
XML_ILLEGAL_SPACING = re.compile("[\x0b\x0c\x1c-\x1f]")


class XmlTextCleaner:
    """Replaces XML-illegal characters with ``replacement`` and remembers where, once per place.

    A control that separates words (a form feed) becomes a space whatever
    ``replacement`` is, so that removing it does not join two words. A
    one-for-one replacement such as U+FFFD keeps character offsets (and so
    inline marks) right; an empty one drops the characters.
    """

    def __init__(self, *, replacement: str, code: str) -> None:
        self.replacement = replacement
        self.code = code
        self.replaced = 0
        self._found: dict[str, list[str]] = {}

    def __call__(self, text: str, where: str) -> str:
        found = XML_ILLEGAL.findall(text)
        if not found:
            return text
        self.replaced += len(found)
        self._found.setdefault(where, []).extend(found)
        return XML_ILLEGAL.sub(self.replacement, XML_ILLEGAL_SPACING.sub(" ", text))

    @property
    def diagnostics(self) -> tuple[Diagnostic, ...]:
        action = f"replaced with U+{ord(self.replacement):04X}" if self.replacement else "removed"
        out = []
        for where, chars in self._found.items():
            shown = ", ".join(sorted({f"U+{ord(c):04X}" for c in chars}))
            if any(XML_ILLEGAL_SPACING.match(c) for c in chars):
                shown += "; those that separate words with a space"
            out.append(
                Diagnostic(
                    code=self.code,
                    message=f"{where}: {len(chars)} character(s) that XML cannot hold {action} ({shown})",
                    severity=Severity.WARNING,
                )
            )
        return tuple(out)
