"""Tests of the CSV exporter: run them with `python -m pytest tests`."""

from __future__ import annotations

import csv
import io

from hypothesis import given, settings

import stenogram
from stenogram import Paragraph, Participant, Transcript, Turn
from stenogram.testing import transcripts

MEETING = Transcript(
    participants=(Participant(id="anna", name="Anna Petrova"),),
    body=(
        Turn(
            speaker="anna",
            label="Minister Anna Petrova",
            content=(Paragraph(text="Good morning."), Paragraph(text='Item one: "budget", then lunch.')),
        ),
    ),
)


def rows(text: str, delimiter: str = ",") -> list[list[str]]:
    return list(csv.reader(io.StringIO(text), delimiter=delimiter))


def test_one_row_per_paragraph() -> None:
    out = stenogram.export_text(MEETING, "csv")
    assert rows(out) == [
        ["turn", "speaker", "name", "label", "paragraph", "words", "text"],
        ["1", "anna", "Anna Petrova", "Minister Anna Petrova", "1", "2", "Good morning."],
        ["1", "anna", "Anna Petrova", "Minister Anna Petrova", "2", "5", 'Item one: "budget", then lunch.'],
    ]


def test_options() -> None:
    out = stenogram.export_text(MEETING, "csv", delimiter=";", header=False)
    assert rows(out, ";")[0][0] == "1"


@settings(max_examples=50, deadline=None)
@given(transcripts())
def test_every_paragraph_comes_back(t: Transcript) -> None:
    out = stenogram.export_text(t, "csv")
    assert [row[-1] for row in rows(out)[1:]] == [p.text for p in t.paragraphs]
