"""analyse() never raises, whatever text the parser was given."""

from __future__ import annotations

from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

import stenogram
from stenogram import Transcript
from stenogram.analysis import analyse, digest
from stenogram.testing import transcripts


def test_a_date_before_a_sentence_end_is_one_figure() -> None:
    """Regression: a figure builder read past "4 July." into the next sentence and the excerpt raised ValueError."""
    t = stenogram.parse("A: See you on 4 July. Papers to note.")
    a = analyse(t)
    assert [(f.text, f.iso) for f in a.figures] == [("4 July", "XXXX-07-04")]
    assert all(f.location.text_in(t) == f.text for f in a.figures)


_PIECES = st.sampled_from(
    "A: B: The Chair: Mr. Smith: \n \n\n . . ? ! , ; : 4 July. Papers to note. $25 billion 9.5 percent "
    "a third 19 August 2021-2025 the fourth time So, And we will Thank you. Question: Answer: ( ) [ ] — "
    "Item 2 is our inquiry into Welcome to the meeting of the Committee. Willkommen zur Sitzung 5 Prozent".split(" ")
)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(_PIECES, st.text(max_size=12)), max_size=60).map(" ".join))
def test_analyse_never_raises_on_parsed_text(text: str) -> None:
    try:
        t = stenogram.parse(text)
    except stenogram.StenogramError:  # empty or unreadable input is the parser's to refuse
        return
    a = analyse(t)
    for record in (*a.figures, *a.key_sentences, *a.commitments):
        assert record.location.text_in(t) == record.text


@settings(max_examples=80, deadline=None)
@given(transcripts())
def test_digest_never_raises_and_every_item_is_traceable(t: Transcript) -> None:
    d = digest(t)
    for item in (*d.points, *d.figures, *d.commitments):
        assert item.location.text_in(t) == item.text
        assert item.where
    assert len(d.points) <= 8 and len(d.bottom_line) <= 3
    for block in range(0, len(d.points), 8):
        top = Counter(p.location.speaker for p in d.points[block : block + 8]).most_common(1)
        assert not top or top[0][1] <= 3
