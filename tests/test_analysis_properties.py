"""Properties over generated transcripts: analysis never crashes, every span reports exactly its text."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from repo_shared import shared_files

import stenogram
from stenogram import Meeting, Paragraph, Participant, Transcript, Turn
from stenogram.analysis import Analysis, analyse
from stenogram.testing import transcripts

CORPUS = shared_files("corpus/*/*.txt")

# Words that exercise every analyser: figures, names, cue phrases, punctuation that cuts clauses.
_WORDS = str.split(
    "we agreed will must decided by the end of year trade grew $25 billion 9.5 percent five-percent a third "
    "19 August January-June 2021-2025 four meetings the fourth time 30th anniversary Mr Smailov Anna Petrova "
    "Kassym-Jomart Tokayev in Sochi Eurasian Economic Union INNOPROM Ministry of Foreign Affairs Russia and "
    "Kazakhstan cooperation , . ; : – ( ) ? ! “ ” 1,500 € 3 million people May 3-5 May by half two thirds "
    "the 1990s from 2021 to 2025 President of Kazakhstan 中国 贸易。 Dr. U.S. e.g. — - + # * _"
)


@st.composite
def english_transcripts(draw: st.DrawFn) -> Transcript:
    """Transcripts whose paragraphs are shuffled meeting vocabulary, spaced or run together."""
    people = (Participant(id="anna", name="Anna Petrova"), Participant(id="alikhan-smailov", name="Alikhan Smailov"))
    seps = st.sampled_from([" ", " ", " ", "", "  ", "\u00a0"])
    paragraph = st.lists(st.tuples(st.sampled_from(_WORDS), seps), min_size=0, max_size=40).map(
        lambda pairs: "".join(w + s for w, s in pairs)
    )
    turns = st.builds(
        Turn,
        speaker=st.sampled_from([p.id for p in people]),
        label=st.just("Speaker"),
        content=st.lists(paragraph.map(lambda text: Paragraph(text=text)), max_size=4).map(tuple),
    )
    date = draw(st.none() | st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2090, 1, 1)))
    return Transcript(meeting=Meeting(date=date), participants=people, body=tuple(draw(st.lists(turns, max_size=4))))


def assert_located(t: Transcript, a: Analysis) -> None:
    located = (*a.figures, *a.mentions, *a.topics, *a.key_sentences, *a.commitments)
    for record in located:
        assert record.location.text_in(t) == record.text, record
        turn = t.turns[record.location.turn]
        assert record.location.speaker == turn.speaker
        assert record.location.start < record.location.end
    ranks = [k.rank for k in a.key_sentences]
    assert ranks == list(range(1, len(ranks) + 1))
    assert all(m.participant is None or m.participant in {p.id for p in t.participants} for m in a.mentions)


@settings(max_examples=100, deadline=None)
@given(english_transcripts())
def test_meeting_like_text(t: Transcript) -> None:
    a = analyse(t)
    assert_located(t, a)
    assert a == analyse(t)


@settings(max_examples=60, deadline=None)
@given(transcripts())
def test_any_valid_transcript(t: Transcript) -> None:
    assert_located(t, analyse(t))


@pytest.mark.parametrize("path", CORPUS)
def test_corpus_spans(path: Path) -> None:
    t = stenogram.parse_file(path)
    assert_located(t, analyse(t))
