"""Lines and what each one is: blank, a whole-line note, a label candidate, or text.

Columns rather than objects: one list per property, filled in one pass,
because a transcript has hundreds of thousands of lines and the parser must
run at over 10 MB/s in pure Python. Classification is by tables
(:mod:`.notes`, :mod:`.labels`); this module only asks them once per line.

>>> ls = split_lines("Title\\n\\n(Applause.)\\nAnna: Hi.\\n", 0)
>>> ls.kind
['text', 'blank', 'note', 'text', 'blank']
>>> ls.label[3].label
'Anna'
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left
from itertools import accumulate, pairwise

from stenogram.model import NoteKind
from stenogram.parse.labels import (
    PERIOD_LINE,
    REJECTED,
    LabelMatch,
    is_label_prefix,
    match_dash_label,
    match_label,
)
from stenogram.parse.notes import EXCERPT_RE, HEADING_START, NOTE_START, note_kind
from stenogram.text import WidePattern

__all__ = ["Lines", "split_lines"]

_INTERJECTING = re.compile(r"[^\W\d_][^:.!?\n-]{0,60}\binterjecting[—–\-.]{0,2}")
_MAX_NOTE = 300  # a longer line is prose even if it starts with "(" and ends with ")"
# A line start whose first visible character may open a note (NOTE_START after the indent).
_NOTE_LINE = WidePattern(rf"\n[^\S\n]*(?={NOTE_START.pattern})", narrow=rf"\n[^\S\n]*(?={NOTE_START.narrow})")


class Lines:
    """The lines of ``text[start:]`` with their offsets, kinds, notes and label candidates."""

    def __init__(self, text: str, start: int) -> None:
        body = text[start:]
        lines = self.text = body.split("\n")
        self.first_number = text.count("\n", 0, start) + 1
        # Machine integers (8 bytes a line, not an int object each): a text of many short lines is mostly this.
        self.offset = array("q", accumulate(map((1).__add__, map(len, lines)), initial=start))
        self.offset.pop()
        # Whole-list passes and one regex over the text rather than a Python loop with tests per line:
        # blank or text by stripping, and only lines whose first visible character may open a note are asked.
        kinds = ["text" if line and not line.isspace() else "blank" for line in lines]
        notes: list[NoteKind | None] = [None] * len(lines)
        offsets = self.offset
        for m in _NOTE_LINE.finditer("\n" + body):
            i = bisect_left(offsets, m.start() + start)  # the "\n" put before the body stands for line 0's start
            stripped = lines[i].strip()
            if len(stripped) <= _MAX_NOTE:  # a longer line is prose
                nk = note_kind(stripped)
                if nk is not None:
                    kinds[i] = "note"
                    notes[i] = nk
        # "Opposition members interjecting—": the record of an interruption, not speech.
        for i in [i for i, line in enumerate(lines) if "interject" in line]:
            if kinds[i] == "text" and _INTERJECTING.fullmatch(lines[i].strip()):
                kinds[i] = "note"
                notes[i] = NoteKind.STAGE
        self.kind = kinds
        self.note = notes
        self.blank_sep = self.blank_separated()
        labels: list[LabelMatch | None] = [None] * len(kinds)
        self.label = labels
        if self.blank_sep:
            # Blank-line records: a label opens a block, so only block starts are asked, in every form.
            for i, kind in enumerate(kinds):
                if kind == "text" and self.para_start(i):
                    line = self.text[i]
                    labels[i] = match_label(line) or match_dash_label(line)
        else:
            # Running text: any line may open a turn, with a colon label or a dash label.
            for i in [i for i, line in enumerate(lines) if ":" in line or "：" in line]:
                if kinds[i] == "text":
                    labels[i] = match_label(lines[i], colon_only=True)
            # "Could a dash close a label here?", asked in the comprehension: a call per line costs more.
            dashed = [i for i, ln in enumerate(lines) if "-" in ln or "—" in ln or "–" in ln or " asked " in ln]
            for i in dashed:
                colon = labels[i]
                if kinds[i] == "text" and (colon is None or colon.strength == REJECTED):
                    # "Mr HAYDEN - I move:": the colon closes a lead-in, the dash the label.
                    labels[i] = match_dash_label(lines[i]) or colon
            # "Mr. SMITH. Mr. Speaker, …": period labels in running text, as printed congressional records have.
            for m in PERIOD_LINE.finditer("\n" + body):
                i = bisect_left(offsets, m.start() + start)
                if kinds[i] == "text" and labels[i] is None:
                    found = match_label(lines[i])
                    labels[i] = found if found is not None and found.form == "period" else None

    def __len__(self) -> int:
        return len(self.text)

    def number(self, i: int) -> int:
        """The 1-based line number of line index ``i`` in the whole text."""
        return self.first_number + i

    def index_of(self, number: int) -> int:
        return number - self.first_number

    def blank_separated(self) -> bool:
        """Does the document separate paragraphs by blank lines (so single breaks are wraps)?"""
        kinds = self.kind
        blanks = kinds.count("blank")
        # A gap is a blank line followed by content: every blank line but those followed by a blank or by nothing.
        gaps = blanks - sum(1 for a, b in pairwise(kinds) if a == b == "blank") - (kinds[-1:] == ["blank"])
        content = len(kinds) - blanks
        return content > 0 and gaps * 4 >= content

    def has_text(self) -> bool:
        return "text" in self.kind

    def para_start(self, i: int) -> bool:
        """Is line ``i`` the first line of a block (after a blank line, a note or nothing)?"""
        if i == 0:
            return True
        prev = self.kind[i - 1]
        if prev != "text":
            return True
        m = self.label[i - 1]
        return m is not None and not self.text[i - 1][m.rest :].strip()

    def label_prefix(self, i: int) -> int:
        """How many lines above line ``i`` hold the first part of a label broken by wraps (0 to 3).

        ``Prime Minister Mikhail`` / ``Mishustin: Mr``: the lines above must
        be name-like words only, and the line above them must end a block.
        """
        best = 0
        own = self.label[i]
        role_words = own is not None and own.name[:1].islower()  # "host Megyn Kelly:" goes on from the line above
        for k in range(1, 4):
            j = i - k
            if (
                j < 0
                or self.kind[j] != "text"
                or self.label[j] is not None
                or not is_label_prefix(self.text[j], role_words=role_words)
            ):
                break
            if j == 0 or self.kind[j - 1] == "blank":
                best = k
                continue
            if self.kind[j - 1] == "note":
                if self.note[j - 1] is not NoteKind.TIMESTAMP:
                    best = k  # after "* * *" or "(Applause.)"; a time line is followed by the place
                break
            before = self.text[j - 1].rstrip()
            if _is_header_tail(before):
                break  # "17:40" / a place line: header lines, not half a label
            if self.heading_ends_at(j - 1):
                best = k  # "Excerpts / from transcript of the … / Economic Forum" above "Panel moderator, NBC"
                break
            if not before[-1:].isalnum() or j < 2 or self.kind[j - 2] == "note":
                best = k  # the line above ends a sentence, or is a heading after a separator
        return best

    def heading_ends_at(self, i: int) -> bool:
        """Does line ``i`` end a heading such as ``Excerpts from the transcript of …``, wrapped or not?

        Such a heading runs on without a full stop, so the line after it can
        open a label even though the line above that label does not end a sentence.
        """
        kind, text = self.kind, self.text
        for s in range(i, max(i - 4, -1), -1):
            if kind[s] != "text":
                return False
            if HEADING_START.match(text[s]):
                return EXCERPT_RE.fullmatch(" ".join(line.strip() for line in text[s : i + 1])) is not None
        return False


def _is_header_tail(line: str) -> bool:
    s = line.strip()
    return len(s) <= 40 and any(ch.isdigit() for ch in s) and (":" in s or "," in s)


def split_lines(text: str, start: int) -> Lines:
    return Lines(text, start)
