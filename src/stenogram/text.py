"""Text helpers shared by the parser, the analysis and the exporters."""

from __future__ import annotations

import re
import unicodedata

__all__ = ["CJK_RE", "SPACING_CONTROLS", "WORD_RE", "columns", "count_words", "is_wide", "words"]

# A word is a run of letters, digits and joining marks; each CJK ideograph or
# kana counts as a word of its own, since those scripts do not use spaces.
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af"
CJK_RE = re.compile(f"[{_CJK}]")
WORD_RE = re.compile(rf"[{_CJK}]|(?:(?![{_CJK}])[\w])+(?:['’\-.,](?:(?![{_CJK}])[\w])+)*")

#: Control characters that separate words (vertical tab, form feed, the information separators, NEL):
#: Python splits on them, so an exporter that cannot write them writes a space, never nothing,
#: and two words do not run into one.
SPACING_CONTROLS = re.compile("[\x0b\x0c\x1c-\x1f\x85]")


def words(text: str) -> list[str]:
    """The words of ``text``, as the word counts and the no-word-lost checks see them."""
    return WORD_RE.findall(text)


def count_words(text: str) -> int:
    return sum(1 for _ in WORD_RE.finditer(text))


def is_wide(char: str) -> bool:
    """Whether a terminal shows ``char`` in two columns (East Asian wide and full-width characters)."""
    return unicodedata.east_asian_width(char) in "WF"


def columns(text: str) -> int:
    """How many terminal columns ``text`` takes: wide characters take two."""
    return sum(2 if is_wide(c) else 1 for c in text)
