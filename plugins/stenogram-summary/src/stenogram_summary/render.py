"""Lay the summary's sections out as wrapped plain text or as Markdown."""

from __future__ import annotations

import re
import textwrap
from collections.abc import Sequence

from stenogram.text import CJK_RE, columns, is_wide
from stenogram_summary.content import Bullet, Field, Line, SectionContent

__all__ = ["escape_markdown", "render_markdown", "render_text"]


# Closing punctuation a line should not start with (so it stays with the character before it).
_NO_LINE_START = frozenset("，。、；：？！）」』】》〉”’・ー)]},.;:?!%")


def _pieces(word: str) -> list[str]:
    """A word cut where a line may break: around every wide character, but never before closing punctuation."""
    out: list[str] = []
    for c in word:
        wide = is_wide(c)
        glue = out and (c in _NO_LINE_START or not (wide or columns(out[-1][-1]) == 2))
        if glue:
            out[-1] += c
        else:
            out.append(c)
    return out


def _wrap_wide(text: str, width: int, first: str, rest: str) -> list[str]:
    """Greedy wrapping that counts columns, not characters, for text with wide characters in it."""
    lines: list[str] = []
    line, filled = first, False
    for word in text.split(" "):
        for i, whole in enumerate(_pieces(word)):
            piece = whole
            sep = " " if filled and i == 0 else ""
            if filled and columns(line + sep + piece) > width:
                lines.append(line)
                line, sep = rest, ""
            while columns(line + sep + piece) > width and len(piece) > 1:  # a long run of narrow characters
                room = width - columns(line + sep)
                cut = max(1, next((n for n in range(len(piece), 0, -1) if columns(piece[:n]) <= room), 1))
                lines.append(line + sep + piece[:cut])
                line, sep, piece = rest, "", piece[cut:]
            line += sep + piece
            filled = True
    lines.append(line)
    return lines


def _wrap(text: str, width: int, first: str, rest: str) -> list[str]:
    text = " ".join(text.split())
    if not text:
        return [first.rstrip()]
    if CJK_RE.search(text):  # no spaces to break at: any character may end a line
        return _wrap_wide(text, width, first, rest)
    wrapper = textwrap.TextWrapper(
        width=width, initial_indent=first, subsequent_indent=rest, break_long_words=False, break_on_hyphens=False
    )  # a URL stays whole
    return wrapper.wrap(text)


def render_text(title: str, sections: Sequence[SectionContent], width: int) -> str:
    lines: list[str] = []
    for section in sections:
        if lines:
            lines.append("")
        if section.name == "header":
            heading = _wrap(title, width, "", "")
            lines += [*heading, "=" * min(width, max(columns(h) for h in heading))]
        else:
            lines += [section.title.upper()]
        lines.append("")
        labels = [b.label for b in section.blocks if isinstance(b, Field)]
        pad = min(max((len(x) for x in labels), default=0) + 2, width // 3)
        for block in section.blocks:
            if isinstance(block, Field):
                first = f"{block.label}:".ljust(pad)
                if len(first) > pad:
                    first += " "
                lines += _wrap(block.value, width, first, " " * pad)
            elif isinstance(block, Bullet):
                text = f"{block.lead}: {block.text}" if block.lead else block.text
                lines += _wrap(text, width, "- ", "  ")
            else:
                lines += _wrap(block.text, width, "", "")
    return "\n".join(line.rstrip() for line in lines) + "\n"


# Characters with a meaning in CommonMark (and MyST's $ maths), wherever they stand.
_SPECIAL = re.compile(r"([\\`*_\[\]<>#|$~&])")
# A hyphen or plus standing alone could start a list item once the text is wrapped, a run of = or -
# underline the line before it.
_LIST_MARK = re.compile(r"(?:(?<=\s)|^)([-+=]+)(?=\s|$)")
# "1. " or "1) " could start an ordered list.
_ORDERED = re.compile(r"(?:(?<=\s)|^)(\d{1,9})([.)])(?=\s|$)")


def escape_markdown(text: str) -> str:
    """Text that shows as written in any CommonMark renderer, wherever a wrap puts its line breaks."""
    text = _SPECIAL.sub(r"\\\1", text)
    text = _LIST_MARK.sub(r"\\\1", text)
    return _ORDERED.sub(r"\1\\\2", text)


def render_markdown(title: str, sections: Sequence[SectionContent], width: int) -> str:
    lines: list[str] = []
    for section in sections:
        if lines:
            lines.append("")
        if section.name == "header":
            lines.append("# " + escape_markdown(" ".join(title.split())))
        else:
            lines.append("## " + escape_markdown(section.title))
        lines.append("")
        for block in section.blocks:
            if isinstance(block, Field):
                lines += _wrap(f"**{escape_markdown(block.label)}:** {escape_markdown(block.value)}", width, "- ", "  ")
            elif isinstance(block, Bullet):
                lead = f"**{escape_markdown(block.lead)}:** " if block.lead else ""
                lines += _wrap(lead + escape_markdown(block.text), width, "- ", "  ")
            elif isinstance(block, Line):
                lines += _wrap(escape_markdown(block.text), width, "", "")
    return "\n".join(line.rstrip() for line in lines) + "\n"
