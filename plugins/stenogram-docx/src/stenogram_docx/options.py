"""What a briefing contains and how it is marked: one frozen options class."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

import attrs

from stenogram.analysis.digest import DEFAULT_COMMITMENTS, DEFAULT_KEY_FIGURES, DEFAULT_KEY_POINTS
from stenogram.errors import OptionError

__all__ = ["ALL_SECTIONS", "BriefingOptions", "Section"]

Section = Literal["title", "purpose", "participants", "key_points", "key_figures", "commitments", "topics", "annex"]
#: Every section, in the order a briefing note puts them.
ALL_SECTIONS: tuple[Section, ...] = (
    "title",
    "purpose",
    "participants",
    "key_points",
    "key_figures",
    "commitments",
    "topics",
    "annex",
)


def _sections(value: object) -> tuple[Section, ...]:
    items = (value,) if isinstance(value, str) else value
    if not isinstance(items, (tuple, list)):
        raise OptionError(f"sections must be a list of section names, not {value!r}")
    unknown = [s for s in items if s not in ALL_SECTIONS]
    if unknown:
        raise OptionError(
            f"unknown briefing section(s) {', '.join(map(repr, unknown))}; sections: {', '.join(ALL_SECTIONS)}"
        )
    return tuple(s for s in ALL_SECTIONS if s in items)


def _optional_path(value: str | os.PathLike[str] | None) -> Path | None:
    return None if value is None else Path(value)


def _at_least_zero(instance: object, attribute: attrs.Attribute[int], value: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise OptionError(f"option {attribute.name!r} must be a whole number >= 0, not {value!r}")


@attrs.frozen(kw_only=True)
class BriefingOptions:
    """Options of the ``docx`` exporter and of :func:`stenogram_docx.build_briefing`.

    ``sections`` are kept in briefing order whatever order they are given in.
    ``marking`` (``OFFICIAL``, ``OFFICIAL-SENSITIVE`` ...) goes in the title
    block, the header and the footer. ``purpose`` replaces the default purpose
    line. ``title`` replaces the meeting title (for a pack: the pack's title).
    ``key_points``, ``key_figures`` and ``commitments`` are the digest's options
    (:class:`stenogram.analysis.DigestOptions`), with the summary's names and defaults.
    ``template`` is a reference DOCX whose styles, page set-up and theme are
    used, as with pandoc's ``--reference-doc``.
    """

    sections: tuple[Section, ...] = attrs.field(
        default=ALL_SECTIONS, converter=_sections, metadata={"help": "sections to include, comma-separated"}
    )
    marking: str | None = attrs.field(
        default=None, metadata={"help": "protective marking for the title block, header and footer"}
    )
    purpose: str | None = attrs.field(default=None, metadata={"help": "replaces the default purpose line"})
    title: str | None = attrs.field(default=None, metadata={"help": "replaces the meeting title"})
    author: str = attrs.field(default="stenogram", metadata={"help": "the document's author property"})
    key_points: int = attrs.field(
        default=DEFAULT_KEY_POINTS, validator=_at_least_zero, metadata={"help": "key points at most"}
    )
    key_figures: int = attrs.field(
        default=DEFAULT_KEY_FIGURES, validator=_at_least_zero, metadata={"help": "key figures at most"}
    )
    commitments: int = attrs.field(
        default=DEFAULT_COMMITMENTS, validator=_at_least_zero, metadata={"help": "commitments and decisions at most"}
    )
    template: Path | None = attrs.field(
        default=None,
        converter=_optional_path,
        metadata={"help": "a reference DOCX whose styles and page set-up are used"},
    )
