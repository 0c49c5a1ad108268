"""Reading an input file whole, refusing what only looks like one.

``/dev/zero`` or ``/dev/urandom`` given as a transcript or a template would
be read until memory runs out, and a folder gives an unclear error; both are
refused as the file system would refuse them, with an ``OSError`` that
callers already turn into their own error naming the file. A pipe is read
(``<(zcat day.txt.gz)``) unless the caller needs a real file.
"""

from __future__ import annotations

import errno
import os
import stat

__all__ = ["read_whole"]


def read_whole(path: str | os.PathLike[str], *, limit: int | None = None, pipes: bool = True) -> bytes:
    """The bytes of ``path``; ``OSError`` for a folder, a device, a pipe (unless ``pipes``), over ``limit`` bytes.

    >>> read_whole("/dev/zero")
    Traceback (most recent call last):
    ...
    OSError: [Errno 19] a device, not a file: '/dev/zero'
    """
    mode = os.stat(path).st_mode
    if stat.S_ISDIR(mode):
        raise IsADirectoryError(errno.EISDIR, "is a directory", os.fspath(path))
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        raise OSError(errno.ENODEV, "a device, not a file", os.fspath(path))
    if not stat.S_ISREG(mode) and not (pipes and stat.S_ISFIFO(mode)):
        raise OSError(errno.ENODEV, "a pipe or socket, not a file", os.fspath(path))
    with open(path, "rb") as fh:
        data = fh.read() if limit is None else fh.read(limit + 1)
    if limit is not None and len(data) > limit:
        raise OSError(errno.EFBIG, f"more than {limit} bytes", os.fspath(path))
    return data
