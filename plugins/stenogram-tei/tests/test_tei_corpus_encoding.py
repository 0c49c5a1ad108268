"""What real transcripts become: speaker types, stage directions and the exporter's diagnostics."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import attrs
import pytest
from lxml import etree
from repo_shared import needs_shared, shared
from stenogram_tei import TeiOptions, to_tei

import stenogram

CORPUS = shared("corpus")
NS = {"t": "http://www.tei-c.org/ns/1.0"}
needs_corpus = needs_shared("corpus")


def speaker_types(path: Path) -> dict[str, set[str]]:
    """{participant name: the @ana values of their utterances}."""
    t = stenogram.parse_file(path)
    root = etree.fromstring(to_tei(t).data)
    names = {"#" + p.get("{http://www.w3.org/XML/1998/namespace}id"): p.findtext("t:persName", namespaces=NS)
             for p in root.xpath("//t:person", namespaces=NS)}  # fmt: skip
    found: dict[str, set[str]] = {}
    for u in root.xpath("//t:u", namespaces=NS):
        found.setdefault(names[u.get("who")], set()).add(u.get("ana"))
    return found


@needs_corpus
@pytest.mark.parametrize(
    ("path", "name"),
    [
        ("kremlin_dev/17976.txt", "Alexei Lavrinenko"),  # "Collective Farm Chairman"
        ("kremlin_dev/51307.txt", "Vladimir Dmitriev"),  # "Vnesheconombank Chairman"
        ("kremlin_dev/51307.txt", "Rinat Khanbikov"),  # "Chairman of the Board of Directors of ..."
    ],
)
def test_the_chairman_of_an_organisation_does_not_chair_the_meeting(path: str, name: str) -> None:
    assert speaker_types(CORPUS / path)[name] == {"#regular"}


@needs_corpus
def test_chairs_found_in_english_and_chinese_records() -> None:
    assert speaker_types(CORPUS / "miller_center/1960-09-26-debate-richard-nixon-chicago.txt")["Howard K. Smith"] == {
        "#chair"
    }
    assert speaker_types(CORPUS / "legco_zh/2013-01-17_12-13-cm0117-translate-c.txt")["主席"] == {"#chair"}


@pytest.mark.parametrize(
    ("role", "label", "chair"),
    [
        (None, "The CHAIRMAN", True),
        (None, "Madam Chair", True),
        (None, "CHAIRMAN SMITH", True),
        ("Chairperson", "Ms Jones", True),
        (None, "全委會主席", True),
        (None, "CO-CHAIR SMITH", True),
        ("Chairman of the Government", "Dmitry Medvedev", False),
        ("Vnesheconombank Chairman", "Vladimir Dmitriev", False),
        (None, "Mr Chairmanov", False),
    ],
)
def test_chair_rule(role: str | None, label: str, chair: bool) -> None:
    p = stenogram.Participant(id="x", name="X", role=role, labels=(label,))
    t = stenogram.Transcript(participants=(p,), body=(stenogram.Turn(speaker="x", label=label, content=()),))
    ana = etree.fromstring(to_tei(t).data).xpath("//t:u/@ana", namespaces=NS)
    assert ana == ["#chair" if chair else "#regular"]


def test_the_exporter_reports_what_to_tei_diagnoses(monkeypatch: Any) -> None:
    """Through the plugin host (and so the CLI) the diagnostics come back with the data, not lost."""
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    p = stenogram.Participant(id="a", name="A")
    undated = stenogram.Transcript(
        participants=(p,),
        body=(stenogram.Turn(speaker="a", label="A", content=(stenogram.Paragraph(text="x\x0cy"),)),),
    )
    rendered = stenogram.export_rendered(undated, "tei", profile="parlamint")
    logged = "\n".join(str(d) for d in rendered.diagnostics)
    assert "tei-publication-date-from-clock" in logged
    assert "xml-illegal-character" in logged and "U+000C" in logged


_EXPORT_BOTH_PROFILES = """
import sys, stenogram
from stenogram_tei import TeiOptions, to_tei
t = stenogram.parse_file(sys.argv[1])
for profile in ("tei", "parlamint"):
    sys.stdout.buffer.write(to_tei(t, TeiOptions(profile=profile)).data)
