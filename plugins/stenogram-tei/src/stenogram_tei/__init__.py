"""TEI P5 for stenogram: an exporter that writes the spoken module (or ParlaMint), and a safe reader.

>>> import stenogram
>>> from stenogram_tei import read_tei, to_tei
>>> t = stenogram.parse("Anna Petrova: Good morning.\\nIvan Sidorov: Good morning to you.\\n")
>>> read_tei(to_tei(t).data) == t
True

Names are imported on first use (PEP 562), so registering the plugin costs
no more than its own small module: a conversion to TEI never loads the reader.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from stenogram_tei.errors import NotTeiError, TeiReadError, UnsafeXmlError, XmlTooLargeError
    from stenogram_tei.options import TeiOptions, TeiReadOptions
    from stenogram_tei.parlamint import ParlaMintOptions, export_parlamint
    from stenogram_tei.reader import read_tei, sniff_tei
    from stenogram_tei.writer import TeiDocument, TeiWritten, to_tei, write_tei

__all__ = [
    "NotTeiError",
    "ParlaMintOptions",
    "TeiDocument",
    "TeiOptions",
    "TeiReadError",
    "TeiReadOptions",
    "TeiWritten",
    "UnsafeXmlError",
    "XmlTooLargeError",
    "export_parlamint",
    "read_tei",
    "sniff_tei",
    "to_tei",
    "write_tei",
]

_HOME = {
    **dict.fromkeys(("NotTeiError", "TeiReadError", "UnsafeXmlError", "XmlTooLargeError"), "errors"),
    **dict.fromkeys(("TeiOptions", "TeiReadOptions"), "options"),
    **dict.fromkeys(("ParlaMintOptions", "export_parlamint"), "parlamint"),
    **dict.fromkeys(("read_tei", "sniff_tei"), "reader"),
    **dict.fromkeys(("TeiDocument", "TeiWritten", "to_tei", "write_tei"), "writer"),
}


def __getattr__(name: str) -> Any:
    home = _HOME.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{home}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
