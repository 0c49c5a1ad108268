"""The parser's options, frozen so a parse is a pure function of text and options."""

from __future__ import annotations

import attrs

__all__ = ["ParseOptions"]


@attrs.frozen(kw_only=True)
class ParseOptions:
    """How to parse. Every field has a default that suits published transcripts."""

    strict: bool = False  # raise StrictModeError if the parser had to guess
