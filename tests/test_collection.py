"""Collection exporters: sinks, the registry, the utterance table, and the corpus command's failures."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest
from repo_shared import ROOT, skip_unless_shared

import stenogram
from stenogram import hookimpl
from stenogram.cli import main
from stenogram.collection import (
    FileSink,
    FolderSink,
    collection_exporter,
    collection_exporters,
    export_collection,
    read_each,
)
from stenogram.errors import ExportError, UnknownFormatError
from stenogram.hookspecs import Registrar
from stenogram.plugins import DEFAULT_PLUGINS, PluginHost, using_host

SEED = ROOT / "seeds" / "000_cc7df8760118afc5.txt"


def test_sinks_write_whole_files_and_refuse_escapes(tmp_path: Path) -> None:
    folder = FolderSink(tmp_path / "out")
    folder.write("a/b.xml", b"<x/>")
    assert (tmp_path / "out" / "a" / "b.xml").read_bytes() == b"<x/>"
    for bad in ("../x", "/etc/x", "a\\b"):
        with pytest.raises(ExportError, match="not a plain relative path"):
            folder.write(bad, b"")
    with pytest.raises(ExportError, match="written twice"):
        folder.write("a/b.xml", b"")
    single = FileSink(tmp_path / "one.csv")
    single.write("turns.csv", b"x")
    with pytest.raises(ExportError, match="give an output folder"):
        single.write("more.csv", b"y")
    assert (tmp_path / "one.csv").read_bytes() == b"x"
    with folder.open("big.csv") as fh:  # written in pieces, in place only when whole
        fh.write(b"a,b\n")
        assert not (tmp_path / "out" / "big.csv").exists()
    assert (tmp_path / "out" / "big.csv").read_bytes() == b"a,b\n"
    with pytest.raises(RuntimeError), folder.open("broken.csv") as fh:
        fh.write(b"half")
        raise RuntimeError
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["a", "big.csv"]  # no temp file, no half file


def test_the_registry_names_what_there_is() -> None:
    assert {"csv", "parlamint", "docx"} <= set(collection_exporters())
    assert collection_exporter("parlamint").output == "folder"
    with pytest.raises(UnknownFormatError, match="corpus format 'pdf'"):
        collection_exporter("pdf")


def _table_rows(data: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data)))


def test_the_utterance_table_has_one_row_per_turn(tmp_path: Path) -> None:
    files = sorted(skip_unless_shared("corpus", "kremlin_en").glob("*.txt"))
    export_collection(read_each(files), "csv", tmp_path / "turns.csv")
    transcripts = [stenogram.read(f) for f in files]
    turns = sum(len(t.turns) for t in transcripts)
    text = (tmp_path / "turns.csv").read_text(encoding="utf-8")
    try:
        import pandas as pd
    except ImportError:  # the csv module reads it the same way
        rows = _table_rows(text)
        assert len(rows) == turns
        meetings = {r["meeting_id"] for r in rows}
    else:
        frame = pd.read_csv(tmp_path / "turns.csv")
        assert len(frame) == turns
        meetings = set(frame["meeting_id"])
        assert frame["turn"].min() == 1
    assert meetings == {f.stem for f in files}
    first = _table_rows(text)[0]
    assert first["speaker_id"] == transcripts[0].turns[0].speaker
    assert first["text"] == transcripts[0].turns[0].text
    assert first["date"] == transcripts[0].meeting.date.isoformat()


def test_parquet_when_pyarrow_is_there(tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet", reason="Parquet needs the optional pyarrow")
    t = stenogram.parse_file(SEED)
    export_collection([t, t], "parquet", tmp_path / "turns.parquet")
    assert pq.read_table(tmp_path / "turns.parquet").num_rows == 2 * len(t.turns)


def test_a_bad_file_is_named_and_the_rest_go_in(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    out = tmp_path / "turns.csv"
    assert main(["corpus", str(SEED), str(empty), str(SEED), "--to", "csv", "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert f"error: {empty}" in err and "2 transcripts in, 1 failed" in err
    assert len(_table_rows(out.read_text(encoding="utf-8"))) == 2 * len(stenogram.parse_file(SEED).turns)
    assert main(["corpus", str(SEED), "--to", "csv", "-o", str(SEED)]) == 2
    assert "refusing to overwrite an input" in capsys.readouterr().err


@pytest.mark.parametrize("fmt", ["csv", "parlamint", "docx"])
def test_when_no_input_can_be_read_nothing_is_written(
    fmt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Every format alike: no table of headers alone, no empty corpus folder left behind, exit status 1."""
    out = tmp_path / "out"
    assert (
        main(["corpus", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--to", fmt, "--output-dir", str(out)]) == 1
    )
    assert "none of the 2 inputs could be read; nothing written" in capsys.readouterr().err
    assert not out.exists()
    with pytest.raises(stenogram.ExportError, match="no transcript to write"):
        export_collection([], fmt, out)
    assert not out.exists()


class _WordCounts:
    """A third-party corpus format, registered as any plugin registers one."""

    @hookimpl
    def stenogram_register_formats(self, registrar: Registrar) -> None:
        def export(transcripts: Iterable[stenogram.Transcript], sink: Any, options: Any) -> tuple[()]:
            sink.write("words.tsv", "".join(f"{t.meeting.id}\t{t.word_count}\n" for t in transcripts).encode())
            return ()

        registrar.add_collection_exporter(
            "words", export, output="file", suffix=".tsv", description="words per meeting"
        )


def test_a_plugin_registers_a_corpus_format(tmp_path: Path) -> None:
    host = PluginHost()
    for module in DEFAULT_PLUGINS:
        host.register_module(module, builtin=True)
    assert host.register(_WordCounts(), name="words")
    with using_host(host):
        assert collection_exporter("words").plugin == "words"
        export_collection(read_each([SEED]), "words", tmp_path / "w.tsv")
    assert (tmp_path / "w.tsv").read_text(encoding="utf-8") == f"{SEED.stem}\t{stenogram.parse_file(SEED).word_count}\n"


def test_a_corpus_format_registered_wrongly_is_that_plugins_load_error() -> None:
    class Broken:
        @hookimpl
        def stenogram_register_formats(self, registrar: Registrar) -> None:
            registrar.add_collection_exporter("pack", lambda *a: (), output="file", description="no suffix")

    host = PluginHost()
    assert not host.register(Broken(), name="broken")
    assert "needs its suffix" in str(host.load_errors[0])
