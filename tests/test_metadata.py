"""Metadata: header lines, front matter, sidecars, precedence, and the no-word-lost rule for headers."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from pathlib import Path

import pytest
from repo_shared import needs_shared, shared

import stenogram
from stenogram.errors import ParseError
from stenogram.model import Meeting, Note, NoteKind, Paragraph, Transcript, Turn
from stenogram.parse.dates import parse_date
from stenogram.parse.frontmatter import split_front_matter
from stenogram.parse.headers import read_header
from stenogram.parse.merge import apply_metadata
from stenogram.parse.metadata import patch_from_mapping
from stenogram.parse.sidecar import SIDECAR_SUFFIXES, find_sidecar
from stenogram.text import words

REPO = Path(__file__).resolve().parents[1]
CORPUS = shared("corpus")
SEED = REPO / "seeds" / "000_cc7df8760118afc5.txt"
needs_corpus = needs_shared("corpus")
WS = re.compile(r"[\s\u00a0]+")


def fold(s: str | None) -> str:
    return WS.sub(" ", s or "").strip()


# --- dates ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("January 21, 2020", dt.date(2020, 1, 21)),
        ("(October 21, 2021)", dt.date(2021, 10, 21)),
        ("2021-10-22", dt.date(2021, 10, 22)),
        ("21 January 2020", dt.date(2020, 1, 21)),
        ("Sept. 3, 1999", dt.date(1999, 9, 3)),
        ("Tuesday, March 1, 2016", dt.date(2016, 3, 1)),
        ("21.01.2020", dt.date(2020, 1, 21)),
        ("2012年 11月 21日星期三", dt.date(2012, 11, 21)),
        ("February 30, 2020", None),
        ("Government House, Moscow", None),
        ("the meeting on January 21, 2020", None),
    ],
)
def test_parse_date(text: str, expected: dt.date | None) -> None:
    assert parse_date(text) == expected


# --- the kremlin header, checked against every truth file ---------------------------------------------------


def _kremlin_cases() -> list[Path]:
    return sorted(CORPUS.glob("kremlin_*/*.truth.json"))


@needs_corpus
def test_kremlin_header_on_all_truth_files() -> None:
    """title, lead, date, time and place against the header lines of the publisher's HTML."""
    cases = _kremlin_cases()
    assert len(cases) >= 100
    exact = {"title": 0, "date": 0, "time": 0, "place": 0, "all": 0}
    for truth_path in cases:
        header = [fold(h) for h in json.loads(truth_path.read_text(encoding="utf-8"))["header"]]
        m = stenogram.parse_file(truth_path.with_name(truth_path.name.removesuffix(".truth.json") + ".txt")).meeting
        date_line = m.date.strftime("%B %-d, %Y") if m.date else None
        exact["title"] += fold(m.title) == header[0]
        exact["date"] += date_line in header
        exact["time"] += m.time in header
        truth_place = header[-1] if header[-1] != m.time and not re.fullmatch(r"\d\d:\d\d", header[-1]) else None
        exact["place"] += m.place == truth_place
        got = [fold(x) for x in (m.title, m.lead, date_line, m.time, m.place) if x]
        exact["all"] += got == [header[0], fold(" ".join(header[1:-3])), *header[-3:]] or " ".join(got) == " ".join(
            header
        )
    for field, n in exact.items():
        assert n / len(cases) >= 0.95, (field, n, len(cases))


@needs_corpus
def test_kremlin_preamble_begins_where_the_header_ends() -> None:
    """After the header lines, the preamble opens with the truth's first preamble words (or both are empty)."""
    cases = _kremlin_cases()
    good = 0
    for truth_path in cases:
        truth = words(" ".join(json.loads(truth_path.read_text(encoding="utf-8"))["preamble"]))[:6]
        t = stenogram.parse_file(truth_path.with_name(truth_path.name.removesuffix(".truth.json") + ".txt"))
        good += words(" ".join(b.text for b in t.preamble))[:6] == truth
    assert good / len(cases) >= 0.95, (good, len(cases))


