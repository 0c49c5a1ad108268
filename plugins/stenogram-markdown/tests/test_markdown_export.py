"""The Markdown exporter, checked by rendering its output with a CommonMark parser.

Expectations come from the transcript itself (built here, or parsed from the
seed and the corpus), never from a copy of the output, so these tests hold
for any correct parser.
"""

from __future__ import annotations

import datetime as dt
import importlib.metadata
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token
from repo_shared import shared, skip_if_missing
from stenogram_markdown import MarkdownOptions, export_markdown
from stenogram_markdown.escape import escape_block

import stenogram
from stenogram import Mark, MarkKind, Meeting, Note, NoteKind, Paragraph, Participant, Transcript, Turn
from stenogram.testing import line_texts, transcripts

REPO = Path(__file__).resolve().parents[3]
SEED = REPO / "seeds" / "000_cc7df8760118afc5.txt"
CORPUS = shared("corpus")
CORPUS_FILES = [
    "kremlin_en/2020-01-21_meeting-with-government-members.txt",
    "kremlin_en/2010-06-03_medvedev-meets-nokia-ceo.txt",
    "kremlin_en/2017-03-10_joint-news-conference-erdogan.txt",
    "whitehouse_md/2023-06-22_biden-modi-arrival-ceremony.txt",
    "whitehouse_md/2023-03-13_background-press-call-aukus.txt",
    "ungdc/RUS_75_2020.txt",  # no speaker labels: one speech by an unnamed speaker
]
MD = MarkdownIt("commonmark")


def inline_text(token: Token) -> str:
    """The characters a reader sees in one inline token: markup gone, escapes resolved."""
    return "".join(
        " " if c.type in ("softbreak", "hardbreak") else c.content
        for c in token.children or ()
        if c.type in ("text", "text_special", "softbreak", "hardbreak", "code_inline")
    )


def spans_of(token: Token, kind: str) -> list[str]:
    """Texts between ``<kind>_open`` and ``<kind>_close`` inside an inline token (strong, em)."""
    out: list[str] = []
    current: list[str] | None = None
    for c in token.children or ():
        if c.type == f"{kind}_open":
            current = []
        elif c.type == f"{kind}_close" and current is not None:
            out.append("".join(current))
            current = None
        elif current is not None and c.type in ("text", "text_special"):
            current.append(c.content)
    return out


def blocks(markdown: str) -> Iterator[tuple[str, Token]]:
    """(enclosing block type, inline token) for every inline token of the rendered document."""
    opened = "document"
    for token in MD.parse(markdown):
        if token.type.endswith("_open") and token.type not in ("bullet_list_open", "list_item_open"):
            opened = token.tag if token.type == "heading_open" else token.type.removesuffix("_open")
        if token.type == "inline":
            yield opened, token


def squash(text: str) -> str:
    return " ".join(text.split())


def visible(markdown: str) -> str:
    return squash(" ".join(inline_text(t) for _, t in blocks(markdown)))


def example() -> Transcript:
    return Transcript(
        meeting=Meeting(
            title="Meeting *with* [the] press #1",
            date=dt.date(2022, 8, 19),
            place="Sochi <Russia>",
            source="en.kremlin.ru",
            is_excerpt=True,
            extra=(("Venue_code", "A_1"),),
        ),
        participants=(
            Participant(id="putin", name="Vladimir Putin", role="President of Russia"),
            Participant(id="q", name="Question", anonymous=True),
        ),
        preamble=(
            Paragraph(text="1. The meeting opened at 10:00 & lasted an hour."),
            Note(kind=NoteKind.EDITORIAL, text="Attendees: see the list."),
        ),
        body=(
            Note(kind=NoteKind.SECTION, text="Part 1. The Kremlin"),
            Turn(
                speaker="putin",
                label="President of Russia Vladimir Putin",
                content=(
                    Paragraph(
                        text="Good afternoon. (Laughs.) We spent $25 billion_total.",
                        marks=(Mark(kind=MarkKind.STAGE, start=16, end=25),),
                    ),
                    Note(kind=NoteKind.STAGE, text="(Applause.)"),
                    Paragraph(text="- not a list item, and <b>not bold</b>"),
                ),
            ),
            Note(kind=NoteKind.SEPARATOR, text="* * *"),
            Turn(
                speaker="q",
                label="Question",
                annotation="retranslated",
                content=(Paragraph(text="# not a heading? *Really*"),),
            ),
        ),
    )


