"""The plain-text grammar: seed expectations and each general rule, on small real-looking inputs."""

from __future__ import annotations

from pathlib import Path

import pytest
from repo_shared import skip_unless_shared

import stenogram
from stenogram.model import MarkKind, Note, NoteKind, Paragraph, Transcript
from stenogram.parse.build import build_transcript
from stenogram.parse.options import ParseOptions

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_cc7df8760118afc5.txt"


def parse(text: str, **options: bool) -> Transcript:
    return build_transcript(text, start=0, options=ParseOptions(**options))


def codes(t: Transcript) -> list[str]:
    return [d.code for d in t.diagnostics]


# -- the seed ---------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed() -> Transcript:
    return parse(SEED.read_text(encoding="utf-8"))


def test_seed_first_line_is_preamble(seed: Transcript) -> None:
    first = seed.preamble[0]
    assert isinstance(first, Paragraph)
    assert first.text.startswith("The meeting took place on the sidelines")
    assert first.span is not None and first.span.line == 1


def test_seed_excerpt_marker_is_not_a_speaker(seed: Transcript) -> None:
    assert seed.meeting.is_excerpt
    assert any(isinstance(b, Note) and b.text == "Excerpts from the transcript:" for b in seed.preamble)
    assert all("Excerpts" not in label for p in seed.participants for label in p.labels)


def test_seed_two_participants_two_turns(seed: Transcript) -> None:
    assert [p.name for p in seed.participants] == ["Mikhail Mishustin", "Alikhan Smailov"]
    assert [t.speaker for t in seed.turns] == ["mikhail-mishustin", "alikhan-smailov"]


def test_seed_mishustin_has_nine_paragraphs(seed: Transcript) -> None:
    paras = seed.turns[0].paragraphs
    assert len(paras) == 9
    assert paras[0].text.startswith("Mr Smailov, I am glad")
    assert paras[-1].text == "Thanks a lot. Go ahead, Mr Smailov."


def test_seed_smailov_wrapped_lines_are_reflowed(seed: Transcript) -> None:
    raw_lines = [ln for ln in SEED.read_text(encoding="utf-8").splitlines()[12:] if ln]
    paras = seed.turns[1].paragraphs
    assert all("\n" not in p.text for p in seed.paragraphs)
    # No wrapped line became a paragraph of its own: far fewer paragraphs than lines, none a bare fragment.
    assert 6 <= len(paras) <= 8 < len(raw_lines) / 2
    starts = {p.span.line for p in paras if p.span is not None}
    # Line 12 is 393 characters, longer than any wrap makes, so the break after it ends a paragraph:
    # "Our heads of state held four meetings this year …" (line 13) opens one.
    assert {13, 19, 25, 30, 33} <= starts  # and "This year, …", "Russia is …", "Our trade …", "The timely …"
    assert all(p.text[-1] in ".!?" for p in paras)
    assert any("recent meeting in Sochi on 19 August" in p.text for p in paras)


# -- paragraphs -------------------------------------------------------------------------------------


def test_blank_lines_separate_paragraphs_and_single_breaks_are_wraps() -> None:
    t = parse("A B: One line\nwraps here.\n\nA new paragraph.\n\nC D: Reply.\n")
    assert [p.text for p in t.turns[0].paragraphs] == ["One line wraps here.", "A new paragraph."]


def test_hard_wrap_breaks_where_the_next_word_would_have_fitted() -> None:
    para1 = (
        "We discussed the key issues of the bilateral agenda during my visit to Moscow\n"
        "and at the exhibition in Yekaterinburg, and we agreed to go on.\n"
    )
    para2 = (
        "Trade and economic cooperation has been growing dynamically, and links between\n"
        "our business communities have been strengthened.\n"
    )
    filler = "".join(
        f"Line {i} of a long wrapped speech keeps going on and on across the whole width\n" for i in range(8)
    )
    t = parse("Anna Petrova: Good morning.\n" + para1 + para2 + filler + "Thank you.\n")
    texts = [p.text for p in t.turns[0].paragraphs]
    assert any("We discussed" in x and x.endswith("we agreed to go on.") for x in texts)
    assert any(x.startswith("Trade and economic") for x in texts)
    assert all("\n" not in x for x in texts)


def test_unwrapped_document_has_one_paragraph_per_line() -> None:
    lines = [f"Sentence {i} is a whole paragraph." + " It runs on for a while." * (i * 3 % 7) for i in range(12)]
    t = parse("Vladimir Putin: " + "\n".join(lines) + "\n")
    assert len(t.turns[0].paragraphs) == 12


