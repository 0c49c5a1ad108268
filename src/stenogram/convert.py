"""The public face of the plugin registries: formats(), read(), export(), export_text(), export_bytes(), export_file().

>>> from stenogram import parse
>>> t = parse("Anna Petrova: Good morning.\\n")
>>> export_text(t, "json", indent=0).startswith('{"schema_version": 2')
True
>>> export(t, "json", indent="two")
Traceback (most recent call last):
...
stenogram.errors.OptionError: option 'indent' expects an integer, not 'two'
"""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import attrs

from stenogram.atomic import check_writable, open_atomic, write_atomic
from stenogram.diagnostics import Diagnostic
from stenogram.errors import ExportError, OptionError, OverwriteError, ReadError, StenogramError, require
from stenogram.infile import read_whole
from stenogram.model import Transcript
from stenogram.options import make_options
from stenogram.parse.options import ParseOptions
from stenogram.registry import FormatInfo, Rendered
from stenogram.surrogates import utf8

__all__ = [
    "FormatInfo",
    "Rendered",
    "export",
    "export_bytes",
    "export_file",
    "export_rendered",
    "export_text",
    "formats",
    "read",
    "write_export",
]

if TYPE_CHECKING:
    from stenogram.plugins import ExporterInfo, PluginHost, ReaderInfo

SNIFF_BYTES = 4096
_T = TypeVar("_T")


def get_host() -> PluginHost:
    """The plugin host, imported on first use: ``import stenogram`` does not load pluggy."""
    from stenogram.plugins import get_host as host

    return host()


def formats() -> list[FormatInfo]:
    """Every exporter, reader and corpus format there is, sorted by kind and name; no plugin is imported for it.

    >>> [(f.kind, f.name) for f in formats() if f.name in ("json", "text")]
    [('exporter', 'json'), ('reader', 'json'), ('reader', 'text')]
    """
    return get_host().formats()


def export_rendered(
    transcript: Transcript, fmt: str, options: object | Mapping[str, Any] | None = None, **overrides: Any
) -> Rendered:
    """Render ``transcript`` in format ``fmt``: the data and the exporter's diagnostics.

    Keyword overrides set single options. The data is ``str`` for text
    formats and ``bytes`` for binary ones (``FormatInfo.binary``).

    >>> from stenogram import parse
    >>> export_rendered(parse("Anna Petrova: Hello.\\n"), "markdown").diagnostics
    ()
    """
    info, opts = _exporter(transcript, fmt, options, overrides)
    return _render(info, transcript, opts)


def _render(info: ExporterInfo, transcript: Transcript, opts: object) -> Rendered:
    """The exporter's ``export``, its result checked: the data of the registered type, with diagnostics."""
    result = _run(info, lambda: info.export(transcript, opts))
    rendered = result if isinstance(result, Rendered) else Rendered(result)
    expected = bytes if info.binary else str
    if not isinstance(rendered.data, expected):
        got = type(rendered.data).__name__
        raise ExportError(f"exporter {info.name!r} ({info.plugin}) returned {got}, not {expected.__name__}")
    return rendered


def _exporter(
    transcript: Transcript, fmt: str, options: object | Mapping[str, Any] | None, overrides: Mapping[str, Any]
) -> tuple[ExporterInfo, object]:
    require(transcript, Transcript, "export", "the transcript", "a Transcript")
    require(fmt, str, "export", "the format", "a name (str)")
    info: ExporterInfo = get_host().exporter(fmt)
    return info, make_options(info.options, options, overrides)


