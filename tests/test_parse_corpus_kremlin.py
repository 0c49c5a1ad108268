"""kremlin.ru transcripts (../shared/corpus/kremlin_en): labels, speakers, notes and marks on real pages."""

from __future__ import annotations

from collections import Counter

from repo_shared import needs_shared, shared

import stenogram
from stenogram.model import MarkKind, NoteKind, Transcript
from stenogram.parse.build import build_transcript
from stenogram.parse.options import ParseOptions

CORPUS = shared("corpus", "kremlin_en")

pytestmark = needs_shared("corpus", "kremlin_en")


def load(name: str) -> Transcript:
    return stenogram.parse_file(CORPUS / f"{name}.txt")


def grammar(name: str) -> Transcript:
    """The grammar's own result, before the metadata stage moves header lines into Meeting."""
    return build_transcript((CORPUS / f"{name}.txt").read_text(encoding="utf-8"), options=ParseOptions())


def mark_texts(t: Transcript, kind: MarkKind) -> list[str]:
    return [p.text[m.start : m.end] for p in t.paragraphs for m in p.marks if m.kind is kind]


def test_government_meeting_wrapped_label_roles_and_notes() -> None:
    t = load("2020-08-26_meeting-with-government-members")
    assert len(t.turns) == 13
    assert "Prime Minister Mikhail Mishustin" in [turn.label for turn in t.turns]
    putin = t.participant("vladimir-putin")
    assert putin.role == "President of Russia"
    assert t.participant("mikhail-mishustin").role == "Prime Minister"
    assert t.participant("valery-falkov").role == "Minister of Science and Higher Education"
    kinds = Counter(n.kind for n in t.notes)
    assert kinds[NoteKind.SEPARATOR] == 1
    assert kinds[NoteKind.EDITORIAL] == 1  # the attendee list
    assert any(n.text.startswith("The meeting was attended by") for n in t.notes)
    asides = [p.text for turn in t.turns for p in turn.paragraphs if p.is_aside]
    assert any(a.startswith("(Tatyana Golikova also reported") for a in asides)  # printed inside the turn
    assert mark_texts(t, MarkKind.OMISSION)  # "<…>" kept as a marked paragraph of the speech


def test_header_lines_stand_alone_in_the_preamble() -> None:
    t = grammar("2020-01-21_meeting-with-government-members")
    texts = [b.text for b in t.preamble]
    assert texts == [
        "Meeting with Government members",
        "Vladimir Putin met with Government members.",
        "January 21, 2020",
        "20:15",
        "Government House, Moscow",
    ]
    assert [turn.label for turn in t.turns] == [
        "President of Russia Vladimir Putin",
        "Prime Minister Mikhail Mishustin",
        "Vladimir Putin",
        "Mikhail Mishustin",
    ]
    assert t.turns[2].paragraphs[0].text.startswith("We have a very balanced Government.")  # label alone on its line


def test_labels_split_inside_by_wraps() -> None:
    t = load("2016-03-14_meeting-with-lavrov-and-shoigu")
    assert [p.id for p in t.participants] == ["vladimir-putin", "sergei-shoigu", "sergei-lavrov"]
    assert t.participant("sergei-shoigu").role == "Defence Minister"
    assert t.turns[1].paragraphs[0].text.startswith("Mr President,")


def test_all_caps_and_mixed_case_name_one_participant() -> None:
    t = load("2010-10-11_medvedev-meets-schwarzenegger")
    arnold = t.participant("arnold-schwarzenegger")
    assert arnold.labels == ("GOVERNOR OF CALIFORNIA ARNOLD SCHWARZENEGGER", "Arnold SCHWARZENEGGER")
    assert arnold.name == "Arnold SCHWARZENEGGER"
    assert len(t.participants) == 2


def test_insertions_and_omissions_are_marks() -> None:
    t = load("2010-06-03_medvedev-meets-nokia-ceo")
    assert "[$400 million]" in mark_texts(t, MarkKind.INSERTION)
    assert mark_texts(t, MarkKind.OMISSION) == ["<…>"]
    assert t.participant("olli-pekka-kallasvuo").role == "President and CEO of Nokia Corporation"


def test_sections_and_stage_marks_in_an_interview() -> None:
    t = load("2018-03-10_interview-nbc-megyn-kelly")
    sections = [n.text for n in t.notes if n.kind is NoteKind.SECTION]
    assert sections == ["Part 1. The Kremlin, Moscow, March 1, 2018", "Part 2, Kaliningrad, March 2, 2018"]
    assert [p.id for p in t.participants] == ["megyn-kelly", "vladimir-putin"]
    assert "(Laughs.)" in mark_texts(t, MarkKind.STAGE)
    assert len(t.turns) > 200


