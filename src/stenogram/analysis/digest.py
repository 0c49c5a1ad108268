"""The digest: what a reader takes away from a meeting, decided once for every exporter.

The summary, the DOCX briefing and any third-party exporter lay the same
:class:`Digest` out; none of them ranks or filters anything itself. It holds

- ``business``: one composed line saying what the meeting was (its body, the
  item or inquiry, the main speakers), and ``bottom_line``: 2-3 composed
  sentences; both are marked as composed, never passed off as quotes;
- ``points``: the first ``key_points`` key sentences of the analysis, in that
  order (verbatim, each with its speaker, location and, for an answer, the
  question it answers);
- ``figures``: amounts, rates, shares, ranges and dates, each once, with what
  they are about; no ordinals of meetings, bare years or one-dollar misreads;
- ``commitments``: decisions and commitments of the participants, without the
  chair's procedure or throwaway lines.

>>> import stenogram
>>> t = stenogram.parse("Anna Petrova: Bilateral trade grew by 9.5 percent to $13 billion this year.\\n"
...                     "Ivan Sidorov: We agreed to open a new trade office in Sochi by the end of the year.\\n")
>>> d = digest(t)
>>> [(f.text, f.subject) for f in d.figures]
[('9.5 percent', 'Bilateral trade'), ('$13 billion', 'Bilateral trade')]
>>> [(c.speaker.name, c.kind) for c in d.commitments]
[('Ivan Sidorov', 'decision')]
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

import attrs

from stenogram.analysis.language import english_rules_apply
from stenogram.analysis.names import Speaker, display_names
from stenogram.analysis.points import BUSINESS_CUES, PROCEDURE, chair_of, leads_back
from stenogram.analysis.records import (
    Analysis,
    AnalysisOptions,
    Commitment,
    CommitmentKind,
    Figure,
    FigureKind,
    KeySentence,
    Location,
)
from stenogram.analysis.sentences import Unit, sentences_of
from stenogram.analysis.stats import split_words
from stenogram.analysis.words import content_stems
from stenogram.model import Transcript, Turn
from stenogram.titles import title_of

__all__ = [
    "DEFAULT_COMMITMENTS",
    "DEFAULT_KEY_FIGURES",
    "DEFAULT_KEY_POINTS",
    "Digest",
    "DigestCommitment",
    "DigestFigure",
    "DigestOptions",
    "Point",
    "Quote",
    "digest",
    "where",
]

DEFAULT_KEY_POINTS = 8
DEFAULT_KEY_FIGURES = 15
DEFAULT_COMMITMENTS = 10
#: Asked of the analysis however few points are shown, so the first ``key_points`` are always the same ones.
RANKED = 60

_COUNT = [attrs.validators.instance_of(int), attrs.validators.ge(0)]


@attrs.frozen(kw_only=True)
class DigestOptions:
    """How much the digest keeps. The summary and DOCX exporters have ``--set`` options of these names."""

    key_points: int = attrs.field(default=DEFAULT_KEY_POINTS, validator=_COUNT)
    key_figures: int = attrs.field(default=DEFAULT_KEY_FIGURES, validator=_COUNT)
    commitments: int = attrs.field(default=DEFAULT_COMMITMENTS, validator=_COUNT)


@attrs.frozen(kw_only=True)
class Quote:
    """Verbatim text, who said it and where: ``location.text_in(transcript) == text``."""

    text: str
    speaker: Speaker
    location: Location
    #: Where a reader finds it in the source: ``line 26`` (or ``turn 3`` for a model built in code).
    where: str = ""


@attrs.frozen(kw_only=True)
class Point:
    """A key point (a verbatim sentence) and, when it answers a question, that question."""

    text: str
    speaker: Speaker
    location: Location
    #: Where a reader finds it in the source: ``line 26`` (or ``turn 3`` for a model built in code).
    where: str = ""
    rank: int
    question: Quote | None = None


@attrs.frozen(kw_only=True)
class DigestFigure:
    """A figure worth a reader's attention: ``subject`` is the noun phrase it is about (two words or more), or
    ``None``; ``refers_to`` is the subject or, without one, the clause it stands in (whole words)."""

    figure: Figure
    text: str
    normalised: str | None
    subject: str | None
    refers_to: str
    speaker: Speaker
    location: Location
    #: Where a reader finds it in the source: ``line 26`` (or ``turn 3`` for a model built in code).
    where: str = ""


@attrs.frozen(kw_only=True)
class DigestCommitment:
    """A decision or commitment: ``kind`` is a :class:`CommitmentKind` value, ``deadline`` its timing if stated."""

    text: str
    kind: str
    deadline: str | None
    speaker: Speaker
    location: Location
    #: Where a reader finds it in the source: ``line 26`` (or ``turn 3`` for a model built in code).
    where: str = ""


@attrs.frozen(kw_only=True)
class Digest:
    """One meeting's digest; every list in document order except ``points`` (rank order)."""

    title: str
    business: str | None
    bottom_line: tuple[str, ...]
    points: tuple[Point, ...]
    figures: tuple[DigestFigure, ...]
    commitments: tuple[DigestCommitment, ...]
    topics: tuple[str, ...]
    speakers: dict[str, Speaker] = attrs.field(eq=False)
    #: What the digest could not do for this transcript (e.g. English-only rules skipped).
    notes: tuple[str, ...] = ()

    def points_in_order(self) -> tuple[Point, ...]:
        """The points as the meeting went: how the summary and the briefing print them."""
        return tuple(sorted(self.points, key=lambda p: p.location))


