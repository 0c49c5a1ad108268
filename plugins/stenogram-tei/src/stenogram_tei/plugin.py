"""Registers the ``tei`` exporter and reader, and the ``parlamint`` corpus format, with stenogram's plugin host.

The reader, the writer and the corpus module are imported when first
called, so loading the plugin costs little on a path that does not use them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, BinaryIO

from stenogram.hookspecs import Registrar, Rendered, hookimpl
from stenogram.model import Transcript
from stenogram_tei.options import TeiOptions, TeiReadOptions
from stenogram_tei.parlamint_options import ParlaMintOptions

if TYPE_CHECKING:
    from stenogram.collection import Sink
    from stenogram.diagnostics import Diagnostic

__all__ = [
    "export_parlamint",
    "export_tei",
    "read_registered",
    "sniff_registered",
    "stenogram_register_formats",
    "write_registered",
]

#: What ``sniff_tei`` looks for first, kept in the plugin cache: input without it never imports this plugin.
MAGIC = r"<(?:[A-Za-z_][\w.\-]*:)?(?:TEI|teiCorpus)\b"


def export_tei(transcript: Transcript, options: TeiOptions) -> Rendered:
    """UTF-8 TEI text with an XML declaration, and what the writer had to change (XML-illegal characters)."""
    from stenogram_tei.writer import to_tei

    document = to_tei(transcript, options)
    return Rendered(document.data.decode("utf-8"), document.diagnostics)


def write_registered(transcript: Transcript, options: TeiOptions, fh: BinaryIO) -> Sequence[Diagnostic]:
    """The bytes ``export_tei`` gives, streamed into ``fh`` a turn at a time (``export_file``, the CLI)."""
    from stenogram_tei.writer import write_tei

    return write_tei(transcript, fh, options).diagnostics


def read_registered(data: bytes, source_name: str | None, options: TeiReadOptions) -> Transcript:
    from stenogram_tei.reader import read_tei

    return read_tei(data, source_name, options=options)


def sniff_registered(head: bytes) -> bool:
    from stenogram_tei.reader import sniff_tei

    return sniff_tei(head)


def export_parlamint(transcripts: Iterable[Transcript], sink: Sink, options: ParlaMintOptions) -> Sequence[Diagnostic]:
    """A ParlaMint corpus folder (``stenogram_tei.parlamint``)."""
    from stenogram_tei.parlamint import export_parlamint as run

    return run(transcripts, sink, options)


@hookimpl
def stenogram_register_formats(registrar: Registrar) -> None:
    registrar.add_exporter(
        "tei",
        export_tei,
        options=TeiOptions,
        media_type="application/tei+xml",
        suffix=".tei.xml",
        description="TEI P5 XML (spoken module; profile=parlamint for a ParlaMint component file).",
        write=write_registered,
    )
    registrar.add_reader(
        "tei",
        read_registered,
        options=TeiReadOptions,
        suffixes=(".tei.xml", ".xml"),
        description="TEI P5 XML: stenogram's own, ParlaMint and Parla-CLARIN files.",
        sniff=sniff_registered,
        magic=MAGIC,
    )
    registrar.add_collection_exporter(
        "parlamint",
        export_parlamint,
        options=ParlaMintOptions,
        output="folder",
        description="A ParlaMint corpus folder: ParlaMint-XX.xml (the root) and one component file per meeting.",
    )
