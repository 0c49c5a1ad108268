"""The streaming writer gives the bytes the whole-tree writer gave.

Three checks. Hashes taken from the whole-tree writer (the last commit that
built one tree, f8095be) for transcripts built in code that reach every
branch of the layout (``ODD_MODELS``) and for the real TEI files of
``../shared`` read back. On any transcript (real files, hypothesis), the
streamed bytes are what lxml writes for the same tree as a whole: parsed,
stripped of layout, indented by the writer's own rule and serialized again,
they come out the same. And a path is written atomically, an open file as it is.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from lxml import etree
from repo_shared import shared
from stenogram_tei import TeiOptions, read_tei, to_tei, write_tei
from stenogram_tei.writer import _CONTAINERS, _indent

import stenogram
from stenogram.model import Mark, MarkKind, Meeting, Note, NoteKind, Paragraph, Participant, Transcript, Turn
from stenogram.testing import transcripts

CORPUS = shared("corpus")
SEED = Path(__file__).resolve().parents[3] / "seeds" / "000_cc7df8760118afc5.txt"

_EVERY_NOTE = tuple(Note(kind=kind, text=f"({kind.value} note)") for kind in NoteKind if kind is not NoteKind.SECTION)
_EVERY_MARK = Paragraph(
    text="a (Laughs.) b <…> c [$4] d 00:01 e (summary) f other g",
    marks=(
        Mark(kind=MarkKind.STAGE, start=2, end=11),
        Mark(kind=MarkKind.OMISSION, start=14, end=17),
        Mark(kind=MarkKind.INSERTION, start=20, end=24),
        Mark(kind=MarkKind.TIMESTAMP, start=27, end=32),
        Mark(kind=MarkKind.EDITORIAL, start=35, end=44),
        Mark(kind=MarkKind.OTHER, start=47, end=52),
    ),
)
_CROSSING = Paragraph(  # out of order and overlapping: anchors in TEI, left out in ParlaMint
    text="one two three four",
    marks=(Mark(kind=MarkKind.STAGE, start=4, end=13), Mark(kind=MarkKind.OTHER, start=0, end=7)),
)
_FULL_MEETING = Meeting(
    id="odd-meeting",
    title="A <title> & \"quotes\" 'too'",
    lead="Lead text\twith a tab\r\nand a carriage return.",
    date=dt.date(2021, 3, 4),
    time="10:00",
    place="Room 1 > Room 2",
    occasion="An occasion",
    source="https://example.org/a b?c=d&e=%zz#frag ment",
    language="de-AT",
    is_excerpt=True,
    extra=(("key one", "value & one"), ("k2", "v\x002")),
)
_PEOPLE = (
    Participant(
        id="chair",
        name="Ann Roe",
        role="The Chair",
        labels=("The Chair (Hon. Ann Roe)", "The Chair"),
        affiliation="Lib.",
        constituency="Riverside—Hills",
    ),
    Participant(id="u1", name="Clashes with a turn id", role="Minister"),
    Participant(id="q", name="Question", labels=("Question",), anonymous=True),
    Participant(id="_x.y-z", name="", labels=()),
)


def _odd_text() -> Transcript:
    """XML-illegal characters everywhere text goes (C0 controls, U+FFFE, a lone surrogate)."""
    bad = "x\x00y\x0bz\ufffe\ud800!"
    return Transcript(
        meeting=Meeting(title=bad, lead=bad, place=bad, occasion=bad, source=bad, language=bad, extra=(("k", bad),)),
        participants=(Participant(id="a", name=bad, role=bad, labels=(bad,), affiliation=bad, constituency=bad),),
        preamble=(Paragraph(text=bad), Note(kind=NoteKind.EDITORIAL, text=bad)),
        body=(
            Note(kind=NoteKind.SECTION, text=bad),
            Turn(
                speaker="a",
                label=bad,
                annotation=bad,
                time=bad,
                content=(Paragraph(text=bad), Note(kind=NoteKind.STAGE, text=bad)),
            ),
            Turn(
                speaker="not listed \x01",
                label="",
                content=(Paragraph(text=bad, marks=(Mark(kind=MarkKind.STAGE, start=1, end=3),)),),
            ),
        ),
    )


ODD_MODELS: dict[str, Transcript] = {
    "empty": Transcript(),
    "only-preamble": Transcript(preamble=(Paragraph(text="Title"), Note(kind=NoteKind.PAGE, text="page 1"))),
    "only-sections": Transcript(body=(Note(kind=NoteKind.SECTION, text="A"), Note(kind=NoteKind.SECTION, text="B"))),
    "trailing-sections": Transcript(
        participants=_PEOPLE[:1],
        body=(
            Note(kind=NoteKind.SECTION, text="First"),
            Turn(speaker="chair", label="The Chair", content=(Paragraph(text="Order."),)),
            Note(kind=NoteKind.SECTION, text="Second"),
            Note(kind=NoteKind.SECTION, text="Third"),
        ),
    ),
    "empty-turns": Transcript(
        participants=_PEOPLE,
        body=(
            Turn(speaker="chair", label="The Chair"),
            Turn(speaker="q", label=""),
            Turn(speaker="nobody", label="Nobody:", content=(Note(kind=NoteKind.STAGE, text="(Silence.)"),)),
            Turn(speaker="_x.y-z", label="", content=(Paragraph(text=""),)),
        ),
    ),
    "every-field": Transcript(
        meeting=_FULL_MEETING,
        participants=_PEOPLE,
        preamble=(
            Paragraph(text="Preamble with a mark [here].", marks=(Mark(kind=MarkKind.INSERTION, start=21, end=27),)),
            *_EVERY_NOTE,
        ),
        body=(
            *_EVERY_NOTE,
            Note(kind=NoteKind.SECTION, text="Sitting"),
            Note(kind=NoteKind.SECTION, text="Sub-heading: with a colon"),
            Turn(
                speaker="chair",
                label="The Chair (Hon. Ann Roe)",
                annotation="retranslated",
                time="14:03",
                id="kept-id",
                content=(_EVERY_MARK, *_EVERY_NOTE, _CROSSING, Paragraph(text="  spaces  kept  ")),
            ),
            Turn(speaker="u1", label="Minister", id="kept-id", content=(Paragraph(text="Same id as before."),)),
            Turn(speaker="q", label="Question", id="u2", content=(Paragraph(text="Q?"),)),
            Note(kind=NoteKind.SECTION, text="Later"),
            Turn(speaker="chair", label="The Chair", content=(_CROSSING,)),
        ),
    ),
    "odd-text": _odd_text(),
}


VARIANTS = {
    "tei": TeiOptions(),
    "tei-flat": TeiOptions(pretty=False),
    "tei-u1": TeiOptions(document_id="u1"),  # an id of the writer's own form is taken: every id is checked
    "pm": TeiOptions(profile="parlamint", title="T", lang="en"),
    "pm-flat": TeiOptions(profile="parlamint", pretty=False, id_prefix="p."),
}

#: (model, variant) -> (sha256 of the bytes, of the diagnostics and tag usage), both cut short; SOURCE_DATE_EPOCH=86400.
WHOLE_TREE = {
    ("empty", "tei"): ("338c48aaed5c9c7c21bdf3087b0288d0", "5740f05beb696e49"),
    ("empty", "tei-flat"): ("4e31a9ec1f8e0e472bfeec1fa2297df4", "5740f05beb696e49"),
    ("empty", "tei-u1"): ("f866951c9b2e31bf918930c03a2af60a", "5740f05beb696e49"),
    ("empty", "pm"): ("f9e4cd521f51648662b6df45c05b091c", "580918672539a89c"),
    ("empty", "pm-flat"): ("fa01dc99db5373add78ebaa34bfe3e7d", "580918672539a89c"),
    ("only-preamble", "tei"): ("6f8c539a10d4ecac723e25e853ac70bd", "8fb7625bbc801368"),
    ("only-preamble", "tei-flat"): ("7fdba68c8ccb01a222d6635835264911", "8fb7625bbc801368"),
    ("only-preamble", "tei-u1"): ("3f71a93badf6541fb915caf15013b2c0", "8fb7625bbc801368"),
    ("only-preamble", "pm"): ("49786042d5b94a5e0c83f5fd337408ab", "8fb7625bbc801368"),
    ("only-preamble", "pm-flat"): ("4182ba9704d72febb935aeafe88b527b", "8fb7625bbc801368"),
    ("only-sections", "tei"): ("153d7b70eaddca1447b501bd573a5a12", "5f991c76712f4603"),
    ("only-sections", "tei-flat"): ("c25aef349240c033dfccde2a3afc4573", "5f991c76712f4603"),
    ("only-sections", "tei-u1"): ("ed898422ced7f383e2ef17aff5044250", "5f991c76712f4603"),
    ("only-sections", "pm"): ("a17f1c860c5b4162b8754d294e083c88", "8fb7625bbc801368"),
    ("only-sections", "pm-flat"): ("bdfcb760ecff9280b6da58005d293806", "8fb7625bbc801368"),
    ("trailing-sections", "tei"): ("814b14b9ec3ac58e0e14ee6c0e43eb4e", "9c0297b1e4ee4d16"),
    ("trailing-sections", "tei-flat"): ("e20f86db515d7af2f98c0f77e3226b99", "9c0297b1e4ee4d16"),
    ("trailing-sections", "tei-u1"): ("f5ffe3f1967ad39f2795d73cf8e733bb", "9c0297b1e4ee4d16"),
    ("trailing-sections", "pm"): ("d55f5e68bfe51adecc24ecce98cbad2b", "6a6503d49fe9a619"),
    ("trailing-sections", "pm-flat"): ("2624edf84b394c2456c234ce3aa6a8e8", "6a6503d49fe9a619"),
    ("empty-turns", "tei"): ("9649f7b31c31e0511ef7fc3f183e8288", "e4f238243c6aa2eb"),
    ("empty-turns", "tei-flat"): ("937910cc99b6fc24be91ee8fb0803a79", "e4f238243c6aa2eb"),
    ("empty-turns", "tei-u1"): ("5499a072010b0673859abb43664514bf", "e4f238243c6aa2eb"),
    ("empty-turns", "pm"): ("cfc9649b1ab8344f8da769de38c108ed", "f7d4d538cd49b963"),
    ("empty-turns", "pm-flat"): ("e2bf5715c7a5fb7a48038a28fc4b2045", "f7d4d538cd49b963"),
    ("every-field", "tei"): ("093065d99209e01b045e435df8305aad", "371fa7e04b577fab"),
    ("every-field", "tei-flat"): ("d5ca037a6c2972841969e0d7dd38b016", "371fa7e04b577fab"),
    ("every-field", "tei-u1"): ("42131c2b2daa724df372df942f4b8adc", "371fa7e04b577fab"),
    ("every-field", "pm"): ("808daafcbd42399e3b1c3ed258d392b4", "e865bb3c1d83cd5c"),
    ("every-field", "pm-flat"): ("c071f0c9cbf8b219d2da4d130d6d9a44", "e865bb3c1d83cd5c"),
    ("odd-text", "tei"): ("968ec986b624d50168e079497a6944eb", "9962be575531aff0"),
    ("odd-text", "tei-flat"): ("850000420093ff642480a8eff3391466", "9962be575531aff0"),
    ("odd-text", "tei-u1"): ("202f3ac49ee8fd27883cf4ef21452010", "9962be575531aff0"),
    ("odd-text", "pm"): ("6e10dfc52323e8a9510dd0880833cba2", "830ce7b1f2392d9f"),
    ("odd-text", "pm-flat"): ("a7a4788a3799b79a5dc3b8964159c8df", "830ce7b1f2392d9f"),
}
WHOLE_TREE_REAL = {
    ("Parla-CLARIN-Exemplar.xml", "tei"): ("beaa6c8c076ee3aaabc7054e1b669fe3", "8294eccda9617805"),
    ("Parla-CLARIN-Exemplar.xml", "tei-flat"): ("f6e642ae1fdd494876a682009283b7fc", "8294eccda9617805"),
    ("Parla-CLARIN-Exemplar.xml", "tei-u1"): ("5293138b20fa468c2cf533c28e20ff86", "8294eccda9617805"),
    ("Parla-CLARIN-Exemplar.xml", "pm"): ("1ba7406eb3bf17faf291ce68b7385d91", "8294eccda9617805"),
    ("Parla-CLARIN-Exemplar.xml", "pm-flat"): ("2db409cd3cf31f5e32cd48aff8531d8c", "8294eccda9617805"),
    ("ParlaMint-ES-CT.xml", "tei"): ("797a1693120237fe0a960497a227e7f2", "5740f05beb696e49"),
    ("ParlaMint-ES-CT.xml", "tei-flat"): ("3330602a4e7cbfa0061859140823f747", "5740f05beb696e49"),
    ("ParlaMint-ES-CT.xml", "tei-u1"): ("922bbed80abe965679978d1838ca6983", "5740f05beb696e49"),
    ("ParlaMint-ES-CT.xml", "pm"): ("934016af9e5e1d1a09862f7680a47df4", "580918672539a89c"),
    ("ParlaMint-ES-CT.xml", "pm-flat"): ("3f6382feeebfd82f585d1c21787df6ac", "580918672539a89c"),
    ("ParlaMint-ES-CT_2015-10-26.xml", "tei"): ("6f816a4dc55dcd085da850e4a4d84941", "112cb9b318ba8939"),
    ("ParlaMint-ES-CT_2015-10-26.xml", "tei-flat"): ("8723f06778ee3a486fb58e24aec7f8f3", "112cb9b318ba8939"),
    ("ParlaMint-ES-CT_2015-10-26.xml", "tei-u1"): ("91600046c04ff7c30b3d959161192886", "112cb9b318ba8939"),
    ("ParlaMint-ES-CT_2015-10-26.xml", "pm"): ("8e49e04efa92182194690d57f39cd83a", "112cb9b318ba8939"),
    ("ParlaMint-ES-CT_2015-10-26.xml", "pm-flat"): ("1ce742559e59faea8a50ba8eea9e34e4", "112cb9b318ba8939"),
    ("siParl_KPZONOJFSPD-Redna-021-1998-11-25.xml", "tei"): ("59f47b605b98ecc2e6b8c067963a8178", "a75f8db4cb8b3765"),
    ("siParl_KPZONOJFSPD-Redna-021-1998-11-25.xml", "tei-flat"): (
        "182f38b6423f1787ecb7e817c76801f3",
        "a75f8db4cb8b3765",
    ),
    ("siParl_KPZONOJFSPD-Redna-021-1998-11-25.xml", "tei-u1"): ("f338124a6794df89e0689867d1496fac", "a75f8db4cb8b3765"),
    ("siParl_KPZONOJFSPD-Redna-021-1998-11-25.xml", "pm"): ("b88014d97d986de6cf85488fe9b82ec6", "a75f8db4cb8b3765"),
    ("siParl_KPZONOJFSPD-Redna-021-1998-11-25.xml", "pm-flat"): (
        "75f0f05d766860d5d46a3ecaca76c965",
        "a75f8db4cb8b3765",
    ),
}
REAL_TEI = CORPUS / "parlamint-samples"
#: A handful of real transcripts of different publishers and scripts.
REAL_TEXTS = (
    "kremlin_en/*.txt",
    "parlamint_at/*.txt",
    "aus_hansard_hist/*.txt",
    "legco_zh/*.txt",
    "europarl_v7/*.txt",
    "whitehouse_md/*.txt",
)


def _hashes(doc: Any) -> tuple[str, str]:
    extra = repr([(d.code, d.message, d.severity.value) for d in doc.diagnostics] + list(doc.tag_usage)).encode()
    return hashlib.sha256(doc.data).hexdigest()[:32], hashlib.sha256(extra).hexdigest()[:16]


@pytest.fixture(autouse=True)
def _epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "86400")


@pytest.mark.parametrize(("model", "variant"), sorted(WHOLE_TREE))
def test_odd_models_give_the_whole_tree_writers_bytes(model: str, variant: str) -> None:
    assert _hashes(to_tei(ODD_MODELS[model], VARIANTS[variant])) == WHOLE_TREE[model, variant]


@pytest.mark.parametrize(("name", "variant"), sorted(WHOLE_TREE_REAL))
def test_real_tei_read_back_gives_the_whole_tree_writers_bytes(name: str, variant: str) -> None:
    path = REAL_TEI / name
    if not path.exists():
        pytest.skip(f"needs {path} (the shared corpus beside the repository)")
    assert _hashes(to_tei(read_tei(path.read_bytes(), name), VARIANTS[variant])) == WHOLE_TREE_REAL[name, variant]


def as_whole_tree(data: bytes, pretty: bool) -> bytes:
    """``data`` laid out again as the whole-tree writer laid out its tree."""
    root = etree.fromstring(data)
    for el in root.iter():
        if etree.QName(el).localname in _CONTAINERS and len(el):  # only containers were indented
            for node in (el, *el):
                target = "text" if node is el else "tail"
                value = getattr(node, target)
                if value is not None and not value.strip():
                    setattr(node, target, None)
    if pretty:
        _indent(root, 0)
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8")) + b"\n"


#: An element written with empty text (``<language ident="und"></language>``) parses as one with none.
_EMPTY_PAIR = re.compile(rb"<([^\s<>/]+)([^<>]*)></\1>")


def _check_layout(t: Transcript) -> None:
    for variant in ("tei", "tei-flat", "pm", "pm-flat"):
        options = VARIANTS[variant]
        data = to_tei(t, options).data
        assert as_whole_tree(data, options.pretty) == _EMPTY_PAIR.sub(rb"<\1\2/>", data), variant


def _real_files() -> list[Path]:
    files = [SEED, *(sorted(CORPUS.glob(pattern))[0] for pattern in REAL_TEXTS if any(CORPUS.glob(pattern)))]
    return [f for f in files if f.exists()]


@pytest.mark.parametrize("path", _real_files(), ids=lambda p: p.name)
def test_real_transcripts_are_laid_out_as_one_tree_would_be(path: Path) -> None:
    _check_layout(stenogram.read(path))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(transcripts())
def test_any_transcript_is_laid_out_as_one_tree_would_be(t: Transcript) -> None:
    _check_layout(t)


def test_the_layout_check_sees_a_change_of_layout() -> None:
    data = to_tei(ODD_MODELS["every-field"]).data
    assert as_whole_tree(data.replace(b"\n        <u ", b"\n         <u ", 1), True) != data.replace(
        b"\n        <u ", b"\n         <u ", 1
    )


def test_a_path_is_written_atomically_and_an_open_file_as_it_is(tmp_path: Path) -> None:
    t = ODD_MODELS["every-field"]
    expected = to_tei(t)
    target = tmp_path / "out.tei.xml"
    written = write_tei(t, target)
    assert target.read_bytes() == expected.data
    assert (written.diagnostics, written.tag_usage) == (expected.diagnostics, expected.tag_usage)
    with (tmp_path / "open.xml").open("wb") as fh:
        write_tei(t, fh)
    assert (tmp_path / "open.xml").read_bytes() == expected.data


def test_a_failed_write_leaves_the_old_file_and_no_temp_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from stenogram_tei import writer

    target = tmp_path / "out.tei.xml"
    target.write_bytes(b"old")
    turns = 0

    def failing_turn(self: Any, *args: Any) -> None:
        nonlocal turns
        turns += 1
        if turns == 5000:  # past the 1 MB spool: the body is in a temporary file by then
            raise RuntimeError("disk on fire")
        original(self, *args)

    original = writer._Writer.turn
    monkeypatch.setattr(writer._Writer, "turn", failing_turn)
    turn = Turn(speaker="a", label="Anna Petrova", content=(Paragraph(text="word " * 100),))
    big = Transcript(participants=(Participant(id="a", name="Anna Petrova"),), body=(turn,) * 6000)
    with pytest.raises(RuntimeError, match="disk on fire"):
        write_tei(big, target)
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.tei.xml"]


def test_a_body_past_the_spool_limit_gives_the_same_bytes(monkeypatch: pytest.MonkeyPatch) -> None:
    from stenogram_tei import writer

    t = stenogram.parse("Anna Petrova: Good morning, everyone.\nBoris Ivanov: Thank you, Anna.\n" * 200)
    in_memory = to_tei(t).data
    monkeypatch.setattr(writer, "_SPOOL_BYTES", 1000)  # the body goes to a temporary file
    assert to_tei(t).data == in_memory
