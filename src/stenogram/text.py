"""Text helpers shared by the parser, the analysis and the exporters."""

from __future__ import annotations

import re

__all__ = ["WORD_RE", "count_words", "words"]

# A word is a run of letters, digits and joining marks; each CJK ideograph or
# kana counts as a word of its own, since those scripts do not use spaces.
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af"
WORD_RE = re.compile(rf"[{_CJK}]|(?:(?![{_CJK}])[\w])+(?:['’\-.,](?:(?![{_CJK}])[\w])+)*")


def words(text: str) -> list[str]:
    """The words of ``text``, as the word counts and the no-word-lost checks see them."""
    return WORD_RE.findall(text)


def count_words(text: str) -> int:
    return sum(1 for _ in WORD_RE.finditer(text))
