"""Every exporter on any Unicode, lone surrogates and control characters included.

Models are built in code, so nothing the parser cleans up beforehand helps:
TEI must parse with lxml, DOCX open with python-docx, JSON round-trip,
Markdown show paragraph text as paragraphs and nothing else. Issue 15
problem 6 (``---`` read as a rule) is a regression test here.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import tempfile
from pathlib import Path
from typing import Any

import docx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree
from markdown_it import MarkdownIt

import stenogram
from stenogram.collection import FolderSink, export_collection
from stenogram.errors import OptionError, StenogramError
from stenogram.model import Meeting, Note, NoteKind, Paragraph, Participant, Transcript, Turn
from stenogram.surrogates import replace_surrogates
from stenogram.testing import transcripts
from stenogram.text import SPACING_CONTROLS

ANY_CHAR = st.one_of(
    st.characters(codec=None, exclude_categories=()),
    st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF, exclude_categories=()),
    st.characters(max_codepoint=0x1F, exclude_categories=()),
    st.sampled_from("-+*_#>|`~=[]!<&\\:.) 1"),
)
ANY_TEXT = st.text(ANY_CHAR, max_size=60)
MD = MarkdownIt("commonmark").enable("table")
#: Markdown structure the exporter itself writes: headings (title, Participants, Transcript), the
#: participants list, and paragraphs. Anything else in the output came from transcript text.
_FORBIDDEN = {"hr", "blockquote_open", "fence", "code_block", "html_block", "table_open", "ordered_list_open"}


@st.composite
def hostile_transcripts(draw: st.DrawFn) -> Transcript:
    names = draw(st.lists(ANY_TEXT, min_size=1, max_size=3))
    people = tuple(Participant(id=f"p{i}", name=name, role=draw(st.none() | ANY_TEXT)) for i, name in enumerate(names))
    body: list[Turn | Note] = []
    for _ in range(draw(st.integers(1, 3))):
        who = draw(st.sampled_from(people))
        paragraphs = tuple(Paragraph(text=t) for t in draw(st.lists(ANY_TEXT, min_size=1, max_size=3)))
        body.append(Turn(speaker=who.id, label=draw(ANY_TEXT), content=paragraphs))
        if draw(st.booleans()):
            body.append(Note(kind=draw(st.sampled_from(NoteKind)), text=draw(ANY_TEXT)))
    meeting = Meeting(
        title=draw(st.none() | ANY_TEXT), place=draw(st.none() | ANY_TEXT), extra=(("k", draw(ANY_TEXT)),)
    )
    return Transcript(meeting=meeting, participants=people, body=tuple(body))


def _exporters() -> list[str]:
    return sorted({f.name for f in stenogram.formats() if f.kind == "exporter"})


def _clean(text: str) -> str:
    """What a reader of the Markdown should see of ``text``: controls dropped, surrogates as U+FFFD."""
    spaced = SPACING_CONTROLS.sub(" ", replace_surrogates(text))
    kept = "".join(c for c in spaced if not (ord(c) < 0x20 or 0x7F <= ord(c) <= 0x9F) or c in "\t\n\r")
    return " ".join(kept.split())


def _visible(tokens: list[Any]) -> str:
    return " ".join(
        "".join(c.content for c in tok.children or () if c.type in ("text", "text_special", "code_inline"))
        for tok in tokens
        if tok.type == "inline"
    )


def _check_markdown(t: Transcript, md: str) -> None:
    md.encode("utf-8")
    tokens = MD.parse(md)
    found = {tok.type for tok in tokens} & _FORBIDDEN
    if any(isinstance(item, Note) and item.kind is NoteKind.SEPARATOR for item in t.body):
        found.discard("hr")  # the separator note is a rule on purpose
    assert not found, (found, md)
    shown = " ".join(_visible(tokens).split())
    for turn in t.turns:
        for p in turn.paragraphs:
            assert _clean(p.text) in shown, (p.text, md)


def _check(fmt: str, t: Transcript, data: str | bytes) -> None:
    if fmt == "tei":  # a text format since the format contract v2: parse its UTF-8 bytes
        assert isinstance(data, str)
        data = data.encode("utf-8")
        etree.fromstring(data)
        from stenogram_tei import read_tei

        read_tei(data)
    elif fmt == "docx":
        assert isinstance(data, bytes)
        docx.Document(io.BytesIO(data))
    elif fmt == "json":
        assert isinstance(data, str)
        back = stenogram.from_json(data)
        again = json.loads(stenogram.to_json(back))
        first = json.loads(replace_surrogates(data))
        again.pop("diagnostics"), first.pop("diagnostics")
        assert again == first
    elif fmt == "markdown":
        assert isinstance(data, str)
        _check_markdown(t, data)
    else:
        assert isinstance(data, (str, bytes))
        if isinstance(data, str):
            replace_surrogates(data).encode("utf-8")


@pytest.mark.parametrize("fmt", _exporters())
@settings(max_examples=40, deadline=None)
@given(t=hostile_transcripts())
def test_every_exporter_writes_well_formed_output_for_any_unicode(fmt: str, t: Transcript) -> None:
    try:
        data = stenogram.export(t, fmt)
    except StenogramError:
        return
    _check(fmt, t, data)


@pytest.mark.parametrize(
    "text",
    ["---", "- - -", "-- -", "***", "___", "# Heading", "> quote", "1. item", "- item", "+ item", "```", "~~~",
     "| a | b |", "|---|---|", "    code", "<div>", "===", "[x]: /url", "\x0c- form feed", "a\x00b\x1b[31mred"],
)  # fmt: skip
def test_a_paragraph_that_would_read_as_markdown_structure_is_escaped(text: str) -> None:
    """Issue 15 problem 6: a paragraph of exactly ``---`` rendered as a rule; control characters passed through."""
    t = Transcript(
        participants=(Participant(id="a", name="Anna"),),
        body=(Turn(speaker="a", label="Anna", content=(Paragraph(text="First."), Paragraph(text=text))),),
    )
    md = stenogram.export(t, "markdown")
    assert isinstance(md, str)
    _check_markdown(t, md)
    assert not any(ord(c) < 0x20 and c not in "\n" for c in md)
    assert sum(tok.type == "paragraph_open" and not tok.hidden for tok in MD.parse(md)) == 2, md


def _one_turn(*texts: str) -> Transcript:
    return Transcript(
        participants=(Participant(id="a", name="Anna"),),
        body=(Turn(speaker="a", label="Anna", content=tuple(Paragraph(text=t) for t in texts)),),
    )


@pytest.mark.parametrize("fmt", ["markdown", "docx", "tei"])
def test_controls_that_separate_words_never_join_two_words(fmt: str) -> None:
    """A form feed or vertical tab between two words (text from JSON, TEI or code) is not simply dropped."""
    t = _one_turn("one\x0btwo\x0cthree\x1cfour\x1ffive")
    data = stenogram.export(t, fmt)
    if fmt == "docx":
        assert isinstance(data, bytes)
        shown = " ".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)
    elif fmt == "tei":
        assert isinstance(data, str)
        shown = " ".join(etree.fromstring(data.encode("utf-8")).itertext()).replace("\ufffd", " ")
    else:
        assert isinstance(data, str)
        shown = data
    assert "one two three four five" in " ".join(shown.split()), shown


def test_a_huge_json_indent_is_an_option_error_not_gigabytes() -> None:
    with pytest.raises(OptionError, match="indent"):
        stenogram.export(_one_turn("Hello."), "json", indent=10**6)
    with pytest.raises(OptionError):
        stenogram.export(_one_turn("Hello."), "json", indent=10**30)


def test_a_carriage_return_in_a_cell_does_not_split_the_csv_row(tmp_path: Path) -> None:
    """The csv module quotes only "\\n" (its line end), but readers also end a row at a bare "\\r"."""
    t = Transcript(
        participants=(Participant(id="a", name="Anna\rPetrova"),),
        body=(Turn(speaker="a", label="Anna", content=(Paragraph(text="one\rtwo"), Paragraph(text="three"))),),
    )
    export_collection([t, _one_turn("plain")], "csv", tmp_path / "t.csv")
    rows = list(csv.reader(io.StringIO((tmp_path / "t.csv").read_bytes().decode("utf-8"), newline="")))
    assert [r[4] for r in rows] == ["speaker_name", "Anna\rPetrova", "Anna"]
    assert rows[1][7] == "one\rtwo\n\nthree" and rows[2][7] == "plain"


@pytest.mark.parametrize("name", ["\u0132sselmeer", "\uf900", "\u01c4ur\u0111a", "a\u00d7b"])
def test_names_libxml2_will_not_take_in_an_id_still_make_well_formed_tei(tmp_path: Path, name: str) -> None:
    """libxml2 checks ``xml:id`` by XML's older name rules: ids made from such names are escaped."""
    who = "a" + "".join(c for c in name if c.isalnum())
    t = Transcript(
        meeting=Meeting(date=dt.date(2020, 1, 1)),
        participants=(Participant(id=who, name="Anna Petrova", affiliation=name),),
        body=(Turn(speaker=who, label="Anna Petrova", content=(Paragraph(text="Good morning, everyone."),)),),
    )
    for profile in ("tei", "parlamint"):
        etree.fromstring(stenogram.export_bytes(t, "tei", profile=profile))
    export_collection([t], "parlamint", FolderSink(tmp_path))
    for path in tmp_path.iterdir():
        etree.parse(str(path))