def test_retranslated_labels_stay_in_the_running_turn_when_asked() -> None:
    path = CORPUS / "2017-03-10_joint-news-conference-erdogan.txt"
    t = stenogram.parse_file(path, annotated_labels=False)
    assert not any(turn.annotation for turn in t.turns)
    inline = [d for d in t.diagnostics if d.code == "annotated-label"]
    assert [d.line for d in inline] == [66, 166]
    putin = t.turns[0]
    assert putin.speaker == "vladimir-putin"
    texts = [p.text for turn in t.turns for p in turn.paragraphs]
    assert any(text.startswith("President of Turkey Recep Tayyip Erdogan (retranslated): Thank you") for text in texts)
    assert any(text.startswith("Question (retranslated): My question is addressed") for text in texts)
    erdogan = t.participant("recep-tayyip-erdogan")  # the label kept inline still names him and his role
    assert erdogan.role == "President of Turkey"
    assert "President of Turkey Recep Tayyip Erdogan (retranslated)" in erdogan.labels


def test_retranslated_is_an_annotation_on_its_own_turn_by_default() -> None:
    t = stenogram.parse_file(CORPUS / "2017-03-10_joint-news-conference-erdogan.txt")
    erdogan = t.participant("recep-tayyip-erdogan")
    assert erdogan.role == "President of Turkey"
    annotated = [turn for turn in t.turns if turn.annotation]
    assert [turn.label for turn in annotated] == [
        "President of Turkey Recep Tayyip Erdogan (retranslated)",
        "Question (retranslated)",
    ]
    assert all(turn.annotation == "retranslated" for turn in annotated)
    q = t.participant("question")
    assert q.anonymous and "Question (retranslated)" in q.labels
    assert "(retranslated)" not in erdogan.name


def test_question_and_remark_are_anonymous_roles() -> None:
    t = load("2017-12-08_visit-yamal-lng")
    anonymous = {p.id for p in t.participants if p.anonymous}
    assert anonymous == {"question", "remark"}
    assert len(t.turns_of("remark")) >= 20


def test_names_broken_after_the_given_name_join_the_full_participant() -> None:
    t = load("2017-12-14_annual-news-conference")  # "Vladimir" / "Putin: Let", "Dmitry" / "Peskov:"
    assert all(not label.startswith("Putin") for p in t.participants for label in p.labels)
    assert t.participant("vladimir-putin").role == "President of Russia"
    assert "Dmitry Peskov" in t.participant("dmitry-peskov").labels
    assert len(t.turns_of("dmitry-peskov")) >= 10


def test_unwrapped_page_has_one_paragraph_per_line() -> None:
    name = "2012-12-20_news-conference"
    t = load(name)
    text_lines = [ln for ln in (CORPUS / f"{name}.txt").read_text(encoding="utf-8").splitlines() if ln.strip()]
    assert len(t.paragraphs) > 0.9 * (len(text_lines) - len(t.turns) - 10)
    assert len(t.turns) == 337


def test_every_kremlin_page_parses_with_turns() -> None:
    for path in sorted(CORPUS.glob("*.txt")):
        t = stenogram.parse_file(path)
        assert len(t.turns) >= 2, path.name
        assert all("\n" not in p.text for p in t.paragraphs)


# -- kremlin_dev: labels the truth files showed the grammar missing or inventing ---------------------

DEV = CORPUS.parent / "kremlin_dev"


def test_label_wrapped_under_a_wrapped_excerpt_heading() -> None:
    t = stenogram.parse_file(DEV / "54667.txt")  # "Excerpts" / "from transcript of …" / "Economic Forum" / "Panel …"
    assert t.turns[0].label == "Panel moderator, NBC host Megyn Kelly"
    assert t.turns[0].paragraphs[0].text.startswith("Welcome, everyone.")
    assert t.participant("megyn-kelly").role == "Panel moderator, NBC host"


def test_lower_case_role_before_a_known_name() -> None:
    t = stenogram.parse_file(DEV / "9200.txt")
    gryzlov = t.participant("boris-gryzlov")
    assert "chairman of United Russia’S Supreme Council and State Duma Speaker Boris Gryzlov" in gryzlov.labels


def test_list_item_after_a_lead_in_colon_is_not_a_speaker() -> None:
    t = stenogram.parse_file(DEV / "51786.txt")  # "… at five theme-based ONF working groups:" / "Society and …: …"
    assert not any(turn.label.startswith("Society") for turn in t.turns)
    assert any("Society and the State Authorities: Direct Dialogue" in p.text for p in t.preamble)
