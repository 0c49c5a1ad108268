"""Whole-line notes and inline marks: the parts of a record that nobody said.

Both are tables of patterns, tried in order, so a new publisher's habit is a
new row rather than a new branch. A whole line that matches a note pattern
leaves the paragraph flow; an inline match inside a paragraph becomes a
:class:`~stenogram.model.Mark` and its text stays in the paragraph, so no
word is ever lost.

>>> note_kind("(Applause.)")
<NoteKind.STAGE: 'stage'>
>>> note_kind("* * *")
<NoteKind.SEPARATOR: 'separator'>
>>> note_kind("We agree (mostly).") is None
True
>>> [(m.kind.value, m.start, m.end) for m in find_marks("It cost [$400 million] <…> (Laughs.)")]
[('insertion', 8, 22), ('omission', 23, 26), ('stage', 27, 36)]
"""

from __future__ import annotations

import re

from stenogram.lexicon import STAGE_WORDS
from stenogram.model import Mark, MarkKind, NoteKind
from stenogram.text import WidePattern

__all__ = ["ATTENDEES_RE", "EXCERPT_RE", "HEADING_START", "NOTE_START", "OMISSION_LINE_RE", "find_marks", "note_kind"]

_WS = r"[ \t\u00a0\u2000-\u200b\u3000]*"

# Whole-line notes, first match wins. Each pattern sees the line stripped.
_LINE_NOTES: tuple[tuple[NoteKind, re.Pattern[str]], ...] = (
    (NoteKind.SEPARATOR, re.compile(r"(?:[*•·]\s*){3,}|[-–—―─━_=~]{3,}|#{3,}")),
    # rev.com and similar: a time code alone, with or without brackets.
    (
        NoteKind.TIMESTAMP,
        re.compile(
            r"[(\[]?\d{1,2}:\d{2}(?::\d{2}){0,2}(?:\s*[AaPp]\.?\s?[Mm]\.?(?:\s+[A-Z]{2,4})?)?[)\]]?"
            # A sitting time printed with a full stop, as Helsinki, Vilnius or Vienna print it: "14.02", "10.03 val.".
            r"|\d{1,2}\.\d{2}(?:\s*(?:val\.|Uhr|h|hod\.|óra|[ap]\.m\.))?"
            # Kuala Lumpur's Hansard marks the time in the margin: "■1010".
            r"|■\s*\d{3,4}"
        ),
    ),
    # Printed records: a page number alone ("12", "Page 12", "- 12 -"), a page marker ("[[Page H2452]]"),
    # a UN document's number and page ("23-11234 3/30"), or a running head of a Hansard (立法會 ─ 2013年 1月 17日).
    (
        NoteKind.PAGE,
        re.compile(
            r"\d{1,5}|(?:Page|p\.)\s*\d{1,5}|[-–—]\s*\d{1,5}\s*[-–—]|\[\[\s*Page\s+[A-Z]{0,2}\d{1,6}\s*\]\]"
            r"|\d{2}-\d{5}\s+\d{1,4}/\d{1,4}|\S{1,12}\s*[─—–-]\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日"
            # A German parliament's running head: "Deutscher Bundestag – 20. Wahlperiode – 110. Sitzung. Berlin, …".
            r"|(?:\d{1,5}\s+)?Deutscher\s+Bundestag"
            r"\s*[–—-]\s*\d{1,2}\.\s*Wahlperiode\s*[–—-]\s*\d{1,4}\.\s*Sitzung\b.{0,80}"
        ),
    ),
    # Sections: "Part 1. The Kremlin, Moscow, March 1, 2018", Markdown headings, <CHAPTER> tags.
    (
        NoteKind.SECTION,
        # A heading in bold as a converter leaves it, opened and not closed ("**Questions and Answers", the UN).
        re.compile(
            r"(?:Part|PART|Section|SECTION|Chapter|CHAPTER)\s+[\dIVXLC]+\b.{0,200}|#{1,6}\s.{0,200}"
            r"|\*\*[^*\s][^*]{0,80}(?<![.:!?])(?:\*\*)?"
        ),
    ),
    # A bracketed stage or editorial line: (Applause.), [crosstalk 00:07:53], (The Minister went on …).
    (
        NoteKind.OMISSION,
        re.compile(
            r"[<\[(]\s*(?:…|\.\.\.|\.\s\.\s\.)\s*[>\])]"
            r"|\[\s*(?:inaudible|unintelligible|indiscernible)[^\]]*\]|\(\s*(?:inaudible|unintelligible|indiscernible)[^()]*\)",
            re.I,
        ),
    ),
    (NoteKind.EDITORIAL, re.compile(r"\([^\n]{60,}\)")),
    (NoteKind.STAGE, re.compile(r"\([^()\n]{1,59}\)(?:\s*\([^()\n]{1,59}\))*|\[[^\[\]\n]{1,80}\]")),
)