def where(transcript: Transcript, location: Location) -> str:
    """The source lines of the paragraph holding ``location`` (``line 6``, ``lines 8-12``), or ``turn N`` for a
    model built in code. A wrapped paragraph is one text in the model, so its lines are given as a range."""
    return _where(transcript.turns, location)


def _where(turns: Sequence[Turn], location: Location) -> str:
    """:func:`where` with the transcript's turns listed once (``Transcript.turns`` builds the tuple each time)."""
    span = None
    if location.turn < len(turns):
        paragraphs = turns[location.turn].paragraphs
        if location.paragraph < len(paragraphs):
            span = paragraphs[location.paragraph].span
    if span is None:
        return f"turn {location.turn + 1}"
    return f"line {span.line}" if span.end_line <= span.line else f"lines {span.line}-{span.end_line}"


# -- figures ------------------------------------------------------------------

#: Which figures a reader wants first; kinds not listed (ordinals, bare years) are never key.
FIGURE_TIERS: dict[FigureKind, int] = {
    FigureKind.MONEY: 0,
    FigureKind.PERCENT: 0,
    FigureKind.FRACTION: 0,
    FigureKind.YEAR_RANGE: 1,
    FigureKind.DATE_RANGE: 1,
    FigureKind.DATE: 2,
    FigureKind.COUNT: 3,
}
MIN_COUNT = 100  # "four meetings" is colour; "1,500 jobs" is a figure
_SHOW_NORMALISED = {FigureKind.MONEY, FigureKind.PERCENT, FigureKind.FRACTION}
_WORD = re.compile(r"[^\W\d_]+")


def _informative(f: Figure) -> bool:
    if f.kind not in FIGURE_TIERS:
        return False
    if f.kind is FigureKind.COUNT:
        return f.value is not None and f.value >= MIN_COUNT
    if f.kind is FigureKind.MONEY:
        # "$1" read from "one dollar of debt" phrasing: an amount without digits and no larger than one.
        return f.value is not None and (f.value > 1 or any(ch.isdigit() for ch in f.text))
    return True


def _subject(f: Figure) -> str | None:
    if f.context is None:
        return None
    words = _WORD.findall(f.context)
    if len(words) < 2 or f.context.casefold() in f.text.casefold():
        return None
    return f.context


