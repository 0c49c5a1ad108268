"""The ``stenogram`` command: convert, inspect, formats, plugins.

Exit codes: 0 when everything worked, 1 when some input failed, 2 for a
usage error (bad arguments, unknown format or option). Errors the user can
fix print one line, ``stenogram: error: …``, never a traceback; set
``STENOGRAM_DEBUG=1`` to see the traceback of an unexpected one.
"""

from __future__ import annotations

import argparse
import codecs
import json
import os
import sys
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager, nullcontext, suppress
from pathlib import Path
from typing import Any, BinaryIO, NamedTuple, NoReturn, TextIO

import attrs

from stenogram.atomic import check_inside, make_folder
from stenogram.cli_batch import BatchUsageError, add_batch_arguments, run_batch, wants_batch
from stenogram.cli_corpus import CorpusUsageError, add_corpus_command, run_corpus
from stenogram.convert import (
    SNIFF_BYTES,
    check_parse_options,
    check_target,
    export_rendered,
    formats,
    pick_reader,
    read,
    write_export,
)
from stenogram.diagnostics import Diagnostic, Severity
from stenogram.errors import OptionError, OverwriteError, StenogramError, StrictModeError, UnknownFormatError
from stenogram.model import Transcript
from stenogram.options import make_options
from stenogram.parse.options import ParseOptions
from stenogram.plugins import ExporterInfo, PluginHost, get_host, using_host
from stenogram.progress import Progress
from stenogram.surrogates import utf8
from stenogram.text import drop_controls, one_line

__all__ = ["EXIT_FAILED", "EXIT_OK", "EXIT_USAGE", "build_parser", "main", "nothing_to_clean_up", "run"]

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
SHELLS = ("bash", "zsh", "fish")
PROG = "stenogram"
STDIO = "-"
STDIN_NAME = "<stdin>"  # how standard input is named in messages and reports
DEBUG_VARIABLE = "STENOGRAM_DEBUG"

EPILOG = """\
examples:
  stenogram convert meeting.txt --to markdown          writes meeting.md next to meeting.txt
  stenogram convert *.txt --to json --output-dir out/  one JSON file per transcript in out/
  stenogram convert meeting.txt --to markdown -o -     to standard output
  cat meeting.txt | stenogram convert - --to json      from standard input
  stenogram convert a.txt --to markdown --set heading_level=2 --set include_participants=false
  stenogram convert a.txt --to json --stage-notes      parse options: --parse KEY=VALUE or a flag
  stenogram inspect meeting.txt                        participants, turns, diagnostics
  stenogram inspect meeting.txt --strict               exit 1 if the parser had to guess
  stenogram formats                                    every exporter and reader, with options
  stenogram plugins                                    what loaded, and what failed to

exit codes: 0 all converted, 1 some inputs failed, 2 usage error
environment: STENOGRAM_LOAD_PLUGINS=a,b loads only those third-party plugins (empty: none);
             STENOGRAM_STRICT_PLUGINS=1 is --strict-plugins
"""


class UsageError(StenogramError):
    """Arguments that cannot work together; exit code 2."""


