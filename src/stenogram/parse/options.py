"""The parser's options, frozen so a parse is a pure function of text and options."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Literal

import attrs

__all__ = ["ParseOptions"]


def _tuple(value: Iterable[Any]) -> tuple[Any, ...]:
    """``tuple`` as a Python function: attrs reads a builtin's signature by tokenizing it, a start-up cost."""
    return tuple(value)


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

    For the transcripts a learned label grammar still gets wrong, users steer
    it: ``separators`` names the label separators the document uses (only
    those open turns, and a dash needs no second occurrence); ``speakers``
    lists names or labels that open a turn wherever a line starts with one
    and a separator; ``label_lines`` and ``text_lines`` are 1-based line
    numbers whose label candidate is taken, or read as text, whatever the
    grammar says.
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
    separators: tuple[Literal["colon", "dash"], ...] = attrs.field(
        default=(),
        converter=_tuple,
        metadata={"help": "the label separators the document uses (default: learned from the document)"},
    )
    speakers: tuple[str, ...] = attrs.field(
        default=(),
        converter=_tuple,
        metadata={"help": "names or labels that always open a turn when a line starts with one and a separator"},
    )
    label_lines: tuple[int, ...] = attrs.field(
        default=(), converter=_tuple, metadata={"help": "line numbers whose label candidate always opens a turn"}
    )
    text_lines: tuple[int, ...] = attrs.field(
        default=(), converter=_tuple, metadata={"help": "line numbers that are never a label"}
    )
