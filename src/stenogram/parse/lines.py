"""Lines and what each one is: blank, a whole-line note, a label candidate, or text.

Columns rather than objects, and only as much as a line needs, with entries
in two sparse tables for the few lines that are notes or label candidates. A
transcript may hold a million short lines, and the parse must stay within 1.5
times the model it builds; it must also parse at over 10 MB/s in pure Python.
So long lines (a string's own cost, about 60 bytes, small beside them) are a
list of strings with a start offset (4 bytes) and a kind (1 byte) each; short
lines keep a start offset every ``_BLOCK`` lines only, and a block of lines,
their offsets and kinds are read from the text when asked for
(:class:`LineText`, :class:`_Window`). Classification asks the tables of :mod:`.notes` and
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
from itertools import accumulate, chain
from operator import not_, or_
from typing import overload

from stenogram.lexicon import ATTRIBUTIONS
from stenogram.model import NoteKind
from stenogram.parse.heads import HeadLines, head_label
from stenogram.parse.keys import key_pattern, speaker_key
from stenogram.parse.labels import (
    MARK_LINE,
    PERIOD_LINE,
    REJECTED,
    STRONG,
    LabelMatch,
    fold,
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
_SEEN_LEN, _SEEN_MAX = 80, 4096  # colon lines this short are matched once a text, this many of them
_UNSEEN = LabelMatch("", "", None, 0, 0, 0, "", ())  # not matched yet (None: matched, no label)
_BLOCK_BITS = 6
_BLOCK = 1 << _BLOCK_BITS  # shorter lines: a start offset kept every this many lines, a block read at a time
_RUNS = (bytes((TEXT, BLANK)), bytes((NOTE, BLANK)))  # a line, then a blank one: a run of blanks begins


class _Window:
    """The tables of short lines, sparse: a start offset every ``_BLOCK`` lines, and one block decoded at a time.

    A line's offset, kind and text come from its block, split from the text
    when first asked for: kinds are what the text and the sparse ``note``
    table say (a note, blank or text), so nothing is held per line. The two
    blocks asked for last are kept, as the builder reads its lines in order
    and looks a line or a few back or ahead.
    """

    __slots__ = ("_prev", "hi", "kinds", "lines", "lo", "marks", "n", "note", "offs", "text")

    def __init__(self, text: str, marks: array[int], note: dict[int, NoteKind], n: int) -> None:
        self.text = text
        self.marks = marks  # line k * _BLOCK starts at marks[k]; the last entry is one past the end
        self.note = note
        self.n = n
        # The current block: lines lo to hi - 1, their offsets (one more: the next line's), kinds and text.
        self.lo = self.hi = 0
        self.offs: list[int] = [marks[0]]
        self.kinds = b""
        self.lines: list[str] = []
        self._prev: tuple[int, int, list[int], bytes, list[str]] = (0, 0, self.offs, b"", [])

    def block_lines(self, k: int) -> list[str]:
        """Block ``k``'s lines, split from the text."""
        marks = self.marks
        return self.text[marks[k] : marks[k + 1] - 1].split("\n")

    def block_kinds(self, k: int, lines: list[str]) -> bytes:
        """Block ``k``'s kinds: what its lines' text and the ``note`` table say."""
        kinds = _kinds_of(lines)
        note = self.note
        if note:
            lo = k << _BLOCK_BITS
            for j in [j for j in range(lo, lo + len(lines)) if j in note]:
                kinds[j - lo] = NOTE
        return bytes(kinds)

    def load(self, i: int) -> int:
        """Make line ``i``'s block the current one; ``i`` itself, made non-negative."""
        n = self.n
        if i < 0:
            i += n
        if not 0 <= i < n:
            raise IndexError("line index out of range")
        lo = i & ~(_BLOCK - 1)
        prev = self._prev
        self._prev = (self.lo, self.hi, self.offs, self.kinds, self.lines)
        if prev[0] == lo and prev[1] > lo:
            self.lo, self.hi, self.offs, self.kinds, self.lines = prev
        else:
            k = lo >> _BLOCK_BITS
            lines = self.block_lines(k)
            self.offs = list(accumulate(map((1).__add__, map(len, lines)), initial=self.marks[k]))
            self.lines, self.kinds = lines, self.block_kinds(k, lines)
            self.lo, self.hi = lo, lo + len(lines)
        return i

    def offset(self, i: int) -> int:
        if self.lo <= i <= self.hi:
            return self.offs[i - self.lo]
        if i == self.n:
            return self.marks[-1]
        i = self.load(i)
        return self.offs[i - self.lo]

    def iter_lines(self) -> Iterator[list[str]]:
        """Every block's lines in order, without disturbing the current block."""
        return map(self.block_lines, range(len(self.marks) - 1))

    def iter_kinds(self) -> Iterator[bytes]:
        """Every block's kinds in order, without disturbing the current block."""
        for k in range(len(self.marks) - 1):
            yield self.block_kinds(k, self.block_lines(k))


