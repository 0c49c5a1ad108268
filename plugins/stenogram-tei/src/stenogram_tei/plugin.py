"""Registers the ``tei`` exporter and reader with stenogram's plugin host."""

from __future__ import annotations

from stenogram.hookspecs import Registrar, Rendered, hookimpl
from stenogram.model import Transcript
from stenogram_tei.options import TeiOptions, TeiReadOptions
from stenogram_tei.reader import read_tei, sniff_tei
from stenogram_tei.writer import to_tei

__all__ = ["export_tei", "read_registered", "stenogram_register_formats"]

#: What ``sniff_tei`` looks for first, kept in the plugin cache: input without it never imports this plugin.
MAGIC = r"<(?:[A-Za-z_][\w.\-]*:)?(?:TEI|teiCorpus)\b"


def export_tei(transcript: Transcript, options: TeiOptions) -> Rendered:
    """UTF-8 TEI text with an XML declaration, and what the writer had to change (XML-illegal characters)."""
    document = to_tei(transcript, options)
    return Rendered(document.data.decode("utf-8"), document.diagnostics)


def read_registered(data: bytes, source_name: str | None, options: TeiReadOptions) -> Transcript:
    return read_tei(data, source_name, options=options)


@hookimpl
def stenogram_register_formats(registrar: Registrar) -> None:
    registrar.add_exporter(
        "tei",
        export_tei,
        options=TeiOptions,
        media_type="application/tei+xml",
        suffix=".tei.xml",
        description="TEI P5 XML (spoken module; profile=parlamint for a ParlaMint component file).",
    )
    registrar.add_reader(
        "tei",
        read_registered,
        options=TeiReadOptions,
        suffixes=(".tei.xml", ".xml"),
        description="TEI P5 XML: stenogram's own, ParlaMint and Parla-CLARIN files.",
        sniff=sniff_tei,
        magic=MAGIC,
    )
