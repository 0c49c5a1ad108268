"""Assemble the model: classified lines -> preamble, turns, notes, participants, diagnostics.

The stages are the modules next to this one (:mod:`.lines`, :mod:`.labels`,
:mod:`.slots`, :mod:`.notes`, :mod:`.reflow`, :mod:`.speakers`); this module
decides which label candidates open turns by the grammar the document itself
shows (:func:`_accept_labels`), then walks the lines once (:class:`_Walk`, a
method per kind of line), and records every guess as a
:class:`~stenogram.diagnostics.Diagnostic`.

>>> from stenogram.parse.options import ParseOptions
>>> t = build_transcript("Anna Petrova: Good morning.\\nPetrova: Shall we start?\\n", options=ParseOptions())
>>> [(turn.speaker, turn.label) for turn in t.turns]
[('anna-petrova', 'Anna Petrova'), ('anna-petrova', 'Petrova')]
"""

from __future__ import annotations

import gc
import re
from collections import Counter
from collections.abc import Iterator
from itertools import chain, compress, islice
from typing import NamedTuple

from stenogram.diagnostics import Diagnostic, Severity
from stenogram.lexicon import (
    CHAIRS,
    HONORIFICS,
    LIST_HEADINGS,
    MASTHEAD_FIELDS,
    MONTH_PATTERN,
    QUESTION_VERBS,
    is_title,
)
from stenogram.model import (
    Block,
    BodyItem,
    Mark,
    MarkKind,
    Meeting,
    Note,
    NoteKind,
    Paragraph,
    Participant,
    Span,
    Transcript,
    Turn,
)
from stenogram.parse.labels import (
    ANONYMOUS_ROLES,
    REJECTED,
    SOLO_ROLES,
    STRONG,
    WEAK,
    LabelMatch,
    fold,
    in_mixed_case,
    is_label_prefix,
    is_person_name,
    is_vocative,
    match_dash_label,
    strength_of,
)
from stenogram.parse.lines import BLANK, NOTE, TEXT, Lines, split_lines
from stenogram.parse.notes import ATTENDEES_RE, EXCERPT_RE, OMISSION_LINE_RE, find_marks, note_kind
from stenogram.parse.options import ParseOptions
from stenogram.parse.reflow import AMBIGUOUS, break_score, ends_sentence, fold_spaces, glues, join_lines, wrap_width
from stenogram.parse.slots import Slots, read_slots, split_slots
from stenogram.parse.speakers import ROLE_CONNECTORS, is_role_word, resolve_speakers
from stenogram.text import WidePattern

__all__ = ["build_transcript"]

# When a list, build_transcript appends (line number, reflow inputs) for every reflow decision (for fitting WEIGHTS).
TRACE: list[tuple[int, tuple[object, ...]]] | None = None

_SENTENCE_END = re.compile(r"[.!?…:。！？：][\"'”’»)\]]*$")
_DATE = re.compile(
    rf"(?:{MONTH_PATTERN}\s+\d{{1,2}},\s*\d{{4}}|\d{{1,2}}\s+{MONTH_PATTERN}\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}:\d{{2}})\b.{{0,40}}"
)
_CJK = WidePattern(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_INTERPRETED = re.compile(
    r"\(\s*((?:As|as)\s+interpreted|[Vv]ia\s+(?:an\s+)?interpreter|[Tt]hrough\s+(?:an\s+)?interpreter)"
    r"\s*\.?\s*\)[\s\u00a0]*"
)
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!<>|\"'])")
_TRANSLATED = re.compile(r"re-?translated", re.I)  # the annotation kremlin.ru prints outside its bold labels
_STOP_REPEAT = frozenset({"look", "second", "first", "third", "note", "example", "answer", "well", "now"})


_RECURS = 2  # how often a label shape must occur in a document to be one of its own
_ANSWERS = ("Q", "A")  # an examination's period labels, in running text where each recurs this often:
_RECURS_ANSWERS = 3
_RECURS_MIXED = 3  # the same for a shape that prose can print too (a titled name in mixed case and a full stop)
_LONG_LINE = 240  # in a text that is not hard-wrapped, a line this long is a paragraph of its own
_NOT_WRAPPED = 0.5  # the break score after such a line
_DASHES = ("-", "—", "–")
_HEADING_MAX = 60  # a line this short that ends no sentence is a heading, not a wrapped line
_QUOTES = frozenset("“„«\"'‘")
_CLOSES_SPEECH = frozenset(".!?…,;:-—–")  # how a spoken line ends, and a header field does not
_LIST_FIRST = frozenset("0123456789( \t")  # the first character of a list item's line, tested before the pattern
_LIST_ITEM = re.compile(r"\s{0,12}(?:\d{1,3}[.)]|\((?:\d{1,3}|[a-z]{1,3}|[ivx]{1,5})\.?\))\s+\S")
_PROFILE_MIN, _PROFILE_SHARE = 5, 0.85  # labels, and the share of them with a title, that make a title profile
# A text whose long lines (this many or more) end a sentence, nearly all, prints a paragraph per line.
_PARAGRAPH_LINE, _PARAGRAPH_SAMPLE, _PARAGRAPH_LINES_MIN, _PARAGRAPH_SHARE = 100, 400, 8, 0.97
_PARAGRAPH_LINES_UNWRAPPED = 3  # long lines enough in a text with no wrap width at all
# A heading in capitals: letters, digits and a title's punctuation, no sentence's end.
_CAPITALS_HEADING = re.compile(r"[^\W\d_][\w '’&(),/–—-]{2,78}[\w)]")
_PARTICLE_NAME = re.compile(r"(?:[A-ZÀ-Þ][\w'’-]+ ){2,3}(?:i|y|e|de|del|van|von|da|dos|du) [A-ZÀ-Þ][\w'’-]+")
_NARROW_WRAP, _WRAP_BAND, _RUNS_ON_SHARE = 40, 11, 0.2  # a wrap width this narrow must show lines running on
# The band's lines asked whether they end sentences, at most; at least; and the share that shows whole paragraphs.
_BAND_SAMPLE, _BAND_MIN, _BAND_ENDS_SHARE = 200, 2, 0.6
_HEADING_LINES = 4  # blank lines, notes and headings between a heading and the label it heads
_JOIN_CHUNK = 4096  # a paragraph of more lines is joined a chunk of lines at a time
_FOLD_AT = 1024  # a pending paragraph of more listed (long) lines is joined so far, and those lines let go
_UNNAMED = "speaker"  # the participant of a text with no labels at all (a single speech)


_Start = tuple[int, LabelMatch, str, str]  # an accepted label: (last line, match, label as printed, name)


class _TurnStart(NamedTuple):
    first: int  # line index where the label starts
    col: int
    last: int  # line index where the label ends
    label: str
    speaker: str
    annotation: str | None
    time: str | None = None


# A paragraph's lines as runs of consecutive lines, a flat list [start, stop, start, stop, …]: two integers
# a run however long, so a paragraph of a million lines costs nothing per line, and a plain list is
# tested, sliced and extended by C code.
_Runs = list[int]


def _count(runs: _Runs) -> int:
    if len(runs) == 2:
        return runs[1] - runs[0]
    return sum(runs[1::2]) - sum(runs[::2])


def _pairs(runs: _Runs) -> Iterator[tuple[int, int]]:
    """The runs as (first line, line after the last)."""
    return zip(runs[::2], runs[1::2], strict=True)


def _clip(runs: _Runs, lo: int, hi: int) -> _Runs:
    """The runs cut to the lines from ``lo`` up to (not including) ``hi``."""
    out: _Runs = []
    for start, stop in _pairs(runs):
        a, z = max(start, lo), min(stop, hi)
        if a < z:
            out += (a, z)
    return out


