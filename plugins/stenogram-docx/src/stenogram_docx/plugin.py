"""Registers the ``docx`` exporter, and the briefing pack of many meetings, with the stenogram plugin host."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from stenogram.collection import Sink
from stenogram.diagnostics import Diagnostic
from stenogram.hookspecs import CollectionExporterRegistrar, ExporterRegistrar, hookimpl
from stenogram.model import Transcript
from stenogram_docx.options import BriefingOptions

__all__ = ["export_docx", "export_pack", "stenogram_register_collection_exporters", "stenogram_register_exporters"]

MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def export_docx(transcript: Transcript, options: BriefingOptions) -> bytes:
    """The ``docx`` exporter; python-docx and the analysis load on the first briefing, not with the plugin."""
    from stenogram_docx.briefing import export_docx as run

    return run(transcript, options)


@hookimpl
def stenogram_register_exporters(register: ExporterRegistrar) -> None:
    register(
        "docx",
        export_docx,
        options=BriefingOptions,
        media_type=MEDIA_TYPE,
        suffix=".docx",
        description="A Word briefing note: participants, key points, figures, commitments, transcript annex.",
        binary=True,
    )


def export_pack(transcripts: Iterable[Transcript], sink: Sink, options: BriefingOptions) -> Sequence[Diagnostic]:
    """One briefing pack of every meeting, earliest first (undated meetings last, in the order given)."""
    meetings = sorted(transcripts, key=lambda t: (t.meeting.date is None, t.meeting.date or dt.date.min))
    from stenogram_docx.briefing import render_briefing

    briefing = render_briefing(meetings, options)
    sink.write("briefing-pack.docx", briefing.data)
    return briefing.diagnostics


@hookimpl
def stenogram_register_collection_exporters(register: CollectionExporterRegistrar) -> None:
    register(
        "docx",
        export_pack,
        options=BriefingOptions,
        output="file",
        suffix=".docx",
        description="A briefing pack: every meeting in one Word document, sorted by date.",
    )
