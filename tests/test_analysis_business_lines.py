"""The lines besides the business statement (the body that meets, whom it hears) are read as points: a roll-call
of names longer than a point is left for one that says the same in fewer words."""

from __future__ import annotations

import stenogram
from stenogram.analysis import points
from stenogram.analysis.sentences import sentences_of, units_of

_ROLL_CALL = (
    "I'm very pleased to welcome Ann Park, who is director of the schools directorate and is here representing "
    "the Association of Directors of Education in Wales; Tom Lee, who is senior system leader for safeguarding "
    "at Pembrokeshire County Council; and Councillor Huw Day, who is the Local Government Association "
    "spokesperson for health and social care and leader of Bridgend County Borough Council, who chairs its panel."
)
_TALK = "Ann Park: The grant for schools reached every pupil in every county of Wales this spring.\n"


def _meeting(roll_call: str) -> str:
    return (
        "The Chair (Ms. Ruth Hale): Item 2 this morning is our scrutiny session on the Schools (Wales) Bill. "
        f"{roll_call} Welcome to the Children, Young People and Education Committee.\n" + _TALK * 8
    )


def _business(text: str) -> list[str]:
    t = stenogram.parse(text)
    s = sentences_of(units_of(t))
    return [s[i].text for i in points.business_sentences(s, points.chair_of(t))]


def test_a_long_roll_call_gives_way_to_the_committees_name() -> None:
    assert len(_ROLL_CALL.split()) > points.POINT_MAX_WORDS
    lines = _business(_meeting(_ROLL_CALL))
    assert lines[0].startswith("Item 2 this morning")
    assert _ROLL_CALL not in lines
    assert "Welcome to the Children, Young People and Education Committee." in lines


def test_a_short_welcome_of_witnesses_stays() -> None:
    short = "I'm very pleased to welcome Ann Park, director of schools, and Tom Lee of Pembrokeshire County Council."
    assert short in _business(_meeting(short))
