"""The hook specifications every stenogram plugin implements.

Hooks are few and take a ``register`` callable, so the host builds the typed
records itself and can check them (the ``register_*`` style of simonw/llm).
A plugin implements any of them with ``@stenogram.hookimpl``; pluggy checks
the names and arguments when the plugin is registered, so a typo is
reported as a load error instead of being silently ignored.

Each hook's docstring states how the results of several plugins combine;
``docs/plugins.md`` is the reference for plugin authors.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Literal, Protocol

import pluggy

from stenogram.model import Transcript

__all__ = [
    "PROJECT",
    "CollectionExporterRegistrar",
    "ExportFunction",
    "ExporterRegistrar",
    "ReadFunction",
    "ReaderRegistrar",
    "SniffFunction",
    "hookimpl",
    "hookspec",
]

PROJECT = "stenogram"
hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)

#: ``export(transcript, options) -> str | bytes``; ``options`` is an instance of the registered options class.
ExportFunction = Callable[[Transcript, Any], str | bytes]
#: ``read(data, source_name) -> Transcript``; ``source_name`` is the file name for messages, or ``None``.
ReadFunction = Callable[[bytes, str | None], Transcript]
#: ``sniff(head) -> bool``: does this start of a file look like the reader's format?
SniffFunction = Callable[[bytes], bool]


class ExporterRegistrar(Protocol):
    """What ``stenogram_register_exporters`` receives."""

    def __call__(
        self,
        name: str,
        export: ExportFunction,
        *,
        options: type | None = None,
        media_type: str,
        suffix: str,
        description: str,
        binary: bool = False,
    ) -> None: ...


class ReaderRegistrar(Protocol):
    """What ``stenogram_register_readers`` receives."""

    def __call__(
        self,
        name: str,
        read: ReadFunction,
        *,
        suffixes: tuple[str, ...],
        description: str,
        sniff: SniffFunction | None = None,
    ) -> None: ...


@hookspec
def stenogram_register_exporters(register: ExporterRegistrar) -> None:
    """Register output formats by calling ``register`` once for each.

    ``export(transcript, options)`` must be a pure function of its arguments
    and return ``str`` (or ``bytes`` when ``binary=True``). ``options`` is a
    frozen attrs class whose every field has a default (``None`` means the
    exporter takes no options). ``suffix`` is the file suffix with its dot.

    Result rule: every implementation is called once, built-ins first, then
    third-party plugins in name order. When two plugins register the same
    name, the later one wins, so a third-party plugin can replace a
    built-in; the replacement is listed by ``stenogram plugins``. If a
    plugin's implementation raises or registers something invalid, nothing
    it registered (from any hook) is used and a load error names it.
    """


class CollectionExporterRegistrar(Protocol):
    """What ``stenogram_register_collection_exporters`` receives (``stenogram.collection`` keeps the records)."""

    def __call__(
        self,
        name: str,
        export: Callable[..., Any],
        *,
        options: type | None = None,
        output: Literal["file", "folder"],
        suffix: str = "",
        description: str,
    ) -> None: ...


@hookspec
def stenogram_register_collection_exporters(register: CollectionExporterRegistrar) -> None:
    """Register formats that make one output of many transcripts (``stenogram corpus``).

    ``export(transcripts, sink, options)`` consumes the iterable once, in
    order, writing ``sink.write(relative_path, data)`` as it goes; what
    needs the whole collection (a corpus root, a contents page) comes after
    the last transcript. It returns a sequence of ``Diagnostic`` (values it
    assumed, things it left out). ``output`` is ``"file"`` (one file, with
    ``suffix``) or ``"folder"``. Same result rule as exporters.
    """


@hookspec
def stenogram_register_readers(register: ReaderRegistrar) -> None:
    """Register input formats by calling ``register`` once for each.

    ``read(data, source_name)`` takes the raw bytes, so a reader can honour
    the encoding its format declares, and returns a ``Transcript``; it should
    raise ``stenogram.ReadError`` for input it cannot read. ``suffixes`` are
    the file suffixes (with their dot) the reader claims; ``sniff(head)`` gets
    the first 4 KiB of the input and says whether it looks like this format.

    Result rule: as for exporters, every implementation is called and a
    later registration of the same name wins. To pick a reader for a file
    without a named format, the longest matching suffix wins, then the first
    reader (by name) whose ``sniff`` says yes; the plain-text parser is the
    fallback.
    """
