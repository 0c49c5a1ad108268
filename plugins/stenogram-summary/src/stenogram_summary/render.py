"""Lay the summary's sections out as wrapped plain text or as Markdown."""

from __future__ import annotations

import re
import textwrap
from collections.abc import Sequence

from stenogram_summary.content import Bullet, Field, Line, SectionContent

__all__ = ["escape_markdown", "render_markdown", "render_text"]


# Chinese, Japanese and Korean text has no spaces to break at: there any character may end a line.
_CJK = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]")


def _wrap(text: str, width: int, first: str, rest: str) -> list[str]:
    wrapper = textwrap.TextWrapper(
        width=width,
        initial_indent=first,
        subsequent_indent=rest,
        break_long_words=bool(_CJK.search(text)),  # a URL stays whole; a run of ideographs may break anywhere
        break_on_hyphens=False,
    )
    return wrapper.wrap(" ".join(text.split())) or [first.rstrip()]


def render_text(title: str, sections: Sequence[SectionContent], width: int) -> str:
    lines: list[str] = []
    for section in sections:
        if lines:
            lines.append("")
        if section.name == "header":
            heading = _wrap(title, width, "", "")
            lines += [*heading, "=" * min(width, max(len(h) for h in heading))]
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