class _Parser(argparse.ArgumentParser):
    """argparse with a "did you mean" for a mistyped command or option."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}{_did_you_mean(self, message)}\n")


def _did_you_mean(parser: argparse.ArgumentParser, message: str) -> str:
    import difflib

    words: list[str] = []
    if message.startswith("argument COMMAND: invalid choice:"):
        wrong = message.split("'")[1] if "'" in message else ""
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                words = difflib.get_close_matches(wrong, list(action.choices), n=1)
    elif message.startswith("unrecognized arguments:"):
        parsers = [
            parser,
            *(p for a in parser._actions if isinstance(a, argparse._SubParsersAction) for p in a.choices.values()),
        ]
        options = sorted({o for p in parsers for a in p._actions for o in a.option_strings if o.startswith("--")})
        for wrong in message.split(":", 1)[1].split():
            if wrong.startswith("-"):
                words += difflib.get_close_matches(wrong.split("=", 1)[0], options, n=1)
    return f" (did you mean {' '.join(repr(w) for w in words)}?)" if words else ""


def _encoding(name: str) -> str:
    """An encoding Python knows, checked before any file is read: a typo is a usage error."""
    try:
        codecs.lookup(name)
    except LookupError:
        raise argparse.ArgumentTypeError(f"unknown encoding {name!r}") from None
    return name


def _add_json_flag(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")


# The ParseOptions fields with a flag of their own: each flag sets its field to true.
PARSE_FLAGS = {
    "strict": "stop with an error (exit 1) if the parser had to guess",
    "stage_notes": "lift whole-line asides such as '(Applause.)' out of the turn as notes",
}


def _add_parse_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("parse options", "how plain text is parsed (see: stenogram formats)")
    group.add_argument(
        "--parse",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        dest="parse_settings",
        help="set a parse option; repeat for more",
    )
    for field, text in PARSE_FLAGS.items():
        group.add_argument(f"--{field.replace('_', '-')}", action="store_true", dest=f"parse_{field}", help=text)
    group.add_argument(
        "--fail-on",
        choices=[s.value for s in Severity],
        metavar="{" + ",".join(s.value for s in Severity) + "}",
        help="exit 1 if a diagnostic of this severity or above was made (--strict is --fail-on info)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog=PROG,
        description="Turn transcripts of official meetings into typed data and documents.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        allow_abbrev=False,  # "stenogram --strict convert …" must not pass for --strict-plugins
    )
    from stenogram import __version__

    parser.add_argument("-V", "--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--strict-plugins", action="store_true", help="stop with an error if any plugin fails to load")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    convert = commands.add_parser(
        "convert",
        help="convert transcripts to another format",
        description="Read each FILE (any registered input format, plain text by default) and export it.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    convert.add_argument("files", nargs="+", metavar="FILE", help="input files; '-' reads standard input")
    convert.add_argument(
        "--to", metavar="FORMAT", help="export format (see: stenogram formats); default: from the suffix of -o"
    )
    convert.add_argument("--from", dest="source_format", metavar="FORMAT", help="input format, instead of guessing")
    convert.add_argument("--encoding", type=_encoding, help="encoding of plain-text input (default: UTF-8)")
    where = convert.add_mutually_exclusive_group()
    where.add_argument("-o", "--output", metavar="OUT", help="output file for a single input; '-' is standard output")
    where.add_argument("--output-dir", metavar="DIR", help="write each output here (created if missing)")
    convert.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        dest="settings",
        help="set an exporter option; repeat for more",
    )
    convert.add_argument("-q", "--quiet", action="store_true", help="print errors and nothing else")
    _add_parse_options(convert)
    add_batch_arguments(convert)

    inspect = commands.add_parser(
        "inspect",
        help="show what stenogram found in a transcript",
        description="Meeting fields, participants, turns, paragraphs, notes and the parser's diagnostics.",
    )
    inspect.add_argument("file", metavar="FILE", help="input file; '-' reads standard input")
    inspect.add_argument("--from", dest="source_format", metavar="FORMAT", help="input format, instead of guessing")
    inspect.add_argument("--encoding", type=_encoding, help="encoding of plain-text input (default: UTF-8)")
    _add_json_flag(inspect)
    _add_parse_options(inspect)

    add_corpus_command(commands)

    formats_cmd = commands.add_parser("formats", help="list export and input formats with their options")
    _add_json_flag(formats_cmd)

    plugins_cmd = commands.add_parser("plugins", help="list plugins, their versions and hooks, and load errors")
    _add_json_flag(plugins_cmd)
    plugins_cmd.add_argument("--verbose", "-v", action="store_true", help="show the traceback of each load error")

    completion = commands.add_parser(
        "completion",
        help="print a shell completion script",
        description="Print a completion script for your shell; see docs/cli.md for where to put it.",
    )
    completion.add_argument("shell", choices=SHELLS, help="the shell")
    return parser


# -- shared helpers ----------------------------------------------------------


def _error(stream: TextIO, message: str) -> None:
    stream.write(f"{PROG}: error: {one_line(message)}\n")
    stream.flush()


def _describe(exc: BaseException) -> str:
    """One line for an error: the message, or the OS's words for a file problem."""
    if isinstance(exc, OSError) and exc.strerror and not isinstance(exc, StenogramError):
        return f"{exc.filename}: {exc.strerror}" if exc.filename else exc.strerror
    if isinstance(exc, StrictModeError) and exc.diagnostics:
        first, more = exc.diagnostics[0], len(exc.diagnostics) - 1
        rest = f"; {more} more: 'stenogram inspect' without --strict lists them" if more else ""
        return f"{exc} ({getattr(first, 'message', first)} [{getattr(first, 'code', '?')}]{rest})"
    if isinstance(exc, StenogramError):
        return str(exc)
    return f"unexpected {type(exc).__name__}: {exc} (set {DEBUG_VARIABLE}=1 for the traceback)"