"""


@needs_corpus
@pytest.mark.parametrize("epoch", [None, "1700000000"])
def test_bytes_depend_on_neither_hash_seed_nor_run(epoch: str | None) -> None:
    """Two processes, two hash seeds: one result, with and without SOURCE_DATE_EPOCH."""
    path = CORPUS / "legco_zh/2012-11-21_cm1121-translate-c-small_FIXTURE.txt"  # non-ASCII ids, page notes
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    if epoch is not None:
        env["SOURCE_DATE_EPOCH"] = epoch
    outputs = [
        subprocess.run(
            [sys.executable, "-c", _EXPORT_BOTH_PROFILES, str(path)],
            capture_output=True, check=True, timeout=120, env={**env, "PYTHONHASHSEED": seed},
        ).stdout
        for seed in ("1", "2")
    ]  # fmt: skip
    assert outputs[0] == outputs[1]
    documents = [b"<?xml" + d for d in outputs[0].split(b"<?xml")[1:]]
    assert len(documents) == 2
    published = [etree.fromstring(d).xpath("//t:publicationStmt/t:date/@when", namespaces=NS) for d in documents]
    assert published == [["2023-11-14" if epoch else "2012-11-21"]] * 2


def test_undated_parlamint_file_is_the_only_one_to_read_the_clock(monkeypatch: Any) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    t = stenogram.parse_file(Path(__file__).resolve().parents[3] / "seeds" / "000_cc7df8760118afc5.txt")
    undated = attrs.evolve(t, meeting=attrs.evolve(t.meeting, date=None))
    plain = to_tei(undated)
    assert b"<date>undated</date>" in plain.data and not plain.diagnostics
    assert to_tei(undated).data == plain.data
    parlamint = to_tei(undated, TeiOptions(profile="parlamint"))
    assert [d.code for d in parlamint.diagnostics] == ["tei-publication-date-from-clock"]
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")
    fixed = to_tei(undated, TeiOptions(profile="parlamint"))
    assert not fixed.diagnostics and b'<date when="1970-01-01">1970-01-01</date>' in fixed.data


@needs_corpus
def test_chinese_stage_directions_get_their_kind() -> None:
    t = stenogram.parse_file(CORPUS / "legco_zh/2013-01-17_12-13-cm0117-translate-c.txt")
    root = etree.fromstring(to_tei(t).data)
    kinds = {
        desc.text: f"{etree.QName(desc.getparent()).localname}/{desc.getparent().get('type')}"
        for desc in root.xpath("//t:desc", namespaces=NS)
    }
    assert kinds["(梁國雄議員離席並高聲叫喊 )"] == "vocal/shouting"
    assert kinds["(陳偉業議員離席走到會議廳通道 )"] == "incident/leaving"
    assert kinds["(席間有播放裝置重複播放 “大話精，梁振英 ”、 “你呃人 ”、 “唔好講大話 ”的錄音 )"] == "kinesic/playback"


@pytest.mark.parametrize("epoch", ["yesterday", "99999999999999999", "1.5"])
def test_a_source_date_epoch_that_is_no_date_is_an_option_error(epoch: str, monkeypatch: Any) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
    t = stenogram.parse_file(Path(__file__).resolve().parents[3] / "seeds" / "000_cc7df8760118afc5.txt")
    with pytest.raises(stenogram.OptionError, match="SOURCE_DATE_EPOCH"):
        stenogram.export(t, "tei")


def test_a_parlamint_file_of_unknown_language_reads_back_without_one() -> None:
    """ParlaMint demands TEI/@xml:lang, so a transcript of no known language is written "und"."""
    from stenogram_tei import read_tei

    t = stenogram.parse_file(Path(__file__).resolve().parents[3] / "seeds" / "000_cc7df8760118afc5.txt")
    unknown = attrs.evolve(t, meeting=attrs.evolve(t.meeting, language=None))
    data = to_tei(unknown, TeiOptions(profile="parlamint")).data
    assert b'xml:lang="und"' in data
    assert read_tei(data).meeting.language is None
    known = attrs.evolve(t, meeting=attrs.evolve(t.meeting, language="ru"))
    assert read_tei(to_tei(known, TeiOptions(profile="parlamint")).data).meeting.language == "ru"


@needs_corpus
def test_parlamint_chair_is_kept_through_a_conversion() -> None:
    """siParl marks the committee chair's speeches ana="#chair"; reading and writing again keeps that."""
    t = stenogram.read(CORPUS / "parlamint-samples/siParl_KPZONOJFSPD-Redna-021-1998-11-25.xml")
    roles = {p.id: p.role for p in t.participants}
    assert roles == {"KužnikRafael": "Chair", "KorunVladimir": None, "IlcJože": None, "SchiffrerMarijan": None}
    root = etree.fromstring(to_tei(t, TeiOptions(profile="parlamint")).data)
    chaired = {u.get("who") for u in root.xpath("//t:u[@ana='#chair']", namespaces=NS)}
    assert len(chaired) == 1 and len(root.xpath("//t:u[@ana='#chair']", namespaces=NS)) == 5


