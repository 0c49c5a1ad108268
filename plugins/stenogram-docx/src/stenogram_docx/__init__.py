"""Word briefings of meeting transcripts, styled by a reference template.

``build_briefing([t1, t2], BriefingOptions(marking="OFFICIAL"))`` returns DOCX
bytes; the ``docx`` exporter does the same for one transcript through
``stenogram.export``.
"""

from __future__ import annotations

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