def _lines_of(runs: _Runs) -> Iterator[int]:
    for start, stop in _pairs(runs):
        yield from range(start, stop)


class _Builder:
    """One pass over the lines, holding the state of the block being built."""

    def __init__(self, text: str, lines: Lines, options: ParseOptions) -> None:
        self.text = text
        self.lines = lines
        self.options = options
        self.diagnostics: list[Diagnostic] = []
        self.preamble: list[Block] = []
        self.body: list[BodyItem] = []
        self.turn: _TurnStart | None = None
        self.turn_at = -1  # the offset where the turn's label starts, -1 until known
        self.content: list[Block] = []
        self.last_line = 0  # the last line index any block of the current turn reaches
        self.last_end = -1  # where that line's text ends (-1: not known yet), kept as its text may be let go
        self.para: _Runs = []  # the lines of the paragraph being built
        self.para_col = 0  # column where its first line's text starts
        # A very long pending paragraph of listed lines, joined so far: its text up to line ``folded_upto``.
        self.folded: str | None = None
        self.folded_upto = 0
        self.page_break: list[Note] = []  # page furniture inside the pending paragraph, written after it
        self.is_excerpt = False
        # Does the text hold CJK (whose lines join without a space)? Asked only when a line break
        # could fall between two CJK characters, and answered by that paragraph if it can be:
        # most documents never need the scan of the whole text.
        self.cjk: bool | None = None

    # -- diagnostics -------------------------------------------------------------------------------
    def diag(self, code: str, message: str, i: int, severity: Severity = Severity.WARNING) -> None:
        self.diagnostics.append(
            Diagnostic(
                code=code, message=message, line=self.lines.number(i), severity=severity, text=self.lines.text[i][:120]
            )
        )

    # -- blocks ------------------------------------------------------------------------------------
    def _span(self, first: int, col: int, last: int) -> Span:
        lines = self.lines
        offset = lines.offset
        end = offset[last] + _rstripped_len(lines.text[last])
        if last >= self.last_line:
            self.last_line, self.last_end = last, end
        start = offset[first] + col
        base = lines.first_number
        return Span(start=start, end=end if end > start else start, line=base + first, end_line=base + last)

    def _container(self) -> list[Block] | list[BodyItem]:
        """Where a note goes: the running turn; between turns (after a section heading closed one), the body, so
        that it keeps its place in the reading order; before the first turn, the preamble."""
        if self.turn is not None:
            return self.content
        return self.body if self.body else self.preamble

    def flush(self) -> None:
        if self.para:
            self._flush_paragraph()
            if self.page_break:
                self._container().extend(self.page_break)
                self.page_break = []

    def fold(self) -> None:
        """Join the pending paragraph's lines but its last onto its text so far, and let their strings go.

        Only for lines kept as a list of strings: a paragraph of a million of them would otherwise be held
        once as lines and once joined. The text is what joining at the end would give (see _join_long).
        """
        idx, ltext = self.para, self.lines.text
        assert isinstance(ltext, list)
        start = idx[0] if self.folded is None else self.folded_upto
        last = idx[-1] - 1
        runs = _clip(idx, start, last)
        if not runs:
            return
        if self.cjk is None:
            self.cjk = _CJK.search(self.text) is not None  # what _flush_paragraph would find for this text
        out = self._append(self.folded, runs, self.para_col if self.folded is None else 0, max(1, _FOLD_AT // 4))
        for k in _lines_of(runs):
            ltext[k] = ""
        self.folded, self.folded_upto = out, last

    def _append(self, out: str | None, runs: _Runs, col: int, size: int = _JOIN_CHUNK) -> str:
        """``out`` with the lines of ``runs`` joined onto it, a chunk at a time, growing in place."""
        self.folded = None  # ``out`` is then this frame's alone, so it grows in place
        cjk = bool(self.cjk)
        text = out or ""
        del out
        for chunk in self._chunks(runs, col, size):
            piece = join_lines(chunk, cjk)
            if not piece:
                continue
            if not text:
                text = piece
            elif cjk and glues(text[-1], piece[0]):
                text += piece
            else:
                text += " " + piece
            del piece
        return text

    def _flush_paragraph(self) -> None:
        idx = self.para
        self.para = []
        lines = self.lines
        ltext = lines.text
        col = self.para_col
        first, last = idx[0], idx[-1] - 1
        if self.folded is not None:
            text = self._append(self.folded, _clip(idx, self.folded_upto, last + 1), 0, max(1, _FOLD_AT // 4))
        elif first == last:
            text = fold_spaces(ltext[first][col:].strip())  # join_lines of one line
        elif _count(idx) <= _JOIN_CHUNK:
            parts = ltext[first : last + 1] if len(idx) == 2 else [ltext[i] for i in _lines_of(idx)]  # a run: a slice
            parts[0] = parts[0][col:]
            if self.cjk is None and _may_glue(parts):
                self.cjk = any(_CJK.search(part) for part in parts) or _CJK.search(self.text) is not None
            text = join_lines(parts, bool(self.cjk))
        else:
            text = self._join_long(idx, col)
        if "\\" in text:
            text = _MD_ESCAPE.sub(r"\1", text)
        if not text:
            return
        # The span, as _span() makes it, written out: this runs once per paragraph.
        offset = lines.offset
        start = offset[first] + col
        end = offset[last] + _rstripped_len(ltext[last])
        if last >= self.last_line:
            self.last_line, self.last_end = last, end
        base = lines.first_number
        span = Span(start=start, end=end if end > start else start, line=base + first, end_line=base + last)
        if self.turn is not None and type(ltext) is list:
            # A turn's lines are not read again once its paragraph is made: let them go as the model
            # grows, so the lines and the model are not held side by side (the preamble's are kept
            # for its diagnostics after the walk).
            for k in range(first, last + 1):
                ltext[k] = ""
        if self.turn is None and ATTENDEES_RE.match(text):
            self.preamble.append(Note(kind=NoteKind.EDITORIAL, text=text, span=span))
            return
        if (
            text[0] == "("
            and text[-1] == ")"
            and (first != last or col)
            and (_whole_parenthesis(text) or note_kind(text) is NoteKind.STAGE)
        ):
            # "(Tatyana Golikova also / reported on …)": an aside wrapped over several lines,
            # or the whole rest of a label's line ("PRIME MINISTER MODI: (Speaks Hindi.)").
            self._aside(text, NoteKind.EDITORIAL if len(text) >= 60 else NoteKind.STAGE, span)
            return
        marks = find_marks(text) if ("(" in text or "[" in text or "<" in text) else ()  # (find_marks' own first test)
        (self.content if self.turn is not None else self.preamble).append(Paragraph(text=text, marks=marks, span=span))

    def _join_long(self, idx: _Runs, col: int) -> str:
        """A paragraph of very many lines joined a chunk at a time: no list of all its lines at once.

        Joining stripped lines is the same whether done at once or chunk by
        chunk and then over the chunks, as each chunk's text begins and ends
        with its first and last line's text.
        """
        if self.cjk is None and _CJK.search(self.text) is None:
            self.cjk = False  # what _may_glue and the search would say of any paragraph of this text
        if self.cjk is None:
            ends = any(part.rstrip()[-1:] >= "\u3000" for part in islice(self._parts(idx, col), _count(idx) - 1))
            if ends and any(part.lstrip()[:1] >= "\u3000" for part in islice(self._parts(idx, col), 1, None)):
                self.cjk = True  # the text holds CJK, as the search above found
        # As join_lines() joins its parts, but each chunk appended where it is: a string only this
        # frame holds grows in place, so the paragraph is not held once in pieces and once joined.
        return self._append(None, idx, col)

    def _chunks(self, idx: _Runs, col: int, size: int = _JOIN_CHUNK) -> Iterator[list[str]]:
        """The paragraph's lines, the first from column ``col``, as lists of at most ``size`` lines."""
        ltext = self.lines.text
        first = True
        for start, stop in _pairs(idx):
            for a in range(start, stop, size):
                chunk = ltext[a : min(a + size, stop)]
                if first:
                    chunk[0] = chunk[0][col:]
                    first = False
                yield chunk

    def _parts(self, idx: _Runs, col: int) -> Iterator[str]:
        return chain.from_iterable(self._chunks(idx, col))

    def _aside(self, text: str, kind: NoteKind, span: Span) -> None:
        """A stage direction or aside: in a turn a marked paragraph (unless notes are asked for), else a Note."""
        if self.turn is not None and not self.options.stage_notes:
            mark_kind = MarkKind.EDITORIAL if kind is NoteKind.EDITORIAL else MarkKind.STAGE
            mark = Mark(kind=mark_kind, start=0, end=len(text))
            self.content.append(Paragraph(text=text, marks=(mark,), span=span))
        else:
            self._container().append(Note(kind=kind, text=text, span=span))

    def note(self, i: int, kind: NoteKind) -> None:
        self.flush()
        stripped = " ".join(self.lines.text[i].split())
        col = self.lines.text[i].find(stripped[:1]) if stripped else 0
        span = self._span(i, max(col, 0), i)
        if OMISSION_LINE_RE.fullmatch(stripped) and self.turn is not None:
            # kremlin.ru prints "<…>" as a paragraph of the speech: keep it one, marked as an omission.
            mark = Mark(kind=MarkKind.OMISSION, start=0, end=len(stripped))
            self.content.append(Paragraph(text=stripped, marks=(mark,), span=span))
            return
        if kind in (NoteKind.STAGE, NoteKind.EDITORIAL):
            self._aside(stripped, kind, span)
            return
        self._container().append(Note(kind=kind, text=stripped, span=span))

    def page_furniture(self, i: int) -> None:
        """A running head or page number inside a paragraph: a PAGE note, kept until the paragraph ends."""
        stripped = " ".join(self.lines.text[i].split())
        col = self.lines.text[i].find(stripped[:1])
        self.page_break.append(Note(kind=NoteKind.PAGE, text=stripped, span=self._span(i, max(col, 0), i)))

    def start_paragraph(self, i: int, col: int) -> None:
        if self.para:
            self.flush()
        self.para = [i, i + 1]
        self.para_col = col

    def close_turn(self) -> None:
        if self.para:
            self.flush()
        if self.turn is None:
            return
        t = self.turn
        self.turn = None
        if t.last > self.last_line or self.last_end < 0:
            span = self._span(t.first, t.col, max(t.last, self.last_line))
        else:  # the last block's line may have been let go: its end was kept (the span written out: once a turn)
            start, end = self.turn_at, self.last_end
            if start < 0:
                start = self.lines.offset[t.first] + t.col
            base = self.lines.first_number
            span = Span(
                start=start, end=end if end > start else start, line=base + t.first, end_line=base + self.last_line
            )
        self.body.append(
            Turn(
                speaker=t.speaker,
                label=t.label,
                content=tuple(self.content),
                annotation=t.annotation,
                time=t.time,
                span=span,
            )
        )

    def open_turn(self, start: _TurnStart, end: int = -1, at: int = -1) -> None:
        """Open a turn at its label; where the label starts (``at``) and its last line ends, if the caller knows."""
        self.close_turn()
        self.turn = start
        self.turn_at = at
        self.last_line = start.last
        self.last_end = end
        self.content = []


def _rstripped_len(line: str) -> int:
    """``len(line.rstrip())`` without a copy of the line: it may be megabytes, and the model holds its text."""
    end = len(line)
    while end and line[end - 1].isspace():
        end -= 1
    return end


def _may_glue(parts: list[str]) -> bool:
    """Could a break between these lines fall between two CJK characters (all from U+3000 on)?

    Without such a break, joining as CJK or not gives the same text.
    """
    return any(part.rstrip()[-1:] >= "\u3000" for part in parts[:-1]) and any(
        part.lstrip()[:1] >= "\u3000" for part in parts[1:]
    )


def _resume_after_page_break(lines: Lines, i: int, prev: int, starts: dict[int, _Start]) -> int:
    """The line where a paragraph cut by page furniture at line ``i`` goes on, or -1 if it ended there.

    It goes on when its last line ``prev`` ends no sentence and the first line
    after the page's head, number and blank lines is text that opens no turn.
    """
    if prev < 0 or _SENTENCE_END.search(lines.text[prev].rstrip()):
        return -1
    kind, note = lines.kind, lines.note
    j, n = i, len(kind)
    while j < n and (kind[j] == BLANK or note.get(j) is NoteKind.PAGE):
        j += 1
    return j if j < n and kind[j] == TEXT and j not in starts else -1


def _after_lead_in(lines: Lines, i: int) -> bool:
    """Does prose ending in a colon run into line ``i`` ("… at five working groups:" / "Society and …: …")?

    The line is then an item of the list the colon opened, not a speaker.
    """
    j = i - 1
    if j < 0 or lines.kind[j] != TEXT:
        return False
    lead = lines.text[j].strip()
    if not lead.endswith(":") or lead.count(" ") < 3 or EXCERPT_RE.fullmatch(lead):
        return False  # "Excerpts from the transcript:" heads the speech that follows
    above = lines.label.get(j)
    return above is None or above.strength != STRONG  # not a label alone on its line, "Vladimir Putin:"


def _opens_block(lines: Lines, i: int) -> bool:
    """Does line ``i`` open a block: first line, after a blank line, a note, a sentence's end or a heading?

    A short line in capitalised words without a comma ("Official Report of
    Proceedings") is a heading; a line cut by a wrap is long, or holds a comma
    or ends with a word in lower case ("… talked to" / "President Putin. And …").
    """
    if lines.blank_sep:
        return lines.para_start(i)
    j = i - 1
    if j < 0 or lines.kind[j] != TEXT:
        return True
    prev = lines.text[j].rstrip()
    if _SENTENCE_END.search(prev) is not None:
        return True
    words = prev.split()
    return (
        len(prev.strip()) <= _HEADING_MAX
        and (
            _DATE.search(prev) is not None  # "Tuesday, 6 June 2023"
            or (
                "," not in prev
                and words[0][:1].isupper()
                and (words[-1][:1].isupper() or words[-1].isdigit())  # "She says, specifically" runs on
                and prev[-1:] not in ";-–—"
            )
        )
    )


def _given_name_above(lines: Lines, i: int) -> bool:
    """Is the line above ``i`` name-like words only, ending with a capitalised word (a given name)?"""
    j = i - 1
    if j < 0 or lines.kind[j] != TEXT or j in lines.label:
        return False
    above = lines.text[j].rstrip()
    return above[-1:].isalpha() and above.rsplit(None, 1)[-1][:1].isupper() and is_label_prefix(above)


def _accept_labels(lines: Lines, blank_sep: bool, options: ParseOptions) -> tuple[dict[int, _Start], list[int]]:
    """Decide which label candidates open turns, then apply what the user declared.

    Returns {first line: (last line, match, label, name)} and the rejected look-alikes.
    """
    accepted, rejected = _learned_labels(lines, blank_sep, options)
    cand = lines.label
    steer = {lines.index_of(n): True for n in options.label_lines}
    steer.update({lines.index_of(n): False for n in options.text_lines})
    speakers = {s.casefold() for s in options.speakers}
    if speakers:
        steer.update(
            (i, True)
            for i, m in sorted(cand.items())
            if i not in steer and (m.name.casefold() in speakers or m.label.casefold() in speakers)
        )
    for i, take in steer.items():
        m = cand.get(i)
        if take and m is not None:
            for j in [j for j, v in accepted.items() if j <= i <= v[0]]:
                del accepted[j]  # a wrapped label that took this line in
            accepted[i] = (i, m, m.label, m.name)
        elif not take and i in accepted:
            del accepted[i]
        else:
            continue
        if i in rejected:
            rejected.remove(i)
    return accepted, rejected


def _learned_labels(lines: Lines, blank_sep: bool, options: ParseOptions) -> tuple[dict[int, _Start], list[int]]:
    """The label grammar the document itself shows."""
    cand = lines.label
    accepted: dict[int, _Start] = {}
    weak: list[int] = []
    rejected: list[int] = []
    lead_in: list[int] = []
    # A separator is this document's when it recurs: one "Mr FULLER - …" line is prose with a dash.
    dashes = sum(1 for m in cand.values() if m.form == "dash" and m.strength == STRONG)
    if dashes >= _RECURS:
        _dash_labels_like_the_documents(lines, cand)
    periods = sum(1 for m in cand.values() if m.form == "period" and m.strength == STRONG)
    # Titled names in mixed case closed by a full stop ("Senator Cruz. Thank you"), as hearings print
    # them, are this document's labels when it prints several, each opening a paragraph.
    titled = sum(
        1
        for i, m in cand.items()
        if m.form == "period" and m.strength == STRONG and in_mixed_case(m.name) and _opens_block(lines, i)
    )
    # The chair alone closed by a full stop ("Председательствующий."), which no prose prints at a line start.
    chairs = {m.name for m in cand.values() if m.form == "period" and m.name.casefold() in CHAIRS}
    answers = Counter(m.name for m in cand.values() if m.form == "period" and m.name in _ANSWERS)
    # The first words of the labels the document prints whole at a line start ("Präsidentin …", "Abgeordneter …").
    openers = Counter(m.name.split(" ", 1)[0] for m in cand.values() if m.strength == STRONG and m.start == 0)

    for i in sorted(cand):
        m = cand[i]
        if blank_sep and not lines.para_start(i):
            continue  # in blank-line documents a label opens a paragraph
        if options.separators and m.form not in options.separators and not blank_sep:
            continue  # the user named the separators this document uses
        if m.form == "dash":
            # A question asked in the asker's name, numbered or with the seat in brackets: "1. Mr Leong Mun Wai
            # asked the Minister …", "Mr Sitali (Mitete) asked the Minister of Health …" (Zambia's Hansard).
            question = (m.label[:1].isdigit() or bool(m.slots)) and lines.text[i][m.rest :].startswith(QUESTION_VERBS)
            if dashes < _RECURS and "dash" not in options.separators and not question:
                continue
        elif m.form == "period" and m.name in _ANSWERS and not blank_sep:
            if min(answers[name] for name in _ANSWERS) < _RECURS_ANSWERS:
                continue  # "A. Lincoln said …": questions and answers are labels where both recur
        elif m.form == "period" and in_mixed_case(m.name):
            if titled < _RECURS_MIXED or is_vocative(m.name) or not (_opens_block(lines, i) or m.name in chairs):
                continue  # "President Putin. And then …" in a wrapped line of prose (the chair alone is no prose)
        elif m.form == "period" and not blank_sep:
            if periods < _RECURS:
                continue  # "NTV. So": one capitalised word and a full stop is a sentence
        elif m.form not in ("colon", "mark", "line") and not blank_sep:
            continue  # "Q and A": bare labels belong to blank-line records
        rest = lines.text[i][m.rest :].lstrip()
        if m.form in ("colon", "period") and m.name.isupper() and _heading_in_capitals(rest):
            rejected.append(i)  # "HANSARD STAFF: TYPISTS": a heading in capitals, not a speaker
            continue
        if rest[:1].islower() and m.form != "dash":  # "Mr CHARLES JONES - by leave - I thank …" is a speech
            # "US President Barack Obama: the Russian-American group …" goes on a sentence, unless the
            # document knows the speaker: "Mr MORRIS: over the last three years …" after an interruption.
            lead_in.append(i)
            continue
        if _after_lead_in(lines, i):
            lead_in.append(i)  # a list item, unless the document knows the name as a speaker's
            continue
        # A label broken by wraps: "Prime Minister Mikhail" / "Mishustin: Mr".
        # A question's number opens its label, and the chair alone is one: the line above is a heading
        # ("Tlodi Plant" / "1. Sioned Williams:", "Председательствует … Володин" / "Председательствующий.").
        numbered = m.label[:1].isdigit()
        k = lines.label_prefix(i) if (m.start == 0 and not blank_sep and not numbered and m.name not in chairs) else 0
        if k and m.strength == STRONG and m.name[:1].isupper() and not _role_above(lines.text[i - k : i], m.name):
            k = 0  # a label that names someone on its own takes no heading above it ("Einlauf und Zuweisungen")
        if k and m.name.isupper() and not all(line.isupper() for line in lines.text[i - k : i]):
            k = 0  # a label in capitals goes on from capitals, not from a line of the masthead in mixed case
        if (
            k
            and openers[m.name.split(" ", 1)[0]] >= _RECURS
            and not any(is_role_word(w) for w in " ".join(lines.text[i - k : i]).split())
        ):
            k = 0  # the document opens its labels with this word: "Einlauf" above "Präsident X:" is a heading
        while k:
            head = " ".join(lines.text[i - k : i])
            name = fold(head + " " + m.name)
            if strength_of(name) == STRONG:
                accepted[i - k] = (i, m, fold(head + " " + m.label), name)
                break
            k -= 1
        if k:
            continue
        if m.strength == WEAK and m.start == 0 and not blank_sep and not numbered and _given_name_above(lines, i):
            # "… and I give the floor to" / "Governor Alexei" / "Dyumin: Thank you": a lone surname
            # would be lost, so the name-like line above is taken even though the line before it runs on.
            head = lines.text[i - 1]
            name = fold(head + " " + m.name)
            if strength_of(name) == STRONG:
                accepted[i - 1] = (i, m, fold(head + " " + m.label), name)
                continue
        strength = m.strength
        lone_caps = (
            m.name.isupper()
            and " " not in m.name
            and m.name.casefold() not in SOLO_ROLES
            and not is_title(m.name)
            and not (m.slots and read_slots(m.slots, m.name).affiliation)  # "MALAN (FdI):" names a member
        )
        if strength == STRONG and not blank_sep and lone_caps:
            strength = WEAK  # "OPEC:" in running prose; ALL-CAPS roles stand alone in blank-line records
        if strength == STRONG:
            accepted[i] = (i, m, m.label, m.name)
        elif strength == WEAK:
            weak.append(i)
        elif m.name[:1].islower() and strength_of(m.name[:1].upper() + m.name[1:]) == STRONG:
            weak.append(i)  # "chairman of … Speaker Boris Gryzlov": a role in lower case, if the name is known
        elif len(m.name.split()) <= 5:
            rejected.append(i)
    # Weak labels (a lone word) need support: a known surname or name, or repetition.
    known = {fold(name).casefold() for name in {v[3] for v in accepted.values()}}
    surnames = {k.rsplit(" ", 1)[-1] for k in known}
    suffixes = {" " + k for k in known if " " in k}
    repeats = Counter(cand[i].name.casefold() for i in weak)
    # In a document whose colon labels are established, a capitalised word printed as a label twice at the
    # start of a block is a speaker too ("Sidhant:", a reporter in a briefing), not only one printed thrice;
    # unless a quotation follows it ("Germany: “…”", a speaker quoting governments).
    established = sum(1 for v in accepted.values() if v[1].form in ("colon", "period")) >= _PROFILE_MIN
    # A document whose labels are single words in capitals (HOST:, GUEST:) prints a one-off caller so too.
    pool = [v[3] for v in accepted.values()] + [cand[i].name for i in weak]
    lone = sum(1 for name in pool if name.isupper() and " " not in name)
    caps_profile = lone >= _PROFILE_MIN and lone >= _PROFILE_SHARE * len(pool)
    for i in weak:
        m = cand[i]
        key = m.name.casefold()
        if (
            key in known
            or key in surnames
            or (
                key not in _STOP_REPEAT
                and (
                    repeats[key] >= 3
                    or (  # printed twice at a block's start (asked last: it reads the lines)
                        (
                            (established and repeats[key] >= _RECURS and not m.name.isupper())
                            or (caps_profile and m.name.isupper())
                        )
                        and lines.text[i][m.rest : m.rest + 1] not in _QUOTES  # "Germany: “…”" quotes a source
                        and _opens_block(lines, i)
                    )
                )
            )
            or any(key.endswith(k) for k in suffixes)
            or (m.name.isupper() and _opens_block(lines, i) and _called_above(lines, i, m.name))
        ):
            accepted[i] = (i, m, m.label, m.name)
        else:
            rejected.append(i)
    for i in lead_in:
        m = cand[i]
        if m.name.casefold() in known and m.strength == STRONG:
            # "Der Antrag hat folgenden Wortlaut:" / "Präsident Fritz Neugebauer: …"
            accepted[i] = (i, m, m.label, m.name)
        else:
            rejected.append(i)
    rejected.extend(_untitled(accepted))
    rejected.extend(_header_fields(lines, accepted))
    rejected.extend(_footer_fields(lines, accepted))
    return accepted, sorted(rejected)


def _called_above(lines: Lines, i: int, name: str) -> bool:
    """Does the paragraph above call this speaker by title ("Senator Priebe, you're recognized." over "PRIEBE:")?"""
    for j in range(i - 1, max(i - 4, -1), -1):
        if lines.kind[j] == TEXT:
            called = re.finditer(rf"(\S+)\s+{re.escape(name.capitalize())}\b", lines.text[j])
            return any(is_title(c.group(1).strip("(,.")) for c in called)
    return False


def _header_fields(lines: Lines, accepted: dict[int, _Start]) -> list[int]:
    """Take out the header lines that look like labels before the first turn.

    A record's masthead names its officers (``Speaker: The Honourable Anthony
    Rota``, ``President: Mr. Lavrov (Russian Federation)``) or heads a list
    (``MEMBERS PRESENT:``); read as turns they would take the rest of the
    masthead in. A field holds a name and nothing else (a title and a name, no
    closing punctuation, not an address such as ``Mr President``).
    """
    out: list[int] = []
    for i in sorted(accepted):
        last, m, _, name = accepted[i]
        rest = fold(lines.text[last][m.rest :])
        if not rest:
            field = name.casefold() in LIST_HEADINGS
        elif name.casefold() in MASTHEAD_FIELDS:
            field = rest[-1] not in _CLOSES_SPEECH  # "SUBJECTS: March labour force figures; Reserve Bank; …"
        else:
            words = rest.split()
            person, _ = split_slots(rest)
            # A title and a name, or a person's name and the office after it ("Speaker: Folasade Adeyemi,
            # Director, Communications Department, International Monetary Fund").
            field = (
                len(words) <= 10
                and rest[-1] not in _CLOSES_SPEECH
                and (is_title(words[0]) or words[0] == "The" or _name_and_office(rest))
                and not is_vocative(person)
                and strength_of(person) == STRONG
            )
        if not field:
            break
        out.append(accepted.pop(i)[0])
    return out


def _footer_fields(lines: Lines, accepted: dict[int, _Start]) -> list[int]:
    """Take out a contact line after the record's end mark: ``* * * * *`` / ``PRESS OFFICER: Kwame Osei``.

    A briefing's transcript may close with its press office's contact; the
    label holds a name and nothing else, right under the separator that ends
    the record, where a speech would hold a sentence.
    """
    if not accepted:
        return []
    i = max(accepted)
    last, m, _, _ = accepted[i]
    rest = fold(lines.text[last][m.rest :])
    if not rest or rest[-1] in _CLOSES_SPEECH or not is_person_name(rest):
        return []
    j = i - 1
    while j >= 0 and lines.kind[j] == BLANK:
        j -= 1
    if j < 0 or lines.note.get(j) is not NoteKind.SEPARATOR:
        return []
    return [accepted.pop(i)[0]]


def _name_and_office(rest: str) -> bool:
    """A person's name, then an office in capitalised words after a comma: "Folasade Adeyemi, Director, …"."""
    name, _, office = rest.partition(",")
    words = office.replace(",", " ").split()
    return bool(words) and is_person_name(name) and all(w[:1].isupper() or w in _OFFICE_CONNECTORS for w in words)


_OFFICE_CONNECTORS = frozenset("of the and for on de du des la le".split())


def _dash_labels_like_the_documents(lines: Lines, cand: dict[int, LabelMatch]) -> None:
    """Add the dash labels whose name opens with no title but whose separator is the document's own.

    A record that prints ``President. – …`` twice prints its members the same
    way, ``Manfred Weber, on behalf of the PPE Group. – (DE) …``. A line is
    asked when it opens a block and holds the separator the document's titled
    dash labels use most; its name must be a strong name that is a person's (brackets, a
    role after a comma or a title: ``Case of Charlie Timso - …`` and ``Clause 5 - …`` are not).
    """
    seps = Counter(m.sep for m in cand.values() if m.form == "dash" and m.strength == STRONG)
    sep, count = seps.most_common(1)[0]
    if count < _RECURS or not sep.strip(".,"):
        return
    mark = sep.strip(".,")[0]
    ltext, kinds = lines.text, lines.kind
    for i in [i for i, line in enumerate(ltext) if mark in line[:200]]:
        old = cand.get(i)
        if kinds[i] != TEXT or (old is not None and old.strength != REJECTED) or not _opens_block(lines, i):
            continue
        m = match_dash_label(ltext[i], any_head=True)
        if m is None or m.sep != sep or strength_of(m.name) != STRONG:
            continue
        if m.slots or "," in m.name or any(is_title(w) for w in m.name.split()):
            cand[i] = m._replace(strength=STRONG)


def _untitled(accepted: dict[int, _Start]) -> list[int]:
    """Take out labels without a title in a document whose labels all carry one.

    A parliament that prints ``Abgeordnete Dr. Eva Muster (ÖVP):`` for every
    speaker does not print ``Zweiter Punkt:`` as one: when nearly every label
    of a document holds an honorific, an office or an anonymous role, one that
    holds none and names no speaker seen elsewhere is text of the running turn.
    """
    if len(accepted) < _PROFILE_MIN:
        return []
    names = Counter(v[3].casefold() for v in accepted.values())
    # Once per distinct name; a name in capitals counts as titled ("THE PRESIDNET", "OAN"): a sentence is
    # not printed in capitals, and a record that prints its labels so misspells one now and then.
    # Brackets after the name mark a label too: "Friedrich Merz (CDU/CSU):" in a record of titled labels.
    # So does a mark before the label ("○", ">>"): the record's sign that a speaker begins.
    bracketed = {v[3] for v in accepted.values() if v[1].slots or (v[1].sep and v[1].form != "dash")}
    titled = {
        name: name.isupper() or name in bracketed or _has_title(name) for name in {v[3] for v in accepted.values()}
    }
    # A given name and a surname joined by a particle ("Jordi Turull i Negre") is a person's, not a lead-in.
    untitled = [i for i, v in accepted.items() if not titled[v[3]] and not _PARTICLE_NAME.fullmatch(v[3])]
    if len(untitled) > (1 - _PROFILE_SHARE) * len(accepted):
        return []  # this document's labels are plain names ("Vladimir Putin:"): no title profile
    surnames = {name.rsplit(" ", 1)[-1].casefold() for name, has in titled.items() if has}
    # A person's name alone on its line over the speech (a head line, "Albert Ribas Montoliu") is no colon
    # lead-in; a heading on its line ("Motions for the Agenda – The Cost of Living") still is.
    out = [
        i
        for i in untitled
        if names[accepted[i][3].casefold()] < _RECURS
        and accepted[i][3].rsplit(" ", 1)[-1].casefold() not in surnames
        and not (accepted[i][1].form == "line" and is_person_name(accepted[i][3]))
    ]
    return [accepted.pop(i)[0] for i in out]  # the line that holds the label


def _heading_in_capitals(rest: str) -> bool:
    """Is the text after a colon a heading's second half ("TYPISTS"), not a speech ("I —", "YES.")?"""
    rest = rest.rstrip()
    return rest.isupper() and sum(map(str.isalpha, rest)) > 2 and rest[-1:] not in ".!?—–-…"


def _has_title(name: str) -> bool:
    """An anonymous role, a role word, or an office with its article ("The Taoiseach", "The Secretary-General")."""
    words = name.split()
    if len(words) <= 4 and words[0] == "The" and all(w[:1].isupper() for w in words[1:]):
        return True
    return name.casefold() in ANONYMOUS_ROLES or any(is_role_word(w) for w in words)


def _keep_annotated_inline(
    accepted: dict[int, _Start],
) -> dict[int, _Start]:
    """Take annotated labels after the first turn out of ``accepted``: {first line: (last line, match, label, name)}.

    kremlin.ru prints ``Name (retranslated):`` outside the bold that marks its
    speaker labels, so its own structure keeps such a line in the turn that is
    running (14 of the 15 in the 118 pages with truth). The parser follows the
    publisher and says so in a diagnostic, when ``annotated_labels=False`` asks for that reading.
    """
    first = min(accepted, default=-1)
    inline = {i: v for i, v in accepted.items() if i != first and _TRANSLATED.fullmatch(v[1].annotation or "")}
    for i in inline:
        del accepted[i]
    return inline


def _in_capitals(line: str) -> bool:
    """Two words or more, each in capitals but for a letter or two ("McMAHON GOVERNMENT")."""
    words = [w for w in line.split() if w[:1].isalpha()]
    return len(words) >= 2 and all(sum(ch.isupper() for ch in w) >= max(1, len(w) - 2) for w in words)


def _role_above(above: list[str], name: str) -> bool:
    """Are the lines above a label the start of its role ("Defence" / "Minister Sergei Shoigu:")?

    A role holds a role word, or the label goes on with one; a heading has
    words in capitals ("McMAHON GOVERNMENT") or other lower-case words than a
    role's connectors ("Fortsetzung der Tagesordnung").
    """
    if any(_in_capitals(line) for line in above):
        return False  # "SPECIAL ADJOURNMENT", "McMAHON GOVERNMENT": a heading in capitals
    words = " ".join(above).split()
    if any(is_role_word(w) for w in words):
        return True
    if any(w[:1].islower() and w not in ROLE_CONNECTORS for w in words):
        return False
    first = name.split(" ", 1)[0]
    return is_role_word(first) and first.casefold() not in HONORIFICS  # "Mr BARTON" opens a name, not a role


def _whole_parenthesis(text: str) -> bool:
    """Is ``text`` one parenthesis from its first character to its last ("(a) b (c)" is not)?"""
    depth = 0
    for pos, ch in enumerate(text):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0 and pos != len(text) - 1:
                return False
    return depth == 0


def _preamble_break(prev: str, line: str, after_first_line: bool) -> bool:
    """Before the first turn, header lines stand alone and prose breaks only after a sentence."""
    return (
        after_first_line
        or _SENTENCE_END.search(prev.rstrip()) is not None
        or prev.endswith((" ", "\u00a0"))
        or _DATE.fullmatch(line.strip()) is not None
        or _DATE.fullmatch(prev.strip()) is not None
    )


def build_transcript(
    text: str, *, start: int = 0, options: ParseOptions, page_heads: tuple[int, ...] = ()
) -> Transcript:
    """Parse ``text[start:]`` (``text`` is already decoded, newlines folded to ``\\n``).

    Offsets and line numbers in the spans index the whole of ``text``, so
    front matter that the caller skipped still counts. ``page_heads`` are the
    starts of lines known to head a page (:func:`.margins.page_heads`): page notes.

    The cyclic garbage collector is paused meanwhile: the parse allocates
    hundreds of thousands of small objects and no reference cycles, and
    collection passes that rescan them all made time grow faster than the input.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _build(text, start, options, page_heads)
    finally:
        if enabled:
            gc.enable()


def _build(text: str, start: int, options: ParseOptions, page_heads: tuple[int, ...] = ()) -> Transcript:
    lines = split_lines(text, start, page_heads)
    b = _Builder(text, lines, options)
    plan = _plan(lines, options, b)
    # What the plan took from the candidates is in it: the rest go before the model is built beside them.
    lines.label.clear()
    _Walk(lines, b, plan).run()
    b.close_turn()
    for block in b.preamble[1:]:
        if isinstance(block, Paragraph) and block.span is not None and not _DATE.fullmatch(block.text):
            b.diag(
                "unclassified-preamble",
                "text before the first turn kept in the preamble",
                lines.index_of(block.span.line),
                Severity.INFO,
            )
    participants = plan.participants
    if any(isinstance(item, Turn) and not item.label for item in b.body):
        participants = (*participants, Participant(id=_UNNAMED, name="Speaker", labels=()))
    return Transcript(
        meeting=Meeting(is_excerpt=b.is_excerpt),
        participants=participants,
        preamble=tuple(b.preamble),
        body=tuple(b.body),
        diagnostics=tuple(b.diagnostics),
    )


class _Plan(NamedTuple):
    """What is decided before the walk: where turns open, who speaks, how the text is wrapped."""

    starts: dict[int, _Start]  # line -> the accepted label that opens a turn there (the walk takes each out)
    inline: dict[int, _Start]  # annotated labels read as text of the running turn (annotated_labels=False)
    first_turn: int  # the line of the first turn (the number of lines when there is none)
    participants: tuple[Participant, ...]
    ids: dict[str, str]  # label as printed -> participant id
    slots: dict[str, Slots]  # label as printed -> what its brackets said
    width: int  # the wrap width, 0 when unknown
    wrapped: bool  # is the text hard-wrapped?
    block_breaks: bool  # in a record of blank-line blocks, may a single line break end a paragraph?
    unwrapped_at: int  # a line longer than this was not wrapped


def _plan(lines: Lines, options: ParseOptions, b: _Builder) -> _Plan:
    """Decide the labels and the speakers, and say so in diagnostics."""
    n = len(lines)
    blank_sep = lines.blank_sep
    # The lengths of the text lines, by C-level iteration (map, compress) rather than a comprehension.
    lengths = Counter(map(len, map(str.rstrip, compress(lines.text, map(TEXT.__eq__, lines.kind)))))
    width, wrapped = wrap_width(lengths)
    narrow = wrapped and width < _NARROW_WRAP and not _runs_on_in_lower_case(lines, width)
    if narrow:
        wrapped = False  # a run of short lines (names read out one a line), not a narrow column
    if wrapped and _band_ends_sentences(lines, width, blank_sep=lines.blank_sep):
        wrapped = False  # the lines of the band are whole paragraphs that happen to be as long, not wraps
    # Blank lines end paragraphs, and single breaks are the wrap's; where no line shows a wrap, a block's
    # lines are its paragraphs (a label alone, then a paragraph a line). A narrow column of a script
    # without case (the CJK Hansard) shows no lines running on in lower case: it keeps its wraps.
    block_breaks = blank_sep and not wrapped and not narrow
    accepted, rejected = _accept_labels(lines, blank_sep, options)
    for number in options.label_lines:
        i = lines.index_of(number)
        if not 0 <= i < n or i not in lines.label:
            message = f"line {number} was declared a label but holds no label followed by a separator"
            b.diag("label-line-unmatched", message, min(max(i, 0), n - 1), Severity.WARNING)
    for i in rejected:
        m = lines.label.pop(i)  # said once in a diagnostic, and no longer needed: the two are not held together
        b.diag("label-rejected", f"{m.label!r} looks like a speaker label but was read as text", i, Severity.INFO)
    # kremlin.ru's running text; records that separate paragraphs by blank lines keep every label a label.
    inline = {} if options.annotated_labels or blank_sep else _keep_annotated_inline(accepted)
    for i, (_, _, label, _) in inline.items():
        message = f"{label!r} is read as text of the running turn, as its publisher prints it"
        b.diag("annotated-label", message, i, Severity.INFO)
    if not accepted and lines.has_text():
        b.diag("no-labels", "no speaker labels found: the text is read as one speech by an unnamed speaker", 0)
    # Labels kept inline still say who someone is (name, role, the label printed): participants know them.
    # Each distinct (label, name) once, in order of first appearance: all that resolving speakers needs.
    merged = {**accepted, **inline} if inline else accepted
    named: dict[tuple[str, str], LabelMatch] = {}
    for i in sorted(merged):
        _, m, label, name = merged[i]
        named.setdefault((label, name), m)
    del merged
    slots = {label: read_slots(m.slots, m.name) for (label, _), m in named.items() if m.slots}
    participants, ids = resolve_speakers(list(named), slots)
    per_line = _one_line_per_paragraph(lines, lengths, wrapped)
    return _Plan(
        starts=accepted,
        inline=inline,
        first_turn=min(accepted) if accepted else n,
        participants=participants,
        ids=ids,
        slots=slots,
        width=width,
        wrapped=wrapped,
        block_breaks=block_breaks,
        # The length past which a line was not wrapped: well past the wrap width, or any long line in
        # an unwrapped text; or any line where every long line ends a sentence (a paragraph per line).
        unwrapped_at=0 if per_line else (max(3 * width, _LONG_LINE) if wrapped else _LONG_LINE),
    )


def _runs_on_in_lower_case(lines: Lines, width: int) -> bool:
    """Do the lines that fill a narrow band go on in lower case often enough to be a wrapped column?

    A column wrapped at 30 characters breaks inside sentences, so the next
    line often opens with a lower-case word; a roll call of names a line
    never does. Asked only of documents whose band is that narrow.
    """
    text, kinds = lines.text, lines.kind
    band = lower = 0
    for i in range(len(kinds) - 1):
        if kinds[i] == TEXT and kinds[i + 1] == TEXT and width - _WRAP_BAND < len(text[i].rstrip()) <= width:
            band += 1
            lower += text[i + 1].lstrip()[:1].islower()
    return lower >= _RUNS_ON_SHARE * band


def _band_ends_sentences(lines: Lines, width: int, *, blank_sep: bool) -> bool:
    """Do the lines of the wrap band end sentences, as whole paragraphs do, where wrapped lines would not?

    A wrapping editor breaks lines where the width runs out, mostly inside a
    sentence; in a short text of a paragraph a line, a band of similar lengths
    may hold enough lines to look like a wrap width, but its lines end their
    sentences (a spokesperson's answers, one a line). The first lines of the
    band that have text below them are asked. In a record of blank-line
    blocks only a line inside a block can show a wrap: with none in the band,
    nothing does.
    """
    text, kinds = lines.text, lines.kind
    band = ends = 0
    for i in range(len(kinds) - 1):
        if kinds[i] == TEXT and kinds[i + 1] == TEXT:
            line = text[i].rstrip()
            if width - _WRAP_BAND < len(line) <= width:
                band += 1
                ends += ends_sentence(line)
                if band >= _BAND_SAMPLE:
                    break
    if band < _BAND_MIN:
        return blank_sep
    return ends >= _BAND_ENDS_SHARE * band


def _one_line_per_paragraph(lines: Lines, lengths: Counter[int], wrapped: bool) -> bool:
    """Does every long line of this text end a sentence? Then each line is a paragraph of its own.

    Texts converted from markup (ParlaMint, a publisher's HTML) print a
    paragraph per line; a hand-wrapped text breaks long lines mid-sentence.
    In the first, a short line without a full stop (a name read out, a list
    entry, a heading) is a paragraph too, not a wrapped line. In a text that
    looks hard-wrapped the long lines must also be most of its lines: there
    they may be the few paragraphs a wrap left whole. ``lengths`` counts the
    text lines by length; only a text that passes on them is read, in a
    stream (no list of a million short lines).
    """
    long_lines = sum(count for n, count in lengths.items() if n >= _PARAGRAPH_LINE)
    least = _PARAGRAPH_LINES_MIN if wrapped else _PARAGRAPH_LINES_UNWRAPPED
    if long_lines < least:
        return False
    if wrapped and 2 * long_lines < sum(count for n, count in lengths.items() if n >= _HEADING_MAX):
        return False
    text = lines.text
    sample = list(islice(compress(text, map((_PARAGRAPH_LINE - 1).__lt__, map(len, text))), _PARAGRAPH_SAMPLE))
    sample = [t for t in sample if not t.isupper()]  # a long heading in capitals ends no sentence
    ending = sum(1 for t in sample if ends_sentence(t.rstrip()) or t.rstrip().endswith(":"))
    return len(sample) >= least and ending >= _PARAGRAPH_SHARE * len(sample)


class _Walk:
    """One pass over the lines: a small state machine with one method per kind of line.

    Each method takes the index of its line and returns the index of the next
    line to read (a label or a page break may take several lines).
    """

    def __init__(self, lines: Lines, b: _Builder, plan: _Plan) -> None:
        self.lines = lines
        self.b = b
        self.plan = plan
        self.text_lines = lines.text
        self.listed = type(lines.text) is list  # lines held as strings, which a long paragraph lets go
        self.kinds = lines.kind
        self.first_text_line = -1  # the first line of the preamble stands alone: a title or an occasion
        self.prev_text_line = -1  # the line the pending paragraph's last line came from
        self.place_line = -1  # the header's place line, which stands alone
        self.glue = False  # the next text line continues the pending paragraph whatever the reflow says
        self.n = len(lines)
        self.blank_sep = lines.blank_sep
        # Lines already read, by index: (line, text) of the last text line and of the line looked at after it.
        self.prev_text: tuple[int, str] = (-2, "")  # no line: -1 is a value prev_text_line takes
        self.ahead: tuple[int, str] = (-1, "")

    def run(self) -> None:
        starts, kinds, inline = self.plan.starts, self.kinds, self.plan.inline
        n = len(kinds)
        if self.plan.first_turn == n and self.lines.has_text():
            self.b.open_turn(_TurnStart(first=0, col=0, last=0, label="", speaker=_UNNAMED, annotation=None))
        i = 0
        while i < n:
            # Each label is taken out as the walk takes it: the candidates and the model being built
            # are not held side by side (a text of many short turns is mostly labels).
            opening = starts.pop(i, None)
            if opening is not None:
                i = self.label(i, opening)
                continue
            kind = kinds[i]
            if kind == TEXT:
                i = self.inline_label(i) if inline and i in inline else self.text(i)
            elif kind == BLANK:
                i = self.blank(i)
            else:
                i = self.note(i)

    def label(self, i: int, opening: _Start) -> int:
        """An accepted label opens a turn; the text after it on its line opens the first paragraph."""
        b, ltext, plan = self.b, self.text_lines, self.plan
        last, m, label, _ = opening
        line = ltext[last]
        col = m.start if last == i else len(ltext[i]) - len(ltext[i].lstrip())
        rest_col = m.rest
        annotation = m.annotation
        said = _INTERPRETED.match(line, rest_col) if line.startswith("(", rest_col) else None
        if said is not None and annotation is None:
            # "PRESIDENT LÓPEZ OBRADOR:  (As interpreted.)  We're …": how the turn was said, not what.
            annotation = said.group(1)
            rest_col = said.end()
        time = m.time or (plan.slots[label].time if label in plan.slots else None)
        # Where the label starts and its line ends, from the line in hand: a turn of a label alone reads no more.
        at = self.lines.offset[last]
        end = at + (_rstripped_len(line) if line[-1:].isspace() else len(line))
        at = at + col if i == last else -1
        b.open_turn(_TurnStart(i, col, last, label, plan.ids[label], annotation, time), end, at)
        self.glue = False
        if line[rest_col:].strip():
            b.start_paragraph(last, rest_col)
            self.prev_text_line = last
            self.prev_text = (last, line)
        else:
            self.prev_text_line = -1
        return last + 1

    def inline_label(self, i: int) -> int:
        """An annotated label read as text opens a paragraph; a label alone on its line runs into the next."""
        b = self.b
        last = self.plan.inline[i][0]
        b.start_paragraph(i, 0)
        b.para[-1] = last + 1  # the label's lines, one run
        m = self.plan.inline[i][1]  # the label's match, on its last line
        self.glue = not self.text_lines[last][m.rest :].strip()
        self.prev_text_line = last
        return last + 1

    def text(self, i: int) -> int:
        """A line of text starts a paragraph or goes on with the pending one."""
        b = self.b
        ahead = self.ahead
        line = ahead[1] if ahead[0] == i else self.text_lines[i]
        if i < self.plan.first_turn and EXCERPT_RE.fullmatch(line.strip()):
            b.is_excerpt = True
            b.note(i, NoteKind.EDITORIAL)
            self.prev_text_line = -1
            return i + 1
        if b.turn is not None and line.isupper() and self.section_heading(i, line):
            return i + 1
        para = b.para
        if not para:
            opens = True
        elif self.blank_sep and not self.plan.block_breaks:
            opens = False
        elif b.turn is None:
            alone = self.prev_text_line in (self.first_text_line, self.place_line)
            opens = _preamble_break(self.prev_line(), line, alone)
        elif self.glue:
            opens = False
        else:
            opens = self.breaks_before(i, para, line)
        if opens:
            b.start_paragraph(i, 0)
        elif para[-1] == i:
            para[-1] = i + 1
        else:
            para += (i, i + 1)
        if self.listed and i - (b.para[0] if b.folded is None else b.folded_upto) > _FOLD_AT:
            b.fold()
        if self.first_text_line < 0:
            self.first_text_line = i
        self.prev_text_line = i
        self.prev_text = (i, line)
        self.glue = False
        return i + 1

    def section_heading(self, i: int, line: str) -> bool:
        """A business heading in capitals between a turn and the next label ("STATEMENTS", "THIRD AMENDMENT").

        It heads what follows, so it closes the running turn and stands in the
        body as a section note. Only when a label follows it (blank lines, notes
        and other such headings between): capitals inside a speech ("LABOR'S
        PLAN FOR NEW GUINEA" quoting a pamphlet) go on as paragraphs.
        """
        text = line.strip()
        if not _CAPITALS_HEADING.fullmatch(text) or ". " in text:
            return False
        if self.b.para and not self.blank_sep and not _SENTENCE_END.search(self.prev_line().rstrip()):
            return False  # the last line of a wrapped paragraph, not a heading
        kinds, starts, ltext = self.kinds, self.plan.starts, self.text_lines
        j = i + 1
        while j < self.n and j not in starts and j - i <= _HEADING_LINES:
            if kinds[j] == TEXT and not (ltext[j].isupper() and _CAPITALS_HEADING.fullmatch(ltext[j].strip())):
                return False
            j += 1
        if j not in starts:
            return False
        b = self.b
        b.close_turn()
        b.body.append(Note(kind=NoteKind.SECTION, text=text, span=b._span(i, line.find(text[:1]), i)))
        self.prev_text_line = -1
        return True

    def prev_line(self) -> str:
        """The text of ``prev_text_line``, kept from when it was read (lines may be sliced on demand)."""
        known = self.prev_text
        return known[1] if known[0] == self.prev_text_line else self.text_lines[self.prev_text_line]

    def breaks_before(self, i: int, para: _Runs, line: str) -> bool:
        """Does the line break before line ``i`` (``line``) end the pending paragraph of a turn? (the reflow model)"""
        plan, b = self.plan, self.b
        known = self.prev_text
        prev = known[1] if known[0] == self.prev_text_line else self.text_lines[self.prev_text_line]
        after = None
        if i + 1 < self.n and self.kinds[i + 1] == TEXT:
            after = self.text_lines[i + 1]
            self.ahead = (i + 1, after)
        count = para[1] - para[0] if len(para) == 2 else _count(para)
        label_line = count == 1 and b.para_col > 0
        width, wrapped = plan.width, plan.wrapped
        score = break_score(prev, line, after, width, wrapped, para_lines=count, label_line=label_line)
        if score <= 0 and (
            len(prev) > plan.unwrapped_at
            or (not wrapped and prev.rstrip()[-1:] in _DASHES)
            or (line[:1] in _LIST_FIRST and _LIST_ITEM.match(line) is not None)
            or line[:1] == "\u3000"  # an ideographic space indents a paragraph's first line (the Diet's minutes)
        ):
            # No wrap made a line this long; in a text that is not hard-wrapped a line ending in a
            # dash ("I move-") leads in to what follows; "1. …", "(a) …" open list items.
            score = _NOT_WRAPPED
        if TRACE is not None:
            TRACE.append((self.lines.number(i), (prev, line, after, width, wrapped, count, b.para_col)))
        if -AMBIGUOUS < score < AMBIGUOUS:
            verdict = "a new paragraph" if score > 0 else "a wrapped line"
            b.diag("ambiguous-break", f"line break read as {verdict} (score {score:+.2f})", i, Severity.INFO)
        return score > 0

    def blank(self, i: int) -> int:
        """A blank line ends the pending paragraph."""
        self.b.flush()
        self.prev_text_line = -1
        self.glue = False
        return i + 1

    def note(self, i: int) -> int:
        """A whole-line note; page furniture inside a sentence lets the sentence go on over the page."""
        b, lines = self.b, self.lines
        note_kind = lines.note[i]
        assert note_kind is not None
        if note_kind is NoteKind.PAGE and b.para:
            resume = _resume_after_page_break(lines, i, self.prev_text_line, self.plan.starts)
            if resume > 0:
                # "例如，病" / running head / page number / "人面對…": the sentence goes on over the page.
                for j in range(i, resume):
                    if self.kinds[j] == NOTE:
                        b.page_furniture(j)
                self.glue = True
                return resume
        b.note(i, note_kind)
        self.prev_text_line = -1
        if note_kind is NoteKind.TIMESTAMP and b.turn is None and i + 1 < len(self.kinds):
            self.place_line = i + 1  # the header's place line follows its time and stands alone
        return i + 1
