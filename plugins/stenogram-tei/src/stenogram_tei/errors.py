"""The errors the TEI reader raises: all are ``stenogram.errors.ReadError``s."""

from __future__ import annotations

from stenogram.errors import ReadError

__all__ = ["NotTeiError", "TeiReadError", "UnsafeXmlError", "XmlTooLargeError"]


class TeiReadError(ReadError):
    """TEI input that cannot be read: not well-formed, or not TEI at all."""


class NotTeiError(TeiReadError):
    """Well-formed XML whose root is neither ``TEI`` nor ``teiCorpus``."""


class UnsafeXmlError(TeiReadError):
    """XML that declares entities (billion laughs, external entities): refused before it can do harm."""


class XmlTooLargeError(TeiReadError):
    """Input larger than ``TeiReadOptions.max_bytes``."""