# The whole-line omission mark that kremlin.ru prints as a paragraph of its own;
# it stays a paragraph (with an omission mark) so the speech keeps its shape.
OMISSION_LINE_RE = re.compile(r"[<\[]\s*(?:…|\.\.\.)\s*[>\]]")

# Attendee lists before the first turn ("The meeting was attended by …") are editorial notes.
ATTENDEES_RE = re.compile(
    r"(?:The\s+(?:meeting|session|talks|event|ceremony|videoconference|conference)\s+was\s+attended\s+by"
    r"|(?:Also\s+)?[Tt]aking\s+part\s+in\s+.{0,80}?\s+(?:were|was)\b"
    r"|Participants\s+in\s+.{0,80}?\s+included\b"
    r"|Also\s+(?:taking\s+part|attending|present)\b|Present\s+(?:were|at\s+the)\b"
    r"|(?:出席|缺席|列席)\S{0,6}[:：])"
)

# "Excerpts from the transcript:" and its variants mark a partial record.
EXCERPT_RE = re.compile(
    r"(?:Excerpts?|Extracts?)\s+(?:from\s+(?:the\s+)?)?(?:transcript|stenographic\s+record)\b.*|"
    r"(?:Beginning|Start)\s+of\s+(?:the\s+)?(?:transcript|meeting|conversation)\b.*",
    re.I,
)
#: The first word of an EXCERPT_RE heading, which a hand-wrapped page may leave alone on its line.
HEADING_START = re.compile(r"\s*(?:Excerpts?|Extracts?|Beginning|Start)\b", re.I)

_STAGE_WORDS = "|".join(map(re.escape, STAGE_WORDS))

# Inline marks, first match at a position wins (the alternation order is the priority).
_MARK_RE = re.compile(
    r"(?P<omission><\s*(?:…|\.\.\.)\s*>|\[\s*(?:…|\.\.\.)\s*\]|\[\s*(?:inaudible|unintelligible)[^\]\n]{0,40}\]"
    r"|\(\s*(?i:inaudible|unintelligible|indiscernible)[^()\n]{0,40}\))"
    r"|(?P<timestamp>\[[^\[\]\n]{0,40}?\d{1,2}:\d{2}(?::\d{2}){0,2}\])"
    r"|(?P<stage>\((?:[A-Z][^()\n]{0,58})\.?\)(?=\s|$|[.,;…])|\[(?i:(?:" + _STAGE_WORDS + r"))[^\[\]\n]{0,40}\])"
    r"|(?P<insertion>\[[^\[\]\n]{1,80}\])"
)
_MARK_KINDS = {
    "omission": MarkKind.OMISSION,
    "timestamp": MarkKind.TIMESTAMP,
    "stage": MarkKind.STAGE,
    "insertion": MarkKind.INSERTION,
}
_MARK_TRIGGER = re.compile(r"[<\[(]")
# Without CJK the only notes that open with a letter open with one of these words (a running head's "年"
# needs a wide character), so prose that starts with a P, S or C is not asked.
NOTE_START = WidePattern(
    r"[*•·\-–—―─━■_=~#(\[<\dPpSC\u3400-\u9fff]|Deutscher ",
    narrow=r"[*•·\-–—―─━■_=~#(\[<\d]|Deutscher |Page|Part|PART|Section|SECTION|Chapter|CHAPTER|p\.",
)


# The table as one alternation, one group per row: in a full match the first row that fits wins,
# as in a loop over the rows, but in one call.
_LINE_NOTE_RE = re.compile(
    "|".join(
        f"(?P<{kind.name}{row}>{'(?i:' if pattern.flags & re.I else '(?:'}{pattern.pattern}))"
        for row, (kind, pattern) in enumerate(_LINE_NOTES)
    )
)
_LINE_NOTE_KINDS = {f"{kind.name}{row}": kind for row, (kind, _) in enumerate(_LINE_NOTES)}


def note_kind(stripped: str) -> NoteKind | None:
    """The kind of note a whole (stripped) line is, or None when it is ordinary text."""
    if not NOTE_START.match(stripped):
        return None  # the common case, prose, costs one anchored character test
    m = _LINE_NOTE_RE.fullmatch(stripped)
    return None if m is None else _LINE_NOTE_KINDS[m.lastgroup or ""]


def find_marks(text: str) -> tuple[Mark, ...]:
    """Inline marks of a paragraph's text, in order; offsets index ``text``."""
    if "(" not in text and "[" not in text and "<" not in text:
        return ()  # most paragraphs: three single-character finds are ~10x cheaper than a regex scan
    marks: list[Mark] = []
    end = 0
    # Try the long mark pattern only where a bracket opens, not at every character.
    for opening in _MARK_TRIGGER.finditer(text):
        if opening.start() < end:
            continue
        m = _MARK_RE.match(text, opening.start())
        if m is not None:
            marks.append(Mark(kind=_MARK_KINDS[m.lastgroup or "insertion"], start=m.start(), end=m.end()))
            end = m.end()
    return tuple(marks)
