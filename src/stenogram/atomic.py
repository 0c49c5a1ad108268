"""Atomic file writes: a reader of the target never sees half a file.

Whatever the file system refuses (a NUL in the path, a name too long, a
missing folder, no permission, a full disk, a pipe nobody reads) is a
``WriteError`` naming the file and the problem, and leaves nothing behind.

>>> import tempfile, pathlib
>>> with tempfile.TemporaryDirectory() as d:
...     p = write_atomic(pathlib.Path(d) / "out.md", "# Title\\n")
...     p.read_text(encoding="utf-8")
'# Title\\n'
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import BinaryIO

from stenogram.errors import ArgumentError, WriteError
from stenogram.surrogates import utf8

__all__ = ["check_inside", "check_writable", "make_folder", "open_atomic", "write_atomic"]

#: Characters of the target's name kept in its temp file's name: the temp name
#: adds a dot, a random part and ``.tmp``, so a target near the file system's
#: name limit (255 bytes) must not make its temp file's name too long.
_TEMP_NAME_CHARS = 40

#: What the file system's error numbers mean for someone writing an output file, where its own words are unclear.
_PROBLEMS = {
    errno.ENOENT: "a folder on its path does not exist",
    errno.ENXIO: "it is a pipe no process is reading, or a socket",
    errno.EISDIR: "it is a directory",
    errno.ENOTDIR: "a part of the path is not a directory",
}


def _current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _named(path: str, exc: OSError) -> WriteError:
    """The file system's refusal, in its words (or ours, where they are unclear), about the file we were asked for."""
    return WriteError(path, _PROBLEMS.get(exc.errno or 0) or exc.strerror or str(exc), errno=exc.errno)


def _checked(path: str | os.PathLike[str]) -> str:
    """The path as text; a NUL (which no file name can hold) is refused before the OS sees it."""
    if not isinstance(path, (str, os.PathLike)):
        raise ArgumentError(f"an output path is a str or os.PathLike, not {type(path).__name__}")
    name = os.fspath(path)
    if not isinstance(name, str):
        raise ArgumentError(f"an output path is text, not {type(name).__name__}")
    if "\0" in name:
        raise WriteError(repr(name), "a file name cannot hold a NUL character")
    if not name:
        raise WriteError("''", "the file name is empty")
    if name.endswith((os.sep, "/")):  # Path() would drop the slash and write a file where a folder was meant
        raise WriteError(name, "it names a directory (it ends with a slash), not a file", errno=errno.EISDIR)
    return name


def check_writable(path: str | os.PathLike[str]) -> Path:
    """Refuse, before any work is done, an output path that cannot be written: ``WriteError`` says why.

    Catches what is plain from the path (a NUL, a directory, a missing
    folder, a name too long); permissions and a full disk show only when
    writing.
    """
    name = _checked(path)
    target = os.path.realpath(name)
    try:
        if stat.S_ISDIR(os.stat(target).st_mode):
            raise WriteError(name, "it is a directory", errno=errno.EISDIR)
    except FileNotFoundError:
        folder = os.path.dirname(target) or "."
        if not os.path.isdir(folder):
            raise WriteError(name, f"there is no directory {folder}", errno=errno.ENOENT) from None
    except OSError as exc:
        raise _named(name, exc) from None
    return Path(name)


def check_inside(folder: str | os.PathLike[str], target: str | os.PathLike[str]) -> None:
    """A file written into an output folder stays in it: a symbolic link there that leads out is refused.

    ``-o`` naming a link is the user's choice and is written through; a link
    found inside a folder was put there by someone else, under a name the
    exporter chose (a meeting id, an input's stem), so following it could
    replace any file the user may write.
    """
    home = os.path.realpath(folder)
    real = os.path.realpath(target)
    if os.path.commonpath([home, real]) != home:
        raise WriteError(os.fspath(target), f"it is a symbolic link out of the output folder (to {real})")


