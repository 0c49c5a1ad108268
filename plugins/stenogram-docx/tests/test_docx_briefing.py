"""The seed's briefing, read back with python-docx as Word would show it."""

from __future__ import annotations

import datetime as dt
import io

import attrs
import docx
import pytest
from docx.document import Document
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph as DocxParagraph
from repo_shared import shared, skip_if_missing
from stenogram_docx import BriefingOptions, build_briefing

import stenogram
from stenogram.analysis import AnalysisOptions, analyse, digest
from stenogram.model import Mark, MarkKind, Note, NoteKind, Paragraph, Participant, Transcript, Turn

W_INSTR = qn("w:instrText")
CORPUS = shared("corpus")
TITLE = "Mikhail Mishustin meets Prime Minister of Kazakhstan Alikhan Smailov"


def open_docx(data: bytes) -> Document:
    return docx.Document(io.BytesIO(data))


def participant_id(t: Transcript, name: str) -> str:
    """Participants are looked up by name: ids depend on the parser."""
    for p in t.participants:
        if p.name == name:
            return p.id
    raise AssertionError(f"no participant named {name!r}: {[p.name for p in t.participants]}")


def with_meeting(t: Transcript, **meeting: object) -> Transcript:
    return attrs.evolve(t, meeting=attrs.evolve(t.meeting, **meeting))


@pytest.fixture(scope="module")
def doc(seed_docx: bytes) -> Document:
    return open_docx(seed_docx)


def styled(doc: Document, style: str) -> list[str]:
    return [p.text for p in doc.paragraphs if p.style is not None and p.style.name == style]


def table_after(doc: Document, heading: str) -> list[list[str]]:
    """The rows of the first table that follows the heading, as cell texts."""
    seen = False
    for block in doc.iter_inner_content():
        if isinstance(block, DocxParagraph) and block.text == heading:
            seen = True
        elif seen and isinstance(block, Table):
            return [[cell.text for cell in row.cells] for row in block.rows]
    raise AssertionError(f"no table after {heading!r}")


def test_sections_in_briefing_order(doc: Document, seed: Transcript) -> None:
    headings = styled(doc, "Heading 1")
    expected = ["Participants", "Key points", "Key figures"]
    if analyse(seed).commitments:
        expected.append("Commitments and next steps")
    assert headings == [*expected, "Topics", "Annex A: Transcript"]


def test_title_block(doc: Document) -> None:
    assert styled(doc, "Title") == [TITLE]
    assert styled(doc, "Briefing Marking") == ["OFFICIAL"]
    meta = styled(doc, "Briefing Metadata")
    assert "Date\tTuesday 23 August 2022" in meta
    assert "Place\tCholpon-Ata, Kyrgyzstan" in meta
    assert "Occasion\tEurasian Intergovernmental Council" in meta
    purpose, business, bottom = styled(doc, "Briefing Purpose")
    assert purpose.startswith("Purpose: To brief on what was said at this meeting")
    assert business.startswith("Business: ") and "Mikhail Mishustin" in business
    assert bottom.startswith("Bottom line: ")


def test_participants_table(doc: Document, seed: Transcript) -> None:
    rows = table_after(doc, "Participants")
    has_roles = any(p.role for p in seed.participants)
    header = ["Name", "Role", "Turns", "Share of words"] if has_roles else ["Name", "Turns", "Share of words"]
    assert rows[0] == header
    if not has_roles:
        rows = [[r[0], "", *r[1:]] for r in rows]
    by_name = {r[0]: r for r in rows[1:]}
    total = seed.word_count
    for name in ("Mikhail Mishustin", "Alikhan Smailov"):
        pid = participant_id(seed, name)
        turns = seed.turns_of(pid)
        assert by_name[name][2] == str(len(turns))
        share = sum(t.word_count for t in turns) / total * 100
        assert by_name[name][3] == f"{share:.1f}%"
    shares = [float(r[3].rstrip("%")) for r in rows[1:]]
    assert sum(shares) == pytest.approx(100, abs=0.2)


def test_key_points_carry_their_speaker(doc: Document, seed: Transcript) -> None:
    points = styled(doc, "List Bullet")
    chosen = sorted(analyse(seed, options=AnalysisOptions(key_sentences=60)).key_sentences, key=lambda k: k.rank)[:8]
    assert chosen, "the analysis found no key sentences in the seed"
    names = {p.id: p.name for p in seed.participants}
    for k in chosen:  # the digest's points: the analysis' first eight, each with who said it and where
        line = k.location.paragraph_in(seed).span
        assert line is not None
        lines = f"line {line.line}" if line.end_line == line.line else f"lines {line.line}-{line.end_line}"
        assert f"{k.text} ({names[k.location.speaker]}, {lines})" in points
    key_paras = [p for p in doc.paragraphs if p.style.name == "List Bullet"]
    assert all(p.runs[-1].style.name == "Attribution" for p in key_paras)


