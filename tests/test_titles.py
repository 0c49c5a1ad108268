"""The title every exporter gives a transcript."""

from __future__ import annotations

import attrs

import stenogram
from stenogram import Meeting, Paragraph, Participant, Transcript, Turn
from stenogram.titles import title_of


def _speakers(*names: str, anonymous: tuple[str, ...] = ()) -> Transcript:
    ids = [f"p{i}" for i in range(len(names))]
    return Transcript(
        participants=tuple(
            Participant(id=i, name=n, anonymous=n in anonymous) for i, n in zip(ids, names, strict=True)
        ),
        body=tuple(
            Turn(speaker=i, label=n, content=(Paragraph(text="Hello."),)) for i, n in zip(ids, names, strict=True)
        ),
    )


def test_the_meetings_own_title_wins() -> None:
    t = attrs.evolve(_speakers("Anna Petrova"), meeting=Meeting(title="  Talks in Sochi "))
    assert title_of(t) == "Talks in Sochi"


def test_untitled_meetings_are_named_after_who_spoke() -> None:
    assert title_of(stenogram.parse_file("seeds/000_cc7df8760118afc5.txt")) == (
        "Meeting of Mikhail Mishustin and Alikhan Smailov"
    )
    assert title_of(_speakers("Anna Petrova")) == "Remarks by Anna Petrova"
    assert title_of(_speakers("A", "B", "C")) == "Meeting of A, B and C"
    assert title_of(_speakers("A", "B", "C", "D", "E")) == "Meeting of A, B and 3 others"


def test_roles_and_anonymous_speakers_do_not_name_a_meeting() -> None:
    t = _speakers("THE PRESIDENT", "Q", "Moderator", "Jen Psaki", anonymous=("Q",))
    assert title_of(t) == "Remarks by Jen Psaki"
    assert title_of(_speakers("Question", anonymous=("Question",))) == "Transcript"
    assert title_of(Transcript()) == "Transcript"
