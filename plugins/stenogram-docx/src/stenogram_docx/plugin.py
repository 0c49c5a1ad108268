"""Registers the ``docx`` exporter with the stenogram plugin host."""

from __future__ import annotations

from stenogram.hookspecs import ExporterRegistrar, hookimpl
from stenogram_docx.briefing import export_docx
from stenogram_docx.options import BriefingOptions

__all__ = ["stenogram_register_exporters"]


@hookimpl
def stenogram_register_exporters(register: ExporterRegistrar) -> None:
    register(
        "docx",
        export_docx,
        options=BriefingOptions,
        media_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        suffix=".docx",
        description="A Word briefing note: participants, key points, figures, commitments, transcript annex.",
        binary=True,
    )