@needs_corpus
def test_parlamint_profile_writes_time_notes_as_parlamint_does() -> None:
    """A White House briefing's closing '2:02 P.M. EST': note type="time" in ParlaMint, "timestamp" in TEI."""
    t = stenogram.parse_file(CORPUS / "whitehouse_md/2023-11-30_press-briefing-jean-pierre-kirby.txt")
    parlamint = etree.fromstring(to_tei(t, TeiOptions(profile="parlamint")).data)
    assert parlamint.xpath("//t:note[@type='time']/text()", namespaces=NS) == ["2:02 P.M. EST"]
    assert not parlamint.xpath("//t:note[@type='timestamp']", namespaces=NS)
    tei = etree.fromstring(to_tei(t).data)
    assert tei.xpath("//t:note[@type='timestamp']/text()", namespaces=NS) == ["2:02 P.M. EST"]
    marks = stenogram.Transcript(
        participants=(stenogram.Participant(id="a", name="A"),),
        body=(
            stenogram.Turn(
                speaker="a",
                label="A",
                content=(
                    stenogram.Paragraph(
                        text="Yes [00:07:53] no.",
                        marks=(stenogram.Mark(kind=stenogram.MarkKind.TIMESTAMP, start=4, end=14),),
                    ),
                ),
            ),
        ),
    )
    seg = etree.fromstring(to_tei(marks, TeiOptions(profile="parlamint")).data).xpath("//t:seg", namespaces=NS)[0]
    assert [(n.get("type"), n.text) for n in seg] == [("time", "[00:07:53]")]


@needs_corpus
def test_a_turn_with_no_printed_label_gets_no_bare_colon() -> None:
    from stenogram_tei import read_tei

    t = stenogram.parse_file(CORPUS / "ungdc/USA_25_1970.txt")
    assert t.turns[0].label == ""
    data = to_tei(t).data
    root = etree.fromstring(data)
    assert [n.text for n in root.xpath("//t:note[@type='speaker']", namespaces=NS)] == [None]
    assert read_tei(data) == t
    parlamint = etree.fromstring(to_tei(t, TeiOptions(profile="parlamint")).data)
    assert not parlamint.xpath("//t:note[@type='speaker']", namespaces=NS)


@needs_corpus
def test_a_listed_person_takes_the_role_their_label_prints() -> None:
    """Read through the corpus root (listPerson there has no roles) or alone: the same role."""
    from stenogram_tei import TeiReadOptions, read_tei

    root = CORPUS / "parlamint-samples/ParlaMint-ES-CT.xml"
    via_root = read_tei(root.read_bytes(), str(root), options=TeiReadOptions(follow_xinclude=True))
    component = stenogram.read(CORPUS / "parlamint-samples/ParlaMint-ES-CT_2015-10-26.xml")
    roles = [{p.id: p.role for p in t.participants}["DeJòdarJulià"] for t in (via_root, component)]
    assert roles == ["El president de la Mesa d’Edat"] * 2