def _naming(source: str, message: str) -> str:
    return message if source in message else f"{source}: {message}"


def _fail_on(args: argparse.Namespace, diagnostics: Sequence[Diagnostic], name: str) -> None:
    """``--fail-on LEVEL``: a diagnostic of that severity or above fails the input, as ``--strict`` does for any."""
    level = getattr(args, "fail_on", None)
    if level is None:
        return
    order = list(Severity)
    threshold = order.index(Severity(level))
    hits = tuple(d for d in diagnostics if order.index(d.severity) >= threshold)
    if hits:
        raise StrictModeError(
            f"a diagnostic of severity {level} or above (--fail-on {level})", diagnostics=hits, file=name
        )


def _read_input(name: str, args: argparse.Namespace, options: ParseOptions, stdin: BinaryIO) -> Transcript:
    transcript = _read_any(name, args, options, stdin)
    _fail_on(args, transcript.diagnostics, STDIN_NAME if name == STDIO else name)
    return transcript


def _read_any(name: str, args: argparse.Namespace, options: ParseOptions, stdin: BinaryIO) -> Transcript:
    own = getattr(args, "reader_settings", None) or None
    if name == STDIO:
        return _read_bytes(stdin.read(), args, options)
    path = Path(name)
    if path.is_dir():
        raise IsADirectoryError(21, "is a directory", name)
    return read(path, args.source_format, encoding=args.encoding, options=own, parse_options=options)


def _read_bytes(data: bytes, args: argparse.Namespace, options: ParseOptions) -> Transcript:
    own = getattr(args, "reader_settings", None) or None
    return read(data, args.source_format, encoding=args.encoding, name=STDIN_NAME, options=own, parse_options=options)


def _settings(pairs: Sequence[str], flag: str = "--set") -> dict[str, str]:
    out: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise UsageError(f"{flag} expects KEY=VALUE, not {pair!r}")
        out[key.strip()] = value
    return out


