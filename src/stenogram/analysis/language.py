"""Which language a transcript's speech is in, as far as the analysis' word tables are concerned.

The rules for key points (procedure, pleasantries, words that point back) are
word tables. English has all of them; for other languages the tables hold
what they have (``LEADING_WORDS``), and the digest notes which rules it skipped.
The words (``MARKERS``, ``LEADING_WORDS``) are the shared lexicon's (:mod:`stenogram.lexicon`).
"""

from __future__ import annotations

import re
from collections import Counter

from stenogram.analysis.memo import per_transcript
from stenogram.lexicon import LANGUAGE_MARKERS, LEADING_WORDS
from stenogram.model import Transcript

__all__ = ["LEADING_WORDS", "MARKERS", "english_rules_apply", "language_of"]

MARKERS = LANGUAGE_MARKERS
#: Each marker word and the languages it marks, in the order of ``MARKERS``: one look-up per word.
_LANGUAGES_OF: dict[str, tuple[str, ...]] = {
    w: tuple(lang for lang, words in MARKERS.items() if w in words) for ws in MARKERS.values() for w in ws
}
_WORD = re.compile(r"[^\W\d_]+")
_SAMPLE = 20_000  # characters of speech read to tell the language


@per_transcript  # the analysis and the digest both ask
def language_of(transcript: Transcript) -> str | None:
    """``en``, ``de``, ``fr`` or ``ru`` from the meeting's metadata or the speech's commonest short words."""
    declared = (transcript.meeting.language or "").lower()[:2]
    if declared:
        return declared
    counts: Counter[str] = Counter()
    read = 0
    for turn in transcript.turns:
        for p in turn.paragraphs:
            for langs in filter(None, map(_LANGUAGES_OF.get, _WORD.findall(p.text.lower()))):
                for lang in langs:
                    counts[lang] += 1
            read += len(p.text)
            if read > _SAMPLE:
                break
        if read > _SAMPLE:
            break
    if not counts:
        return None
    lang, n = counts.most_common(1)[0]
    return lang if n >= 3 else None


def english_rules_apply(transcript: Transcript) -> bool:
    """Whether the English-only rules may run: English speech, or too little to tell."""
    return language_of(transcript) in ("en", None)
