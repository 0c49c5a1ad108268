"""Shared text helpers: words and terminal columns."""

from __future__ import annotations

from stenogram.text import columns, count_words, is_wide, words


def test_words_count_cjk_characters_one_by_one() -> None:
    assert words("Trade grew 9.5 percent; 主席：多謝") == ["Trade", "grew", "9.5", "percent", "主", "席", "多", "謝"]
    assert count_words("Kassym-Jomart Tokayev’s visit") == 3


def test_columns_count_wide_characters_twice() -> None:
    assert is_wide("主") and is_wide("：") and not is_wide("a")
    assert columns("主席 said") == 4 + 5
