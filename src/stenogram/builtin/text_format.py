"""The plain-text reader: the core parser, registered like any third-party reader.

``stenogram.read`` falls back to the reader named ``text`` when no reader
claims an input, so a plugin that replaces ``text`` replaces that fallback too.
"""

from __future__ import annotations

from pathlib import Path

import attrs

from stenogram.hookspecs import Registrar, hookimpl
from stenogram.model import Transcript
from stenogram.parse.options import ParseOptions


@attrs.frozen(kw_only=True)
class TextReadOptions(ParseOptions):
    """The parse options, and the encoding of the bytes."""

    encoding: str | None = attrs.field(
        default=None, metadata={"help": "the text's encoding (default: UTF-8, or what a byte-order mark says)"}
    )


def read_text(data: bytes, source_name: str | None, options: TextReadOptions) -> Transcript:
    """Parse; when ``source_name`` is a file on disk, its sidecar metadata file applies too (as ``parse_file``)."""
    from stenogram.parse import parse_bytes, parse_file_data

    parse_options = ParseOptions(**{f.name: getattr(options, f.name) for f in attrs.fields(ParseOptions)})
    if source_name and Path(source_name).is_file():
        return parse_file_data(Path(source_name), data, encoding=options.encoding, options=parse_options)
    return parse_bytes(data, encoding=options.encoding, source=source_name, options=parse_options)


@hookimpl
def stenogram_register_formats(registrar: Registrar) -> None:
    registrar.add_reader(
        "text",
        read_text,
        options=TextReadOptions,
        suffixes=(".txt", ".text"),
        description="Plain-text transcripts (UTF-8 unless told otherwise): the core parser.",
    )
