"""The public API over the registries: formats(), export(), export_file(), read(), options."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO, Literal

import attrs
import pytest

import stenogram
from stenogram import (
    Diagnostic,
    ExportError,
    OptionError,
    Paragraph,
    ReadError,
    Severity,
    Transcript,
    Turn,
    UnknownFormatError,
    hookimpl,
)
from stenogram.convert import pick_reader
from stenogram.errors import OverwriteError, WriteError
from stenogram.hookspecs import Registrar
from stenogram.options import coerce_option, describe_options, make_options
from stenogram.plugins import DEFAULT_PLUGINS, PluginHost, using_host

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_cc7df8760118afc5.txt"
T = Transcript(body=(Turn(speaker="a", label="Anna Petrova", content=(Paragraph(text="Good morning."),)),))


@attrs.frozen(kw_only=True)
class EchoOptions:
    mode: Literal["plain", "loud"] = "plain"
    width: int = attrs.field(default=10, validator=attrs.validators.ge(1))
    ratio: float = 0.5
    tags: tuple[str, ...] = ()
    title: str | None = None
    out: Path | None = None
    strict: bool = False


def export_echo(t: Transcript, o: EchoOptions) -> str:
    text = " ".join(p.text for p in t.paragraphs)
    return (text.upper() if o.mode == "loud" else text) + f"|{o.width}|{o.ratio}|{','.join(o.tags)}|{o.title}\n"


class EchoPlugin:
    @hookimpl
    def stenogram_register_formats(self, registrar: Registrar) -> None:
        registrar.add_exporter(
            "echo", export_echo, options=EchoOptions, media_type="text/plain", suffix=".echo", description="e"
        )
        registrar.add_exporter("bytes", lambda t, o: b"\x00\x01", media_type="application/x-test", suffix=".bin",
                               description="b", binary=True)  # fmt: skip
        registrar.add_exporter(
            "liar", lambda t, o: b"bytes", media_type="text/plain", suffix=".liar", description="says text"
        )
        registrar.add_exporter("crash", lambda t, o: 1 / 0, media_type="text/plain", suffix=".crash", description="bug")
        registrar.add_exporter(
            "stream", export_echo, options=EchoOptions, media_type="text/plain", suffix=".st", description="s",
            write=_write_echo,
        )  # fmt: skip
        registrar.add_exporter(
            "halfway", export_echo, options=EchoOptions, media_type="text/plain", suffix=".hw", description="h",
            write=_write_then_fail,
        )  # fmt: skip
        registrar.add_exporter(
            "fulldisk", export_echo, options=EchoOptions, media_type="text/plain", suffix=".fd", description="f",
            write=_write_disk_full,
        )  # fmt: skip
        registrar.add_reader("xml", lambda d, n, o: T, suffixes=(".xml",), description="any xml")
        registrar.add_reader(
            "teix", lambda d, n, o: _labelled("tei"), suffixes=(".tei.xml",), description="longer suffix"
        )
        registrar.add_reader("broken", lambda d, n, o: 1 / 0, suffixes=(".broken",), description="reader bug")
        registrar.add_reader("notatranscript", lambda d, n, o: "text", suffixes=(".nat",), description="wrong type")
        registrar.add_reader(
            "badsniff", lambda d, n, o: T, suffixes=(".bs",), description="sniff bug", sniff=lambda h: 1 / 0
        )
        registrar.add_reader(
            "zz", lambda d, n, o: _labelled("zz"), suffixes=(".zz",), description="sniffs", sniff=_sniff_zz
        )


def _write_echo(t: Transcript, o: EchoOptions, fh: BinaryIO) -> tuple[Diagnostic, ...]:
    for piece in (export_echo(t, o)[:5], export_echo(t, o)[5:]):  # in pieces, as a streaming writer goes
        fh.write(piece.encode("utf-8"))
    return (Diagnostic(code="streamed", message="written in pieces", severity=Severity.WARNING),)


def _write_then_fail(t: Transcript, o: EchoOptions, fh: BinaryIO) -> tuple[Diagnostic, ...]:
    fh.write(b"half of it")
    raise ValueError("a bug halfway")


def _write_disk_full(t: Transcript, o: EchoOptions, fh: BinaryIO) -> tuple[Diagnostic, ...]:
    fh.write(b"some")
    raise OSError(28, "No space left on device")


def _labelled(label: str) -> Transcript:
    return Transcript(body=(Turn(speaker="x", label=label),))


def _sniff_zz(head: bytes) -> bool:
    return head.startswith(b"ZZ")


@pytest.fixture(autouse=True)
def host() -> Iterator[PluginHost]:
    h = PluginHost()
    for name in DEFAULT_PLUGINS:
        h.register_module(name, builtin=True)
    h.register(EchoPlugin(), name="test")
    with using_host(h):
        yield h


def test_formats_lists_exporters_and_readers_with_options() -> None:
    found = {(f.kind, f.name): f for f in stenogram.formats()}
    assert {("exporter", "json"), ("reader", "json"), ("reader", "text"), ("exporter", "echo")} <= set(found)
    echo = found[("exporter", "echo")]
    assert (echo.suffixes, echo.media_type, echo.binary, echo.plugin) == ((".echo",), "text/plain", False, "test")
    assert [o.name for o in echo.options] == ["mode", "width", "ratio", "tags", "title", "out", "strict"]
    assert found[("exporter", "bytes")].binary
    kinds = [f.kind for f in stenogram.formats()]
    assert kinds == sorted(kinds)


def test_export_with_defaults_overrides_instances_and_mappings() -> None:
    assert stenogram.export(T, "echo") == "Good morning.|10|0.5||None\n"
    assert stenogram.export(T, "echo", mode="loud", width="3", tags="a, b") == "GOOD MORNING.|3|0.5|a,b|None\n"
    assert stenogram.export(T, "echo", EchoOptions(width=4), ratio=1) == "Good morning.|4|1.0||None\n"
    assert stenogram.export(T, "echo", {"title": "T"}) == "Good morning.|10|0.5||T\n"
    assert stenogram.export(T, "bytes") == b"\x00\x01"


def test_unknown_format_lists_the_formats() -> None:
    with pytest.raises(UnknownFormatError) as info:
        stenogram.export(T, "pdf")
    assert "'pdf'" in str(info.value) and "echo" in str(info.value) and "json" in str(info.value)
    assert "json" in info.value.available


@pytest.mark.parametrize(
    ("overrides", "named"),
    [
        ({"colour": "red"}, "colour"),
        ({"width": "wide"}, "width"),
        ({"width": 2.5}, "width"),
        ({"width": True}, "width"),
        ({"width": 0}, "width"),  # the field's own validator
        ({"mode": "quiet"}, "mode"),
        ({"strict": "maybe"}, "strict"),
        ({"title": 3}, "title"),
        ({"tags": 3}, "tags"),
    ],
)
def test_bad_options_raise_option_error_naming_the_option(overrides: dict[str, object], named: str) -> None:
    with pytest.raises(OptionError, match=f"'{named}'"):
        stenogram.export(T, "echo", **overrides)


def test_options_of_the_wrong_class() -> None:
    with pytest.raises(OptionError, match="EchoOptions"):
        stenogram.export(T, "echo", object())


def test_exporter_bugs_and_lies_become_export_errors() -> None:
    with pytest.raises(ExportError, match=r"'crash' \(test\) failed: ZeroDivisionError"):
        stenogram.export(T, "crash")
    with pytest.raises(ExportError, match="returned bytes, not str"):
        stenogram.export(T, "liar")


@pytest.mark.parametrize(
    ("annotation", "value", "expected"),
    [
        (bool, "yes", True),
        (bool, "off", False),
        (int, " 7 ", 7),
        (float, "2.5", 2.5),
        (float, 3, 3.0),
        (str | None, "none", None),
        (int | None, "4", 4),
        (tuple[int, ...], "1,2", (1, 2)),
        (tuple[str, ...], ["a"], ("a",)),
        (Literal[1, 2], "2", 2),
        (Path, "a/b", Path("a/b")),
    ],
)
def test_coerce_option(annotation: object, value: object, expected: object) -> None:
    assert coerce_option("x", annotation, value) == expected


def test_describe_options() -> None:
    info = {o.name: o for o in describe_options(EchoOptions)}
    assert (info["width"].type, info["width"].default) == ("int", "10")
    assert info["mode"].default == "'plain'"


def test_make_options_leaves_a_given_instance_alone() -> None:
    given = EchoOptions(width=2)
    assert make_options(EchoOptions, given) is given


def test_export_file_writes_atomically_and_returns_the_path(tmp_path: Path) -> None:
    target = tmp_path / "out.echo"
    assert stenogram.export_file(T, "echo", target, width=3) == target
    assert target.read_text(encoding="utf-8") == "Good morning.|3|0.5||None\n"
    assert stenogram.export_file(T, "bytes", tmp_path / "b.bin").read_bytes() == b"\x00\x01"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.bin", "out.echo"]  # no temp files left


def test_export_file_never_overwrites_the_input(tmp_path: Path) -> None:
    source = tmp_path / "in.json"
    source.write_text(stenogram.to_json(T), encoding="utf-8")
    before = source.read_bytes()
    t = stenogram.read(source)
    with pytest.raises(OverwriteError, match="input"):
        stenogram.export_file(t, "json", source, source=source)
    os.symlink(source, tmp_path / "alias.json")
    with pytest.raises(OverwriteError):
        stenogram.export_file(t, "json", tmp_path / "alias.json", source=source)
    with pytest.raises(OverwriteError):
        stenogram.export_file(t, "json", tmp_path / "." / "in.json", indent=0, source=str(source))
    assert source.read_bytes() == before


def test_export_file_failure_leaves_the_target_alone(tmp_path: Path) -> None:
    target = tmp_path / "out.crash"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(ExportError):
        stenogram.export_file(T, "crash", target)
    with pytest.raises(ExportError, match="is a directory"):
        stenogram.export_file(T, "echo", tmp_path)
    with pytest.raises(ExportError, match="there is no directory"):
        stenogram.export_file(T, "echo", tmp_path / "nowhere" / "x.echo")
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.crash"]


def test_read_picks_a_reader_by_suffix_then_content_then_text(tmp_path: Path) -> None:
    files = {
        "a.json": stenogram.to_json(_labelled("from json")).encode(),
        "b.XML": b"<x/>",
        "c.tei.xml": b"<TEI/>",
        "d.dat": b"ZZ top",
        "e.dat": stenogram.to_json(_labelled("sniffed json")).encode(),
        "f.dat": b"Anna Petrova: Good morning.\n",
        "g.bs": b"whatever",
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    assert stenogram.read(tmp_path / "a.json").turns[0].label == "from json"
    assert stenogram.read(tmp_path / "b.XML") == T  # suffixes match whatever the case
    assert stenogram.read(tmp_path / "c.tei.xml").turns[0].label == "tei"  # the longest suffix wins
    assert stenogram.read(tmp_path / "d.dat").turns[0].label == "zz"
    assert stenogram.read(tmp_path / "e.dat").turns[0].label == "sniffed json"
    assert stenogram.read(tmp_path / "f.dat").turns  # plain text, whatever the parser makes of it
    assert stenogram.read(tmp_path / "g.bs") == T
    assert pick_reader(b"Anna: hi", "x.unknown") is None


def test_read_bytes_and_forced_formats(tmp_path: Path) -> None:
    data = stenogram.to_json(_labelled("j")).encode()
    assert stenogram.read(data).turns[0].label == "j"  # sniffed
    assert stenogram.read(b"<x/>", name="x.xml") == T
    assert stenogram.read(b"ZZ", "xml") == T
    assert stenogram.read(SEED, "text") == stenogram.parse_file(SEED)
    with pytest.raises(UnknownFormatError, match=r"unknown input format 'pdf'.*json.*text"):
        stenogram.read(SEED, "pdf")


def test_read_text_honours_the_encoding(tmp_path: Path) -> None:
    path = tmp_path / "cp.txt"
    path.write_bytes("Анна Петрова: Доброе утро.\n".encode("cp1251"))
    assert "Доброе утро." in stenogram.read(path, encoding="cp1251").turns[0].text


def test_reader_bugs_become_read_errors_naming_reader_and_file(tmp_path: Path) -> None:
    (tmp_path / "x.broken").write_bytes(b"?")
    (tmp_path / "x.nat").write_bytes(b"?")
    with pytest.raises(ReadError, match=r"x\.broken: reader 'broken' \(test\) failed"):
        stenogram.read(tmp_path / "x.broken")
    with pytest.raises(ReadError, match="returned str, not a Transcript"):
        stenogram.read(tmp_path / "x.nat")
    with pytest.raises(ReadError, match="cannot read"):
        stenogram.read(tmp_path / "missing.txt")


def test_seed_through_the_api(tmp_path: Path) -> None:
    t = stenogram.read(SEED)
    assert {"Mikhail Mishustin", "Alikhan Smailov"} <= {turn.label for turn in t.turns}
    out = stenogram.export_file(t, "json", tmp_path / "seed.json", source=SEED)
    assert stenogram.read(out) == t


def test_read_of_a_text_path_applies_its_sidecar(tmp_path: Path) -> None:
    (tmp_path / "talks.txt").write_text("Anna Petrova: Good morning.\nIvan Sidorov: Hello.\n", encoding="utf-8")
    (tmp_path / "talks.meta.toml").write_text('title = "Talks in Sochi"\ndate = 2022-08-19\n', encoding="utf-8")
    t = stenogram.read(tmp_path / "talks.txt")
    assert t.meeting.title == "Talks in Sochi"
    assert str(t.meeting.date) == "2022-08-19"


@pytest.mark.parametrize(
    ("head", "what"),
    [(b"PK\x03\x04\x14\x00\x06\x00", "a ZIP archive"), (b"%PDF-1.7\n", "a PDF"), (b"\x7fELF\x02\x01", "a program")],
)
def test_a_known_binary_file_is_named_not_decoded(tmp_path: Path, head: bytes, what: str) -> None:
    path = tmp_path / "meeting.bin"
    path.write_bytes(head + bytes(range(256)))
    with pytest.raises(stenogram.ReadError, match=f"meeting.bin: this is {what}.*, not a transcript"):
        stenogram.read(path)
    with pytest.raises(stenogram.ReadError, match=what):
        stenogram.read(path.read_bytes(), name="meeting.bin")


# -- typed exports and the format contract ---------------------------------------------------------


def test_typed_exports() -> None:
    with using_host(PluginHost.discover()):
        check_typed_exports()


def check_typed_exports() -> None:
    t = stenogram.parse_file(Path(__file__).resolve().parents[1] / "seeds" / "000_cc7df8760118afc5.txt")
    tei: str = stenogram.export_text(t, "tei")
    assert isinstance(tei, str) and tei.startswith("<?xml")
    docx: bytes = stenogram.export_bytes(t, "docx")
    assert isinstance(docx, bytes) and docx.startswith(b"PK")
    markdown = stenogram.export_bytes(t, "markdown")
    assert markdown == stenogram.export_text(t, "markdown").encode("utf-8")
    with pytest.raises(ExportError, match="binary format; use export_bytes"):
        stenogram.export_text(t, "docx")
    rendered = stenogram.export_rendered(t, "tei")
    assert rendered.data == tei and rendered.diagnostics == ()


def test_the_core_knows_no_reader_by_identity() -> None:
    """convert.py picks readers through the registry only, and the parser never imports a plugin module."""
    import ast

    src = Path(stenogram.__file__).parent
    convert = ast.parse((src / "convert.py").read_text(encoding="utf-8"))
    identity = [
        n for n in ast.walk(convert) if isinstance(n, ast.Compare) and any(isinstance(o, ast.Is) for o in n.ops)
    ]
    assert all(isinstance(c.comparators[0], ast.Constant) for c in identity)  # only "is None"
    for module in (src / "parse").glob("*.py"):
        assert "stenogram.builtin" not in module.read_text(encoding="utf-8"), module.name


# Exporters that stream (``write=``): export_file and the CLI write through them, with the same bytes.
def test_export_file_streams_through_write_with_the_bytes_export_gives(tmp_path: Path) -> None:
    out = stenogram.export_file(T, "stream", tmp_path / "a.st", {"mode": "loud"})
    assert out.read_bytes() == stenogram.export_bytes(T, "stream", mode="loud")
    assert stenogram.write_export(T, "stream", tmp_path / "b.st", mode="loud")[0].code == "streamed"


def test_a_streaming_exporter_that_fails_halfway_leaves_nothing(tmp_path: Path) -> None:
    target = tmp_path / "out.hw"
    with pytest.raises(ExportError, match=r"'halfway'.*ValueError: a bug halfway"):
        stenogram.export_file(T, "halfway", target)
    assert list(tmp_path.iterdir()) == []
    with pytest.raises(WriteError, match=r"out\.fd.*No space left"):
        stenogram.export_file(T, "fulldisk", tmp_path / "out.fd")
    assert list(tmp_path.iterdir()) == []


def test_a_check_that_refuses_the_diagnostics_leaves_nothing(tmp_path: Path) -> None:
    def refuse(found: tuple[Diagnostic, ...]) -> None:
        raise OptionError(f"refused: {found[0].code}")

    with pytest.raises(OptionError, match="refused: streamed"):
        stenogram.write_export(T, "stream", tmp_path / "out.st", check=refuse)
    assert list(tmp_path.iterdir()) == []


def test_the_cli_streams_and_fails_on_a_streamed_warning(tmp_path: Path) -> None:
    from stenogram.cli import main

    src = tmp_path / "in.txt"
    src.write_text("Anna Petrova: Good morning.\nIvan Sidorov: Hello.\n", encoding="utf-8")
    assert main(["convert", str(src), "--to", "stream", "-o", str(tmp_path / "ok.st"), "-q"]) == 0
    assert (tmp_path / "ok.st").read_bytes() == stenogram.export_bytes(stenogram.parse_file(src), "stream")
    assert main(["convert", str(src), "--to", "stream", "-o", str(tmp_path / "no.st"), "--fail-on", "warning"]) == 1
    assert not (tmp_path / "no.st").exists()


@pytest.mark.parametrize("fmt", ["json", "echo", "stream"])
def test_export_bytes_writes_a_lone_surrogate_as_the_replacement_character(fmt: str) -> None:
    """As ``write_atomic`` does: a model built in code may hold one, and encoding must not fail on it."""
    t = Transcript(
        participants=(stenogram.Participant(id="a", name="Anna Petrova"),),
        body=(Turn(speaker="a", label="Anna Petrova", content=(Paragraph(text="caf\ud800 au lait, please."),)),),
    )
    data = stenogram.export_bytes(t, fmt)
    assert "\ufffd".encode() in data
    data.decode("utf-8")
