"""The parser on publishers it was not tuned on: short documents in their printed conventions, scored.

Each ``tests/publishers/NAME.txt`` is a short document written for these
tests in one publisher's printed conventions (Canadian, UK, Australian, New
Zealand, Irish, Scottish, Welsh, Indian, Hong Kong, German, French, Czech,
Polish, Danish, Finnish, Hungarian, Bulgarian, Ukrainian, Lithuanian, Kenyan,
Belgian, Croatian, Icelandic, Latvian, Swedish, Portuguese and Greek
parliaments, the European Parliament, the UN, the US Congress and its
hearings, the White House, a ministry's briefing, broadcast interviews; and a
seventh batch written blind: the Swiss, Austrian, Japanese, Korean,
Philippine, Ghanaian, Malaysian, Quebec, Irish, Welsh and Russian chambers,
the Canadian Senate, a US state hearing, a trial, a city council, China's
foreign ministry, a UN briefing, NATO, a podcast, a meeting recorder, an
earnings call, TV captions); an eighth batch written blind by another hand (Argentine, Bangladeshi,
Brazilian, Estonian, French, Indian, Israeli, Luxembourg, Mexican, Norwegian, Pakistani, Romanian, Slovak,
Sri Lankan, South African and Ugandan chambers, the Commission's midday briefing, WHO, a deposition, an
academic panel); a ninth batch written blind by another hand (Australian radio, Brazilian, Catalan, Chilean,
Flemish, Nebraskan, Nigerian, New South Wales, Ontario, Polish and Zambian chambers, Rome's city council, the
German government's press conference, the Fed, the ICC, the IMF, the Japanese Prime Minister's Office, New York's
mayor, a UK inquiry, TV captions with initials); no text is copied from a real record. ``NAME.truth.json``
holds its turns as the publisher marks them, in the format of ``../shared/tools/score_fidelity.py``,
and the documents are scored the same way: words are aligned between truth
and parse, and a turn is found when the parse starts one at the word where
the truth does. The property tests below build documents from the same
label shapes and check that a label form the document repeats opens every
turn, its first occurrence included.
"""

from __future__ import annotations

import difflib
import json
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import stenogram
from stenogram.model import Transcript

HERE = Path(__file__).resolve().parent / "publishers"
DOCUMENTS = sorted(HERE.glob("*.txt"))
_WS = re.compile(r"[\s\u00a0]+")


def _fold(label: str) -> str:
    return _WS.sub(" ", label).strip().rstrip(":").strip().casefold()


def _flatten(turns: list[tuple[str, list[str]]]) -> tuple[list[str], dict[int, str], set[int]]:
    """Words, and the word indices where turns (with their labels) and paragraphs start."""
    words: list[str] = []
    starts: dict[int, str] = {}
    paragraphs: set[int] = set()
    for label, texts in turns:
        first = True
        for text in texts:
            ws = [w for w in _WS.split(text) if w]
            if not ws:
                continue
            if first:
                starts[len(words)] = label
                first = False
            paragraphs.add(len(words))
            words.extend(ws)
    return words, starts, paragraphs


def _truth_file(path: Path) -> Path:
    return path.with_name(path.stem + ".truth.json")


def _score(path: Path) -> dict[str, Any]:
    """What score_fidelity.py measures for one document: turns, labels, paragraphs, coverage."""
    truth = json.loads(_truth_file(path).read_text(encoding="utf-8"))
    t = stenogram.parse(path.read_text(encoding="utf-8"))
    t_words, t_turns, t_paras = _flatten([(turn["label"], turn["paragraphs"]) for turn in truth["turns"]])
    p_words, p_turns, p_paras = _flatten([(turn.label, [p.text for p in turn.paragraphs]) for turn in t.turns])
    matcher = difflib.SequenceMatcher(None, t_words, p_words, autojunk=False)
    to_truth = {b + k: a + k for a, b, n in matcher.get_matching_blocks() for k in range(n)}
    found = {to_truth[i]: label for i, label in p_turns.items() if i in to_truth}
    return {
        "transcript": t,
        "missed": [t_turns[i] for i in sorted(t_turns) if i not in found],
        "false": [label for i, label in found.items() if i not in t_turns]
        + [label for i, label in p_turns.items() if i not in to_truth],
        "wrong": [(t_turns[i], found[i]) for i in sorted(found) if _fold(found[i]) != _fold(t_turns.get(i, found[i]))],
        "paragraphs": (len({to_truth[i] for i in p_paras if i in to_truth} & t_paras), len(p_paras), len(t_paras)),
        "coverage": len(to_truth) / len(t_words),
    }


