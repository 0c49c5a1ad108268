"""Which language a transcript's speech is in, as far as the analysis' word tables are concerned.

The rules for key points (procedure, pleasantries, words that point back) are
word tables. English has all of them; for other languages the tables hold
what they have (``LEADING_WORDS``), and the digest notes which rules it skipped.
These tables belong in the shared lexicon once it exists (``stenogram.lexicon``).
"""

from __future__ import annotations

import re
from collections import Counter

from stenogram.analysis.words import table
from stenogram.model import Transcript

__all__ = ["LEADING_WORDS", "MARKERS", "english_rules_apply", "language_of"]

#: Frequent short words that tell languages apart.
MARKERS: dict[str, frozenset[str]] = {
    "en": table("the and of to is that we in it this for are with be have not"),
    "de": table("der die das und ist nicht wir ich sie es zu den mit auf für von dass ein eine"),
    "fr": table("le la les et est nous je il que des une pour pas dans sur qui"),
    "ru": table("и в не на что мы это я с как по но для"),
}
#: First words that point back to the sentence before, by language.
LEADING_WORDS: dict[str, frozenset[str]] = {
    "de": table(
        """also und aber oder dann auch das dies diese dieser dieses es sie er deshalb daher jedoch ja nein nun
        denn sondern trotzdem außerdem dazu damit darum dabei hier"""
    ),
    "fr": table("donc et mais ou puis aussi cela ceci ces il elle ils elles alors oui non ensuite cependant"),
}
#: Each marker word and the languages it marks, in the order of ``MARKERS``: one look-up per word.
_LANGUAGES_OF: dict[str, tuple[str, ...]] = {
    w: tuple(lang for lang, words in MARKERS.items() if w in words) for ws in MARKERS.values() for w in ws
}
_WORD = re.compile(r"[^\W\d_]+")
_SAMPLE = 20_000  # characters of speech read to tell the language


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