def _run(info: ExporterInfo, call: Callable[[], _T], *, writing: bool = False) -> _T:
    """One call into an exporter, with the cyclic collector paused; any failure of its own names it.

    The collector is paused as for one parse: an export makes many small objects and few cycles, and
    collection passes that rescan them cost up to a tenth of its time. ``writing``: an ``OSError`` that
    names no file is the output's (a full disk) and is left for the atomic writer to name.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        return call()
    except (StenogramError, KeyboardInterrupt, GeneratorExit):
        raise
    except BaseException as exc:  # an exporter's bug (even sys.exit()) must still name the exporter
        if writing and isinstance(exc, OSError) and exc.filename is None:
            raise
        raise ExportError(f"exporter {info.name!r} ({info.plugin}) failed: {type(exc).__name__}: {exc}") from exc
    finally:
        if enabled:
            gc.enable()


def write_export(
    transcript: Transcript,
    fmt: str,
    target: Path,
    options: object | Mapping[str, Any] | None = None,
    *,
    check: Callable[[tuple[Diagnostic, ...]], None] | None = None,
    **overrides: Any,
) -> tuple[Diagnostic, ...]:
    """Export into ``target`` atomically and return the exporter's diagnostics; ``target`` is already checked.

    An exporter with a ``write`` function streams into the temp file (a large output is never held whole);
    the others render, then the data is written. ``check(diagnostics)`` may raise to refuse the output
    (``--fail-on``): then nothing is written.
    """
    info, opts = _exporter(transcript, fmt, options, overrides)
    if info.write is None:
        rendered = _render(info, transcript, opts)
        if check is not None:
            check(rendered.diagnostics)
        write_atomic(target, rendered.data)
        return rendered.diagnostics
    stream = info.write
    with open_atomic(target) as fh:
        found = _run(info, lambda: stream(transcript, opts, fh), writing=True)
        if fh.closed:  # the file is ours to finish (flush, sync, rename)
            raise ExportError(f"exporter {fmt!r} ({info.plugin}) closed the file it was writing")
        if (
            not isinstance(found, Sequence)
            or isinstance(found, str)
            or not all(isinstance(d, Diagnostic) for d in found)
        ):
            raise ExportError(f"exporter {fmt!r} ({info.plugin}) wrote a file but returned no diagnostics list")
        diagnostics = tuple(found)
        if check is not None:
            check(diagnostics)
    return diagnostics


def export(
    transcript: Transcript, fmt: str, options: object | Mapping[str, Any] | None = None, **overrides: Any
) -> str | bytes:
    """Render ``transcript`` in format ``fmt``: ``str`` for text formats, ``bytes`` for binary ones.

    Kept for compatibility; ``export_text`` and ``export_bytes`` say their type.
    """
    return export_rendered(transcript, fmt, options, **overrides).data


def export_text(
    transcript: Transcript, fmt: str, options: object | Mapping[str, Any] | None = None, **overrides: Any
) -> str:
    """Render in a text format; a binary format (``docx``) is an ``ExportError`` that says to use ``export_bytes``."""
    if get_host().describe("exporter", fmt).binary:
        raise ExportError(f"{fmt!r} is a binary format; use export_bytes() or export_file()")
    data = export_rendered(transcript, fmt, options, **overrides).data
    assert isinstance(data, str)
    return data


def export_bytes(
    transcript: Transcript, fmt: str, options: object | Mapping[str, Any] | None = None, **overrides: Any
) -> bytes:
    """Render in any format as bytes: a text format is encoded as UTF-8."""
    data = export_rendered(transcript, fmt, options, **overrides).data
    return utf8(data) if isinstance(data, str) else data


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
    require(path, (str, os.PathLike), "export_file", "the path", "a str or os.PathLike")
    target = check_target(path, source)
    write_export(transcript, fmt, target, options, **overrides)
    return target


def check_target(path: str | os.PathLike[str], source: str | os.PathLike[str] | None) -> Path:
    """Where ``export_file`` may write: never the input (``OverwriteError``), a writable path (``WriteError``)."""
    target = check_writable(path)
    require(source, (str, os.PathLike, type(None)), "export_file", "the source", "a path or None")
    if source is not None and (_same_file(target, Path(source)) or target.absolute() == Path(source).absolute()):
        raise OverwriteError(f"{target}: refusing to overwrite the input file")
    return target


def pick_reader(data: bytes, name: str | None = None) -> ReaderInfo | None:
    """The reader for ``data``: longest matching suffix of ``name``, then content; ``None`` means plain text.

    Only the readers whose cached pattern matches are imported (``PluginHost.pick_reader``).
    """
    return get_host().pick_reader(data[:SNIFF_BYTES], name)


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


def _changed(options: ParseOptions) -> dict[str, Any]:
    defaults = ParseOptions()
    return {
        f.name: getattr(options, f.name)
        for f in attrs.fields(ParseOptions)
        if getattr(options, f.name) != getattr(defaults, f.name)
    }


def check_parse_options(reader: ReaderInfo | FormatInfo, options: ParseOptions, name: str | None = None) -> None:
    """Refuse parse options a reader would drop: they shape plain text, not a transcript stored as JSON or TEI."""
    taken = {o.name for o in (reader.options if isinstance(reader, FormatInfo) else reader.described)}
    refused = {k: v for k, v in _changed(options).items() if k not in taken}
    if not refused:
        return
    given = ", ".join(f"{k}={v!r}" for k, v in refused.items())
    takers = [f.name for f in formats() if f.kind == "reader" and set(refused) <= {o.name for o in f.options}]
    raise OptionError(
        f"{name or '<input>'}: parse options ({given}) apply to {', '.join(takers) or 'no'} input;"
        f" the {reader.name!r} reader ({reader.plugin}) does not take them"
    )


def reader_options(
    reader: ReaderInfo,
    options: object | Mapping[str, Any] | None = None,
    *,
    parse_options: ParseOptions | Mapping[str, Any] | None = None,
    encoding: str | None = None,
    name: str | None = None,
) -> Any:
    """The reader's options instance: ``options``, the parse options that differ from their defaults, the encoding."""
    parsed: ParseOptions = make_options(ParseOptions, parse_options)
    check_parse_options(reader, parsed, name)
    changes: dict[str, Any] = dict(_changed(parsed))
    if encoding is not None and "encoding" in {o.name for o in reader.described}:
        changes["encoding"] = encoding
    if isinstance(options, ParseOptions) and not isinstance(options, reader.options):
        options = {f.name: getattr(options, f.name) for f in attrs.fields(ParseOptions)}
    if isinstance(options, Mapping):
        changes = {**options, **changes}
        options = None
    return make_options(reader.options, options, changes)


