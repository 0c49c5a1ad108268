"""Test helpers for plugin authors: hypothesis strategies that generate valid transcripts.

An exporter's tests can check a property over many transcripts no parser
would ever produce (empty turns, odd characters, notes everywhere)::

    from hypothesis import given, settings
    from stenogram.testing import transcripts

    @settings(max_examples=50, deadline=None)
    @given(transcripts())
    def test_every_label_is_bold(t):
        ...

``hypothesis`` is imported when a strategy is built, so importing this
module costs nothing and the core does not depend on it.
"""

from __future__ import annotations

import string
from typing import TYPE_CHECKING

from stenogram.diagnostics import Diagnostic, Severity
from stenogram.model import (
    Block,
    BodyItem,
    Mark,
    MarkKind,
    Meeting,
    Note,
    NoteKind,
    Paragraph,
    Participant,
    Span,
    Transcript,
    Turn,
)

if TYPE_CHECKING:
    from hypothesis.internal.charmap import CategoryName
    from hypothesis.strategies import DrawFn, SearchStrategy

__all__ = ["line_texts", "meetings", "paragraphs", "transcripts"]

#: Categories left out of generated text: surrogates cannot be encoded, controls and
#: line or paragraph separators never occur inside the model's one-line texts.
_EXCLUDED: tuple[CategoryName, ...] = ("Cs", "Cc", "Zl", "Zp")


def line_texts(*, min_size: int = 0, max_size: int = 60) -> SearchStrategy[str]:
    """One-line text of any script, with the punctuation markup languages care about made likely."""
    from hypothesis import strategies as st

    alphabet = st.one_of(
        st.characters(exclude_categories=_EXCLUDED),
        st.sampled_from(string.punctuation + " "),
    )
    return st.text(alphabet=alphabet, min_size=min_size, max_size=max_size)


def _spans() -> SearchStrategy[Span | None]:
    from hypothesis import strategies as st

    @st.composite
    def span(draw: DrawFn) -> Span:
        start = draw(st.integers(0, 10_000))
        line = draw(st.integers(1, 500))
        return Span(
            start=start,
            end=start + draw(st.integers(0, 2_000)),
            line=line,
            end_line=line + draw(st.integers(0, 20)),
        )

    return st.none() | span()


def paragraphs() -> SearchStrategy[Paragraph]:
    """Paragraphs with marks that lie inside their text."""
    from hypothesis import strategies as st

    @st.composite
    def paragraph(draw: DrawFn) -> Paragraph:
        text = draw(line_texts(min_size=1))
        marks = []
        for _ in range(draw(st.integers(0, 2))):
            start = draw(st.integers(0, len(text)))
            end = draw(st.integers(start, len(text)))
            marks.append(Mark(kind=draw(st.sampled_from(MarkKind)), start=start, end=end))
        return Paragraph(text=text, marks=tuple(marks), span=draw(_spans()))

    return paragraph()


def _notes() -> SearchStrategy[Note]:
    from hypothesis import strategies as st

    return st.builds(Note, kind=st.sampled_from(NoteKind), text=line_texts(min_size=1), span=_spans())


def _optional_text() -> SearchStrategy[str | None]:
    from hypothesis import strategies as st

    return st.none() | line_texts(min_size=1, max_size=30)


def meetings() -> SearchStrategy[Meeting]:
    """Meeting records with any mix of fields set."""
    from hypothesis import strategies as st

    return st.builds(
        Meeting,
        id=st.none() | st.from_regex(r"[A-Za-z][A-Za-z0-9_.-]{0,12}", fullmatch=True),
        title=_optional_text(),
        lead=_optional_text(),
        date=st.none() | st.dates(),
        time=_optional_text(),
        place=_optional_text(),
        occasion=_optional_text(),
        source=_optional_text(),
        language=st.none() | st.sampled_from(("en", "ru", "zh", "es")),
        is_excerpt=st.booleans(),
        extra=st.lists(st.tuples(line_texts(min_size=1, max_size=12), line_texts(max_size=20)), max_size=2).map(tuple),
    )


def transcripts(*, max_participants: int = 4, max_items: int = 6) -> SearchStrategy[Transcript]:
    """Valid transcripts: unique participant ids, turns that name them, notes anywhere."""
    from hypothesis import strategies as st

    participant_lists = st.lists(
        st.builds(
            Participant,
            id=st.from_regex(r"[a-z][a-z0-9_]{0,6}", fullmatch=True),
            name=line_texts(min_size=1, max_size=30),
            role=_optional_text(),
            labels=st.lists(line_texts(min_size=1, max_size=30), max_size=2).map(tuple),
            anonymous=st.booleans(),
            affiliation=_optional_text(),
            constituency=_optional_text(),
        ),
        max_size=max_participants,
        unique_by=lambda p: p.id,
    )
    blocks: SearchStrategy[Block] = st.one_of(paragraphs(), _notes())
    diagnostics = st.builds(
        Diagnostic,
        code=st.from_regex(r"[a-z]+(-[a-z]+){0,2}", fullmatch=True),
        message=line_texts(min_size=1),
        line=st.integers(0, 500),
        column=st.integers(0, 80),
        severity=st.sampled_from(Severity),
        text=line_texts(max_size=30),
    )

    @st.composite
    def transcript(draw: DrawFn) -> Transcript:
        participants = tuple(draw(participant_lists))
        speakers = st.sampled_from([p.id for p in participants]) if participants else st.just("unknown")
        turns = st.builds(
            Turn,
            speaker=speakers,
            label=line_texts(min_size=1, max_size=30),
            content=st.lists(blocks, max_size=4).map(tuple),
            annotation=_optional_text(),
            time=st.none() | st.from_regex(r"[0-2][0-9]:[0-5][0-9]", fullmatch=True),
            id=st.none() | st.from_regex(r"u[0-9]{1,4}", fullmatch=True),
            span=_spans(),
        )
        body_items: SearchStrategy[BodyItem] = st.one_of(turns, turns, _notes())
        return Transcript(
            meeting=draw(meetings()),
            participants=participants,
            preamble=tuple(draw(st.lists(blocks, max_size=3))),
            body=tuple(draw(st.lists(body_items, max_size=max_items))),
            diagnostics=tuple(draw(st.lists(diagnostics, max_size=3))),
        )

    return transcript()
