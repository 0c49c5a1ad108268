"""The encoding: what each part of the model becomes in TEI (see docs/tei.md)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import attrs
import pytest
from lxml import etree
from stenogram_tei import TeiOptions, read_tei, to_tei

import stenogram
from stenogram import Mark, MarkKind, Meeting, Note, NoteKind, Paragraph, Participant, Transcript, Turn
from stenogram.errors import OptionError

SEED = Path(__file__).resolve().parents[3] / "seeds" / "000_cc7df8760118afc5.txt"
NS = {"t": "http://www.tei-c.org/ns/1.0"}
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"


def tree(data: bytes) -> Any:
    return etree.fromstring(data)


def texts(root: Any, path: str) -> list[str]:
    return ["".join(el.itertext()) for el in root.xpath(path, namespaces=NS)]


def one(root: Any, path: str) -> Any:
    found = root.xpath(path, namespaces=NS)
    assert len(found) == 1, f"{path}: {len(found)} matches"
    return found[0]


MEETING = Meeting(
    title="Meeting with Government members",
    lead="Vladimir Putin held a meeting with Government members via videoconference.",
    date=dt.date(2020, 8, 26),
    time="15:00",
    place="The Kremlin, Moscow",
    occasion="Meeting with Government members",
    source="http://en.kremlin.ru/events/president/news/63945",
    language="en",
    is_excerpt=True,
    extra=(("category", "news"),),
)


def rich() -> Transcript:
    """A transcript that uses every kind of note and mark, built directly (not through the parser)."""
    return Transcript(
        meeting=MEETING,
        participants=(
            Participant(
                id="putin",
                name="Vladimir Putin",
                role="President of Russia",
                labels=("President of Russia Vladimir Putin", "Vladimir Putin"),
            ),
            Participant(id="mishustin", name="Mikhail Mishustin", role="Prime Minister", labels=("Mikhail Mishustin",)),
            Participant(id="q", name="Question", labels=("Question",), anonymous=True),
        ),
        preamble=(
            Paragraph(text="The meeting was held via videoconference."),
            Note(kind=NoteKind.SEPARATOR, text="* * *"),
        ),
        body=(
            Note(kind=NoteKind.SECTION, text="Part 1"),
            Turn(
                speaker="putin",
                label="President of Russia Vladimir Putin",
                content=(
                    Paragraph(
                        text="Good afternoon, colleagues. <…> We have [$400 million] left (Laughs.) today.",
                        marks=(
                            Mark(kind=MarkKind.OMISSION, start=28, end=31),
                            Mark(kind=MarkKind.INSERTION, start=40, end=54),
                            Mark(kind=MarkKind.STAGE, start=60, end=69),
                        ),
                    ),
                    Note(kind=NoteKind.STAGE, text="(Applause.)"),
                    Paragraph(text="Let us begin."),
                ),
            ),
            Note(kind=NoteKind.OMISSION, text="<…>"),
            Note(kind=NoteKind.SECTION, text="Part 2"),
            Turn(
                speaker="mishustin",
                label="Mikhail Mishustin",
                annotation="retranslated",
                content=(Paragraph(text="Thank you."), Note(kind=NoteKind.TIMESTAMP, text="00:07:53")),
            ),
            Turn(speaker="q", label="Question", content=(Paragraph(text="Mr President?"),)),
            Note(kind=NoteKind.EDITORIAL, text="(The Minister went on to talk about the budget.)"),
        ),
    )


@pytest.fixture(scope="module")
def rich_tei() -> Any:
    return tree(to_tei(rich()).data)


def test_output_is_utf8_with_an_xml_declaration() -> None:
    data = to_tei(rich()).data
    assert data.startswith(b"<?xml version='1.0' encoding='UTF-8'?>\n<TEI ")
    assert "Good afternoon" in data.decode("utf-8")


def test_header_carries_every_meeting_field(rich_tei: Any) -> None:
    h = "/t:TEI/t:teiHeader"
    assert texts(rich_tei, f"{h}/t:fileDesc/t:titleStmt/t:title[@type='main']") == [MEETING.title]
    assert one(rich_tei, f"{h}/t:fileDesc/t:publicationStmt/t:publisher").text == "stenogram"
    bibl = one(rich_tei, f"{h}/t:fileDesc/t:sourceDesc/t:bibl")
    assert texts(bibl, "t:idno[@type='URI']") == [MEETING.source]
    assert one(bibl, "t:date").get("when") == "2020-08-26"
    assert texts(rich_tei, f"{h}/t:fileDesc/t:notesStmt/t:note[@type='extra'][@n='category']") == ["news"]
    assert texts(rich_tei, f"{h}/t:profileDesc/t:abstract/t:p") == [MEETING.lead]
    assert one(rich_tei, f"{h}/t:profileDesc/t:langUsage/t:language").get("ident") == "en"
    assert rich_tei.get("{http://www.w3.org/XML/1998/namespace}lang") == "en"
    setting = one(rich_tei, f"{h}/t:profileDesc/t:settingDesc/t:setting")
    assert texts(setting, "t:placeName") == ["The Kremlin, Moscow"]
    assert one(setting, "t:date").get("when") == "2020-08-26"
    assert texts(setting, "t:time") == ["15:00"]
    assert texts(setting, "t:activity") == [MEETING.occasion]


def test_persons_have_id_name_role_and_labels(rich_tei: Any) -> None:
    persons = rich_tei.xpath("//t:particDesc/t:listPerson/t:person", namespaces=NS)
    assert [p.get(XML_ID) for p in persons] == ["putin", "mishustin", "q"]
    putin = persons[0]
    assert texts(putin, "t:persName[not(@type)]") == ["Vladimir Putin"]
    assert texts(putin, "t:persName[@type='label']") == ["President of Russia Vladimir Putin", "Vladimir Putin"]
    assert texts(putin, "t:affiliation/t:roleName") == ["President of Russia"]
    assert persons[2].get("role") == "anonymous"


def test_body_speaker_notes_utterances_and_segments(rich_tei: Any) -> None:
    body = "/t:TEI/t:text/t:body"
    assert texts(rich_tei, f"{body}//t:note[@type='speaker']") == [
        "President of Russia Vladimir Putin:",
        "Mikhail Mishustin:",
        "Question:",
    ]
    us = rich_tei.xpath(f"{body}//t:u", namespaces=NS)
    assert [(u.get(XML_ID), u.get("who"), u.get("ana")) for u in us] == [
        ("u1", "#putin", "#regular"),
        ("u2", "#mishustin", "#regular"),
        ("u3", "#q", "#guest"),
    ]
    assert [s.get(XML_ID) for s in us[0].xpath("t:seg", namespaces=NS)] == ["u1.1", "u1.2"]
    # each speaker note stands right before its u (the annotation note in between)
    for u in us:
        previous = u.getprevious()
        while previous.get("type") == "annotation":
            previous = previous.getprevious()
        assert previous.get("type") == "speaker"
    assert texts(rich_tei, f"{body}//t:note[@type='annotation']") == ["retranslated"]


def test_preamble_notes_and_sections_as_div_heads(rich_tei: Any) -> None:
    divs = rich_tei.xpath("/t:TEI/t:text/t:body/t:div", namespaces=NS)
    assert [d.get("type") for d in divs] == ["debateSection"] * 3
    assert texts(divs[0], "t:note[@type='preamble']") == ["The meeting was held via videoconference.", "* * *"]
    assert one(divs[0], "t:note[@type='preamble'][@subtype='separator']") is not None
    assert texts(divs[1], "t:head") == ["Part 1"]
    assert texts(divs[2], "t:head") == ["Part 2"]


def test_stage_directions_and_notes_by_kind(rich_tei: Any) -> None:
    u1 = one(rich_tei, "//t:u[@xml:id='u1']")
    # a note within a turn stays inside its u
    assert texts(u1, "t:kinesic[@type='applause']/t:desc") == ["(Applause.)"]
    assert texts(rich_tei, "//t:div/t:gap[@reason='editorial']/t:desc") == ["<…>"]
    assert texts(rich_tei, "//t:u[@xml:id='u2']/t:note[@type='timestamp']") == ["00:07:53"]
    assert texts(rich_tei, "//t:div/t:note[@type='editorial']") == ["(The Minister went on to talk about the budget.)"]


def test_inline_marks_inside_the_segment(rich_tei: Any) -> None:
    seg = one(rich_tei, "//t:seg[@xml:id='u1.1']")
    assert "".join(seg.itertext()) == "Good afternoon, colleagues. <…> We have [$400 million] left (Laughs.) today."
    assert texts(seg, "t:gap/t:desc") == ["<…>"]
    assert texts(seg, "t:add") == ["[$400 million]"]
    assert texts(seg, "t:vocal[@type='laughter']/t:desc") == ["(Laughs.)"]


def test_overlapping_marks_are_anchored_and_kept_in_order() -> None:
    paragraph = Paragraph(
        text="one two three",
        marks=(Mark(kind=MarkKind.OTHER, start=4, end=13), Mark(kind=MarkKind.STAGE, start=0, end=7)),
    )
    t = Transcript(
        participants=(Participant(id="a", name="A"),),
        body=(Turn(speaker="a", label="A", content=(paragraph,)),),
    )
    root = tree(to_tei(t).data)
    seg = one(root, "//t:seg")
    assert "".join(seg.itertext()) == "one two three"
    spans = seg.xpath("t:spanGrp/t:span", namespaces=NS)
    assert [s.get("type") for s in spans] == ["other", "stage"]
    assert read_tei(to_tei(t).data) == t


def test_ids_are_deterministic_and_clash_free() -> None:
    t = Transcript(
        participants=(
            Participant(id="u1", name="A"),
            Participant(id="chair", name="B"),
            Participant(id="xé", name="C"),
        ),
        body=(
            Turn(speaker="u1", label="A", content=(Paragraph(text="x"),)),
            Turn(speaker="xé", label="C", content=(Paragraph(text="y"),)),
        ),
    )
    first, second = to_tei(t).data, to_tei(t).data
    assert first == second
    root = tree(first)
    ids = root.xpath("//@xml:id")
    assert len(ids) == len(set(ids))
    persons = root.xpath("//t:person", namespaces=NS)
    assert [p.get(XML_ID) for p in persons] == ["_u1", "chair_2", "xé"]  # an NCName stays as it is
    assert texts(root, "//t:person/t:idno[@type='stenogram']") == ["u1", "chair"]
    assert [u.get("who") for u in root.xpath("//t:u", namespaces=NS)] == ["#_u1", "#xé"]
    assert read_tei(first) == t


def test_source_date_epoch_fixes_the_publication_date(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    root = tree(to_tei(rich()).data)
    assert one(root, "//t:publicationStmt/t:date").get("when") == "2023-11-14"


def test_pretty_false_writes_no_indentation_and_the_same_content() -> None:
    compact = to_tei(rich(), TeiOptions(pretty=False)).data
    assert b"\n  <" not in compact
    assert read_tei(compact) == rich()


def test_id_prefix_and_chairs_options() -> None:
    root = tree(to_tei(rich(), TeiOptions(id_prefix="d1.", chairs=("mishustin",))).data)
    us = root.xpath("//t:u", namespaces=NS)
    assert [u.get(XML_ID) for u in us] == ["d1.u1", "d1.u2", "d1.u3"]
    assert [u.get("ana") for u in us] == ["#regular", "#chair", "#guest"]


def test_chair_found_from_the_role_when_not_given() -> None:
    t = Transcript(
        participants=(Participant(id="m", name="Fyodor Lukyanov", role="Moderator"), Participant(id="p", name="P")),
        body=(Turn(speaker="m", label="Moderator", content=()), Turn(speaker="p", label="P", content=())),
    )
    root = tree(to_tei(t).data)
    assert [u.get("ana") for u in root.xpath("//t:u", namespaces=NS)] == ["#chair", "#regular"]


def test_title_derived_from_participants_when_the_meeting_has_none() -> None:
    t = stenogram.parse_file(SEED)
    root = tree(to_tei(attrs_evolve_title(t, None)).data)
    title = one(root, "//t:titleStmt/t:title")
    assert title.get("subtype") == "derived"
    assert title.text == "Meeting of Mikhail Mishustin and Alikhan Smailov"


def attrs_evolve_title(t: Transcript, title: str | None) -> Transcript:
    import attrs

    return attrs.evolve(t, meeting=attrs.evolve(t.meeting, title=title))


def test_registered_with_the_plugin_host() -> None:
    info = {f.name: f for f in stenogram.formats() if f.name == "tei"}
    assert info, "the tei plugin is not registered (pip install -e plugins/stenogram-tei)"
    exporter = next(f for f in stenogram.formats() if f.name == "tei" and f.kind == "exporter")
    assert exporter.media_type == "application/tei+xml"
    assert exporter.suffixes == (".tei.xml",)
    reader = next(f for f in stenogram.formats() if f.name == "tei" and f.kind == "reader")
    assert reader.suffixes == (".tei.xml", ".xml")
    t = stenogram.parse_file(SEED)
    data = stenogram.export_text(t, "tei", pretty="false")
    assert stenogram.read(data.encode("utf-8")) == t  # found by sniffing


def test_bad_options_are_option_errors() -> None:
    t = stenogram.parse_file(SEED)
    with pytest.raises(OptionError):
        stenogram.export(t, "tei", profile="docbook")
    with pytest.raises(OptionError):
        stenogram.export(t, "tei", id_prefix="1 bad")


def test_export_file_writes_atomically(tmp_path: Any) -> None:
    t = stenogram.parse_file(SEED)
    out = stenogram.export_file(t, "tei", tmp_path / "seed.tei.xml")
    assert stenogram.read(out) == t


@pytest.mark.parametrize(
    ("source", "uri"),
    [
        ("http://en.kremlin.ru/events/president/news/63945", "http://en.kremlin.ru/events/president/news/63945"),
        ("https://a.example/c?d=e&f=g#h", "https://a.example/c?d=e&f=g#h"),
        ("Kremlin press office", "Kremlin%20press%20office"),
        ("%O:6 ]x#y#z", "%25O%3A6%20%5Dx#y%23z"),
    ],
)
def test_parlamint_idno_is_always_a_uri(source: str, uri: str) -> None:
    import attrs

    t = attrs.evolve(rich(), meeting=attrs.evolve(MEETING, source=source))
    root = tree(to_tei(t, TeiOptions(profile="parlamint")).data)
    assert texts(root, "//t:sourceDesc/t:bibl/t:idno") == [uri]


def test_publication_date_never_depends_on_the_day_it_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    dated = rich()
    root = tree(to_tei(dated).data)
    assert dated.meeting.date is not None
    assert one(root, "//t:publicationStmt/t:date").get("when") == dated.meeting.date.isoformat()
    undated = attrs.evolve(dated, meeting=attrs.evolve(dated.meeting, date=None))
    root = tree(to_tei(undated).data)
    assert one(root, "//t:publicationStmt/t:date").get("when") is None
    assert one(root, "//t:publicationStmt/t:date").text == "undated"