def test_no_break_spaces_are_folded_in_text() -> None:
    t = parse("Vladimir Putin: The\u00a0President held a\u00a0meeting.\n")
    assert t.turns[0].paragraphs[0].text == "The President held a meeting."


# -- labels -----------------------------------------------------------------------------------------


def test_label_alone_on_its_line() -> None:
    t = parse("Vladimir Putin:\nWe have a very balanced Government.\nMikhail Mishustin: Thank you.\n")
    assert [t.label for t in t.turns] == ["Vladimir Putin", "Mikhail Mishustin"]
    assert t.turns[0].paragraphs[0].text == "We have a very balanced Government."


def test_label_broken_by_a_wrap() -> None:
    text = "Vladimir Putin: Please.\nPrime Minister Mikhail\nMishustin: Mr\nPresident, colleagues.\n"
    t = parse(text)
    assert [turn.label for turn in t.turns] == ["Vladimir Putin", "Prime Minister Mikhail Mishustin"]
    assert t.turns[1].paragraphs[0].text.startswith("Mr President")
    span = t.turns[1].span
    assert span is not None and span.line == 2


def test_role_prefixed_label_is_one_participant_with_a_role() -> None:
    t = parse("President of Russia Vladimir Putin: Good afternoon.\nAnton Siluanov: Hello.\nVladimir Putin: Go on.\n")
    putin = t.participant("vladimir-putin")
    assert putin.role == "President of Russia"
    assert putin.labels == ("President of Russia Vladimir Putin", "Vladimir Putin")
    assert [turn.speaker for turn in t.turns] == ["vladimir-putin", "anton-siluanov", "vladimir-putin"]


def test_surname_only_and_case_variants_join_the_full_participant() -> None:
    text = (
        "GOVERNOR OF CALIFORNIA ARNOLD SCHWARZENEGGER: Hello.\nDmitry Medvedev: Welcome.\n"
        "Arnold SCHWARZENEGGER: Thanks.\nMedvedev: Good.\n"
    )
    t = parse(text)
    assert [p.id for p in t.participants] == ["arnold-schwarzenegger", "dmitry-medvedev"]
    assert t.participant("arnold-schwarzenegger").role == "GOVERNOR OF CALIFORNIA"
    assert t.turns[3].speaker == "dmitry-medvedev"


def test_a_name_without_its_middle_initial_joins_the_one_with_it() -> None:
    t = stenogram.parse_file(skip_unless_shared("corpus", "kremlin_dev", "55767.txt"))
    amin = [p for p in t.participants if p.name.endswith("Amin")]
    assert [p.name for p in amin] == ["Adnan Z. Amin"]
    assert {"Adnan Amin", "Director-General of the International Renewable Energy Agency (IRENA) Adnan Z. Amin"} <= set(
        amin[0].labels
    )
    bushes = parse("George W. Bush: One.\nGeorge H. W. Bush: Two.\nGeorge Bush: Three.\n")
    assert len(bushes.participants) == 3  # which Bush "George Bush" is, the text does not say


def test_sentences_with_colons_and_vocatives_are_not_labels() -> None:
    text = (
        "Mikhail Mishustin: Mr Smailov, I am glad to see you again.\n"
        "Mr Smailov, there is one thing: the timing.\n"
        "The main issues are: trade, energy and transport.\n"
    )
    t = parse(text)
    assert len(t.turns) == 1
    assert len(t.participants) == 1


def test_anonymous_roles_and_annotations() -> None:
    t = parse("Question (retranslated): Mr President, a question.\nVladimir Putin: Yes.\nRemark: Thanks.\n")
    q = t.participant("question")
    assert q.anonymous and t.participant("remark").anonymous
    assert t.turns[0].label == "Question (retranslated)"
    assert t.turns[0].annotation == "retranslated"
    assert not t.participant("vladimir-putin").anonymous


def test_annotated_labels_inside_a_turn_open_turns_unless_asked_not_to() -> None:
    text = (
        "Vladimir Putin: Thank you.\nI give the floor to our guest.\n"
        "Prime Minister of Italy Paolo Gentiloni (retranslated):\nI thank President Putin.\n"
        "Vladimir Putin: Thank you.\n"
    )
    t = parse(text, annotated_labels=False)
    assert [turn.label for turn in t.turns] == ["Vladimir Putin", "Vladimir Putin"]
    assert (
        t.turns[0].paragraphs[-1].text
        == "Prime Minister of Italy Paolo Gentiloni (retranslated): I thank President Putin."
    )
    assert [(d.code, d.line) for d in t.diagnostics if d.code == "annotated-label"] == [("annotated-label", 3)]
    opened = parse(text)
    assert [turn.label for turn in opened.turns] == [
        "Vladimir Putin",
        "Prime Minister of Italy Paolo Gentiloni (retranslated)",
        "Vladimir Putin",
    ]
    assert opened.turns[1].annotation == "retranslated"
    assert opened.participant("paolo-gentiloni").role == "Prime Minister of Italy"
    blank_lines = parse(text.replace("\n", "\n\n").replace(":\n\nI thank", ":\nI thank"), annotated_labels=False)
    assert [turn.annotation for turn in blank_lines.turns] == [None, "retranslated", None]


