"""The public face of the plugin registries: formats(), export(), export_file(), read().

>>> from stenogram import parse
>>> t = parse("Anna Petrova: Good morning.\\n")
>>> export(t, "json", indent=0).startswith('{"schema_version": 2')
True
>>> export(t, "json", indent="two")
Traceback (most recent call last):
...
stenogram.errors.OptionError: option 'indent' expects an integer, not 'two'
"""

from __future__ import annotations

import os
import typing
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import attrs

from stenogram.atomic import write_atomic
from stenogram.errors import ExportError, OptionError, OverwriteError, ReadError, StenogramError, StrictModeError
from stenogram.model import Transcript
from stenogram.options import OptionInfo, coerce_option, describe_options, make_options
from stenogram.parse.options import ParseOptions
from stenogram.plugins import ExporterInfo, ReaderInfo, get_host

__all__ = [
    "FormatInfo",
    "OptionInfo",
    "OverwriteError",
    "check_parse_options",
    "coerce_option",
    "describe_options",
    "export",
    "export_file",
    "formats",
    "make_options",
    "pick_reader",
    "read",
]

SNIFF_BYTES = 4096


@attrs.frozen(kw_only=True)
class FormatInfo:
    """One line of ``stenogram formats``: an exporter or a reader."""

    name: str
    kind: typing.Literal["exporter", "reader"]
    description: str
    plugin: str
    suffixes: tuple[str, ...]
    media_type: str | None = None
    binary: bool = False
    options: tuple[OptionInfo, ...] = ()


def formats() -> list[FormatInfo]:
    """Every exporter and reader there is, sorted by kind and name.

    >>> [(f.kind, f.name) for f in formats() if f.name in ("json", "text")]
    [('exporter', 'json'), ('reader', 'json'), ('reader', 'text')]
    """
    host = get_host()
    out = [
        FormatInfo(
            name=e.name,
            kind="exporter",
            description=e.description,
            plugin=e.plugin,
            suffixes=(e.suffix,),
            media_type=e.media_type,
            binary=e.binary,
            options=describe_options(e.options),
        )
        for e in host.exporters.values()
    ]
    out += [
        FormatInfo(
            name=r.name,
            kind="reader",
            description=r.description,
            plugin=r.plugin,
            suffixes=r.suffixes,
            options=describe_options(ParseOptions) if _parses_text(r) else (),
        )
        for r in host.readers.values()
    ]
    return sorted(out, key=lambda f: (f.kind, f.name))


def export(
    transcript: Transcript, fmt: str, options: object | Mapping[str, Any] | None = None, **overrides: Any
) -> str | bytes:
    """Render ``transcript`` in format ``fmt``; keyword overrides set single options.

    Returns ``str`` for text formats and ``bytes`` for binary ones (see
    ``FormatInfo.binary``).
    """
    info: ExporterInfo = get_host().exporter(fmt)
    opts = make_options(info.options, options, overrides)
    try:
        result = info.export(transcript, opts)
    except StenogramError:
        raise
    except Exception as exc:  # an exporter's bug must still name the exporter
        raise ExportError(f"exporter {fmt!r} ({info.plugin}) failed: {type(exc).__name__}: {exc}") from exc
    expected = bytes if info.binary else str
    if not isinstance(result, expected):
        raise ExportError(f"exporter {fmt!r} ({info.plugin}) returned {type(result).__name__}, not {expected.__name__}")
    return result


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return False


def export_file(
    transcript: Transcript,
    fmt: str,
    path: str | os.PathLike[str],
    options: object | Mapping[str, Any] | None = None,
    *,
    source: str | os.PathLike[str] | None = None,
    **overrides: Any,
) -> Path:
    """Export and write atomically: a temp file beside ``path``, then a rename.

    ``source`` is the file the transcript came from; ``export_file`` refuses
    to write over it (``OverwriteError``), even through another name for the
    same file. The transcript is rendered before anything is written, so a
    failing exporter leaves ``path`` as it was.
    """
    target = Path(path)
    if source is not None and (_same_file(target, Path(source)) or target.absolute() == Path(source).absolute()):
        raise OverwriteError(f"{target}: refusing to overwrite the input file")
    if target.is_dir():
        raise ExportError(f"{target}: is a directory")
    if not target.parent.is_dir():
        raise ExportError(f"{target}: there is no directory {target.parent}")
    return write_atomic(target, export(transcript, fmt, options, **overrides))


def pick_reader(data: bytes, name: str | None = None) -> ReaderInfo | None:
    """The reader for ``data``: longest matching suffix of ``name``, then sniffing; ``None`` means plain text."""
    readers = get_host().readers
    if name:
        lowered = name.lower()
        matches = [(len(s), r.name, r) for r in readers.values() for s in r.suffixes if lowered.endswith(s)]
        if matches:
            return max(matches, key=lambda m: (m[0], [-ord(c) for c in m[1]]))[2]
    head = data[:SNIFF_BYTES]
    for r in sorted(readers.values(), key=lambda r: r.name):
        try:
            looks_right = r.sniff is not None and r.sniff(head)
        except Exception:  # a sniffer's bug must not stop the others from looking
            looks_right = False
        if looks_right:
            return r
    return None


