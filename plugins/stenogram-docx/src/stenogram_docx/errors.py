"""Errors of the DOCX exporter: all are ``ExportError``s, so callers catch one family."""

from __future__ import annotations

from collections.abc import Sequence

from stenogram.errors import ExportError

__all__ = ["TemplateError"]


class TemplateError(ExportError):
    """A reference template that cannot be used; raised before anything is written.

    ``missing`` lists every style the briefing needs and the template lacks
    (``"Speaker Label (character)"``), so one run tells the user all they must add.
    """

    def __init__(self, template: str, problem: str, *, missing: Sequence[str] = ()) -> None:
        self.template = template
        self.problem = problem
        self.missing = tuple(missing)
        listed = "".join(f"\n  - {m}" for m in self.missing)
        super().__init__(f"{template}: {problem}{listed}")