def _figure_key(f: Figure) -> str:
    normalised = f.normalised
    return f.text.casefold() if "XXXX" in normalised and f.kind is not FigureKind.DATE else normalised


def _figures(turns: Sequence[Turn], analysis: Analysis, names: dict[str, Speaker], limit: int) -> list[DigestFigure]:
    seen: set[str] = set()
    kept: list[Figure] = []
    for f in analysis.figures:  # each figure once, where first stated
        key = _figure_key(f)
        if _informative(f) and key not in seen:
            seen.add(key)
            kept.append(f)
    order = sorted(range(len(kept)), key=lambda i: (FIGURE_TIERS[kept[i].kind], _subject(kept[i]) is None, i))
    chosen = sorted(order[:limit])
    out = []
    for i in chosen:
        f = kept[i]
        subject = _subject(f)
        normalised = f.normalised if f.kind in _SHOW_NORMALISED and f.normalised != f.text else None
        out.append(
            DigestFigure(
                figure=f,
                text=f.text,
                normalised=normalised,
                subject=subject,
                refers_to=subject or f.excerpt or f.text,
                speaker=names[f.location.speaker],
                location=f.location,
                where=_where(turns, f.location),
            )
        )
    return out


# -- commitments --------------------------------------------------------------

COMMITMENT_PRIORITY: dict[CommitmentKind, int] = {
    CommitmentKind.DECISION: 0,
    CommitmentKind.COMMITMENT: 1,
    CommitmentKind.REQUEST: 2,
    CommitmentKind.INTENTION: 3,
    CommitmentKind.EXPECTATION: 4,
}
#: Kinds that bind whoever they name ("it was agreed", "I ask the ministry to"); the others must be the
#: speaker's own ("we will", "I intend"): "most people will have some Welsh" commits nobody.
_ANYONE = frozenset({CommitmentKind.DECISION, CommitmentKind.REQUEST})
_FIRST_PERSON = re.compile(r"\b(?:we|i|our|both|the\s+parties)\b", re.IGNORECASE)
_OWN_REACH = 40  # characters before the cue in which the speaker must name themselves ("our governments should")


def _own(c: Commitment) -> bool:
    """Whether the speaker commits themselves: a first person in the cue or just before it."""
    at = c.text.find(c.cue)
    before = c.text[max(0, at - _OWN_REACH) : max(0, at)] if at >= 0 else ""
    return _FIRST_PERSON.search(c.cue) is not None or _FIRST_PERSON.search(before) is not None


MIN_COMMITMENT_TERMS = 3  # "I'll try and remember each of them." names nothing to be done
MIN_COMMITMENT_WORDS = 6  # "We will." or "I will do that." commits to nothing a reader can check
_THROWAWAY = re.compile(
    r"\b(?:I\s+guess|write\s+(?:these|this|that)\s+down|I(?:'|’)ll\s+be\s+(?:quick|brief)|we(?:'|’)ll\s+see"
    r"|bear\s+with\s+me|let\s+me\s+(?:just\s+)?(?:check|see|find)|take\s+this\s+opportunity|repeat\s+the\s+question"
    r"|have\s+to\s+ask|must\s+(?:say|admit|reiterate|stress|emphasi[sz]e|confess)|(?:sharing|splitting|share|split)"
    r"\s+my\s+time)\b",
    re.IGNORECASE,
)


