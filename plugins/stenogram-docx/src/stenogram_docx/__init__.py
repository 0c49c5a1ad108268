"""Word briefings of meeting transcripts, styled by a reference template.

``build_briefing([t1, t2], BriefingOptions(marking="OFFICIAL"))`` returns DOCX
bytes; the ``docx`` exporter does the same for one transcript through
``stenogram.export``. Names are imported on first use (PEP 562): loading the
plugin for another format never imports python-docx or the analysis.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from stenogram_docx.briefing import Briefing, build_briefing, export_docx, render_briefing
    from stenogram_docx.errors import TemplateError
    from stenogram_docx.options import ALL_SECTIONS, BriefingOptions, Section
    from stenogram_docx.styles import REQUIRED_STYLES
    from stenogram_docx.template import default_template_bytes

__all__ = [
    "ALL_SECTIONS",
    "REQUIRED_STYLES",
    "Briefing",
    "BriefingOptions",
    "Section",
    "TemplateError",
    "build_briefing",
    "default_template_bytes",
    "export_docx",
    "render_briefing",
]

_HOME = {
    **dict.fromkeys(("Briefing", "build_briefing", "export_docx", "render_briefing"), "briefing"),
    "TemplateError": "errors",
    **dict.fromkeys(("ALL_SECTIONS", "BriefingOptions", "Section"), "options"),
    "REQUIRED_STYLES": "styles",
    "default_template_bytes": "template",
}


def __getattr__(name: str) -> Any:
    home = _HOME.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{home}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
