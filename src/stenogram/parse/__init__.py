"""Plain text -> Transcript, as a pipeline of small stages (see docs/parser.md)."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import attrs

from stenogram.errors import EmptyInputError, ReadError, StrictModeError
from stenogram.model import Meeting, Paragraph, Participant, Span, Transcript, Turn
from stenogram.parse.decode import decode, normalise_newlines
from stenogram.parse.options import ParseOptions

__all__ = ["ParseOptions", "parse", "parse_bytes", "parse_file"]

_LABEL = re.compile(r"^([A-Z][^:\n]{0,80}?):\s*(.*)$")


def _options(options: ParseOptions | None, overrides: dict[str, Any]) -> ParseOptions:
    return attrs.evolve(options or ParseOptions(), **overrides)


def parse(text: str, *, options: ParseOptions | None = None, source: str | None = None, **overrides: Any) -> Transcript:
    """Parse a plain-text transcript. Interim line-regex version; replaced by the staged parser."""
    opts = _options(options, overrides)
    text = normalise_newlines(text)
    if not text.strip():
        raise EmptyInputError("the input holds no text", file=source)
    turns: list[tuple[str, list[tuple[str, Span]], Span]] = []
    pos = 0
    for lineno, line in enumerate(text.split("\n"), 1):
        start, pos = pos, pos + len(line) + 1
        m = _LABEL.match(line)
        if m:
            turns.append((m.group(1), [], Span(start=start, end=start + len(line), line=lineno, end_line=lineno)))
            body, bstart = m.group(2), start + m.start(2)
        elif turns:
            body, bstart = line, start
        else:
            continue
        if body.strip():
            turns[-1][1].append((body, Span(start=bstart, end=bstart + len(body), line=lineno, end_line=lineno)))
    ids: dict[str, str] = {}
    for label, _, _ in turns:
        ids.setdefault(label, f"p{len(ids) + 1}")
    t = Transcript(
        meeting=Meeting(),
        participants=tuple(Participant(id=i, name=label, labels=(label,)) for label, i in ids.items()),
        body=tuple(
            Turn(speaker=ids[label], label=label, content=tuple(Paragraph(text=b, span=s) for b, s in paras), span=span)
            for label, paras, span in turns
        ),
    )
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
