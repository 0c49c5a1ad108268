"""What the briefing says about one meeting, taken from ``stenogram.analysis``.

The exporter computes nothing itself: it picks, orders and labels the
analysis records for display, and resolves speaker ids to names.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TypeVar

import attrs

from stenogram.analysis.records import AnalysisOptions, CommitmentKind, FigureKind, Location
from stenogram.model import Transcript
from stenogram.titles import title_of

__all__ = ["CommitmentRow", "FigureRow", "KeyPoint", "MeetingFacts", "ParticipantRow", "gather"]

#: Which figures a briefing reader wants first; counts and ordinals only fill spare rows.
FIGURE_PRIORITY: dict[FigureKind, int] = {
    FigureKind.MONEY: 0,
    FigureKind.PERCENT: 0,
    FigureKind.FRACTION: 0,
    FigureKind.DATE: 1,
    FigureKind.DATE_RANGE: 1,
    FigureKind.YEAR_RANGE: 1,
    FigureKind.YEAR: 2,
    FigureKind.COUNT: 3,
    FigureKind.ORDINAL: 3,
}
#: Which commitments come first when there are more than the briefing has room for.
COMMITMENT_PRIORITY: dict[CommitmentKind, int] = {
    CommitmentKind.DECISION: 0,
    CommitmentKind.COMMITMENT: 1,
    CommitmentKind.REQUEST: 1,
    CommitmentKind.EXPECTATION: 2,
    CommitmentKind.INTENTION: 3,
}
#: Figures whose normalised value helps a reader check the printed one (dates' ISO forms do not).
_SHOW_NORMALISED = {FigureKind.MONEY, FigureKind.PERCENT, FigureKind.FRACTION}
_CONTEXT_CHARS = 90
T = TypeVar("T")


@attrs.frozen(kw_only=True)
class ParticipantRow:
    id: str
    name: str
    role: str | None
    turns: int
    share: float
    anonymous: bool = False


@attrs.frozen(kw_only=True)
class KeyPoint:
    text: str
    speaker: str
    location: Location


@attrs.frozen(kw_only=True)
class FigureRow:
    figure: str
    normalised: str | None
    refers_to: str
    speaker: str
    location: Location


@attrs.frozen(kw_only=True)
class CommitmentRow:
    text: str
    kind: str
    deadline: str | None
    speaker: str
    location: Location


@attrs.frozen(kw_only=True)
class MeetingFacts:
    """One meeting, ready to be written."""

    transcript: Transcript
    title: str
    participants: tuple[ParticipantRow, ...]
    key_points: tuple[KeyPoint, ...]
    figures: tuple[FigureRow, ...]
    commitments: tuple[CommitmentRow, ...]
    keywords: tuple[str, ...]

    @property
    def date(self) -> dt.date | None:
        return self.transcript.meeting.date


def _clip_around(text: str, start: int, end: int) -> str:
    """The words around ``text[start:end]``, clipped at word boundaries: what a figure refers to."""
    left = max(0, start - _CONTEXT_CHARS // 2)
    right = min(len(text), end + _CONTEXT_CHARS // 2)
    if left > 0:
        space = text.find(" ", left, start)
        left = space + 1 if space >= 0 else left
    if right < len(text):
        space = text.rfind(" ", end, right)
        right = space if space >= 0 else right
    snippet = text[left:right].strip()
    return ("…" if left > 0 else "") + snippet + ("…" if right < len(text) else "")


def _top(items: tuple[T, ...], priority: Callable[[T], int], limit: int) -> list[T]:
    """The ``limit`` items of best priority (earlier first among equals), back in document order."""
    ranked = sorted(enumerate(items), key=lambda item: (priority(item[1]), item[0]))[:limit]
    return [item for _, item in sorted(ranked, key=lambda pair: pair[0])]


def gather(transcript: Transcript, *, key_points: int, key_figures: int, commitments: int) -> MeetingFacts:
    """Run the analysis once and keep what a briefing shows, each list in document order."""
    from stenogram.analysis import analyse  # the analysis package is the one source of every number shown

    analysis = analyse(transcript, options=AnalysisOptions(key_sentences=key_points))
    names = {p.id: p.name for p in transcript.participants}
    anonymous = {p.id for p in transcript.participants if p.anonymous}

    def who(location: Location) -> str:
        return names.get(location.speaker, location.speaker)

    participants = tuple(
        ParticipantRow(
            id=s.participant,
            name=s.name,
            role=s.role,
            turns=s.turns,
            share=s.share,
            anonymous=s.participant in anonymous,
        )
        for s in analysis.speakers
    )
    chosen = sorted(analysis.key_sentences, key=lambda k: k.rank)[:key_points]
    points = tuple(
        KeyPoint(text=k.text, speaker=who(k.location), location=k.location)
        for k in sorted(chosen, key=lambda k: k.location)
    )
    figures = []
    for f in _top(analysis.figures, lambda f: FIGURE_PRIORITY.get(f.kind, 9), key_figures):
        normalised = f.normalised if f.kind in _SHOW_NORMALISED and f.normalised != f.text else None
        refers = f.context
        if not refers or refers.casefold() in f.text.casefold():  # "fourth time" -> "time" says nothing
            paragraph = f.location.paragraph_in(transcript).text
            refers = _clip_around(paragraph, f.location.start, f.location.end)
        figures.append(
            FigureRow(
                figure=f.text, normalised=normalised, refers_to=refers, speaker=who(f.location), location=f.location
            )
        )
    promised = tuple(
        CommitmentRow(text=c.text, kind=c.kind.value, deadline=c.deadline, speaker=who(c.location), location=c.location)
        for c in _top(analysis.commitments, lambda c: COMMITMENT_PRIORITY.get(c.kind, 9), commitments)
    )
    keywords = tuple(t.phrase for t in analysis.topics[:8])
    return MeetingFacts(
        transcript=transcript,
        title=title_of(transcript),
        participants=participants,
        key_points=points,
        figures=tuple(figures),
        commitments=promised,
        keywords=keywords,
    )