@settings(max_examples=30, deadline=None)
@given(ts=st.lists(st.one_of(transcripts(), hostile_transcripts()), min_size=1, max_size=3))
def test_every_corpus_format_writes_well_formed_output_for_any_unicode(ts: list[Transcript]) -> None:
    with tempfile.TemporaryDirectory() as d:
        for fmt in ("csv", "parlamint", "docx"):
            folder = Path(d, fmt)
            try:
                export_collection(ts, fmt, FolderSink(folder), **({"date": "2020-01-01"} if fmt == "parlamint" else {}))
            except StenogramError:
                continue
            for path in folder.rglob("*.*"):
                if path.suffix == ".xml":
                    etree.parse(str(path))
                elif path.suffix == ".docx":
                    docx.Document(str(path))
                else:
                    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))
                    assert len(rows) == 1 + sum(len(t.turns) for t in ts)


@pytest.mark.parametrize(("fmt", "options"), [("summary", {}), ("summary", {"format": "markdown"}), ("markdown", {})])
def test_terminal_escape_sequences_never_reach_text_output(fmt: str, options: dict[str, str]) -> None:
    """Summaries are read in terminals: an escape sequence in a transcript could retitle the window or clear it."""
    text = "The budget grew by 5 percent in \x1b]0;pwned\x07 2023 \x1b[2J and we will review it\x9b31m."
    t = Transcript(
        meeting=Meeting(title="Budget \x1b[31mreview"),
        participants=(Participant(id="a", name="Anna \x1b[5mPetrova"),),
        body=(Turn(speaker="a", label="Anna Petrova", content=(Paragraph(text=text),)),),
    )
    data = stenogram.export(t, fmt, **options)
    assert isinstance(data, str)
    assert not any((ord(c) < 0x20 and c not in "\n") or 0x7F <= ord(c) <= 0x9F for c in data), repr(data)
    assert "Petrova" in data