def test_every_document_has_its_truth() -> None:
    assert len(DOCUMENTS) >= 40
    assert all(_truth_file(path).is_file() for path in DOCUMENTS)


# Conventions seen and not read yet; each is a strict xfail, so reading it makes the test say so.
KNOWN_GAPS: dict[str, str] = {
    "podcast": "a producer's note printed as a label ('Producer note:') is read as text",
    # The eighth batch, written blind and scored before these rules were written: what it still lacks.
    "lk_parliament": "its speakers' lines are read; the procedure line the truth leaves out ('Question put, and agreed "
    "to.') aligns its first word with the next turn's ('Question No. 1 …')",
    # The ninth batch, written blind by another hand and scored before these rules were written: what it lacks.
    "cat_parlament": "its speakers' lines are read; 'La vicepresidenta primera', printed once, is no strong label "
    "(an ordinal after the office) and stays text of the turn before",
    "cl_senado": "the list items the clerk reads are printed after a double dash ('--El que modifica la ley …'), "
    "which the truth leaves out and the parse keeps on the word ('--El'), so those words do not align",
    "icc_trial": "its speakers, margin and page heads are read; the examination's headings printed as labels "
    "('WITNESS: CAR-OTP-P-1187 (On former oath)', 'QUESTIONED BY MS VARGA: (Continuing)') are read as turns",
}


@pytest.mark.parametrize(
    "path",
    [
        pytest.param(p, marks=pytest.mark.xfail(reason=KNOWN_GAPS[p.stem], strict=True)) if p.stem in KNOWN_GAPS else p
        for p in DOCUMENTS
    ],
    ids=[p.stem for p in DOCUMENTS],
)
def test_every_turn_opens_at_its_label_and_no_word_leaves_the_turns(path: Path) -> None:
    scores = _score(path)
    assert scores["missed"] == []  # no speech glued to the one before or left in the preamble
    assert scores["false"] == []  # no heading, masthead field or page head read as a turn
    assert scores["wrong"] == []
    assert scores["coverage"] == 1.0  # every spoken word is inside some turn


# The seventh batch, written blind after every rule above: paragraphs there are the reflow's open gap (lines of
# a text that is not hard-wrapped joined, headings in mixed case between turns kept as paragraphs).
SEVENTH_BATCH = frozenset(
    "at_bundesrat ca_senate ch_nationalrat cn_mfa_en cn_mfa_zh council_minutes court_hearing cy_senedd "
    "de_plenarprotokoll earnings_call ep_cre_de ep_cre_fr gh_hansard ie_seanad jp_kokkai kr_assembly my_dewan "
    "nato_presser otter_export ph_senate podcast qc_assemblee ru_duma tv_captions un_noon us_state_hearing".split()
)


# The eighth batch, written blind by another hand and scored before the rules for it were written (turn F1
# 0.753 on the code of the time, 0.801 after the seventh batch's rules, 0.906 with the head lines of .heads).
EIGHTH_BATCH = frozenset(
    "academic_panel ar_diputados bd_briefing br_camara deposition ec_midday ee_riigikogu fr_senat il_knesset "
    "in_rajyasabha lk_parliament lu_chambre mx_senado no_storting pk_senate ro_senat sk_nrsr ug_hansard "
    "who_presser za_ncop".split()
)


# The ninth batch (blind5), written blind by another hand and scored before any fix: turn F1 0.8585 on main
# (a5e7d83), 0.9113 on the parse4 branch (the held-out figure); 0.9958 with the rules written for it.
NINTH_BATCH = frozenset(
    "au_radio br_senado cat_parlament cl_senado de_regpk fed_presser icc_trial imf_briefing it_comunale jp_kantei "
    "ne_unicameral ng_senate nsw_lc nyc_mayor on_hansard pl_senat tv_initials uk_inquiry vl_parlement "
    "zm_assembly".split()
)
BATCHES = {"seventh": SEVENTH_BATCH, "eighth": EIGHTH_BATCH, "ninth": NINTH_BATCH}


# Floors below the figures now (0.964 / 0.933 / 0.883 / 0.927; 0.953 / 0.898 / 0.796 before the wrap band's
# sentence ends and the blocks' paragraph lines), so that a change that joins lines again says so.
@pytest.mark.parametrize(("batch", "floor"), [("earlier", 0.95), ("seventh", 0.92), ("eighth", 0.86), ("ninth", 0.90)])
def test_paragraphs_of_all_documents(batch: str, floor: float) -> None:
    hit = pred = true = 0
    for path in DOCUMENTS:
        of = next((name for name, stems in BATCHES.items() if path.stem in stems), "earlier")
        if path.stem in KNOWN_GAPS or of != batch:
            continue  # a document whose turns are not read yet says nothing about its paragraphs
        h, p, t = _score(path)["paragraphs"]
        hit, pred, true = hit + h, pred + p, true + t
    precision, recall = hit / pred, hit / true
    assert 2 * precision * recall / (precision + recall) >= floor


