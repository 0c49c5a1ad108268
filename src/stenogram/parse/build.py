"""The text grammar: decoded text -> Transcript with diagnostics. Interim line-regex version."""

from __future__ import annotations

import re

from stenogram.model import Meeting, Paragraph, Participant, Span, Transcript, Turn
from stenogram.parse.options import ParseOptions

__all__ = ["build_transcript"]

_LABEL = re.compile(r"^([A-Z][^:\n]{0,80}?):\s*(.*)$")


def build_transcript(text: str, *, start: int = 0, options: ParseOptions) -> Transcript:
    """Parse ``text[start:]`` (``text`` is already decoded, newlines folded to ``\\n``).

    Offsets and line numbers in the spans index the whole of ``text``, so
    front matter that the caller skipped still counts.
    """
    turns: list[tuple[str, list[tuple[str, Span]], Span]] = []
    pos = start
    first_line = text.count("\n", 0, start) + 1
    for lineno, line in enumerate(text[start:].split("\n"), first_line):
        begin, pos = pos, pos + len(line) + 1
        m = _LABEL.match(line)
        if m:
            turns.append((m.group(1), [], Span(start=begin, end=begin + len(line), line=lineno, end_line=lineno)))
            body, bstart = m.group(2), begin + m.start(2)
        elif turns:
            body, bstart = line, begin
        else:
            continue
        if body.strip():
            turns[-1][1].append((body, Span(start=bstart, end=bstart + len(body), line=lineno, end_line=lineno)))
    ids: dict[str, str] = {}
    for label, _, _ in turns:
        ids.setdefault(label, f"p{len(ids) + 1}")
    return Transcript(
        meeting=Meeting(),
        participants=tuple(Participant(id=i, name=label, labels=(label,)) for label, i in ids.items()),
        body=tuple(
            Turn(speaker=ids[label], label=label, content=tuple(Paragraph(text=b, span=s) for b, s in paras), span=span)
            for label, paras, span in turns
        ),
    )
