"""The parser on parliaments it was not first written for: QMSum committees, ParlaMint-AT, old Hansard."""

from __future__ import annotations

from pathlib import Path

import pytest
from repo_shared import needs_shared, shared, shared_files

import stenogram

QMSUM = shared("benchmarks", "qmsum_committee")
HANSARD = shared("corpus", "aus_hansard_hist")

needs_qmsum = needs_shared("benchmarks", "qmsum_committee")


@pytest.mark.parametrize("path", shared_files("benchmarks/qmsum_committee/*.txt"))
def test_every_line_of_a_committee_transcript_is_one_turn(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    t = stenogram.parse(text)
    assert len(t.turns) == sum(1 for line in text.split("\n") if line.strip())
    assert not [p.name for p in t.participants if "(" in p.name or ")" in p.name]


@needs_qmsum
def test_the_chair_named_in_brackets_and_the_bare_chair_are_one_participant() -> None:
    t = stenogram.parse((QMSUM / "covid_0.txt").read_text(encoding="utf-8"))
    chair = next(p for p in t.participants if p.role == "The Chair")
    assert (chair.name, chair.affiliation) == ("Anthony Rota", "Lib.")
    assert "The Chair" in chair.labels
    assert len(t.turns_of(chair.id)) > 40
    acting = next(p for p in t.participants if p.role == "The Acting Chair")
    assert acting.id != chair.id


@needs_shared("corpus", "aus_hansard_hist")
def test_old_hansard_dash_labels_open_turns() -> None:
    t = stenogram.parse((HANSARD / "1901-05-21_reps_s010.txt").read_text(encoding="utf-8"))
    assert [turn.label for turn in t.turns] == ["Mr BARTON", "Mr REID", "Mr BARTON", "Mr Reid", "Mr BARTON"]
    assert t.turns[0].paragraphs[0].text == "I move-"
    assert [n.text for n in t.preamble][:1] == ["SPECIAL ADJOURNMENT"] or t.preamble[0].text == "SPECIAL ADJOURNMENT"