def test_document_structure_renders_as_written() -> None:
    t = example()
    md = export_markdown(t, MarkdownOptions())
    found = list(blocks(md))
    headings = [(kind, inline_text(tok)) for kind, tok in found if kind.startswith("h")]
    assert headings[0] == ("h1", t.meeting.title)
    assert ("h2", "Participants") in headings
    assert ("h2", "Transcript") in headings
    assert ("h3", "Part 1. The Kremlin") in headings
    text = visible(md)
    for p in (*t.paragraphs, *(b for b in t.preamble if isinstance(b, Paragraph))):
        assert squash(p.text) in text
    bold = [s for _, tok in found for s in spans_of(tok, "strong")]
    assert "President of Russia Vladimir Putin:" in bold
    assert "Question:" in bold
    assert {"Vladimir Putin", "Question", "Date:", "Place:", "Source:", "Venue_code:"} <= set(bold)
    italic = [s for _, tok in found for s in spans_of(tok, "em")]
    assert {"(Laughs.)", "(Applause.)", "Attendees: see the list.", "(retranslated)"} <= set(italic)
    assert "Sochi <Russia>" in text and "2022-08-19" in text
    # The thematic break stands where the separator note was.
    assert [tok.type for tok in MD.parse(md)].count("hr") == 1
    # Nothing in the text became a list, a heading of its own or HTML.
    types = {tok.type for tok in MD.parse(md)}
    assert "ordered_list_open" not in types and "html_block" not in types and "html_inline" not in types


def test_options_change_the_document() -> None:
    t = example()
    md = stenogram.export(t, "markdown", heading_level=2, include_participants="false", speaker="name")
    assert isinstance(md, str)
    assert md.startswith("## Meeting")
    assert "Participants" not in md
    assert "**Vladimir Putin:**" in md
    assert "President of Russia Vladimir Putin:" not in md
    bare = stenogram.export(t, "markdown", include_preamble=False, include_notes=False, include_metadata=False)
    assert "The meeting opened" not in bare and "Applause" not in bare and "Date:" not in bare
    assert "Good afternoon" in bare


@pytest.mark.parametrize(
    ("overrides", "named"),
    [
        ({"heading_level": 9}, "heading_level"),
        ({"heading_level": "two"}, "heading_level"),
        ({"speaker": "nickname"}, "speaker"),
        ({"colour": "red"}, "colour"),
    ],
)
def test_bad_options_name_the_option(overrides: dict[str, object], named: str) -> None:
    with pytest.raises(stenogram.OptionError, match=named):
        stenogram.export(example(), "markdown", **overrides)


def test_a_preamble_line_shown_as_metadata_is_not_repeated() -> None:
    line = "The meeting took place on the sidelines of the council."
    t = Transcript(meeting=Meeting(occasion=line), preamble=(Paragraph(text=line), Paragraph(text="Other text.")))
    md = export_markdown(t, MarkdownOptions())
    assert md.count("sidelines") == 1 and "Other text." in md
    bare = export_markdown(t, MarkdownOptions(include_metadata=False))
    assert bare.count("sidelines") == 1  # no metadata list, so the preamble keeps it


def test_output_is_deterministic_and_ends_with_one_newline() -> None:
    first = stenogram.export(example(), "markdown")
    assert first == stenogram.export(example(), "markdown")
    assert isinstance(first, str) and first.endswith("\n") and not first.endswith("\n\n")


