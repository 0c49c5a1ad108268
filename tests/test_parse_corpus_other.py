"""White House, Miller Center, rev.com debates, UN General Debate and LegCo Hansard files from ../shared/corpus."""

from __future__ import annotations

from collections import Counter

from repo_shared import needs_shared, shared

import stenogram
from stenogram.model import MarkKind, NoteKind, Transcript

CORPUS = shared("corpus")

pytestmark = needs_shared("corpus")


def load(folder: str, name: str) -> Transcript:
    return stenogram.parse_file(CORPUS / folder / f"{name}.txt")


def labels(t: Transcript) -> Counter[str]:
    return Counter(turn.label for turn in t.turns)


# -- whitehouse_md ----------------------------------------------------------------------------------


def test_whitehouse_briefing_labels_and_bare_q() -> None:
    t = load("whitehouse_md", "2023-11-30_press-briefing-jean-pierre-kirby")
    assert set(labels(t)) == {"MS. JEAN-PIERRE", "Q", "MR. KIRBY"}
    assert t.turns[0].paragraphs[0].text == "Hi. Good afternoon, everyone."
    assert t.participant("q").anonymous
    assert t.participant("jean-pierre").name == "Jean-Pierre"
    assert "(Laughs.)" in [p.text[m.start : m.end] for p in t.paragraphs for m in p.marks if m.kind is MarkKind.STAGE]
    # pandoc's 72-column wrap is undone, and no label is left inside the text
    assert "So, today I am honored to speak to you from our brand new press toast lectern. Yay." in [
        p.text for p in t.paragraphs
    ]
    assert not any(p.text.startswith("MS. JEAN-PIERRE") for p in t.paragraphs)


def test_whitehouse_q_with_one_label_word_after_it_is_still_q() -> None:
    t = load("whitehouse_md", "2021-11-22_press-gaggle-psaki-air-force-one")
    assert set(labels(t)) == {"MS. PSAKI", "Q"}


def test_whitehouse_markdown_escapes_and_shared_labels() -> None:
    t = load("whitehouse_md", "2023-03-13_background-press-call-aukus")
    assert any("[senior administration official]" in p.text for p in t.paragraphs)
    assert not any("\\[" in p.text for p in t.paragraphs)
    assert "SENIOR ADMINISTRATION OFFICIAL" in labels(t)


def test_whitehouse_as_interpreted_and_stage_only_lines() -> None:
    t = load("whitehouse_md", "2022-07-12_biden-lopez-obrador-bilateral")
    lopez = [turn for turn in t.turns if turn.label == "PRESIDENT LÓPEZ OBRADOR"]
    assert lopez and lopez[0].annotation == "As interpreted"
    assert t.participant("lopez-obrador").role == "PRESIDENT"
    modi = load("whitehouse_md", "2023-06-22_biden-modi-arrival-ceremony")
    first = next(turn for turn in modi.turns if turn.label == "PRIME MINISTER MODI")
    assert first.paragraphs[0].text == "(Speaks Hindi.) (Applause.)" and first.paragraphs[0].is_aside


def test_whitehouse_indented_labels() -> None:
    t = load("whitehouse_md", "2025-01-23_trump-executive-order-signing")
    assert labels(t)["THE PRESIDENT"] > 50
    assert labels(t)["Q"] > 50
    assert any(p.text == "(The executive order is signed.)" and p.is_aside for turn in t.turns for p in turn.paragraphs)


# -- miller_center ----------------------------------------------------------------------------------


def test_miller_metadata_line_is_not_a_turn_and_role_after_comma() -> None:
    t = load("miller_center", "1960-09-26-debate-richard-nixon-chicago")
    assert t.turns[0].label == "HOWARD K. SMITH, MODERATOR"
    smith = t.participant("howard-k-smith")
    assert smith.role == "MODERATOR"
    assert {"MR. SMITH", "Mr. SMITH"} <= set(smith.labels)
    kennedy = t.participant("kennedy")
    assert {"SENATOR KENNEDY", "MR. KENNEDY"} <= set(kennedy.labels)
    assert all(not label.startswith("President") for p in t.participants for label in p.labels)


