"""Options of the TEI exporter and reader, frozen so an export is a function of its arguments."""

from __future__ import annotations

import re
from typing import Literal

import attrs

__all__ = ["NCNAME_ASCII", "TeiOptions", "TeiReadOptions"]

#: The ids we write are ASCII NCNames: every XML toolchain accepts those.
NCNAME_ASCII = re.compile(r"[A-Za-z_][A-Za-z0-9_.\-]*")


def _prefix(instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    if value and not NCNAME_ASCII.fullmatch(value):
        raise ValueError(f"{attribute.name} must start an XML id (letters, digits, _ . -), got {value!r}")


def _optional_id(instance: object, attribute: attrs.Attribute[str | None], value: str | None) -> None:
    if value is not None and not NCNAME_ASCII.fullmatch(value):
        raise ValueError(f"{attribute.name} must be an XML id (letters, digits, _ . -), got {value!r}")


def _optional_xml_text(instance: object, attribute: attrs.Attribute[str | None], value: str | None) -> None:
    """An attribute value written as it is (``xml:lang``): a character XML cannot hold is refused here."""
    from stenogram.xmltext import XML_ILLEGAL

    found = XML_ILLEGAL.search(value) if value is not None else None
    if found:
        raise ValueError(f"{attribute.name} holds U+{ord(found.group()):04X}, which XML cannot hold")


@attrs.frozen(kw_only=True)
class TeiOptions:
    """How to write TEI.

    ``profile``: ``"tei"`` writes TEI P5 (spoken module) that reads back into an
    equal transcript; ``"parlamint"`` writes a ParlaMint component file.
    ``pretty``: indent element-only content (text content is never touched).
    ``id_prefix``: put before every ``u``/``seg`` id, so files can be merged into
    one corpus (the ParlaMint default is the document id and a dot).
    ``document_id``: the ``TEI/@xml:id``; derived from the meeting date if unset.
    ``publisher``: the ``publicationStmt/publisher``.
    ``chairs``/``guests``: participant ids whose turns get ``ana="#chair"`` or
    ``ana="#guest"``; when empty, roles such as *Chairman* or *Moderator* mark
    chairs and anonymous participants (*Question*) are guests.
    ``title``, ``lang``, ``subcorpus`` (ParlaMint profile): the English main
    title (the meeting's own becomes the sub-title), the ``xml:lang`` of the
    document (default: the meeting's language), and ``#reference`` or ``#covid``.
    """

    profile: Literal["tei", "parlamint"] = attrs.field(
        default="tei", metadata={"help": "tei: TEI P5 spoken module; parlamint: a ParlaMint component file"}
    )
    pretty: bool = attrs.field(default=True, metadata={"help": "indent element-only content"})
    id_prefix: str = attrs.field(
        default="", validator=_prefix, metadata={"help": "put before every u and seg id, to merge files into a corpus"}
    )
    document_id: str | None = attrs.field(
        default=None, validator=_optional_id, metadata={"help": "the TEI/@xml:id (default: from the meeting date)"}
    )
    publisher: str = attrs.field(default="stenogram", metadata={"help": "the publicationStmt/publisher"})
    chairs: tuple[str, ...] = attrs.field(default=(), metadata={"help": "participant ids whose turns are the chair's"})
    guests: tuple[str, ...] = attrs.field(default=(), metadata={"help": "participant ids whose turns are guests'"})
    title: str | None = attrs.field(default=None, metadata={"help": "ParlaMint: the English main title"})
    lang: str | None = attrs.field(
        default=None, validator=_optional_xml_text, metadata={"help": "ParlaMint: the document's xml:lang"}
    )
    subcorpus: Literal["reference", "covid"] = attrs.field(
        default="reference", metadata={"help": "ParlaMint: the subcorpus the meeting belongs to"}
    )


@attrs.frozen(kw_only=True)
class TeiReadOptions:
    """How to read TEI.

    ``max_bytes``: refuse larger input before parsing it (included files count too).
    ``follow_xinclude``: read the component files a ParlaMint corpus root includes,
    if they lie in its own directory tree (never URLs or other places).
    """

    max_bytes: int = attrs.field(
        default=64 * 1024 * 1024, validator=attrs.validators.gt(0), metadata={"help": "refuse larger input"}
    )
    follow_xinclude: bool = attrs.field(
        default=False, metadata={"help": "read the component files a corpus root includes (its own folder tree only)"}
    )