def test_period_and_bare_q_labels_in_blank_line_records() -> None:
    text = "THE PRESIDENT. Good morning.\n\nQ. Mr. President, a question.\n\nQ    Another one.\n\nTHE PRESIDENT. Yes.\n"
    t = parse(text)
    assert [turn.label for turn in t.turns] == ["THE PRESIDENT", "Q", "Q", "THE PRESIDENT"]
    assert t.participant("q").anonymous


def test_cyrillic_labels_parse_like_latin_ones() -> None:
    t = parse("Михаил Мишустин: Добрый день.\nАлихан Смаилов: Спасибо.\n")
    assert [p.name for p in t.participants] == ["Михаил Мишустин", "Алихан Смаилов"]
    assert all(p.id.startswith("p-") for p in t.participants)


def test_full_width_colon_labels() -> None:
    t = parse("主席：議員保持肅靜。\n\n梁國雄議員：規程問題。\n")
    assert [turn.label for turn in t.turns] == ["主席", "梁國雄議員"]


# -- notes and marks --------------------------------------------------------------------------------


def test_stage_directions_separators_and_sections_become_notes() -> None:
    text = "(Applause.)\nPart 1. The Kremlin, Moscow, March 1, 2018\n* * *\nVladimir Putin: Thank you.\n(Applause.)\n"
    t = parse(text)
    assert [n.kind for n in t.notes] == [NoteKind.STAGE, NoteKind.SECTION, NoteKind.SEPARATOR]
    assert t.turns[0].notes == ()


def test_asides_inside_a_turn_are_marked_paragraphs_where_printed() -> None:
    long_aside = "(The Minister went on to talk about preparations for the new school year.)"
    t = parse(f"Vladimir Putin: Thank you.\n(Applause.)\nGo on.\n{long_aside}\n")
    paras = t.turns[0].paragraphs
    assert [p.text for p in paras] == ["Thank you.", "(Applause.)", "Go on.", long_aside]
    assert [p.is_aside for p in paras] == [False, True, False, True]
    assert [p.marks[0].kind for p in paras if p.marks] == [MarkKind.STAGE, MarkKind.EDITORIAL]
    lifted = parse(f"Vladimir Putin: Thank you.\n(Applause.)\nGo on.\n{long_aside}\n", stage_notes=True)
    assert [(n.kind, n.text) for n in lifted.turns[0].notes] == [
        (NoteKind.STAGE, "(Applause.)"),
        (NoteKind.EDITORIAL, long_aside),
    ]
    assert [p.text for p in lifted.turns[0].paragraphs] == ["Thank you.", "Go on."]


def test_inline_marks() -> None:
    t = parse("Dmitry Medvedev: It cost [$400 million] <…> (Laughs.) Well, [crosstalk 00:07:53] yes.\n")
    para = t.turns[0].paragraphs[0]
    found = [(m.kind, para.text[m.start : m.end]) for m in para.marks]
    assert found == [
        (MarkKind.INSERTION, "[$400 million]"),
        (MarkKind.OMISSION, "<…>"),
        (MarkKind.STAGE, "(Laughs.)"),
        (MarkKind.TIMESTAMP, "[crosstalk 00:07:53]"),
    ]


def test_whole_line_omission_stays_a_marked_paragraph_of_the_speech() -> None:
    t = parse("Vladimir Putin: First point.\n<…>\nSecond point.\n")
    paras = t.turns[0].paragraphs
    assert [p.text for p in paras] == ["First point.", "<…>", "Second point."]
    assert paras[1].marks[0].kind is MarkKind.OMISSION


def test_markdown_escapes_are_undone() -> None:
    t = parse("MODERATOR: Thanks to the \\[senior administration official\\].\n\nQ    Hi.\n")
    assert t.turns[0].paragraphs[0].text == "Thanks to the [senior administration official]."


# -- diagnostics and spans --------------------------------------------------------------------------