@needs_corpus
def test_kremlin_header_leaves_the_preamble_and_loses_no_word() -> None:
    path = CORPUS / "kremlin_en" / "2020-01-21_meeting-with-government-members.txt"
    t = stenogram.parse_file(path)
    m = t.meeting
    assert m.title == "Meeting with Government members"
    assert m.lead == "Vladimir Putin met with Government members."
    assert m.date == dt.date(2020, 1, 21)
    assert m.time == "20:15"
    assert m.place == "Government House, Moscow"
    header_words = words(" ".join(path.read_text(encoding="utf-8").split("\n")[:6]))
    meeting_words = words(" ".join(x for x in (m.title, m.lead, m.date.strftime("%B %-d, %Y"), m.time, m.place)))
    assert sorted(header_words) == sorted(meeting_words)
    preamble_text = " ".join(b.text for b in t.preamble)
    assert "Government House" not in preamble_text


# --- header recognition, before the grammar runs ----------------------------------------------------------

KREMLIN_LIKE = (
    "Meeting with Government members\n"
    "Vladimir Putin met with\n"
    "Government members.\n"
    "January 21, 2020\n"
    "20:15\n"
    "Kovrov\n"
    "The meeting was attended by the ministers.\n"
    "Vladimir Putin: Good afternoon.\n"
)


def test_read_header_kremlin_layout() -> None:
    header = read_header(KREMLIN_LIKE)
    assert header is not None and header.kind == "kremlin"
    assert dict(header.values) == {
        "title": "Meeting with Government members",
        "lead": "Vladimir Putin met with Government members.",
        "date": dt.date(2020, 1, 21),
        "time": "20:15",
        "place": "Kovrov",
    }
    assert KREMLIN_LIKE[header.end :].startswith("The meeting was attended")
    lines = dict(header.lines)
    assert [line.n for line in lines["lead"]] == [2, 3]


def test_header_lines_leave_the_preamble_and_the_grammar() -> None:
    t = stenogram.parse(KREMLIN_LIKE)
    assert t.meeting.place == "Kovrov"
    assert t.turns[0].label == "Vladimir Putin"  # the place line is not glued to the label
    texts = " ".join(b.text for b in t.preamble)
    assert "Kovrov" not in texts and "Government members" not in texts
    assert t.meeting.occasion is None


def test_overridden_header_field_goes_back_to_the_preamble() -> None:
    header = read_header(KREMLIN_LIKE)
    body_only = Transcript(preamble=(Paragraph(text="The meeting was attended by the ministers."),))
    layer = patch_from_mapping({"title": "Another title", "place": "Kovrov"})
    t = apply_metadata(body_only, header=header, layers=(layer,))
    assert t.meeting.title == "Another title" and t.meeting.place == "Kovrov"
    first = t.preamble[0]
    assert first.text == "Meeting with Government members"  # its words are still in the model
    assert first.span is not None and KREMLIN_LIKE[first.span.start : first.span.end] == first.text
    assert [b.text for b in t.preamble[1:]] == ["The meeting was attended by the ministers."]


def test_page_headers_are_not_a_kremlin_header() -> None:
    legco = "立法會 ─ 2012年 11月 21日\n\n1493\n\n會議過程正式紀錄\n\n2012年 11月 21日星期三\n\n主席：請坐。\n"
    assert read_header(legco) is None


def test_title_and_date_paragraphs_after_a_page_header() -> None:
    """LegCo: the grammar makes the page header a note; a title paragraph and a date paragraph follow."""
    page = Note(kind=NoteKind.PAGE, text="立法會 ─ 2013年 1月 17日")
    t = Transcript(
        preamble=(
            page,
            Paragraph(text="會議過程正式紀錄"),
            Paragraph(text="2013年 1月 17日星期四"),
            Paragraph(text="下午 2時30分會議開始"),
        )
    )
    out = apply_metadata(t, header=None, layers=())
    assert (out.meeting.title, out.meeting.date) == ("會議過程正式紀錄", dt.date(2013, 1, 17))
    assert out.preamble == (page, Paragraph(text="下午 2時30分會議開始"))
    # a title given by metadata wins, and then both paragraphs stay
    kept = apply_metadata(t, header=None, layers=(patch_from_mapping({"title": "Council meeting"}),))
    assert kept.meeting.title == "Council meeting" and kept.preamble == t.preamble


def test_lone_place_line_only_after_front_matter() -> None:
    body = "Via Teleconference\n\nMODERATOR:  Thank you.\n"
    assert read_header(body) is None
    header = read_header(body, after_front_matter=True)
    assert header is not None and dict(header.values) == {"place": "Via Teleconference"}
    assert stenogram.parse("---\ntitle: Call\n---\n" + body).meeting.place == "Via Teleconference"
    assert stenogram.parse(body).meeting.place is None


