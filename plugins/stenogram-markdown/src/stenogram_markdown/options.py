"""The Markdown exporter's options: frozen, every field with a default."""

from __future__ import annotations

from typing import Literal

import attrs

__all__ = ["MarkdownOptions"]


@attrs.frozen(kw_only=True)
class MarkdownOptions:
    """How the Markdown document looks; ``stenogram convert --set name=value`` sets one."""

    heading_level: int = attrs.field(
        default=1,
        validator=[attrs.validators.instance_of(int), attrs.validators.in_(range(1, 5))],
        metadata={"help": "level of the title heading (1-4); sections go one and two deeper"},
    )
    include_metadata: bool = attrs.field(default=True, metadata={"help": "list date, place, source and the like"})
    include_participants: bool = attrs.field(default=True, metadata={"help": "a Participants section"})
    include_preamble: bool = attrs.field(default=True, metadata={"help": "the text before the first speaker"})
    include_notes: bool = attrs.field(
        default=True, metadata={"help": "notes: stage directions, omissions, separators, sections"}
    )
    speaker: Literal["label", "name"] = attrs.field(
        default="label",
        validator=attrs.validators.in_(("label", "name")),
        metadata={"help": "show each turn's label as printed, or the participant's name"},
    )