#: A child's script (indented as the cases' own, for dedent) that builds ``t``: 100,000 short turns of two speakers.
_HUNDRED_THOUSAND_TURNS = """
        import tempfile
        import stenogram
        from stenogram.model import Paragraph, Participant, Transcript, Turn
        people = (Participant(id="a", name="Anna Petrova"), Participant(id="b", name="Boris Ivanov"))
        turns = tuple(
            Turn(speaker="ab"[i % 2], label="x", content=(Paragraph(text=f"Turn {i} says something."),))
            for i in range(100_000)
        )
        t = Transcript(participants=people, body=turns)
"""


def test_the_csv_table_of_100000_turns_is_streamed(limited: Any) -> None:
    """The table is written row by row into its temp file: the export adds next to nothing to the model."""
    result = limited(
        _HUNDRED_THOUSAND_TURNS
        + """
        from stenogram.collection import export_collection
        out = tempfile.mkdtemp() + "/turns.csv"
        export_collection([Transcript(participants=people, body=turns[:2])], "csv", out)  # modules loaded first
        before = rss_mb()
        export_collection([t], "csv", out)
        report(added_mb=peak_mb() - before, size_mb=__import__("os").path.getsize(out) / 2**20)
        """,
        memory_mb=1024,
        timeout=120,
    )
    assert result["size_mb"] > 4
    assert result["added_mb"] < 2, result


def test_a_long_run_of_capitals_in_the_title_does_not_make_the_summary_quadratic(limited: Any) -> None:
    """Display names search the title for a one-word name's fuller form: 40,000 X took 23 s, 900,000 hours."""
    result = limited(
        """
        import time, stenogram
        text = "+++\\ntitle = '" + "X" * 900_000 + "'\\n+++\\nAnna: Good morning.\\nBoris: Hello.\\n"
        t = stenogram.parse(text)
        start = time.process_time()
        stenogram.export(t, "summary")
        report(seconds=time.process_time() - start)
        """,
        timeout=60,
    )
    assert result["seconds"] < 5.0, result