def test_no_header_no_fields() -> None:
    text = "Anna Petrova: Good morning.\nIvan Sidorov: Hello.\n"
    assert read_header(text) is None
    assert stenogram.parse(text).meeting == Meeting()


@needs_corpus
@pytest.mark.parametrize(
    ("name", "place", "time", "date"),
    [
        ("2023-11-30_press-briefing-jean-pierre-kirby", "James S. Brady Press Briefing Room", "1:26 P.M. EST", None),
        (
            "2021-10-22_biden-cnn-town-hall",
            "Baltimore Center Stage, Baltimore, Maryland",
            "8:00 P.M. EDT",
            dt.date(2021, 10, 22),
        ),
        (
            "2021-11-22_press-gaggle-psaki-air-force-one",
            "Aboard Air Force One, En Route Fort Bragg, North Carolina",
            "5:00 P.M. EST",
            None,
        ),
        ("2025-01-23_trump-executive-order-signing", "Oval Office", "3:10 P.M. EST", dt.date(2025, 1, 23)),
        ("2022-07-12_biden-lopez-obrador-bilateral", "Oval Office", "11:26 A.M. EDT", None),
        ("2023-03-13_background-press-call-aukus", "Via Teleconference", None, None),
    ],
)
def test_whitehouse_place_and_time(name: str, place: str, time: str | None, date: dt.date | None) -> None:
    t = stenogram.parse_file(CORPUS / "whitehouse_md" / f"{name}.txt")
    assert (t.meeting.place, t.meeting.time) == (place, time)
    if date is not None:
        assert t.meeting.date == date
    assert t.meeting.source is not None and t.meeting.source.startswith("https://")
    assert t.meeting.title is not None and t.meeting.title.startswith(("Remarks", "Press", "Interview", "Background"))


@needs_corpus
def test_whitehouse_front_matter_yaml_escapes() -> None:
    t = stenogram.parse_file(CORPUS / "whitehouse_md" / "2022-07-12_biden-lopez-obrador-bilateral.txt")
    assert t.meeting.title == (
        "Remarks by President Biden and President López Obrador of Mexico Before Bilateral Meeting"
    )
    assert t.meeting.date == dt.date(2022, 7, 12)
    extra = dict(t.meeting.extra)
    assert extra["tags"] == "speeches-remarks"
    assert extra["modified_time"] == "2022-07-12 15:33:54-04:00"
    # the transcript starts after the front matter
    assert all(turn.span is not None and turn.span.line > 9 for turn in t.turns)


@needs_corpus
def test_every_whitehouse_file_gets_front_matter() -> None:
    for path in sorted((CORPUS / "whitehouse_md").glob("*.txt")):
        t = stenogram.parse_file(path)
        assert t.meeting.title and t.meeting.date and t.meeting.source, path.name
        assert not any(turn.label in ("title", "date", "tags") for turn in t.turns), path.name


@needs_corpus
def test_miller_center_president_line_is_metadata() -> None:
    for path in sorted((CORPUS / "miller_center").glob("*.txt")):
        first = path.read_text(encoding="utf-8").split("\n", 1)[0]
        t = stenogram.parse_file(path)
        assert dict(t.meeting.extra)["president"] == first.removeprefix("President: ")
        assert all(turn.span is None or turn.span.line > 1 for turn in t.turns), path.name
        assert "President" not in [turn.label for turn in t.turns[:1]], path.name


def test_seed_first_line_is_the_occasion() -> None:
    t = stenogram.parse_file(SEED)
    first = SEED.read_text(encoding="utf-8").split("\n", 1)[0]
    assert t.meeting.occasion == first
    assert t.meeting.title is None and t.meeting.date is None


# --- front matter ---------------------------------------------------------------------------------------

TOML_DOC = """+++
title = "Meeting with Kazakhstan's Prime Minister"
date = 2022-08-25
time = "16:30"
place = "Cholpon-Ata"
language = "en"
url = "http://government.ru/en/news/46390/"
series = "Eurasian Intergovernmental Council"

[[participants]]
id = "mishustin"
name = "Mikhail Mishustin"
role = "Prime Minister of Russia"
labels = ["Mikhail Mishustin"]
+++
Mikhail Mishustin: Mr Smailov, I am glad to see you.
Alikhan Smailov: Thank you.
"""