def _parse(name: str) -> Transcript:
    return stenogram.parse((HERE / f"{name}.txt").read_text(encoding="utf-8"))


def _participant(t: Transcript, label: str) -> stenogram.Participant:
    return next(p for p in t.participants if label in p.labels)


def test_masthead_fields_and_list_headings_stay_in_the_preamble() -> None:
    for name, field in (
        ("ca_commons", "Speaker: The Honourable Anthony Rota"),
        ("un_sc", "President: Mr. Lavrov (Russian Federation)"),
        ("hk_legco", "MEMBERS PRESENT:"),
    ):
        t = _parse(name)
        assert any(field in block.text for block in t.preamble), name
        assert not any(field.split(":")[0] == turn.label for turn in t.turns)


def test_an_office_with_its_holder_in_brackets_is_one_participant_with_the_bare_office() -> None:
    uk = _parse("uk_commons")
    davies = _participant(uk, "The Secretary of State for Wales (David T. C. Davies)")
    assert (davies.name, davies.role) == ("David T. C. Davies", "The Secretary of State for Wales")
    assert _participant(uk, "David T. C. Davies").id == davies.id
    scot = _parse("scot_parl")
    first = _participant(scot, "The First Minister (Humza Yousaf)")
    assert first.name == "Humza Yousaf" and _participant(scot, "The First Minister").id == first.id
    assert _participant(scot, "The Presiding Officer").name == "Alison Johnstone"


def test_seat_and_party_brackets_and_a_question_number() -> None:
    uk = _parse("uk_commons")
    leigh = _participant(uk, "Sir Edward Leigh (Gainsborough) (Con)")
    assert (leigh.name, leigh.constituency, leigh.affiliation) == ("Edward Leigh", "Gainsborough", "Con")
    jones = _participant(uk, "1. Ruth Jones (Newport West) (Lab)")
    assert (jones.name, jones.constituency, jones.affiliation) == ("Ruth Jones", "Newport West", "Lab")
    assert _participant(uk, "Ruth Jones").id == jones.id


def test_a_language_note_is_the_turns_annotation_not_a_seat() -> None:
    un = _parse("un_sc")
    assert un.turns[0].annotation == "spoke in Russian"
    president = _participant(un, "The President (spoke in Russian)")
    assert (president.constituency, president.affiliation) == (None, None)


@pytest.mark.parametrize(
    ("name", "label", "expected"),
    [
        ("ie_dail", "Deputy Mary Lou McDonald", ("Mary Lou McDonald", "Deputy")),
        ("ie_dail", "An Ceann Comhairle", ("An Ceann Comhairle", None)),
        ("ep_verbatim", "Manfred Weber, on behalf of the PPE Group", ("Manfred Weber", "on behalf of the PPE Group")),
        ("us_congrec", "Mr. SMITH of Texas", ("SMITH of Texas", None)),
        ("us_congrec", "The SPEAKER pro tempore", ("The SPEAKER pro tempore", None)),
        ("fr_assemblee", "Mme Élisabeth Borne, Première ministre", ("Élisabeth Borne", "Première ministre")),
    ],
)
def test_names_and_roles_as_publishers_print_them(name: str, label: str, expected: tuple[str, str | None]) -> None:
    p = _participant(_parse(name), label)
    assert (p.name, p.role) == expected


# -- properties: a label form the document repeats opens every turn, the first one included ---------------

_GIVEN = ["Anna", "Jean", "Ruth", "Mark", "Holly", "Pierre", "Ivana", "Owen", "Marta", "Liam"]
_SURNAMES = ["Roy", "Jones", "Fraser", "Baillie", "Dupont", "Weber", "Cairns", "Lake", "Becker", "Nolan"]
_SEATS = ["Newport West", "Lac-Bleu", "Glasgow", "Northtown", "Dickson"]
_PARTIES = ["Lab", "Con", "Lib.", "CPC", "SNP"]
_SPEECHES = [
    "I thank the member for the question.",
    "We will publish the report next week.",
    "The government has a plan, and it is working.",
    "That is simply not good enough for families.",
    "Order. Let us hear the answer.",
    "Will the minister meet me to discuss the matter?",
]
_PREAMBLES = [
    "Official Report of Proceedings",
    "Tuesday, 6 June 2023",
    "The House met at 2 p.m.",
    "Prayers",
    "ORAL QUESTIONS",
]


