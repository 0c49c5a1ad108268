"""bytes -> str: byte-order marks, encodings and line ends.

Offsets in every ``Span`` index the text this module returns, so the
decoding rules are few and fixed: a BOM picks the encoding (and is
dropped), otherwise UTF-8 unless the caller names another encoding;
CRLF and lone CR become LF.
"""

from __future__ import annotations

import codecs

from stenogram.errors import DecodeError, ParseError

__all__ = ["UnknownEncodingError", "decode", "normalise_newlines"]

#: Longest first: the UTF-32 LE mark starts with the UTF-16 LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


class UnknownEncodingError(ParseError):
    """``encoding=`` names a codec Python does not have."""


def normalise_newlines(text: str) -> str:
    """Drop a leading BOM and fold CRLF and CR line ends to LF."""
    text = text.removeprefix("\ufeff")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def _sniff_bom(data: bytes) -> tuple[str, int] | None:
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name, len(bom)
    return None


def _hint(data: bytes, encoding: str) -> str:
    """A suggestion for ``encoding=`` that fits what the bytes look like."""
    head = data[:4096]
    if head and head.count(0) * 4 >= len(head):
        return (
            "the data looks like UTF-16 without a byte-order mark; "
            "pass encoding='utf-16-le' or 'utf-16-be' (--encoding in the stenogram command)"
        )
    if encoding.replace("_", "-").lower() in ("utf-8", "utf8", "utf-8-sig"):
        return (
            "pass encoding= (--encoding in the stenogram command) with the file's real encoding, "
            "for example encoding='cp1251' or encoding='latin-1'"
        )
    return "pass encoding= (--encoding in the stenogram command) with the file's real encoding"


def decode(data: bytes, encoding: str | None = None, *, source: str | None = None) -> str:
    """Decode ``data`` and fold its line ends.

    A byte-order mark wins over ``encoding`` only when no encoding is given;
    with one, the named codec decodes everything and a leading U+FEFF is
    dropped.
    """
    skip = 0
    if encoding is None:
        sniffed = _sniff_bom(data)
        enc, skip = sniffed if sniffed else ("utf-8", 0)
    else:
        enc = encoding
        try:
            codecs.lookup(enc)
        except (LookupError, ValueError, TypeError):  # ValueError: a NUL in the name; TypeError: not text
            raise UnknownEncodingError(f"unknown encoding {enc!r}", file=source) from None
    try:
        text = data[skip:].decode(enc)
    except UnicodeDecodeError as exc:
        offset = skip + exc.start
        line = data.count(b"\n", 0, offset) + 1
        bad = data[offset : min(offset + 4, skip + exc.end)]
        raise DecodeError(
            f"cannot decode byte{'s' if len(bad) > 1 else ''} {bad.hex(' ')} at offset {offset} "
            f"(line {line}) as {enc}; {_hint(data, enc)}",
            offset=offset,
            encoding=enc,
            file=source,
        ) from None
    except LookupError:  # a bytes-to-bytes or str-to-str codec such as 'hex' or 'rot13'
        raise UnknownEncodingError(f"{enc!r} is not a text encoding", file=source) from None
    except UnicodeError as exc:  # codecs that fail without a position (e.g. 'idna')
        raise DecodeError(
            f"cannot decode as {enc}: {exc}; {_hint(data, enc)}", offset=0, encoding=enc, file=source
        ) from None
    return normalise_newlines(text)
