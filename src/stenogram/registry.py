"""The records a plugin registers, each checked as it is made (attrs validators), and what listings show.

``ExporterInfo`` and ``ReaderInfo`` hold the callables; ``FormatInfo`` holds
only what ``stenogram formats``, ``--help`` and completion need (names,
suffixes, option descriptions), so it can be cached and read back without
importing the plugin. Options are described when the record is made: an
options class whose annotations cannot be resolved fails there, as that
plugin's load error, and never later in a listing.
"""

from __future__ import annotations

import re
import typing
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, BinaryIO

import attrs

from stenogram.diagnostics import Diagnostic
from stenogram.errors import PluginError
from stenogram.model import Transcript
from stenogram.options import OptionInfo, describe_options

__all__ = [
    "CollectionExportFunction",
    "CollectionExporterInfo",
    "ExportFunction",
    "ExporterInfo",
    "FormatInfo",
    "NoOptions",
    "ReadFunction",
    "ReaderInfo",
    "Rendered",
    "SniffFunction",
    "WriteFunction",
]

_NAME_RE = re.compile(r"[a-z0-9][a-z0-9_.\-]*\Z")
_SUFFIX_RE = re.compile(r"\.[A-Za-z0-9_.\-]+\Z")


@attrs.frozen(kw_only=True)
class NoOptions:
    """The options class of a format that takes none."""


def _diagnostics(value: Iterable[Diagnostic]) -> tuple[Diagnostic, ...]:
    return tuple(value)