def test_a_fuller_name_is_still_found_after_the_speed_fix() -> None:
    title = "+++\ntitle = 'Meeting with Prime Minister Mikhail Mishustin'\n+++\n"
    t = stenogram.parse(title + "Mishustin: Good morning.\nBoris: Hello.\n")
    assert "Mikhail Mishustin" in stenogram.export_text(t, "summary")


@settings(max_examples=40, deadline=None)
@given(text=ANY_TEXT.filter(lambda s: any(c.isalnum() for c in s)))
def test_a_separator_note_with_words_keeps_them_in_markdown(text: str) -> None:
    """Separators from JSON, TEI or code may hold words ("* * * Part two * * *"); a bare rule would drop them."""
    t = Transcript(body=(Note(kind=NoteKind.SEPARATOR, text=text),))
    md = stenogram.export_text(t, "markdown")
    rendered = _visible(MD.parse(md))
    for word in replace_surrogates(text).split():
        visible = "".join(c for c in _clean(word) if c.isalnum())
        assert visible in "".join(c for c in rendered if c.isalnum()), (text, md)


@pytest.mark.parametrize(
    "build",
    [
        lambda: Meeting(title=5),
        lambda: Meeting(language=b"en"),
        lambda: Meeting(source=["http://x"]),
        lambda: Meeting(is_excerpt="no"),
        lambda: Meeting(extra=(("k", 5),)),
        lambda: Meeting(extra=(("k",),)),
        lambda: Meeting(extra=(("k", "v", "w"),)),
        lambda: Participant(id="a", name="A", role=5),
        lambda: Participant(id="a", name="A", affiliation=1.5),
        lambda: Participant(id="a", name="A", anonymous=1),
        lambda: Turn(speaker="a", label="A", annotation=5),
        lambda: Turn(speaker="a", label="A", time=1403),
        lambda: Turn(speaker="a", label="A", id=7),
    ],
    ids=lambda _: "",
)
def test_text_fields_of_another_type_are_refused_by_the_model_not_by_an_exporter(build: Any) -> None:
    """A number in ``Meeting.title`` reached every exporter as ``exporter 'tei' failed: TypeError``."""
    with pytest.raises(TypeError, match=r"must (be|hold)"):
        build()


@settings(max_examples=12, deadline=None)
@given(
    digits=st.integers(4290, 6000),
    form=st.sampled_from(["£{} million", "{} roubles", "{}%", "{} per cent", "${}"]),
    fmt=st.sampled_from(["summary", "docx"]),
)
def test_a_number_longer_than_python_converts_still_makes_a_summary(digits: int, form: str, fmt: str) -> None:
    """Figures are shown with their digits grouped; ``int()`` of over 4,300 digits raised ValueError."""
    number = "1" + "0" * (digits - 1)
    t = stenogram.parse(f"Anna Petrova: We will pay {form.format(number)} next year.\nBoris Ivanov: Agreed.\n")
    stenogram.export_bytes(t, fmt)


def test_the_csv_table_writes_lone_surrogates_as_replacement_characters(tmp_path: Path) -> None:
    t = Transcript(
        meeting=Meeting(id="m\udfff"),
        participants=(Participant(id="a", name="An\ud800na", role="r\udc00"),),
        body=(Turn(speaker="a", label="A", content=(Paragraph(text="caf\ud800 ok"),)),),
    )
    export_collection([t], "csv", tmp_path / "t.csv")
    rows = list(csv.reader(io.StringIO((tmp_path / "t.csv").read_text(encoding="utf-8"), newline="")))
    assert rows[1] == ["m\ufffd", "1", "", "a", "An\ufffdna", "r\ufffd", "1", "caf\ufffd ok"]


@pytest.mark.parametrize("option", ["name", "legislature", "term", "publisher"])
@pytest.mark.parametrize("char", ["\x00", "\x1b", "\ud800", "\uffff"], ids=repr)
def test_parlamint_text_options_xml_cannot_hold_are_option_errors(tmp_path: Path, option: str, char: str) -> None:
    t = stenogram.parse("+++\ndate = 2020-01-01\n+++\nAnna Petrova: Good morning.\nBoris Ivanov: Hello.\n")
    with pytest.raises(OptionError, match=option):
        export_collection([t], "parlamint", tmp_path / "pm", **{option: f"a{char}b"})
    assert not (tmp_path / "pm").exists() or not any((tmp_path / "pm").iterdir())


