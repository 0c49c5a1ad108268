"""``stenogram.read(..., parse_options=...)`` on real kremlin.ru and Europarl transcripts."""

from __future__ import annotations

from pathlib import Path

import pytest
from repo_shared import needs_shared, shared

import stenogram
from stenogram import OptionError, ParseOptions, StrictModeError
from stenogram.model import Note, Transcript

CORPUS = shared("corpus")
ERDOGAN = CORPUS / "kremlin_en" / "2017-03-10_joint-news-conference-erdogan.txt"
GOVERNMENT = CORPUS / "kremlin_en" / "2020-08-26_meeting-with-government-members.txt"
EUROPARL = CORPUS / "europarl_v7" / "ep-00-01-21.txt"
ANNOTATED = "President of Turkey Recep Tayyip Erdogan (retranslated):"
ASIDE = "(Tatyana Golikova also reported"

pytestmark = needs_shared("corpus", "kremlin_en", ERDOGAN.name)


def _retranslated_turns(t: Transcript) -> list[str]:
    return [turn.label for turn in t.turns if turn.annotation == "retranslated"]


def test_annotated_labels_open_turns_by_default_and_stay_text_when_asked() -> None:
    opened = stenogram.read(ERDOGAN)
    assert "President of Turkey Recep Tayyip Erdogan (retranslated)" in _retranslated_turns(opened)
    assert not any(ANNOTATED in p.text for p in opened.paragraphs)
    assert "annotated-label" not in {d.code for d in opened.diagnostics}

    for given in ({"annotated_labels": False}, {"annotated_labels": "no"}, ParseOptions(annotated_labels=False)):
        asked = stenogram.read(ERDOGAN, parse_options=given)
        assert _retranslated_turns(asked) == []
        assert any(ANNOTATED in p.text for p in asked.paragraphs)
        assert "annotated-label" in {d.code for d in asked.diagnostics}
        assert asked == stenogram.parse_file(ERDOGAN, annotated_labels=False)


def test_stage_notes_lift_an_aside_out_of_the_turn() -> None:
    plain = stenogram.read(GOVERNMENT, parse_options=None)
    assert [p.is_aside for p in plain.paragraphs if p.text.startswith(ASIDE)] == [True]
    assert not any(n.text.startswith(ASIDE) for n in plain.notes)

    lifted = stenogram.read(GOVERNMENT, parse_options={"stage_notes": "true"})
    assert not any(p.text.startswith(ASIDE) for p in lifted.paragraphs)
    assert [type(n) for n in lifted.notes if n.text.startswith(ASIDE)] == [Note]
    assert len(lifted.paragraphs) < len(plain.paragraphs)


def test_bytes_go_through_the_same_options() -> None:
    data = GOVERNMENT.read_bytes()
    lifted = stenogram.read(data, name=GOVERNMENT.name, parse_options={"stage_notes": True})
    assert any(n.text.startswith(ASIDE) for n in lifted.notes)
    assert lifted == stenogram.parse_bytes(data, source=GOVERNMENT.name, stage_notes=True)


def test_strict_raises_where_the_parser_guessed() -> None:
    with pytest.raises(StrictModeError, match="had to guess") as caught:
        stenogram.read(ERDOGAN, parse_options={"strict": True})
    assert caught.value.file == str(ERDOGAN)
    assert caught.value.diagnostics == stenogram.read(ERDOGAN).diagnostics


@pytest.mark.parametrize(
    ("given", "message"),
    [
        (
            {"nosuch": 1},
            r"unknown option 'nosuch'.*annotated_labels, label_lines, separators, speakers, stage_notes, strict, "
            r"text_lines",
        ),
        ({"strict": "maybe"}, r"option 'strict' expects true or false, not 'maybe'"),
        ({"stage_notes": 1}, r"option 'stage_notes' expects true or false"),
        ("strict", r"options must be a ParseOptions, not str"),
    ],
)
def test_bad_parse_options_are_option_errors(given: object, message: str) -> None:
    with pytest.raises(OptionError, match=message):
        stenogram.read(GOVERNMENT, parse_options=given)  # type: ignore[arg-type]


def test_a_reader_of_parsed_transcripts_refuses_options_it_would_drop(tmp_path: Path) -> None:
    stored = tmp_path / "erdogan.json"
    stored.write_text(stenogram.to_json(stenogram.read(ERDOGAN)), encoding="utf-8")
    assert stenogram.read(stored, parse_options={"strict": False}) == stenogram.read(ERDOGAN)  # defaults are fine
    for given in ({"strict": True}, {"annotated_labels": False, "stage_notes": True}):
        with pytest.raises(OptionError, match=r"erdogan\.json: parse options \(.*\) .*'json' reader"):
            stenogram.read(stored, parse_options=given)
    with pytest.raises(OptionError, match=r"stage_notes=True"):
        stenogram.read(stored.read_bytes(), parse_options={"stage_notes": True})
    forced = stenogram.read(stored, "text", parse_options={"annotated_labels": False})  # parsed as plain text: taken
    assert forced.turns


def test_the_europarl_reader_takes_the_options() -> None:
    """It keeps stage lines as asides or notes as stage_notes says, has no running labels, and never guesses."""
    t = stenogram.read(
        EUROPARL, "europarl", parse_options={"strict": True, "stage_notes": True, "annotated_labels": True}
    )
    assert "(The Minutes were approved)" in [n.text for n in t.notes]
    default = stenogram.read(EUROPARL, "europarl")
    assert "(The Minutes were approved)" in [p.text for p in default.paragraphs if p.is_aside]
    assert t != default
    assert t == stenogram.read(EUROPARL, parse_options={"stage_notes": True})  # picked by its markup


def test_formats_lists_the_parse_options_on_the_text_reader() -> None:
    found = {(f.kind, f.name): f for f in stenogram.formats()}
    text = found[("reader", "text")]
    assert [(o.name, o.type, o.default) for o in text.options] == [
        ("strict", "bool", "False"),
        ("stage_notes", "bool", "False"),
        ("annotated_labels", "bool", "True"),
        ("separators", "tuple[Literal['colon', 'dash'], ...]", "()"),
        ("speakers", "tuple[str, ...]", "()"),
        ("label_lines", "tuple[int, ...]", "()"),
        ("text_lines", "tuple[int, ...]", "()"),
        ("encoding", "str | None", "None"),
    ]
    assert found[("reader", "json")].options == ()
