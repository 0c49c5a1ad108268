"""The plain-text reader: the core parser, registered like any third-party reader.

``stenogram.read`` also falls back to this parser when no reader claims a
file, so a plugin that replaces ``text`` changes only what ``--from text``
and ``.txt`` files get.
"""

from __future__ import annotations

from stenogram.hookspecs import ReaderRegistrar, hookimpl
from stenogram.model import Transcript


def read_text(data: bytes, source_name: str | None) -> Transcript:
    from stenogram.parse import parse_bytes

    return parse_bytes(data, source=source_name)


@hookimpl
def stenogram_register_readers(register: ReaderRegistrar) -> None:
    register(
        "text",
        read_text,
        suffixes=(".txt", ".text"),
        description="Plain-text transcripts (UTF-8 unless told otherwise): the core parser.",
    )
