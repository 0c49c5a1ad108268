"""TEI P5 for stenogram: an exporter that writes the spoken module (or ParlaMint), and a safe reader.

>>> import stenogram
>>> from stenogram_tei import read_tei, to_tei
>>> t = stenogram.parse("Anna Petrova: Good morning.\\nIvan Sidorov: Good morning to you.\\n")
>>> read_tei(to_tei(t).data) == t
True
"""

from __future__ import annotations

from stenogram_tei.errors import NotTeiError, TeiReadError, UnsafeXmlError, XmlTooLargeError
from stenogram_tei.options import TeiOptions, TeiReadOptions
from stenogram_tei.reader import read_tei, sniff_tei
from stenogram_tei.writer import TeiDocument, to_tei

__all__ = [
    "NotTeiError",
    "TeiDocument",
    "TeiOptions",
    "TeiReadError",
    "TeiReadOptions",
    "UnsafeXmlError",
    "XmlTooLargeError",
    "read_tei",
    "sniff_tei",
    "to_tei",
]
