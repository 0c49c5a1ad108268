"""analyse() never raises, whatever text the parser was given."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import stenogram
from stenogram.analysis import analyse


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
