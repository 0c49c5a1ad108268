"""The model's invariants: frozen, validated, content equality, accessors."""

from __future__ import annotations

import datetime

import attrs
import pytest

from stenogram import (
    Diagnostic,
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
    UnknownParticipantError,
)


def make() -> Transcript:
    return Transcript(
        meeting=Meeting(title="T", date=datetime.date(2020, 1, 21)),
        participants=(
            Participant(id="a", name="Anna Petrova", role="Minister", labels=("Minister Anna Petrova", "Petrova")),
            Participant(id="b", name="Ivan Sidorov"),
        ),
        preamble=(Paragraph(text="The meeting took place in Sochi."),),
        body=(
            Turn(
                speaker="a",
                label="Minister Anna Petrova",
                content=(
                    Paragraph(text="Good morning, colleagues.", span=Span(start=0, end=10, line=1, end_line=1)),
                    Note(kind=NoteKind.STAGE, text="(Applause.)"),
                    Paragraph(
                        text="Trade grew <…> by 9.5 percent.", marks=(Mark(kind=MarkKind.OMISSION, start=11, end=14),)
                    ),
                ),
            ),
            Note(kind=NoteKind.SEPARATOR, text="* * *"),
            Turn(speaker="b", label="Sidorov", content=(Paragraph(text="Thank you."),)),
        ),
        diagnostics=(Diagnostic(code="ambiguous-break", message="m", line=3),),
    )


def test_accessors() -> None:
    t = make()
    assert [turn.speaker for turn in t.turns] == ["a", "b"]
    assert len(t.paragraphs) == 3
    assert [n.text for n in t.notes] == ["(Applause.)", "* * *"]
    assert t.turns[0].paragraphs[1].text.startswith("Trade")
    assert t.turns[0].notes == (Note(kind=NoteKind.STAGE, text="(Applause.)"),)
    assert t.turns[0].text == "Good morning, colleagues.\n\nTrade grew <…> by 9.5 percent."
    assert t.participant("a").name == "Anna Petrova"
    assert t.turns_of("b") == (t.turns[1],)
    assert t.word_count == 3 + 5 + 2  # "9.5" is one word, "<…>" none


def test_unknown_participant_names_the_known_ones() -> None:
    with pytest.raises(UnknownParticipantError, match="participants: a, b"):
        make().participant("zz")
    with pytest.raises(LookupError):
        make().participant("zz")


def test_frozen_and_evolve() -> None:
    t = make()
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        t.meeting = Meeting()  # type: ignore[misc]
    t2 = attrs.evolve(t, meeting=attrs.evolve(t.meeting, place="Sochi"))
    assert t2.meeting.place == "Sochi" and t.meeting.place is None


def test_equality_ignores_spans_and_diagnostics() -> None:
    t = make()
    stripped = attrs.evolve(
        t,
        diagnostics=(),
        body=tuple(
            attrs.evolve(item, content=tuple(attrs.evolve(b, span=None) for b in item.content))
            if isinstance(item, Turn)
            else item
            for item in t.body
        ),
    )
    assert stripped == t
    assert attrs.evolve(t, meeting=Meeting()) != t


@pytest.mark.parametrize(
    "build",
    [
        lambda: Transcript(participants=[Participant(id="a", name="A")]),  # a list, not a tuple
        lambda: Transcript(participants=(Participant(id="a", name="A"), Participant(id="a", name="B"))),
        lambda: Participant(id="has space", name="A"),
        lambda: Span(start=5, end=2, line=1, end_line=1),
        lambda: Span(start=-1, end=2, line=1, end_line=1),
        lambda: Turn(speaker="a", label="A", content=("text",)),
        lambda: Note(kind="stage", text="x"),
        lambda: Meeting(date="2020-01-01"),
        lambda: Transcript(body=(Paragraph(text="outside a turn"),)),
    ],
)
def test_validators_reject_bad_values(build: object) -> None:
    with pytest.raises((TypeError, ValueError)):
        build()  # type: ignore[operator]


def test_constructors_take_keywords_only() -> None:
    with pytest.raises(TypeError):
        Paragraph("positional")  # type: ignore[misc]


def test_marks_must_lie_inside_their_paragraph() -> None:
    with pytest.raises(ValueError, match="outside a text of 4"):
        Paragraph(text="four", marks=(Mark(kind=MarkKind.STAGE, start=2, end=9),))
