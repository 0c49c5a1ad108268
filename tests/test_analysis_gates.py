"""Gates in front of costly patterns: a gate may only skip text in which the pattern cannot match.

The analysis tests a sentence's word set before running a long ignore-case
pattern on it, and tries the sentence-boundary pattern only where a stop
stands. These tests keep each gate in step with its pattern: by the
pattern's own text, on generated text, and on real transcripts.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from repo_shared import shared_files

import stenogram
from stenogram.analysis import points, sentences
from stenogram.analysis.sentences import sentences_of, units_of

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_cc7df8760118afc5.txt"
REAL = [SEED, *shared_files("benchmarks/qmsum_committee/*.txt")[:10], *shared_files("corpus/kremlin_en/*.txt")[:4]]


def _alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of ``\\b(?:a|b|c)\\b``."""
    inner = pattern.removeprefix(r"\b(?:").removesuffix(r")\b")
    out, depth, start = [], 0, 0
    for k, ch in enumerate(inner):
        depth += ch == "("
        depth -= ch == ")"
        if ch == "|" and depth == 0:
            out.append(inner[start:k])
            start = k + 1
    return [*out, inner[start:]]


def test_every_business_cue_opens_with_a_gate_word() -> None:
    for _, cue in points.BUSINESS_CUES:
        for alternative in _alternatives(cue.pattern):
            first = re.match(r"[a-z]+", alternative)
            assert first is not None and first.group() in points.CUE_WORDS, alternative
            if alternative.startswith(first.group() + "(?:"):  # "witness(?:es)?": the longer word too
                longer = first.group() + re.findall(r"\(\?:(\w+)\)", alternative)[0]
                assert longer in points.CUE_WORDS


@pytest.mark.parametrize("path", REAL, ids=lambda p: p.name)
def test_a_gated_sentence_has_no_cue(path: Path) -> None:
    for s in sentences_of(units_of(stenogram.parse_file(path))):
        if s.words.isdisjoint(points.CUE_WORDS):
            assert not any(cue.search(s.text) for _, cue in points.BUSINESS_CUES), s.text


def test_letters_that_fold_to_ascii_are_not_gated() -> None:
    t = stenogram.parse("Chair: Today our ſtudy and the İnquiry are the work we do now.\n")
    sentences = sentences_of(units_of(t))
    assert sentences[0].words.isdisjoint(points.CUE_WORDS)  # only the folded letters make the cues
    assert points.business_sentences(sentences, points.chair_of(t)) == [0]


#: Words, spaces and every stop, quote and bracket the boundary pattern reads, and abbreviations and decimals.
_PIECES = st.sampled_from(
    [*str.split("word Word . ... ! ? … 。 ！ ？ \" ' ” ’ ) ] ( “ U.S. Mr. 9.5 À Ж é 中"), " ", "  ", "\n"]
)


def reference_spans(text: str) -> list[tuple[int, int]]:
    """The sentence spans from a scan of every position for the boundary pattern."""
    spans, start = [], 0
    for m in sentences._BOUNDARY.finditer(text):
        end = m.end()
        if end <= start or not sentences._ends_sentence(text, m.end(1) if m.group(1) else end):
            continue
        spans.append((start, end))
        start = end
    return [*spans, (start, len(text))]


@given(st.lists(_PIECES, max_size=40).map("".join))
@settings(max_examples=300, deadline=None)
def test_boundaries_are_the_patterns_matches(text: str) -> None:
    """Trying the boundary pattern only where a stop stands finds what a scan of every position finds."""
    assert list(sentences._spans(text)) == reference_spans(text)


@pytest.mark.parametrize("path", REAL, ids=lambda p: p.name)
def test_boundaries_on_real_paragraphs(path: Path) -> None:
    for unit in units_of(stenogram.parse_file(path)):
        assert list(sentences._spans(unit.text)) == reference_spans(unit.text)
