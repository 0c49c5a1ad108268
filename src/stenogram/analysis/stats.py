"""Who spoke, how often and how much."""

from __future__ import annotations

import re

from stenogram.analysis.memo import per_transcript
from stenogram.analysis.records import SpeakerStats
from stenogram.model import Transcript
from stenogram.text import CJK_RE, WORD_RE

__all__ = ["speaker_stats", "split_words"]

# WORD_RE on text without CJK characters: its look-ahead per character then never fails, so plain \w matches the same.
# Possessive: the greedy pattern's first match never gives a character back (its repeat may stop anywhere), so
# keeping no backtracking state finds the same words, faster.
_PLAIN_WORD_RE = re.compile(r"\w++(?:['’\-.,]\w++)*+")
#: The same words, each found as the empty group at its end: counted without a string made for each.
_PLAIN_WORD_ENDS = re.compile(rf"{_PLAIN_WORD_RE.pattern}()")


def _word_count(text: str) -> int:
    return len(WORD_RE.findall(text) if CJK_RE.search(text) else _PLAIN_WORD_ENDS.findall(text))


def speaker_stats(transcript: Transcript) -> tuple[SpeakerStats, ...]:
    """One record per participant in participant order; those who never spoke have zero turns.

    A turn whose speaker is not among the participants (a hand-built model)
    still counts, under its speaker id.
    """
    turns: dict[str, int] = {}
    words: dict[str, int] = {}
    for turn in transcript.turns:
        turns[turn.speaker] = turns.get(turn.speaker, 0) + 1
        # Spoken words (asides such as "(Applause.)" left out), counted with one findall per turn:
        # no word runs across the line break that joins the paragraphs.
        count = _word_count("\n".join([p.text for p in turn.paragraphs if not p.is_aside]))
        words[turn.speaker] = words.get(turn.speaker, 0) + count
    total = sum(words.values())
    known = {p.id: p for p in transcript.participants}
    ids = [p.id for p in transcript.participants] + [s for s in turns if s not in known]
    out = []
    for pid in ids:
        p = known.get(pid)
        w = words.get(pid, 0)
        out.append(
            SpeakerStats(
                participant=pid,
                name=p.name if p is not None else pid,
                role=p.role if p is not None else None,
                turns=turns.get(pid, 0),
                words=w,
                share=w / total if total else 0.0,
            )
        )
    return tuple(out)


@per_transcript  # the chair's guess and the digest's main speakers both weigh it
def split_words(transcript: Transcript) -> dict[str, int]:
    """Each speaker's words as white space splits them, asides included, in the order speakers first speak.

    A rough measure of how much each one said, for weighing speakers against each other (``speaker_stats``
    counts words properly); callers only read it.
    """
    words: dict[str, int] = {}
    for turn in transcript.turns:
        # One split of the turn's paragraphs joined by a space: the same count as one split of each.
        count = len(" ".join([p.text for p in turn.paragraphs]).split())
        words[turn.speaker] = words.get(turn.speaker, 0) + count
    return words
