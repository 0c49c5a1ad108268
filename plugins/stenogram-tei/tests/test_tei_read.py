"""Reading TEI written by others: the ParlaMint and Parla-CLARIN samples, and our ParlaMint profile."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from repo_shared import shared, skip_if_missing, skip_unless_shared
from stenogram_tei import NotTeiError, TeiOptions, TeiReadError, read_tei, sniff_tei, to_tei

import stenogram
from stenogram import MarkKind, NoteKind, Transcript

ROOT = Path(__file__).resolve().parents[3]
SEED = ROOT / "seeds" / "000_cc7df8760118afc5.txt"
SAMPLES = shared("corpus", "parlamint-samples")
TEI = "http://www.tei-c.org/ns/1.0"


def sample(name: str) -> Transcript:
    path = SAMPLES / name
    skip_if_missing(path)
    return stenogram.read(path)  # picked by its .xml suffix


def test_parlamint_component_file() -> None:
    t = sample("ParlaMint-ES-CT_2015-10-26.xml")
    m = t.meeting
    assert m.title == "Corpus Parlamentari en català ParlaMint-ES-CT_2015-10-26 [ParlaMint SAMPLE]"
    assert m.date == dt.date(2015, 10, 26)
    assert m.language == "ca"
    assert m.place == "Parc de la Ciutadella, s/n 08003, Barcelona, Spain"
    assert m.source == "https://www.parlament.cat/"
    assert len(t.turns) == 9
    assert len(t.paragraphs) == 243
    first = t.turns[0]
    assert first.speaker == "BayonaAntoni"
    assert first.label == "El lletrat major (Antoni Bayona Rocamora)"
    assert first.paragraphs[0].text.startswith("Autoritats, senyores i senyors, bon dia")
    # the notes inside the first u stay in its turn
    assert [(n.kind, n.text) for n in first.notes][:3] == [
        (NoteKind.EDITORIAL, "Constitució del Ple del Parlament i elecció de la Mesa del Parlament"),
        (NoteKind.EDITORIAL, "396-00001/11 i 398-00001/11"),
        (NoteKind.STAGE, "(Pausa.)"),
    ]
    bayona = t.participant("BayonaAntoni")
    assert (bayona.name, bayona.role) == ("Antoni Bayona Rocamora", "El lletrat major")
    assert t.body[0] == stenogram.Note(kind=NoteKind.SECTION, text="SESSIÓ NÚM. 1")
    # two utterances have who=" ": their printed labels stand in, and the reader says so
    assert sum(d.code == "missing-who" for d in t.diagnostics) == 2
    assert len({turn.speaker for turn in t.turns}) == len(t.participants) == 6


def test_parla_clarin_exemplar_corpus() -> None:
    t = sample("Parla-CLARIN-Exemplar.xml")
    assert t.meeting.title == "The parliament of the Republic of Slovenia"
    assert t.meeting.date == dt.date(2011, 6, 10)
    assert [p.id for p in t.participants] == ["KučanMilan", "JohnDoe1960", "JohnsonBoris1964", "CorbynJeremy1949"]
    kucan = t.participant("KučanMilan")
    assert kucan.name == "Milan Kučan"  # forename first, whatever the order in persName
    assert kucan.labels == ("MILAN KUČAN",)
    assert [turn.label for turn in t.turns][:3] == ["MILAN KUČAN", "MILAN KUČAN", "John Doe"]
    assert len(t.turns) == 7
    assert [p.text for p in t.turns[0].paragraphs] == [
        "Dear Members, Colleagues, ladies and gentlemen!",
        "I begin with the continuation of the second session of the National Assembly.",
        "How many members of the parliament are present?",
    ]
    # front matter is the preamble; nested divs' heads are section notes
    assert [n.text for n in t.preamble] == [
        "THE PARLIAMENT OF THE REPUBLIC OF SLOVENIA",
        "Continuation of the second session",
        "30th January 2011",
    ]
    sections = [n.text for n in t.notes if n.kind is NoteKind.SECTION and n not in t.preamble]
    assert sections == ["THIRD AMENDMENT", "BREXIT"]
    stages = [n.text for n in t.notes if n.kind is NoteKind.STAGE]
    assert stages == ["Applause.", "shouting", "banging of the gavel", "Army storms the parliament"]
    assert any(n.kind is NoteKind.TIMESTAMP and "10.03" in n.text for n in t.notes)


def test_siparl_file() -> None:
    t = sample("siParl_KPZONOJFSPD-Redna-021-1998-11-25.xml")
    assert t.meeting.date == dt.date(1998, 11, 25)
    assert t.meeting.language == "sl"
    assert len(t.turns) == 9
    assert len(t.participants) == 4
    first = t.turns[0].paragraphs[0]
    # <gap reason="inaudible"/> is kept as a marked omission, printed the usual way
    assert first.text.startswith("[inaudible] in potem še točko razno.")
    assert [(m.kind, first.text[m.start : m.end]) for m in first.marks] == [(MarkKind.OMISSION, "[inaudible]")]


def test_parlamint_corpus_root_lists_speakers_and_does_not_follow_xinclude() -> None:
    t = sample("ParlaMint-ES-CT.xml")
    assert t.turns == ()
    assert len(t.participants) == 254
    assert t.participant("AlbertJordi").name == "Jordi Albert i Caballero"
    assert [d.code for d in t.diagnostics] == ["xinclude-not-followed"]
    assert "ParlaMint-ES-CT_2015-10-26.xml" in t.diagnostics[0].message


def test_our_parlamint_profile_reads_back_turn_for_turn() -> None:
    t = stenogram.parse_file(SEED)
    back = read_tei(to_tei(t, TeiOptions(profile="parlamint")).data)
    assert [turn.label for turn in back.turns] == [turn.label for turn in t.turns]
    assert [turn.speaker for turn in back.turns] == [turn.speaker for turn in t.turns]
    assert back.paragraphs == t.paragraphs
    assert back.meeting.date == t.meeting.date


def test_sniff() -> None:
    data = to_tei(stenogram.parse_file(SEED)).data
    assert sniff_tei(data[:4096])
    assert sniff_tei(data.decode().encode("utf-16")[:4096])
    assert not sniff_tei(b'<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"/>')
    assert not sniff_tei(SEED.read_bytes()[:4096])


def test_not_tei_and_not_xml_are_read_errors() -> None:
    with pytest.raises(NotTeiError, match="not TEI"):
        read_tei(b"<html xmlns='http://www.w3.org/1999/xhtml'/>", "page.xml")
    with pytest.raises(TeiReadError, match=r"broken\.xml:2: not well-formed"):
        read_tei(b"<TEI xmlns='http://www.tei-c.org/ns/1.0'>\n<teiHeader></TEI>", "broken.xml")
    with pytest.raises(stenogram.ReadError):
        read_tei(b"")


def test_parlamint_corpus_root_with_its_component_on_request() -> None:
    from stenogram_tei import TeiReadOptions

    path = SAMPLES / "ParlaMint-ES-CT.xml"
    skip_if_missing(path)
    t = read_tei(path.read_bytes(), str(path), options=TeiReadOptions(follow_xinclude=True))
    assert len(t.turns) == 9
    assert len(t.paragraphs) == 243
    # names now come from the corpus root's listPerson, not from the printed labels
    assert t.participant("TurrullJordi").name == "Jordi Turull Negre"
    assert t.participant("TurrullJordi").labels == ("Jordi Turull i Negre",)
    assert not any(d.code.startswith("xinclude") for d in t.diagnostics)


def test_xinclude_outside_the_corpus_directory_is_refused(tmp_path: Path) -> None:
    from stenogram_tei import TeiReadOptions, XmlTooLargeError

    secret = tmp_path / "secret.xml"
    secret.write_text(
        f'<TEI xmlns="{TEI}"><text><body><div><u who="#x"><seg>secret</seg></u></div></body></text></TEI>'
    )
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    hrefs = ["../secret.xml", str(secret), "file://" + str(secret), "http://127.0.0.1:9/x.xml", "missing.xml"]
    includes = "".join(f'<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="{h}"/>' for h in hrefs)
    root = corpus / "root.xml"
    root.write_text(f'<teiCorpus xmlns="{TEI}"><teiHeader/>{includes}</teiCorpus>')
    t = read_tei(root.read_bytes(), str(root), options=TeiReadOptions(follow_xinclude=True))
    assert t.turns == ()
    assert [d.code for d in t.diagnostics if d.code == "xinclude-refused"] == ["xinclude-refused"] * len(hrefs)
    # included files count against the size limit
    (corpus / "part.xml").write_bytes(secret.read_bytes())
    root.write_text(
        f'<teiCorpus xmlns="{TEI}"><teiHeader/>{includes.split("/>")[0]}/></teiCorpus>'.replace(hrefs[0], "part.xml")
    )
    follow = TeiReadOptions(follow_xinclude=True)
    assert [p.text for p in read_tei(root.read_bytes(), str(root), options=follow).paragraphs] == ["secret"]
    with pytest.raises(XmlTooLargeError):
        read_tei(
            root.read_bytes(),
            str(root),
            options=TeiReadOptions(follow_xinclude=True, max_bytes=len(root.read_bytes()) + 10),
        )


def test_tei_spoken_reference_example() -> None:
    path = skip_unless_shared("reference", "tei-spoken-example.xml")
    t = stenogram.read(path)
    assert t.meeting.title == "Meeting with Government members"
    assert (t.meeting.date, t.meeting.place, t.meeting.language) == (
        dt.date(2024, 5, 15),
        "Moscow, Government House",
        "en",
    )
    assert t.meeting.source == "http://government.ru/en/news/00000/"
    mishustin = t.participant("MishustinMikhail")
    assert (mishustin.name, mishustin.role, mishustin.labels) == (
        "Mikhail Mishustin",
        "Prime Minister",
        ("Mikhail Mishustin",),
    )
    assert [p.text for p in t.preamble] == ["Mikhail Mishustin held a meeting with Government members."]
    assert [(turn.speaker, turn.label) for turn in t.turns] == [
        ("MishustinMikhail", "Mikhail Mishustin"),
        ("NovakAlexander", "Alexander Novak"),
    ]
    assert [p.text for p in t.turns[0].paragraphs] == [
        "Good afternoon, colleagues.",
        "Let us begin with the first item.",
    ]
    assert t.body[1] == stenogram.Note(kind=NoteKind.STAGE, text="Applause.")
    novak = t.turns[1].paragraphs[0]
    assert novak.text == "Thank you, Mr Mishustin. inaudible The figures are as follows."
    assert [(m.kind, novak.text[m.start : m.end]) for m in novak.marks] == [(MarkKind.STAGE, "inaudible")]


ANA = """<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="ParlaMint-EE_2020-01-13.ana" xml:lang="et">
  <teiHeader><fileDesc><titleStmt><title type="main">Estonian parliamentary corpus</title></titleStmt></fileDesc>
  </teiHeader>
  <text><body><div type="debateSection">
    <u xml:id="ParlaMint-EE_2020-01-13.u1" who="#RatasJüri" ana="#regular">
      <seg xml:id="ParlaMint-EE_2020-01-13.seg1">
        <s xml:id="s1">
          <w lemma="austatud">Austatud</w>
          <w lemma="kolleeg">kolleegid</w>
          <pc join="left">,</pc>
          <w lemma="uus">uus</w>
          <w join="right" lemma="aasta">aasta</w>
          <pc>!</pc>
        </s>
        <s xml:id="s2">
          <name type="PER"><w>Jüri</w>
          <w>Ratas</w></name>
          <w>tänab</w>
          <pc join="left">.</pc>
        </s>
      </seg>
    </u>
  </div></body></text>
</TEI>
"""


def test_join_decides_the_space_between_tokens_of_an_annotated_file() -> None:
    t = read_tei(ANA.encode("utf-8"))
    assert t.turns[0].text == "Austatud kolleegid, uus aasta! Jüri Ratas tänab."
    assert t.turns[0].id == "ParlaMint-EE_2020-01-13.u1"
    assert t.meeting.id == "ParlaMint-EE_2020-01-13.ana"
    assert t.word_count == 7