def make_folder(path: str | os.PathLike[str]) -> Path:
    """Create ``path`` and its parents if missing (``--output-dir``); any refusal is a ``WriteError``."""
    name = _checked(path)
    try:
        Path(name).mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise WriteError(name, "a file of that name is in the way of a folder", errno=errno.EEXIST) from None
    except OSError as exc:
        raise _named(name, exc) from None
    return Path(name)


def write_atomic(path: str | os.PathLike[str], data: str | bytes) -> Path:
    """Write ``data`` (text as UTF-8) to a temp file beside ``path``, then rename it into place.

    Text cannot fail to encode: a lone surrogate (which only a model built in
    code can still hold; the readers replace them) is written as U+FFFD.
    See ``open_atomic`` for links, devices, permissions and errors.
    """
    payload = utf8(data) if isinstance(data, str) else data
    with open_atomic(path) as fh:
        fh.write(payload)
    return Path(path)


def _open_special(name: str, target: str, mode: int) -> BinaryIO:
    """A device or a pipe, opened to write into: a pipe nobody reads is an error, not a wait forever."""
    if stat.S_ISDIR(mode):
        raise WriteError(name, "it is a directory", errno=errno.EISDIR)
    flags = os.O_WRONLY | (os.O_NONBLOCK if stat.S_ISFIFO(mode) else 0)
    try:
        fd = os.open(target, flags)
    except OSError as exc:
        raise _named(name, exc) from None
    os.set_blocking(fd, True)
    return os.fdopen(fd, "wb")


@contextmanager
def open_atomic(path: str | os.PathLike[str]) -> Iterator[BinaryIO]:
    """A binary file to write ``path``: a temp file beside it, renamed into place when the block ends.

    Output too large to hold in memory at once (a table of every turn of a
    corpus) is written in pieces. If the block raises, the temp file is
    removed and ``path`` is left as it was. The temp file lives in the
    target's directory so the rename never crosses file systems. An existing
    file keeps its permission bits; a new one gets the usual ``0o666`` less
    the umask (``mkstemp`` would give ``0o600``).

    A symbolic link is followed: the file it points to is replaced and the
    link stays, so links made on purpose keep working (callers that must not
    write over their input compare the resolved paths). A target that is not
    a regular file (``/dev/null``, a pipe) is written into, never replaced;
    a pipe that no process reads is refused rather than waited on.
    """
    name = _checked(path)
    target = os.path.realpath(name)  # through a symbolic link: the link stays, its file is replaced
    try:
        status = os.stat(target)
    except FileNotFoundError:
        mode = 0o666 & ~_current_umask()
    except OSError as exc:  # a link loop, a name too long, a part of the path that is a file
        raise _named(name, exc) from None
    else:
        if not stat.S_ISREG(status.st_mode):
            with _open_special(name, target, status.st_mode) as special:
                yield from _writing(name, special)
            return
        mode = stat.S_IMODE(status.st_mode)
    folder, base = os.path.split(target)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{base[:_TEMP_NAME_CHARS]}.", suffix=".tmp", dir=folder or ".")
    except OSError as exc:
        raise _named(name, exc) from None
    try:
        with os.fdopen(fd, "wb") as fh:
            yield from _writing(name, fh, temp=tmp)
            _finish(name, fh)
        try:
            os.chmod(tmp, mode)
            os.replace(tmp, target)
        except OSError as exc:
            raise _named(name, exc) from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _writing(name: str, fh: BinaryIO, *, temp: str | None = None) -> Iterator[BinaryIO]:
    """Hand ``fh`` to the caller's block; a failed write into it (a full disk) becomes a ``WriteError`` for ``name``.

    An ``OSError`` about some other file (an exporter reading one) passes unchanged.
    """
    try:
        yield fh
        fh.flush()
    except OSError as exc:
        if isinstance(exc, WriteError) or exc.filename not in (None, temp):
            raise
        with suppress(OSError):  # what is left in the buffer would fail again as the file closes
            fh.close()
        raise _named(name, exc) from None


def _finish(name: str, fh: BinaryIO) -> None:
    try:
        fh.flush()
        os.fsync(fh.fileno())
    except OSError as exc:
        raise _named(name, exc) from None