def test_key_figures_table(doc: Document) -> None:
    rows = table_after(doc, "Key figures")
    assert rows[0] == ["Figure", "What it refers to", "Said by"]
    said = {r[0].split("\n")[0]: r[2].split(", line")[0] for r in rows[1:]}
    assert all(", line" in r[2] for r in rows[1:])
    cells = " | ".join(r[0] for r in rows[1:])
    assert "$25 billion" in cells and "9.5 percent" in cells and "$13 billion" in cells
    assert any(r[0].startswith("$25 billion") and "25,000,000,000 USD" in r[0] for r in rows[1:])
    for figure, speaker in said.items():
        if figure.startswith(("$25 billion", "9.5 percent", "$13 billion")):
            assert speaker == "Mikhail Mishustin"


def test_commitments_when_found(seed: Transcript, doc: Document) -> None:
    found = digest(seed).commitments
    bullets = styled(doc, "List Bullet")
    for c in found:
        assert any(b.startswith(c.text) for b in bullets)


def test_annex_speaker_labels_bold_and_paragraphs_as_in_model(doc: Document, seed: Transcript) -> None:
    annex = styled(doc, "Transcript Text")
    assert len(annex) == len(seed.preamble) + sum(max(1, len(t.paragraphs)) for t in seed.turns) - sum(
        1 for b in seed.preamble if isinstance(b, Note)
    )
    labels = [
        r.text
        for p in doc.paragraphs
        if p.style.name == "Transcript Text"
        for r in p.runs
        if r.style is not None and r.style.name == "Speaker Label"
    ]
    assert "Mikhail Mishustin" in labels and "Alikhan Smailov" in labels
    assert doc.styles["Speaker Label"].font.bold is True
    first = next(p for p in doc.paragraphs if p.text.startswith("Mikhail Mishustin: "))
    assert first.runs[0].style.name == "Speaker Label"
    speech = seed.turns_of(participant_id(seed, "Mikhail Mishustin"))[0].paragraphs
    assert first.text == "Mikhail Mishustin: " + speech[0].text
    assert speech[1].text in annex


def test_header_and_footer_use_real_fields(doc: Document) -> None:
    section = doc.sections[0]
    header = section.header.paragraphs[0].text
    assert header.startswith(TITLE) and header.endswith("OFFICIAL")
    footer = section.footer._element
    instructions = [el.text.strip() for el in footer.iter(W_INSTR)]
    assert instructions == ["PAGE", "NUMPAGES"]
    text = section.footer.paragraphs[0].text
    assert text.startswith("OFFICIAL") and text.endswith("Page 1 of 1")


def test_core_properties(doc: Document) -> None:
    props = doc.core_properties
    assert props.title == TITLE
    assert props.author == props.last_modified_by == "stenogram"
    assert props.subject == "Briefing: Eurasian Intergovernmental Council"
    assert props.keywords.startswith("briefing")
    assert props.created == props.modified == dt.datetime(2022, 8, 23, tzinfo=dt.UTC)
    assert props.revision == 1
    assert props.content_status == "OFFICIAL"
    assert "python-docx" not in (props.author, props.last_modified_by, props.title, props.comments)
    assert props.last_printed is None


def _hand_built() -> Transcript:
    """Notes between and inside turns, inline marks, an annotated label."""
    return Transcript(
        participants=(
            Participant(id="a", name="Anna Petrova", role="Minister"),
            Participant(id="b", name="Ivan Sidorov"),
        ),
        preamble=(Note(kind=NoteKind.SECTION, text="Part 1. The Kremlin, Moscow"),),
        body=(
            Turn(
                speaker="a",
                label="Anna Petrova",
                content=(
                    Paragraph(
                        text="Good morning. (Applause.) We will meet again.",
                        marks=(Mark(kind=MarkKind.STAGE, start=14, end=25),),
                    ),
                    Note(kind=NoteKind.STAGE, text="(Laughter.)"),
                ),
            ),
            Note(kind=NoteKind.SEPARATOR, text="* * *"),
            Turn(speaker="b", label="Ivan Sidorov", annotation="retranslated", content=(Paragraph(text="Thank you."),)),
        ),
    )


def test_notes_in_italics_and_marks_inline() -> None:
    doc = open_docx(build_briefing(_hand_built()))
    notes = styled(doc, "Transcript Note")
    assert notes == ["Part 1. The Kremlin, Moscow", "(Laughter.)", "* * *"]
    assert doc.styles["Transcript Note"].font.italic is True
    para = next(p for p in doc.paragraphs if p.text.startswith("Anna Petrova: "))
    inline = [r.text for r in para.runs if r.style is not None and r.style.name == "Inline Note"]
    assert inline == ["(Applause.)"]
    assert para.text == "Anna Petrova: Good morning. (Applause.) We will meet again."
    ivan = next(p for p in doc.paragraphs if p.text.startswith("Ivan Sidorov"))
    assert ivan.text == "Ivan Sidorov (retranslated): Thank you."
    rows = table_after(doc, "Participants")
    assert rows[1][:2] == ["Anna Petrova", "Minister"]


