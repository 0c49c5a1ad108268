"""What ParlaMint's ``extent`` counts: speeches, and words spoken (stage directions and editors' words left out)."""

from __future__ import annotations

from stenogram.model import MarkKind, Transcript
from stenogram.text import count_words

__all__ = ["NOT_SPOKEN", "spoken_words"]

#: Inline marks whose words nobody said: ``(Applause.)``, ``[$400 million]``, ``<…>``, ``[00:07:53]``.
NOT_SPOKEN = frozenset({MarkKind.STAGE, MarkKind.EDITORIAL, MarkKind.INSERTION, MarkKind.OMISSION, MarkKind.TIMESTAMP})


def spoken_words(transcript: Transcript) -> int:
    """Words of the turns' paragraphs outside ``NOT_SPOKEN`` marks.

    >>> import stenogram
    >>> t = stenogram.parse("Anna Petrova: Good morning (Laughter) to all.\\n")
    >>> t.word_count, spoken_words(t)
    (5, 4)
    """
    total = 0
    for turn in transcript.turns:
        for paragraph in turn.paragraphs:
            text, pos, kept = paragraph.text, 0, []
            for mark in sorted(paragraph.marks, key=lambda m: (m.start, m.end)):
                if mark.kind in NOT_SPOKEN and mark.start >= pos:
                    kept.append(text[pos : mark.start])
                    pos = mark.end
            kept.append(text[pos:])
            total += count_words(" ".join(kept))
    return total
