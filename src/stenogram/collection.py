"""Collection exporters: one output for many transcripts (a ParlaMint corpus folder, a briefing pack, a table).

The contract (``hookspecs.stenogram_register_collection_exporters``): an
exporter gets an *iterable* of transcripts, consumed once, so a corpus of
20,000 sittings never sits in memory; it writes through a ``Sink``
(relative path -> bytes, into a folder or a single file); what needs the
whole collection (a corpus root, a person list, a contents page) is its
final step, after the last transcript. It returns diagnostics: values it
had to assume, things it had to leave out.

>>> import tempfile, pathlib, stenogram
>>> meetings = [stenogram.parse("Anna Petrova: Good morning.\\n"), stenogram.parse("Ivan Sidorov: Hello.\\n")]
>>> with tempfile.TemporaryDirectory() as d:
...     _ = export_collection(meetings, "csv", pathlib.Path(d, "turns.csv"))
...     print(pathlib.Path(d, "turns.csv").read_text(encoding="utf-8").splitlines()[1])
meeting-1,1,,anna-petrova,Anna Petrova,,1,Good morning.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import AbstractContextManager
from pathlib import Path, PurePosixPath
from typing import Any, BinaryIO, Protocol

import attrs

from stenogram.atomic import check_inside, check_writable, make_folder, open_atomic, write_atomic
from stenogram.diagnostics import Diagnostic
from stenogram.errors import ExportError, OverwriteError, StenogramError
from stenogram.model import Transcript
from stenogram.registry import CollectionExporterInfo

__all__ = [
    "CollectionExporterInfo",
    "FileSink",
    "FolderSink",
    "Sink",
    "collection_exporter",
    "collection_exporters",
    "export_collection",
    "read_each",
]


class Sink(Protocol):
    """Where a collection exporter writes: ``write("ParlaMint-RU_2010-06-03.xml", data)``.

    ``open(path)`` gives a binary file for output written in pieces (a table of
    every turn): it takes its place, whole, when the ``with`` block ends.
    """

    def write(self, path: str, data: bytes) -> None: ...

    def open(self, path: str) -> AbstractContextManager[BinaryIO]: ...


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except (OSError, ValueError):
        return False


def _relative(path: str) -> PurePosixPath:
    pure = PurePosixPath(path)
    if pure.is_absolute() or not pure.parts or ".." in pure.parts or "\\" in path or "\0" in path:
        raise ExportError(f"a collection exporter asked to write {path!r}: not a plain relative path")
    return pure


class FolderSink:
    """Files in ``folder`` (created if missing), each written whole (temp file, then rename), each once.

    ``keep`` are files never to write over, under any name: the inputs of a
    corpus command, which may sit in the output folder under the very name
    the format gives its output (a ParlaMint component read back).
    """

    def __init__(self, folder: str | os.PathLike[str], *, keep: Iterable[str | os.PathLike[str]] = ()) -> None:
        self.folder = make_folder(folder)
        self.keep = [Path(p) for p in keep]
        self.written: list[str] = []

    def _claim(self, path: str) -> Path:
        relative = _relative(path)
        if str(relative) in self.written:
            raise ExportError(f"{self.folder / relative}: written twice in one export")
        target = self.folder / relative
        make_folder(target.parent)
        check_inside(self.folder, target)
        if any(_same_file(target, kept) for kept in self.keep):
            raise OverwriteError(f"{target}: refusing to overwrite an input; write to another folder")
        self.written.append(str(relative))
        return target

    def write(self, path: str, data: bytes) -> None:
        write_atomic(self._claim(path), data)

    def open(self, path: str) -> AbstractContextManager[BinaryIO]:
        return open_atomic(self._claim(path))


class FileSink:
    """One file: the exporter writes exactly once, whatever relative name it gives."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = check_writable(path)
        self.written: list[str] = []

    def _claim(self, path: str) -> Path:
        _relative(path)
        if self.written:
            raise ExportError(f"{self.path}: this format writes several files; give an output folder")
        self.written.append(str(self.path))
        return self.path

    def write(self, path: str, data: bytes) -> None:
        write_atomic(self._claim(path), data)

    def open(self, path: str) -> AbstractContextManager[BinaryIO]:
        return open_atomic(self._claim(path))


def collection_exporters() -> Mapping[str, CollectionExporterInfo]:
    """Every corpus format the plugins register (``Registrar.add_collection_exporter``)."""
    from stenogram.plugins import get_host

    return get_host().collection_exporters()


def collection_exporter(name: str) -> CollectionExporterInfo:
    """The corpus format called ``name``, only its plugin imported; ``UnknownFormatError`` lists the others."""
    from stenogram.plugins import get_host

    return get_host().collection_exporter(name)


def export_collection(
    transcripts: Iterable[Transcript],
    fmt: str,
    target: str | os.PathLike[str] | Sink,
    options: object | Mapping[str, Any] | None = None,
    **overrides: Any,
) -> tuple[Diagnostic, ...]:
    """Write ``transcripts`` (consumed once) as one collection in format ``fmt``; returns the diagnostics.

    ``target`` is a ``Sink``, or a path: a folder for formats that make
    several files, the file itself for the others.
    """
    from stenogram.options import make_options

    info = collection_exporter(fmt)
    opts = make_options(info.options, options, overrides)
    # No transcript, no output, whatever the format (a table would be its header alone, a corpus refused):
    # asked for before a folder is made, so nothing is left behind.
    stream = iter(transcripts)
    first = next(stream, None)
    if first is None:
        raise ExportError(f"corpus format {fmt!r}: no transcript to write; nothing written")
    transcripts = itertools.chain((first,), stream)
    sink: Sink
    if isinstance(target, (str, os.PathLike)):
        sink = FolderSink(target) if info.output == "folder" else FileSink(target)
    else:
        sink = target
    try:
        return tuple(info.export(transcripts, sink, opts))
    except (StenogramError, KeyboardInterrupt, GeneratorExit):
        raise
    except BaseException as exc:  # an exporter's bug (even sys.exit()) must still name the exporter
        raise ExportError(f"corpus format {fmt!r} ({info.plugin}) failed: {type(exc).__name__}: {exc}") from exc


def read_each(
    paths: Iterable[str | os.PathLike[str]],
    *,
    on_error: Callable[[str, Exception], None] | None = None,
    **read_options: Any,
) -> Iterator[Transcript]:
    """Read the files one at a time, as a collection exporter consumes them.

    A meeting the file gives no id is named by the file (``Meeting.id`` is
    its stem: ``1996-10-02-020-XX-NRSITZ-00040``), so tables and corpora
    can say which file a row or a component came from. A file that cannot
    be read raises, unless ``on_error(path, error)`` is given: then it is
    reported there and left out.
    """
    from stenogram.convert import read

    for path in paths:
        try:
            transcript = read(path, **read_options)
        except (StenogramError, OSError) as exc:
            if on_error is None:
                raise
            on_error(os.fspath(path), exc)
            continue
        if transcript.meeting.id is None:
            meeting = attrs.evolve(transcript.meeting, id=Path(path).name.split(".")[0])
            transcript = attrs.evolve(transcript, meeting=meeting)
        yield transcript
