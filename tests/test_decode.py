"""Bytes in: BOMs, UTF-16, other encodings through encoding=, line ends, undecodable bytes."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

import stenogram
from stenogram.errors import DecodeError, ParseError
from stenogram.parse.decode import UnknownEncodingError, decode, normalise_newlines

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_cc7df8760118afc5.txt"
SAMPLE = "Anna Petrova: Good morning.\nIvan Sidorov: Good morning to you.\n"
RUSSIAN = "Михаил Мишустин: Добрый день, уважаемые коллеги.\nАлихан Смаилов: Спасибо.\n"


def _shape(t: stenogram.Transcript) -> list[tuple[str, list[str]]]:
    return [(turn.label, [p.text for p in turn.paragraphs]) for turn in t.turns]


@pytest.mark.parametrize(
    ("data", "name"),
    [
        (SAMPLE.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + SAMPLE.encode("utf-8"), "utf-8 with BOM"),
        (codecs.BOM_UTF16_LE + SAMPLE.encode("utf-16-le"), "utf-16-le with BOM"),
        (codecs.BOM_UTF16_BE + SAMPLE.encode("utf-16-be"), "utf-16-be with BOM"),
        (SAMPLE.encode("utf-16"), "utf-16 (native BOM)"),
        (codecs.BOM_UTF32_LE + SAMPLE.encode("utf-32-le"), "utf-32-le with BOM"),
    ],
)
def test_boms_pick_the_encoding_and_vanish(data: bytes, name: str) -> None:
    assert decode(data) == SAMPLE, name
    assert _shape(stenogram.parse_bytes(data)) == _shape(stenogram.parse(SAMPLE))


def test_seed_in_utf16_parses_like_the_utf8_seed() -> None:
    raw = SEED.read_bytes()
    text = raw.decode("utf-8")
    assert _shape(stenogram.parse_bytes(text.encode("utf-16"))) == _shape(stenogram.parse_bytes(raw))


def test_cp1251_russian_through_encoding() -> None:
    data = RUSSIAN.encode("cp1251")
    with pytest.raises(DecodeError) as info:
        stenogram.parse_bytes(data)
    assert "encoding=" in str(info.value)
    t = stenogram.parse_bytes(data, encoding="cp1251")
    assert [turn.label for turn in t.turns] == ["Михаил Мишустин", "Алихан Смаилов"]
    assert t.turns[0].paragraphs[0].text == "Добрый день, уважаемые коллеги."
    # A Cyrillic transcript parses like a Latin one: the same shape as the UTF-8 string.
    assert _shape(t) == _shape(stenogram.parse(RUSSIAN))


def test_cp1251_file(tmp_path: Path) -> None:
    path = tmp_path / "mishustin.txt"
    path.write_bytes(RUSSIAN.encode("cp1251"))
    t = stenogram.parse_file(path, encoding="cp1251")
    assert t.participants[0].name == "Михаил Мишустин"


def test_undecodable_byte_names_offset_line_and_encoding() -> None:
    data = b"Anna: one\nAnna: two \xff three\n"
    with pytest.raises(DecodeError) as info:
        decode(data)
    err = info.value
    assert err.offset == data.index(b"\xff")
    assert err.encoding == "utf-8"
    message = str(err)
    assert f"offset {err.offset}" in message and "line 2" in message and "encoding=" in message


def test_undecodable_file_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "broken.txt"
    path.write_bytes(b"Anna: ok\n\xc3\x28\n")
    with pytest.raises(DecodeError) as info:
        stenogram.parse_file(path)
    assert info.value.file == str(path)
    assert str(path) in str(info.value)


def test_utf16_without_bom_gets_a_utf16_hint() -> None:
    data = ("Anna: " + "x" * 40 + "\ud7ff").encode("utf-16-le")[:-1]  # odd length: cannot be UTF-8 text
    with pytest.raises(DecodeError) as info:
        decode(data + b"\xff\xfe")
    assert "utf-16" in str(info.value)


def test_unknown_and_non_text_encodings_are_stenogram_errors() -> None:
    with pytest.raises(UnknownEncodingError, match="unknown encoding 'klingon'"):
        stenogram.parse_bytes(b"Anna: hi", encoding="klingon")
    with pytest.raises(UnknownEncodingError, match="not a text encoding"):
        stenogram.parse_bytes(b"Anna: hi", encoding="rot13")
    assert issubclass(UnknownEncodingError, ParseError)


@pytest.mark.parametrize("newline", ["\r\n", "\r", "\n"])
def test_line_ends_fold_to_lf(newline: str) -> None:
    text = SAMPLE.replace("\n", newline)
    assert normalise_newlines(text) == SAMPLE
    t = stenogram.parse_bytes(text.encode("utf-8"))
    assert _shape(t) == _shape(stenogram.parse(SAMPLE))
    # spans index the folded text, so they cut out exactly what they claim
    for turn in t.turns:
        for p in turn.paragraphs:
            assert p.span is not None
            assert SAMPLE[p.span.start : p.span.end] == p.text


def test_seed_with_crlf_and_bom_matches_the_seed() -> None:
    raw = SEED.read_bytes()
    crlf = codecs.BOM_UTF8 + raw.replace(b"\n", b"\r\n")
    assert stenogram.parse_bytes(crlf) == stenogram.parse_bytes(raw)


def test_explicit_encoding_still_drops_a_bom() -> None:
    assert decode(codecs.BOM_UTF8 + b"Anna: hi", "utf-8") == "Anna: hi"