def test_diagnostics_name_their_lines() -> None:
    text = (
        "Meeting with Government members\nSome lead text about the meeting.\n"
        "Vladimir Putin: Good afternoon.\nSecond: we go on.\n"
    )
    t = parse(text)
    found = {(d.code, d.line) for d in t.diagnostics}
    assert ("unclassified-preamble", 2) in found
    assert ("label-rejected", 4) in found


def test_ambiguous_break_is_reported(seed: Transcript) -> None:
    assert "ambiguous-break" in codes(seed)
    assert all(d.line > 0 for d in seed.diagnostics)


def test_text_without_labels_is_one_unnamed_speech() -> None:
    t = parse("Mr. President, Mr. Secretary-General, colleagues,\nThis year we celebrate.\n")
    assert len(t.turns) == 1 and t.turns[0].label == ""
    assert t.participants[-1].id == "speaker"
    assert "no-labels" in codes(t)


def test_spans_index_the_whole_text_after_a_start_offset() -> None:
    head = "+++\ntitle = 'x'\n+++\n"
    text = head + "Anna Petrova: Good morning.\n"
    t = build_transcript(text, start=len(head), options=ParseOptions())
    turn = t.turns[0]
    assert turn.span is not None and turn.span.line == 4
    para = turn.paragraphs[0]
    assert para.span is not None
    assert text[para.span.start : para.span.end] == "Good morning."


def test_wrapped_label_after_a_line_that_runs_on() -> None:
    text = (
        "Vladimir Putin: Good afternoon. I would now like to give the floor to\n"
        "Governor of Tula Region Alexei\nDyumin: Thank you, Mr President.\n"
    )
    t = parse(text)
    assert [turn.label for turn in t.turns] == ["Vladimir Putin", "Governor of Tula Region Alexei Dyumin"]
    assert t.participant("alexei-dyumin").role == "Governor of Tula Region"


def test_inaudible_in_parentheses_is_an_omission_not_a_stage_direction() -> None:
    t = parse("Anna Petrova: Thank you.\n(Inaudible.)\nIvan Sidorov: We agreed (inaudible) on that.\n")
    first, second = t.turns
    assert [(n.kind, n.text) for n in first.notes] == [(NoteKind.OMISSION, "(Inaudible.)")]
    (para,) = second.paragraphs
    (mark,) = para.marks
    assert mark.kind is MarkKind.OMISSION and para.text[mark.start : mark.end] == "(inaudible)"


def test_a_line_ending_in_a_colon_leads_into_a_list_not_a_label() -> None:
    text = (
        "Vladimir Putin: Good afternoon.\nIssues were discussed at five working groups:\n"
        "Society and the State Authorities: Direct Dialogue; Quality of Life.\nVladimir Putin: Thank you.\n"
    )
    assert [turn.label for turn in parse(text).turns] == ["Vladimir Putin", "Vladimir Putin"]
    seed_like = "Excerpts from the transcript:\nMikhail Mishustin: Good afternoon.\n"
    assert [turn.label for turn in parse(seed_like).turns] == ["Mikhail Mishustin"]


def test_a_role_in_lower_case_is_taken_when_the_name_is_known() -> None:
    text = (
        "Dmitry Medvedev: Go on.\nchairman of the Supreme Council Boris Gryzlov: Mr President,\n"
        "we agree.\nBoris Gryzlov: Yes.\n"
    )
    t = parse(text)
    assert [turn.speaker for turn in t.turns] == ["dmitry-medvedev", "boris-gryzlov", "boris-gryzlov"]
    unknown = parse("Dmitry Medvedev: Go on.\nchairman of the Supreme Council Boris Gryzlov: Mr President.\n")
    assert len(unknown.turns) == 1


def test_only_translation_notes_keep_a_label_inline_and_glue_ends_with_the_turn() -> None:
    un = parse(
        "The President: I call on the representative of the Russian Federation.\n"
        "Mr. Nebenzia (Russian Federation): Thank you, Mr. President.\n"
        "Mr. Smith (United Kingdom): I thank the Russian delegation.\n"
    )
    assert [turn.annotation for turn in un.turns] == [None, "Russian Federation", "United Kingdom"]
    t = parse(
        "Vladimir Putin: Thank you.\nQuestion (retranslated):\nVladimir Putin: Yes, of course.\nThe second matter.\n"
    )
    assert [p.text for p in t.turns[-1].paragraphs] == ["Yes, of course.", "The second matter."]


def test_middle_initial_merge_leaves_anonymous_roles_and_final_letters_alone() -> None:
    t = parse("Chair: Welcome.\nUnidentified Speaker: Thank you.\nUnidentified Speaker A: Hello.\nChair: Next.\n")
    assert len([p for p in t.participants if p.name.startswith("Unidentified")]) == 2
