"""Hostile text for the parser: metadata that nests or grows without end, lone surrogates, many tiny lines.

Issue 15 problems 4, 5, 7 and 9 are regression tests here. Open-ended inputs go
through hypothesis with surrogates switched on (its text strategies leave them
out by default).
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import stenogram
from stenogram.analysis import analyse
from stenogram.errors import ParseError, ReadError, StenogramError
from stenogram.model import Meeting, Participant

#: Any code point, lone surrogates included and frequent.
ANY_CHAR = st.one_of(
    st.characters(codec=None, exclude_categories=()),
    st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF, exclude_categories=()),
)
ANY_TEXT = st.text(ANY_CHAR, max_size=300)
BODY = "\nAnna Petrova: Good morning.\nBoris Ivanov: Good morning to you.\n"


def _deep(n: int) -> list[Any]:
    root: list[Any] = []
    node = root
    for _ in range(n):
        child: list[Any] = []
        node.append(child)
        node = child
    return root


FRONT_MATTER = {
    "toml-array-1000-deep": "+++\na = " + "[" * 1000 + "]" * 1000 + "\n+++",
    "toml-inline-table-5000-deep": "+++\na = " + "{b = " * 5000 + "1" + "}" * 5000 + "\n+++",
    "toml-dotted-key-2000-parts": "+++\n" + ".".join(["a"] * 2000) + " = 1\n+++",
    "toml-table-header-2000-parts": "+++\n[" + ".".join(["a"] * 2000) + "]\n+++",
    "toml-5000-digit-number": "+++\ntitle = 'x'\na = " + "1" * 5000 + "\n+++",
    "yaml-flow-1000-deep": "---\na: " + "[" * 1000 + "]" * 1000 + "\n---",
    "yaml-map-1000-deep": "---\na: " + "{b: " * 1000 + "1" + "}" * 1000 + "\n---",
    "yaml-block-1000-deep": "---\n" + "".join(" " * i + "a:\n" for i in range(1000)) + "---",
    "yaml-5000-digit-number": "---\na: " + "1" * 5000 + "\n---",
    "yaml-40-deep": "---\na: " + "[" * 40 + "]" * 40 + "\n---",
    "yaml-alias-bomb": "---\na: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
    "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n---",
    "toml-2-mb": "+++\na = '" + "x" * 2_000_000 + "'\n+++",
}


@pytest.mark.parametrize("name", sorted(FRONT_MATTER))
def test_hostile_front_matter_is_a_parse_error_with_file_and_line(name: str) -> None:
    """Issue 15 problem 4: these raised ``RecursionError``/``ValueError`` (or ran for minutes)."""
    with pytest.raises(ParseError) as info:
        stenogram.parse(FRONT_MATTER[name] + BODY, source="hostile.txt")
    assert info.value.file == "hostile.txt" and info.value.line is not None and info.value.line >= 1, str(info.value)


def test_a_long_dotted_key_fails_fast_in_bounded_memory(limited: Callable[..., dict[str, Any]]) -> None:
    """tomllib takes quadratic time and memory on dotted keys: 100,000 parts must be refused before it runs."""
    result = limited(
        """
        import stenogram
        try:
            stenogram.parse("+++\\n" + ".".join(["a"] * 100_000) + " = 1\\n+++\\nAnna: Hi.\\n", source="k.txt")
        except stenogram.ParseError as exc:
            report(error=str(exc))
        """,
        memory_mb=600,
        timeout=30,
    )
    assert result["error"].startswith("k.txt:2: bad TOML metadata: a key of more than 32 dotted parts"), result


@pytest.mark.parametrize(
    ("suffix", "content"),
    [
        (".meta.json", '{"a": ' + "[" * 100_000 + "]" * 100_000 + "}"),
        (".meta.json", '{"a": ' + "1" * 5000 + "}"),
        (".meta.toml", "a = " + "[" * 1000 + "]" * 1000),
        (".meta.toml", "title = 'x'\n" + ".".join(["k"] * 500) + " = 1"),
        (".meta.yaml", "a: " + "[" * 1000 + "]" * 1000),
    ],
    ids=["json-deep", "json-long-number", "toml-deep", "toml-dotted", "yaml-deep"],
)
def test_hostile_sidecars_are_parse_errors_naming_the_sidecar(tmp_path: Path, suffix: str, content: str) -> None:
    transcript = tmp_path / "talk.txt"
    transcript.write_text(BODY, encoding="utf-8")
    (tmp_path / f"talk{suffix}").write_text(content, encoding="utf-8")
    with pytest.raises(ParseError) as info:
        stenogram.parse_file(transcript)
    assert info.value.file == str(tmp_path / f"talk{suffix}") and info.value.line is not None, str(info.value)


class _Unprintable:
    def __str__(self) -> str:
        raise KeyError("no text")


@pytest.mark.parametrize(
    "meeting",
    [
        {"a": _deep(5000)},
        {"title": _deep(40)},
        {"extra": {"k": _deep(1000)}},
        {"participants": [{"name": _deep(100)}]},
        {"a": 10**5000},
        {"a": _Unprintable()},
        {"a": "x" * 2_000_000},
        {"a": list(range(20_000))},
    ],
    ids=["deep", "deep-title", "deep-extra", "deep-participant", "huge-int", "unprintable", "long-text", "many"],
)
def test_hostile_mappings_passed_in_code_are_parse_errors(meeting: dict[str, Any]) -> None:
    with pytest.raises(ParseError, match="meeting argument key"):
        stenogram.parse(BODY, meeting=meeting)


def test_a_cyclic_mapping_is_a_parse_error() -> None:
    cyclic: dict[str, Any] = {}
    cyclic["self"] = cyclic
    with pytest.raises(ParseError, match=r"meeting argument key .a.: the value is"):
        stenogram.parse(BODY, meeting={"a": cyclic})


def test_deep_json_is_a_read_error() -> None:
    with pytest.raises(ReadError, match="nested too deeply"):
        stenogram.from_json("[" * 100_000 + "]" * 100_000)


# --- lone surrogates ----------------------------------------------------------------------------------


def test_lone_surrogates_are_replaced_and_reported_then_every_format_writes(tmp_path: Path) -> None:
    """Issue 15 problem 5: ``export_file`` raised ``UnicodeEncodeError`` for every format."""
    t = stenogram.parse("Anna Petrova: caf\ud800\nBoris Ivanov: ok \udc80 then.\n", source="s.txt")
    assert "\ud800" not in stenogram.to_json(t) and "caf\ufffd" in stenogram.to_json(t)
    lines = sorted(d.line for d in t.diagnostics if d.code == "lone-surrogate")
    assert lines == [1, 2]
    for info in stenogram.formats():
        if info.kind == "exporter":
            stenogram.export_file(t, info.name, tmp_path / f"out.{info.name}")


@settings(max_examples=60, deadline=None)
@given(ANY_TEXT, st.integers(min_value=0, max_value=3))
def test_the_surrogate_check_agrees_with_a_scan_for_them(text: str, copies: int) -> None:
    """``has_lone_surrogates`` asks the encoder in pieces; a surrogate on either side of a piece's edge counts."""
    from stenogram import surrogates

    long = "é" * (surrogates._PROBE * copies - len(text) // 2) + text
    for sample in (text, long):
        assert surrogates.has_lone_surrogates(sample) == (surrogates.LONE_SURROGATE.search(sample) is not None)


def test_surrogates_in_metadata_are_replaced_and_reported() -> None:
    t = stenogram.parse(
        '---\ntitle: "caf\\ud800"\n---' + BODY,
        meeting={"place": "Mos\udc00cow"},
        participants=[Participant(id="anna", name="Anna\ud800", labels=("Anna Petrova",))],
    )
    assert t.meeting.title == "caf\ufffd" and t.meeting.place == "Mos\ufffdcow"
    assert t.participant("anna").name == "Anna\ufffd"
    notes = [d for d in t.diagnostics if d.code == "lone-surrogate"]
    assert len(notes) == 3 and any(d.line == 2 for d in notes)
    assert stenogram.parse(BODY, meeting=Meeting(title="x\ud800")).meeting.title == "x\ufffd"


def test_surrogates_from_json_and_tei_readers_are_replaced_and_reported() -> None:
    data = json.loads(stenogram.to_json(stenogram.parse(BODY)))
    data["meeting"]["title"] = "caf\ud800"
    t = stenogram.from_json(json.dumps(data))
    assert t.meeting.title == "caf\ufffd" and any(d.code == "lone-surrogate" for d in t.diagnostics)
    from stenogram_tei import read_tei

    tei = stenogram.export_bytes(stenogram.parse(BODY), "tei")
    assert isinstance(tei, bytes)
    text = tei.decode().replace("Good morning.", "Good \ud800morning.")
    read = read_tei(text)
    assert any("Good \ufffdmorning." in p.text for turn in read.turns for p in turn.paragraphs)
    assert any(d.code == "lone-surrogate" for d in read.diagnostics)


def test_a_model_built_in_code_with_surrogates_still_writes(tmp_path: Path) -> None:
    import attrs

    t = stenogram.parse(BODY)
    turn = t.turns[0]
    para = attrs.evolve(turn.paragraphs[0], text="caf\ud800")
    built = attrs.evolve(t, body=(attrs.evolve(turn, content=(para,)), *t.body[1:]))
    for info in stenogram.formats():
        if info.kind == "exporter":
            stenogram.export_file(built, info.name, tmp_path / f"out.{info.name}")
    assert (tmp_path / "out.json").read_text(encoding="utf-8").count("caf\ufffd") == 1


@settings(max_examples=150, deadline=None)
@given(ANY_TEXT)
def test_parse_raises_nothing_but_stenogram_errors_and_keeps_no_surrogate(text: str) -> None:
    try:
        t = stenogram.parse(text)
    except StenogramError:
        return
    assert "\ud800" not in stenogram.to_json(t)
    stenogram.to_json(t).encode("utf-8")


@settings(max_examples=80, deadline=None)
@given(st.sampled_from(["---\n{}\n---\n", "+++\n{}\n+++\n"]), ANY_TEXT)
def test_any_front_matter_raises_nothing_but_stenogram_errors(fence: str, block: str) -> None:
    with contextlib.suppress(StenogramError):
        stenogram.parse(fence.format(block) + BODY, source="f.txt")


# --- memory and the analysis crash ---------------------------------------------------------------------


def test_many_tiny_lines_peak_within_1_5_times_the_model(limited: Callable[..., dict[str, Any]]) -> None:
    """Issue 15 problem 7: ``'A:\\n' * 1_000_000`` peaked at 681 MB for a 300 MB model (2.3x)."""
    result = limited(
        """
        import stenogram
        text = "A:\\n" * 300_000
        before = rss_mb()
        model = stenogram.parse(text)
        peak = peak_mb()
        report(peak_mb=peak, before_mb=before, model_mb=deep_mb(model))
        """,
        memory_mb=3000,
        timeout=300,
    )
    ratio = (result["peak_mb"] - result["before_mb"]) / result["model_mb"]
    assert ratio <= 1.5, f"peak {ratio:.2f}x the model: {result}"


def test_a_figure_across_a_sentence_end_does_not_crash_the_analysis() -> None:
    """Issue 15 problem 9 (issue 12): ``ValueError: min() arg is an empty sequence``."""
    t = stenogram.parse("A: See you on 4 July. Papers to note.")
    assert analyse(t).key_sentences is not None


# -- the JSON reader: any value in any place of a valid document ------------------------------------------------------

_JSON_BASE = json.loads(
    stenogram.to_json(
        stenogram.parse(
            "---\ntitle: T\ndate: 2020-01-01\n---\nAnna Petrova: Good morning, everyone.\n(Applause.)\n"
            "Boris Ivanov: Thank you, Anna.\n"
        )
    )
)


def _json_paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix] if prefix else []
    children = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for key, child in children:
        found += _json_paths(child, (*prefix, key))
    return found


