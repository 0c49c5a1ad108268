"""ParlaMint corpus folders, checked by ParlaMint's own schemas and scripts (jing, Saxon HE)."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path
from typing import Any

import attrs
import pytest
from lxml import etree
from repo_shared import shared, skip_unless_shared

import stenogram
from stenogram.cli import main
from stenogram.collection import FolderSink, export_collection, read_each
from stenogram.errors import ExportError

SCHEMAS = shared("schemas", "parlamint")
TOOLS = shared("tools", "parlamint")
SAXON = Path("/usr/share/java/Saxon-HE.jar")
NS = {"t": "http://www.tei-c.org/ns/1.0"}
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"


def saxon(script: str, source: Path, out: Path, *, output_only: bool = False, **params: str) -> str:
    """Run one of ParlaMint's XSLT scripts over every file of ``source`` (one JVM); its messages and output."""
    if not (shutil.which("java") and SAXON.exists()):
        pytest.skip("needs Saxon HE (Debian package libsaxonhe-java, installed with jing)")
    xsl = skip_unless_shared("tools", "parlamint", script)
    out.mkdir(parents=True, exist_ok=True)
    args = [f"{k}={v}" for k, v in params.items()]
    proc = subprocess.run(
        ["java", "-jar", str(SAXON), f"-s:{source}", f"-o:{out}", f"-xsl:{xsl}", *args],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    if "FATAL" in proc.stderr or "ERROR" in proc.stderr or proc.returncode != 0:
        return proc.stderr
    output = "".join(p.read_text(encoding="utf-8") for p in sorted(out.iterdir()))
    return output if output_only else proc.stderr + output


def build(folder: str, out: Path, **options: str) -> tuple[Path, list[Any]]:
    files = sorted(skip_unless_shared("corpus", folder).glob("*.txt"))
    diagnostics = export_collection(read_each(files), "parlamint", out, **options)
    return out, list(diagnostics)


@pytest.fixture(scope="module", params=[("kremlin_en", "RU", "en", 18), ("parlamint_at", "AT", "de", 98)])
def corpus(request: Any, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, int]:
    folder, country, lang, meetings = request.param
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SOURCE_DATE_EPOCH", "1700000000")
        out, _ = build(folder, tmp_path_factory.mktemp(folder) / f"ParlaMint-{country}", country=country, lang=lang)
    return out, f"ParlaMint-{country}", meetings


def test_a_root_and_one_component_per_meeting(corpus: tuple[Path, str, int]) -> None:
    out, root, meetings = corpus
    names = sorted(p.name for p in out.iterdir())
    assert names[0] == root + ".xml"
    components = names[1:]
    assert len(components) == meetings
    assert all(n.startswith(root + "_") and n.endswith(".xml") for n in components)
    tree = etree.parse(str(out / (root + ".xml")))
    includes = [el.get("href") for el in tree.getroot() if etree.QName(el).localname == "include"]
    assert includes == components  # in input order, which is date order here
    speeches = sum(len(etree.parse(str(out / n)).findall(".//t:u", NS)) for n in components)
    assert tree.find(".//t:extent/t:measure[@unit='speeches']", NS).get("quantity") == str(speeches)


def test_jing_accepts_the_root_and_every_component(corpus: tuple[Path, str, int], validate: Any) -> None:
    out, root, _ = corpus
    assert validate(SCHEMAS / "ParlaMint-teiCorpus.rng", [out / (root + ".xml")]) == {}
    assert validate(SCHEMAS / "ParlaMint-TEI.rng", sorted(out.glob(root + "_*.xml"))) == {}


def test_parlamint_checks_print_no_error(corpus: tuple[Path, str, int], tmp_path: Path) -> None:
    out, root, _ = corpus
    report = saxon("validate-parlamint.xsl", out, tmp_path / "validate")
    assert "ERROR" not in report, report[:2000]
    links = saxon("check-links.xsl", out, tmp_path / "links", meta=str(out / (root + ".xml")))
    assert "ERROR" not in links, links[:2000]


def test_the_metadata_table_has_a_row_per_speech(corpus: tuple[Path, str, int], tmp_path: Path) -> None:
    out, root, _ = corpus
    components = tmp_path / "components"
    components.mkdir()
    for f in out.glob(root + "_*.xml"):
        shutil.copy(f, components / f.name)
    table = saxon("parlamint2meta.xsl", components, tmp_path / "meta", output_only=True, hdr=str(out / (root + ".xml")))
    assert "FATAL" not in table and "ERROR" not in table
    rows = [line.split("\t") for line in table.splitlines() if line and not line.startswith("ID\t")]
    speeches = sum(len(etree.parse(str(f)).findall(".//t:u", NS)) for f in components.iterdir())
    assert len(rows) == speeches
    assert all(row[-3] and row[-3] != "-" for row in rows)  # every speaker found in the root, by name


def test_assumed_values_are_diagnostics(tmp_path: Path) -> None:
    _, diagnostics = build("kremlin_en", tmp_path / "out", lang="en")
    codes = {d.code for d in diagnostics}
    assert {"parlamint-country", "parlamint-legislature", "parlamint-subcorpus"} <= codes
    assert (tmp_path / "out" / "ParlaMint-XX.xml").exists()


def _meeting(text: str, **meeting: Any) -> stenogram.Transcript:
    t = stenogram.parse(text)
    return attrs.evolve(t, meeting=attrs.evolve(t.meeting, **meeting))


def test_two_meetings_on_one_date_get_distinct_ids_and_people_are_shared(tmp_path: Path) -> None:
    day = dt.date(2020, 3, 10)
    first = _meeting("Vladimir Putin: Good morning.\nQuestion: Why?\n", date=day, title="Morning")
    second = _meeting("Vladimir Putin: Good evening.\nQuestion: When?\n", date=day, title="Evening")
    export_collection([first, second], "parlamint", tmp_path, country="RU", lang="en")
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "ParlaMint-RU.xml",
        "ParlaMint-RU_2020-03-10-2.xml",
        "ParlaMint-RU_2020-03-10.xml",
    ]
    root = etree.parse(str(tmp_path / "ParlaMint-RU.xml"))
    people = [p.get(XML_ID) for p in root.findall(".//t:person", NS)]
    putin = [p for p in people if p.startswith("vladimir-putin")]
    questions = [p for p in people if p.startswith("question")]
    assert len(putin) == 1  # one person per full name across the corpus
    assert len(questions) == 2  # an anonymous voice is never merged across meetings