def _strings(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


def _option_infos(value: Iterable[OptionInfo | Mapping[str, Any]]) -> tuple[OptionInfo, ...]:
    """Option descriptions, also from the plain mappings the plugin cache stores."""
    return tuple(o if isinstance(o, OptionInfo) else OptionInfo(**o) for o in value)


@attrs.frozen
class Rendered:
    """What an exporter may return instead of bare data: the data and what it had to decide on the way.

    ``diagnostics`` are shown by the CLI like the parser's, and returned by
    ``stenogram.export_rendered``.
    """

    data: str | bytes
    diagnostics: tuple[Diagnostic, ...] = attrs.field(default=(), converter=_diagnostics)


#: ``export(transcript, options) -> str | bytes | Rendered``; ``options`` is an instance of the registered class.
ExportFunction = Callable[[Transcript, Any], "str | bytes | Rendered"]
#: ``write(transcript, options, fh) -> diagnostics``: the bytes ``export`` gives (text as UTF-8), streamed into ``fh``.
WriteFunction = Callable[[Transcript, Any, BinaryIO], Sequence[Diagnostic]]
#: ``read(data, name, options) -> Transcript``; ``name`` is the file name for messages, or ``None``.
ReadFunction = Callable[[bytes, "str | None", Any], Transcript]
#: ``sniff(head) -> bool``: does this start of a file look like the reader's format?
SniffFunction = Callable[[bytes], bool]


def _kind(inst: Any) -> str:
    return (
        "exporter" if isinstance(inst, ExporterInfo) else "reader" if isinstance(inst, ReaderInfo) else "corpus format"
    )


def _problem(inst: Any, problem: str) -> PluginError:
    return PluginError(f"plugin {inst.plugin!r} registered {_kind(inst)} {inst.name!r}: {problem}")


def _check(ok: Callable[[Any], bool], problem: str) -> Callable[[Any, attrs.Attribute[Any], Any], None]:
    def validator(inst: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if not ok(value):
            raise _problem(inst, problem)

    return validator


def _options_ok(inst: Any, attribute: attrs.Attribute[Any] | None, options: Any) -> None:
    """Frozen attrs, every field with a default: the host makes instances from ``--set`` values."""
    if not (isinstance(options, type) and attrs.has(options)):
        raise _problem(inst, "options is not an attrs class")
    try:
        instance = options()
    except Exception as exc:
        raise _problem(inst, f"every option needs a default ({exc})") from None
    fields = attrs.fields(options)
    if fields:
        try:
            setattr(instance, fields[0].name, getattr(instance, fields[0].name))
        except attrs.exceptions.FrozenInstanceError:
            return
        raise _problem(inst, "options must be frozen (@attrs.frozen)")


def _describe(inst: Any) -> tuple[OptionInfo, ...]:
    """The options' descriptions, made now so a broken annotation is this plugin's load error."""
    options = inst.options
    _options_ok(inst, None, options)  # a class that cannot be described is refused with the reason first
    try:
        return describe_options(options)
    except Exception as exc:  # NameError: an annotation imported under TYPE_CHECKING only
        raise PluginError(
            f"plugin {inst.plugin!r} registered {_kind(inst)} {inst.name!r}: the options class {options.__name__}"
            f" cannot be described ({type(exc).__name__}: {exc}); its annotations must resolve at run time"
        ) from None


def _is_name(value: Any) -> bool:
    return isinstance(value, str) and bool(_NAME_RE.match(value))


def _is_suffix(value: Any) -> bool:
    return isinstance(value, str) and bool(_SUFFIX_RE.match(value))


def _is_pattern(value: Any) -> bool:
    if value is None:
        return True
    try:
        re.compile(value)
    except (re.error, TypeError):
        return False
    return isinstance(value, str)


_NAME = _check(_is_name, "a name must be lower-case letters, digits, '.', '_' or '-'")
_TEXT = _check(lambda v: isinstance(v, str), "description is not text")


@attrs.frozen(kw_only=True)
class ExporterInfo:
    """One registered exporter: what ``Registrar.add_exporter`` makes, checked field by field."""

    name: str = attrs.field(validator=_NAME)
    export: ExportFunction = attrs.field(eq=False, repr=False, validator=_check(callable, "export is not callable"))
    options: type = attrs.field(validator=_options_ok)
    media_type: str = attrs.field(
        validator=_check(lambda v: isinstance(v, str) and "/" in v, "media_type is not a media type")
    )
    suffix: str = attrs.field(validator=_check(_is_suffix, "suffix must be like '.md'"))
    description: str = attrs.field(validator=_TEXT)
    binary: bool = attrs.field(validator=_check(lambda v: isinstance(v, bool), "binary is not True or False"))
    plugin: str
    write: WriteFunction | None = attrs.field(
        default=None,
        eq=False,
        repr=False,
        validator=_check(lambda v: v is None or callable(v), "write is not callable"),
    )
    described: tuple[OptionInfo, ...] = attrs.field(
        init=False, eq=False, repr=False, default=attrs.Factory(_describe, takes_self=True)
    )


def _suffixes(value: Any) -> Any:
    """Lower-cased, so matching ignores case; anything but a list or tuple is left for the validator to refuse."""
    return tuple(s.lower() if isinstance(s, str) else s for s in value) if isinstance(value, (tuple, list)) else value


@attrs.frozen(kw_only=True)
class ReaderInfo:
    """One registered reader.

    ``magic`` is a regular expression searched in the first 4 KiB (decoded as
    Latin-1): it is cached, so an input without a suffix imports only the
    readers whose pattern matches; ``sniff`` then confirms, if given.
    """

    name: str = attrs.field(validator=_NAME)
    read: ReadFunction = attrs.field(eq=False, repr=False, validator=_check(callable, "read is not callable"))
    options: type = attrs.field(validator=_options_ok)
    suffixes: tuple[str, ...] = attrs.field(
        converter=_suffixes,
        validator=_check(
            lambda v: isinstance(v, tuple) and all(_is_suffix(s) for s in v), "suffixes must be a tuple like ('.xml',)"
        ),
    )
    description: str = attrs.field(validator=_TEXT)
    sniff: SniffFunction | None = attrs.field(
        eq=False, repr=False, validator=_check(lambda v: v is None or callable(v), "sniff is not callable")
    )
    magic: str | None = attrs.field(default=None, validator=_check(_is_pattern, "magic is not a regular expression"))
    plugin: str
    described: tuple[OptionInfo, ...] = attrs.field(
        init=False, eq=False, repr=False, default=attrs.Factory(_describe, takes_self=True)
    )


#: ``export(transcripts, sink, options) -> diagnostics``: a corpus format (``stenogram.collection``).
CollectionExportFunction = Callable[[Iterable[Transcript], Any, Any], Sequence[Diagnostic]]


@attrs.frozen(kw_only=True)
class CollectionExporterInfo:
    """One corpus format: many transcripts, one output (``"file"`` with ``suffix``, or ``"folder"``)."""

    name: str = attrs.field(validator=_NAME)
    export: CollectionExportFunction = attrs.field(
        eq=False, repr=False, validator=_check(callable, "export is not callable")
    )
    options: type = attrs.field(validator=_options_ok)
    output: typing.Literal["file", "folder"] = attrs.field(
        validator=_check(lambda v: v in ("file", "folder"), "output must be 'file' or 'folder'")
    )
    suffix: str = attrs.field(validator=_check(lambda v: v == "" or _is_suffix(v), "suffix must be like '.docx'"))
    description: str = attrs.field(validator=_TEXT)
    plugin: str
    described: tuple[OptionInfo, ...] = attrs.field(
        init=False, eq=False, repr=False, default=attrs.Factory(_describe, takes_self=True)
    )

    def __attrs_post_init__(self) -> None:
        if self.output == "file" and not self.suffix:
            raise _problem(self, "a format that writes one file needs its suffix")


@attrs.frozen(kw_only=True)
class FormatInfo:
    """One line of ``stenogram formats``: an exporter, a reader or a corpus format, as the plugin cache keeps it.

    ``kind`` is ``"corpus"`` for a format of ``stenogram corpus`` (many
    transcripts, one output); its ``output`` is ``"file"`` or ``"folder"``.
    """

    name: str
    kind: typing.Literal["exporter", "reader", "corpus"]
    description: str
    plugin: str
    suffixes: tuple[str, ...] = attrs.field(converter=_strings)
    media_type: str | None = None
    binary: bool = False
    options: tuple[OptionInfo, ...] = attrs.field(default=(), converter=_option_infos)
    magic: str | None = None
    sniffs: bool = False
    output: typing.Literal["file", "folder"] | None = None

    @classmethod
    def of(cls, record: ExporterInfo | ReaderInfo | CollectionExporterInfo) -> FormatInfo:
        if isinstance(record, ExporterInfo):
            return cls(
                name=record.name,
                kind="exporter",
                description=record.description,
                plugin=record.plugin,
                suffixes=(record.suffix,),
                media_type=record.media_type,
                binary=record.binary,
                options=record.described,
            )
        if isinstance(record, CollectionExporterInfo):
            return cls(
                name=record.name,
                kind="corpus",
                description=record.description,
                plugin=record.plugin,
                suffixes=(record.suffix,) if record.suffix else (),
                options=record.described,
                output=record.output,
            )
        return cls(
            name=record.name,
            kind="reader",
            description=record.description,
            plugin=record.plugin,
            suffixes=record.suffixes,
            options=record.described,
            magic=record.magic,
            sniffs=record.sniff is not None,
        )