def read(
    source: str | os.PathLike[str] | bytes,
    fmt: str | None = None,
    *,
    encoding: str | None = None,
    name: str | None = None,
    options: object | Mapping[str, Any] | None = None,
    parse_options: ParseOptions | Mapping[str, Any] | None = None,
) -> Transcript:
    """Read a transcript in any registered format; plain text is the fallback.

    ``source`` is a path, or the raw bytes (then ``name``, if given, is the
    file name used to pick the reader and in messages). ``fmt`` names the
    reader; without it the suffix decides, then the content. ``options``
    are the reader's own (its options class, or a mapping of its fields;
    see ``stenogram formats``). ``encoding`` applies to plain text.
    ``parse_options`` (``ParseOptions`` or a mapping of its fields) go to
    the readers that parse text (``text``, ``europarl``); a reader of parsed
    transcripts (JSON, TEI) cannot honour them, so a value other than the
    default is an ``OptionError`` there rather than dropped.

    >>> read(b"Anna Petrova: Good morning.\\n").turns[0].label
    'Anna Petrova'
    >>> read(b"Anna Petrova: Good morning.\\n(Applause.)\\n", parse_options={"stage_notes": True}).notes[0].text
    '(Applause.)'
    """
    require(source, (str, os.PathLike, bytes, bytearray, memoryview), "read", "the source", "a path or bytes")
    require(fmt, (str, type(None)), "read", "the format", "a name (str) or None")
    if isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source)
    else:
        path = Path(source)
        try:
            data = read_whole(path)
        except (OSError, ValueError) as exc:  # ValueError: a NUL in the path
            raise ReadError(f"{path}: cannot read: {getattr(exc, 'strerror', None) or exc}") from None
        name = name or str(path)
    host = get_host()
    reader = host.reader(fmt) if fmt is not None else pick_reader(data, name)
    if reader is None:
        _refuse_known_binary(data, name)
        reader = host.reader("text")
    opts = reader_options(reader, options, parse_options=parse_options, encoding=encoding, name=name)
    try:
        result = reader.read(data, name, opts)
    except (StenogramError, KeyboardInterrupt, GeneratorExit):
        raise
    except BaseException as exc:  # a reader's bug (even sys.exit()) must still name the reader and the file
        where = f"{name or '<input>'}: reader {reader.name!r} ({reader.plugin})"
        raise ReadError(f"{where} failed: {type(exc).__name__}: {exc}") from exc
    if not isinstance(result, Transcript):
        raise ReadError(f"reader {reader.name!r} ({reader.plugin}) returned {type(result).__name__}, not a Transcript")
    return result