@pytest.mark.parametrize("char", ["\x00", "\x1b", "\ud800"], ids=repr)
def test_a_tei_lang_option_xml_cannot_hold_is_an_option_error(char: str) -> None:
    t = stenogram.parse("+++\ndate = 2020-01-01\n+++\nAnna Petrova: Good morning.\nBoris Ivanov: Hello.\n")
    with pytest.raises(OptionError, match="lang"):
        stenogram.export_text(t, "tei", profile="parlamint", lang=f"en{char}")


@pytest.mark.parametrize(
    ("turns", "text", "limit_mb"),
    [(20_000, "Turn number {i}.", 50), (50_000, "", 80)],
    ids=["20000-turns", "50000-empty-turns"],
)
def test_the_docx_annex_of_many_turns_is_not_held_as_a_tree(limited: Any, turns: int, text: str, limit_mb: int) -> None:
    """Red team docx-many-turns: a paragraph in python-docx's tree costs about 2.8 KB; 50,000 empty turns peaked at
    +172 MiB (now about +37), 20,000 short ones at +77 MiB (now about +24)."""
    result = limited(
        """
        import stenogram
        from stenogram.model import Paragraph, Participant, Transcript, Turn
        people = (Participant(id="a", name="Anna Petrova"), Participant(id="b", name="Ivan Sidorov"))
        body = tuple(
            Turn(
                speaker="ab"[i % 2],
                label=people[i % 2].name,
                content=(Paragraph(text=PARAMS["text"].format(i=i)),) if PARAMS["text"] else (),
            )
            for i in range(PARAMS["turns"])
        )
        t = Transcript(participants=people, body=body)
        stenogram.export(Transcript(participants=people, body=body[:2]), "docx")  # the plugin loaded first
        before = rss_mb()
        data = stenogram.export(t, "docx")
        report(added_mb=peak_mb() - before, size=len(data))
        """,
        params={"turns": turns, "text": text},
        memory_mb=1500,
        timeout=120,
    )
    assert result["size"] > 10_000
    assert result["added_mb"] < limit_mb, result


def test_export_file_streams_the_tei_of_100000_turns(limited: Any) -> None:
    """``export_file`` writes through the TEI exporter's ``write``: the document is never held whole (39 MB before)."""
    result = limited(
        _HUNDRED_THOUSAND_TURNS
        + """
        out = tempfile.mkdtemp() + "/turns.tei.xml"
        stenogram.export_file(Transcript(participants=people, body=turns[:2]), "tei", out)  # modules loaded first
        before = rss_mb()
        stenogram.export_file(t, "tei", out)
        report(added_mb=peak_mb() - before, size_mb=__import__("os").path.getsize(out) / 2**20)
        """,
        memory_mb=1024,
        timeout=300,
    )
    assert result["size_mb"] > 15
    assert result["added_mb"] < 8, result


@pytest.mark.parametrize("call", ["to_json", "analyse", "write_export"])
@pytest.mark.parametrize("value", [None, 5, b"Anna: hi", {"body": []}])
def test_public_calls_name_a_wrong_argument_type(call: str, value: object, tmp_path: Path) -> None:
    from stenogram.analysis import analyse

    t = stenogram.parse("Anna Petrova: Good morning.\n")
    calls = {
        "to_json": lambda: stenogram.to_json(value),  # type: ignore[arg-type]
        "analyse": lambda: analyse(value),  # type: ignore[arg-type]
        "write_export": lambda: stenogram.write_export(t, "json", value),  # type: ignore[arg-type]
    }
    with pytest.raises(stenogram.StenogramError):
        calls[call]()
    assert list(tmp_path.iterdir()) == []


def test_a_count_beyond_any_list_is_all_of_it() -> None:
    # commitments=10**30 used to reach itertools.islice: "Stop argument for islice() must be ... <= sys.maxsize".
    t = stenogram.parse("Anna Petrova: We will pay $3 million by 5 July 2020. We decided to build it.\n")
    for fmt in ("summary", "docx"):
        assert stenogram.export(t, fmt, commitments=10**30, key_points=10**30, key_figures=10**30)


def test_options_with_a_name_that_is_not_text_are_an_option_error() -> None:
    t = stenogram.parse("Anna Petrova: Good morning.\n")
    with pytest.raises(stenogram.OptionError, match="option names are text"):
        stenogram.export(t, "json", {1: 2})
    with pytest.raises(stenogram.ArgumentError):
        stenogram.read(b"Anna Petrova: Good morning.\n", 3)  # type: ignore[arg-type]
