"""Atomic file writes: a reader of the target never sees half a file.

>>> import tempfile, pathlib
>>> with tempfile.TemporaryDirectory() as d:
...     p = write_atomic(pathlib.Path(d) / "out.md", "# Title\\n")
...     p.read_text(encoding="utf-8")
'# Title\\n'
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from stenogram.surrogates import utf8

__all__ = ["open_atomic", "write_atomic"]


def _current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomic(path: str | os.PathLike[str], data: str | bytes) -> Path:
    """Write ``data`` (text as UTF-8) to a temp file beside ``path``, then rename it into place.

    Text cannot fail to encode: a lone surrogate (which only a model built in
    code can still hold; the readers replace them) is written as U+FFFD.

    The temp file lives in the target's directory so the rename never
    crosses file systems. An existing file keeps its permission bits; a new
    one gets the usual ``0o666`` less the umask (``mkstemp`` would give
    ``0o600``). On any failure the temp file is removed and the target is
    left as it was. A symbolic link is followed: the file it points to is
    replaced and the link stays, so links made on purpose keep working (callers
    that must not write over their input compare the resolved paths); a target
    that is not a regular file (``/dev/null``, a pipe) is written into, since
    renaming over it would replace the device.
    """
    given = Path(path)
    target = Path(os.path.realpath(given))  # through a symbolic link: the link stays, its file is replaced
    payload = utf8(data) if isinstance(data, str) else data
    try:
        status = target.stat()
    except FileNotFoundError:
        mode = 0o666 & ~_current_umask()
    else:
        if not stat.S_ISREG(status.st_mode):  # /dev/null, a pipe: write into it, never replace it
            with target.open("wb") as fh:
                fh.write(payload)
            return given
        mode = stat.S_IMODE(status.st_mode)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return given


@contextmanager
def open_atomic(path: str | os.PathLike[str]) -> Iterator[BinaryIO]:
    """A binary file to write ``path`` in pieces: a temp file beside it, renamed into place when the block ends.

    For output too large to hold in memory at once (a table of every turn of
    a corpus). If the block raises, the temp file is removed and ``path`` is
    left as it was.
    """
    target = Path(os.path.realpath(path))
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o666 & ~_current_umask())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
