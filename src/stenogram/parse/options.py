"""The parser's options, frozen so a parse is a pure function of text and options."""

from __future__ import annotations

import attrs

__all__ = ["ParseOptions"]


@attrs.frozen(kw_only=True)
class ParseOptions:
    """How to parse. Every field has a default that suits published transcripts."""

    strict: bool = False  # raise StrictModeError if the parser had to guess
    # Whole-line stage directions and editorial asides inside a turn, "(Applause.)" or
    # "(The Minister went on to talk about …)", become Notes. False keeps them as paragraphs
    # of the turn, marked as stage directions from end to end, for tools that count every
    # printed paragraph as speech (the fidelity scorer's truth does).
    stage_notes: bool = True
