"""The Europarl corpus format: ``<CHAPTER ID=..>``, ``<SPEAKER ID=.. NAME="..">`` and ``<P>`` markup.

Each ``<SPEAKER>`` opens a turn; every text line in it is a paragraph (the
corpus prints one paragraph per line, and ``<P>`` only repeats that); a
line wholly in parentheses is a stage direction: inside a turn a paragraph
marked as one from end to end, as the plain-text parser makes it (a Note
with ``stage_notes``), elsewhere a note. A ``<CHAPTER>`` and the title
line after it become a SECTION note in the body. Speaker attributes other
than ``ID`` and ``NAME`` (such as ``LANGUAGE="DE"``) are kept in the turn's
``annotation`` as ``LANGUAGE=DE``.

``stenogram.parse()`` routes text with this markup here by itself; the
reader makes the format available to ``stenogram.read()`` and the CLI.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import PurePath

from stenogram.errors import EmptyInputError, ReadError
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
from stenogram.parse.speakers import slug

__all__ = ["build_europarl", "looks_like_europarl", "read_europarl", "sniff_europarl"]

_DETECT = re.compile(r"^[ \t]*<(?:CHAPTER|SPEAKER)\s+ID=", re.MULTILINE)
_DETECT_BYTES = re.compile(rb"^[ \t]*<(?:CHAPTER|SPEAKER)\s+ID=", re.MULTILINE)
_TAG = re.compile(
    r"[ \t]*<(?P<name>[A-Z]+)(?P<attrs>(?:\s+[A-Za-z_]+=(?:\"[^\"\n]*\"|'[^'\n]*'|[^\s>\"']*))*)\s*/?>[ \t]*"
)
_ATTR = re.compile(r"([A-Za-z_]+)=(?:\"([^\"\n]*)\"|'([^'\n]*)'|([^\s>\"']*))")
_STAGE = re.compile(r"\([^()]*\)")
_FILE_DATE = re.compile(r"ep-(\d\d)-(\d\d)-(\d\d)")
_WS = re.compile(r"[\s\u00a0]+")
_HEAD = 4096


def looks_like_europarl(text: str) -> bool:
    """Whether ``text`` opens with Europarl markup (looked for in its first 4096 characters)."""
    return _DETECT.search(text, 0, _HEAD) is not None


def sniff_europarl(head: bytes) -> bool:
    return _DETECT_BYTES.search(head[:_HEAD]) is not None


def _attrs(raw: str) -> dict[str, str]:
    return {m.group(1).upper(): next(g for g in m.groups()[1:] if g is not None) for m in _ATTR.finditer(raw)}


def _date(source: str | None) -> dt.date | None:
    m = _FILE_DATE.search(PurePath(source).name) if source else None
    if not m:
        return None
    yy, mm, dd = (int(g) for g in m.groups())
    try:
        return dt.date(2000 + yy if yy < 50 else 1900 + yy, mm, dd)
    except ValueError:
        return None


class _Builder:
    """Collects blocks line by line; one instance per parse."""

    def __init__(self) -> None:
        self.preamble: list[Block] = []
        self.body: list[BodyItem] = []
        self.turn: tuple[str, str, str | None, Span] | None = None  # speaker id, label, annotation, tag span
        self.content: list[Block] = []
        self.last: Span | None = None
        self.chapter: tuple[str, Span] | None = None  # a <CHAPTER> still waiting for its title line
        self.people: dict[str, Participant] = {}
        self.ids: set[str] = set()
        self.suffix: dict[str, int] = {}

    def close_turn(self) -> None:
        if self.turn is not None:
            speaker, label, annotation, tag = self.turn
            end = self.last or tag
            span = Span(start=tag.start, end=max(end.end, tag.end), line=tag.line, end_line=max(end.end_line, tag.line))
            self.body.append(
                Turn(speaker=speaker, label=label, content=tuple(self.content), annotation=annotation, span=span)
            )
        self.turn, self.content, self.last = None, [], None

    def close_chapter(self, title: str, span: Span) -> None:
        self.body.append(Note(kind=NoteKind.SECTION, text=title, span=span))
        self.chapter = None

    def speaker(self, label: str) -> str:
        key = label.casefold()
        if key not in self.people:
            # The ids taken, and the next suffix of each slug, are kept rather than rebuilt for every new
            # speaker: 10,000 speakers took 11 s, quadratic in their number.
            base = slug(label)
            pid, n = base, self.suffix.get(base, 2)
            while pid in self.ids:
                pid, n = f"{base}-{n}", n + 1
            self.suffix[base] = n
            self.ids.add(pid)
            self.people[key] = Participant(id=pid, name=label, labels=(label,))
        return self.people[key].id

    def block(self, block: Block) -> None:
        if self.turn is not None:
            self.content.append(block)
            self.last = block.span
        elif not self.body:
            self.preamble.append(block)
        else:
            self.body.append(
                block if isinstance(block, Note) else Note(kind=NoteKind.OTHER, text=block.text, span=block.span)
            )


def build_europarl(text: str, *, start: int = 0, source: str | None = None, stage_notes: bool = False) -> Transcript:
    """Europarl markup in ``text[start:]`` -> Transcript; spans index the whole ``text``."""
    b = _Builder()
    pos = start
    first_line = text.count("\n", 0, start) + 1
    for n, line in enumerate(text[start:].split("\n"), first_line):
        begin, pos = pos, pos + len(line) + 1
        stripped = line.strip()
        if not stripped:
            continue
        lead = len(line) - len(line.lstrip())
        span = Span(start=begin + lead, end=begin + len(line.rstrip()), line=n, end_line=n)
        tag = _TAG.fullmatch(line)
        if tag is not None:
            name, attrs = tag.group("name"), _attrs(tag.group("attrs"))
            if b.chapter is not None and name != "P":
                b.close_chapter(f"CHAPTER {b.chapter[0]}".strip(), b.chapter[1])
            if name == "CHAPTER":
                b.close_turn()
                b.chapter = (attrs.get("ID", ""), span)
            elif name == "SPEAKER":
                b.close_turn()
                label = _WS.sub(" ", attrs.get("NAME", "")).strip() or f"Speaker {attrs.get('ID', '')}".strip()
                rest = " ".join(f"{k}={v}" for k, v in attrs.items() if k not in ("ID", "NAME"))
                b.turn = (b.speaker(label), label, rest or None, span)
            elif name != "P":
                b.block(Note(kind=NoteKind.OTHER, text=stripped, span=span))
            continue
        folded = _WS.sub(" ", stripped)
        if b.chapter is not None:
            chapter_span = b.chapter[1]
            b.close_chapter(
                folded, Span(start=chapter_span.start, end=span.end, line=chapter_span.line, end_line=span.end_line)
            )
        elif _STAGE.fullmatch(folded):
            if b.turn is not None and not stage_notes:
                aside = (Mark(kind=MarkKind.STAGE, start=0, end=len(folded)),)
                b.block(Paragraph(text=folded, marks=aside, span=span))
            else:
                b.block(Note(kind=NoteKind.STAGE, text=folded, span=span))
        else:
            b.block(Paragraph(text=folded, span=span))
    if b.chapter is not None:
        b.close_chapter(f"CHAPTER {b.chapter[0]}".strip(), b.chapter[1])
    b.close_turn()
    return Transcript(
        meeting=Meeting(date=_date(source)),
        participants=tuple(b.people.values()),
        preamble=tuple(b.preamble),
        body=tuple(b.body),
    )


def read_europarl(data: bytes, source_name: str | None, *, stage_notes: bool = False) -> Transcript:
    """The reader registered for the format: decode, then build (front matter and sidecar do not apply).

    ``stage_notes`` is the parse option of that name, which ``stenogram.read`` passes on.
    """
    from stenogram.parse.decode import decode

    text = decode(data, source=source_name)
    if not text.strip():
        raise EmptyInputError("the input holds no text", file=source_name)
    if _DETECT.search(text) is None:  # asked for by name (--from europarl), but plain text would come out as preamble
        raise ReadError(f"{source_name or '<input>'}: no Europarl markup (<CHAPTER ID=..> or <SPEAKER ID=..>) found")
    return build_europarl(text, source=source_name, stage_notes=stage_notes)