def _parse_options(args: argparse.Namespace) -> ParseOptions:
    """``--parse`` pairs, then the flags; a flag and a pair that say the opposite are a usage error.

    A ``--from`` reader that cannot take them is refused before any file is read.
    """
    given = _settings(args.parse_settings, "--parse")
    parse_fields = {f.name for f in attrs.fields(ParseOptions)}
    settings = {k: v for k, v in given.items() if k in parse_fields}
    args.reader_settings = {k: v for k, v in given.items() if k not in parse_fields}  # the reader's own options
    try:
        options: ParseOptions = make_options(ParseOptions, settings)
    except OptionError as exc:
        raise OptionError(f"--parse: {exc}") from None
    flagged = {field: True for field in PARSE_FLAGS if getattr(args, f"parse_{field}")}
    for field in flagged:
        if field in settings and not getattr(options, field):
            raise UsageError(f"--{field.replace('_', '-')} and --parse {field}={settings[field]} disagree")
    options = make_options(ParseOptions, options, flagged)
    readers = [f for f in formats() if f.kind == "reader"]
    if args.source_format is not None:
        described = get_host().describe("reader", args.source_format)
        check_parse_options(described, options, f"--from {args.source_format}")
        readers = [described]
    known = sorted({o.name for f in readers for o in f.options})
    for key in args.reader_settings:
        if key not in known:
            import difflib

            close = difflib.get_close_matches(key, known, n=1)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            raise OptionError(f"--parse: unknown option {key!r}{hint}; options: {', '.join(known) or 'none'}")
    return options


def _write_json(stream: TextIO, data: Any) -> None:
    stream.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


class _Streams(NamedTuple):
    """Where a command reads and writes: binary for transcripts, text for reports."""

    stdin: BinaryIO
    stdout: BinaryIO
    text_out: TextIO
    stderr: TextIO


# -- convert ---------------------------------------------------------------


class _Job(NamedTuple):  # NamedTuple, not attrs: generating attrs methods costs every start
    source: str
    target: str  # a path, or STDIO

    @property
    def name(self) -> str:
        """The input as messages name it."""
        return STDIN_NAME if self.source == STDIO else self.source


def _real(name: str) -> str:
    """One spelling per file: symbolic links and ``..`` resolved, so two names of one file compare equal."""
    return os.path.realpath(name)


def _plan(files: Sequence[str], output: str | None, output_dir: str | None, info: ExporterInfo) -> list[_Job]:
    """Where each input goes; refuses plans that would lose data before anything is read."""
    if files.count(STDIO) > 1:
        raise UsageError("standard input ('-') can be read only once")
    if output_dir is not None and os.path.exists(output_dir) and not os.path.isdir(output_dir):
        raise UsageError(f"--output-dir: {output_dir} is not a directory")
    if output is not None:
        if len(files) > 1:
            raise UsageError("-o/--output takes a single input; use --output-dir for several")
        return [_Job(source=files[0], target=output)]
    jobs = []
    # as convert_many names them: a.txt and b/a.txt into one folder become a_a and b_a, not a clash
    named: dict[str, str] = {}
    if len(files) > 1:  # only two inputs can clash
        from stenogram.batch import plan_targets

        named = {s: t for s, t, _ in plan_targets([f for f in files if f != STDIO], info.suffix, output_dir) if t}
    for name in files:
        if name == STDIO:
            target = str(Path(output_dir) / f"stdin{info.suffix}") if output_dir else STDIO
        else:
            src = Path(name)
            folder = Path(output_dir) if output_dir else src.parent
            target = named.get(name) or str(folder / f"{src.stem}{info.suffix}")
        jobs.append(_Job(source=name, target=target))
    return jobs


def _convert_one(
    job: _Job,
    info: ExporterInfo,
    options: object,
    args: argparse.Namespace,
    io: _Streams,
    *,
    parse_options: ParseOptions,
) -> tuple[str, tuple[Diagnostic, ...]]:
    """Convert one input; returns where it went and the exporter's diagnostics. Raises on any failure."""
    if job.target == STDIO and info.binary and io.stdout.isatty():  # text formats (TEI too) may go to a terminal
        raise UsageError(f"{info.name} is a binary format; refusing to write it to a terminal (use -o FILE)")
    if STDIO not in (job.target, job.source) and _real(job.target) == _real(job.source):
        raise OverwriteError(f"{job.source}: refusing to overwrite the input file (use -o or --output-dir)")
    transcript = _read_input(job.source, args, parse_options, io.stdin)
    if job.target == STDIO:
        rendered = export_rendered(transcript, info.name, options)
        _fail_on(args, rendered.diagnostics, job.name)
        data = rendered.data
        io.stdout.write(utf8(data) if isinstance(data, str) else data)
        io.stdout.flush()
        return "standard output", rendered.diagnostics
    target = Path(job.target)
    if args.output_dir:
        make_folder(target.parent)
        check_inside(args.output_dir, target)
    # the name as typed, not the Path: "out/" names a folder
    target = check_target(job.target, None if job.source == STDIO else job.source)
    diagnostics = write_export(
        transcript, info.name, target, options, check=lambda found: _fail_on(args, found, job.name)
    )
    return str(target), diagnostics


