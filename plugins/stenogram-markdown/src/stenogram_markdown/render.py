"""Transcript -> Markdown: a pure function of the transcript and the options.

Blocks are separated by one blank line, so no construct can run into the
next; every piece of transcript text goes through ``escape``, so it renders
as written.
"""

from __future__ import annotations

import string
import unicodedata
from collections.abc import Iterator

from stenogram import MarkKind, Meeting, Note, NoteKind, Paragraph, Transcript, Turn
from stenogram.titles import title_of
from stenogram_markdown.escape import escape_block, escape_block_start, escape_inline
from stenogram_markdown.options import MarkdownOptions

__all__ = ["render"]

#: Inline marks shown in italics; the others (insertions, timestamps) are already bracketed in the text.
_ITALIC_MARKS = frozenset({MarkKind.STAGE, MarkKind.EDITORIAL, MarkKind.OMISSION})
_METADATA_FIELDS = (("date", "Date"), ("time", "Time"), ("place", "Place"), ("occasion", "Occasion"))
_METADATA_TAIL = (("source", "Source"), ("language", "Language"))


def _heading(level: int, text: str) -> str:
    return f"{'#' * min(level, 6)} {escape_inline(text).strip()}".rstrip()


def _italic(text: str) -> str:
    """``*text*``: the caller makes sure the text has no blanks at either end."""
    inner = escape_inline(text).strip()
    return f"*{inner}*" if inner else ""


def _is_space(char: str) -> bool:
    return char in " \t\n\f\r" or unicodedata.category(char) == "Zs"


def _surely_punctuation(char: str) -> bool:
    """ASCII punctuation or Unicode P*: punctuation to every CommonMark version."""
    return char in string.punctuation or unicodedata.category(char).startswith("P")


def _maybe_punctuation(char: str) -> bool:
    """Also Unicode symbols (S*), which CommonMark 0.31 counts as punctuation and older versions do not."""
    return _surely_punctuation(char) or unicodedata.category(char).startswith("S")


def _can_emphasise(text: str, start: int, end: int) -> bool:
    """Whether ``*`` around ``text[start:end]`` opens and closes emphasis (CommonMark's flanking rules).

    An opening ``*`` before punctuation needs a blank or punctuation before
    it, and a closing one after punctuation needs the same after it; where
    that fails, the stretch is left in plain text rather than shown with
    stray asterisks.
    """
    inner = text[start:end]
    if not inner or inner != inner.strip():
        return False
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    opens = not _maybe_punctuation(inner[0]) or _is_space(before) or _surely_punctuation(before)
    closes = not _maybe_punctuation(inner[-1]) or _is_space(after) or _surely_punctuation(after)
    return opens and closes


def _italic_spans(paragraph: Paragraph) -> list[tuple[int, int]]:
    """The stretches to show in italics: touching or overlapping marks as one (``*a**b*`` is not two)."""
    spans: list[tuple[int, int]] = []
    for mark in sorted(paragraph.marks, key=lambda m: (m.start, m.end)):
        if mark.kind not in _ITALIC_MARKS or mark.start >= mark.end:
            continue
        if spans and mark.start <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(spans[-1][1], mark.end))
        else:
            spans.append((mark.start, mark.end))
    return spans


def _paragraph(paragraph: Paragraph) -> str:
    """The paragraph's text, escaped, with stage directions and omissions in italics where Markdown allows."""
    text, out, pos = paragraph.text, [], 0
    for start, end in _italic_spans(paragraph):
        if start >= pos and _can_emphasise(text, start, end):
            out += [escape_inline(text[pos:start]), _italic(text[start:end])]
            pos = end
    out.append(escape_inline(text[pos:]))
    return escape_block_start("".join(out))


def _note(note: Note, options: MarkdownOptions, level: int) -> str | None:
    if note.kind is NoteKind.SEPARATOR and not any(c.isalnum() for c in note.text):
        return "* * *"  # a separator with words (from JSON, TEI or code) is written as text, so none is lost
    if not note.text.strip():
        return None
    if note.kind is NoteKind.SECTION:
        return _heading(level, note.text)
    return _italic(note.text)