def _style_colon_slots(k: int, given: str, surname: str) -> tuple[str, str]:
    label = f"{given} {surname} ({_SEATS[k % 5]}) ({_PARTIES[k % 5]})"
    return label, label + ":"


def _style_numbered(k: int, given: str, surname: str) -> tuple[str, str]:
    label = f"{k + 1}. {given} {surname} ({_SEATS[k % 5]}) ({_PARTIES[k % 5]})"
    return label, label + ":"


def _style_congress(k: int, given: str, surname: str) -> tuple[str, str]:
    label = f"Mr. {surname.upper()}" if k % 2 else f"Ms. {surname.upper()} of {_SEATS[k % 5].split()[0]}"
    return label, "  " + label + "."


def _style_hearing(k: int, given: str, surname: str) -> tuple[str, str]:
    label = "The Chairwoman" if k % 3 == 0 else f"Senator {surname}"
    return label, "    " + label + "."


def _style_europarl(k: int, given: str, surname: str) -> tuple[str, str]:
    label = "President" if k % 2 == 0 else f"{given} {surname}, on behalf of the {_PARTIES[k % 5].upper()} Group"
    return label, label + ". –"


def _style_assemblee(k: int, given: str, surname: str) -> tuple[str, str]:
    label = "Mme la présidente" if k % 2 == 0 else f"M. {given} {surname}"
    return label, label + "."


def _style_alone(k: int, given: str, surname: str) -> tuple[str, str]:
    label = f"{given} {surname} ({_PARTIES[k % 5]})" if k % 2 else f"Präsidentin {given} {surname}"
    return label, label + ":\n"


_STYLES = {
    "assemblee": (_style_assemblee, True),
    "alone": (_style_alone, False),
    "colon_slots": (_style_colon_slots, False),
    "numbered": (_style_numbered, False),
    "congress": (_style_congress, True),
    "hearing": (_style_hearing, False),
    "europarl": (_style_europarl, True),
}


@settings(max_examples=60, deadline=None)
@given(
    st.sampled_from(sorted(_STYLES)),
    st.lists(st.sampled_from(_PREAMBLES), min_size=1, max_size=4, unique=True),
    st.lists(
        st.tuples(st.sampled_from(_GIVEN), st.sampled_from(_SURNAMES), st.sampled_from(_SPEECHES)),
        min_size=4,
        max_size=9,
    ),
)
def test_a_repeated_label_form_opens_every_turn_from_the_first(
    style: str, preamble: list[str], turns: list[tuple[str, str, str]]
) -> None:
    build, blank_lines = _STYLES[style]
    sep = "\n\n" if blank_lines else "\n"
    labels, lines = [], []
    for k, (given_name, surname, speech) in enumerate(turns):
        label, printed = build(k, given_name, surname)
        labels.append(label)
        lines.append(f"{printed}{'' if printed.endswith(chr(10)) else ' '}{speech}")
    t = stenogram.parse(sep.join(preamble) + sep + sep.join(lines) + "\n")
    assert [turn.label for turn in t.turns] == labels
    assert [" ".join(p.text for p in turn.paragraphs) for turn in t.turns] == [s for _, _, s in turns]
    assert not any(speech in block.text for block in t.preamble for _, _, speech in turns)


def test_marked_labels_read_the_same_past_the_first_chunk_of_lines() -> None:
    """The Diet's ``○Office（Name君）`` labels in a text of many chunks: each copy of a sitting gives its turns."""
    lines = (HERE / "jp_kokkai.txt").read_text(encoding="utf-8").split("\n")
    head, body = "\n".join(lines[:5]), "\n".join(lines[5:])
    few = stenogram.parse(head + ("\n" + body) * 3)
    many = stenogram.parse(head + ("\n" + body) * 200)  # about 150,000 characters: several chunks
    assert len(many.turns) * 3 == len(few.turns) * 200


def test_a_heading_alone_on_its_line_among_titled_labels_opens_no_empty_turn() -> None:
    # "Motions for the Agenda – The Cost of Living" reads as a name line; among titled labels it is a heading, though a
    # person's name alone on its line over the speech ("Albert Ribas Montoliu") is a speaker.
    assert all(turn.paragraphs for turn in _parse("il_knesset").turns)
    assert "Albert Ribas Montoliu" in [turn.label for turn in _parse("cat_parlament").turns]
