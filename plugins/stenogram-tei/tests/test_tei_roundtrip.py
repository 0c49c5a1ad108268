"""parse -> TEI -> read gives an equal Transcript: seed, corpus, and generated transcripts."""

from __future__ import annotations

from pathlib import Path

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st
from stenogram_tei import TeiOptions, read_tei, to_tei

import stenogram
from stenogram import Mark, MarkKind, Meeting, Paragraph, Participant, Transcript, Turn
from stenogram.testing import transcripts

ROOT = Path(__file__).resolve().parents[3]
SEED = ROOT / "seeds" / "000_cc7df8760118afc5.txt"


def test_seed_round_trip() -> None:
    t = stenogram.parse_file(SEED)
    back = read_tei(to_tei(t).data)
    assert back == t
    assert back.meeting == t.meeting
    assert back.participants == t.participants


def test_corpus_round_trip(corpus_transcripts: list[tuple[Path, Transcript]]) -> None:
    failures = [path.name for path, t in corpus_transcripts if read_tei(to_tei(t).data) != t]
    assert failures == []


def test_meeting_fields_round_trip() -> None:
    import datetime as dt

    meeting = Meeting(
        title="",
        lead="Lead\nwith a line break",
        date=dt.date(1999, 12, 31),
        time="1:26 P.M. EST",
        place="Air Force One",
        occasion="En route",
        source="not a URL",
        language="English",
        is_excerpt=True,
        extra=(("", ""), ("k", "v\tw")),
    )
    t = Transcript(meeting=meeting)
    assert read_tei(to_tei(t).data) == t
    for language in (None, "", "und", "en-GB"):
        t2 = attrs.evolve(t, meeting=attrs.evolve(meeting, language=language))
        assert read_tei(to_tei(t2).data).meeting.language == language


def test_whitespace_and_markup_characters_survive() -> None:
    text = "  <b>&amp; \r 'quotes\" ]]> \t end  "
    t = Transcript(
        participants=(Participant(id="a", name=" A ", role="", labels=("",)),),
        body=(
            Turn(
                speaker="a",
                label="a:",
                annotation="",
                content=(Paragraph(text=text, marks=(Mark(kind=MarkKind.OTHER, start=0, end=2),)), Paragraph(text="")),
            ),
            Turn(speaker="not listed", label="B", content=()),
        ),
    )
    for pretty in (True, False):
        assert read_tei(to_tei(t, TeiOptions(pretty=pretty)).data) == t


@settings(max_examples=100, deadline=None)
@given(transcripts(), st.booleans())
def test_generated_round_trip(t: Transcript, pretty: bool) -> None:
    assert read_tei(to_tei(t, TeiOptions(pretty=pretty)).data) == t


def test_party_constituency_and_sitting_time_round_trip() -> None:
    t = stenogram.parse("Ms SMITH: Good morning.\n")
    person = attrs.evolve(t.participants[0], affiliation="Lab.", constituency="Northtown")
    t = attrs.evolve(t, participants=(person,), body=(attrs.evolve(t.turns[0], time="14:03"),))
    xml = stenogram.export_bytes(t, "tei")
    assert b'<affiliation type="party">' in xml and b"<orgName>Lab.</orgName>" in xml
    assert b'<residence type="constituency">' in xml and b"<placeName>Northtown</placeName>" in xml
    assert b'<note type="time">14:03</note>' in xml
    back = read_tei(xml)
    assert back == t
    assert (back.participants[0].affiliation, back.participants[0].constituency) == ("Lab.", "Northtown")
