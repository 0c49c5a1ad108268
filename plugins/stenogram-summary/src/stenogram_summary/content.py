"""What the summary says: the analysis chosen and ordered for a reader, before any layout.

Each section is a list of small blocks (fields, bullets, lines); the renderers
in ``render.py`` lay them out as plain text or Markdown. Nothing here counts
or ranks anything itself: numbers come from ``stenogram.analysis``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import TypeVar

import attrs

from stenogram import Paragraph, Transcript
from stenogram.analysis import (
    Analysis,
    Commitment,
    CommitmentKind,
    Figure,
    FigureKind,
    MentionKind,
    SpeakerStats,
)
from stenogram_summary.options import SECTIONS, Section, SummaryOptions

__all__ = ["Bullet", "Field", "Line", "SectionContent", "build"]

_T = TypeVar("_T")
_MONTHS = "January February March April May June July August September October November December".split()
#: Which figures a short summary keeps first: money and rates before dates and counts.
FIGURE_PRIORITY = {
    FigureKind.MONEY: 0,
    FigureKind.PERCENT: 1,
    FigureKind.FRACTION: 2,
    FigureKind.COUNT: 3,
    FigureKind.DATE_RANGE: 4,
    FigureKind.YEAR_RANGE: 5,
    FigureKind.DATE: 6,
    FigureKind.ORDINAL: 7,
    FigureKind.YEAR: 8,
}
COMMITMENT_PRIORITY = {
    CommitmentKind.DECISION: 0,
    CommitmentKind.COMMITMENT: 1,
    CommitmentKind.REQUEST: 2,
    CommitmentKind.INTENTION: 3,
    CommitmentKind.EXPECTATION: 4,
}
SECTION_TITLES: dict[Section, str] = {
    "header": "",
    "participants": "Participants",
    "key_points": "Key points",
    "key_figures": "Key figures",
    "commitments": "Commitments and decisions",
    "topics": "Topics",
    "mentions": "Mentioned",
}


@attrs.frozen(kw_only=True)
class Field:
    """``label: value``, as in the header."""

    label: str
    value: str


@attrs.frozen(kw_only=True)
class Bullet:
    """One list item; ``lead`` (a speaker, a kind) is set off from ``text``."""

    text: str
    lead: str | None = None


@attrs.frozen(kw_only=True)
class Line:
    """A plain sentence, such as "None found."."""

    text: str


Block = Field | Bullet | Line


@attrs.frozen(kw_only=True)
class SectionContent:
    name: Section
    title: str
    blocks: tuple[Block, ...]


def _date(d: dt.date) -> str:
    return f"{d.day} {_MONTHS[d.month - 1]} {d.year}"


def _names(transcript: Transcript) -> dict[str, str]:
    names = {p.id: p.name for p in transcript.participants}
    for turn in transcript.turns:
        names.setdefault(turn.speaker, turn.label or turn.speaker)
    return names


def _header(transcript: Transcript, analysis: Analysis, options: SummaryOptions) -> list[Block]:
    m = transcript.meeting
    fields: list[Block] = []
    if m.date is not None:
        fields.append(Field(label="Date", value=_date(m.date) + (f", {m.time}" if m.time else "")))
    if m.place:
        fields.append(Field(label="Place", value=m.place))
    if m.occasion:
        fields.append(Field(label="Occasion", value=m.occasion))
    if m.lead:
        fields.append(Field(label="Summary", value=m.lead))
    preamble = [b.text for b in transcript.preamble if isinstance(b, Paragraph) and b.text not in (m.occasion, m.lead)]
    if preamble:
        fields.append(Field(label="Context", value=" ".join(preamble[:2])))
    turns = len(transcript.turns)
    speakers = sum(1 for s in analysis.speakers if s.turns)
    extent = (
        f"{analysis.words:,} words in {turns} turn{'s' * (turns != 1)} by {speakers} speaker{'s' * (speakers != 1)}"
    )
    if m.is_excerpt:
        extent += " (excerpts only)"
    fields.append(Field(label="Record", value=extent))
    if m.source:
        fields.append(Field(label="Source", value=m.source))
    return fields


def _participants(transcript: Transcript, analysis: Analysis, options: SummaryOptions) -> list[Block]:
    """Everyone, in order of appearance; in a crowded room only those who spoke most, and a count of the rest."""
    out: list[Block] = []
    speakers = list(analysis.speakers)
    rest: list[SpeakerStats] = []
    if len(speakers) > options.max_participants:
        by_words = sorted(range(len(speakers)), key=lambda i: (-speakers[i].words, i))
        keep = set(by_words[: options.max_participants - 1])
        rest = [s for i, s in enumerate(speakers) if i not in keep]
        speakers = [s for i, s in enumerate(speakers) if i in keep]
    for s in speakers:
        if s.turns == 0:
            text = "did not speak"
        else:
            text = f"{round(s.share * 100)}% of the words, {s.turns} turn{'s' * (s.turns != 1)}"
        out.append(Bullet(lead=s.name + (f", {s.role}" if s.role else ""), text=text))
    if rest:
        share = round(sum(s.share for s in rest) * 100)
        out.append(Bullet(text=f"{len(rest)} others: {share}% of the words, {sum(s.turns for s in rest)} turns"))
    return out or [Line(text="No speakers.")]


def _key_points(transcript: Transcript, analysis: Analysis, options: SummaryOptions) -> list[Block]:
    names = _names(transcript)
    chosen = sorted(analysis.key_sentences, key=lambda k: k.rank)[: options.max_points]
    chosen.sort(key=lambda k: k.location)
    return [Bullet(lead=names.get(k.location.speaker, k.location.speaker), text=k.text) for k in chosen] or [
        Line(text="No key points found.")
    ]


def _figure_label(f: Figure) -> str:
    """``$25 billion (25,000,000,000 USD), bilateral trade``: the figure, its value, what it is about."""
    shown = f.text
    normalised = f.normalised
    squeezed = shown.replace(" ", "").replace("-", "").lower()
    if (
        "XXXX" not in normalised
        and f.kind not in (FigureKind.COUNT, FigureKind.ORDINAL)
        and normalised.replace(" ", "").replace("-", "").lower() not in squeezed
    ):
        shown += f" ({normalised})"
    if f.context and f.context.lower() not in f.text.lower() and f.context.lower() not in f.excerpt.lower():
        shown += f", {f.context}"
    return shown


def _figures_text(group: Sequence[Figure]) -> str:
    """Figures stated in one clause, then the clause: ``9.5 percent (9.5%); 2021: “it increased …”``."""
    text = "; ".join(_figure_label(f) for f in group)
    excerpt = group[0].excerpt
    if excerpt and excerpt != group[0].text:
        text += f": “{excerpt}”"
    return text


def _top(items: Sequence[_T], priority: Callable[[_T], int], limit: int) -> list[int]:
    """The indexes of the ``limit`` items of best priority, in document (list) order."""
    ranked = sorted(range(len(items)), key=lambda i: (priority(items[i]), i))[:limit]
    return sorted(ranked)


_AMOUNTS = (FigureKind.MONEY, FigureKind.PERCENT, FigureKind.FRACTION)


def _round_robin(queues: dict[FigureKind, list[int]], kinds: Sequence[FigureKind], limit: int) -> list[int]:
    chosen: list[int] = []
    while len(chosen) < limit and any(queues.get(k) for k in kinds):
        for kind in kinds:
            if queues.get(kind) and len(chosen) < limit:
                chosen.append(queues[kind].pop(0))
    return chosen


def _spread(figures: Sequence[Figure], limit: int) -> list[int]:
    """Indexes of ``limit`` figures: two thirds amounts (money, rates, fractions), the rest dates and counts.

    Within each tier kinds take turns, and figures whose subject is known go first, so a long press
    conference that quotes dozens of sums still shows its growth rates and its dates. Document order.
    """
    queues: dict[FigureKind, list[int]] = {}
    for i in sorted(range(len(figures)), key=lambda i: (figures[i].context is None, i)):
        queues.setdefault(figures[i].kind, []).append(i)
    others = sorted((k for k in queues if k not in _AMOUNTS), key=lambda k: FIGURE_PRIORITY[k])
    chosen = _round_robin(queues, _AMOUNTS, limit - limit // 3)
    chosen += _round_robin(queues, others, limit - len(chosen))
    chosen += _round_robin(queues, _AMOUNTS, limit - len(chosen))  # when there were few dates and counts
    return sorted(chosen)


def _key_figures(transcript: Transcript, analysis: Analysis, options: SummaryOptions) -> list[Block]:
    names = _names(transcript)
    seen: set[tuple[str, str]] = set()
    figures: list[Figure] = []
    for f in analysis.figures:  # a figure one speaker repeats is shown once, where first said
        key = (f.normalised if "XXXX" not in f.normalised else f.text.lower(), f.location.speaker)
        if key not in seen:
            seen.add(key)
            figures.append(f)
    kept = [figures[i] for i in _spread(figures, options.max_figures)]
    # Figures one speaker stated in the same clause share one bullet.
    groups: list[list[Figure]] = []
    for f in kept:
        last = groups[-1][-1] if groups else None
        if last is not None and last.location.speaker == f.location.speaker and last.excerpt == f.excerpt:
            groups[-1].append(f)
        else:
            groups.append([f])
    return [
        Bullet(lead=names.get(g[0].location.speaker, g[0].location.speaker), text=_figures_text(g)) for g in groups
    ] or [Line(text="No figures stated.")]


def _commitment_text(c: Commitment) -> str:
    text = f"[{c.kind.value}] {c.text}"
    if c.deadline:
        text += f" [timing: {c.deadline}]"
    return text


def _commitments(transcript: Transcript, analysis: Analysis, options: SummaryOptions) -> list[Block]:
    names = _names(transcript)
    items = analysis.commitments
    keep = _top(items, lambda c: COMMITMENT_PRIORITY[c.kind], options.max_commitments)
    return [
        Bullet(lead=names.get(items[i].location.speaker, items[i].location.speaker), text=_commitment_text(items[i]))
        for i in keep
    ] or [Line(text="No commitments or decisions found.")]


def _topics(transcript: Transcript, analysis: Analysis, options: SummaryOptions) -> list[Block]:
    phrases = [t.phrase for t in analysis.topics[: options.max_topics]]
    return [Line(text=", ".join(phrases) + ".")] if phrases else [Line(text="No recurring topics found.")]


_MENTION_LABELS = (
    (MentionKind.PERSON, False, "People"),
    (MentionKind.PERSON, True, "Participants named"),
    (MentionKind.PLACE, False, "Places"),
    (MentionKind.ORGANISATION, False, "Organisations"),
)


def _mentions(transcript: Transcript, analysis: Analysis, options: SummaryOptions) -> list[Block]:
    out: list[Block] = []
    for kind, linked, label in _MENTION_LABELS:
        counts: dict[str, int] = {}
        for m in analysis.mentions:
            if m.kind is kind and (m.participant is not None) == linked:
                counts[m.name] = counts.get(m.name, 0) + 1
        if counts:
            # Most often first; equal counts in order of first mention (dicts keep insertion order).
            order = sorted(counts, key=lambda name: -counts[name])
            names = [f"{name} ({counts[name]})" if counts[name] > 1 else name for name in order]
            shown = ", ".join(names[: options.max_mentions])
            if len(names) > options.max_mentions:
                shown += f" and {len(names) - options.max_mentions} more"
            out.append(Field(label=label, value=shown))
    return out or [Line(text="No names found.")]


_BUILDERS: dict[Section, Callable[[Transcript, Analysis, SummaryOptions], list[Block]]] = {
    "header": _header,
    "participants": _participants,
    "key_points": _key_points,
    "key_figures": _key_figures,
    "commitments": _commitments,
    "topics": _topics,
    "mentions": _mentions,
}


def build(transcript: Transcript, analysis: Analysis, options: SummaryOptions) -> list[SectionContent]:
    """The chosen sections, always in the summary's own order, whatever order ``options.sections`` lists."""
    return [
        SectionContent(
            name=name, title=SECTION_TITLES[name], blocks=tuple(_BUILDERS[name](transcript, analysis, options))
        )
        for name in SECTIONS
        if name in options.sections
    ]