class _Offsets(Sequence[int]):
    """Line starts read from a :class:`_Window` (``offset[len]`` is one past the end)."""

    __slots__ = ("_w",)

    def __init__(self, window: _Window) -> None:
        self._w = window

    def __len__(self) -> int:
        return self._w.n + 1

    @overload
    def __getitem__(self, i: int) -> int: ...
    @overload
    def __getitem__(self, i: slice) -> list[int]: ...
    def __getitem__(self, i: int | slice) -> int | list[int]:
        w = self._w
        try:
            if w.lo <= i <= w.hi:  # type: ignore[operator]
                return w.offs[i - w.lo]  # type: ignore[operator]
        except TypeError:  # a slice: the only other key, asked for here rather than before every line
            assert isinstance(i, slice)
            return [self[j] for j in range(*i.indices(w.n + 1))]
        assert isinstance(i, int)
        if i < 0:
            i += w.n + 1
            if i < 0:
                raise IndexError("line index out of range")
        return w.offset(i)


class _Kinds(Sequence[int]):
    """Line kinds read from a :class:`_Window`."""

    __slots__ = ("_w",)

    def __init__(self, window: _Window) -> None:
        self._w = window

    def __len__(self) -> int:
        return self._w.n

    @overload
    def __getitem__(self, i: int) -> int: ...
    @overload
    def __getitem__(self, i: slice) -> bytes: ...
    def __getitem__(self, i: int | slice) -> int | bytes:
        w = self._w
        try:
            if w.lo <= i < w.hi:  # type: ignore[operator]
                return w.kinds[i - w.lo]  # type: ignore[operator]
        except TypeError:  # a slice: the only other key, asked for here rather than before every line
            assert isinstance(i, slice)
            return bytes(self[j] for j in range(*i.indices(w.n)))
        i = w.load(i)  # type: ignore[arg-type]
        return w.kinds[i - w.lo]

    def __iter__(self) -> Iterator[int]:
        return chain.from_iterable(self._w.iter_kinds())


class LineText(Sequence[str]):
    """The lines of a text, each sliced from it when asked for: no string is held per line."""

    __slots__ = ("_w",)

    def __init__(self, window: _Window) -> None:
        self._w = window

    def __len__(self) -> int:
        return self._w.n

    @overload
    def __getitem__(self, i: int) -> str: ...
    @overload
    def __getitem__(self, i: slice) -> list[str]: ...
    def __getitem__(self, i: int | slice) -> str | list[str]:
        w = self._w
        try:
            if w.lo <= i < w.hi:  # type: ignore[operator]
                return w.lines[i - w.lo]  # type: ignore[operator]
        except TypeError:  # a slice: the only other key, asked for here rather than before every line
            pass
        if isinstance(i, slice):
            a, z, step = i.indices(w.n)
            if step != 1:
                return [self[j] for j in range(a, z, step)]
            if a >= z:
                return []
            start = w.offset(a)
            return w.text[start : w.offset(z) - 1].split("\n")  # a run of lines in one slice and one split
        i = w.load(i)
        return w.lines[i - w.lo]

    def __iter__(self) -> Iterator[str]:
        return chain.from_iterable(self._w.iter_lines())


