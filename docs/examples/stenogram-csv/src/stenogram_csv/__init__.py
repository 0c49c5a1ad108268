"""A stenogram exporter: one CSV row per spoken paragraph."""

from __future__ import annotations

import csv
import io
from typing import Literal

import attrs

from stenogram import Transcript, hookimpl
from stenogram.hookspecs import Registrar

COLUMNS = ("turn", "speaker", "name", "label", "paragraph", "words", "text")


@attrs.frozen(kw_only=True)
class CsvOptions:
    """How the table is written; every option has a default."""

    delimiter: Literal[",", ";", "\t"] = attrs.field(default=",", metadata={"help": "the field separator"})
    header: bool = attrs.field(default=True, metadata={"help": "write the column names first"})


def export_csv(transcript: Transcript, options: CsvOptions) -> str:
    """The rows, in the order the paragraphs were spoken."""
    names = {p.id: p.name for p in transcript.participants}
    out = io.StringIO()
    writer = csv.writer(out, delimiter=options.delimiter, lineterminator="\n")
    if options.header:
        writer.writerow(COLUMNS)
    for turn_number, turn in enumerate(transcript.turns, start=1):
        for paragraph_number, paragraph in enumerate(turn.paragraphs, start=1):
            writer.writerow(
                (
                    turn_number,
                    turn.speaker,
                    names.get(turn.speaker, ""),
                    turn.label,
                    paragraph_number,
                    paragraph.word_count,
                    paragraph.text,
                )
            )
    return out.getvalue()


@hookimpl
def stenogram_register_formats(registrar: Registrar) -> None:
    registrar.add_exporter(
        "csv",
        export_csv,
        options=CsvOptions,
        media_type="text/csv",
        suffix=".csv",
        description="One row per spoken paragraph: turn, speaker, label, words, text.",
    )
