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

import bisect
import gc
from collections.abc import Sequence

from stenogram.analysis.commitments import find_commitments
from stenogram.analysis.digest import (
    Digest,
    DigestCommitment,
    DigestFigure,
    DigestOptions,
    Point,
    Quote,
    digest,
)
from stenogram.analysis.figures import find_figures
from stenogram.analysis.keysentences import centrality
from stenogram.analysis.language import LEADING_WORDS, language_of
from stenogram.analysis.mentions import find_mentions
from stenogram.analysis.names import Speaker, display_names
from stenogram.analysis.points import chair_of, select_points
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
from stenogram.analysis.sentences import Sentence, split_units, units_of
from stenogram.analysis.stats import speaker_stats
from stenogram.analysis.topics import find_topics
from stenogram.analysis.words import vocabulary_of
from stenogram.errors import require
from stenogram.model import Transcript

__all__ = [
    "Analysis",
    "AnalysisError",
    "AnalysisOptions",
    "Commitment",
    "CommitmentKind",
    "Digest",
    "DigestCommitment",
    "DigestFigure",
    "DigestOptions",
    "Figure",
    "FigureKind",
    "KeySentence",
    "Location",
    "Mention",
    "MentionKind",
    "Number",
    "Point",
    "Quote",
    "Speaker",
    "SpeakerStats",
    "Topic",
    "analyse",
    "digest",
    "display_names",
]


_AMOUNTS = (FigureKind.MONEY, FigureKind.PERCENT, FigureKind.FRACTION)


def sentences_with(figures: Sequence[Figure], sentences: Sequence[Sentence]) -> frozenset[int]:
    """The indexes of the sentences that state an amount, a rate or a share."""
    where = {(s.unit.turn, s.unit.paragraph, s.start): s.index for s in sentences}
    starts: dict[tuple[int, int], list[int]] = {}
    last = None
    for s in sentences:
        if s.unit is not last:  # a unit's sentences follow each other: its list is looked up once
            last = s.unit
            row = starts.setdefault((last.turn, last.paragraph), [])
        row.append(s.start)
    out: set[int] = set()
    for f in figures:
        if f.kind in _AMOUNTS:
            key = (f.location.turn, f.location.paragraph)
            row = starts.get(key, [])
            k = bisect.bisect_right(row, f.location.start) - 1
            if k >= 0:
                out.add(where[(*key, row[k])])
    return frozenset(out)


def analyse(transcript: Transcript, *, options: AnalysisOptions | None = None) -> Analysis:
    """Analyse the spoken paragraphs of ``transcript`` (the preamble is not speech).

    The cyclic garbage collector is paused meanwhile, as the parser does: the analysis makes hundreds of
    thousands of small objects and no reference cycles, and collection passes that rescan them all cost
    about a tenth of its time.
    """
    require(transcript, Transcript, "analyse", "the transcript", "a Transcript")
    require(options, (AnalysisOptions, type(None)), "analyse", "the options", "AnalysisOptions or None")
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _analyse(transcript, options or AnalysisOptions())
    finally:
        if enabled:
            gc.enable()


def _analyse(transcript: Transcript, opts: AnalysisOptions) -> Analysis:
    units = units_of(transcript)
    sentences, tokens = split_units(units)  # one scan for the sentences, the vocabulary and the topics
    year = transcript.meeting.date.year if transcript.meeting.date is not None else None
    stats = speaker_stats(transcript)
    vocabulary = vocabulary_of(tokens)
    figures = tuple(find_figures(units, sentences, year))
    lang = language_of(transcript)
    english = lang in ("en", None)
    return Analysis(
        words=sum(s.words for s in stats),
        speakers=stats,
        figures=figures,
        mentions=tuple(find_mentions(units, sentences, transcript.participants, vocabulary)),
        topics=tuple(find_topics(units, opts.topics, vocabulary, tokens)),
        key_sentences=tuple(
            select_points(
                sentences,
                centrality(sentences),
                chair_of(transcript),
                opts.key_sentences,
                with_figures=sentences_with(figures, sentences),
                english=english,
                leading=LEADING_WORDS.get(lang or "", frozenset()),
            )
        ),
        commitments=tuple(find_commitments(sentences)),
    )
