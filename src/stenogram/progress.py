"""Progress over many files: a one-line bar on a terminal, plain lines anywhere else.

The bar is redrawn in place with a carriage return, so it never scrolls;
messages (errors, results) are written above it. When the stream is not a
terminal (a pipe, a CI log) there is no bar and messages are plain lines,
which keeps logs readable and greppable.
"""

from __future__ import annotations

import shutil
from typing import TextIO

from stenogram.text import columns, is_wide, one_line

__all__ = ["Progress"]

BAR_WIDTH = 24


def _tail(name: str, room: int) -> str:
    """The end of ``name`` in ``room`` terminal columns, "…" in front when cut (wide characters take two)."""
    if columns(name) <= room:
        return name
    kept, used = [], 1  # the ellipsis
    for char in reversed(name):
        used += 2 if is_wide(char) else 1
        if used > room:
            break
        kept.append(char)
    return "…" + "".join(reversed(kept)) if room > 1 else ""


class Progress:
    """Counts finished items out of ``total`` on ``stream``."""

    def __init__(self, total: int, stream: TextIO, *, bar: bool | None = None) -> None:
        self.total = total
        self.done = 0
        self.stream = stream
        self.bar = stream.isatty() if bar is None else bar
        self._drawn = False

    def _clear(self) -> None:
        if self._drawn:
            self.stream.write("\r\x1b[2K")
            self._drawn = False

    def _draw(self, current: str) -> None:
        width = shutil.get_terminal_size((80, 24)).columns
        filled = BAR_WIDTH * self.done // max(self.total, 1)
        head = f"[{'#' * filled}{'.' * (BAR_WIDTH - filled)}] {self.done}/{self.total} "
        room = max(width - len(head) - 1, 0)
        name = _tail(current, room)
        self.stream.write(f"\r\x1b[2K{head}{name}")
        self.stream.flush()
        self._drawn = True

    def start(self, name: str) -> None:
        """``name`` is being worked on (only the bar shows this)."""
        if self.bar:
            self._draw(name)

    def message(self, line: str) -> None:
        """A line that stays: written above the bar, or as a plain line; no escape sequence from a file gets through."""
        self._clear()
        self.stream.write(one_line(line) + "\n")
        self.stream.flush()

    def advance(self, name: str = "") -> None:
        self.done += 1
        if self.bar:
            self._draw(name)

    def close(self) -> None:
        """Remove the bar so the summary starts on a clean line."""
        self._clear()
        self.stream.flush()
