"""The spoken text cut into paragraphs and sentences that know where they stand.

Every other module of the analysis works on these, so spans are computed in
one place and are always offsets into ``Paragraph.text``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from stenogram.analysis.records import Location
from stenogram.analysis.words import WORDS_AND_BREAKS, letter_runs, table
from stenogram.model import Transcript

__all__ = ["Sentence", "Unit", "sentences_of", "split_units", "units_of"]


class Unit(NamedTuple):
    """One spoken paragraph with its address (a named tuple, like :class:`Sentence`: one is made per paragraph)."""

    speaker: str
    turn: int
    paragraph: int
    text: str

    def location(self, start: int, end: int) -> Location:
        return Location(speaker=self.speaker, turn=self.turn, paragraph=self.paragraph, start=start, end=end)


class Sentence(NamedTuple):
    """A sentence: ``unit.text[start:end]``; ``index`` counts sentences through the whole transcript.

    A named tuple, not a frozen attrs class: a transcript has thousands, and a tuple is made in a quarter of the
    time (equal, hashed and shown the same way).
    """

    unit: Unit
    start: int
    end: int
    index: int  # type: ignore[assignment]  # the field hides tuple.index, which nothing here calls
    #: ``unit.text[start:end]``, cut once (the split has it in hand; every later step reads it).
    text: str
    #: Its runs of letters in lower case ("we'll" gives "we", "ll"): the word sets cue tables test against.
    words: frozenset[str] = frozenset()

    @property
    def location(self) -> Location:
        return self.unit.location(self.start, self.end)


def units_of(transcript: Transcript) -> list[Unit]:
    return [
        Unit(speaker=turn.speaker, turn=ti, paragraph=pi, text=p.text)
        for ti, turn in enumerate(transcript.turns)
        for pi, p in enumerate(turn.paragraphs)
        if not p.is_aside  # "(Applause.)" is nobody's sentence
    ]


# Words after which a full stop does not end a sentence.
ABBREVIATIONS = table(
    """mr mrs ms dr prof st jr sr mt no nos art vs etc e.g i.e cf fig gen col lt sgt capt gov sen rep rev
    hon messrs mme mlle jan feb mar apr jun jul aug sep sept oct nov dec inc ltd co corp dept est approx"""
)
#: Abbreviations that stand before a number ("No. 5", "Art. 3"); before a word they are words ("No.").
NUMBERING = table("no nos art fig")
# A sentence ends at . ! ? … (with closing quotes or brackets) before a space and
# an opening capital, digit, quote or bracket; CJK full stops end one anywhere.
_BOUNDARY = re.compile(r"""([.!?…]+)["'”’)\]]*(?=\s+["'“‘(\[]?[A-Z0-9À-ÖØ-ÞА-ЯЁ])|[。！？]+""")
_LETTERS = re.compile(r"[^\W\d_]+")
_LAST_WORD = re.compile(r"([\w.]+)$")
_LAST_WORD_BACKWARDS = re.compile(r"[\w.]+")


def _last_word(stretch: str) -> str:
    """``_LAST_WORD``'s word in ``stretch`` (``""`` if none), read backwards from its end: one match at the start of
    the reversed text instead of a search through it. ``$`` also stands before a line break that ends the text."""
    if stretch.endswith("\n"):
        stretch = stretch[:-1]
    found = _LAST_WORD_BACKWARDS.match(stretch[::-1])
    return found.group()[::-1] if found else ""


def _ends_sentence(text: str, end: int) -> bool:
    """Whether the stop that ends at ``end`` closes a sentence rather than an abbreviation."""
    if text[end - 1] != "." or end < 2 or text[end - 2] == ".":
        return True
    word = _last_word(text[max(0, end - 24) : end - 1])
    if not word:
        return True
    lowered = word.lower().rstrip(".")
    if lowered in NUMBERING:  # "No. 5" runs on; "No. We will move on" is an answer and a new sentence
        return not text[end : end + 2].strip()[:1].isdigit()
    if lowered in ABBREVIATIONS:
        return False
    # Initials: "J. Smith", "U.S."
    return not (len(word.replace(".", "")) == 1 and word[:1].isupper())


#: What every boundary opens with: only where one stands is the whole pattern tried.
_STOP = re.compile(r"[.!?…。！？]")


def _spans(text: str) -> Iterator[tuple[int, int]]:
    """The sentences of ``text`` as spans that tile it (white space included), cut after each boundary that ends a
    sentence. A boundary opens with a stop, so ``_BOUNDARY`` (an alternation, which the regular expression engine
    would try at every position) is tried only where a stop stands. One at a time: a text of 200,000 sentences
    holds no list of them."""
    start = pos = 0
    search, match = _STOP.search, _BOUNDARY.match
    while (stop := search(text, pos)) is not None:
        m = match(text, stop.start())
        if m is None:
            pos = stop.end()
            continue
        pos = end = m.end()  # never empty: a boundary holds a stop
        if end <= start or not _ends_sentence(text, m.end(1) if m.group(1) else end):
            continue
        yield start, end
        start = end
    yield start, len(text)


def sentences_of(units: list[Unit]) -> list[Sentence]:
    """Every sentence of every unit, trimmed of surrounding white space; empty ones dropped."""
    return split_units(units)[0]


#: A text holding one of these is cut where no white space stands, or may lower-case by context (``Σ``) or into a
#: non-letter (``İ``): its words are not read sentence by sentence (see ``split_units``).
_NOT_BY_SENTENCE = re.compile(r"[。！？İΣ]")


def split_units(units: list[Unit]) -> tuple[list[Sentence], list[list[str]]]:
    """:func:`sentences_of` the units, and each unit's :data:`~stenogram.analysis.words.WORDS_AND_BREAKS`.

    One scan of each sentence gives both: its letter runs (``Sentence.words``) are read from its words, and the
    unit's words are its sentences' words in turn. Sentences are cut at a stop before white space and end at a
    stop or closing mark, so no word or break runs across a cut, and the white space between two sentences holds
    none (a break of white space needs a dash after it: the next sentence opens with a capital, digit or quote).
    A unit with a CJK stop (a cut without white space), with white space before or after it (trimmed from its
    first and last sentence), ``İ`` or ``Σ`` (see :func:`~stenogram.analysis.words.letter_runs`) is read whole,
    as before.
    """
    out: list[Sentence] = []
    tokens: list[list[str]] = []
    find = WORDS_AND_BREAKS.findall
    for unit in units:
        text = unit.text
        whole = text[:1].isspace() or text[-1:].isspace() or _NOT_BY_SENTENCE.search(text) is not None
        found_in_unit: list[str] = []
        for raw_start, raw_end in _spans(text):
            start, end = raw_start, raw_end
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            if start < end:
                piece = text[start:end]
                if whole:
                    words = frozenset(_LETTERS.findall(piece.lower()))
                else:
                    found = find(piece.replace("’", "'"))
                    found_in_unit += found
                    words = letter_runs(found)
                out.append(Sentence(unit=unit, start=start, end=end, index=len(out), text=piece, words=words))
        tokens.append(find(text.replace("’", "'")) if whole else found_in_unit)
    return out, tokens