class Lines:
    """The lines of ``text[start:]``: their offsets and kinds, and the notes and label candidates among them."""

    def __init__(self, text: str, start: int, page_heads: tuple[int, ...] = ()) -> None:
        self.first_number = text.count("\n", 0, start) + 1
        self._page_heads = page_heads  # starts of lines a caller knows head a page (.margins): page notes
        self.note: dict[int, NoteKind] = {}  # line -> its kind of note, for note lines only
        self.label: dict[int, LabelMatch] = {}  # line -> its label candidate, for candidates only
        self._seen: dict[str, LabelMatch | None] = {}  # short colon lines already matched, while reading
        self._heads = HeadLines()  # lines heading a block with text below: speakers' lines in some records
        whole: list[str] | None = None
        if len(text) - start >= _LIST_MIN * (text.count("\n", start) + 1):
            # Long lines: a string each costs little beside the text. Split in place, not from a copy of the
            # text after the header (``text[start:]`` would hold the text twice while the lines are made).
            if start == 0 or text[start - 1] == "\n":
                whole = text.split("\n")
                del whole[: self.first_number - 1]
            else:
                whole = text[start:].split("\n")
        # What blank_separated() and has_text() need, counted a chunk at a time: blank lines, runs of
        # them after a line, text lines, and the kinds of the first and the last line.
        self._blanks = self._runs = self._texts = 0
        self._ends = [BLANK, BLANK]
        # Line i starts at offset[i]; offset[len] is one past the end, as if a newline closed the text.
        # Long lines: machine integers and a byte of kind a line. Short lines: a start every _BLOCK lines.
        marks = array("i" if len(text) < 2**31 - 2 else "q")
        self.offset: Sequence[int]
        self.kind: Sequence[int]
        n = 0
        offs, kinds = marks, bytearray()
        for base, lines, pos in _chunks(text, start, whole):
            offs, kinds = self._classify(lines, base, pos, text, marks.typecode)
            self._count(kinds, base)
            if whole is None:
                marks.extend(offs[-base % _BLOCK : -1 : _BLOCK])  # the lines k * _BLOCK of this chunk
            n = base + len(lines)
        self.text: list[str] | LineText
        if whole is None:
            marks.append(len(text) + 1)
            window = _Window(text, marks, self.note, n)
            self.offset, self.kind, self.text = _Offsets(window), _Kinds(window), LineText(window)
        else:
            self.offset, self.kind, self.text = offs, kinds, whole  # one chunk: the whole text's tables
        self.blank_sep = self.blank_separated()
        for base, lines, pos in _chunks(text, start, whole):
            if whole is None:
                kinds = _kinds_of(lines)
                self._notes_into(kinds, base)
            # Short lines: the chunk's offsets are made again only if a pattern finds a line to ask.
            self._find_labels(lines, base, pos, text, offsets=None if whole is None else offs, kinds=kinds)
            self._collect_heads(lines, base, kinds)
        self._seen.clear()
        self._head_labels(text, start)
        key = speaker_key(text, start)
        if key:
            self._key_labels(text, start, key)

    def _classify(self, lines: list[str], base: int, pos: int, text: str, code: str) -> tuple[array[int], bytearray]:
        """Offsets and kinds of one chunk's lines (``base`` is the first one's index, ``pos`` its offset).

        The offsets run one past the chunk's last line (the next chunk's first, or the end).
        """
        offsets, kinds = _tables(lines, pos, code)
        notes = self.note
        # One regex over the chunk: only lines whose first visible character may open a note are asked.
        for i in _line_starts(_NOTE_LINE, text, lines, base=base, pos=pos, offsets=offsets, end=offsets[-1] - 1):
            stripped = lines[i - base].strip()
            if len(stripped) <= _MAX_NOTE:  # a longer line is prose
                nk = note_kind(stripped)
                if nk is not None:
                    kinds[i - base] = NOTE
                    notes[i] = nk
        if self._page_heads:
            for p in self._page_heads:
                k = bisect_left(offsets, p)
                if k < len(lines) and offsets[k] == p and kinds[k] == TEXT:
                    kinds[k] = NOTE
                    notes[base + k] = NoteKind.PAGE
        # "Opposition members interjecting—": the record of an interruption, not speech.
        for k in [k for k, line in enumerate(lines) if "interject" in line]:
            if kinds[k] == TEXT and _INTERJECTING.fullmatch(lines[k].strip()):
                kinds[k] = NOTE
                notes[base + k] = NoteKind.STAGE
        return offsets, kinds

    def _count(self, kinds: bytearray, base: int) -> None:
        """Add one chunk's kinds to the counts blank_separated() reads."""
        self._blanks += kinds.count(BLANK)
        self._texts += kinds.count(TEXT)
        # A run of blank lines begins after a line that is not blank; also across the chunk's edge.
        self._runs += sum(map(kinds.count, _RUNS)) + (base > 0 and self._ends[1] != BLANK and kinds[0] == BLANK)
        if base == 0:
            self._ends[0] = kinds[0]
        self._ends[1] = kinds[-1]

    def _notes_into(self, kinds: bytearray, base: int) -> None:
        """Mark the notes among a chunk's lines, whose kinds were made from their text alone."""
        notes = self.note
        if notes:
            for i in [i for i in range(base, base + len(kinds)) if i in notes]:
                kinds[i - base] = NOTE

    def _find_labels(
        self, lines: list[str], base: int, pos: int, text: str, *, offsets: array[int] | None, kinds: bytearray
    ) -> None:
        """The label candidates of one chunk's lines (``offsets`` and ``kinds`` are the chunk's, from ``base``).

        A line printed again reads the same: ``A:`` a million times is matched once (the label grammar is a
        function of the line), and its candidates share one match.
        """
        labels, seen = self.label, self._seen
        if self.blank_sep:
            # Blank-line records: a label opens a block, so only block starts are asked, in every form.
            for k, line in enumerate(lines):
                i = base + k
                # para_start(i), asked of the chunk's own kinds first: after a blank line or a note it holds.
                if kinds[k] == TEXT and ((k and kinds[k - 1] != TEXT) or self.para_start(i)):
                    found = seen.get(line, _UNSEEN) if len(line) <= _SEEN_LEN else _UNSEEN
                    if found is _UNSEEN:
                        found = match_label(line) or match_dash_label(line) or match_attribution(line)
                        if len(seen) < _SEEN_MAX and len(line) <= _SEEN_LEN:
                            seen[line] = found
                    if found is not None:
                        labels[i] = found
            return
        # Running text: any line may open a turn, with a colon label or a dash label.
        for k in [k for k, line in enumerate(lines) if ":" in line or "：" in line]:
            if kinds[k] == TEXT:
                line = lines[k]
                found = seen.get(line, _UNSEEN) if len(line) <= _SEEN_LEN else _UNSEEN
                if found is _UNSEEN:
                    found = match_label(line, colon_only=True)
                    if len(seen) < _SEEN_MAX and len(line) <= _SEEN_LEN:
                        seen[line] = found
                if found is not None:
                    labels[base + k] = found
        end = _chunk_end(lines, pos)  # asked of three patterns below
        # "Asked by Baroness Smith of Basildon": a member's name over the question asked in it.
        for i in _line_starts(_ATTRIBUTION_LINE, text, lines, base=base, pos=pos, offsets=offsets, end=end):
            if kinds[i - base] == TEXT and i not in labels:
                found = match_attribution(lines[i - base])
                if found is not None:
                    labels[i] = found
        # "○議長（細田博之君）　…": a speaker mark, and no separator after the label.
        for i in _line_starts(MARK_LINE, text, lines, base=base, pos=pos, offsets=offsets, end=end):
            if kinds[i - base] == TEXT and i not in labels:
                line = lines[i - base]
                first = line[:1]
                found = match_dash_label(line) if first.isdigit() else match_label(line, colon_only=first == "[")
                if found is not None:
                    labels[i] = found
        # "Could a dash close a label here?", asked in the comprehension: a call per line costs more.
        dashed = [k for k, ln in enumerate(lines) if "-" in ln or "—" in ln or "–" in ln or " asked " in ln]
        for k in dashed:
            i = base + k
            colon = labels.get(i)
            if kinds[k] == TEXT and (colon is None or colon.strength == REJECTED):
                # "Mr HAYDEN - I move:": the colon closes a lead-in, the dash the label.
                found = match_dash_label(lines[k]) or colon
                if found is not None:
                    labels[i] = found
        # "Mr. SMITH. Mr. Speaker, …": period labels in running text, as printed congressional records have.
        for i in _line_starts(PERIOD_LINE, text, lines, base=base, pos=pos, offsets=offsets, end=end):
            old = labels.get(i)
            if kinds[i - base] == TEXT and (old is None or old.strength == REJECTED or old.form == "dash"):
                # "PIRMININKĖ. Pranešėja – …": a dash in the speech made a dash candidate first, which
                # runs past the full stop that closes the label.
                found = match_label(lines[i - base])
                if found is not None and found.form == "period" and (old is None or found.rest <= old.rest):
                    labels[i] = found

    def _collect_heads(self, lines: list[str], base: int, kinds: bytearray) -> None:
        """The chunk's lines after a blank one with text below them, not yet candidates: :mod:`.heads`."""
        heads, labels = self._heads, self.label
        n = len(lines) - 2
        k = kinds.find(BLANK)
        while 0 <= k < n:
            j = k + 1
            if kinds[j] == TEXT and kinds[j + 1] == TEXT and base + j not in labels:
                heads.add(base + j, lines[j])
            k = kinds.find(BLANK, j)

    def _collect_running_heads(self, text: str, start: int, strong: int) -> None:
        """In a record of a paragraph a line, the head lines that follow a sentence's end or a note.

        Such a record prints no blank line between turns: ``El president`` under
        ``(Aplaudiments.)`` or a speech's last sentence. Asked only where strong
        labels are rare (head lines that are a document's speakers outnumber them),
        as most lines of a hard-wrapped text are short and follow a sentence's end.
        """
        if self.blank_sep or strong * _RUNNING_HEADS_PER_LABEL > len(self):
            return
        heads, labels, kind, ltext, offsets = self._heads, self.label, self.kind, self.text, self.offset
        last = len(self) - 1
        for m in _AFTER_SENTENCE.finditer(text, max(start - 1, 0)):
            i = bisect_left(offsets, m.end())
            if i >= last or kind[i] != TEXT or kind[i + 1] != TEXT or i in labels:
                continue
            # A label broken by a wrap ("Lionel" / "Barber: …") goes on with its colon below: no head line.
            below = labels.get(i + 1)
            if below is None or below.strength == REJECTED:
                heads.add(i, ltext[i])

    def _head_labels(self, text: str, start: int) -> None:
        """Head lines the document prints as its speakers' lines become label candidates."""
        strong = sum(1 for m in self.label.values() if m.strength == STRONG)
        self._collect_running_heads(text, start, strong)
        if not self._heads:
            return
        for i in self._heads.accepted(strong=strong):
            line = self.text[i]
            label, col = head_label(line)
            self.label[i] = LabelMatch(label, label, None, col, len(line), STRONG, "line")

    def _key_labels(self, text: str, start: int, key: dict[str, str]) -> None:
        """Lines opened by a code the document's key defines (:mod:`.keys`): the code is the label as printed."""
        offsets, labels = self.offset, self.label
        for m in key_pattern(key).finditer(text, max(start - 1, 0)):
            pos = m.start() + 1
            i = bisect_left(offsets, pos)
            if i >= len(self) or offsets[i] != pos or self.kind[i] != TEXT:
                continue
            code, line = m.group("code"), self.text[i]
            rest = m.end() - pos
            old = labels.get(i)
            if fold(line[rest:]) == key[code] or (old is not None and old.strength != REJECTED):
                continue  # the key's own line, or a line with a label of its own
            labels[i] = LabelMatch(code, key[code], None, m.start("code") - pos, rest, STRONG, "mark")

    def __len__(self) -> int:
        return len(self.kind)

    def number(self, i: int) -> int:
        """The 1-based line number of line index ``i`` in the whole text."""
        return self.first_number + i

    def index_of(self, number: int) -> int:
        return number - self.first_number

    def blank_separated(self) -> bool:
        """Does the document separate paragraphs by blank lines (so single breaks are wraps)?"""
        # A gap is a run of blank lines followed by content: every run but one that ends the text.
        runs = self._runs + (self._ends[0] == BLANK)
        gaps = runs - (self._ends[1] == BLANK)
        content = len(self) - self._blanks
        return content > 0 and gaps * 4 >= content

    def has_text(self) -> bool:
        return self._texts > 0

    def para_start(self, i: int) -> bool:
        """Is line ``i`` the first line of a block (after a blank line, a note or nothing)?"""
        if i == 0:
            return True
        if self.kind[i - 1] != TEXT:
            return True
        above = self.text[i - 1]
        m = self.label.get(i - 1)
        if m is not None and not above[m.rest :].strip():
            return True
        # An agenda item's heading right above: "2. Débat sur l'état de l'Union (débat)".
        return above[:1].isdigit() and _AGENDA_HEADING.fullmatch(above) is not None

    def label_prefix(self, i: int) -> int:
        """How many lines above line ``i`` hold the first part of a label broken by wraps (0 to 3).

        ``Prime Minister Mikhail`` / ``Mishustin: Mr``: the lines above must
        be name-like words only, and the line above them must end a block.
        """
        j = i - 1
        if j < 0 or self.kind[j] != TEXT or j in self.label:
            return 0  # what the first step below finds, asked before anything else: most labels end here
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


