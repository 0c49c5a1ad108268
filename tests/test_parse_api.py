"""parse(), parse_bytes(), parse_file(): metadata arguments, participants and precedence."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import stenogram
from stenogram import Meeting, Participant
from stenogram.errors import OptionError, ParseError

SAMPLE = "Anna Petrova: Good morning.\nIvan Sidorov: Good morning to you.\nAnna Petrova: Let us begin.\n"
FRONT = '+++\ntitle = "Front"\nplace = "Front place"\ndate = 2020-01-01\n+++\n'


def test_meeting_mapping_sets_fields() -> None:
    t = stenogram.parse(SAMPLE, meeting={"title": "Morning meeting", "date": "2024-05-06", "place": "Kazan"})
    assert (t.meeting.title, t.meeting.date, t.meeting.place) == ("Morning meeting", dt.date(2024, 5, 6), "Kazan")


def test_meeting_object_sets_fields() -> None:
    t = stenogram.parse(SAMPLE, meeting=Meeting(title="Morning meeting", date=dt.date(2024, 5, 6), is_excerpt=True))
    assert t.meeting.title == "Morning meeting" and t.meeting.date == dt.date(2024, 5, 6)
    assert t.meeting.is_excerpt


def test_unknown_meeting_keys_are_kept_as_text() -> None:
    t = stenogram.parse(SAMPLE, meeting={"title": "x", "session": 7, "tags": ["a", "b"], "public": True})
    assert t.meeting.extra == (("session", "7"), ("tags", '["a", "b"]'), ("public", "true"))


def test_participants_by_label_set_id_and_role() -> None:
    t = stenogram.parse(
        SAMPLE,
        participants=[
            {"id": "chair", "labels": ["anna petrova"], "role": "Chair"},
            Participant(id="sidorov", name="Ivan Sidorov", role="Minister of Finance"),
        ],
    )
    assert [p.id for p in t.participants] == ["chair", "sidorov"]
    assert [turn.speaker for turn in t.turns] == ["chair", "sidorov", "chair"]
    chair = t.participant("chair")
    assert (chair.name, chair.role, chair.labels) == ("Anna Petrova", "Chair", ("Anna Petrova",))
    assert t.participant("sidorov").role == "Minister of Finance"
    assert t.turns_of("chair") == (t.turns[0], t.turns[2])


def test_participant_matched_by_parsed_id() -> None:
    parsed = stenogram.parse(SAMPLE)
    anna_id = parsed.turns[0].speaker
    t = stenogram.parse(SAMPLE, participants=[{"id": anna_id, "role": "Chair"}])
    assert t.participant(anna_id).role == "Chair"
    assert t.participant(anna_id).name == "Anna Petrova"


def test_name_override() -> None:
    t = stenogram.parse(SAMPLE, participants=[{"labels": ["Ivan Sidorov"], "name": "Ivan I. Sidorov"}])
    assert [p.name for p in t.participants][1] == "Ivan I. Sidorov"
    assert t.turns[1].label == "Ivan Sidorov"  # the label stays as printed


def test_one_metadata_participant_joins_two_labels() -> None:
    text = "Vladimir Putin: Good afternoon.\nMikhail Mishustin: Thank you.\nPUTIN: Go on.\n"
    parsed = stenogram.parse(text)
    t = stenogram.parse(text, participants=[{"id": "putin", "name": "Vladimir Putin", "labels": ["PUTIN"]}])
    assert len(t.participants) <= len(parsed.participants)
    assert t.turns[0].speaker == t.turns[2].speaker == "putin"
    assert set(t.participant("putin").labels) >= {"Vladimir Putin", "PUTIN"}


def test_metadata_id_taken_by_another_parsed_participant() -> None:
    parsed = stenogram.parse(SAMPLE)
    ivan_id = parsed.turns[1].speaker
    t = stenogram.parse(SAMPLE, participants=[{"id": ivan_id, "labels": ["Anna Petrova"]}])
    ids = [p.id for p in t.participants]
    assert len(set(ids)) == len(ids)
    assert t.turns[0].speaker == ivan_id
    assert t.turns[1].speaker != ivan_id
    assert t.participant(t.turns[1].speaker).name == "Ivan Sidorov"


def test_participant_who_never_speaks_is_listed() -> None:
    t = stenogram.parse(SAMPLE, participants=[{"name": "Olga Ivanova", "role": "Secretary"}])
    olga = t.participants[-1]
    assert (olga.name, olga.role, olga.id) == ("Olga Ivanova", "Secretary", "olga-ivanova")
    assert not t.turns_of(olga.id)


def test_precedence_api_over_sidecar_over_front_matter(tmp_path: Path) -> None:
    path = tmp_path / "talk.txt"
    path.write_text(FRONT + SAMPLE, encoding="utf-8")
    (tmp_path / "talk.meta.toml").write_text('title = "Sidecar"\nplace = "Sidecar place"\n', encoding="utf-8")
    t = stenogram.parse_file(path, meeting={"title": "API"})
    assert (t.meeting.title, t.meeting.place, t.meeting.date) == ("API", "Sidecar place", dt.date(2020, 1, 1))
    t = stenogram.parse_file(path)
    assert t.meeting.title == "Sidecar"
    assert stenogram.parse(FRONT + SAMPLE).meeting.title == "Front"


def test_participant_precedence_across_layers(tmp_path: Path) -> None:
    path = tmp_path / "talk.txt"
    fm = '+++\n[[participants]]\nid = "anna"\nname = "Anna Petrova"\nrole = "Deputy"\n+++\n'
    path.write_text(fm + SAMPLE, encoding="utf-8")
    (tmp_path / "talk.meta.yaml").write_text("participants:\n  - {id: anna, role: Chair}\n", encoding="utf-8")
    t = stenogram.parse_file(path)
    assert t.participant("anna").role == "Chair"
    t = stenogram.parse_file(path, participants=[{"id": "anna", "role": "Speaker"}])
    assert t.participant("anna").role == "Speaker"
    assert t.turns[0].speaker == "anna"


def test_parse_bytes_takes_the_same_arguments() -> None:
    t = stenogram.parse_bytes(
        SAMPLE.encode(), meeting={"title": "T"}, participants=[{"id": "a", "labels": ["Anna Petrova"]}]
    )
    assert t.meeting.title == "T" and t.turns[0].speaker == "a"


def test_options_and_overrides() -> None:
    assert stenogram.parse(SAMPLE, strict=False) == stenogram.parse(SAMPLE, options=stenogram.ParseOptions())
    with pytest.raises(OptionError, match=r"unknown option 'no_such_option' for ParseOptions; options: annotated"):
        stenogram.parse(SAMPLE, no_such_option=True)
    with pytest.raises(OptionError, match="options must be a ParseOptions"):
        stenogram.parse(SAMPLE, options="strict")  # type: ignore[arg-type]
    with pytest.raises(OptionError, match="option 'strict' expects true or false, not 'maybe'"):
        stenogram.parse(SAMPLE, strict="maybe")
    assert stenogram.parse(SAMPLE, stage_notes="yes") == stenogram.parse(SAMPLE, stage_notes=True)


@pytest.mark.parametrize(
    ("kwargs", "fragment"),
    [
        ({"meeting": {"date": "soon"}}, "date"),
        ({"meeting": {"title": ["a"]}}, "expected text"),
        ({"meeting": 42}, "meeting must be"),
        ({"participants": "Anna"}, "participants must be a list"),
        ({"participants": [{"nickname": "x"}]}, "unknown participant field"),
        ({"participants": [{}]}, "at least an id"),
        ({"participants": [42]}, "mapping or a name"),
        ({"participants": {"5": "Anna Petrova"}}, "participant id '5'"),
        ({"participants": [{"id": "a\nb"}]}, "participant id"),
    ],
)
def test_bad_metadata_arguments(kwargs: dict[str, object], fragment: str) -> None:
    with pytest.raises(stenogram.StenogramError, match=fragment):
        stenogram.parse(SAMPLE, **kwargs)  # type: ignore[arg-type]


def test_parse_file_error_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    path.write_text("---\ntitle: [oops\n---\nAnna: hi\n", encoding="utf-8")
    with pytest.raises(ParseError) as info:
        stenogram.parse_file(path)
    assert info.value.file == str(path) and str(info.value).startswith(f"{path}:")
    with pytest.raises(stenogram.ReadError, match="cannot read"):
        stenogram.parse_file(tmp_path / "missing.txt")
