"""What the briefing says about one meeting: the digest of ``stenogram.analysis``, laid out.

The exporter decides nothing about what is key: the points, figures and
commitments (and their order) are the digest's, the same the summary prints.
This module only shapes them into rows, with names as the digest shows them
and where in the source each comes from.
"""

from __future__ import annotations

import datetime as dt

import attrs

from stenogram.analysis import AnalysisOptions, DigestCommitment, DigestFigure, DigestOptions, analyse, digest
from stenogram.analysis.records import Location
from stenogram.model import Transcript

__all__ = ["KeyPoint", "MeetingFacts", "ParticipantRow", "gather"]


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
    """A key point; ``question`` is the question it answers, as ``Name: “…”``, when it answers one."""

    text: str
    speaker: str
    location: Location
    where: str = ""
    question: str | None = None


@attrs.frozen(kw_only=True)
class MeetingFacts:
    """One meeting, ready to be written."""

    transcript: Transcript
    title: str
    business: str | None
    bottom_line: tuple[str, ...]
    participants: tuple[ParticipantRow, ...]
    key_points: tuple[KeyPoint, ...]
    figures: tuple[DigestFigure, ...]  # the digest's own records: the briefing lays them out as they are
    commitments: tuple[DigestCommitment, ...]
    keywords: tuple[str, ...]

    @property
    def date(self) -> dt.date | None:
        return self.transcript.meeting.date


def gather(transcript: Transcript, *, key_points: int, key_figures: int, commitments: int) -> MeetingFacts:
    """Run the analysis and the digest once and shape what a briefing shows (points in document order)."""
    # The points are ranked greedily: the first ``key_points`` are the same however many are asked for.
    analysis = analyse(transcript, options=AnalysisOptions(key_sentences=key_points))
    d = digest(
        transcript,
        options=DigestOptions(key_points=key_points, key_figures=key_figures, commitments=commitments),
        analysis=analysis,
    )
    anonymous = {p.id for p in transcript.participants if p.anonymous}
    participants = []
    for s in analysis.speakers:
        shown = d.speakers.get(s.participant)
        participants.append(
            ParticipantRow(
                id=s.participant,
                name=shown.name if shown is not None else s.name,
                role=(shown.role if shown is not None else None) or s.role,
                turns=s.turns,
                share=s.share,
                anonymous=s.participant in anonymous,
            )
        )
    points = tuple(
        KeyPoint(
            text=p.text,
            speaker=p.speaker.name,
            location=p.location,
            where=p.where,
            question=f"{p.question.speaker.name}: “{p.question.text}”" if p.question is not None else None,
        )
        for p in d.points_in_order()
    )
    return MeetingFacts(
        transcript=transcript,
        title=d.title,
        business=d.business,
        bottom_line=d.bottom_line,
        participants=tuple(participants),
        key_points=points,
        figures=d.figures,
        commitments=d.commitments,
        keywords=d.topics[:8],
    )
