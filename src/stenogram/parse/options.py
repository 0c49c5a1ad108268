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

    ``annotated_labels``: "Name (retranslated):" opens a turn with the
    annotation on it and the participant's name without it: a change of
    speaker is a turn, even where kremlin.ru prints the label outside its bold.
    False keeps such a line after the first turn of running (not blank-line
    separated) text as text of the running turn, with an "annotated-label"
    diagnostic (the reading of stenogram 0.1).
    """

    strict: bool = attrs.field(
        default=False, metadata={"help": "stop with an error if the parser had to guess (any diagnostic)"}
    )
    stage_notes: bool = attrs.field(
        default=False, metadata={"help": "asides inside a turn, such as (Applause.), become notes, not paragraphs"}
    )
    annotated_labels: bool = attrs.field(
        default=True,
        metadata={"help": "'Name (retranslated):' opens a turn (false: text of the running turn, as in 0.1)"},
    )