_ANY_JSON_LEAF = st.one_of(
    st.none(), st.booleans(), st.integers(-(10**20), 10**20), st.floats(allow_nan=False), st.text(max_size=10),
    st.builds(list), st.builds(dict),
)  # fmt: skip


@settings(max_examples=80, deadline=None)
@given(edits=st.lists(st.tuples(st.sampled_from(_json_paths(_JSON_BASE)), _ANY_JSON_LEAF), min_size=1, max_size=3))
def test_any_value_anywhere_in_a_json_transcript_is_read_or_a_read_error(edits: list[tuple[Any, Any]]) -> None:
    """A document written by the json exporter, then edited: reading and exporting raise only StenogramError."""
    doc = json.loads(json.dumps(_JSON_BASE))
    for path, value in edits:
        with contextlib.suppress(KeyError, IndexError, TypeError):
            target = doc
            for key in path[:-1]:
                target = target[key]
            target[path[-1]] = value
    try:
        t = stenogram.from_json(json.dumps(doc))
    except StenogramError:
        return
    for fmt in ("markdown", "tei", "json", "summary"):
        with contextlib.suppress(StenogramError):
            stenogram.export(t, fmt)


def test_a_sidecar_that_is_a_pipe_is_refused_not_waited_on(
    tmp_path: Path, limited: Callable[..., dict[str, Any]]
) -> None:
    """A folder may hold a FIFO named like a sidecar (unpacked from an archive); no one writes to it."""
    (tmp_path / "talk.txt").write_text(BODY, encoding="utf-8")
    os.mkfifo(tmp_path / "talk.meta.toml")
    result = limited(
        """
        import stenogram
        try:
            stenogram.parse_file(PARAMS["path"])
            report(error=None)
        except stenogram.ReadError as exc:
            report(error=str(exc))
        """,
        params={"path": str(tmp_path / "talk.txt")},
        timeout=30,
    )
    assert result["error"] is not None and "talk.meta.toml" in result["error"], result


