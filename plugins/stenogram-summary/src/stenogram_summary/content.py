"""What the summary says: the analysis chosen and ordered for a reader, before any layout.

Each section is a list of small blocks (fields, bullets, lines); the renderers
in ``render.py`` lay them out as plain text or Markdown. Nothing here counts,
ranks or picks anything itself: what is key comes from the digest
(:func:`stenogram.analysis.digest`), the same one the DOCX briefing lays out.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import TypeVar

import attrs

from stenogram import Paragraph, Transcript
from stenogram.analysis import (
    Analysis,
    Digest,
    DigestCommitment,
    DigestFigure,
    FigureKind,
    MentionKind,
    SpeakerStats,
)
from stenogram.lexicon import MONTH_NAMES
from stenogram_summary.options import SECTIONS, Section, SummaryOptions

__all__ = ["Bullet", "Field", "Line", "SectionContent", "build"]

_T = TypeVar("_T")
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
    return f"{d.day} {MONTH_NAMES[d.month - 1]} {d.year}"


def _header(transcript: Transcript, analysis: Analysis, d: Digest, options: SummaryOptions) -> list[Block]:
    m = transcript.meeting
    fields: list[Block] = []
    if d.business:
        fields.append(Field(label="Business", value=d.business))
    if d.bottom_line:
        fields.append(Field(label="Bottom line", value=" ".join(d.bottom_line)))
    if m.date is not None:
        fields.append(Field(label="Date", value=_date(m.date) + (f", {m.time}" if m.time else "")))
    if m.place:
        fields.append(Field(label="Place", value=m.place))
    if m.occasion and not (d.business or "").startswith(m.occasion.rstrip(".")):  # said once, not twice
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


def _participants(transcript: Transcript, analysis: Analysis, d: Digest, options: SummaryOptions) -> list[Block]:
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
        shown = d.speakers.get(s.participant)
        name, role = (shown.name, shown.role) if shown is not None else (s.name, s.role)
        out.append(Bullet(lead=name + (f", {role}" if role else ""), text=text))
    if rest:
        share = round(sum(s.share for s in rest) * 100)
        out.append(Bullet(text=f"{len(rest)} others: {share}% of the words, {sum(s.turns for s in rest)} turns"))
    return out or [Line(text="No speakers.")]


def _key_points(transcript: Transcript, analysis: Analysis, d: Digest, options: SummaryOptions) -> list[Block]:
    out: list[Block] = []
    for p in d.points_in_order():
        text = p.text
        if p.question is not None:
            text += f" (answering {p.question.speaker.name}: “{p.question.text}”)"
        out.append(Bullet(lead=p.speaker.name, text=f"{text} [{p.where}]"))
    return out or [Line(text="No key points found.")]


def _figure_label(d: DigestFigure) -> str:
    """``$25 billion (25,000,000,000 USD), bilateral trade``: the figure, its value, what it is about."""
    f = d.figure
    shown = f.text
    normalised = f.normalised
    squeezed = shown.replace(" ", "").replace("-", "").lower()
    if (
        "XXXX" not in normalised
        and f.kind not in (FigureKind.COUNT, FigureKind.ORDINAL)
        and normalised.replace(" ", "").replace("-", "").lower() not in squeezed
    ):
        shown += f" ({normalised})"
    if d.subject and d.subject.lower() not in f.excerpt.lower():
        shown += f", {d.subject}"
    return shown


def _figures_text(group: Sequence[DigestFigure]) -> str:
    """Figures stated in one clause, then the clause: ``9.5 percent (9.5%); 2021: “it increased …”``."""
    text = "; ".join(_figure_label(f) for f in group)
    excerpt = group[0].figure.excerpt
    if excerpt and excerpt != group[0].text:
        text += f": “{excerpt}”"
    return text + f" [{group[0].where}]"


def _key_figures(transcript: Transcript, analysis: Analysis, d: Digest, options: SummaryOptions) -> list[Block]:
    # Figures one speaker stated in the same clause share one bullet.
    groups: list[list[DigestFigure]] = []
    for f in d.figures:
        last = groups[-1][-1] if groups else None
        if last is not None and last.location.speaker == f.location.speaker and last.figure.excerpt == f.figure.excerpt:
            groups[-1].append(f)
        else:
            groups.append([f])
    return [Bullet(lead=g[0].speaker.name, text=_figures_text(g)) for g in groups] or [Line(text="No figures stated.")]


def _commitment_text(c: DigestCommitment) -> str:
    text = f"[{c.kind}] {c.text}"
    if c.deadline:
        text += f" [timing: {c.deadline}]"
    return text + f" [{c.where}]"


def _commitments(transcript: Transcript, analysis: Analysis, d: Digest, options: SummaryOptions) -> list[Block]:
    return [Bullet(lead=c.speaker.name, text=_commitment_text(c)) for c in d.commitments] or [
        Line(text="No commitments or decisions found.")
    ]


def _topics(transcript: Transcript, analysis: Analysis, d: Digest, options: SummaryOptions) -> list[Block]:
    phrases = [t.phrase for t in analysis.topics[: options.max_topics]]
    return [Line(text=", ".join(phrases) + ".")] if phrases else [Line(text="No recurring topics found.")]


_MENTION_LABELS = (
    (MentionKind.PERSON, False, "People"),
    (MentionKind.PERSON, True, "Participants named"),
    (MentionKind.PLACE, False, "Places"),
    (MentionKind.ORGANISATION, False, "Organisations"),
)


def _mentions(transcript: Transcript, analysis: Analysis, d: Digest, options: SummaryOptions) -> list[Block]:
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


_BUILDERS: dict[Section, Callable[[Transcript, Analysis, Digest, SummaryOptions], list[Block]]] = {
    "header": _header,
    "participants": _participants,
    "key_points": _key_points,
    "key_figures": _key_figures,
    "commitments": _commitments,
    "topics": _topics,
    "mentions": _mentions,
}


def build(transcript: Transcript, analysis: Analysis, d: Digest, options: SummaryOptions) -> list[SectionContent]:
    """The chosen sections, always in the summary's own order, whatever order ``options.sections`` lists."""
    return [
        SectionContent(
            name=name, title=SECTION_TITLES[name], blocks=tuple(_BUILDERS[name](transcript, analysis, d, options))
        )
        for name in SECTIONS
        if name in options.sections
    ]