def _format_of(output: str | None, output_dir: str | None) -> str:
    """The export format ``-o``'s suffix names, when ``--to`` is not given; the longest suffix wins."""
    if output is None or output == STDIO or output_dir is not None:
        raise UsageError("--to FORMAT is required (it is inferred only from the suffix of -o FILE)")
    lowered = output.lower()
    matches = [(len(s), f.name) for f in formats() if f.kind == "exporter" for s in f.suffixes if lowered.endswith(s)]
    if not matches:
        raise UsageError(f"-o {output}: no export format has this suffix; name one with --to (see: stenogram formats)")
    longest = max(length for length, _ in matches)
    names = sorted({name for length, name in matches if length == longest})
    if len(names) > 1:
        raise UsageError(f"-o {output}: the suffix fits {', '.join(names)}; choose one with --to")
    return names[0]


def _run_convert(args: argparse.Namespace, io: _Streams) -> int:
    stderr = io.stderr
    host = get_host()
    info = host.exporter(args.to or _format_of(args.output, args.output_dir))
    if args.source_format is not None:
        host.reader(args.source_format)
    options = make_options(info.options, overrides=_settings(args.settings))
    parse_options = _parse_options(args)
    if wants_batch(args):
        return run_batch(args, info.name, options, parse_options, stderr)
    jobs = _plan(args.files, args.output, args.output_dir, info)
    progress = Progress(len(jobs), stderr, bar=None if len(jobs) > 1 else False)
    converted = failed = 0
    claimed: dict[str, str] = {}
    inputs = {_real(name): name for name in args.files if name != STDIO}
    for job in jobs:
        progress.start(job.name)
        try:
            key = job.target if job.target == STDIO else _real(job.target)
            if key != STDIO and claimed.get(key) == job.name:
                raise OverwriteError(f"{job.name}: given more than once")
            if key != STDIO and key in claimed:
                raise OverwriteError(f"{job.name}: {job.target} is already the output of {claimed[key]}")
            if key in inputs and inputs[key] != job.source:
                raise OverwriteError(
                    f"{job.name}: refusing to overwrite {inputs[key]}, which is also an input"
                    " (an output of an earlier run? leave it out, or use --output-dir)"
                )
            claimed[key] = job.name
            where, diagnostics = _convert_one(job, info, options, args, io, parse_options=parse_options)
            for d in diagnostics:  # what the exporter had to decide, shown as the parser's are
                progress.message(f"{job.name}: {info.name}: {d}")
        except BrokenPipeError:  # the reader of standard output went away: nothing more to say
            raise
        except Exception as exc:  # carry on past a bad file, say which one
            failed += 1
            progress.message(f"{PROG}: error: {_naming(job.name, _describe(exc))}")
            if os.environ.get(DEBUG_VARIABLE) and not isinstance(exc, (StenogramError, OSError)):
                import traceback

                progress.message("".join(traceback.format_exception(exc)).rstrip())
        else:
            converted += 1
            if not args.quiet and not progress.bar and where != "standard output":
                progress.message(f"{job.name} -> {where}")
        progress.advance(job.name)
    progress.close()
    quiet_single = len(jobs) == 1 and not failed and jobs[0].target == STDIO
    if not (args.quiet and not failed) and not quiet_single:
        stderr.write(f"{converted} converted, {failed} failed\n")
    return EXIT_FAILED if failed else EXIT_OK


