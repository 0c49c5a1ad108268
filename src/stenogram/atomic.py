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
from pathlib import Path

__all__ = ["write_atomic"]


def _current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomic(path: str | os.PathLike[str], data: str | bytes) -> Path:
    """Write ``data`` (text as UTF-8) to a temp file beside ``path``, then rename it into place.

    The temp file lives in the target's directory so the rename never
    crosses file systems. An existing file keeps its permission bits; a new
    one gets the usual ``0o666`` less the umask (``mkstemp`` would give
    ``0o600``). On any failure the temp file is removed and the target is
    left as it was.
    """
    target = Path(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        mode = stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        mode = 0o666 & ~_current_umask()
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
    return target
