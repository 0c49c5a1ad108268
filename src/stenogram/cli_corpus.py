"""``stenogram corpus FILES… --to FORMAT``: many transcripts into one output (see ``stenogram.collection``).

Files are read one at a time and handed on as they are read, so a corpus
never sits in memory (a briefing pack, which sorts its meetings, is the
exception). A file that cannot be read is named and left out; the rest
still make the output, and the exit code is 1.
"""

from __future__ import annotations

import argparse
import itertools
import os
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, TextIO

from stenogram.diagnostics import Diagnostic
from stenogram.errors import StenogramError
from stenogram.model import Transcript
from stenogram.progress import Progress
from stenogram.text import one_line

if TYPE_CHECKING:
    from stenogram.collection import Sink

__all__ = ["CorpusUsageError", "add_corpus_command", "run_corpus"]

EPILOG = """\
examples:
  stenogram corpus kremlin_en/*.txt --to parlamint --set country=RU --set lang=en --output-dir ParlaMint-RU
  stenogram corpus a.txt b.txt c.txt --to docx -o pack.docx      a briefing pack, meetings by date
  stenogram corpus *.txt --to csv -o turns.csv                    one row per turn, for pandas or DuckDB
"""


class CorpusUsageError(StenogramError):
    """A corpus command that cannot work: no output given, or the wrong kind for the format."""


def add_corpus_command(commands: Any) -> None:
    corpus = commands.add_parser(
        "corpus",
        help="make one output of many transcripts (ParlaMint corpus, briefing pack, table)",
        description="Read every FILE and write them together in a corpus format.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    corpus.add_argument("files", nargs="+", metavar="FILE", help="input files, in the order wanted")
    corpus.add_argument("--to", required=True, metavar="FORMAT", help="corpus format: " + _names())
    corpus.add_argument("--from", dest="source_format", metavar="FORMAT", help="input format, instead of guessing")
    corpus.add_argument("--encoding", help="encoding of plain-text input (default: UTF-8)")
    where = corpus.add_mutually_exclusive_group()
    where.add_argument("-o", "--output", metavar="FILE", help="the output file (formats that make one file)")
    where.add_argument("--output-dir", metavar="DIR", help="the output folder (created if missing)")
    corpus.add_argument(
        "--set", action="append", default=[], metavar="KEY=VALUE", dest="settings", help="set a format option"
    )
    corpus.add_argument("-q", "--quiet", action="store_true", help="print errors and nothing else")


def _names() -> str:
    return "parlamint, docx, csv, … (see: stenogram formats)"


def _settings(pairs: list[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise CorpusUsageError(f"--set expects KEY=VALUE, not {pair!r}")
        out[key.strip()] = value
    return out


def _sink(args: argparse.Namespace, output: str, *, check_only: bool = False) -> Sink | None:
    """The sink ``-o``/``--output-dir`` name; with ``check_only``, only the usage checks (nothing is made)."""
    from stenogram.collection import FileSink, FolderSink

    if args.output_dir is not None:
        return None if check_only else FolderSink(args.output_dir, keep=args.files)
    if args.output is None:
        wanted = "a folder: give --output-dir DIR" if output == "folder" else "a file: give -o FILE"
        raise CorpusUsageError(f"--to {args.to} writes {wanted}")
    if output == "folder":
        raise CorpusUsageError(f"--to {args.to} writes several files: give --output-dir DIR, not -o")
    real_inputs = {os.path.realpath(f) for f in args.files}
    if os.path.realpath(args.output) in real_inputs:
        raise CorpusUsageError(f"{args.output}: refusing to overwrite an input")
    return None if check_only else FileSink(args.output)


def run_corpus(args: argparse.Namespace, stderr: TextIO) -> int:
    """Returns 0 when every file went in, 1 when some could not be read."""
    from stenogram.collection import collection_exporter, export_collection, read_each
    from stenogram.options import make_options

    info = collection_exporter(args.to)
    options = make_options(info.options, overrides=_settings(args.settings))
    _sink(args, info.output, check_only=True)  # a usage error before any file is read
    progress = Progress(len(args.files), stderr, bar=None if len(args.files) > 1 else False)
    failed: list[str] = []

    def skipped(path: str, exc: Exception) -> None:
        failed.append(path)
        message = str(exc) if isinstance(exc, StenogramError) else f"{path}: {exc}"
        progress.message(f"stenogram: error: {message if path in message else f'{path}: {message}'}")

    def transcripts() -> Iterator[Transcript]:
        for path in args.files:
            yield from read_each([path], on_error=skipped, fmt=args.source_format, encoding=args.encoding)
            progress.advance(path)

    stream = transcripts()
    diagnostics: tuple[Diagnostic, ...] | None = None
    try:
        first = next(stream, None)  # the output (a folder) is made once there is something to put in it
        if first is not None:
            sink = _sink(args, info.output)
            assert sink is not None
            diagnostics = export_collection(itertools.chain((first,), stream), args.to, sink, options)
    finally:
        progress.close()
    if diagnostics is None:
        what = f"none of the {len(args.files)} inputs could" if len(args.files) > 1 else "the input could not"
        stderr.write(f"stenogram: error: {what} be read; nothing written\n")
        return 1
    if not args.quiet:
        for d in diagnostics:
            stderr.write(f"stenogram: {d.severity.value}: {one_line(d.message)} [{d.code}]\n")
    written = getattr(sink, "written", [])
    if not (args.quiet and not failed):
        where = args.output_dir or args.output
        done = len(args.files) - len(failed)
        stderr.write(f"{done} transcripts in, {len(failed)} failed; {len(written)} files written to {where}\n")
    return 1 if failed else 0
