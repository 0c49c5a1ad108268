"""Registers the Europarl reader; the grammar lives in ``stenogram.parse.europarl``."""

from __future__ import annotations

from stenogram.errors import StrictModeError
from stenogram.hookspecs import Registrar, hookimpl
from stenogram.model import Transcript
from stenogram.parse.options import ParseOptions

#: What ``stenogram.parse.europarl`` looks for; kept in the plugin cache so sniffing imports nothing.
MAGIC = r"^[ \t]*<(?:CHAPTER|SPEAKER)\s+ID="


def read_europarl(data: bytes, source_name: str | None, options: ParseOptions) -> Transcript:
    """Speakers come from tags, so ``annotated_labels`` has nothing to open; ``stage_notes`` and ``strict`` hold."""
    from stenogram.parse.europarl import read_europarl as build

    t = build(data, source_name, stage_notes=options.stage_notes)
    if options.strict and t.diagnostics:
        raise StrictModeError("the reader had to guess", diagnostics=t.diagnostics, file=source_name)
    return t


@hookimpl
def stenogram_register_formats(registrar: Registrar) -> None:
    registrar.add_reader(
        "europarl",
        read_europarl,
        options=ParseOptions,
        suffixes=(".europarl",),
        description="Europarl corpus files: <CHAPTER>, <SPEAKER NAME=..> and <P> markup.",
        magic=MAGIC,
    )
