"""The built-in JSON exporter and reader: lossless, deterministic, strict about what it reads."""

from __future__ import annotations

import json
import tracemalloc
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from repo_shared import shared, skip_if_missing

import stenogram
from stenogram import SCHEMA_VERSION, ReadError, Transcript, from_json, to_json
from stenogram.builtin.json_format import sniff_json
from stenogram.testing import transcripts

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_cc7df8760118afc5.txt"
CORPUS = shared("corpus")
CORPUS_FILES = [
    "kremlin_en/2020-01-21_meeting-with-government-members.txt",
    "kremlin_en/2017-06-28_meeting-with-zyuganov.txt",
    "whitehouse_md/2023-06-22_biden-modi-arrival-ceremony.txt",
]


@settings(max_examples=100, deadline=None)
@given(transcripts())
def test_round_trip_keeps_everything(t: Transcript) -> None:
    text = to_json(t)
    back = from_json(text)
    assert back == t
    # Spans and diagnostics do not take part in equality; the second dump shows they survived too.
    assert to_json(back) == text
    assert back.diagnostics == t.diagnostics


@settings(max_examples=30, deadline=None)
@given(transcripts())
def test_exporter_and_reader_agree_at_any_indent(t: Transcript) -> None:
    for indent in (0, 2, 4):
        out = stenogram.export(t, "json", indent=indent)
        assert isinstance(out, str)
        assert stenogram.read(out.encode("utf-8"), "json") == t
        assert ("\n" in out.rstrip("\n")) == bool(indent)


def check_round_trip(t: Transcript) -> None:
    out = stenogram.export(t, "json")
    assert isinstance(out, str)
    back = stenogram.read(out.encode("utf-8"))  # found by sniffing, no name given
    assert back == t
    assert to_json(back) == out


def test_seed_round_trip() -> None:
    t = stenogram.read(SEED)
    check_round_trip(t)
    data = json.loads(to_json(t))
    assert data["schema_version"] == SCHEMA_VERSION == 2
    assert "Mikhail Mishustin" in {turn["label"] for turn in data["body"] if turn["type"] == "turn"}


@pytest.mark.parametrize("name", CORPUS_FILES)
def test_corpus_round_trip(name: str) -> None:
    path = CORPUS / name
    skip_if_missing(path)
    check_round_trip(stenogram.read(path))


def test_output_is_deterministic_and_keeps_non_ascii() -> None:
    t = stenogram.parse("Анна Петрова: Доброе утро.\n")
    assert to_json(t) == to_json(stenogram.parse("Анна Петрова: Доброе утро.\n"))
    assert "Доброе утро." in to_json(t)
    assert to_json(t).endswith("}\n")


def test_negative_indent_is_an_option_error() -> None:
    with pytest.raises(stenogram.OptionError, match="indent"):
        stenogram.export(Transcript(), "json", indent=-1)


def test_sniff() -> None:
    assert sniff_json(b'\xef\xbb\xbf\n  {"schema_version": 1, "meeting": {}}')
    assert not sniff_json(b'{"name": "some other json"}')
    assert not sniff_json(b"Anna Petrova: {schema_version}")


GOOD = json.loads(to_json(Transcript()))


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.update(schema_version=3), r"\$\.schema_version: this stenogram reads versions 1 and 2, not 3"),
        (lambda d: d.pop("body"), r"\$\.body: missing"),
        (lambda d: d.update(participants={}), r"\$\.participants: expected a list, got dict"),
        (lambda d: d["meeting"].update(date="19 August"), r"\$\.meeting\.date: not an ISO date"),
        (lambda d: d.update(body=[{"type": "note", "kind": "loud", "text": "x"}]), r"\$\.body\[0\]\.kind"),
        (
            lambda d: d.update(body=[{"type": "turn", "speaker": "a", "label": "A", "content": [{"type": "x"}]}]),
            r"\$\.body\[0\]\.content\[0\]",
        ),
        (
            lambda d: d.update(participants=[{"id": "1 bad", "name": "X", "labels": []}]),
            r"\$\.participants\[0\]",
        ),
    ],
)
def test_malformed_json_names_the_place(change: object, message: str) -> None:
    data = json.loads(json.dumps(GOOD))
    change(data)  # type: ignore[operator]
    with pytest.raises(ReadError, match=message):
        from_json(json.dumps(data), source="x.json")


def test_invalid_json_names_file_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text('{\n  "schema_version": 1,\n  oops\n}\n', encoding="utf-8")
    with pytest.raises(ReadError, match=r"bad\.json:3:3: not valid JSON"):
        stenogram.read(path)


def test_version_1_documents_are_still_read() -> None:
    t = stenogram.parse("Anna Petrova: Good morning.\n")
    data = json.loads(to_json(t))
    data["schema_version"] = 1
    for participant in data["participants"]:
        del participant["affiliation"], participant["constituency"]
    for item in data["body"]:
        del item["time"], item["id"]
    del data["meeting"]["id"]
    assert from_json(json.dumps(data)) == t


def test_version_2_fields_round_trip_ids_included() -> None:
    import attrs

    t = stenogram.parse("Ms SMITH (Northtown, Lab.): Good morning.\n")
    person = attrs.evolve(t.participants[0], affiliation="Lab.", constituency="Northtown")
    turn = attrs.evolve(t.turns[0], time="14:03", id="u1")
    t = attrs.evolve(
        t, participants=(person,), body=(turn,), meeting=attrs.evolve(t.meeting, id="ParlaMint-GB_2020-01-01")
    )
    back = from_json(to_json(t))
    assert back == t
    assert (back.turns[0].id, back.turns[0].time, back.meeting.id) == ("u1", "14:03", "ParlaMint-GB_2020-01-01")
    assert (back.participants[0].affiliation, back.participants[0].constituency) == ("Lab.", "Northtown")


@pytest.mark.parametrize("indent", [0, 1, 2, 16])
def test_the_json_written_to_a_file_is_the_json_exported(indent: int, tmp_path: Path) -> None:
    """export_file streams through the exporter's ``write``, in pieces, with the bytes ``export`` gives."""
    t = stenogram.parse("Anna Petrova: café \U0001f600 “quoted” \\ slash.\n" * 3000 + "Ivan Sidorov: Yes.\n")
    t = attrs.evolve(t, meeting=attrs.evolve(t.meeting, title="lone \ud800 surrogate"))
    path = stenogram.export_file(t, "json", tmp_path / "t.json", indent=indent)
    assert path.read_bytes() == stenogram.export_bytes(t, "json", indent=indent)
    assert "\ufffd" in path.read_text(encoding="utf-8")


def test_indented_json_of_50000_turns_is_not_held_as_tokens() -> None:
    """json.dumps with an indent keeps a list of every token (105 MB for this 12 MB document); now 34 MB."""
    t = stenogram.parse("A:\n" * 50_000)
    tracemalloc.start()
    try:
        out = stenogram.to_json(t)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 4 * len(out), f"peak {peak / len(out):.1f}x the output"