# -- inspect ---------------------------------------------------------------


def _inspection(transcript: Transcript, source: str, reader: str) -> dict[str, Any]:
    meeting = {
        f.name: (value.isoformat() if hasattr(value, "isoformat") else value)
        for f in attrs.fields(type(transcript.meeting))
        if (value := getattr(transcript.meeting, f.name)) not in (None, (), False)
    }
    if "extra" in meeting:
        meeting["extra"] = [list(kv) for kv in transcript.meeting.extra]
    return {
        "file": source,
        "format": reader,
        "meeting": meeting,
        "participants": [
            {
                "id": p.id,
                "name": p.name,
                "role": p.role,
                "labels": list(p.labels),
                "anonymous": p.anonymous,
                "turns": len(transcript.turns_of(p.id)),
                "words": sum(t.word_count for t in transcript.turns_of(p.id)),
            }
            for p in transcript.participants
        ],
        "turns": len(transcript.turns),
        "paragraphs": len(transcript.paragraphs),
        "notes": len(transcript.notes),
        "words": transcript.word_count,
        "preamble_blocks": len(transcript.preamble),
        "diagnostics": [
            {"line": d.line, "severity": d.severity.value, "code": d.code, "message": d.message}
            for d in transcript.diagnostics
        ],
    }


def _print_inspection(data: dict[str, Any], out: TextIO) -> None:
    def write(text: str) -> None:  # names and diagnostics come from the file: no escape sequence reaches the terminal
        out.write(drop_controls(text))

    write(f"file: {data['file']} (read as {data['format']})\n")
    write("meeting:\n" if data["meeting"] else "meeting: nothing found\n")
    for key, value in data["meeting"].items():
        shown = "; ".join(f"{k}={v}" for k, v in value) if key == "extra" else value
        write(f"  {key}: {shown}\n")
    write(f"participants: {len(data['participants'])}\n")
    for p in data["participants"]:
        role = f", {p['role']}" if p["role"] else ""
        anon = " (not named)" if p["anonymous"] else ""
        turns = f"{p['turns']} turn" + ("" if p["turns"] == 1 else "s")
        write(f"  {p['id']}: {p['name']}{role}{anon} - {turns}, {p['words']} words\n")
        extra_labels = [label for label in p["labels"] if label != p["name"]]
        if extra_labels:
            write(f"      also printed as: {'; '.join(extra_labels)}\n")
    write(f"preamble: {data['preamble_blocks']} blocks\n")
    write(f"turns: {data['turns']}\n")
    write(f"paragraphs: {data['paragraphs']}\n")
    write(f"notes: {data['notes']}\n")
    write(f"words: {data['words']}\n")
    write(f"diagnostics: {len(data['diagnostics'])}\n")
    for d in data["diagnostics"]:
        where = f"line {d['line']}: " if d["line"] else ""
        write(f"  {where}{d['severity']}: {d['message']} [{d['code']}]\n")


def _run_inspect(args: argparse.Namespace, io: _Streams) -> int:
    stdout = io.text_out
    parse_options = _parse_options(args)
    if args.file == STDIO:
        head = io.stdin.read()
        transcript = _read_bytes(head, args, parse_options)
        _fail_on(args, transcript.diagnostics, STDIN_NAME)
    else:  # read as convert reads it: a sidecar metadata file applies
        transcript = _read_input(args.file, args, parse_options, io.stdin)
        with open(args.file, "rb") as f:
            head = f.read(SNIFF_BYTES)
    name = STDIN_NAME if args.file == STDIO else args.file
    reader = get_host().reader(args.source_format) if args.source_format else pick_reader(head, name)
    report = _inspection(transcript, name, reader.name if reader else "text")
    if args.json:
        _write_json(stdout, report)
    else:
        _print_inspection(report, stdout)
    return EXIT_OK


