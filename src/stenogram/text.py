"""Text helpers shared by the parser, the analysis and the exporters.

Patterns with CJK character classes are compiled only for text that has a
character from U+3000 on: sre compiles a class by visiting every code point
of its ranges, and the CJK blocks hold tens of thousands, so each such
pattern would cost milliseconds at every start (``WidePattern``).
"""

from __future__ import annotations

import functools
import re
import sys
import unicodedata
from collections.abc import Iterator
from typing import TYPE_CHECKING

__all__ = [
    "CJK_RE",
    "SPACING_CONTROLS",
    "WORD_RE",
    "WidePattern",
    "columns",
    "count_words",
    "drop_controls",
    "has_wide",
    "is_wide",
    "one_line",
    "words",
]


_WIDE_PIECE = 1 << 18  # characters encoded at a time by has_wide: a long text is never copied whole
_BELOW_WIDE = bytes(range(0x30))  # the high bytes of UTF-16 code units below U+3000


def has_wide(text: str, pos: int = 0, endpos: int = sys.maxsize) -> bool:
    """Whether ``text[pos:endpos]`` has a character from U+3000 on (CJK and full-width); ASCII is answered at once.

    Asked of UTF-16 code units' high bytes in C (encode, slice, delete the low ones): about twice as fast as
    a regular expression's scan, and every parse asks it of its whole text. Lone surrogates count as wide,
    as they do for the pattern ``[^\x00-\u2fff]``.
    """
    if text.isascii():
        return False
    end = min(endpos, len(text))
    for at in range(max(pos, 0), end, _WIDE_PIECE):
        units = text[at : min(at + _WIDE_PIECE, end)].encode("utf-16-le", "surrogatepass")
        if units[1::2].translate(None, _BELOW_WIDE):
            return True
    return False


class WidePattern:
    """A regular expression with CJK character classes, compiled the first time text needs it.

    ``narrow`` is the same expression without its ranges from U+3000 on
    (``None`` when nothing is left to match): on text without such a
    character it finds the same matches, and most text gets it instead.
    """

    __slots__ = ("_compiled", "_narrow", "narrow", "pattern")

    def __init__(self, pattern: str, narrow: str | None = None) -> None:
        self.pattern = pattern
        self.narrow = narrow
        self._compiled: re.Pattern[str] | None = None
        self._narrow: re.Pattern[str] | None = None

    def __repr__(self) -> str:
        return f"WidePattern({self.pattern!r})"

    def _for(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Pattern[str] | None:
        if has_wide(text, pos, endpos):
            if self._compiled is None:
                self._compiled = re.compile(self.pattern)
            return self._compiled
        if self._narrow is None and self.narrow is not None:
            self._narrow = re.compile(self.narrow)
        return self._narrow

    def search(self, text: str) -> re.Match[str] | None:
        found = self._for(text)
        return None if found is None else found.search(text)

    def match(self, text: str) -> re.Match[str] | None:
        found = self._for(text)
        return None if found is None else found.match(text)

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        found = self._for(text, pos, endpos)
        return iter(()) if found is None else found.finditer(text, pos, endpos)


# A word is a run of letters, digits and joining marks; each CJK ideograph or
# kana counts as a word of its own, since those scripts do not use spaces.
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af"
CJK_RE = WidePattern(f"[{_CJK}]")
# On text without CJK characters WORD_RE's look-ahead never fails, so plain \w finds the same words.
_PLAIN_WORD_RE = re.compile(r"\w+(?:['’\-.,]\w+)*")

if TYPE_CHECKING:
    WORD_RE: re.Pattern[str]


@functools.cache
def _word_re() -> re.Pattern[str]:
    return re.compile(rf"[{_CJK}]|(?:(?![{_CJK}])[\w])+(?:['’\-.,](?:(?![{_CJK}])[\w])+)*")


def __getattr__(name: str) -> object:
    """``WORD_RE``, compiled when first asked for (``words`` and ``count_words`` need it only for CJK text)."""
    if name == "WORD_RE":
        return _word_re()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _words_of(text: str) -> re.Pattern[str]:
    return _word_re() if has_wide(text) else _PLAIN_WORD_RE


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


_LINE_ENDS = str.maketrans({"\n": "\\n", "\r": "\\r", "\u2028": "\\u2028", "\u2029": "\\u2029"})


def one_line(text: str) -> str:
    r"""``drop_controls`` for a message that must stay one line: a line end inside it (a file named
    ``a\nb.txt``) is shown as its escape.

    >>> one_line("a\nb.txt: cannot read\x1b[2J")
    'a\\nb.txt: cannot read[2J'
    """
    return drop_controls(text).translate(_LINE_ENDS)


def words(text: str) -> list[str]:
    """The words of ``text``, as the word counts and the no-word-lost checks see them."""
    return _words_of(text).findall(text)


def count_words(text: str) -> int:
    return sum(1 for _ in _words_of(text).finditer(text))


def is_wide(char: str) -> bool:
    """Whether a terminal shows ``char`` in two columns (East Asian wide and full-width characters)."""
    return unicodedata.east_asian_width(char) in "WF"


def columns(text: str) -> int:
    """How many terminal columns ``text`` takes: wide characters take two."""
    return sum(2 if is_wide(c) else 1 for c in text)
