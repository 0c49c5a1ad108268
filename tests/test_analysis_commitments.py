"""Commitments and decisions by cue phrases."""

from __future__ import annotations

from pathlib import Path

import stenogram
from stenogram import Paragraph, Transcript, Turn
from stenogram.analysis import Commitment, CommitmentKind, analyse

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_cc7df8760118afc5.txt"


def commitments(text: str) -> list[Commitment]:
    t = Transcript(body=(Turn(speaker="p1", label="X", content=(Paragraph(text=text),)),))
    return list(analyse(t).commitments)


def test_seed_commitments_and_deadline() -> None:
    t = stenogram.parse_file(SEED)
    found = analyse(t).commitments
    names = {p.id: p.name for p in t.participants}
    by_cue = {c.cue: c for c in found}
    assert "we expect" in by_cue
    assert by_cue["we expect"].deadline == "by the end of the year"  # printed "By the end of the year, we expect"
    assert names[by_cue["we expect"].location.speaker] == "Alikhan Smailov"
    assert by_cue["made important decisions"].kind is CommitmentKind.DECISION
    assert names[by_cue["made important decisions"].location.speaker] == "Mikhail Mishustin"
    assert any(c.cue == "we seek to" for c in found)
    for c in found:
        assert c.location.text_in(t) == c.text


def test_deadlines_have_one_spelling() -> None:
    (c,) = commitments("This autumn we will open the bridge.")
    assert c.deadline == "this autumn"
    (c,) = commitments("No  later than\nMarch 2025 we will open the bridge.")
    assert c.deadline == "no later than March 2025"


def test_asking_a_question_is_no_request() -> None:
    assert commitments("I want to ask an African question because you are receiving an African leader.") == []
    assert commitments("I would like to ask your opinion on this subject.") == []
    (c,) = commitments("I ask the Foreign Ministry to intensify its work.")
    assert (c.kind, c.cue) == (CommitmentKind.REQUEST, "I ask")
    (c,) = commitments("I request that Mr Barnier gives a written summary.")
    assert c.kind is CommitmentKind.REQUEST


def test_kinds_follow_the_strongest_cue() -> None:
    (c,) = commitments("We agreed that we will meet again by the end of the year.")
    assert (c.kind, c.cue, c.deadline) == (CommitmentKind.DECISION, "We agreed", "by the end of the year")
    (c,) = commitments("We will open the bridge.")
    assert c.kind is CommitmentKind.COMMITMENT
    (c,) = commitments("I would like to ask you to prepare the documents.")
    assert c.kind is CommitmentKind.REQUEST
    (c,) = commitments("The summit will be held in Astana.")
    assert c.kind is CommitmentKind.INTENTION


def test_questions_and_plain_statements_are_not_commitments() -> None:
    assert commitments("Will you sign the treaty?") == []
    assert commitments("The weather was fine and the talks were long.") == []
    assert commitments("It is the will of the people.") == []


def test_announcing_what_one_will_say_is_no_commitment() -> None:
    assert commitments("I will tell you very simply.") == []
    assert commitments("I'll give you an example.") == []
    assert commitments("We'll come back to that later.") == []
    (c,) = commitments("I'll sign the decree tomorrow.")
    assert c.kind is CommitmentKind.COMMITMENT


def test_one_record_per_sentence() -> None:
    found = commitments("We must act. We decided to wait. Nothing else.")
    assert [c.text for c in found] == ["We must act.", "We decided to wait."]
