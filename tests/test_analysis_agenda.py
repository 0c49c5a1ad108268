"""The agenda line: the item the chair moved the meeting on to that took most of it, after the business."""

from __future__ import annotations

from pathlib import Path

import pytest
from repo_shared import needs_shared, shared

import stenogram
from stenogram.analysis import AnalysisOptions, analyse, points
from stenogram.analysis.sentences import sentences_of, units_of

QMSUM = shared("benchmarks", "qmsum_committee")
MEETINGS = sorted(QMSUM.glob("*.txt")) if QMSUM.is_dir() else []

_TALK = (
    "Mr. Lee: Farmers in my region are waiting for the emergency support programme to reach their farms this spring.\n"
    "Hon. Ann Park: The emergency support programme for farmers has already paid out money in every province.\n"
)
MEETING = (
    "The Chair (Ms. Ruth Hale): Welcome to the fourth meeting of the Special Committee on the Budget Bill.\n"
    "The Chair: We will now proceed to statements by members.\n"
    + _TALK
    + "The Chair: We will now proceed to the questioning of ministers.\n"
    + _TALK * 4
    + "The Chair: We will now proceed to the questioning of ministers, Mr. Lee.\n"
    + _TALK
)


def test_the_longest_agenda_item_follows_the_business() -> None:
    t = stenogram.parse(MEETING)
    keys = sorted(analyse(t, options=AnalysisOptions(key_sentences=8)).key_sentences, key=lambda k: k.rank)
    texts = [k.text for k in keys]
    assert texts[:2] == [
        "Welcome to the fourth meeting of the Special Committee on the Budget Bill.",
        "We will now proceed to the questioning of ministers.",  # the first mention: the item took most of it
    ]
    assert "We will now proceed to statements by members." not in texts  # one agenda line


def test_no_agenda_line_without_a_chair_or_room_for_one() -> None:
    without_chair = stenogram.parse(
        MEETING.replace("The Chair (Ms. Ruth Hale)", "Ms. Ruth Hale").replace("The Chair:", "Ms. Ruth Hale:")
    )
    s = sentences_of(units_of(without_chair))
    assert points.agenda_sentences(s, points.chair_of(without_chair), [], 3) == []
    t = stenogram.parse(MEETING)
    s = sentences_of(units_of(t))
    roles = points.chair_of(t)
    assert len(points.agenda_sentences(s, roles, [], 3)) == points.AGENDA_MAX
    assert points.agenda_sentences(s, roles, [], 0) == []  # the chair already has its share of the points


@needs_shared("benchmarks", "qmsum_committee")
@pytest.mark.parametrize("path", MEETINGS[:12], ids=lambda p: p.name)
def test_agenda_lines_of_real_meetings_are_the_chairs(path: Path) -> None:
    t = stenogram.parse_file(path)
    s = sentences_of(units_of(t))
    roles = points.chair_of(t)
    business = points.business_sentences(s, roles)
    for i in points.agenda_sentences(s, roles, business, points.SPEAKER_CAP - len(business)):
        assert s[i].unit.speaker in roles.chair and i not in business
        assert points.AGENDA.search(s[i].text) and not s[i].text.endswith("?")
