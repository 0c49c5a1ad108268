"""Plain text -> Transcript, as a pipeline of small stages (see docs/parser.md)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import attrs

from stenogram.errors import EmptyInputError, ReadError, StrictModeError
from stenogram.model import Transcript
from stenogram.parse.build import build_transcript
from stenogram.parse.decode import decode, normalise_newlines
from stenogram.parse.options import ParseOptions

__all__ = ["ParseOptions", "parse", "parse_bytes", "parse_file"]


def _options(options: ParseOptions | None, overrides: dict[str, Any]) -> ParseOptions:
    return attrs.evolve(options or ParseOptions(), **overrides)


def parse(text: str, *, options: ParseOptions | None = None, source: str | None = None, **overrides: Any) -> Transcript:
    """Parse a plain-text transcript held in a string."""
    opts = _options(options, overrides)
    text = normalise_newlines(text)
    if not text.strip():
        raise EmptyInputError("the input holds no text", file=source)
    t = build_transcript(text, start=0, options=opts)
    if opts.strict and t.diagnostics:
        raise StrictModeError("the parser had to guess", diagnostics=t.diagnostics, file=source)
    return t


def parse_bytes(data: bytes, *, encoding: str | None = None, source: str | None = None, **overrides: Any) -> Transcript:
    return parse(decode(data, encoding, source=source), source=source, **overrides)


def parse_file(path: str | os.PathLike[str], *, encoding: str | None = None, **overrides: Any) -> Transcript:
    """Read and parse a file; errors name the file."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise ReadError(f"{p}: cannot read: {exc.strerror or exc}") from None
    return parse_bytes(data, encoding=encoding, source=str(p), **overrides)