@pytest.mark.parametrize("encoding", ["\x00", "utf-8\x00", 5, b"utf-8", ["utf-8"]], ids=repr)
def test_an_encoding_name_python_cannot_look_up_is_an_unknown_encoding_error(encoding: Any) -> None:
    with pytest.raises(stenogram.errors.ParseError, match="encoding"):
        stenogram.parse_bytes(BODY.encode(), encoding=encoding, source="talk.txt")


@settings(max_examples=60, deadline=None)
@given(st.one_of(st.text(ANY_CHAR, max_size=30), st.integers(), st.binary(max_size=10), st.none()))
def test_any_encoding_argument_gives_a_transcript_or_a_stenogram_error(encoding: Any) -> None:
    with contextlib.suppress(StenogramError):
        stenogram.parse_bytes(BODY.encode(), encoding=encoding, source="talk.txt")


def test_many_europarl_speakers_take_linear_time(limited: Callable[..., dict[str, Any]]) -> None:
    """Each new speaker rebuilt the set of ids taken: 20,000 speakers (0.85 MB) took 9 s."""
    result = limited(
        """
        import time, stenogram
        data = "".join(f'<SPEAKER ID={i} NAME="S{i}">\\nword {i}\\n' for i in range(40_000)).encode()
        start = time.process_time()
        t = stenogram.read(data, "europarl")
        report(seconds=time.process_time() - start, speakers=len(t.participants), mb=len(data) / 1e6)
        """,
        timeout=60,
    )
    assert result["speakers"] == 40_000
    assert result["seconds"] < 0.1 + 5 * result["mb"], result


def test_europarl_ids_of_speakers_whose_names_make_the_same_slug_stay_unique() -> None:
    names = ["S!", "S?", "s-2", "S."]
    data = "".join(f'<SPEAKER ID={i} NAME="{name}">\nwords\n' for i, name in enumerate(names)).encode()
    t = stenogram.read(data, "europarl")
    assert [p.id for p in t.participants] == ["s", "s-2", "s-2-2", "s-3"]