def _block(block: Paragraph | Note, options: MarkdownOptions, level: int) -> str | None:
    if isinstance(block, Paragraph):
        if block.is_aside and not options.include_notes:
            return None  # "(Applause.)" printed as a paragraph is a stage direction all the same
        return _paragraph(block) if block.text.strip() else None
    return _note(block, options, level) if options.include_notes else None


def _speaker(turn: Turn, transcript: Transcript, options: MarkdownOptions) -> str:
    """The label as printed, or the participant's name when asked for or when nothing was printed."""
    if options.speaker == "name" or not turn.label.strip():
        for p in transcript.participants:
            if p.id == turn.speaker and escape_inline(p.name).strip():
                return p.name
    return turn.label if escape_inline(turn.label).strip() else turn.speaker


def _turn(turn: Turn, transcript: Transcript, options: MarkdownOptions, level: int) -> Iterator[str]:
    label = f"**{escape_inline(_speaker(turn, transcript, options)).strip()}:**"
    if turn.annotation and turn.annotation not in turn.label:
        label += f" *({escape_inline(turn.annotation).strip()})*"
    blocks = [b for b in (_block(c, options, level) for c in turn.content) if b is not None]
    if blocks and not blocks[0].startswith(("#", "* * *")):
        yield f"{label} {blocks.pop(0)}"
    else:
        yield label
    yield from blocks


def _metadata(meeting: Meeting) -> Iterator[str]:
    rows = [(label, getattr(meeting, key)) for key, label in _METADATA_FIELDS]
    rows += [(label, getattr(meeting, key)) for key, label in _METADATA_TAIL]
    rows += list(meeting.extra)
    if meeting.is_excerpt:
        rows.append(("Excerpt", "yes, the source gives only part of the meeting"))
    for label, value in rows:
        if value is not None and str(value).strip():
            yield f"- **{escape_inline(str(label)).strip()}:** {escape_inline(str(value)).strip()}"


def _shown_above(meeting: Meeting, options: MarkdownOptions) -> frozenset[str]:
    """Meeting fields already printed above the preamble: a preamble line the parser also took as
    the title or the occasion is not printed twice."""
    fields = [meeting.title, meeting.lead]
    if options.include_metadata:
        fields += [getattr(meeting, key) for key, _ in (*_METADATA_FIELDS, *_METADATA_TAIL)]
    return frozenset(f.strip() for f in fields if isinstance(f, str) and f.strip())


def _participants(transcript: Transcript) -> Iterator[str]:
    for p in transcript.participants:
        line = f"- **{escape_inline(p.name).strip() or escape_inline(p.id)}**"  # "- ****" would be a rule
        if p.role:
            line += f", {escape_inline(p.role).strip()}"
        if p.anonymous:
            line += " (not named)"
        yield line


def _sections(transcript: Transcript, options: MarkdownOptions) -> Iterator[str]:
    level = options.heading_level
    meeting = transcript.meeting
    yield _heading(level, title_of(transcript))
    if meeting.lead and meeting.lead.strip():
        yield escape_block(meeting.lead)
    if options.include_metadata:
        rows = "\n".join(_metadata(meeting))
        if rows:
            yield rows
    if options.include_participants and transcript.participants:
        yield _heading(level + 1, "Participants")
        yield "\n".join(_participants(transcript))
    opening: list[str] = []
    if options.include_preamble:
        shown = _shown_above(meeting, options)
        for block in transcript.preamble:
            rendered = None if block.text.strip() in shown else _block(block, options, level + 2)
            if rendered is not None:
                opening.append(rendered)
    if opening or transcript.body:
        yield _heading(level + 1, "Transcript")
    yield from opening
    for item in transcript.body:
        if isinstance(item, Turn):
            yield from _turn(item, transcript, options, level + 2)
        else:
            between = _block(item, options, level + 2)
            if between is not None:
                yield between


def render(transcript: Transcript, options: MarkdownOptions) -> str:
    """The whole document: blocks joined by blank lines, ending with one newline."""
    return "\n\n".join(_sections(transcript, options)) + "\n"
