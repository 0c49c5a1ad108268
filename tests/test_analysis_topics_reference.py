"""The array topics against their definition: a loop over every run of content words and each of its n-grams.

``find_topics`` counts all n-grams at once in numpy arrays; this file keeps the plain loop it replaced (every
run read in order, each n-gram by start then length, counted in dictionaries in the order first met), so the
arrays are checked to give the same phrases, scores, counts and places, ties included, on the seed, on long
real conferences and on generated transcripts whose small vocabularies make many ties.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from repo_shared import needs_shared, shared

import stenogram
from stenogram import Paragraph, Participant, Transcript, Turn
from stenogram.analysis import topics as tp
from stenogram.analysis.records import Topic
from stenogram.analysis.sentences import Unit, split_units, units_of
from stenogram.analysis.words import STOPWORDS, lowered_tokens, stem, vocabulary_of

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_cc7df8760118afc5.txt"
CONFERENCES = ("2012-12-20_news-conference.txt", "2017-12-14_annual-news-conference.txt")


def reference_keep(words: tuple[str, ...]) -> bool:
    if (
        any(len(w) > tp.MAX_WORD for w in words)
        or all(w in tp.GENERIC for w in words)
        or tp._is_verbish(words[-1])
        or words[0].endswith("ly")
    ):
        return False
    if len(words) == 1:
        return not words[0].endswith(tp._ADJECTIVE_ENDINGS)
    return not (words[0] in tp.GENERIC and words[-1] in tp.GENERIC)


def reference_topics(units: Sequence[Unit], limit: int) -> list[Topic]:
    texts = [unit.text.replace("’", "'") for unit in units]
    tokens = split_units(list(units))[1]
    content = {w for w in vocabulary_of(tokens) if len(w) > 2} - (STOPWORDS | tp.VERBS)
    counts: dict[tuple[str, ...], int] = {}
    first: dict[tuple[str, ...], tuple[int, tuple[str, ...]]] = {}
    freq: dict[str, int] = {}
    for ui, (text, printed) in enumerate(zip(texts, tokens, strict=True)):
        for is_content, group in itertools.groupby(lowered_tokens(text, printed), content.__contains__):
            if not is_content:
                continue
            run = tuple(group)
            for w in run:
                freq[stem(w)] = freq.get(stem(w), 0) + 1
            for a in range(len(run)):
                for n in range(1, min(tp.MAX_LEN, len(run) - a) + 1):
                    words = run[a : a + n]
                    if reference_keep(words):
                        key = tuple(map(stem, words))
                        counts[key] = counts.get(key, 0) + 1
                        first.setdefault(key, (ui, words))
    generic = {stem(g) for g in tp.GENERIC}
    scored = []
    for key, count in counts.items():
        if count < 2 and len(units) > 3:
            continue
        specific = [w for w in key if w not in generic] or list(key)
        topical = sum(math.log(freq[w]) for w in specific) / len(specific)
        scored.append((count * topical * (1 + 0.5 * (len(key) - 1)), key))
    scored.sort(key=lambda x: (-round(x[0], 9), first[x[1]][0]))
    out: list[Topic] = []
    taken: list[tuple[str, ...]] = []
    for score, key in scored:
        if len(out) >= limit:
            break
        count = counts[key]
        if any(tp._contains(t, key) and 2 * counts[t] >= count for t in taken):
            continue
        if any(tp._contains(key, t) and counts[t] <= count for t in taken):
            continue
        ui, words = first[key]
        span = tp._find(texts[ui], words)
        if span is None:
            continue
        taken.append(key)
        unit, (start, end) = units[ui], span
        out.append(
            Topic(
                phrase=" ".join(words),
                text=unit.text[start:end],
                score=round(score, 6),
                count=count,
                location=unit.location(start, end),
            )
        )
    return out


def check_same(units: list[Unit], limit: int = 15) -> None:
    tokens = split_units(units)[1]
    assert tp.find_topics(units, limit, vocabulary_of(tokens), tokens) == reference_topics(units, limit)
    assert tp.find_topics(units, limit) == reference_topics(units, limit)  # from its own scan of the units


def test_seed_topics_are_the_reference_topics() -> None:
    check_same(units_of(stenogram.parse_file(SEED)), limit=40)


@pytest.mark.parametrize("name", CONFERENCES)
@needs_shared("corpus", "kremlin_en")
def test_conference_topics_are_the_reference_topics(name: str) -> None:
    units = units_of(stenogram.parse_file(shared("corpus", "kremlin_en", name)))
    assert len(units) > 300
    check_same(units, limit=60)


_VOCABULARY = str.split(
    "trade trades traded bilateral cooperation energy gas pipeline budget budgets deficit the a of and we will "
    "agreed Russia russia Kazakhstan investment investments projects railway station bridge river northern city "
    "percent billion time times meeting economic regionally financing - – 2024 İstanbul ΣΟΦΙΑ"
)


@settings(max_examples=80, deadline=None)
@given(
    st.lists(
        st.lists(st.sampled_from(_VOCABULARY), min_size=0, max_size=16).map(lambda ws: " ".join(ws).capitalize() + "."),
        min_size=0,
        max_size=40,
    ),
    st.integers(min_value=1, max_value=30),
)
def test_generated_topics_are_the_reference_topics(said: list[str], limit: int) -> None:
    """Few words make many equal counts and scores (ties in every sort), runs across dashes and numbers, words
    that are names in one place and common nouns in another, and texts that lower-case by context."""
    t = Transcript(
        participants=(Participant(id="a", name="A"),),
        body=tuple(Turn(speaker="a", label="A", content=(Paragraph(text=p),)) for p in said if p.strip(". ")),
    )
    check_same(units_of(t), limit)
