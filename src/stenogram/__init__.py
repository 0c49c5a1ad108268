"""stenogram: transcripts of official meetings as typed data and useful documents.

>>> import stenogram
>>> t = stenogram.parse("Anna Petrova: Good morning.\\nIvan Sidorov: Good morning to you.\\n")
>>> [turn.label for turn in t.turns]
['Anna Petrova', 'Ivan Sidorov']
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from stenogram.convert import (
    FormatInfo,
    Rendered,
    export,
    export_bytes,
    export_file,
    export_rendered,
    export_text,
    formats,
    read,
)
from stenogram.diagnostics import Diagnostic, Severity
from stenogram.errors import (
    DecodeError,
    EmptyInputError,
    ExportError,
    OptionError,
    OverwriteError,
    ParseError,
    PluginError,
    ReadError,
    StenogramError,
    StrictModeError,
    UnknownFormatError,
    UnknownParticipantError,
)
from stenogram.hookspecs import hookimpl
from stenogram.model import (
    Block,
    BodyItem,
    Mark,
    MarkKind,
    Meeting,
    Note,
    NoteKind,
    Paragraph,
    Participant,
    Span,
    Transcript,
    Turn,
)
from stenogram.parse import ParseOptions, parse, parse_bytes, parse_file
from stenogram.serialize import SCHEMA_VERSION, from_json, to_json

if TYPE_CHECKING:
    from stenogram.batch import BatchSummary, Failure, convert_many


def __getattr__(name: str) -> Any:
    """The batch API, imported on first use: converting one file never loads it."""
    if name in ("BatchSummary", "Failure", "convert_many"):
        from stenogram import batch

        return getattr(batch, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__version__ = "0.2.0"

__all__ = [
    "SCHEMA_VERSION",
    "BatchSummary",
    "Block",
    "BodyItem",
    "DecodeError",
    "Diagnostic",
    "EmptyInputError",
    "ExportError",
    "Failure",
    "FormatInfo",
    "Mark",
    "MarkKind",
    "Meeting",
    "Note",
    "NoteKind",
    "OptionError",
    "OverwriteError",
    "Paragraph",
    "ParseError",
    "ParseOptions",
    "Participant",
    "PluginError",
    "ReadError",
    "Rendered",
    "Severity",
    "Span",
    "StenogramError",
    "StrictModeError",
    "Transcript",
    "Turn",
    "UnknownFormatError",
    "UnknownParticipantError",
    "__version__",
    "convert_many",
    "export",
    "export_bytes",
    "export_file",
    "export_rendered",
    "export_text",
    "formats",
    "from_json",
    "hookimpl",
    "parse",
    "parse_bytes",
    "parse_file",
    "read",
    "to_json",
]
