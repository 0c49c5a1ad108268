"""stenogram: transcripts of official meetings as typed data and useful documents.

>>> import stenogram
>>> t = stenogram.parse("Anna Petrova: Good morning.\\nIvan Sidorov: Good morning to you.\\n")
>>> [turn.label for turn in t.turns]
['Anna Petrova', 'Ivan Sidorov']
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from stenogram import samples
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
    write_export,
)
from stenogram.diagnostics import Diagnostic, Severity
from stenogram.errors import (
    ArgumentError,
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
    WriteError,
)
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
    from stenogram.hookspecs import hookimpl

__version__ = "0.2.0"


def __getattr__(name: str) -> Any:
    """``stenogram.hookimpl`` and the batch API on first use: reading and writing one file needs neither."""
    if name == "hookimpl":
        from stenogram.hookspecs import hookimpl

        return hookimpl
    if name in ("BatchSummary", "Failure", "convert_many"):
        from stenogram import batch

        return getattr(batch, name)
    raise AttributeError(f"module 'stenogram' has no attribute {name!r}")


__all__ = [
    "SCHEMA_VERSION",
    "ArgumentError",
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
    "WriteError",
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
    "samples",
    "to_json",
    "write_export",
]
