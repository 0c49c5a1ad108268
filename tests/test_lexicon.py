"""The shared word tables: complete, case-folded, and read the way the parser needs."""

from __future__ import annotations

from collections import Counter

import pytest

from stenogram.lexicon import (
    COLLECTIVE_SPEAKERS,
    HONORIFICS,
    LANGUAGE_MARKERS,
    LEADING_WORDS,
    MONTH_ABBREVIATIONS,
    MONTH_NAMES,
    MONTHS,
    TITLES,
    VOCATIVES,
    WEEKDAYS,
    is_title,
)


def test_every_month_in_every_language() -> None:
    spellings = Counter(MONTHS.values())  # English, German, French and two Russian cases (some shared)
    assert set(spellings) == set(range(1, 13)) and min(spellings.values()) >= 4
    assert [MONTHS[name.casefold()] for name in MONTH_NAMES] == list(range(1, 13))
    assert set(MONTH_ABBREVIATIONS.values()) == set(range(1, 13)) - {5}
    assert len(WEEKDAYS) == 7


def test_analysis_tables_are_lower_case_and_cover_english() -> None:
    """Compared with ``str.lower()``: a word with a capital (or case-folded ``ss`` for ``ß``) would never match."""
    for table in (*LANGUAGE_MARKERS.values(), *LEADING_WORDS.values()):
        assert table and all(word == word.lower() for word in table)
    assert "außerdem" in LEADING_WORDS["de"]
    assert {"en", "de", "fr", "ru"} <= set(LANGUAGE_MARKERS) and "en" in LEADING_WORDS


def test_tables_are_case_folded() -> None:
    for table in (HONORIFICS, TITLES, VOCATIVES, COLLECTIVE_SPEAKERS, MONTHS, MONTH_ABBREVIATIONS):
        assert all(word == word.casefold() for word in table)


@pytest.mark.parametrize(
    ("word", "title"),
    [
        ("Mr", True),
        ("Senator", True),
        ("Präsidentin", True),
        ("Bundesministerin", True),  # a German compound, by its ending
        ("Vizekanzler", True),
        ("BAŞKAN", True),
        ("Hon.", True),
        ("Zweiter", False),
        ("Punkt", False),
        ("Vladimir", False),
    ],
)
def test_is_title(word: str, title: bool) -> None:
    assert is_title(word) is title
