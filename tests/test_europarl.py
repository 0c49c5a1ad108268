"""The Europarl format: markup to turns, paragraphs and sections, by reader and by plain parse()."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from repo_shared import needs_shared, shared

import stenogram
from stenogram.model import MarkKind, NoteKind, Transcript, Turn
from stenogram.parse.europarl import build_europarl, looks_like_europarl, sniff_europarl
from stenogram.text import words

CORPUS = shared("corpus", "europarl_v7")
needs_corpus = needs_shared("corpus", "europarl_v7")
SPEAKER = re.compile(r'^<SPEAKER ID=\d+(?: LANGUAGE="(\w*)")? NAME="([^"]*)"', re.MULTILINE)

SMALL = """<CHAPTER ID=1>
Adoption of the Minutes
<SPEAKER ID=1 NAME="President">
The Minutes have been distributed.
<P>
Are there any comments?

<SPEAKER ID=2 LANGUAGE="DE" NAME="Zimmerling">
Mr President, I have one.
(Applause)
<SPEAKER ID=3 NAME="President">
Noted.
<CHAPTER ID=2>
Vote
<SPEAKER ID=4 NAME="Zimmerling">
Again.
"""


def _model_words(t: Transcript) -> list[str]:
    out = [w for b in t.preamble for w in words(b.text)]
    for item in t.body:
        if isinstance(item, Turn):
            out += words(item.label)
            out += [w for b in item.content for w in words(b.text)]
        else:
            out += words(item.text)
    return out


def _source_words(text: str) -> list[str]:
    """The words a reader of the file sees: speaker names, chapter titles and speech, no markup."""
    out: list[str] = []
    for line in text.split("\n"):
        m = SPEAKER.match(line)
        if m:
            out += words(m.group(2))
        elif not line.lstrip().startswith("<"):
            out += words(line)
    return out


def test_small_document() -> None:
    t = stenogram.parse(SMALL)
    assert [turn.label for turn in t.turns] == ["President", "Zimmerling", "President", "Zimmerling"]
    assert [p.name for p in t.participants] == ["President", "Zimmerling"]
    assert [p.text for p in t.turns[0].paragraphs] == ["The Minutes have been distributed.", "Are there any comments?"]
    assert t.turns[1].annotation == "LANGUAGE=DE"
    assert t.turns[0].annotation is None
    applause = [p for p in t.turns[1].paragraphs if p.is_aside]  # as the plain-text parser keeps asides
    assert [(p.text, p.marks[0].kind) for p in applause] == [("(Applause)", MarkKind.STAGE)]
    lifted = stenogram.parse(SMALL, stage_notes=True)
    assert [(n.kind, n.text) for n in lifted.turns[1].notes] == [(NoteKind.STAGE, "(Applause)")]
    sections = [item for item in t.body if not isinstance(item, Turn)]
    assert [(s.kind, s.text) for s in sections] == [
        (NoteKind.SECTION, "Adoption of the Minutes"),
        (NoteKind.SECTION, "Vote"),
    ]
    assert t.turns[3].speaker == t.turns[1].speaker
    assert _model_words(t) == _source_words(SMALL)


def test_spans_point_at_the_source() -> None:
    t = build_europarl(SMALL)
    for turn in t.turns:
        assert turn.span is not None
        assert SMALL[turn.span.start :].startswith("<SPEAKER")
        for p in turn.paragraphs:
            assert p.span is not None and SMALL[p.span.start : p.span.end] == p.text
    assert t.turns[1].span is not None and t.turns[1].span.line == 8


def test_detection() -> None:
    assert looks_like_europarl(SMALL)
    assert sniff_europarl(SMALL.encode())
    assert not looks_like_europarl("Anna: <SPEAKER ID=1> is not at the start of a line\n")
    assert not sniff_europarl(b"President: Thank you.\n")


def test_front_matter_and_api_metadata_apply_too() -> None:
    doc = '+++\ntitle = "Sitting of 17 March 2000"\n+++\n' + SMALL
    t = stenogram.parse(doc, participants=[{"id": "chair", "labels": ["President"], "role": "President"}])
    assert t.meeting.title == "Sitting of 17 March 2000"
    assert t.turns[0].speaker == "chair" and t.participant("chair").role == "President"
    assert t.turns[0].span is not None and t.turns[0].span.line == 6


@needs_corpus
@pytest.mark.parametrize(("name", "chapters"), [("ep-00-01-21", 1), ("ep-00-03-17", 6)])
def test_corpus_files(name: str, chapters: int) -> None:
    path = CORPUS / f"{name}.txt"
    text = path.read_text(encoding="utf-8")
    speakers = SPEAKER.findall(text)
    t = stenogram.parse_file(path)
    assert len(t.turns) == len(speakers) == text.count("<SPEAKER ")
    assert [turn.label for turn in t.turns] == [n for _, n in speakers]
    assert len(t.participants) == len({n.casefold() for _, n in speakers})
    assert sum(1 for turn in t.turns if turn.annotation) == sum(1 for lang, _ in speakers if lang)
    sections = [n for n in t.notes if n.kind is NoteKind.SECTION]
    assert len(sections) == chapters == text.count("<CHAPTER ")
    assert sections[0].text == "Adoption of the Minutes of the previous sitting"
    assert t.meeting.date is not None and t.meeting.date.strftime("%y-%m-%d") == name[3:]
    assert _model_words(t) == _source_words(text)
    assert all("\n" not in p.text for p in t.paragraphs)


@needs_corpus
def test_figures_of_the_large_file() -> None:
    t = stenogram.parse_file(CORPUS / "ep-00-03-17.txt")
    assert (len(t.turns), len(t.participants)) == (53, 31)
    assert [n.text for n in t.notes if n.kind is NoteKind.SECTION][-1] == "Adjournment of the session"
    assert "Seppänen" in [p.name for p in t.participants]
    stage = [p for turn in t.turns for p in turn.paragraphs if p.is_aside] + [
        n for n in t.notes if n.kind is NoteKind.STAGE
    ]
    assert len(stage) == 5


@needs_corpus
def test_reader_and_read() -> None:
    path = CORPUS / "ep-00-01-21.txt"
    by_read = stenogram.read(path)
    assert by_read == stenogram.parse_file(path)
    forced = stenogram.read(path.read_bytes(), "europarl")
    assert [turn.label for turn in forced.turns] == ["Fraga Estévez", "President"]
    assert forced.participants[0].id == "fraga-estevez"
    assert "europarl" in {f.name for f in stenogram.formats() if f.kind == "reader"}


def test_europarl_suffix_picks_the_reader(tmp_path: Path) -> None:
    path = tmp_path / "sitting.europarl"
    path.write_text(SMALL, encoding="utf-8")
    t = stenogram.read(path)
    assert [turn.label for turn in t.turns] == ["President", "Zimmerling", "President", "Zimmerling"]
    with pytest.raises(stenogram.EmptyInputError):
        stenogram.read(b" \n", "europarl")
