"""Diagnostics: the guesses a reader made that a person may want to check."""

from __future__ import annotations

import enum

import attrs

__all__ = ["Diagnostic", "Severity"]


class Severity(enum.Enum):
    INFO = "info"  # a decision worth knowing about, very likely right
    WARNING = "warning"  # a guess that may well be wrong


@attrs.frozen(kw_only=True)
class Diagnostic:
    """One guess, with the line it concerns (1-based; 0 when it concerns no line).

    ``code`` is a stable kebab-case identifier (``ambiguous-break``,
    ``label-rejected``, ``unclassified-preamble`` …) that tools can filter on.
    """

    code: str
    message: str
    line: int = 0
    column: int = 0
    severity: Severity = Severity.WARNING
    text: str = ""

    def __str__(self) -> str:
        where = f"line {self.line}: " if self.line else ""
        return f"{where}{self.severity.value}: {self.message} [{self.code}]"