def test_an_undated_meeting_takes_its_date_from_an_option_never_the_clock(tmp_path: Path) -> None:
    undated = stenogram.parse("Anna Petrova: Good morning.\n")
    with pytest.raises(ExportError, match="--set date=YYYY-MM-DD"):
        export_collection([undated], "parlamint", tmp_path / "a", country="RU", lang="en")
    diagnostics = export_collection([undated], "parlamint", tmp_path / "b", country="RU", lang="en", date="1999-12-31")
    assert (tmp_path / "b" / "ParlaMint-RU_1999-12-31.xml").exists()
    assert any(d.code == "parlamint-date" for d in diagnostics)


def test_word_counts_leave_out_stage_directions(tmp_path: Path) -> None:
    t = _meeting("Anna Petrova: We agree (Applause) on everything.\n", date=dt.date(2021, 1, 1))
    export_collection([t], "parlamint", tmp_path, country="RU", lang="en")
    root = etree.parse(str(tmp_path / "ParlaMint-RU.xml"))
    assert root.find(".//t:measure[@unit='words']", NS).get("quantity") == "4"


def test_a_real_parlamint_file_read_and_reexported_keeps_its_ids(tmp_path: Path) -> None:
    source = skip_unless_shared("corpus", "parlamint-samples", "ParlaMint-ES-CT_2015-10-26.xml")
    before = etree.parse(str(source))
    t = stenogram.read(source)
    assert t.meeting.id == "ParlaMint-ES-CT_2015-10-26"
    assert "DeJòdarJulià" in {p.id for p in t.participants}

    def utterances(tree: Any) -> list[tuple[str | None, str]]:
        return [(u.get(XML_ID), "#" + (u.get("who") or "").strip().lstrip("#")) for u in tree.iter("{*}u")]

    def speakers(tree: Any) -> list[tuple[str | None, str]]:
        return [(uid, who) for uid, who in utterances(tree) if who != "#"]  # the sample has blank @who too

    single = etree.fromstring(stenogram.export_bytes(t, "tei", profile="parlamint"))
    assert single.get(XML_ID) == "ParlaMint-ES-CT_2015-10-26"
    assert [uid for uid, _ in utterances(single)] == [uid for uid, _ in utterances(before)]
    assert set(speakers(before)) <= set(utterances(single))

    export_collection([t], "parlamint", FolderSink(tmp_path), country="ES-CT", lang="ca")
    component = etree.parse(str(tmp_path / "ParlaMint-ES-CT_2015-10-26.xml"))
    assert set(speakers(before)) <= set(utterances(component))
    root = etree.parse(str(tmp_path / "ParlaMint-ES-CT.xml"))
    assert "DeJòdarJulià" in {p.get(XML_ID) for p in root.findall(".//t:person", NS)}


