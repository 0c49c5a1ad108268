r"""Markdown escaping: the rendered document shows exactly the transcript's characters.

CommonMark lets a backslash escape any ASCII punctuation, so escaping is
always safe; we escape the characters that start inline markup anywhere
(``*``, ``_``, `````, ``[``, ``<``, ``&`` before an entity, …, plus ``|``,
``~`` and ``$`` that GitHub and MyST give meaning to) and, at the start of a
block, the ones that would turn a paragraph into a heading, list, quote or
thematic break (a leading ``-`` or ``+`` is always escaped: ``---`` and
``- - -`` are rules). Control characters (C0 but tab, DEL, C1) are dropped:
they are invisible, and some renderers end a line at them; those that
separate words (form feed, vertical tab, NEL) become a space; lone surrogates
become U+FFFD, so the document can always be written as UTF-8.

>>> print(escape_inline("*not* bold_face [link](x) <b> R&D &amp;"))
\*not\* bold\_face \[link\](x) \<b\> R&D \&amp;
>>> print(escape_block("1. Not a list"))
1\. Not a list
>>> print(escape_block("---"), escape_block("a\x0cb\x00c"))
\--- a bc
"""

from __future__ import annotations

import re

from stenogram.surrogates import replace_surrogates
from stenogram.text import drop_controls

__all__ = ["escape_block", "escape_block_start", "escape_inline"]

_INLINE = re.compile(r"[\\`*_\[\]<>|~$#]|&(?=#?[0-9A-Za-z]+;)")
_BLOCK_START = re.compile(
    r"""
    (?P<bullet>[-+])                  # - item, + item, and ---, - - - or -- - thematic breaks
    | \d{1,9}(?P<ordered>[.)])(?=[ \t]|$)  # 1. item, 1) item
    | (?P<setext>=+)[ \t]*$           # a line of '=' after a paragraph
    """,
    re.VERBOSE,
)


def _one_line(text: str) -> str:
    """Line breaks would end a paragraph or a list item early; the model's text has none, but be safe."""
    return re.sub(r"[ \t]*[\r\n]+[ \t]*", " ", text)


def escape_inline(text: str) -> str:
    """Text that Markdown renders literally inside a paragraph, heading or list item."""
    text = drop_controls(replace_surrogates(text))
    return _INLINE.sub(lambda m: "\\" + m.group(0), _one_line(text))


def escape_block_start(rendered: str) -> str:
    """Inline-escaped text made safe to open a block: nothing it starts with may make a list or heading.

    Leading blanks are dropped: four of them would make a code block, and
    Markdown drops fewer anyway.
    """
    rendered = rendered.lstrip(" \t")
    m = _BLOCK_START.match(rendered)
    if m is None:
        return rendered
    at = m.start("ordered") if m.group("ordered") else m.start()
    return rendered[:at] + "\\" + rendered[at:]


def escape_block(text: str) -> str:
    """Text that Markdown renders literally as a paragraph of its own."""
    return escape_block_start(escape_inline(text))