def _tables(lines: list[str], pos: int, code: str) -> tuple[array[int], bytearray]:
    """A chunk's line starts (from ``pos``, one past its last line too) and kinds from the text alone."""
    return _offsets_of(lines, pos, code), _kinds_of(lines)


def _offsets_of(lines: list[str], pos: int, code: str = "q") -> array[int]:
    """The starts of a chunk's lines, from ``pos``, and one past its last line."""
    return array(code, accumulate(map((1).__add__, map(len, lines)), initial=pos))


def _kinds_of(lines: list[str]) -> bytearray:
    """TEXT or BLANK (empty or white space) for each line, in C-level passes."""
    return bytearray(map(or_, map(not_, lines), map(str.isspace, lines)))


_HEAD = 1 << 16  # characters of a chunk's first line that a line-start pattern reads (a label or note is far shorter)


def _line_starts(
    pattern: re.Pattern[str] | WidePattern,
    text: str,
    lines: list[str],
    *,
    base: int,
    pos: int,
    offsets: array[int] | None,
    end: int | None = None,
) -> Iterator[int]:
    """The lines of a chunk where ``pattern``, which opens with the newline before a line, matches.

    ``end`` is where the chunk's last line ends, if the caller knows it (it asks several patterns).

    Read in place in the text (from the chunk's first newline), not in a copy
    of the chunk with a newline put first: a chunk may be the whole text. The
    chunk's first line is asked on its own, from a newline and its head.
    """
    if pattern.match("\n" + lines[0][:_HEAD]) is not None:
        yield base
    if end is None:
        end = _chunk_end(lines, pos)
    for m in pattern.finditer(text, pos, end):
        if offsets is None:
            offsets = _offsets_of(lines, pos)  # the chunk's offsets, made when first needed
        yield base + bisect_left(offsets, m.start() + 1)  # the newline ends the line before


