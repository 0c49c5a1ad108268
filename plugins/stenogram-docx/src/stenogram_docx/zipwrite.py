"""The DOCX zip, written with members deflated once where every briefing shares them.

``zipfile`` deflates every member it writes and has no way to take one
already deflated. Every briefing made from one template carries the same
styles, theme, numbering, fonts and settings (the default template's styles
part alone is 350 KB of XML): deflating them again for each file of a corpus
cost about a twentieth of a serial DOCX conversion. This writer deflates
those once per process and writes the same bytes ``zipfile`` writes (the
local headers with final sizes and no data descriptor, no extra fields, the
central directory, the end record; no ZIP64: a briefing is far below 4 GB),
which a test checks against ``zipfile`` member by member.
"""

from __future__ import annotations

import functools
import struct
import zlib
from collections.abc import Collection, Mapping, Sequence

__all__ = ["LEVEL", "zip_members"]

LEVEL = 6  # zlib's default, and what the package has always been written with
_VERSION = 20  # version needed to extract (and made by): deflate
_DEFLATED = 8
_UTF8_NAME = 0x800
_READ_WRITE = 0o600 << 16  # the file attributes zipfile gives a member that has none: rw-------
_LOCAL = struct.Struct("<4s2B4HL2L2H")
_CENTRAL = struct.Struct("<4s4B4HL2L5H2L")
_END = struct.Struct("<4s4H2LH")


def _deflate(data: bytes) -> bytes:
    """Raw deflate (no zlib header), as ``zipfile`` does it at ``LEVEL``."""
    compressor = zlib.compressobj(LEVEL, zlib.DEFLATED, -15)
    return compressor.compress(data) + compressor.flush()


@functools.lru_cache(maxsize=32)
def _deflate_shared(data: bytes) -> bytes:
    """:func:`_deflate` of a member every briefing shares: once per process (a bytes object keeps its hash)."""
    return _deflate(data)


def zip_members(
    members: Mapping[str, bytes],
    order: Sequence[str],
    date_time: tuple[int, int, int, int, int, int],
    shared: Collection[str] = (),
) -> bytes:
    """The zip of ``members`` in ``order``, every member deflated and stamped ``date_time``, readable and writable
    by its owner; the members named in ``shared`` are the same bytes in every package and are deflated once."""
    year, month, day, hour, minute, second = date_time
    dos_time = hour << 11 | minute << 5 | second // 2
    dos_date = (year - 1980) << 9 | month << 5 | day
    out: list[bytes] = []
    directory: list[bytes] = []
    offset = 0
    for name in order:
        data = members[name]
        try:
            encoded, flags = name.encode("ascii"), 0
        except UnicodeEncodeError:
            encoded, flags = name.encode("utf-8"), _UTF8_NAME
        packed = _deflate_shared(data) if name in shared else _deflate(data)
        crc = zlib.crc32(data)
        sizes = (crc, len(packed), len(data), len(encoded))
        header = _LOCAL.pack(b"PK\x03\x04", _VERSION, 0, flags, _DEFLATED, dos_time, dos_date, *sizes, 0)
        entry = (_VERSION, 0, _VERSION, 0, flags, _DEFLATED, dos_time, dos_date, *sizes, 0, 0, 0, 0, _READ_WRITE)
        directory.append(_CENTRAL.pack(b"PK\x01\x02", *entry, offset) + encoded)
        out += (header, encoded, packed)
        offset += len(header) + len(encoded) + len(packed)
    central = b"".join(directory)
    end = _END.pack(b"PK\x05\x06", 0, 0, len(directory), len(directory), len(central), offset, 0)
    return b"".join(out) + central + end
