"""bytes -> str: BOMs, encodings and line ends."""

from __future__ import annotations

from stenogram.errors import DecodeError

__all__ = ["decode", "normalise_newlines"]


def normalise_newlines(text: str) -> str:
    text = text.removeprefix("\ufeff")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decode(data: bytes, encoding: str | None = None, *, source: str | None = None) -> str:
    enc = encoding or "utf-8-sig"
    try:
        return data.decode(enc)
    except UnicodeDecodeError as exc:
        raise DecodeError(
            f"cannot decode byte 0x{data[exc.start]:02x} at offset {exc.start} as {enc}; "
            "pass encoding= (for example encoding='cp1251')",
            offset=exc.start,
            encoding=enc,
            file=source,
        ) from None
