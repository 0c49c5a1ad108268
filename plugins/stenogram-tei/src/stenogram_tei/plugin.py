"""Registers the ``tei`` exporter and reader with stenogram's plugin host."""

from __future__ import annotations

import logging

from stenogram.hookspecs import CollectionExporterRegistrar, ExporterRegistrar, ReaderRegistrar, hookimpl
from stenogram.model import Transcript
from stenogram_tei.options import TeiOptions
from stenogram_tei.reader import read_tei, sniff_tei
from stenogram_tei.writer import to_tei

__all__ = ["export_tei", "read_registered"]

log = logging.getLogger(__name__)


def export_tei(transcript: Transcript, options: TeiOptions) -> bytes:
    """UTF-8 TEI with an XML declaration; the diagnostics are logged, as the exporter returns bytes only."""
    document = to_tei(transcript, options)
    for d in document.diagnostics:
        log.warning("%s", d)
    return document.data


def read_registered(data: bytes, source_name: str | None) -> Transcript:
    return read_tei(data, source_name)


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
        sniff=sniff_tei,
    )


@hookimpl
def stenogram_register_collection_exporters(register: CollectionExporterRegistrar) -> None:
    from stenogram_tei.parlamint import ParlaMintOptions, export_parlamint

    register(
        "parlamint",
        export_parlamint,
        options=ParlaMintOptions,
        output="folder",
        description="A ParlaMint corpus folder: ParlaMint-XX.xml (the root) and one component file per meeting.",
    )
