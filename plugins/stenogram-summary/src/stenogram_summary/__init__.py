"""stenogram-summary: a meeting summary a reader takes in within a minute.

Registered through the entry point ``summary`` of group ``stenogram``; the
numbers, names, key sentences and commitments come from
``stenogram.analysis``, each with the speaker who said it:

>>> import stenogram
>>> t = stenogram.parse(
...     "Anna Petrova: Trade grew by 9.5 percent last year. We agreed to meet again in Sochi.\\n"
...     "Ivan Sidorov: Thank you, Ms Petrova.\\n"
... )
>>> print(stenogram.export_text(t, "summary", sections=("key_figures", "commitments")))
KEY FIGURES
<BLANKLINE>
- Anna Petrova: 9.5 percent (9.5%): “Trade grew by 9.5 percent last
  year” [line 1]
<BLANKLINE>
COMMITMENTS AND DECISIONS
<BLANKLINE>
- Anna Petrova: [decision] We agreed to meet again in Sochi. [line 1]
<BLANKLINE>
"""

from __future__ import annotations

from stenogram import Transcript, hookimpl
from stenogram.analysis import AnalysisOptions, DigestOptions, analyse, digest
from stenogram.hookspecs import Registrar
from stenogram.text import drop_controls
from stenogram.titles import title_of
from stenogram_summary.content import build
from stenogram_summary.options import SECTIONS, Section, SummaryOptions
from stenogram_summary.render import escape_markdown, render_markdown, render_text

__all__ = [
    "SECTIONS",
    "Section",
    "SummaryOptions",
    "escape_markdown",
    "export_summary",
    "stenogram_register_formats",
]
__version__ = "0.2.0"


def export_summary(transcript: Transcript, options: SummaryOptions) -> str:
    """The exporter stenogram calls: a pure function of the transcript and the options."""
    # The points are ranked greedily, so the first ``key_points`` are the same however many are asked for (the
    # digest's ``RANKED``): asking for no more than are shown saves ranking the rest.
    asked = AnalysisOptions(key_sentences=options.key_points, topics=max(options.max_topics, 10))
    analysis = analyse(transcript, options=asked)
    chosen = digest(
        transcript,
        options=DigestOptions(
            key_points=options.key_points, key_figures=options.key_figures, commitments=options.commitments
        ),
        analysis=analysis,
    )
    sections = build(transcript, analysis, chosen, options)
    render = render_markdown if options.format == "markdown" else render_text
    return drop_controls(render(title_of(transcript), sections, options.width))  # read in terminals: no escapes


@hookimpl
def stenogram_register_formats(registrar: Registrar) -> None:
    registrar.add_exporter(
        "summary",
        export_summary,
        options=SummaryOptions,
        media_type="text/plain",
        suffix=".summary.txt",
        description="A plain-text (or Markdown) meeting summary: participants, key points, figures, commitments.",
    )