def _commitments(
    turns: Sequence[Turn], analysis: Analysis, names: dict[str, Speaker], chair: frozenset[str], limit: int
) -> list[DigestCommitment]:
    def keep(c: Commitment) -> bool:
        return (
            c.location.speaker not in chair
            and len(c.text.split()) >= MIN_COMMITMENT_WORDS
            and len(content_stems(_WORD.findall(c.text.lower()))) >= MIN_COMMITMENT_TERMS
            and not PROCEDURE.search(c.text)
            and not _THROWAWAY.search(c.text)
            and not leads_back(c.text)
            and (c.kind in _ANYONE or _own(c))  # "So the decision has been made about that." needs what came before
        )

    # The rules are checked in the order of preference, only until ``limit`` commitments pass them.
    found = analysis.commitments
    preferred = sorted(
        range(len(found)), key=lambda i: (COMMITMENT_PRIORITY[found[i].kind], found[i].deadline is None, i)
    )
    chosen = sorted(itertools.islice((i for i in preferred if keep(found[i])), min(limit, len(found))))
    return [
        DigestCommitment(
            text=c.text,
            kind=c.kind.value,
            deadline=c.deadline,
            speaker=names[c.location.speaker],
            location=c.location,
            where=_where(turns, c.location),
        )
        for c in (found[i] for i in chosen)
    ]


# -- points -------------------------------------------------------------------


def _question_before(turns: Sequence[Turn], point: KeySentence, names: dict[str, Speaker]) -> Quote | None:
    """The last question of the turn before the point's turn, when someone else asked it."""
    ti = point.location.turn
    if ti == 0 or point.location.paragraph > 0:
        return None
    before = turns[ti - 1]
    if before.speaker == point.location.speaker:
        return None
    units = [
        Unit(speaker=before.speaker, turn=ti - 1, paragraph=pi, text=p.text)
        for pi, p in enumerate(before.paragraphs)
        if not p.is_aside
    ]
    for s in reversed(sentences_of(units)):
        if s.text.rstrip("\"'”’) ").endswith("?"):
            return Quote(
                text=s.text, speaker=names[s.unit.speaker], location=s.location, where=_where(turns, s.location)
            )
    return None


# -- business and bottom line ---------------------------------------------------

_BODY = re.compile(
    r"(?:the\s+)?((?:[A-Z][\w'’-]*,?\s+(?:(?:and|of|on|for|the)\s+)*){0,8}"
    r"(?:Committee|Commission|Council|Assembly|Parliament|Senate)(?!\s+(?:Secretary|Member|Minister))"
    r"(?:\s+on\s+the\s+[A-Z][\w-]*(?:\s+[A-Z\d][\w-]*)*)?)"
)
_ITEM = re.compile(
    r"\b((?:post-legislative\s+)?(?:inquiry|evidence\s+session|scrutiny\s+session|scrutiny|session|study|hearing"
    r"|briefing|debate|consideration|report)\s+(?:with\s+[^,;.]{3,60}?\s+)?(?:on|into|of|for|about)\s+"
    r"[^;.]+?)(?=,\s+and\b|;|\.\s|\.$|,\s+(?:I|we)\b|$)",
    re.IGNORECASE,
)


def _business(
    transcript: Transcript, points: Sequence[Point], names: dict[str, Speaker], chair: frozenset[str]
) -> str | None:
    """One composed line: the body that meets, the business before it, who it heard (in order of words spoken)."""
    opening = [p.text for p in points if p.rank <= 2 and any(w >= 1 and c.search(p.text) for w, c in BUSINESS_CUES)]
    parts: list[str] = []
    bodies = [m.group(1).strip(" ,") for t in opening for m in _BODY.finditer(t)]
    # The committee that meets, before a council or commission that gives evidence to it.
    body = next((b for b in bodies if b.endswith("Committee") or " Committee " in b), bodies[0] if bodies else None)
    if body:
        parts.append(body)
    item = next((m.group(1).strip(" ,") for t in opening for m in [_ITEM.search(t)] if m), None)
    if item:
        parts.append(item[0].lower() + item[1:] if item[:1].isupper() and not item[1:2].isupper() else item)
    occasion = transcript.meeting.occasion
    if not parts and occasion:
        parts.append(occasion.rstrip("."))
    if not parts:
        parts.append(title_of(transcript))
    words = {s: n for s, n in split_words(transcript).items() if s not in chair}
    main = sorted(words, key=lambda s: -words[s])[:3]
    line = ": ".join(parts[:2]) if len(parts) > 1 else parts[0]
    if main:
        line += "; main speakers " + ", ".join(names[s].shown for s in main)
    return line.rstrip(".") + "."