def test_the_corpus_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    files = sorted(str(p) for p in skip_unless_shared("corpus", "kremlin_en").glob("*.txt"))
    out = tmp_path / "ParlaMint-RU"
    args = ["corpus", *files, "--to", "parlamint", "--set", "country=RU", "--set", "lang=en", "--output-dir", str(out)]
    assert main(args) == 0
    assert len(list(out.glob("ParlaMint-RU_*.xml"))) == 18 and (out / "ParlaMint-RU.xml").exists()
    err = capsys.readouterr().err
    assert "[parlamint-legislature]" in err and "18 transcripts in, 0 failed; 19 files written" in err
    assert main(["corpus", *files[:2], "--to", "parlamint", "-o", str(tmp_path / "x.xml")]) == 2
    assert "give --output-dir DIR, not -o" in capsys.readouterr().err


def test_parties_roles_and_anonymous_voices_validate(tmp_path: Path, validate: Any) -> None:
    day = dt.date(2001, 6, 7)
    t = _meeting(
        "Präsident Dr. Heinz Fischer: Die Sitzung ist eröffnet.\n"
        "Abgeordnete Maria Rauch-Kallat: Danke (Beifall bei der ÖVP.) sehr.\n"
        "Zwischenruf: Hört!\n",
        date=day,
        title="7. Sitzung",
    )
    people = tuple(attrs.evolve(p, affiliation="ÖVP") if "Rauch" in p.name else p for p in t.participants)
    t = attrs.evolve(t, participants=people)
    out = tmp_path / "ParlaMint-AT"
    export_collection([t, t], "parlamint", out, country="AT", lang="de", term="21")
    root = etree.parse(str(out / "ParlaMint-AT.xml"))
    party = root.find(".//t:org[@role='politicalParty']", NS)
    assert party is not None and party.findtext("t:orgName", namespaces=NS) == "ÖVP"
    members = root.findall(f".//t:affiliation[@ref='#{party.get(XML_ID)}']", NS)
    assert len(members) == 1  # one person across both meetings, one membership
    assert validate(SCHEMAS / "ParlaMint-teiCorpus.rng", [out / "ParlaMint-AT.xml"]) == {}
    assert validate(SCHEMAS / "ParlaMint-TEI.rng", sorted(out.glob("ParlaMint-AT_*.xml"))) == {}
    report = saxon("validate-parlamint.xsl", out, tmp_path / "v")
    links = saxon("check-links.xsl", out, tmp_path / "l", meta=str(out / "ParlaMint-AT.xml"))
    assert "ERROR" not in report + links, (report + links)[:2000]
