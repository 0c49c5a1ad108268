"""The utterance table: one row per turn of every meeting, for pandas, DuckDB or Spark in one call.

``csv`` always; ``parquet`` when ``pyarrow`` is installed. Columns are
``COLUMNS``; a meeting without an id is ``meeting-N`` (its place in the
collection), and ``turn`` counts from 1 within each meeting.
"""

from __future__ import annotations

import importlib.util
import io
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

import attrs

from stenogram.hookspecs import Registrar, hookimpl
from stenogram.model import Transcript

if TYPE_CHECKING:  # registering the formats must stay cheap: every command loads the built-ins
    from stenogram.collection import Sink
    from stenogram.diagnostics import Diagnostic

__all__ = ["COLUMNS", "TableOptions", "rows"]

COLUMNS: tuple[str, ...] = (
    "meeting_id",
    "corpus_index",
    "date",
    "speaker_id",
    "speaker_name",
    "speaker_role",
    "turn",
    "text",
)


@attrs.frozen(kw_only=True)
class TableOptions:
    """``file_name``: the name a folder sink is given (``-o`` names the file itself)."""

    file_name: str = attrs.field(default="turns", metadata={"help": "file name without suffix in an output folder"})


def rows(transcripts: Iterable[Transcript]) -> Iterator[tuple[str | int, ...]]:
    """The table, a row at a time: turns in order, meeting after meeting."""
    for n, t in enumerate(transcripts, 1):
        meeting_id = t.meeting.id or f"meeting-{n}"
        date = t.meeting.date.isoformat() if t.meeting.date else ""
        people = {p.id: p for p in t.participants}
        for i, turn in enumerate(t.turns, 1):
            p = people.get(turn.speaker)
            name = p.name if p is not None else turn.label
            role = (p.role if p is not None else None) or ""
            yield (meeting_id, n, date, turn.speaker, name, role, i, turn.text)


def export_csv(transcripts: Iterable[Transcript], sink: Sink, options: TableOptions) -> Sequence[Diagnostic]:
    import csv

    with sink.open(options.file_name + ".csv") as fh:  # row by row: a corpus's table need not fit in memory
        text = io.TextIOWrapper(fh, encoding="utf-8", newline="")
        writer = csv.writer(text, lineterminator="\n")
        # The csv module quotes a field only for the line end it writes ("\n"), but every reader also ends a
        # line at a bare "\r": a row that holds one has every field quoted, so it stays one row.
        quoted = csv.writer(text, lineterminator="\n", quoting=csv.QUOTE_ALL)
        writer.writerow(COLUMNS)
        for row in rows(transcripts):
            chosen = quoted if any(isinstance(v, str) and "\r" in v for v in row) else writer
            try:
                chosen.writerow(row)
            except UnicodeEncodeError:  # a lone surrogate (a model built in code): U+FFFD, as every text write
                from stenogram.surrogates import replace_surrogates

                chosen.writerow(tuple(replace_surrogates(v) if isinstance(v, str) else v for v in row))
        text.flush()
        text.detach()
    return ()


def _table(pa: Any, schema: Any, batch: list[tuple[str | int, ...]]) -> Any:
    return pa.Table.from_pylist([dict(zip(COLUMNS, row, strict=True)) for row in batch], schema)


def export_parquet(transcripts: Iterable[Transcript], sink: Sink, options: TableOptions) -> Sequence[Diagnostic]:
    import pyarrow as pa  # type: ignore[import-not-found, import-untyped, unused-ignore]
    import pyarrow.parquet as pq  # type: ignore[import-not-found, import-untyped, unused-ignore]

    schema = pa.schema([(c, pa.int64() if c in ("corpus_index", "turn") else pa.string()) for c in COLUMNS])
    with sink.open(options.file_name + ".parquet") as fh, pq.ParquetWriter(fh, schema) as writer:
        batch: list[tuple[str | int, ...]] = []
        written = False
        for row in rows(transcripts):  # a row group per 10,000 turns: memory stays bounded
            batch.append(row)
            if len(batch) >= 10_000:
                writer.write_table(_table(pa, schema, batch))
                batch, written = [], True
        if batch or not written:
            writer.write_table(_table(pa, schema, batch))
    return ()


@hookimpl
def stenogram_register_formats(registrar: Registrar) -> None:
    registrar.add_collection_exporter(
        "csv",
        export_csv,
        options=TableOptions,
        output="file",
        suffix=".csv",
        description="The utterance table: one row per turn (meeting, date, speaker id, name, role, turn, text).",
    )
    if importlib.util.find_spec("pyarrow") is not None:
        registrar.add_collection_exporter(
            "parquet",
            export_parquet,
            options=TableOptions,
            output="file",
            suffix=".parquet",
            description="The utterance table as Parquet (needs pyarrow).",
        )
