"""The parser's options, frozen so a parse is a pure function of text and options."""

from __future__ import annotations

import attrs

__all__ = ["ParseOptions"]


@attrs.frozen(kw_only=True)
class ParseOptions:
    """How to parse. Every field has a default that suits published transcripts.

    ``stage_notes``: whole-line stage directions and editorial asides inside a
    turn, "(Applause.)" or "(The Minister went on to talk about …)", stay
    paragraphs of the turn where the publisher printed them, marked end to end
    (``Paragraph.is_aside``); True lifts them out of the paragraph flow as Notes.

    ``annotated_labels``: "Name (retranslated):" after the first turn of running
    (not blank-line separated) text stays text of the running turn, as
    kremlin.ru prints it (outside the bold of its speaker labels), with an
    "annotated-label" diagnostic; True opens a turn with the annotation on it
    and the name without it.
    """

    strict: bool = attrs.field(
        default=False, metadata={"help": "stop with an error if the parser had to guess (any diagnostic)"}
    )
    stage_notes: bool = attrs.field(
        default=False, metadata={"help": "asides inside a turn, such as (Applause.), become notes, not paragraphs"}
    )
    annotated_labels: bool = attrs.field(
        default=False, metadata={"help": "'Name (retranslated):' inside a turn of running text opens a turn"}
    )
