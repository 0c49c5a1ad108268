"""The public face of the plugin registries: formats(), export(), read()."""

from __future__ import annotations

import os
import types
import typing
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import attrs

from stenogram.atomic import write_atomic
from stenogram.errors import ExportError, OptionError, ReadError, StenogramError
from stenogram.model import Transcript
from stenogram.plugins import ExporterInfo, ReaderInfo, get_host

__all__ = ["FormatInfo", "coerce_option", "export", "export_file", "formats", "make_options", "read"]

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


def formats() -> list[FormatInfo]:
    """Every exporter and reader there is, sorted by kind and name."""
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
        )
        for e in host.exporters.values()
    ]
    out += [
        FormatInfo(name=r.name, kind="reader", description=r.description, plugin=r.plugin, suffixes=r.suffixes)
        for r in host.readers.values()
    ]
    return sorted(out, key=lambda f: (f.kind, f.name))


_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off"}


def coerce_option(name: str, annotation: Any, value: Any) -> Any:
    """Check ``value`` against a field's type, converting strings (from the CLI) where that is unambiguous."""
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if annotation is Any:
        return value
    if origin in (typing.Union, types.UnionType):
        if value is None and type(None) in args:
            return None
        errors = []
        for arg in args:
            if arg is type(None):
                continue
            try:
                return coerce_option(name, arg, value)
            except OptionError as exc:
                errors.append(str(exc))
        raise OptionError(errors[0] if errors else f"option {name!r}: bad value {value!r}")
    if origin is typing.Literal:
        for choice in args:
            if value == choice or (isinstance(value, str) and str(choice) == value):
                return choice
        raise OptionError(f"option {name!r} must be one of {', '.join(map(repr, args))}, not {value!r}")
    if origin is tuple:
        if isinstance(value, str):
            value = tuple(part.strip() for part in value.split(",") if part.strip())
        if not isinstance(value, (tuple, list)):
            raise OptionError(f"option {name!r} expects a list, not {value!r}")
        member = args[0] if args else Any
        return tuple(coerce_option(name, member, v) for v in value)
    if annotation is bool:
        if isinstance(value, bool):
            return value
        if isinstance(value, str) and value.lower() in _TRUE | _FALSE:
            return value.lower() in _TRUE
        raise OptionError(f"option {name!r} expects true or false, not {value!r}")
    if annotation in (int, float):
        if isinstance(value, bool):
            raise OptionError(f"option {name!r} expects a number, not {value!r}")
        if isinstance(value, (int, float)) and (annotation is float or isinstance(value, int)):
            return annotation(value)
        if isinstance(value, str):
            try:
                return annotation(value)
            except ValueError:
                pass
        raise OptionError(f"option {name!r} expects {'an integer' if annotation is int else 'a number'}, not {value!r}")
    if annotation is str:
        if isinstance(value, str):
            return value
        raise OptionError(f"option {name!r} expects text, not {value!r}")
    if annotation is Path:
        if isinstance(value, (str, os.PathLike)):
            return Path(value)
        raise OptionError(f"option {name!r} expects a path, not {value!r}")
    if isinstance(annotation, type) and isinstance(value, annotation):
        return value
    if isinstance(annotation, type) and isinstance(value, str):
        try:
            return annotation(value)
        except Exception:
            pass
    raise OptionError(f"option {name!r} cannot take {value!r}")


def make_options(options_class: type, options: object | None = None, overrides: Mapping[str, Any] | None = None) -> Any:
    """An options instance: ``options`` (or the defaults) with ``overrides`` applied and checked."""
    if options is None:
        options = options_class()
    elif not isinstance(options, options_class):
        raise OptionError(f"options must be a {options_class.__name__}, not {type(options).__name__}")
    if not overrides:
        return options
    hints = typing.get_type_hints(options_class)
    fields = {f.name: f for f in attrs.fields(options_class)}
    changes = {}
    for key, value in overrides.items():
        if key not in fields:
            known = ", ".join(sorted(fields)) or "none"
            raise OptionError(f"unknown option {key!r} for {options_class.__name__}; options: {known}")
        changes[key] = coerce_option(key, hints.get(key, Any), value)
    try:
        return attrs.evolve(options, **changes)  # type: ignore[misc]
    except (TypeError, ValueError) as exc:
        raise OptionError(f"bad options for {options_class.__name__}: {exc}") from None


def export(transcript: Transcript, fmt: str, options: object | None = None, **overrides: Any) -> str | bytes:
    """Render ``transcript`` in format ``fmt``; keyword overrides set single options."""
    info: ExporterInfo = get_host().exporter(fmt)
    opts = make_options(info.options, options, overrides)
    try:
        return info.export(transcript, opts)
    except StenogramError:
        raise
    except Exception as exc:  # an exporter's bug must still name the exporter
        raise ExportError(f"exporter {fmt!r} ({info.plugin}) failed: {type(exc).__name__}: {exc}") from exc


def export_file(
    transcript: Transcript, fmt: str, path: str | os.PathLike[str], options: object | None = None, **overrides: Any
) -> Path:
    """Export and write atomically: a temp file beside ``path``, then a rename."""
    return write_atomic(path, export(transcript, fmt, options, **overrides))


def _pick_reader(data: bytes, name: str | None) -> ReaderInfo | None:
    readers = get_host().readers
    if name:
        lowered = name.lower()
        for r in readers.values():
            if any(lowered.endswith(s) for s in r.suffixes):
                return r
    head = data[:SNIFF_BYTES]
    for r in sorted(readers.values(), key=lambda r: r.name):
        if r.sniff is not None and r.sniff(head):
            return r
    return None


def read(source: str | os.PathLike[str] | bytes, fmt: str | None = None, *, encoding: str | None = None) -> Transcript:
    """Read a transcript in any registered format; plain text is the fallback.

    ``source`` is a path, or the raw bytes. ``fmt`` names the reader (``"text"``
    forces the plain-text parser); without it the file's suffix decides, then
    the content.
    """
    from stenogram.parse import parse_bytes

    if isinstance(source, bytes):
        data, name = source, None
    else:
        path = Path(source)
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise ReadError(f"{path}: cannot read: {exc.strerror or exc}") from None
        name = str(path)
    if fmt == "text":
        reader = None
    elif fmt is not None:
        reader = get_host().reader(fmt)
    else:
        reader = _pick_reader(data, name)
    if reader is None:
        return parse_bytes(data, encoding=encoding, source=name)
    return reader.read(data, name)  # type: ignore[no-any-return]
