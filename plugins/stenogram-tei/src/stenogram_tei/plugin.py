"""Registers the ``tei`` exporter and reader, and the ``parlamint`` corpus format, with stenogram's plugin host.

The reader, the writer and the corpus module are imported when first
called, so loading the plugin costs little on a path that does not use them.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence

from stenogram.collection import Sink
from stenogram.diagnostics import Diagnostic
from stenogram.hookspecs import CollectionExporterRegistrar, ExporterRegistrar, ReaderRegistrar, hookimpl
from stenogram.model import Transcript
from stenogram_tei.options import TeiOptions
from stenogram_tei.parlamint_options import ParlaMintOptions

__all__ = ["export_tei", "read_registered", "sniff_registered"]

log = logging.getLogger(__name__)


def export_tei(transcript: Transcript, options: TeiOptions) -> bytes:
    """UTF-8 TEI with an XML declaration; the diagnostics are logged, as the exporter returns bytes only."""
    from stenogram_tei.writer import to_tei

    document = to_tei(transcript, options)
    for d in document.diagnostics:
        log.warning("%s", d)
    return document.data


def read_registered(data: bytes, source_name: str | None) -> Transcript:
    from stenogram_tei.reader import read_tei

    return read_tei(data, source_name)


def sniff_registered(head: bytes) -> bool:
    from stenogram_tei.reader import sniff_tei

    return sniff_tei(head)


def export_parlamint(transcripts: Iterable[Transcript], sink: Sink, options: ParlaMintOptions) -> Sequence[Diagnostic]:
    from stenogram_tei.parlamint import export_parlamint as run

    return run(transcripts, sink, options)


@hookimpl
def stenogram_register_exporters(register: ExporterRegistrar) -> None:
    register(
        "tei",
        export_tei,
        options=TeiOptions,
        media_type="application/tei+xml",
        suffix=".tei.xml",
        description="TEI P5 XML (spoken module; profile=parlamint for a ParlaMint component file).",
        binary=True,
    )


@hookimpl
def stenogram_register_readers(register: ReaderRegistrar) -> None:
    register(
        "tei",
        read_registered,
        suffixes=(".tei.xml", ".xml"),
        description="TEI P5 XML: stenogram's own, ParlaMint and Parla-CLARIN files.",
        sniff=sniff_registered,
    )


@hookimpl
def stenogram_register_collection_exporters(register: CollectionExporterRegistrar) -> None:
    register(
        "parlamint",
        export_parlamint,
        options=ParlaMintOptions,
        output="folder",
        description="A ParlaMint corpus folder: ParlaMint-XX.xml (the root) and one component file per meeting.",
    )
