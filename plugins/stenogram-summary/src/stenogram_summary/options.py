"""The summary exporter's options: frozen, every field with a default."""

from __future__ import annotations

from typing import Literal, TypeAlias

import attrs

from stenogram.analysis.digest import DEFAULT_COMMITMENTS, DEFAULT_KEY_FIGURES, DEFAULT_KEY_POINTS

__all__ = ["SECTIONS", "Section", "SummaryOptions"]

Section: TypeAlias = Literal["header", "participants", "key_points", "key_figures", "commitments", "topics", "mentions"]
#: Every section, in the order the summary prints them.
SECTIONS: tuple[Section, ...] = (
    "header",
    "participants",
    "key_points",
    "key_figures",
    "commitments",
    "topics",
    "mentions",
)


def _known_sections(
    instance: object, attribute: attrs.Attribute[tuple[Section, ...]], value: tuple[Section, ...]
) -> None:
    if not value:
        raise ValueError(f"give at least one section of: {', '.join(SECTIONS)}")
    unknown = [s for s in value if s not in SECTIONS]
    if unknown:
        raise ValueError(f"unknown section(s) {', '.join(map(repr, unknown))}; sections: {', '.join(SECTIONS)}")


_COUNT = [attrs.validators.instance_of(int), attrs.validators.ge(0)]


@attrs.frozen(kw_only=True)
class SummaryOptions:
    """How the summary looks; ``stenogram convert --set name=value`` sets one.

    ``key_points``, ``key_figures`` and ``commitments`` are the digest's options
    (:class:`stenogram.analysis.DigestOptions`): same names and defaults as the DOCX briefing's.
    """

    format: Literal["text", "markdown"] = attrs.field(
        default="text",
        validator=attrs.validators.in_(("text", "markdown")),
        metadata={"help": "text: plain text; markdown: CommonMark with headings and lists"},
    )
    width: int = attrs.field(
        default=72,
        validator=[attrs.validators.instance_of(int), attrs.validators.ge(30)],
        metadata={"help": "wrap lines at this many columns (at least 30)"},
    )
    key_points: int = attrs.field(default=DEFAULT_KEY_POINTS, validator=_COUNT, metadata={"help": "key points shown"})
    max_participants: int = attrs.field(
        default=12,
        validator=[attrs.validators.instance_of(int), attrs.validators.ge(2)],
        metadata={"help": "participants listed; beyond this, those who spoke least are counted together"},
    )
    key_figures: int = attrs.field(
        default=DEFAULT_KEY_FIGURES, validator=_COUNT, metadata={"help": "key figures shown"}
    )
    commitments: int = attrs.field(
        default=DEFAULT_COMMITMENTS, validator=_COUNT, metadata={"help": "commitments and decisions shown"}
    )
    max_topics: int = attrs.field(default=10, validator=_COUNT, metadata={"help": "topics shown"})
    max_mentions: int = attrs.field(
        default=12, validator=_COUNT, metadata={"help": "names shown of each kind, most mentioned first"}
    )
    sections: tuple[Section, ...] = attrs.field(
        default=SECTIONS,
        validator=_known_sections,
        metadata={"help": "sections to print, comma-separated, in the summary's fixed order"},
    )
