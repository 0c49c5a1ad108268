"""Ids that XML accepts.

Text that XML cannot hold is cleaned by the core's ``stenogram.xmltext.XmlTextCleaner``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from lxml import etree

__all__ = ["IdMaker", "escape_id", "is_ncname"]


#: XML 1.0 (fifth edition) name characters, without the colon: an ``xml:id`` is an NCName.
_START = (
    "A-Z_a-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02ff\u0370-\u037d\u037f-\u1fff\u200c-\u200d"
    "\u2070-\u218f\u2c00-\u2fef\u3001-\ud7ff\uf900-\ufdcf\ufdf0-\ufffd\U00010000-\U000effff"
)
_MORE = "\\-.0-9\u00b7\u0300-\u036f\u203f-\u2040"
_ASCII_NCNAME = re.compile(r"[A-Za-z_][A-Za-z0-9_.\-]*")
_ASCII_NAME_CHAR = re.compile(r"[A-Za-z0-9_.\-]")  # the name characters of ASCII


@functools.cache
def _ncname() -> re.Pattern[str]:
    """The whole XML name grammar: compiled on the first non-ASCII id only (it takes milliseconds)."""
    return re.compile(f"[{_START}][{_START}{_MORE}]*")


@functools.cache
def _name_char() -> re.Pattern[str]:
    return re.compile(f"[{_START}{_MORE}]")


@functools.lru_cache(maxsize=8192)
def _libxml2_takes(char: str) -> bool:
    """Whether libxml2 takes ``char`` inside an ``xml:id``.

    It checks ``xml:id`` by the older (fourth edition) name rules, which leave
    out some 11,000 letters the fifth edition allows (``Ĳ``, ``豈``): an id with
    one of them is not well-formed to lxml, so the TEI could not be read back.
    """
    try:
        etree.fromstring(f'<a xml:id="a{char}"/>'.encode())
    except etree.XMLSyntaxError:
        return False
    return True


def is_ncname(value: str) -> bool:
    """Whether ``value`` can be an ``xml:id`` as it is (``DeJòdarJulià`` can)."""
    if value.isascii():
        return _ASCII_NCNAME.fullmatch(value) is not None
    return _ncname().fullmatch(value) is not None and all(c.isascii() or _libxml2_takes(c) for c in value)


def _kept(char: str) -> bool:
    return _name_char().fullmatch(char) is not None and (char.isascii() or _libxml2_takes(char))


def escape_id(value: str) -> str:
    """An NCName for ``value``: only characters a name cannot hold become ``_hex_``.

    >>> escape_id("DeJòdarJulià"), escape_id("a b"), escape_id("1st")
    ('DeJòdarJulià', 'a_20_b', '_1st')
    """
    kept = _ASCII_NAME_CHAR.fullmatch if value.isascii() else _kept  # the whole grammar takes milliseconds
    out = "".join(c if kept(c) else f"_{ord(c):x}_" for c in value)
    if not out or not is_ncname(out):
        out = "_" + out
    return out


class IdMaker:
    """Unique ``xml:id``s for participant ids, steering clear of reserved ones."""

    def __init__(self, reserved: Iterable[str], reserved_pattern: re.Pattern[str]) -> None:
        self.used = set(reserved)
        self.pattern = reserved_pattern

    def __call__(self, wanted: str) -> str:
        base = escape_id(wanted)
        if self.pattern.fullmatch(base):
            base = "_" + base
        candidate, n = base, 1
        while candidate in self.used:
            n += 1
            candidate = f"{base}_{n}"
        self.used.add(candidate)
        return candidate
