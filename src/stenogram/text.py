"""Text helpers shared by the parser, the analysis and the exporters."""

from __future__ import annotations

import re
import unicodedata

__all__ = ["CJK_RE", "SPACING_CONTROLS", "WORD_RE", "columns", "count_words", "drop_controls", "is_wide", "words"]

# A word is a run of letters, digits and joining marks; each CJK ideograph or
# kana counts as a word of its own, since those scripts do not use spaces.
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af"
CJK_RE = re.compile(f"[{_CJK}]")
WORD_RE = re.compile(rf"[{_CJK}]|(?:(?![{_CJK}])[\w])+(?:['’\-.,](?:(?![{_CJK}])[\w])+)*")

#: Control characters that separate words (vertical tab, form feed, the information separators, NEL):
#: Python splits on them, so an exporter that cannot write them writes a space, never nothing,
#: and two words do not run into one.
SPACING_CONTROLS = re.compile("[\x0b\x0c\x1c-\x1f\x85]")
_OTHER_CONTROLS = re.compile("[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f]")


def drop_controls(text: str) -> str:
    r"""Text without the control characters a terminal or renderer would act on (an escape sequence can
    retitle a terminal window or clear the screen): those that separate words become a space, the rest go;
    tab and line ends stay.

    >>> drop_controls("red\x1b[31m text\x0cnext\tcell\n")
    'red[31m text next\tcell\n'
    """
    return _OTHER_CONTROLS.sub("", SPACING_CONTROLS.sub(" ", text))


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