def _chunk_end(lines: list[str], pos: int) -> int:
    """Where a chunk's last line ends in the text (its lines start at ``pos``)."""
    return pos + sum(map(len, lines)) + len(lines) - 1


# A short line after one that ends a sentence or a note, with no sentence's end of its own: a head line maybe.
# A short line after a sentence's end or a note, with no sentence's end of its own, and a line below that opens
# with no lower-case letter (a hard-wrapped sentence goes on in lower case): a head line maybe. The newline
# first, so that the scan looks for it and not for every character.
_AFTER_SENTENCE = re.compile(
    r"\n(?<=[.!?…)\]»\"”]\n)(?=[^\W\d_][^\n:：]{0,118}(?<![\s.?!;:,…\"”»])\n[^\S\n]*[^\sa-zß-öø-ÿ])"
)
_RUNNING_HEADS_PER_LABEL = 20  # lines a strong label, at least, where head lines in running text are asked
_AGENDA_HEADING = re.compile(r"\d{1,3}\.[ \t]+[^\W\d_][^.!?:;\n]{0,150}?(?:[^\W\d_]|[)\]])[ \t]*")
_ATTRIBUTION_LINE = re.compile("\n(?:" + "|".join(map(re.escape, ATTRIBUTIONS)) + ")")


def _is_header_tail(line: str) -> bool:
    s = line.strip()
    return len(s) <= 40 and any(ch.isdigit() for ch in s) and (":" in s or "," in s)


def split_lines(text: str, start: int, page_heads: tuple[int, ...] = ()) -> Lines:
    return Lines(text, start, page_heads)
