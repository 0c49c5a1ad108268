"""Speaker statistics, topics and key sentences: determinism, bounds and sense on real text."""

from __future__ import annotations

from pathlib import Path

import pytest
from repo_shared import needs_shared, shared

import stenogram
from stenogram import Paragraph, Participant, Transcript, Turn
from stenogram.analysis import AnalysisOptions, analyse
from stenogram.analysis import keysentences as ks
from stenogram.analysis.sentences import sentences_of, units_of

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_cc7df8760118afc5.txt"
CONFERENCE = shared("corpus", "kremlin_en", "2017-12-14_annual-news-conference.txt")


@pytest.fixture(scope="module")
def seed() -> Transcript:
    return stenogram.parse_file(SEED)


def test_speaker_shares(seed: Transcript) -> None:
    a = analyse(seed)
    assert {s.name for s in a.speakers} == {"Mikhail Mishustin", "Alikhan Smailov"}
    assert sum(s.words for s in a.speakers) == a.words == seed.word_count
    assert sum(s.share for s in a.speakers) == pytest.approx(1.0)
    mishustin = next(s for s in a.speakers if s.name == "Mikhail Mishustin")
    assert mishustin.turns == 1 and 0.5 < mishustin.share < 0.6


def test_silent_participant_and_unknown_speaker() -> None:
    t = Transcript(
        participants=(Participant(id="a", name="A"), Participant(id="b", name="B")),
        body=(Turn(speaker="ghost", label="Ghost", content=(Paragraph(text="Hello there."),)),),
    )
    stats = {s.participant: s for s in analyse(t).speakers}
    assert stats["a"].turns == 0 and stats["a"].share == 0.0
    assert stats["ghost"].words == 2 and stats["ghost"].share == 1.0


def test_seed_topics(seed: Transcript) -> None:
    phrases = [t.phrase for t in analyse(seed).topics]
    assert "cooperation" in phrases[:3] and "trade" in phrases[:3]
    assert "bilateral trade" in phrases and "economic cooperation" in phrases
    assert not {"kazakhstan", "russia", "mishustin"} & set(phrases)  # names are mentions, not topics
    for t in analyse(seed).topics:
        assert t.location.text_in(seed).lower() == t.phrase


def test_verbs_and_fillers_are_not_topics() -> None:
    said = [
        "Yeah, we discuss the budget and we hope to pass the budget, the long budget debate, as we discussed.",
        "Someone died, you understand, and we will discuss the budget again and hope the budget will pass.",
        "Yeah, the budget. We hope so. We discuss it and pass it. The budget debate is long.",
        "We understand the budget.",
    ]
    t = Transcript(
        participants=(Participant(id="a", name="A"),),
        body=tuple(Turn(speaker="a", label="A", content=(Paragraph(text=p),)) for p in said),
    )
    phrases = {topic.phrase for topic in analyse(t).topics}
    assert "budget" in phrases and "budget debate" in phrases
    assert not phrases & {"yeah", "discuss", "hope", "pass", "died", "understand", "long"}


def test_key_sentences_seed(seed: Transcript) -> None:
    a = analyse(seed, options=AnalysisOptions(key_sentences=5))
    assert [k.rank for k in a.key_sentences] == [1, 2, 3, 4, 5]
    assert all(0.0 < k.score <= 1.0 for k in a.key_sentences)  # centrality relative to the most central sentence
    texts = [k.text for k in a.key_sentences]
    assert any("Bilateral trade increased by a third" in x for x in texts)
    assert len(set(texts)) == len(texts)
    assert analyse(seed, options=AnalysisOptions(key_sentences=0)).key_sentences == ()


def test_analysis_is_deterministic(seed: Transcript) -> None:
    assert analyse(seed) == analyse(seed)
    assert analyse(stenogram.parse_file(SEED)) == analyse(seed)


def test_near_duplicates_are_not_both_key() -> None:
    text = "The bridge across the river will carry trains and cars from next year."
    t = Transcript(
        body=(
            Turn(
                speaker="p",
                label="P",
                content=(
                    Paragraph(text=text),
                    Paragraph(text=text),
                    Paragraph(text="Our railway workers finished the new station building in the northern city."),
                ),
            ),
        )
    )
    texts = [k.text for k in analyse(t).key_sentences]
    assert texts.count(text) == 1


@needs_shared("corpus", "kremlin_en", "2017-12-14_annual-news-conference.txt")
def test_graph_stays_sparse_on_a_long_conference() -> None:
    t = stenogram.parse_file(CONFERENCE)
    sentences = sentences_of(units_of(t))
    chosen, vectors, _ = ks._vectors(sentences)
    pairs, _ = ks._edges(vectors)
    assert len(pairs) <= ks.NEIGHBOURS * len(chosen)
    picked = analyse(t).key_sentences
    assert len(picked) == AnalysisOptions().key_sentences
    assert not any(k.text.endswith("?") for k in picked)
