"""The built-in JSON exporter and reader, registered like any third-party plugin."""

from __future__ import annotations

from typing import BinaryIO

import attrs

from stenogram.diagnostics import Diagnostic
from stenogram.hookspecs import Registrar, hookimpl
from stenogram.model import Transcript
from stenogram.registry import NoOptions
from stenogram.serialize import SCHEMA_VERSION, from_json, json_pieces, to_json
from stenogram.surrogates import utf8


@attrs.frozen(kw_only=True)
class JsonOptions:
    """``indent``: spaces per level (at most 16: a million would write gigabytes); 0 writes one line."""

    indent: int = attrs.field(
        default=2,
        validator=[attrs.validators.ge(0), attrs.validators.le(16)],
        metadata={"help": "spaces per nesting level, 0 to 16; 0 writes the whole document on one line"},
    )


def export_json(transcript: Transcript, options: JsonOptions) -> str:
    return to_json(transcript, indent=options.indent or None)


def write_json(transcript: Transcript, options: JsonOptions, fh: BinaryIO) -> tuple[Diagnostic, ...]:
    """The bytes of ``export_json``, written a piece at a time (``export_file``, the command line)."""
    for piece in json_pieces(transcript, indent=options.indent or None):
        fh.write(utf8(piece))
    return ()


def read_json(data: bytes, source_name: str | None, options: NoOptions) -> Transcript:
    return from_json(data, source=source_name)


def sniff_json(head: bytes) -> bool:
    """An object whose first kilobytes mention ``schema_version``: other JSON is not ours."""
    return head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{") and b'"schema_version"' in head


@hookimpl
def stenogram_register_formats(registrar: Registrar) -> None:
    registrar.add_exporter(
        "json",
        export_json,
        options=JsonOptions,
        media_type="application/json",
        suffix=".json",
        description=f"The stenogram model as JSON, everything kept (schema_version {SCHEMA_VERSION}).",
        write=write_json,
    )
    registrar.add_reader(
        "json",
        read_json,
        suffixes=(".json",),
        description="Transcripts written by the json exporter.",
        sniff=sniff_json,
        magic='"schema_version"',
    )