def test_toml_front_matter() -> None:
    t = stenogram.parse(TOML_DOC)
    m = t.meeting
    assert m.title == "Meeting with Kazakhstan's Prime Minister"
    assert (m.date, m.time, m.place, m.language) == (dt.date(2022, 8, 25), "16:30", "Cholpon-Ata", "en")
    assert m.source == "http://government.ru/en/news/46390/"
    assert m.extra == (("series", "Eurasian Intergovernmental Council"),)
    mishustin = t.participant("mishustin")
    assert mishustin.role == "Prime Minister of Russia"
    assert t.turns[0].speaker == "mishustin"
    assert t.turns[0].span is not None and t.turns[0].span.line == 16


YAML_DOC = """---
title: "Meeting with L\\xF3pez"
date: 2022-07-12
time: 16:30
language: no
participants:
  - {id: lopez, name: Andrés Manuel López Obrador, role: President of Mexico, labels: [PRESIDENT LÓPEZ OBRADOR]}
---
PRESIDENT LÓPEZ OBRADOR: Gracias.
"""


def test_yaml_front_matter_core_schema() -> None:
    fm = split_front_matter(YAML_DOC)
    assert fm is not None and fm.kind == "yaml"
    assert fm.data["time"] == "16:30"  # not the base-60 number 990
    assert fm.data["language"] == "no"  # Norwegian, not False
    t = stenogram.parse(YAML_DOC)
    assert t.meeting.title == "Meeting with López"
    assert t.meeting.time == "16:30" and t.meeting.language == "no"


@pytest.mark.parametrize(
    ("doc", "line", "fragment"),
    [
        ("---\ntitle: [unclosed\n---\nAnna: hi\n", 3, "YAML"),
        ("+++\ntitle = \n+++\nAnna: hi\n", 2, "TOML"),
        ("---\ntitle: x\nAnna: hi\n", 1, "never closed"),
        ("---\n- a list\n---\nAnna: hi\n", 2, "mapping"),
        ("---\ndate: next Tuesday\n---\nAnna: hi\n", 2, "date"),
        ("---\nparticipants:\n  - {id: 'two words'}\n---\nAnna: hi\n", 2, "participant id"),
        ("---\ntitle: {a: 1}\n---\nAnna: hi\n", 2, "expected text"),
    ],
)
def test_bad_front_matter_names_the_line(doc: str, line: int, fragment: str) -> None:
    with pytest.raises(ParseError) as info:
        stenogram.parse(doc, source="talk.txt")
    assert info.value.line == line, str(info.value)
    assert fragment in str(info.value)
    assert str(info.value).startswith(f"talk.txt:{line}:")


def test_front_matter_without_transcript_is_empty_input() -> None:
    with pytest.raises(stenogram.EmptyInputError, match="front matter but no transcript"):
        stenogram.parse("---\ntitle: x\n---\n\n")


# --- sidecar files ---------------------------------------------------------------------------------------

SIDECARS = {
    ".meta.toml": (
        'title = "From the sidecar"\nplace = "Moscow"\n'
        '[[participants]]\nid = "anna"\nname = "Anna Petrova"\nrole = "Chair"\n'
    ),
    ".meta.yaml": (
        "title: From the sidecar\nplace: Moscow\nparticipants:\n  - id: anna\n    name: Anna Petrova\n    role: Chair\n"
    ),
    ".meta.yml": "title: From the sidecar\nplace: Moscow\nparticipants: {anna: {name: Anna Petrova, role: Chair}}\n",
    ".meta.json": json.dumps(
        {
            "title": "From the sidecar",
            "place": "Moscow",
            "participants": [{"id": "anna", "name": "Anna Petrova", "role": "Chair"}],
        }
    ),
}


