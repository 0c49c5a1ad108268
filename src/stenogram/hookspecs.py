"""The hook every stenogram plugin implements, and the ``Registrar`` it receives.

One hook, ``stenogram_register_formats(registrar)``: a plugin calls the
registrar's ``add_*`` methods once for each format it offers, and the host
builds and checks the records itself (the ``register_*`` style of
simonw/llm). A new kind of format is a new method on ``Registrar``, not a
new hook. A plugin implements the hook with ``@stenogram.hookimpl``; pluggy
checks its name and arguments when the plugin is registered, so a typo is
reported as a load error instead of being silently ignored.

The hook's docstring states how the results of several plugins combine;
``docs/plugins.md`` is the reference for plugin authors.
"""

from __future__ import annotations

from typing import Literal

import pluggy

from stenogram.registry import (
    CollectionExporterInfo,
    CollectionExportFunction,
    ExporterInfo,
    ExportFunction,
    NoOptions,
    ReaderInfo,
    ReadFunction,
    Rendered,
    SniffFunction,
    WriteFunction,
)

__all__ = [
    "PROJECT",
    "ExportFunction",
    "ReadFunction",
    "Registrar",
    "Rendered",
    "SniffFunction",
    "WriteFunction",
    "hookimpl",
    "hookspec",
]

PROJECT = "stenogram"
hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)


class Registrar:
    """What ``stenogram_register_formats`` receives: one ``add_*`` method per kind of format.

    Each call makes a checked record (``stenogram.registry``); a bad value
    raises ``PluginError`` there, which makes the whole plugin a load error
    (nothing it registered is used) while the other plugins keep working.
    """

    def __init__(self, plugin: str) -> None:
        self.plugin = plugin
        self.exporters: list[ExporterInfo] = []
        self.readers: list[ReaderInfo] = []
        self.collections: list[CollectionExporterInfo] = []

    def add_exporter(
        self,
        name: str,
        export: ExportFunction,
        *,
        options: type | None = None,
        media_type: str,
        suffix: str,
        description: str,
        binary: bool = False,
        write: WriteFunction | None = None,
    ) -> None:
        """An output format: ``export(transcript, options)`` returns ``str``, ``bytes`` when ``binary``, or a
        ``Rendered`` holding either with diagnostics.

        ``options`` is a frozen attrs class whose every field has a default
        and resolvable annotations (``None``: no options); give each field a
        ``metadata={"help": ...}`` for ``stenogram formats``. ``suffix`` is
        the file suffix with its dot.

        ``write(transcript, options, fh)``, optional, streams the same bytes
        into a binary file (text as UTF-8) and returns the same diagnostics:
        ``export_file``, ``stenogram convert`` and batches use it when they
        write a file, so a large output is never held whole in memory.
        """
        self.exporters.append(
            ExporterInfo(
                name=name,
                export=export,
                options=NoOptions if options is None else options,
                media_type=media_type,
                suffix=suffix,
                description=description,
                binary=binary,
                plugin=self.plugin,
                write=write,
            )
        )

    def add_reader(
        self,
        name: str,
        read: ReadFunction,
        *,
        options: type | None = None,
        suffixes: tuple[str, ...],
        description: str,
        sniff: SniffFunction | None = None,
        magic: str | None = None,
    ) -> None:
        """An input format: ``read(data, name, options)`` takes the raw bytes and returns a ``Transcript``.

        ``options`` is declared as for exporters. ``suffixes`` are the file
        suffixes (with their dot) the reader claims. For input without a
        suffix, ``magic`` (a regular expression over the first 4 KiB, read
        as Latin-1) is kept in the plugin cache, so only readers whose
        pattern matches are imported; ``sniff(head)`` confirms if given.
        """
        self.readers.append(
            ReaderInfo(
                name=name,
                read=read,
                options=NoOptions if options is None else options,
                suffixes=suffixes,
                description=description,
                sniff=sniff,
                magic=magic,
                plugin=self.plugin,
            )
        )

    def add_collection_exporter(
        self,
        name: str,
        export: CollectionExportFunction,
        *,
        options: type | None = None,
        output: Literal["file", "folder"],
        suffix: str = "",
        description: str,
    ) -> None:
        """A corpus format (``stenogram corpus``): one output of many transcripts.

        ``export(transcripts, sink, options)`` consumes the iterable once, in
        order, writing ``sink.write(relative_path, data)`` (or, for a file
        written in pieces, ``with sink.open(relative_path) as fh``) as it goes; what
        needs the whole collection (a corpus root, a contents page) comes
        after the last transcript. It returns a sequence of ``Diagnostic``.
        ``output`` is ``"file"`` (one file, with ``suffix``) or ``"folder"``.
        """
        self.collections.append(
            CollectionExporterInfo(
                name=name,
                export=export,
                options=NoOptions if options is None else options,
                output=output,
                suffix=suffix,
                description=description,
                plugin=self.plugin,
            )
        )


@hookspec
def stenogram_register_formats(registrar: Registrar) -> None:
    """Register formats by calling ``registrar.add_exporter`` / ``registrar.add_reader`` once for each.

    ``export`` and ``read`` must be pure functions of their arguments. A
    reader raises ``stenogram.ReadError`` for input it cannot read.

    Result rule: every implementation is called once, built-ins first, then
    third-party plugins in name order. When two plugins register a format
    of the same kind and name, the later one wins, so a third-party plugin
    can replace a built-in; the replacement is listed by ``stenogram
    plugins``. If a plugin's implementation raises (anything but
    ``KeyboardInterrupt``) or registers something invalid, nothing it
    registered is used and a load error names it. To pick a reader for a
    file without a named format, the longest matching suffix wins, then the
    first reader (by name) whose ``magic``/``sniff`` says yes; the ``text``
    reader is the fallback.
    """