def _bottom_line(
    figures: Sequence[DigestFigure], commitments: Sequence[DigestCommitment], topics: Sequence[str]
) -> tuple[str, ...]:
    """Two or three composed sentences from the digest itself: topics, the firmest commitment, the leading figures."""
    out: list[str] = []
    subjects = [t for t in topics if not set(t.split()) & _ROLE_WORDS]
    # "cooperation" says nothing "trade and economic cooperation" does not.
    subjects = [t for t in subjects if not any(t != o and f" {t} " in f" {o} " for o in subjects)]
    if subjects:
        shown = subjects[:3]
        out.append(
            "The discussion centred on "
            + (", ".join(shown[:-1]) + " and " + shown[-1] if len(shown) > 1 else shown[0])
            + "."
        )
    firm_kinds = (CommitmentKind.DECISION.value, CommitmentKind.COMMITMENT.value)
    firm_ones = [c for c in commitments if c.kind in firm_kinds and len(c.text.split()) >= 10]
    if firm_ones:
        firm = min(firm_ones, key=lambda c: (COMMITMENT_PRIORITY[CommitmentKind(c.kind)], c.deadline is None))
        said = " ".join(firm.text.split())
        if len(said.split()) > 30:
            said = " ".join(said.split()[:30]) + " …"
        out.append(
            f"{len(commitments)} commitment{'s' * (len(commitments) != 1)} or decisions noted; "
            f"{firm.speaker.name}: “{said}”"
        )
    amounts = [f for f in figures if f.figure.kind in (FigureKind.MONEY, FigureKind.PERCENT, FigureKind.FRACTION)]
    if amounts:
        cited = [f.text + (f" ({f.subject})" if f.subject else "") for f in amounts[:2]]
        out.append("Figures cited include " + " and ".join(cited) + ".")
    return tuple(out[:3])


#: Words of who speaks, not of what about: never a topic of the bottom line.
_ROLE_WORDS = frozenset("chair chairman minister ministers member members committee colleague colleagues".split())


# -- the digest ----------------------------------------------------------------


def digest(transcript: Transcript, *, options: DigestOptions | None = None, analysis: Analysis | None = None) -> Digest:
    """The digest of ``transcript``; pass ``analysis`` when it was run already, with at least ``key_points`` key
    sentences (the ranking is greedy: the first ``key_points`` are the same however many were asked for)."""
    from stenogram.analysis import analyse  # the package's entry point imports this module

    opts = options or DigestOptions()
    a = analysis if analysis is not None else analyse(transcript, options=AnalysisOptions(key_sentences=RANKED))
    names = display_names(transcript)
    chair = chair_of(transcript).chair
    turns = transcript.turns
    ranked = sorted(a.key_sentences, key=lambda k: k.rank)[: opts.key_points]
    points = tuple(
        Point(
            text=k.text,
            speaker=names[k.location.speaker],
            location=k.location,
            rank=k.rank,
            where=_where(turns, k.location),
            question=_question_before(turns, k, names),
        )
        for k in ranked
    )
    figures = tuple(_figures(turns, a, names, opts.key_figures))
    commitments = tuple(_commitments(turns, a, names, chair, opts.commitments))
    topics = tuple(t.phrase for t in a.topics[:10])
    notes: list[str] = []
    if not english_rules_apply(transcript):
        notes.append("the transcript is not in English: English-only rules (procedure, business line) were skipped")
    return Digest(
        title=title_of(transcript),
        business=_business(transcript, points, names, chair),
        bottom_line=_bottom_line(figures, commitments, topics),
        points=points,
        figures=figures,
        commitments=commitments,
        topics=topics,
        speakers=names,
        notes=tuple(notes),
    )
