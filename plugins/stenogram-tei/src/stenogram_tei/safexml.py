"""Parsing untrusted XML: no entity expansion, no DTD, no network, bounded size.

Entity declarations are refused outright, before lxml sees the document:
that stops billion-laughs and external-entity (XXE) attacks with a clear
message rather than relying on libxml2's amplification limits.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from typing import Any

from lxml import etree

from stenogram_tei.errors import TeiReadError, UnsafeXmlError, XmlTooLargeError

__all__ = ["MAX_TAG_BYTES", "has_doctype", "iter_xml", "parse_xml", "refuse_entity_refs", "safe_parser"]

_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\xfe\xff", "utf-16-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\x00<\x00", "utf-16-be"),
    (b"<\x00", "utf-16-le"),
)
_ENTITY_DECL = re.compile(r"<!ENTITY\b")
#: The longest start or end tag read: real TEI tags are a few hundred bytes, while a tag with a
#: million attributes makes libxml2 take 35 times its size before it gives up.
MAX_TAG_BYTES = 64 * 1024
_HUGE_TAG = re.compile(rb"<(?![!?])[^<>]{%d}" % MAX_TAG_BYTES)


#: The parser settings every read uses: resolve nothing, fetch nothing, libxml2's size limits on.
_SAFE: dict[str, Any] = {
    "resolve_entities": False,
    "no_network": True,
    "load_dtd": False,
    "dtd_validation": False,
    "attribute_defaults": False,
    "huge_tree": False,
    "remove_comments": True,
    "remove_pis": True,
}


def safe_parser() -> Any:
    """A fresh lxml parser that resolves nothing and fetches nothing."""
    return etree.XMLParser(**_SAFE)


def as_text(data: bytes) -> str:
    """The document as text, well enough to look for declarations (wide encodings by their BOM)."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data.decode(codec, errors="replace")
    return data.decode("latin-1")


def _wide_codec(data: bytes) -> str | None:
    return next((codec for bom, codec in _BOMS if data.startswith(bom)), None)


def _refuse_entities(data: bytes, where: str) -> None:
    if not has_doctype(data):  # decoding a copy of the whole document only when it has a DOCTYPE
        return
    text = as_text(data)
    doctype = text.find("<!DOCTYPE")
    if doctype >= 0 and _ENTITY_DECL.search(text, doctype):
        line = text.count("\n", 0, doctype) + 1
        raise UnsafeXmlError(
            f"{where}:{line}: the DOCTYPE declares entities; entity declarations are refused "
            "(they enable billion-laughs and external-entity attacks)"
        )


def _check_size(data: bytes, where: str, max_bytes: int) -> None:
    if len(data) > max_bytes:
        raise XmlTooLargeError(f"{where}: {len(data)} bytes is more than the limit of {max_bytes} bytes (max_bytes)")
    huge = _HUGE_TAG.search(data)
    if huge is not None:
        line = data.count(b"\n", 0, huge.start()) + 1
        raise XmlTooLargeError(f"{where}:{line}: a tag longer than {MAX_TAG_BYTES} bytes is refused")


def _syntax_error(exc: etree.XMLSyntaxError, where: str) -> TeiReadError:
    line = exc.lineno if exc.lineno else "?"
    return TeiReadError(f"{where}:{line}: not well-formed XML: {exc.msg}")


def has_doctype(data: bytes) -> bool:
    """Does the document carry a DOCTYPE (the only way entities and entity references get in)?"""
    codec = _wide_codec(data)
    return b"<!DOCTYPE" in data if codec is None else "<!DOCTYPE" in data.decode(codec, errors="replace")


def iter_xml(data: bytes, where: str, max_bytes: int) -> Iterator[tuple[str, Any]]:
    """``("start"|"end", element)`` events of the document, parsed as it is read.

    The caller may clear elements it has finished with, so a long document never
    sits in memory as a whole tree. Entity declarations are refused before
    parsing, as by :func:`parse_xml`; a reference to an undeclared entity (which
    an external DTD makes legal) is left as an ``etree.Entity`` node, which the
    caller must refuse with :func:`refuse_entity_refs` wherever it reads text.
    """
    _check_size(data, where, max_bytes)
    _refuse_entities(data, where)
    events = etree.iterparse(io.BytesIO(data), events=("start", "end"), **_SAFE)
    try:
        yield from events
    except etree.XMLSyntaxError as exc:
        # iterparse's error can lack the line; the whole-document parse names it exactly
        parse_xml(data, where, max_bytes)
        raise _syntax_error(exc, where) from None
    except (ValueError, TypeError) as exc:  # lxml's complaints about the input itself
        raise TeiReadError(f"{where}: cannot parse: {exc}") from None
    dtd = events.root.getroottree().docinfo.internalDTD if events.root is not None else None
    if dtd is not None and any(True for _ in dtd.iterentities()):
        raise UnsafeXmlError(f"{where}: the DOCTYPE declares entities; entity declarations are refused")


def refuse_entity_refs(el: Any, where: str) -> None:
    """Raise if ``el`` holds an entity reference, which was never expanded (DTDs are not loaded)."""
    for ref in el.iter(etree.Entity):
        raise TeiReadError(
            f"{where}:{ref.sourceline or '?'}: entity reference {ref.text} is not expanded "
            "(entities from DTDs are never loaded)"
        )


def parse_xml(data: bytes, where: str, max_bytes: int) -> Any:
    """The root element of ``data``; every failure is a ``TeiReadError`` naming ``where``."""
    _check_size(data, where, max_bytes)
    _refuse_entities(data, where)
    try:
        root = etree.fromstring(data, safe_parser())
    except etree.XMLSyntaxError as exc:
        raise _syntax_error(exc, where) from None
    except (ValueError, TypeError) as exc:  # lxml's complaints about the input itself
        raise TeiReadError(f"{where}: cannot parse: {exc}") from None
    if root is None:
        raise TeiReadError(f"{where}: no XML document")
    dtd = root.getroottree().docinfo.internalDTD
    if dtd is not None and any(True for _ in dtd.iterentities()):
        raise UnsafeXmlError(f"{where}: the DOCTYPE declares entities; entity declarations are refused")
    refuse_entity_refs(root, where)
    return root