def test_lead_is_shown_as_the_summary_line(seed: Transcript) -> None:
    lead = "The two prime ministers discussed trade and the Eurasian Economic Union."
    doc = open_docx(build_briefing(with_meeting(seed, lead=lead, time="14:30")))
    meta = styled(doc, "Briefing Metadata")
    assert meta[0] == "Date\tTuesday 23 August 2022, 14:30"
    assert meta[-1] == f"Summary\t{lead}"


def test_title_falls_back_to_who_met(seed: Transcript) -> None:
    bare = with_meeting(seed, title=None, date=None, place=None, occasion=None, is_excerpt=False)
    doc = open_docx(build_briefing(bare))
    (title,) = styled(doc, "Title")
    assert title.startswith("Meeting of ") and "Mikhail Mishustin" in title and "Alikhan Smailov" in title
    assert styled(doc, "Briefing Metadata") == []


def test_export_through_the_plugin_host(seed: Transcript, seed_docx: bytes) -> None:
    info = {f.name: f for f in stenogram.formats() if f.kind == "exporter"}["docx"]
    assert info.binary and info.suffixes == (".docx",)
    data = stenogram.export(seed, "docx", marking="OFFICIAL")
    assert data == seed_docx


def test_notes_that_open_a_turn_follow_its_label() -> None:
    """'(Speaks Hindi.) (Applause.)' before Modi's first words, as in the White House transcript."""
    t = Transcript(
        participants=(Participant(id="m", name="Modi"), Participant(id="q", name="Q", anonymous=True)),
        body=(
            Turn(
                speaker="m",
                label="PRIME MINISTER MODI",
                content=(Note(kind=NoteKind.STAGE, text="(Speaks Hindi.)"), Paragraph(text="Thank you.")),
            ),
            Turn(speaker="q", label="Q", content=(Note(kind=NoteKind.STAGE, text="(Inaudible.)"),)),
        ),
    )
    doc = open_docx(build_briefing(t))
    annex = [p.text for p in doc.paragraphs if p.style.name in ("Transcript Text", "Transcript Note")]
    assert annex == ["PRIME MINISTER MODI: (Speaks Hindi.) Thank you.", "Q: (Inaudible.)"]
    modi = next(p for p in doc.paragraphs if p.text.startswith("PRIME MINISTER MODI"))
    assert [r.style.name for r in modi.runs if r.text.strip() == "(Speaks Hindi.)"] == ["Inline Note"]


def test_a_turn_with_no_printed_label_shows_the_speakers_name() -> None:
    """A UN General Debate speech has no label; the annex must not open with a bare ': '."""
    path = CORPUS / "ungdc" / "USA_25_1970.txt"
    skip_if_missing(path)
    t = stenogram.parse_file(path)
    assert t.turns[0].label == ""
    doc = open_docx(build_briefing(t))
    first = next(p for p in doc.paragraphs if p.style.name == "Transcript Text")
    name = next(p.name for p in t.participants if p.id == t.turns[0].speaker)
    assert first.text.startswith(f"{name}: 1. It is my privilege")
    assert [r.text for r in first.runs[:1]] == [name]


def test_a_long_title_keeps_the_marking_on_the_right(seed: Transcript) -> None:
    title = "Meeting of the Prime Minister of Russia with the Prime Minister of Kazakhstan " * 4
    doc = docx.Document(io.BytesIO(build_briefing(seed, BriefingOptions(title=title, marking="OFFICIAL-SENSITIVE"))))
    header = doc.sections[0].header.paragraphs[0]
    shown, _, marking = header.text.partition("\t\t")
    assert marking == "OFFICIAL-SENSITIVE"
    assert shown.endswith("…") and len(shown) + len(marking) < 90 and title.startswith(shown[:-1])


def test_header_tab_stops_follow_the_page_width() -> None:
    from docx.enum.section import WD_ORIENT
    from docx.enum.text import WD_TAB_ALIGNMENT
    from docx.shared import Cm
    from stenogram_docx.briefing import _page_tabs, _usable_width

    d = docx.Document()
    section = d.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    section.left_margin = section.right_margin = Cm(2.0)
    p = d.add_paragraph()
    _page_tabs(p, _usable_width(section))
    stops = {round(t.position.cm, 1): t.alignment for t in p.paragraph_format.tab_stops}
    assert stops[25.7] == WD_TAB_ALIGNMENT.RIGHT and stops[12.8] == WD_TAB_ALIGNMENT.CENTER
    assert stops[16.6] == WD_TAB_ALIGNMENT.CLEAR and stops[8.3] == WD_TAB_ALIGNMENT.CLEAR
