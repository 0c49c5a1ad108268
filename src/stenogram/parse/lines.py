"""Lines and what each one is: blank, a whole-line note, a label candidate, or text.

Columns rather than objects, and only as much as a line needs: its start
offset (4 bytes), its kind (1 byte), and entries in two sparse tables for the
few lines that are notes or label candidates. A transcript may hold a million
short lines, and memory must stay a small multiple of the text; it must also
parse at over 10 MB/s in pure Python. So the lines themselves are a list of
strings when they are long enough for a string's own cost (about 60 bytes) to
be small beside them, and are otherwise sliced from the text when asked for
(:class:`LineText`). Classification asks the tables of :mod:`.notes` and
:mod:`.labels` once per line, a chunk of lines at a time, with whole-chunk
passes rather than a Python loop with tests per line.

>>> ls = split_lines("Title\\n\\n(Applause.)\\nAnna: Hi.\\n", 0)
>>> [KIND_NAMES[k] for k in ls.kind]
['text', 'blank', 'note', 'text', 'blank']
>>> ls.label[3].label, ls.text[3]
('Anna', 'Anna: Hi.')
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left
from collections.abc import Iterator, Sequence
from itertools import accumulate
from typing import overload

from stenogram.lexicon import ATTRIBUTIONS
from stenogram.model import NoteKind
from stenogram.parse.labels import (
    MARK_LINE,
    PERIOD_LINE,
    REJECTED,
    LabelMatch,
    is_label_prefix,
    match_attribution,
    match_dash_label,
    match_label,
)
from stenogram.parse.notes import EXCERPT_RE, HEADING_START, NOTE_START, note_kind
from stenogram.text import WidePattern

__all__ = ["BLANK", "KIND_NAMES", "NOTE", "TEXT", "Lines", "split_lines"]

TEXT, BLANK, NOTE = 0, 1, 2  # a line's kind, one byte a line
KIND_NAMES = ("text", "blank", "note")

_INTERJECTING = re.compile(r"[^\W\d_][^:.!?\n-]{0,60}\binterjecting[—–\-.]{0,2}")
_MAX_NOTE = 300  # a longer line is prose even if it starts with "(" and ends with ")"
# A line start whose first visible character may open a note (NOTE_START after the indent).
_NOTE_LINE = WidePattern(rf"\n[^\S\n]*(?={NOTE_START.pattern})", narrow=rf"\n[^\S\n]*(?={NOTE_START.narrow})")
_CHUNK = 1 << 16  # characters of text split into line strings at a time
_LIST_MIN = 32  # the mean line length from which the lines are kept as a list of strings
_RUNS = (bytes((TEXT, BLANK)), bytes((NOTE, BLANK)))  # a line, then a blank one: a run of blanks begins


class LineText(Sequence[str]):
    """The lines of a text, each sliced from it when asked for: no string is held per line."""

    __slots__ = ("_bounds", "_n", "_text")

    def __init__(self, text: str, bounds: array[int]) -> None:
        self._text = text
        self._bounds = bounds  # line i is text[bounds[i] : bounds[i + 1] - 1]
        self._n = len(bounds) - 1

    def __len__(self) -> int:
        return self._n

    @overload
    def __getitem__(self, i: int) -> str: ...
    @overload
    def __getitem__(self, i: slice) -> list[str]: ...
    def __getitem__(self, i: int | slice) -> str | list[str]:
        if isinstance(i, slice):
            a, z, step = i.indices(self._n)
            if step != 1:
                return [self[j] for j in range(a, z, step)]
            if a >= z:
                return []
            b = self._bounds
            return self._text[b[a] : b[z] - 1].split("\n")  # a run of lines in one slice and one split
        if i < 0:
            i += self._n
            if i < 0:
                raise IndexError("line index out of range")
        elif i >= self._n:
            raise IndexError("line index out of range")
        b = self._bounds
        return self._text[b[i] : b[i + 1] - 1]

    def __iter__(self) -> Iterator[str]:
        text, b = self._text, self._bounds
        return (text[b[i] : b[i + 1] - 1] for i in range(self._n))


class Lines:
    """The lines of ``text[start:]``: their offsets and kinds, and the notes and label candidates among them."""

    def __init__(self, text: str, start: int) -> None:
        self.first_number = text.count("\n", 0, start) + 1
        # Line i starts at offset[i]; offset[len] is one past the end, as if a newline closed the text.
        # Machine integers, 4 bytes a line unless the text is too long for them.
        self.offset = array("i" if len(text) < 2**31 - 2 else "q")
        self.kind = bytearray()
        self.note: dict[int, NoteKind] = {}  # line -> its kind of note, for note lines only
        self.label: dict[int, LabelMatch] = {}  # line -> its label candidate, for candidates only
        whole: list[str] | None = None
        if len(text) - start >= _LIST_MIN * (text.count("\n", start) + 1):
            # Long lines: a string each costs little beside the text. Split in place, not from a copy of the
            # text after the header (``text[start:]`` would hold the text twice while the lines are made).
            if start == 0 or text[start - 1] == "\n":
                whole = text.split("\n")
                del whole[: self.first_number - 1]
            else:
                whole = text[start:].split("\n")
        for base, lines, pos in _chunks(text, start, whole):
            self._classify(lines, base, pos, text)
        self.offset.append(len(text) + 1)
        self.text: list[str] | LineText = LineText(text, self.offset) if whole is None else whole
        self.blank_sep = self.blank_separated()
        for base, lines, pos in _chunks(text, start, whole):
            self._find_labels(lines, base, pos, text)

    def _classify(self, lines: list[str], base: int, pos: int, text: str) -> None:
        """Offsets and kinds of one chunk's lines (``base`` is the first one's index, ``pos`` its offset)."""
        offsets = self.offset
        offsets.extend(accumulate(map((1).__add__, map(len, lines)), initial=pos))
        offsets.pop()  # the next chunk's first line
        kinds = self.kind
        kinds.extend(TEXT if line and not line.isspace() else BLANK for line in lines)
        notes = self.note
        # One regex over the chunk: only lines whose first visible character may open a note are asked.
        for i in _line_starts(_NOTE_LINE, text, lines, base=base, pos=pos, offsets=offsets):
            stripped = lines[i - base].strip()
            if len(stripped) <= _MAX_NOTE:  # a longer line is prose
                nk = note_kind(stripped)
                if nk is not None:
                    kinds[i] = NOTE
                    notes[i] = nk
        # "Opposition members interjecting—": the record of an interruption, not speech.
        for k in [k for k, line in enumerate(lines) if "interject" in line]:
            if kinds[base + k] == TEXT and _INTERJECTING.fullmatch(lines[k].strip()):
                kinds[base + k] = NOTE
                notes[base + k] = NoteKind.STAGE

    def _find_labels(self, lines: list[str], base: int, pos: int, text: str) -> None:
        """The label candidates of one chunk's lines."""
        kinds, labels = self.kind, self.label
        if self.blank_sep:
            # Blank-line records: a label opens a block, so only block starts are asked, in every form.
            for k, line in enumerate(lines):
                i = base + k
                if kinds[i] == TEXT and self.para_start(i):
                    found = match_label(line) or match_dash_label(line) or match_attribution(line)
                    if found is not None:
                        labels[i] = found
            return
        # Running text: any line may open a turn, with a colon label or a dash label.
        for k in [k for k, line in enumerate(lines) if ":" in line or "：" in line]:
            if kinds[base + k] == TEXT:
                found = match_label(lines[k], colon_only=True)
                if found is not None:
                    labels[base + k] = found
        # "Asked by Baroness Smith of Basildon": a member's name over the question asked in it.
        for i in _line_starts(_ATTRIBUTION_LINE, text, lines, base=base, pos=pos, offsets=self.offset):
            if kinds[i] == TEXT and i not in labels:
                found = match_attribution(lines[i - base])
                if found is not None:
                    labels[i] = found
        # "○議長（細田博之君）　…": a speaker mark, and no separator after the label.
        for i in _line_starts(MARK_LINE, text, lines, base=base, pos=pos, offsets=self.offset):
            if kinds[i] == TEXT and i not in labels:
                line = lines[i - base]
                found = match_dash_label(line) if line[:1].isdigit() else match_label(line)
                if found is not None:
                    labels[i] = found
        # "Could a dash close a label here?", asked in the comprehension: a call per line costs more.
        dashed = [k for k, ln in enumerate(lines) if "-" in ln or "—" in ln or "–" in ln or " asked " in ln]
        for k in dashed:
            i = base + k
            colon = labels.get(i)
            if kinds[i] == TEXT and (colon is None or colon.strength == REJECTED):
                # "Mr HAYDEN - I move:": the colon closes a lead-in, the dash the label.
                found = match_dash_label(lines[k]) or colon
                if found is not None:
                    labels[i] = found
        # "Mr. SMITH. Mr. Speaker, …": period labels in running text, as printed congressional records have.
        for i in _line_starts(PERIOD_LINE, text, lines, base=base, pos=pos, offsets=self.offset):
            old = labels.get(i)
            if kinds[i] == TEXT and (old is None or old.strength == REJECTED or old.form == "dash"):
                # "PIRMININKĖ. Pranešėja – …": a dash in the speech made a dash candidate first, which
                # runs past the full stop that closes the label.
                found = match_label(lines[i - base])
                if found is not None and found.form == "period" and (old is None or found.rest <= old.rest):
                    labels[i] = found

    def __len__(self) -> int:
        return len(self.kind)

    def number(self, i: int) -> int:
        """The 1-based line number of line index ``i`` in the whole text."""
        return self.first_number + i

    def index_of(self, number: int) -> int:
        return number - self.first_number

    def blank_separated(self) -> bool:
        """Does the document separate paragraphs by blank lines (so single breaks are wraps)?"""
        kinds = self.kind
        blanks = kinds.count(BLANK)
        # A gap is a run of blank lines followed by content: every run but one that ends the text.
        runs = sum(map(kinds.count, _RUNS)) + (kinds[:1] == b"\x01")
        gaps = runs - (kinds[-1:] == b"\x01")
        content = len(kinds) - blanks
        return content > 0 and gaps * 4 >= content

    def has_text(self) -> bool:
        return TEXT in self.kind

    def para_start(self, i: int) -> bool:
        """Is line ``i`` the first line of a block (after a blank line, a note or nothing)?"""
        if i == 0:
            return True
        if self.kind[i - 1] != TEXT:
            return True
        m = self.label.get(i - 1)
        return m is not None and not self.text[i - 1][m.rest :].strip()

    def label_prefix(self, i: int) -> int:
        """How many lines above line ``i`` hold the first part of a label broken by wraps (0 to 3).

        ``Prime Minister Mikhail`` / ``Mishustin: Mr``: the lines above must
        be name-like words only, and the line above them must end a block.
        """
        best = 0
        own = self.label.get(i)
        role_words = own is not None and own.name[:1].islower()  # "host Megyn Kelly:" goes on from the line above
        kind, text = self.kind, self.text
        for k in range(1, 4):
            j = i - k
            if j < 0 or kind[j] != TEXT or j in self.label or not is_label_prefix(text[j], role_words=role_words):
                break
            if j == 0 or kind[j - 1] == BLANK:
                best = k
                continue
            if kind[j - 1] == NOTE:
                if self.note.get(j - 1) is not NoteKind.TIMESTAMP:
                    best = k  # after "* * *" or "(Applause.)"; a time line is followed by the place
                break
            before = text[j - 1].rstrip()
            if _is_header_tail(before):
                break  # "17:40" / a place line: header lines, not half a label
            if self.heading_ends_at(j - 1):
                best = k  # "Excerpts / from transcript of the … / Economic Forum" above "Panel moderator, NBC"
                break
            if not before[-1:].isalnum() or j < 2 or kind[j - 2] == NOTE:
                best = k  # the line above ends a sentence, or is a heading after a separator
        return best

    def heading_ends_at(self, i: int) -> bool:
        """Does line ``i`` end a heading such as ``Excerpts from the transcript of …``, wrapped or not?

        Such a heading runs on without a full stop, so the line after it can
        open a label even though the line above that label does not end a sentence.
        """
        kind, text = self.kind, self.text
        for s in range(i, max(i - 4, -1), -1):
            if kind[s] != TEXT:
                return False
            if HEADING_START.match(text[s]):
                return EXCERPT_RE.fullmatch(" ".join(line.strip() for line in text[s : i + 1])) is not None
        return False


