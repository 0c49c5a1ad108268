"""Meeting analysis: who spoke, the figures, names, topics, key sentences and commitments.

A pure function of the transcript, offline and deterministic. Every record
carries a :class:`Location`, so ``location.text_in(transcript) == record.text``.

>>> import stenogram
>>> from stenogram.analysis import analyse
>>> text = "Anna Petrova: Trade grew by 9.5 percent to $13 billion.\\nIvan Sidorov: We agreed to meet in Sochi.\\n"
>>> t = stenogram.parse(text)
>>> a = analyse(t)
>>> [(f.text, f.normalised) for f in a.figures]
[('9.5 percent', '9.5%'), ('$13 billion', '13,000,000,000 USD')]
>>> [c.cue for c in a.commitments]
['We agreed']
"""

from __future__ import annotations

from stenogram.analysis.commitments import find_commitments
from stenogram.analysis.figures import find_figures
from stenogram.analysis.keysentences import rank_sentences
from stenogram.analysis.mentions import find_mentions
from stenogram.analysis.records import (
    Analysis,
    AnalysisError,
    AnalysisOptions,
    Commitment,
    CommitmentKind,
    Figure,
    FigureKind,
    KeySentence,
    Location,
    Mention,
    MentionKind,
    Number,
    SpeakerStats,
    Topic,
)
from stenogram.analysis.sentences import sentences_of, units_of
from stenogram.analysis.stats import speaker_stats
from stenogram.analysis.topics import find_topics
from stenogram.analysis.words import lower_case_vocabulary
from stenogram.model import Transcript

__all__ = [
    "Analysis",
    "AnalysisError",
    "AnalysisOptions",
    "Commitment",
    "CommitmentKind",
    "Figure",
    "FigureKind",
    "KeySentence",
    "Location",
    "Mention",
    "MentionKind",
    "Number",
    "SpeakerStats",
    "Topic",
    "analyse",
]


def analyse(transcript: Transcript, *, options: AnalysisOptions | None = None) -> Analysis:
    """Analyse the spoken paragraphs of ``transcript`` (the preamble is not speech)."""
    opts = options or AnalysisOptions()
    units = units_of(transcript)
    sentences = sentences_of(units)
    year = transcript.meeting.date.year if transcript.meeting.date is not None else None
    stats = speaker_stats(transcript)
    vocabulary = lower_case_vocabulary(u.text for u in units)
    return Analysis(
        words=sum(s.words for s in stats),
        speakers=stats,
        figures=tuple(find_figures(units, sentences, year)),
        mentions=tuple(find_mentions(units, sentences, transcript.participants, vocabulary)),
        topics=tuple(find_topics(units, opts.topics, vocabulary)),
        key_sentences=tuple(rank_sentences(sentences, opts.key_sentences)),
        commitments=tuple(find_commitments(sentences)),
    )
