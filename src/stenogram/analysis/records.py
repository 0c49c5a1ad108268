"""The frozen records the analysis returns.

Every record carries a :class:`Location`, so any claim a summary or a
briefing makes can be traced back to the paragraph and the characters it
came from: ``location.text_in(transcript) == record.text``.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction
from typing import TypeAlias

import attrs

from stenogram.errors import StenogramError
from stenogram.model import Paragraph, Transcript

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
]

#: A normalised figure value: exact decimals for amounts, fractions for "a third".
Number: TypeAlias = Decimal | Fraction


class AnalysisError(StenogramError):
    """A location that does not point into the transcript it is resolved against."""


def _non_negative(instance: object, attribute: attrs.Attribute[int], value: int) -> None:
    if value < 0:
        raise ValueError(f"{attribute.name} must be >= 0, got {value}")


@attrs.frozen(kw_only=True, order=True)
class Location:
    """Where a result stands: ``transcript.turns[turn].paragraphs[paragraph].text[start:end]``.

    ``speaker`` is the participant id of the turn. Locations order by
    position in the document.
    """

    turn: int = attrs.field(validator=_non_negative)
    paragraph: int = attrs.field(validator=_non_negative)
    start: int = attrs.field(validator=_non_negative)
    end: int = attrs.field(validator=_non_negative)
    speaker: str = attrs.field(order=False)

    def paragraph_in(self, transcript: Transcript) -> Paragraph:
        """The paragraph this location points into."""
        turns = transcript.turns
        if self.turn >= len(turns):
            raise AnalysisError(f"location points at turn {self.turn}, the transcript has {len(turns)}")
        paragraphs = turns[self.turn].paragraphs
        if self.paragraph >= len(paragraphs):
            raise AnalysisError(
                f"location points at paragraph {self.paragraph} of turn {self.turn}, which has {len(paragraphs)}"
            )
        return paragraphs[self.paragraph]

    def text_in(self, transcript: Transcript) -> str:
        """The characters this location covers."""
        return self.paragraph_in(transcript).text[self.start : self.end]


class FigureKind(enum.Enum):
    MONEY = "money"
    PERCENT = "percent"
    FRACTION = "fraction"
    DATE = "date"
    DATE_RANGE = "date_range"
    YEAR = "year"
    YEAR_RANGE = "year_range"
    COUNT = "count"
    ORDINAL = "ordinal"


@attrs.frozen(kw_only=True)
class Figure:
    """A number someone stated, normalised.

    ``text`` is the figure as printed. ``value`` is the amount (25 000 000 000
    for ``$25 billion``, 9.5 for ``9.5 percent``, 1/3 for ``a third``, 4 for
    ``the fourth time``, the first year of a year range); ``upper`` the end of
    a range. ``unit`` is an ISO 4217 code, ``"%"`` or ``"pp"`` (percentage
    points), or ``None``. ``iso`` writes dates in ISO 8601 / EDTF form, with
    ``XXXX`` for a year the text leaves open (``XXXX-08-19``,
    ``2022-01/2022-06``, ``2021/2025``). ``context`` is the noun phrase the
    figure is about, when one could be found (``bilateral trade``);
    ``excerpt`` the clause it stands in, enough to read it in context
    (``bilateral trade grew to a record level having exceeded $25 billion``).
    """

    kind: FigureKind
    text: str
    value: Number | None = None
    upper: Number | None = None
    unit: str | None = None
    iso: str | None = None
    context: str | None = None
    excerpt: str = ""
    location: Location

    @property
    def normalised(self) -> str:
        """The value as a reader would check it: ``25,000,000,000 USD``, ``9.5%``, ``1/3``, ``XXXX-08-19``."""
        return _NORMALISED[self.kind](self)


def _plain(n: Number | None) -> str:
    if n is None:
        return "?"
    if isinstance(n, Fraction):
        return str(n)
    if n == n.to_integral_value():
        # Formatted as a decimal, not through int(): Python refuses int <-> str past 4,300 digits, and a
        # transcript may print a number that long.
        return f"{n.to_integral_value():,f}" if n.adjusted() >= 4000 else f"{int(n):,}"
    return f"{n.normalize():,f}"


def _amount(f: Figure) -> str:
    return _plain(f.value) if f.upper is None else f"{_plain(f.value)}-{_plain(f.upper)}"


_NORMALISED: dict[FigureKind, Callable[[Figure], str]] = {
    FigureKind.MONEY: lambda f: f"{_amount(f)} {f.unit}",
    FigureKind.PERCENT: lambda f: f"{_amount(f)}{'%' if f.unit == '%' else ' ' + str(f.unit)}",
    FigureKind.FRACTION: lambda f: _plain(f.value),
    FigureKind.DATE: lambda f: f.iso or f.text,
    FigureKind.DATE_RANGE: lambda f: f.iso or f.text,
    FigureKind.YEAR: lambda f: f.iso or f.text,
    FigureKind.YEAR_RANGE: lambda f: f.iso or f.text,
    FigureKind.COUNT: lambda f: _plain(f.value),
    FigureKind.ORDINAL: lambda f: f"#{_plain(f.value)}",
}


class MentionKind(enum.Enum):
    PERSON = "person"
    PLACE = "place"
    ORGANISATION = "organisation"


@attrs.frozen(kw_only=True)
class Mention:
    """A person, place or organisation named in the speech.

    ``name`` is the fullest form found in the transcript (``Mr Tokayev`` ->
    ``Kassym-Jomart Tokayev``); ``participant`` is the id of the participant
    it refers to, when it refers to one.
    """

    kind: MentionKind
    text: str
    name: str
    participant: str | None = None
    location: Location


@attrs.frozen(kw_only=True)
class Topic:
    """A key phrase: ``phrase`` is its normalised (lower-case) form, ``text`` its first occurrence."""

    phrase: str
    text: str
    score: float
    count: int
    location: Location


@attrs.frozen(kw_only=True)
class KeySentence:
    """A key point: a verbatim sentence, ``rank`` 1 first (the chair's statement of the business, then the points).

    ``score`` is its centrality relative to the transcript's most central sentence (0..1]; ranks are not in
    score order, since the business comes first and caps on speakers and parts of the meeting apply.
    """

    text: str
    score: float
    rank: int
    location: Location


class CommitmentKind(enum.Enum):
    DECISION = "decision"  # we agreed, it was decided
    COMMITMENT = "commitment"  # we will, we must, we shall
    INTENTION = "intention"  # we plan, we intend, we seek, we should
    EXPECTATION = "expectation"  # we expect, by the end of the year
    REQUEST = "request"  # I ask you, I instruct


@attrs.frozen(kw_only=True)
class Commitment:
    """A sentence that commits, decides or sets a deadline; ``cue`` is the phrase that gave it away."""

    kind: CommitmentKind
    text: str
    cue: str
    deadline: str | None = None
    location: Location


@attrs.frozen(kw_only=True)
class SpeakerStats:
    """How much one participant spoke; ``share`` is their fraction of all spoken words (0..1)."""

    participant: str
    name: str
    role: str | None
    turns: int
    words: int
    share: float


@attrs.frozen(kw_only=True)
class AnalysisOptions:
    """How many results of each ranked kind to keep."""

    key_sentences: int = attrs.field(default=12, validator=attrs.validators.ge(0))
    topics: int = attrs.field(default=15, validator=attrs.validators.ge(0))


@attrs.frozen(kw_only=True)
class Analysis:
    """Everything the analysis found, each list in document order except the ranked ones.

    ``key_sentences`` and ``topics`` are ordered best first.
    """

    words: int
    speakers: tuple[SpeakerStats, ...]
    figures: tuple[Figure, ...]
    mentions: tuple[Mention, ...]
    topics: tuple[Topic, ...]
    key_sentences: tuple[KeySentence, ...]
    commitments: tuple[Commitment, ...]

    def speaker(self, participant: str) -> SpeakerStats | None:
        """The statistics of one participant, or ``None`` if they are not in the transcript."""
        for s in self.speakers:
            if s.participant == participant:
                return s
        return None
