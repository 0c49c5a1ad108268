"""Key figures: what is found, how it is normalised, who said it (seed and hand-made sentences)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest

import stenogram
from stenogram import Meeting, Paragraph, Participant, Transcript, Turn
from stenogram.analysis import Figure, FigureKind, analyse

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_cc7df8760118afc5.txt"


def one_speaker(*paragraphs: str, date: dt.date | None = None) -> Transcript:
    return Transcript(
        meeting=Meeting(date=date),
        participants=(Participant(id="p1", name="Anna Petrova"),),
        body=(Turn(speaker="p1", label="Anna Petrova", content=tuple(Paragraph(text=p) for p in paragraphs)),),
    )


def figures(text: str, date: dt.date | None = None) -> list[Figure]:
    return list(analyse(one_speaker(text, date=date)).figures)


def only(text: str, date: dt.date | None = None) -> Figure:
    found = figures(text, date)
    assert len(found) == 1, found
    return found[0]


@pytest.fixture(scope="module")
def seed() -> Transcript:
    return stenogram.parse_file(SEED)


def _speaker_of(t: Transcript, f: Figure) -> str:
    return t.participant(f.location.speaker).name


@pytest.mark.parametrize(
    "expected",
    [
        ("$25 billion", FigureKind.MONEY, Decimal(25_000_000_000), "USD", "Mikhail Mishustin"),
        ("9.5 percent", FigureKind.PERCENT, Decimal("9.5"), "%", "Mikhail Mishustin"),
        ("$13 billion", FigureKind.MONEY, Decimal(13_000_000_000), "USD", "Mikhail Mishustin"),
        ("a third", FigureKind.FRACTION, Fraction(1, 3), None, "Alikhan Smailov"),
        ("five-percent", FigureKind.PERCENT, Decimal(5), "%", "Alikhan Smailov"),
        ("2021-2025", FigureKind.YEAR_RANGE, Decimal(2021), None, "Alikhan Smailov"),
        ("four meetings", FigureKind.COUNT, Decimal(4), None, "Alikhan Smailov"),
        ("30th anniversary", FigureKind.ORDINAL, Decimal(30), None, "Alikhan Smailov"),
        ("fourth time", FigureKind.ORDINAL, Decimal(4), None, "Alikhan Smailov"),
    ],
)
def test_seed_figures_with_values_and_speakers(
    seed: Transcript, expected: tuple[str, FigureKind, object, str | None, str]
) -> None:
    text, kind, value, unit, speaker = expected
    found = [f for f in analyse(seed).figures if f.text == text]
    assert found, f"{text!r} not among {[f.text for f in analyse(seed).figures]}"
    f = found[0]
    assert (f.kind, f.value, f.unit) == (kind, value, unit)
    assert _speaker_of(seed, f) == speaker
    assert f.location.text_in(seed) == text


def test_seed_dates_by_both_speakers(seed: Transcript) -> None:
    dates = [(f.iso, _speaker_of(seed, f)) for f in analyse(seed).figures if f.text == "19 August"]
    assert dates == [("XXXX-08-19", "Mikhail Mishustin"), ("XXXX-08-19", "Alikhan Smailov")]
    (half_year,) = [f for f in analyse(seed).figures if f.kind is FigureKind.DATE_RANGE]
    assert half_year.text == "January-June of this year"
    assert half_year.iso == "XXXX-01/XXXX-06"


def test_seed_contexts_say_what_the_money_is(seed: Transcript) -> None:
    by_text = {f.text: f for f in analyse(seed).figures}
    assert by_text["$25 billion"].context == "bilateral trade"
    assert by_text["9.5 percent"].context == "bilateral trade"  # "it increased": the pronoun is resolved
    assert by_text["five-percent"].context == "trade increase"
    assert by_text["2021-2025"].context == "comprehensive economic cooperation programme"
    assert "$25 billion" in by_text["$25 billion"].excerpt
    assert "Sochi" in by_text["19 August"].excerpt


def test_a_vague_word_is_no_context() -> None:
    assert only("The figure was 8.3% last year.").context is None
    assert only("The fact is, it costs 15 percent more.").context is None
    assert only("Fortunately, it was 50 percent.").context is None
    assert only("Inflation was 8.3% last year.").context == "Inflation"


def test_an_excerpt_has_no_bracket_without_its_partner() -> None:
    said = "The resolution of the Council (242 of November 1967) stands as a beacon pointing the way to peace."
    assert only(said).excerpt == "242 of November 1967 stands as a beacon pointing the way to peace"
    whole = only("We welcomed the decision [see 1544th meeting] as proposed.")
    assert whole.excerpt == "We welcomed the decision [see 1544th meeting] as proposed"  # a pair kept whole stays


def test_context_is_read_inside_the_subordinate_clause() -> None:
    said = only("We often hear gross national product discussed and I say that there was a growth of 11 percent.")
    assert said.context is None  # not "hear gross national product": the figure's clause has only "there"
    assert only("The point was made by Mr. Nixon that the Soviet production is only 44 percent of ours.").context == (
        "Soviet production"
    )


@pytest.mark.parametrize(
    ("sentence", "text", "value", "unit", "upper"),
    [
        ("Investment reached 1.5 trillion roubles.", "1.5 trillion roubles", Decimal("1.5E12"), "RUB", None),
        ("The fund holds €300 million.", "€300 million", Decimal(300_000_000), "EUR", None),
        ("Loans of $10-15 billion were discussed.", "$10-15 billion", Decimal(10**10), "USD", Decimal(15 * 10**9)),
        ("They paid 2,500 dollars.", "2,500 dollars", Decimal(2500), "USD", None),
        ("Exports rose to $5bn last year.", "$5bn", Decimal(5 * 10**9), "USD", None),
    ],
)
def test_money(sentence: str, text: str, value: Decimal, unit: str, upper: Decimal | None) -> None:
    f = next(f for f in figures(sentence) if f.kind is FigureKind.MONEY)
    assert (f.text, f.value, f.unit, f.upper) == (text, value, unit, upper)


def test_percent_forms() -> None:
    assert only("Inflation fell to 4%.").value == Decimal(4)
    assert only("Growth was ten per cent.").value == Decimal(10)
    points = only("Rates rose by 0.5 percentage points.")
    assert (points.value, points.unit, points.normalised) == (Decimal("0.5"), "pp", "0.5 pp")


def test_fractions_and_not_ordinals() -> None:
    f = only("Output fell by half.")
    assert (f.kind, f.value) == (FigureKind.FRACTION, Fraction(1, 2))
    assert only("Two thirds of the budget went to schools.").value == Fraction(2, 3)
    third = only("We discussed a third country with our partners.")
    assert third.kind is FigureKind.ORDINAL  # "a third country" is not a fraction
    assert third.text == "third country"


def test_dates_resolve_this_year_from_the_meeting_date() -> None:
    meeting_day = dt.date(2022, 9, 14)
    f = only("In January-June of this year trade went up.", date=meeting_day)
    assert f.iso == "2022-01/2022-06"
    assert only("We met on August 19, 2021 in Sochi.").iso == "2021-08-19"
    assert only("The talks are set for 3-5 May.").iso == "XXXX-05-03/XXXX-05-05"
    assert only("We will meet again in March.").iso == "XXXX-03"
    assert figures("You may go.") == []  # "may" the verb is not May the month


def test_years_and_decades() -> None:
    assert only("The programme runs from 2021 to 2025.").iso == "2021/2025"
    assert only("Prices of the 1990s are gone.").iso == "1990/1999"
    assert only("This started in 2014.").kind is FigureKind.YEAR


def test_counts_need_a_counted_noun() -> None:
    f = only("We signed 12 agreements.")
    assert (f.kind, f.value, f.text) == (FigureKind.COUNT, Decimal(12), "12 agreements")
    assert only("About 3 million people took part.").value == Decimal(3_000_000)
    assert figures("One of the things we did.") == []
    assert figures("Two of them came.") == []


def test_overlapping_patterns_keep_the_longest() -> None:
    f = only("The budget is 5 billion dollars.")
    assert f.kind is FigureKind.MONEY and f.text == "5 billion dollars"


def test_normalised_strings() -> None:
    assert only("It cost $25 billion.").normalised == "25,000,000,000 USD"
    assert only("It fell by a quarter.").normalised == "1/4"
    assert only("It was the 2nd attempt.").normalised == "#2"


def test_no_figures_in_other_scripts_and_no_crash() -> None:
    assert figures("今年的贸易增长了百分之五。") == []
    assert figures("") == []


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("We paid two dollarſ for it.", Decimal(2), "USD"),  # a long s: an ignore-case pattern reads it as "s"
        ("Ten ları each.", Decimal(10), "GEL"),  # a dotless i
        ("5 MİLLİON LARİ were spent.", Decimal(5_000_000), "GEL"),  # a dotted capital I
        ("Two thırds of the budget.", Fraction(2, 3), None),
        ("5 thouſand people came.", Decimal(5000), None),
    ],
)
def test_words_matched_through_a_folded_letter_are_read(text: str, value: object, unit: str | None) -> None:
    """A scale, currency or fraction word the pattern matched is looked up as spelt with ASCII letters (it raised
    KeyError before)."""
    f = only(text)
    assert (f.value, f.unit) == (value, unit)


def test_ordinal_through_an_adjective() -> None:
    f = only("This is the extension of a deal for a seventh full day.")
    assert (f.kind, f.text, f.value) == (FigureKind.ORDINAL, "seventh full day", Decimal(7))
    assert figures("On the second matter, there were restrictions.") == []  # ordinals that number the speech


def test_ordinals_inside_names_are_not_figures() -> None:
    assert [f.kind for f in figures("The end of the Second World War came in 1945.")] == [FigureKind.YEAR]


def test_a_paragraph_of_many_figures_keeps_every_figure_but_reads_context_for_a_bounded_share() -> None:
    """Context windows read at most twice a paragraph's length (plus six windows): "$1 $1 ..." stays linear."""
    found = figures("$1 " * 5_000)
    assert len(found) == 5_000
    assert {(f.normalised, f.text) for f in found} == {("1 USD", "$1")}
    assert [f.location.start for f in found] == list(range(0, 15_000, 3))
    assert len(found[0].excerpt) > len("$1")  # the first ones read their window ...
    assert found[-1].excerpt == "$1"  # ... the budget spent, the rest stand for themselves
    assert found[-1].context is None


def test_a_paragraph_dense_with_real_figures_reads_every_context() -> None:
    """Twenty-two figures in a paragraph, the most the corpus has, stay well inside the budget."""
    sentence = "Exports grew by 12 percent to $45 billion, and imports fell by 3 percent to $20 billion. "
    found = figures(sentence * 6)
    assert len(found) == 24
    assert all(len(f.excerpt) > len(f.text) for f in found)
    assert [f.context for f in found[:2]] == ["Exports", "Exports"]