def test_miller_period_labels_and_case_variants() -> None:
    t = load("miller_center", "1964-02-29-press-conference-state-department")
    assert set(labels(t)) == {"THE PRESIDENT", "Q"}
    c = load("miller_center", "1967-12-19-conversation-president-lyndon-johnson")
    rather = c.participant("rather")
    assert rather.labels == ("Mr. RATHER", "MR. RATHER")


def test_miller_bare_q_without_colon() -> None:
    t = load("miller_center", "2009-01-12-final-press-conference")
    assert set(labels(t)) == {"THE PRESIDENT", "Q"}
    assert labels(t)["Q"] >= 40


# -- debates_rev ------------------------------------------------------------------------------------


def test_debate_labels_alone_consecutive_blocks_and_crosstalk() -> None:
    t = load("debates_rev", "2020-10-07_vp-debate_part1")
    assert [p.name for p in t.participants] == ["Susan Page", "Kamala Harris", "Mike Pence"]
    assert t.turns[0].speaker == t.turns[1].speaker == "susan-page"  # one speaker over consecutive blocks
    marks = [p.text[m.start : m.end] for p in t.paragraphs for m in p.marks if m.kind is MarkKind.TIMESTAMP]
    assert "[crosstalk 00:07:53]" in marks and "[crosstalk 00:00:29:32]" in marks
    first = load("debates_rev", "2020-09-29_presidential-debate1_part1")
    assert first.participant("donald-j-trump").role == "President"


# -- ungdc ------------------------------------------------------------------------------------------


def test_un_speech_is_one_speaker_and_the_salutation_is_no_label() -> None:
    t = load("ungdc", "RUS_75_2020")
    assert len(t.turns) == 1
    assert t.turns[0].paragraphs[0].text == "Mr. President, Mr. Secretary-General, colleagues, ladies and gentlemen,"
    assert "no-labels" in [d.code for d in t.diagnostics]
    usa = load("ungdc", "USA_25_1970")
    assert len(usa.turns) == 1
    numbered = [p for p in usa.paragraphs if p.text.split(".", 1)[0].isdigit()]
    assert len(numbered) >= 70  # "1.\tIt is my privilege …": every numbered paragraph is its own


# -- legco_zh ---------------------------------------------------------------------------------------


def test_legco_full_width_labels_page_notes_and_cjk_joins() -> None:
    t = load("legco_zh", "2013-01-17_12-13-cm0117-translate-c")
    assert labels(t)["主席"] >= 40 and labels(t)["行政長官"] >= 40
    assert "出席議員" not in labels(t)  # the attendance list heading is no speaker
    pages = [n for n in t.notes if n.kind is NoteKind.PAGE]
    assert len(pages) > 50
    assert not any("立法會 ─ 2013年" in p.text for p in t.paragraphs)
    speech = next(p.text for p in t.paragraphs if p.text.startswith("主席、各位議員"))
    assert "上任後第一份施政報告" in speech  # a line break inside Chinese text adds no space


def test_legco_sentence_cut_by_a_page_break_stays_one_paragraph() -> None:
    t = load("legco_zh", "2013-01-17_12-13-cm0117-translate-c")
    chan = next(turn for turn in t.turns if turn.label == "陳恒鑌議員")
    first = chan.paragraphs[0]
    assert "例如，病人面對急症室" in first.text  # line 1279 "…例如，病" / head / "3478" / "人面對…"
    assert "3478" not in first.text and "立法會" not in first.text
    after = chan.content[chan.content.index(first) + 1 :]
    assert [(n.kind, n.text) for n in after[:2]] == [
        (NoteKind.PAGE, "立法會 ─ 2013年 1月 17日"),
        (NoteKind.PAGE, "3478"),
    ]
    texts = [p.text for p in t.paragraphs]
    # "一有切實可" / head / "3455" / "行的政策措施": one paragraph; after "可行性。" the page break ends one.
    assert any("一有切實可行的政策措施" in text for text in texts)
    assert any(text.endswith("其他多個城市設立聯絡處的可行性。") for text in texts)
    assert any(text.startswith("在房屋問題方面") for text in texts)