# -- formats and plugins -------------------------------------------------------


#: The sections of ``stenogram formats``: each kind, its title, and the flag that sets its options.
_FORMAT_SECTIONS = (
    ("exporter", "export formats (--to)", "--set"),
    ("reader", "input formats (--from)", "--parse"),
    ("corpus", "corpus formats: many transcripts in one output (stenogram corpus --to)", "--set"),
)


def _run_formats(args: argparse.Namespace, io: _Streams) -> int:
    stdout = io.text_out
    found = formats()
    if args.json:
        _write_json(stdout, [attrs.asdict(f) for f in found])
        return EXIT_OK
    for kind, title, flag in _FORMAT_SECTIONS:
        stdout.write(f"{title}:\n")
        for f in (f for f in found if f.kind == kind):
            suffixes = " ".join(f.suffixes) or (f"({f.output})" if f.output else "")
            binary = ", binary" if f.binary else ""
            media = f" {f.media_type}{binary}" if f.media_type else ""
            stdout.write(f"  {f.name:<12} {suffixes:<12}{media}  [{f.plugin}]\n")
            stdout.write(f"      {f.description}\n")
            for o in f.options:
                hint = f"  {o.help}" if o.help else ""
                stdout.write(f"      {flag} {o.name}=… ({o.accepts}; default: {o.default_text}){hint}\n")
    return EXIT_OK


def _run_plugins(args: argparse.Namespace, io: _Streams) -> int:
    stdout = io.text_out
    host = get_host()
    infos = host.plugins()
    if args.json:
        _write_json(
            stdout,
            {
                "plugins": [attrs.asdict(p) for p in infos],
                "overridden": host.overridden,
                "load_errors": [
                    {"plugin": e.plugin, "distribution": e.distribution, "error": e.error} for e in host.load_errors
                ],
            },
        )
        return EXIT_OK
    for p in infos:
        origin = " ".join(x for x in (p.distribution, p.version) if x) or "registered in-process"
        stdout.write(f"{p.name}  ({origin}{', built-in' if p.builtin else ''})\n")
        stdout.write(f"    hooks: {', '.join(p.hooks) or 'none'}\n")
        if p.exporters or p.readers:
            stdout.write(f"    exporters: {', '.join(p.exporters) or '-'}; readers: {', '.join(p.readers) or '-'}\n")
    for line in host.overridden:
        stdout.write(f"overridden: {line}\n")
    errors = host.load_errors
    stdout.write(f"load errors: {len(errors) or 'none'}\n")
    for e in errors:
        stdout.write(f"  {e}\n")
        if args.verbose and e.detail:
            stdout.write("".join(f"      {line}\n" for line in e.detail.rstrip().splitlines()))
    return EXIT_OK


# -- completion ------------------------------------------------------------------


def _run_completion(args: argparse.Namespace, io: _Streams) -> int:
    from stenogram.completion import script

    io.text_out.write(script(args.shell, build_parser(), formats()))
    return EXIT_OK


# -- entry point ---------------------------------------------------------------


COMMANDS: dict[str, Callable[[argparse.Namespace, _Streams], int]] = {
    "convert": _run_convert,
    "corpus": lambda args, io: run_corpus(args, io.stderr),
    "inspect": _run_inspect,
    "formats": _run_formats,
    "plugins": _run_plugins,
    "completion": _run_completion,
}


def _plugins_for(args: argparse.Namespace) -> AbstractContextManager[object]:
    """``--strict-plugins`` loads a strict host for this run only; the host in use comes back after it."""
    return using_host(PluginHost.discover(strict=True)) if args.strict_plugins else nullcontext()


def _parse(parser: argparse.ArgumentParser, argv: Sequence[str] | None) -> argparse.Namespace | int:
    try:
        return parser.parse_args(argv)
    except SystemExit as exc:  # --help, --version and argparse's own usage errors
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE


