"""Briefing packs: several meetings, one section each, one combined participants list."""

from __future__ import annotations

import datetime as dt
import io

import attrs
import docx
import pytest
from docx.document import Document
from docx.table import Table
from docx.text.paragraph import Paragraph as DocxParagraph
from repo_shared import shared, skip_if_missing
from stenogram_docx import BriefingOptions, build_briefing

import stenogram
from stenogram.model import Transcript

SECOND = """Anna Petrova: Good morning, Mr Mishustin. Trade between our countries grew by 12 percent last year.

Mikhail Mishustin: Thank you. We will sign the agreement by the end of the year.

Anna Petrova: Then we agreed. Our ministers will meet again in March.

Mikhail Mishustin: Agreed.
"""


def tables_after(doc: Document, heading: str) -> list[list[str]]:
    seen = False
    for block in doc.iter_inner_content():
        if isinstance(block, DocxParagraph) and block.text == heading:
            seen = True
        elif seen and isinstance(block, Table):
            return [[c.text for c in row.cells] for row in block.rows]
    raise AssertionError(f"no table after {heading!r}")


@pytest.fixture(scope="module")
def second() -> Transcript:
    t = stenogram.parse(SECOND)
    return attrs.evolve(
        t, meeting=attrs.evolve(t.meeting, title="Talks with Anna Petrova", date=dt.date(2022, 9, 2), place="Moscow")
    )


@pytest.fixture(scope="module")
def pack(seed: Transcript, second: Transcript) -> Document:
    data = build_briefing([seed, second], BriefingOptions(marking="OFFICIAL", title="Kazakhstan and trade"))
    return docx.Document(io.BytesIO(data))


def test_pack_structure(pack: Document, seed_title: str) -> None:
    h1 = [p.text for p in pack.paragraphs if p.style.name == "Heading 1"]
    assert h1 == [
        "Meetings",
        "Participants",
        f"1. {seed_title}",
        "2. Talks with Anna Petrova",
        f"Annex A: Transcript of {seed_title}",
        "Annex B: Transcript of Talks with Anna Petrova",
    ]
    titles = [p.text for p in pack.paragraphs if p.style.name == "Title"]
    assert titles == ["Kazakhstan and trade"]
    subtitle = [p.text for p in pack.paragraphs if p.style.name == "Subtitle"]
    assert subtitle == ["2 meetings, Tuesday 23 August 2022 to Friday 2 September 2022"]
    h2 = [p.text for p in pack.paragraphs if p.style.name == "Heading 2"]
    assert h2.count("Participants") == 2 and h2.count("Key points") == 2 and h2.count("Key figures") == 2
    meeting_heads = [p for p in pack.paragraphs if p.text.startswith(("1. ", "2. ")) and p.style.name == "Heading 1"]
    assert all(p.paragraph_format.page_break_before for p in meeting_heads)


def test_meetings_table(pack: Document, seed_title: str) -> None:
    rows = tables_after(pack, "Meetings")
    assert rows[1] == ["1", seed_title, "Tuesday 23 August 2022", "Cholpon-Ata, Kyrgyzstan"]
    assert rows[2] == ["2", "Talks with Anna Petrova", "Friday 2 September 2022", "Moscow"]


def test_combined_participants(pack: Document) -> None:
    rows = tables_after(pack, "Participants")
    assert rows[0] in (["Name", "Role", "Meetings"], ["Name", "Meetings"])
    by_name = {r[0]: r[-1] for r in rows[1:]}
    assert by_name["Mikhail Mishustin"] == "1, 2"
    assert by_name["Alikhan Smailov"] == "1"
    assert by_name["Anna Petrova"] == "2"
    names = [r[0] for r in rows[1:]]
    assert names == sorted(names, key=str.casefold)


def test_pack_properties_and_header(pack: Document) -> None:
    props = pack.core_properties
    assert props.title == "Kazakhstan and trade" and props.subject == "Briefing pack"
    assert props.created == dt.datetime(2022, 9, 2, tzinfo=dt.UTC)
    assert pack.sections[0].header.paragraphs[0].text.startswith("Kazakhstan and trade")


def test_single_item_list_is_a_plain_briefing(seed: Transcript) -> None:
    assert build_briefing([seed]) == build_briefing(seed)


def test_annex_letters_go_on_after_z() -> None:
    from stenogram_docx.briefing import annex_letter

    assert [annex_letter(i) for i in (0, 1, 25, 26, 27, 51, 52, 701, 702)] == [
        "A", "B", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA",
    ]  # fmt: skip


def test_empty_pack_is_refused() -> None:
    with pytest.raises(stenogram.OptionError, match="at least one transcript"):
        build_briefing([])


def test_anonymous_voices_of_different_meetings_are_not_one_person() -> None:
    """The reporters ('Q') of two press conferences get a row each; a named person is merged."""
    corpus = shared("corpus")
    paths = [
        corpus / "whitehouse_md" / "2021-11-22_press-gaggle-psaki-air-force-one.txt",
        corpus / "miller_center" / "2009-01-12-final-press-conference.txt",
    ]
    skip_if_missing(*paths)
    items = [stenogram.parse_file(p) for p in paths]
    assert all(any(p.anonymous and p.name == "Q" for p in t.participants) for t in items)
    rows = tables_after(docx.Document(io.BytesIO(build_briefing(items))), "Participants")
    assert [row[-1] for row in rows if row[0] == "Q"] == ["1", "2"]
    # Another meeting with the same named person, introduced the same way (the title gives the full name).
    meeting = attrs.evolve(items[1].meeting, title=items[0].meeting.title)
    named = attrs.evolve(items[1], meeting=meeting, participants=items[0].participants, body=items[0].body)
    rows = tables_after(docx.Document(io.BytesIO(build_briefing([items[0], named]))), "Participants")
    assert [row[-1] for row in rows if row[0].endswith("Psaki")] == ["1, 2"]  # shown by full name when known


def test_pack_meetings_come_in_date_order(seed: Transcript, second: Transcript, seed_title: str) -> None:
    undated = attrs.evolve(second, meeting=attrs.evolve(second.meeting, title="Undated talks", date=None))
    doc = docx.Document(io.BytesIO(build_briefing([undated, second, seed])))
    rows = tables_after(doc, "Meetings")
    assert [r[1] for r in rows[1:]] == [seed_title, "Talks with Anna Petrova", "Undated talks"]
    annexes = [p.text for p in doc.paragraphs if p.style.name == "Heading 1" and p.text.startswith("Annex")]
    assert annexes[0] == f"Annex A: Transcript of {seed_title}"