@pytest.mark.parametrize("suffix", SIDECAR_SUFFIXES)
def test_sidecar(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / "talk.txt"
    path.write_text(
        "---\ntitle: From front matter\ndate: 2020-01-21\n---\nAnna Petrova: Good morning.\nIvan Sidorov: Hello.\n"
    )
    (tmp_path / f"talk{suffix}").write_text(SIDECARS[suffix])
    assert find_sidecar(path) == tmp_path / f"talk{suffix}"
    t = stenogram.parse_file(path)
    assert t.meeting.title == "From the sidecar"  # the sidecar beats front matter
    assert t.meeting.date == dt.date(2020, 1, 21)  # what the sidecar does not say, front matter still does
    assert t.participant("anna").role == "Chair"
    assert t.turns[0].speaker == "anna"
    assert stenogram.parse_file(path, sidecar=False).meeting.title == "From front matter"


def test_two_sidecars_are_an_error(tmp_path: Path) -> None:
    path = tmp_path / "talk.txt"
    path.write_text("Anna: hi\n")
    (tmp_path / "talk.meta.toml").write_text('title = "a"\n')
    (tmp_path / "talk.meta.json").write_text('{"title": "b"}')
    with pytest.raises(ParseError, match="more than one sidecar"):
        stenogram.parse_file(path)


def test_bad_sidecar_names_sidecar_and_line(tmp_path: Path) -> None:
    path = tmp_path / "talk.txt"
    path.write_text("Anna: hi\n")
    side = tmp_path / "talk.meta.json"
    side.write_text('{\n  "title": "a",\n  "date": "someday"\n}\n')
    with pytest.raises(ParseError) as info:
        stenogram.parse_file(path)
    assert info.value.file == str(side) and info.value.line == 3


# --- no word lost, counting the meeting fields -------------------------------------------------------------


def _model_words(t: Transcript) -> Counter[str]:
    texts = [b.text for b in t.preamble]
    for item in t.body:
        if isinstance(item, Turn):
            texts += [item.label, item.annotation or ""]
            texts += [b.text for b in item.content]
        else:
            texts.append(item.text)
    m = t.meeting
    texts += [m.title or "", m.lead or "", m.time or "", m.place or "", m.occasion or "", m.source or ""]
    texts += [f"{k} {v}" for k, v in m.extra]
    if m.date is not None:  # the date line's words live on as the date itself (the weekday follows from it)
        d = m.date
        texts += [
            d.strftime("%A, %B %-d, %Y"),
            d.isoformat(),
            f"{d.year}年{d.month}月{d.day}日星期{'一二三四五六日'[d.weekday()]}",
        ]
    return Counter(w for text in texts for w in words(text))


def _corpus_files() -> list[Path]:
    folders = ("kremlin_en", "kremlin_dev", "whitehouse_md", "miller_center", "debates_rev", "ungdc", "legco_zh")
    return [p for folder in folders for p in sorted((CORPUS / folder).glob("*.txt"))] + [SEED]


@needs_corpus
@pytest.mark.parametrize("path", _corpus_files(), ids=lambda p: p.name)
def test_no_word_lost_with_metadata(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    front = split_front_matter(text)
    transcript_part = text[front.end :] if front is not None else text
    missing = Counter(words(transcript_part)) - _model_words(stenogram.parse_file(path))
    assert not missing, sorted(missing)[:20]


def test_alias_bomb_in_front_matter_is_refused() -> None:
    levels = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    levels += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 7)]
    doc = "---\n" + "\n".join(levels) + "\n---\nAnna Petrova: Hello.\n"
    with pytest.raises(ParseError, match="too large"):
        stenogram.parse(doc)


def test_scalar_types_become_text() -> None:
    t = stenogram.parse("---\ntitle: 2020-01-21\nsession: 7\nrecorded: 2021-10-22 00:05:25-04:00\n---\nAnna: Hello.\n")
    assert t.meeting.title == "2020-01-21"
    assert t.meeting.extra == (("session", "7"), ("recorded", "2021-10-22 00:05:25-04:00"))


@needs_corpus
@pytest.mark.parametrize(
    ("name", "date"),
    [
        ("2012-11-21_cm1121-translate-c-small_FIXTURE", dt.date(2012, 11, 21)),
        ("2013-01-17_12-13-cm0117-translate-c", dt.date(2013, 1, 17)),
    ],
)
def test_legco_title_and_date(name: str, date: dt.date) -> None:
    t = stenogram.parse_file(CORPUS / "legco_zh" / f"{name}.txt")
    assert (t.meeting.title, t.meeting.date) == ("會議過程正式紀錄", date)
    assert "會議過程正式紀錄" not in [b.text for b in t.preamble]
