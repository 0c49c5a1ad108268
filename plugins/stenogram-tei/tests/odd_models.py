"""Transcripts built in code that reach every branch of the TEI writer's layout.

Used by ``test_tei_stream.py``: the streaming writer must give the bytes the
whole-tree writer gave for each of them (their hashes were taken from it).
"""

from __future__ import annotations

import datetime as dt

from stenogram.model import Mark, MarkKind, Meeting, Note, NoteKind, Paragraph, Participant, Transcript, Turn

__all__ = ["ODD_MODELS"]

_EVERY_NOTE = tuple(Note(kind=kind, text=f"({kind.value} note)") for kind in NoteKind if kind is not NoteKind.SECTION)
_EVERY_MARK = Paragraph(
    text="a (Laughs.) b <…> c [$4] d 00:01 e (summary) f other g",
    marks=(
        Mark(kind=MarkKind.STAGE, start=2, end=11),
        Mark(kind=MarkKind.OMISSION, start=14, end=17),
        Mark(kind=MarkKind.INSERTION, start=20, end=24),
        Mark(kind=MarkKind.TIMESTAMP, start=27, end=32),
        Mark(kind=MarkKind.EDITORIAL, start=35, end=44),
        Mark(kind=MarkKind.OTHER, start=47, end=52),
    ),
)
_CROSSING = Paragraph(  # out of order and overlapping: anchors in TEI, left out in ParlaMint
    text="one two three four",
    marks=(Mark(kind=MarkKind.STAGE, start=4, end=13), Mark(kind=MarkKind.OTHER, start=0, end=7)),
)
_FULL_MEETING = Meeting(
    id="odd-meeting",
    title="A <title> & \"quotes\" 'too'",
    lead="Lead text\twith a tab\r\nand a carriage return.",
    date=dt.date(2021, 3, 4),
    time="10:00",
    place="Room 1 > Room 2",
    occasion="An occasion",
    source="https://example.org/a b?c=d&e=%zz#frag ment",
    language="de-AT",
    is_excerpt=True,
    extra=(("key one", "value & one"), ("k2", "v\x002")),
)
_PEOPLE = (
    Participant(
        id="chair",
        name="Ann Roe",
        role="The Chair",
        labels=("The Chair (Hon. Ann Roe)", "The Chair"),
        affiliation="Lib.",
        constituency="Riverside—Hills",
    ),
    Participant(id="u1", name="Clashes with a turn id", role="Minister"),
    Participant(id="q", name="Question", labels=("Question",), anonymous=True),
    Participant(id="_x.y-z", name="", labels=()),
)


def _odd_text() -> Transcript:
    """XML-illegal characters everywhere text goes (C0 controls, U+FFFE, a lone surrogate)."""
    bad = "x\x00y\x0bz\ufffe\ud800!"
    return Transcript(
        meeting=Meeting(title=bad, lead=bad, place=bad, occasion=bad, source=bad, language=bad, extra=(("k", bad),)),
        participants=(Participant(id="a", name=bad, role=bad, labels=(bad,), affiliation=bad, constituency=bad),),
        preamble=(Paragraph(text=bad), Note(kind=NoteKind.EDITORIAL, text=bad)),
        body=(
            Note(kind=NoteKind.SECTION, text=bad),
            Turn(speaker="a", label=bad, annotation=bad, time=bad, content=(Paragraph(text=bad), Note(kind=NoteKind.STAGE, text=bad))),
            Turn(speaker="not listed \x01", label="", content=(Paragraph(text=bad, marks=(Mark(kind=MarkKind.STAGE, start=1, end=3),)),)),
        ),
    )


ODD_MODELS: dict[str, Transcript] = {
    "empty": Transcript(),
    "only-preamble": Transcript(preamble=(Paragraph(text="Title"), Note(kind=NoteKind.PAGE, text="page 1"))),
    "only-sections": Transcript(body=(Note(kind=NoteKind.SECTION, text="A"), Note(kind=NoteKind.SECTION, text="B"))),
    "trailing-sections": Transcript(
        participants=_PEOPLE[:1],
        body=(
            Note(kind=NoteKind.SECTION, text="First"),
            Turn(speaker="chair", label="The Chair", content=(Paragraph(text="Order."),)),
            Note(kind=NoteKind.SECTION, text="Second"),
            Note(kind=NoteKind.SECTION, text="Third"),
        ),
    ),
    "empty-turns": Transcript(
        participants=_PEOPLE,
        body=(
            Turn(speaker="chair", label="The Chair"),
            Turn(speaker="q", label=""),
            Turn(speaker="nobody", label="Nobody:", content=(Note(kind=NoteKind.STAGE, text="(Silence.)"),)),
            Turn(speaker="_x.y-z", label="", content=(Paragraph(text=""),)),
        ),
    ),
    "every-field": Transcript(
        meeting=_FULL_MEETING,
        participants=_PEOPLE,
        preamble=(Paragraph(text="Preamble with a mark [here].", marks=(Mark(kind=MarkKind.INSERTION, start=21, end=27),)), *_EVERY_NOTE),
        body=(
            *_EVERY_NOTE,
            Note(kind=NoteKind.SECTION, text="Sitting"),
            Note(kind=NoteKind.SECTION, text="Sub-heading: with a colon"),
            Turn(
                speaker="chair",
                label="The Chair (Hon. Ann Roe)",
                annotation="retranslated",
                time="14:03",
                id="kept-id",
                content=(_EVERY_MARK, *_EVERY_NOTE, _CROSSING, Paragraph(text="  spaces  kept  ")),
            ),
            Turn(speaker="u1", label="Minister", id="kept-id", content=(Paragraph(text="Same id as before."),)),
            Turn(speaker="q", label="Question", id="u2", content=(Paragraph(text="Q?"),)),
            Note(kind=NoteKind.SECTION, text="Later"),
            Turn(speaker="chair", label="The Chair", content=(_CROSSING,)),
        ),
    ),
    "odd-text": _odd_text(),
}
