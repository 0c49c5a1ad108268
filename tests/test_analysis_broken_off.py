"""A sentence broken off by an interruption, or trailing away, is no key point: it says nothing whole."""

from __future__ import annotations

from pathlib import Path

import pytest
from repo_shared import needs_shared, shared

import stenogram
from stenogram.analysis import AnalysisOptions, analyse, points

QMSUM = shared("benchmarks", "qmsum_committee")
# The Welsh meetings print interruptions as "—." at the end of the cut sentence.
WELSH = sorted(QMSUM.glob("education_*.txt")) if QMSUM.is_dir() else []

_BROKEN = "the emergency support programme for farmers in every province of the country is paying its—"
_WHOLE = "The emergency support programme for farmers is paying its grants in every province of the country."
_TALK = (
    "Hon. Ann Park: The emergency support programme for farmers has paid grants in every province this spring.\n"
    "Mr. Lee: Farmers in my region say the emergency support programme grants reached their farms this spring.\n"
    "Ms. Kay: Grants of the emergency support programme for farmers went out late in the northern province.\n"
)


def _meeting(sentence: str) -> str:
    return f"Mr. Lee: Whether {sentence}.\nHon. Ann Park: I can answer that.\n" + _TALK * 3


def _points(text: str) -> list[str]:
    a = analyse(stenogram.parse(text), options=AnalysisOptions(key_sentences=8))
    return [k.text for k in sorted(a.key_sentences, key=lambda k: k.rank)]


def test_the_broken_off_sentence_is_left_out_and_the_whole_one_kept() -> None:
    broken = f"Whether {_BROKEN}."
    assert points.BROKEN_OFF.search(broken)
    assert broken not in _points(_meeting(_BROKEN))
    whole = _meeting(_WHOLE[0].lower() + _WHOLE[1:-1]).replace("Whether the", "The")
    assert _WHOLE in _points(whole)  # the same sentence, finished, is central enough to be a point


@pytest.mark.parametrize(
    ("text", "broken"),
    [
        ("If a teacher is worried, whether they can be, as you said, included as one of the—.", True),
        ("Looking at the relationship between Qualifications Wales and the WJEC—", True),
        ("He asked the Minister for Trade, upon notice -", True),
        ("They said it would not help, because ...", True),
        ('The witness said "we will look at--"', True),
        ("The detentions, the events that reportedly take place…", True),
        ("We spent £26.5 million in 2019-20 on part-time provision.", False),
        ("It rose to 5 per cent - a record for the sector.", False),
        ("Trade grew by 9.5 percent – and it keeps growing.", False),
    ],
)
def test_what_counts_as_broken_off(text: str, broken: bool) -> None:
    assert bool(points.BROKEN_OFF.search(text[-12:])) is broken


@needs_shared("benchmarks", "qmsum_committee")
@pytest.mark.parametrize("path", WELSH[:8], ids=lambda p: p.name)
def test_no_key_point_of_a_real_meeting_ends_cut_off(path: Path) -> None:
    keys = analyse(stenogram.parse_file(path), options=AnalysisOptions(key_sentences=60)).key_sentences
    # A fixed rule, not the module's pattern: the interruption marks these transcripts print.
    assert not [k.text for k in keys if k.text.rstrip().endswith(("—.", "—", "-.", "...", "…"))]
