"""Registers the ``docx`` exporter, and the briefing pack of many meetings, with the stenogram plugin host.

The briefing code (python-docx, the analysis) is imported on the first briefing, not with the plugin.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

from stenogram.errors import StenogramError
from stenogram.hookspecs import Registrar, Rendered, hookimpl
from stenogram.model import Transcript
from stenogram_docx.options import BriefingOptions

if TYPE_CHECKING:
    from stenogram.collection import Sink
    from stenogram.diagnostics import Diagnostic

__all__ = ["export_docx_rendered", "export_pack", "stenogram_register_formats"]

MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@contextlib.contextmanager
def _blame_template(options: BriefingOptions) -> Iterator[None]:
    """A crash while writing into a user's template is the template's fault: a ``TemplateError`` naming it.

    A package can pass every check and still lack what python-docx assumes (a body with a section, the main
    document's relationships), which it reports as an ``IndexError`` or ``NotImplementedError``.
    """
    try:
        yield
    except (StenogramError, KeyboardInterrupt, MemoryError):
        raise
    except Exception as exc:
        if options.template is None:
            raise
        from stenogram_docx.errors import TemplateError

        raise TemplateError(str(options.template), f"cannot be used: {type(exc).__name__}: {exc}") from exc


def export_docx_rendered(transcript: Transcript, options: BriefingOptions) -> Rendered:
    """The briefing and what had to be cleaned on the way (characters DOCX cannot hold), for the CLI to show."""
    from stenogram_docx.briefing import render_briefing

    with _blame_template(options):
        briefing = render_briefing(transcript, options)
    return Rendered(briefing.data, briefing.diagnostics)


def export_pack(transcripts: Iterable[Transcript], sink: Sink, options: BriefingOptions) -> Sequence[Diagnostic]:
    """One briefing pack of every meeting, earliest first (undated meetings last, in the order given)."""
    from stenogram_docx.briefing import render_briefing

    meetings = sorted(transcripts, key=lambda t: (t.meeting.date is None, t.meeting.date or dt.date.min))
    with _blame_template(options):
        briefing = render_briefing(meetings, options)
    sink.write("briefing-pack.docx", briefing.data)
    return briefing.diagnostics


@hookimpl
def stenogram_register_formats(registrar: Registrar) -> None:
    registrar.add_exporter(
        "docx",
        export_docx_rendered,
        options=BriefingOptions,
        media_type=MEDIA_TYPE,
        suffix=".docx",
        description="A Word briefing note: participants, key points, figures, commitments, transcript annex.",
        binary=True,
    )
    registrar.add_collection_exporter(
        "docx",
        export_pack,
        options=BriefingOptions,
        output="file",
        suffix=".docx",
        description="A briefing pack: every meeting in one Word document, sorted by date.",
    )
