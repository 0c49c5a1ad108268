"""People, places and organisations: linking to participants and classification by rules."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import stenogram
from stenogram import Paragraph, Participant, Transcript, Turn
from stenogram.analysis import Mention, MentionKind, analyse
from stenogram.analysis.mentions import _PREVIOUS_WORD

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_cc7df8760118afc5.txt"


@pytest.fixture(scope="module")
def seed() -> Transcript:
    return stenogram.parse_file(SEED)


def _by_name(t: Transcript, name: str) -> Participant:
    (p,) = [p for p in t.participants if p.name == name]
    return p


def mentions(*paragraphs: str, participants: tuple[Participant, ...] = ()) -> list[Mention]:
    speaker = participants[0].id if participants else "p1"
    t = Transcript(
        participants=participants,
        body=(Turn(speaker=speaker, label="X", content=tuple(Paragraph(text=p) for p in paragraphs)),),
    )
    return list(analyse(t).mentions)


def kinds(found: list[Mention]) -> dict[str, MentionKind]:
    return {m.name: m.kind for m in found}


def test_mr_smailov_is_linked_to_the_participant(seed: Transcript) -> None:
    smailov = _by_name(seed, "Alikhan Smailov")
    addressed = [m for m in analyse(seed).mentions if m.text == "Mr Smailov"]
    assert addressed, "Mr Smailov not found"
    assert all(m.participant == smailov.id and m.name == "Alikhan Smailov" for m in addressed)
    assert all(m.kind is MentionKind.PERSON for m in addressed)
    mishustin = _by_name(seed, "Mikhail Mishustin")
    assert {m.participant for m in analyse(seed).mentions if m.text == "Mr Mishustin"} == {mishustin.id}


def test_seed_people_places_organisations(seed: Transcript) -> None:
    found = kinds(list(analyse(seed).mentions))
    assert found["Kassym-Jomart Tokayev"] is MentionKind.PERSON
    assert found["Vladimir Putin"] is MentionKind.PERSON
    assert found["Alexei Overchuk"] is MentionKind.PERSON
    for place in ("Sochi", "Moscow", "Orenburg", "Yekaterinburg", "Russia", "Kazakhstan"):
        assert found[place] is MentionKind.PLACE, place
    for org in ("Eurasian Economic Union", "INNOPROM", "Eurasian Intergovernmental Council"):
        assert found[org] is MentionKind.ORGANISATION, org
    assert "Russian" not in found and "Kazakhstani" not in found  # adjectives are not places


def test_surname_resolves_to_the_full_name_given_elsewhere(seed: Transcript) -> None:
    tokayev = [m for m in analyse(seed).mentions if m.text == "Mr Tokayev"]
    assert tokayev and tokayev[0].name == "Kassym-Jomart Tokayev" and tokayev[0].participant is None


def test_titles_split_place_from_person() -> None:
    found = mentions("I spoke to President of France Emmanuel Macron yesterday.")
    assert [(m.text, m.kind) for m in found] == [
        ("France", MentionKind.PLACE),
        ("Emmanuel Macron", MentionKind.PERSON),
    ]


def test_organisation_with_connectors() -> None:
    found = mentions("The Ministry of Foreign Affairs and the Bank for International Settlements agreed.")
    assert [m.text for m in found if m.kind is MentionKind.ORGANISATION] == [
        "Ministry of Foreign Affairs",
        "Bank for International Settlements",
    ]


def test_a_word_decided_once_counts_everywhere() -> None:
    found = mentions("Brazil is a partner.", "We held talks in Brazil in spring.")
    assert [(m.text, m.kind) for m in found] == [("Brazil", MentionKind.PLACE), ("Brazil", MentionKind.PLACE)]
    # "to" and "from" are weaker evidence: they make a place of that occurrence only.
    found = mentions("Obamacare is popular.", "We moved to Obamacare.")
    assert [(m.text, m.kind) for m in found] == [("Obamacare", MentionKind.PLACE)]


def test_participant_addressed_by_role() -> None:
    biden = Participant(id="biden", name="Joe Biden", role="Vice President")
    putin = Participant(id="putin", name="Vladimir Putin", role="President of Russia")
    found = mentions("Mr. Vice President, and you, Mr President, and Mr Chairman.", participants=(biden, putin))
    assert [(m.text, m.participant, m.name) for m in found] == [
        ("Mr. Vice President", "biden", "Joe Biden"),
        ("Mr President", "putin", "Vladimir Putin"),
    ]


def test_common_nouns_in_capitals_are_not_people() -> None:
    found = mentions(
        "The White House issued an Executive Order on the Affordable Care Act.",
        "My house is white and this order is an act of care, said Bernie Sanders.",
    )
    assert [(m.text, m.kind) for m in found] == [
        ("White House", MentionKind.ORGANISATION),  # "House" is an institution's cue word
        ("Bernie Sanders", MentionKind.PERSON),
    ]
    assert mentions("Many Democrat Governors and Attorney Generals agreed.") == []  # plural titles


def test_sentence_initial_words_are_not_guessed() -> None:
    assert mentions("Today we talk. Interregional ties grow.") == []


def test_participant_addressed_by_full_name() -> None:
    anna = Participant(id="anna", name="Anna Petrova")
    found = mentions("Thank you, Anna Petrova, and thank you, Ms Petrova.", participants=(anna,))
    assert [(m.text, m.participant) for m in found] == [("Anna Petrova", "anna"), ("Ms Petrova", "anna")]


def test_spans_point_at_the_text(seed: Transcript) -> None:
    for m in analyse(seed).mentions:
        assert m.location.text_in(seed) == m.text


def test_one_word_participant_names_link_by_surname() -> None:
    kirby = Participant(id="kirby", name="Kirby")
    found = mentions("As Admiral John Kirby said, and as the President's Bipartisan Law says.", participants=(kirby,))
    assert [(m.text, m.participant) for m in found] == [("John Kirby", "kirby")]


def test_institutions_openers_and_place_cues() -> None:
    found = mentions(
        "The Economic Development Ministry and RIA Novosti met at Lake Baikal.",
        "Regarding the Eurasian Economic Union, the Federation Council on January 19 agreed.",
    )
    assert [(m.text, m.kind) for m in found] == [
        ("Economic Development Ministry", MentionKind.ORGANISATION),
        ("RIA Novosti", MentionKind.ORGANISATION),
        ("Lake Baikal", MentionKind.PLACE),
        ("Eurasian Economic Union", MentionKind.ORGANISATION),
        ("Federation Council", MentionKind.ORGANISATION),
    ]


def test_latin_letters_do_not_run_into_chinese_text() -> None:
    vehicles = "前期及 I期至 III期共八萬多輛高污染柴油商業車，並且鼓勵遠洋輪船。"
    questions = "今天是 “Q and A”，並非 “A and Q”。"
    assert mentions(vehicles, questions) == []


def test_a_lone_letter_is_not_a_name() -> None:
    assert kinds(mentions("We went from Q to Paris, and then to Z and Lyon.")) == {
        "Paris": MentionKind.PLACE,
        "Lyon": MentionKind.PLACE,
    }


def test_peoples_and_parties_are_not_people_or_places() -> None:
    found = kinds(
        mentions(
            "I am not satisfied as an American. The South American nations would like it, and so would Puerto Ricans.",
            "Every Republican on the Rules Committee voted against it, whether Democratic or Republican.",
        )
    )
    assert not {"American", "South American", "Puerto Ricans", "Republican"} & set(found)
    assert found.get("Rules Committee") is MentionKind.ORGANISATION


def test_a_name_after_the_is_not_a_person() -> None:
    found = kinds(mentions("Which built the Grand Coulee and the other dams. We met Anna Petrova there."))
    assert "Grand Coulee" not in found and found["Anna Petrova"] is MentionKind.PERSON


def test_an_honorific_in_capitals_makes_a_person_linked_to_the_participant() -> None:
    nixon = Participant(id="nixon", name="Nixon")
    found = mentions("As MR. NIXON said, we disagree.", participants=(nixon,))
    assert [(m.kind, m.name, m.participant) for m in found] == [(MentionKind.PERSON, "Nixon", "nixon")]


def test_a_name_beside_itself_is_not_made_a_place() -> None:
    # "Nadia, Nadia": a word placed next to itself does not confirm itself.
    assert mentions("Nadia, Nadia. Go ahead, Nadia.", "Yes, Nadia.") == []
    assert kinds(mentions("We met in Paris, Lyon and Nice.")) == {
        "Paris": MentionKind.PLACE,
        "Lyon": MentionKind.PLACE,
        "Nice": MentionKind.PLACE,
    }


# The word before a run, as the plain pattern defines it; the module's pattern finds it without backtracking.
_PLAIN_PREVIOUS_WORD = re.compile(r"([A-Za-zÀ-ÖØ-öø-ÿ][\w’'\-]*)\s+$")


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="ab É1_'’-  \n\tжx\u00a0.,", max_size=50))
def test_the_word_before_a_run_is_what_the_plain_pattern_finds(window: str) -> None:
    plain = _PLAIN_PREVIOUS_WORD.search(window)
    fast = _PREVIOUS_WORD.search(window)
    assert (fast.group(1) if fast else None) == (plain.group(1) if plain else None)
