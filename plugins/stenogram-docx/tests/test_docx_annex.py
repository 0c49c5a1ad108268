"""The annex built off the tree in batches, with copied label paragraphs, gives the bytes the tree gave."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from repo_shared import skip_unless_shared
from stenogram_docx import briefing, render_briefing

import stenogram
from stenogram.model import Meeting, Note, NoteKind, Paragraph, Participant, Transcript, Turn


def _in_tree(monkeypatch: pytest.MonkeyPatch) -> None:
    """Write every annex paragraph straight into the document tree, as before the annex was spilled."""
    annex = briefing._Writer.annex

    def annex_in_tree(self: Any, *args: Any, **kwargs: Any) -> None:
        end, self.end = self.end, None  # no body end to splice before: python-docx's own add_paragraph
        try:
            annex(self, *args, **kwargs)
        finally:
            self.end = end

    monkeypatch.setattr(briefing._Writer, "annex", annex_in_tree)


def _both(monkeypatch: pytest.MonkeyPatch, transcripts: Transcript | list[Transcript]) -> Iterator[Any]:
    yield render_briefing(transcripts)
    with monkeypatch.context() as m:
        _in_tree(m)
        yield render_briefing(transcripts)


def _hostile() -> Transcript:
    """More turns than a batch, more labels than are kept as templates, and every kind of annex content."""
    people = tuple(Participant(id=f"p{i}", name=f"Speaker {i}") for i in range(300))
    body: list[Turn | Note] = [Note(kind=NoteKind.SECTION, text="Part one")]
    for i in range(1200):
        content: tuple[Paragraph | Note, ...] = (Paragraph(text=f"Turn {i} says\tthis\nand that  ."),)
        if i % 7 == 0:
            content = (Note(kind=NoteKind.STAGE, text="(Applause.)"), *content, Note(kind=NoteKind.STAGE, text="(x)"))
        if i % 11 == 0:
            content = ()
        j = i % 300  # each speaker's label the same each time: copied from the 256 kept, built afresh past them
        label = f"Speaker {j}\x0c" if j % 13 == 0 else ("" if j % 17 == 0 else f"Speaker {j}")
        body.append(
            Turn(speaker=f"p{j}", label=label, annotation="in \x01 French" if j % 5 == 0 else None, content=content)
        )
    long: list[Paragraph | Note] = [Note(kind=NoteKind.STAGE, text="(Long turn.)")]
    long += [
        Note(kind=NoteKind.STAGE, text=f"({i})") if i % 9 == 0 else Paragraph(text=f"Part {i}.") for i in range(600)
    ]
    body.append(Turn(speaker="p1", label="Speaker 1", content=tuple(long)))  # batches end inside a turn
    preamble = [
        Note(kind=NoteKind.OTHER, text=f"Note {i}.") if i % 4 == 0 else Paragraph(text=f"P {i}") for i in range(600)
    ]
    return Transcript(
        meeting=Meeting(title="Annex test"), participants=people, preamble=tuple(preamble), body=tuple(body)
    )


def test_a_hostile_annex_gives_the_same_bytes_and_diagnostics_as_one_built_in_the_tree(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")
    spilled, in_tree = _both(monkeypatch, _hostile())
    assert spilled.data == in_tree.data
    assert spilled.diagnostics == in_tree.diagnostics
    assert any("speaker label" in d.message for d in spilled.diagnostics)


def test_a_pack_splices_each_annex_in_its_place(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")
    one = stenogram.parse("Anna: First meeting.\nBoris: Yes.\n" * 300)
    two = stenogram.parse("Clara: Second meeting.\n")
    spilled, in_tree = _both(monkeypatch, [one, _hostile(), two])
    assert spilled.data == in_tree.data


@pytest.mark.parametrize("folder", ["kremlin_en", "parlamint_at", "whitehouse_md"])
def test_real_transcripts_give_the_same_bytes_as_before(monkeypatch: pytest.MonkeyPatch, folder: str) -> None:
    corpus = skip_unless_shared("corpus", folder)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")
    for path in sorted(corpus.glob("*.txt"))[:3]:
        spilled, in_tree = _both(monkeypatch, stenogram.parse_file(path))
        assert spilled.data == in_tree.data, path.name