# The opening bytes of files people hand a transcript tool by mistake; plain text never starts so.
_BINARY_MAGIC = (
    (b"PK\x03\x04", "a ZIP archive (DOCX, ODT, XLSX …)"),
    (b"%PDF", "a PDF"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document"),
    (b"{\\rtf", "an RTF document"),
    (b"\x7fELF", "a program"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
)


def _refuse_known_binary(data: bytes, name: str | None) -> None:
    """Name the kind of a file no reader takes before the text decoder guesses at its bytes."""
    for magic, what in _BINARY_MAGIC:
        if data.startswith(magic):
            raise ReadError(
                f"{name or '<input>'}: this is {what}, not a transcript; save it as plain text,"
                " or see 'stenogram formats' for the input formats"
            )


def _parses_text(reader: ReaderInfo) -> bool:
    """Whether ``read`` hands this reader's input to the plain-text parser (a plugin's ``text`` may not)."""
    from stenogram.builtin.text_format import read_text

    return reader.read is read_text


def _builds_from_markup(reader: ReaderInfo) -> bool:
    """The Europarl reader: ``read`` hands it ``stage_notes``, its speakers come from tags (so there are no
    annotated labels to open turns for), and ``strict`` is checked on what it makes, so every option holds."""
    from stenogram.builtin.europarl import read_europarl

    return reader.read is read_europarl


def _changed(options: ParseOptions) -> dict[str, Any]:
    defaults = ParseOptions()
    return {
        f.name: getattr(options, f.name)
        for f in attrs.fields(ParseOptions)
        if getattr(options, f.name) != getattr(defaults, f.name)
    }


def check_parse_options(reader: ReaderInfo | None, options: ParseOptions, name: str | None = None) -> None:
    """Refuse parse options a reader would drop: they shape plain text, not a transcript stored as JSON or TEI."""
    changed = _changed(options)
    if not changed or reader is None or _parses_text(reader) or _builds_from_markup(reader):
        return
    given = ", ".join(f"{k}={v!r}" for k, v in changed.items())
    raise OptionError(
        f"{name or '<input>'}: parse options ({given}) apply to plain-text and Europarl input;"
        f" the {reader.name!r} reader ({reader.plugin}) does not take them"
    )


def read(
    source: str | os.PathLike[str] | bytes,
    fmt: str | None = None,
    *,
    encoding: str | None = None,
    name: str | None = None,
    parse_options: ParseOptions | Mapping[str, Any] | None = None,
) -> Transcript:
    """Read a transcript in any registered format; plain text is the fallback.

    ``source`` is a path, or the raw bytes (then ``name``, if given, is the
    file name used to pick the reader and in messages). ``fmt`` names the
    reader; without it the suffix decides, then the content. ``encoding``
    applies to plain text. ``parse_options`` (``ParseOptions`` or a mapping
    of its fields) go to the plain-text parser; a reader of parsed
    transcripts (JSON, TEI) cannot honour them, so a value other than the
    default is an ``OptionError`` there rather than dropped.

    >>> read(b"Anna Petrova: Good morning.\\n").turns[0].label
    'Anna Petrova'
    >>> read(b"Anna Petrova: Good morning.\\n(Applause.)\\n", parse_options={"stage_notes": True}).notes[0].text
    '(Applause.)'
    """
    from stenogram.parse import parse_bytes, parse_file_data

    opts: ParseOptions = make_options(ParseOptions, parse_options)
    path: Path | None = None
    if isinstance(source, bytes):
        data = source
    else:
        path = Path(source)
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise ReadError(f"{path}: cannot read: {exc.strerror or exc}") from None
        name = name or str(path)
    reader = get_host().reader(fmt) if fmt is not None else pick_reader(data, name)
    if reader is None:
        _refuse_known_binary(data, name)
    if reader is None or _parses_text(reader):
        if path is not None:  # as parse_file: a sidecar metadata file applies too
            return parse_file_data(path, data, encoding=encoding, options=opts)
        return parse_bytes(data, encoding=encoding, source=name, options=opts)
    check_parse_options(reader, opts, name)
    try:
        if _builds_from_markup(reader):
            from stenogram.builtin.europarl import read_europarl

            result = read_europarl(data, name, stage_notes=opts.stage_notes)
        else:
            result = reader.read(data, name)
    except StenogramError:
        raise
    except Exception as exc:  # a reader's bug must still name the reader and the file
        raise ReadError(f"{name or '<input>'}: reader {reader.name!r} ({reader.plugin}) failed: {exc}") from exc
    if not isinstance(result, Transcript):
        raise ReadError(f"reader {reader.name!r} ({reader.plugin}) returned {type(result).__name__}, not a Transcript")
    if opts.strict and result.diagnostics:  # as the parser does, for a reader that builds from text too
        raise StrictModeError("the reader had to guess", diagnostics=result.diagnostics, file=name)
    return result
