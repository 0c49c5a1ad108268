"""Errors: one base class, messages that say where, and no input that makes parse() raise anything else."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import stenogram
from stenogram.errors import DecodeError, EmptyInputError, ParseError, StenogramError

#: Pieces that reach every branch of the outer shell: fences, Europarl tags, header lines, labels.
FRAGMENTS = st.sampled_from(
    [
        "---",
        "+++",
        "...",
        "title: x",
        'title = "x"',
        "date: 2020-01-21",
        "date = 2020-01-21",
        "participants:",
        "  - {id: a, name: A}",
        "[[participants]]",
        "President: John F. Kennedy",
        "<CHAPTER ID=1>",
        '<SPEAKER ID=1 NAME="President">',
        '<SPEAKER ID=2 LANGUAGE="DE" NAME="">',
        "<P>",
        "(Applause.)",
        "January 21, 2020",
        "(October 21, 2021)",
        "20:15",
        "1:26 P.M. EST",
        "The Kremlin, Moscow",
        "Vladimir Putin: Good afternoon.",
        "Q    Hello.",
        "MS. PSAKI:  Hi.",
        "主席：",
        "",
        " ",
        "\t",
        "\u00a0",
        "\ufeff",
        "\r",
    ]
)
DOCUMENTS = st.lists(st.one_of(FRAGMENTS, st.text(max_size=30)), max_size=25).map("\n".join)


def _parse_or_stenogram_error(text: str) -> None:
    try:
        t = stenogram.parse(text)
    except StenogramError:
        return
    assert isinstance(t, stenogram.Transcript)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text())
def test_parse_any_string_raises_only_stenogram_errors(text: str) -> None:
    _parse_or_stenogram_error(text)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(DOCUMENTS)
def test_parse_structured_noise_raises_only_stenogram_errors(text: str) -> None:
    _parse_or_stenogram_error(text)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.binary(), DOCUMENTS.map(lambda s: s.encode("utf-8", "surrogatepass"))))
def test_parse_bytes_any_bytes_raises_only_stenogram_errors(data: bytes) -> None:
    try:
        t = stenogram.parse_bytes(data)
    except StenogramError:
        return
    assert isinstance(t, stenogram.Transcript)


@pytest.mark.parametrize("text", ["", " ", "\n\n", "\r\n\t \u00a0\n", "\ufeff"])
def test_blank_input_is_empty_input(text: str) -> None:
    with pytest.raises(EmptyInputError, match="holds no text"):
        stenogram.parse(text)
    with pytest.raises(EmptyInputError):
        stenogram.parse_bytes(text.encode("utf-8"))


def test_empty_file_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"\xef\xbb\xbf \r\n")
    with pytest.raises(EmptyInputError) as info:
        stenogram.parse_file(path)
    assert info.value.file == str(path)
    assert str(info.value) == f"{path}: the input holds no text"


def test_error_hierarchy() -> None:
    assert issubclass(DecodeError, ParseError) and issubclass(EmptyInputError, ParseError)
    assert issubclass(ParseError, StenogramError)
    with pytest.raises(StenogramError):
        stenogram.parse_bytes(b"\xff\xff\xff")


def test_parse_rejects_bytes_with_a_stenogram_error() -> None:
    with pytest.raises(StenogramError, match="parse_bytes"):
        stenogram.parse(b"Anna: hi")  # type: ignore[arg-type]


def test_with_file_renders_file_and_line() -> None:
    err = ParseError("bad TOML metadata", line=3, text="title =")
    assert str(err) == "<text>:3: bad TOML metadata: 'title ='"
    assert str(err.with_file("talk.txt")) == "talk.txt:3: bad TOML metadata: 'title ='"


def test_unreadable_paths_are_read_errors(tmp_path: Path) -> None:
    with pytest.raises(stenogram.ReadError, match="cannot read"):
        stenogram.parse_file(tmp_path)  # a directory
    with pytest.raises(stenogram.ReadError, match="cannot read"):
        stenogram.parse_file("bad\0name.txt")


def test_parse_bytes_rejects_text_with_a_stenogram_error() -> None:
    with pytest.raises(StenogramError, match="use parse"):
        stenogram.parse_bytes("Anna: hi")  # type: ignore[arg-type]
    assert stenogram.parse_bytes(bytearray(b"Anna Petrova: Hello.")).turns[0].label == "Anna Petrova"


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=12),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)
META_KEYS = st.sampled_from(
    ["title", "date", "time", "place", "source", "url", "language", "is_excerpt", "participants", "extra", "x"]
)
PEOPLE = st.lists(
    st.dictionaries(st.sampled_from(["id", "name", "role", "labels", "anonymous"]), JSON_VALUES, max_size=4)
    | JSON_VALUES,
    max_size=3,
)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(META_KEYS, JSON_VALUES, max_size=5), PEOPLE)
def test_any_metadata_raises_only_stenogram_errors(meeting: dict[str, object], people: list[object]) -> None:
    try:
        t = stenogram.parse("Anna Petrova: Good morning.\nIvan Sidorov: Hello.\n", meeting=meeting, participants=people)
    except StenogramError:
        return
    ids = [p.id for p in t.participants]
    assert len(ids) == len(set(ids))
    assert {turn.speaker for turn in t.turns} <= set(ids)
