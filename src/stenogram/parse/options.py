"""The parser's options, frozen so a parse is a pure function of text and options."""

from __future__ import annotations

import attrs

__all__ = ["ParseOptions"]


@attrs.frozen(kw_only=True)
class ParseOptions:
    """How to parse. Every field has a default that suits published transcripts."""

    strict: bool = False  # raise StrictModeError if the parser had to guess
    # Whole-line stage directions and editorial asides inside a turn, "(Applause.)" or
    # "(The Minister went on to talk about …)", stay paragraphs of the turn where the
    # publisher printed them, marked from end to end (Paragraph.is_aside). True lifts
    # them out of the paragraph flow as Notes.
    stage_notes: bool = False
    # "Name (retranslated):" after the first turn of running (not blank-line separated) text:
    # False keeps it as text of the running turn, as kremlin.ru prints it (outside the bold of
    # its speaker labels), with an "annotated-label" diagnostic; True opens a turn with the
    # annotation on it and the name without it.
    annotated_labels: bool = False