def _escape_unencodable(exc: UnicodeError) -> tuple[str | bytes, int]:
    """``surrogateescape`` for the bytes of an undecodable file name, ``backslashreplace`` for the rest."""
    if isinstance(exc, UnicodeEncodeError):
        held = exc.object[exc.start : exc.end]
        if all("\udc80" <= c <= "\udcff" for c in held):
            return bytes(ord(c) - 0xDC00 for c in held), exc.end
    return codecs.backslashreplace_errors(exc)


codecs.register_error("stenogram-escape", _escape_unencodable)


def _tolerant(stream: TextIO) -> TextIO:
    """A text stream that writes what its encoding cannot hold as ``\\u…`` escapes: under
    ``PYTHONIOENCODING=ascii`` or a C locale, a name like ``ü.txt`` ended ``inspect`` and ``formats``
    with an UnicodeEncodeError."""
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is not None and getattr(stream, "errors", None) in ("strict", "surrogateescape", "backslashreplace"):
        with suppress(Exception):  # a stream that cannot be reconfigured is left as it is
            reconfigure(errors="stenogram-escape")
    return stream


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code (the console script exits with it)."""
    text_out, stderr = _tolerant(sys.stdout), _tolerant(sys.stderr)  # before --help prints
    parser = build_parser()
    args = _parse(parser, argv)
    if isinstance(args, int):
        return args
    io = _Streams(sys.stdin.buffer, sys.stdout.buffer, text_out, stderr)
    if args.command is None:  # bare "stenogram": what it can do, not an error
        parser.print_help(io.text_out)
        return EXIT_OK
    try:
        with _plugins_for(args):
            code = COMMANDS[args.command](args, io)
            io.text_out.flush()
            return code
    except (UsageError, UnknownFormatError, BatchUsageError, CorpusUsageError) as exc:
        _error(io.stderr, str(exc))
        return EXIT_USAGE
    except StenogramError as exc:
        _error(io.stderr, _describe(exc))
        return EXIT_USAGE if isinstance(exc, OptionError) else EXIT_FAILED
    except BrokenPipeError:
        # Python's advice: point stdout at devnull so the flush at exit does not fail again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_FAILED
    except OSError as exc:
        _error(io.stderr, _describe(exc))
        return EXIT_FAILED
    except KeyboardInterrupt:
        io.stderr.write("\ninterrupted\n")
        return 130
    except Exception as exc:  # a bug: still one line, the traceback on request
        _error(io.stderr, _describe(exc))
        if os.environ.get(DEBUG_VARIABLE):
            import traceback

            io.stderr.write("".join(traceback.format_exception(exc)))
        return EXIT_FAILED


def nothing_to_clean_up() -> bool:
    """Whether the interpreter's clean-up at exit would do nothing but free memory.

    True when no ``atexit`` function is registered (logging and Dask register
    theirs, executors theirs with ``threading``), no other thread runs and no
    child process of ``multiprocessing`` is left.
    """
    import atexit
    import threading

    if atexit._ncallbacks() or threading.active_count() > 1 or getattr(threading, "_threading_atexits", None):
        return False  # the last: executors' exit hooks (concurrent.futures registers them on import)
    children = sys.modules.get("multiprocessing")
    return children is None or not children.active_children()


def run() -> NoReturn:
    """The console script: ``main()``, then exit without freeing every object one by one.

    Tearing the interpreter down costs a one-file conversion about a tenth of
    its time, all of it spent freeing memory the system takes back at once
    (mypy exits the same way). Output is flushed first; when anything else is
    left to clean up (``nothing_to_clean_up``), the exit is the ordinary one.
    """
    code = main()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except OSError:
        sys.exit(code)
    if nothing_to_clean_up():
        os._exit(code)
    sys.exit(code)


if __name__ == "__main__":  # pragma: no cover
    run()
