"""Line numbers in the margin: pages of numbered lines, as court reporters print depositions.

A deposition numbers each line of a page, 1 to 25, and starts again on the
next page: ``15          Q.   Good morning, …``. The numbers are the page's
layout, not anyone's words, and they hide the indent that shows where a
label or a paragraph begins. Where most of the body's first lines are
numbered so (runs that count up by one and start again at 1), each line's
number is replaced by spaces of its width: offsets and line numbers stay the
text's, and a diagnostic says which lines were read so. The ICC prints a
time in front of some numbers (``09:31:12  10  THE COURT USHER: …``) and
two lines of head above each page; the times are the margin's too, and the
few unnumbered lines between a page's last line and the next page's line 1
are its head, read as a page note (:func:`page_heads`).

>>> page = "".join(f"{n:>2}     line {n} of the page\\n" for n in range(1, 26))
>>> numbered_margin(page, 0)
1
>>> blank_margin(page, 0)[:30]
'       line 1 of the page\\n    '
>>> numbered_margin("1. First item\\n2. Second item\\n", 0)
0
"""

from __future__ import annotations

import re
from itertools import pairwise

from stenogram.diagnostics import Diagnostic, Severity

__all__ = ["CODE", "blank_margin", "margin_diagnostic", "numbered_margin", "page_heads"]

CODE = "line-numbers"
# The number, after a narrow indent or in a margin of times ("09:31:12  10", "           11", as the ICC prints).
_NUMBER = re.compile(r"^(?:[ \t]{0,2}|\d{2}:\d{2}:\d{2}[ \t]{1,4}|[ \t]{8,12})(\d{1,2})(?=[ \t]|$)", re.MULTILINE)
_HEAD_LINES = 3  # unnumbered lines between a page's last line and the next page's line 1, at most: its head
_LAST_LINE = 10  # a page ends at this line or later
_SAMPLE_LINES = 80  # the body's lines asked
_MIN_NUMBERED = 20  # numbered lines among them, at least: a short list is no page
_NUMBERED_SHARE = 0.8  # of the sample's lines with text
_IN_ORDER_SHARE = 0.9  # of the numbers, each one more than the one before or a page's 1


def numbered_margin(text: str, start: int) -> int:
    """The line (1-based) of the first numbered line when the body's lines carry a margin of numbers, else 0."""
    end = start
    for _ in range(_SAMPLE_LINES):
        end = text.find("\n", end) + 1
        if end == 0:
            end = len(text)
            break
    numbers = [(m.start(), int(m.group(1))) for m in _NUMBER.finditer(text, start, end)]
    if len(numbers) < _MIN_NUMBERED:
        return 0
    with_text = sum(1 for line in text[start:end].split("\n") if line.strip())
    in_order = sum(1 for (_, a), (_, b) in pairwise(numbers) if b in (a + 1, 1))
    if len(numbers) < _NUMBERED_SHARE * with_text or in_order < _IN_ORDER_SHARE * (len(numbers) - 1):
        return 0
    return text.count("\n", 0, numbers[0][0]) + 1


def blank_margin(text: str, start: int) -> str:
    """``text`` with the margin (number, and time) at the start of each line of the body replaced by spaces."""
    return text[:start] + _NUMBER.sub(lambda m: " " * len(m.group()), text[start:])


def page_heads(text: str, start: int) -> tuple[int, ...]:
    """The starts of the lines that head a page: the few unnumbered lines before a page's line 1.

    Printed on every page (``ICC-01/14-02/22-T-061-ENG ET WT … 2/40 T``), a
    head would cut a sentence that runs over the page; read as a page note it
    does not, and no word is lost.
    """
    out: list[int] = []
    last = (0, 0)  # where the last numbered line ends, and its number
    for m in _NUMBER.finditer(text, start):
        number = int(m.group(1))
        if number == 1 and last[1] >= _LAST_LINE and 0 < text.count("\n", last[0], m.start()) <= _HEAD_LINES + 1:
            pos = last[0] + 1
            while pos < m.start():
                if text[pos:].strip(" \t")[:1] != "\n":
                    out.append(pos)
                pos = text.index("\n", pos) + 1
        end = text.find("\n", m.end())
        last = (end if end >= 0 else len(text), number)
    return tuple(out)


def margin_diagnostic(line: int) -> Diagnostic:
    """Say that the numbers were read as the pages' layout, from the first numbered line on."""
    return Diagnostic(
        code=CODE,
        message="line numbers in the margin (with its times) and page heads read as the pages' layout, not as words",
        line=line,
        severity=Severity.INFO,
    )
