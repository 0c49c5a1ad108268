"""stenogram-markdown: a Markdown exporter, and the example to copy for a new exporter plugin.

stenogram finds this module through the entry point ``markdown`` of group
``stenogram`` (see pyproject.toml) and calls its hook:

>>> import stenogram
>>> from stenogram import Paragraph, Transcript, Turn
>>> t = Transcript(body=(
...     Turn(speaker="p1", label="Anna Petrova", content=(Paragraph(text="Good morning."),)),
...     Turn(speaker="p2", label="Ivan Sidorov", content=(Paragraph(text="Good morning to *you*."),)),
... ))
>>> print(stenogram.export_text(t, "markdown"))
# Transcript
<BLANKLINE>
## Transcript
<BLANKLINE>
**Anna Petrova:** Good morning.
<BLANKLINE>
**Ivan Sidorov:** Good morning to \\*you\\*.
<BLANKLINE>
"""

from __future__ import annotations

from stenogram import Transcript, hookimpl
from stenogram.hookspecs import Registrar
from stenogram_markdown.options import MarkdownOptions
from stenogram_markdown.render import render

__all__ = ["MarkdownOptions", "export_markdown", "stenogram_register_formats"]
__version__ = "0.2.0"


def export_markdown(transcript: Transcript, options: MarkdownOptions) -> str:
    """The exporter stenogram calls: a pure function of the transcript and the options."""
    return render(transcript, options)


@hookimpl
def stenogram_register_formats(registrar: Registrar) -> None:
    registrar.add_exporter(
        "markdown",
        export_markdown,
        options=MarkdownOptions,
        media_type="text/markdown",
        suffix=".md",
        description="Markdown: title, metadata, participants, turns with bold speaker labels, notes in italics.",
    )
