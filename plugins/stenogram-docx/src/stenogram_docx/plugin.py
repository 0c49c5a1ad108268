"""Registers the ``docx`` exporter with the stenogram plugin host."""

from __future__ import annotations

from stenogram.hookspecs import Registrar, Rendered, hookimpl
from stenogram.model import Transcript
from stenogram_docx.briefing import render_briefing
from stenogram_docx.options import BriefingOptions

__all__ = ["export_docx_rendered", "stenogram_register_formats"]


def export_docx_rendered(transcript: Transcript, options: BriefingOptions) -> Rendered:
    """The briefing and what had to be cleaned on the way (characters DOCX cannot hold), for the CLI to show."""
    briefing = render_briefing(transcript, options)
    return Rendered(briefing.data, briefing.diagnostics)


@hookimpl
def stenogram_register_formats(registrar: Registrar) -> None:
    registrar.add_exporter(
        "docx",
        export_docx_rendered,
        options=BriefingOptions,
        media_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        suffix=".docx",
        description="A Word briefing note: participants, key points, figures, commitments, transcript annex.",
        binary=True,
    )
