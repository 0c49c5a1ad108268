"""Speaker lines without a separator: a name over its speech, at the head of each block.

Some records print the speaker alone on the line above the speech, with no
colon or dash: ``Raši, Richard, predseda NR SR`` (the Slovak National
Council), ``Eric Mamer, Chief Spokesperson`` (the Commission's midday
briefing), ``ගරු කථානායකතුමා (The Hon. Speaker)`` (Sri Lanka's Hansard). A
line like that is a heading in other documents, so one is never enough: the
document must print the form again and again. A head line is the first line
of a block (after a blank line; in a record of a paragraph a line, also after
a line that ends a sentence or a note, with a sentence opening below:
``El president`` in Barcelona's Diari de Sessions) with text straight below
it, short, without a colon and not ending a sentence. Its key is what comes before its first
separator (``Raši``, ``Eric Mamer``, ``Question`` of ``Question – Jorge
Valero, Bloomberg``), and its shape the separators it prints. When the
document's head lines repeat keys at least :data:`RECUR` times and outnumber
its other strong label candidates, every head line whose key recurs, or whose
shape (a name and at least one slot) is one a recurring key prints, is a
speaker's line; so is one printed once with no slot, where a recurring key is
printed so too, if it is a strong label naming a person or opening with an
office (``Albert Ribas Montoliu`` among ``El president`` lines).

>>> h = HeadLines()
>>> for i, line in enumerate(["Eric Mamer, Chief Spokesperson", "Dana Spinant, Spokesperson", "Eric Mamer"] * 2):
...     h.add(i, line)
>>> h.accepted(strong=0)
[0, 1, 2, 3, 4, 5]
>>> h.accepted(strong=6)  # a document whose other labels outnumber them prints these as headings
[]
"""

from __future__ import annotations

import re

from stenogram.lexicon import is_title
from stenogram.parse.labels import REJECTED, STRONG, fold, is_person_name, strength_of

__all__ = ["RECUR", "HeadLines", "head_label"]

RECUR = 3  # head lines whose keys recur, at least: fewer are headings
_MAX_LEN = 120  # a longer line is prose
_MAX_WORDS = 14
_MAX_HEADS = 4096  # head lines remembered: a text of a million blocks keeps no table a line
_ENDS = frozenset('.?!;:,…"”»')
_BRACKETED = re.compile(r"\([^()]*(?:\([^()]*\)[^()]*)*\)")
_SEPARATORS = re.compile(r",\s|\s[-–—]\s|\s(?=[(\[])")


class HeadLines:
    """The head lines of a document, by key, as the lines are read."""

    __slots__ = ("_by_key", "_count", "_shape")

    def __init__(self) -> None:
        self._by_key: dict[str, list[int]] = {}
        self._shape: dict[int, tuple[str, ...]] = {}
        self._count = 0

    def __bool__(self) -> bool:
        return self._count > 0

    def add(self, i: int, line: str) -> None:
        """Remember line ``i`` if it may be a speaker's head line (the caller knows it heads a block)."""
        if self._count >= _MAX_HEADS or len(line) > _MAX_LEN or ":" in line or "：" in line:
            return
        text = line.strip()
        if not text or text[-1] in _ENDS or not text[0].isalpha() or text[0].islower():
            return
        words = len(text.split())
        if words > _MAX_WORDS and (words > 2 * _MAX_WORDS or len(_BRACKETED.sub("", text).split()) > _MAX_WORDS):
            return  # prose; but the words in brackets are slots, twice as many in a bilingual label
        parts = _SEPARATORS.split(text, maxsplit=1)
        key = parts[0].strip()
        if not key:
            return
        self._count += 1
        self._by_key.setdefault(key, []).append(i)
        self._shape[i] = tuple(s.strip() or "(" for s in _SEPARATORS.findall(text))

    def accepted(self, *, strong: int) -> list[int]:
        """The head lines that are speakers' lines, given the number of the document's other strong candidates."""
        recurring = {k: v for k, v in self._by_key.items() if len(v) >= 2 and strength_of(k) != REJECTED}
        occurrences = sum(len(v) for v in recurring.values())
        if occurrences < RECUR or occurrences <= strong:
            return []
        shapes = {self._shape[i] for v in recurring.values() for i in v}
        out = [i for v in recurring.values() for i in v]
        for key, lines in self._by_key.items():
            if key not in recurring and (strength := strength_of(key)) != REJECTED:
                # A line with no separator ("Albert Ribas Montoliu" among "El president" lines) says least: it
                # must be a strong label that names a person or opens with an office.
                plain = strength == STRONG and (is_person_name(key) or any(map(is_title, key.split()[:2])))
                out += [i for i in lines if self._shape[i] in shapes and (self._shape[i] or plain)]
        return sorted(out)


def head_label(line: str) -> tuple[str, int]:
    """A head line's label (whitespace folded) and the column where it starts."""
    return fold(line), len(line) - len(line.lstrip())