@settings(max_examples=100, deadline=None)
@given(line_texts(min_size=1, max_size=80))
def test_any_paragraph_text_renders_literally(text: str) -> None:
    rendered = list(blocks(escape_block(text)))
    assert squash(" ".join(inline_text(tok) for _, tok in rendered)) == squash(text)
    assert all(kind == "paragraph" for kind, _ in rendered)


@settings(max_examples=100, deadline=None)
@given(st.data())
def test_marked_stretches_render_literally_in_italics_or_plain(data: st.DataObject) -> None:
    text = data.draw(line_texts(min_size=1, max_size=40))
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    kind = data.draw(st.sampled_from([MarkKind.STAGE, MarkKind.OMISSION]))
    paragraph = Paragraph(text=text, marks=(Mark(kind=kind, start=start, end=end),))
    md = export_markdown(Transcript(body=(Turn(speaker="a", label="A", content=(paragraph,)),)), MarkdownOptions())
    assert squash(text) in visible(md)
    italic = [s for _, tok in blocks(md) for s in spans_of(tok, "em")]
    assert all(squash(s) == squash(text[start:end]) for s in italic)


@settings(max_examples=40, deadline=None)
@given(transcripts())
def test_any_transcript_keeps_every_paragraph_and_label(t: Transcript) -> None:
    md = export_markdown(t, MarkdownOptions())
    text = visible(md)
    for turn in t.turns:
        assert squash(turn.label) in text
        for p in turn.paragraphs:
            assert squash(p.text) in text


def test_the_entry_point_is_installed_and_discovered() -> None:
    eps = importlib.metadata.entry_points(group="stenogram")
    assert any(ep.name == "markdown" and ep.value == "stenogram_markdown" for ep in eps)
    found = {(f.kind, f.name): f for f in stenogram.formats()}
    info = found[("exporter", "markdown")]
    assert info.suffixes == (".md",) and info.media_type == "text/markdown" and not info.binary
    assert {o.name for o in info.options} >= {"heading_level", "include_participants", "include_preamble"}


def check_source(path: Path) -> None:
    t = stenogram.read(path)
    md = stenogram.export(t, "markdown")
    assert isinstance(md, str)
    text = visible(md)
    bold = {s for _, tok in blocks(md) for s in spans_of(tok, "strong")}
    names = {p.id: p.name for p in t.participants}
    for turn in t.turns:
        shown = turn.label.strip() or names[turn.speaker]  # a turn printed without a label shows who spoke
        assert f"{squash(shown)}:" in {squash(b) for b in bold}
        for p in turn.paragraphs:
            assert squash(p.text) in text


def test_seed() -> None:
    md = stenogram.export(stenogram.read(SEED), "markdown")
    assert isinstance(md, str)
    assert "**Mikhail Mishustin:**" in md and "**Alikhan Smailov:**" in md
    check_source(SEED)


@pytest.mark.parametrize("name", CORPUS_FILES)
def test_corpus(name: str) -> None:
    path = CORPUS / name
    skip_if_missing(path)
    check_source(path)


def test_a_turn_without_a_printed_label_shows_the_speakers_name() -> None:
    t = stenogram.parse("Mr. President, colleagues, I am glad to be here.\n\nWe thank you all.\n")
    assert all(not turn.label for turn in t.turns)
    md = export_markdown(t, MarkdownOptions())
    assert "**:**" not in md
    assert f"**{t.participants[0].name}:** Mr. President" in md


def test_include_notes_false_drops_asides_printed_as_paragraphs() -> None:
    import stenogram

    t = stenogram.parse("Vladimir Putin: Good afternoon.\n(Applause.)\nLet us begin.\n")
    assert "*(Applause.)*" in stenogram.export(t, "markdown")
    out = stenogram.export(t, "markdown", include_notes=False)
    assert "Applause" not in out and "Let us begin." in out