def _chunks(text: str, start: int, whole: list[str] | None) -> Iterator[tuple[int, list[str], int]]:
    """``text[start:]`` split into lines a chunk at a time: (index of its first line, its lines, its offset).

    Splitting the whole text at once would hold a string per line, many times
    the text itself when lines are short; a chunk's strings go once it is read.
    ``whole`` is the text's lines when they are kept anyway: one chunk.
    """
    if whole is not None:
        yield 0, whole, start
        return
    base, pos, size = 0, start, len(text)
    while True:
        cut = text.find("\n", min(pos + _CHUNK, size))
        if cut < 0:
            lines = text[pos:].split("\n")
            yield base, lines, pos
            return
        lines = text[pos:cut].split("\n")
        yield base, lines, pos
        base += len(lines)
        pos = cut + 1


_HEAD = 1 << 16  # characters of a chunk's first line that a line-start pattern reads (a label or note is far shorter)


def _line_starts(
    pattern: re.Pattern[str] | WidePattern, text: str, lines: list[str], *, base: int, pos: int, offsets: array[int]
) -> Iterator[int]:
    """The lines of a chunk where ``pattern``, which opens with the newline before a line, matches.

    Read in place in the text (from the chunk's first newline), not in a copy
    of the chunk with a newline put first: a chunk may be the whole text. The
    chunk's first line is asked on its own, from a newline and its head.
    """
    if pattern.match("\n" + lines[0][:_HEAD]) is not None:
        yield base
    end = pos + sum(map(len, lines)) + len(lines) - 1
    for m in pattern.finditer(text, pos, end):
        yield bisect_left(offsets, m.start() + 1, base)  # the newline ends the line before


_ATTRIBUTION_LINE = re.compile("\n(?:" + "|".join(map(re.escape, ATTRIBUTIONS)) + ")")


def _is_header_tail(line: str) -> bool:
    s = line.strip()
    return len(s) <= 40 and any(ch.isdigit() for ch in s) and (":" in s or "," in s)


def split_lines(text: str, start: int) -> Lines:
    return Lines(text, start)
