"""Options of the ParlaMint corpus format, apart from the module that writes it (which needs lxml)."""

from __future__ import annotations

import re
from typing import Any, Literal

import attrs

from stenogram.xmltext import XML_ILLEGAL

__all__ = ["COUNTRY", "DATE", "LANG", "ParlaMintOptions"]

COUNTRY = re.compile(r"[A-Z]{2}(?:-[A-Z0-9]{1,8})?")
LANG = re.compile(r"[a-z]{2,3}(?:-[A-Za-z0-9]{1,8})*")
DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _check(pattern: re.Pattern[str], what: str) -> Any:
    def check(instance: object, attribute: attrs.Attribute[str], value: str) -> None:
        if value and not pattern.fullmatch(value):
            raise ValueError(f"{attribute.name} must be {what}, not {value!r}")

    return check


def _xml_text(instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    """Text that goes into every file of the corpus as it is: a character XML cannot hold is refused here."""
    found = XML_ILLEGAL.search(value)
    if found:
        raise ValueError(f"{attribute.name} holds U+{ord(found.group()):04X}, which XML cannot hold")


@attrs.frozen(kw_only=True)
class ParlaMintOptions:
    """What ParlaMint requires and transcripts do not say; an empty value means the documented default."""

    country: str = attrs.field(
        default="",
        validator=_check(COUNTRY, "an ISO 3166 code such as RU or ES-CT"),
        metadata={"help": "country code in ids and file names (default XX, a diagnostic)"},
    )
    lang: str = attrs.field(
        default="",
        validator=_check(LANG, "a language tag such as en or de"),
        metadata={"help": "language of the transcripts (default: each meeting's, else und)"},
    )
    name: str = attrs.field(
        default="",
        validator=_xml_text,
        metadata={"help": "the adjective titles start with, e.g. Russian (default: from country)"},
    )
    legislature: str = attrs.field(
        default="",
        validator=_xml_text,
        metadata={"help": "English name of the body that met (default: Legislature of COUNTRY)"},
    )
    term: str = attrs.field(
        default="", validator=_xml_text, metadata={"help": "the legislative term, e.g. 8 (default: none given)"}
    )
    subcorpus: Literal["", "reference", "covid"] = attrs.field(
        default="", metadata={"help": "reference or covid (default: reference, a diagnostic)"}
    )
    date: str = attrs.field(
        default="",
        validator=_check(DATE, "a date YYYY-MM-DD"),
        metadata={"help": "date of meetings whose transcript has none (default: such a meeting is an error)"},
    )
    publisher: str = attrs.field(
        default="stenogram", validator=_xml_text, metadata={"help": "publicationStmt/publisher"}
    )
    pretty: bool = attrs.field(default=True, metadata={"help": "indent element-only content"})
