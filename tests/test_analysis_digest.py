"""The digest, checked by fixed rules (not by the digest's own classifiers) on the seed and real committee meetings."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from repo_shared import needs_shared, shared

import stenogram
from stenogram.analysis import AnalysisOptions, analyse, digest

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_cc7df8760118afc5.txt"
QMSUM = shared("benchmarks", "qmsum_committee")
MEETINGS = sorted(QMSUM.glob("*.txt")) if QMSUM.is_dir() else []
#: First words that need the sentence before (the issue's fixed list).
LEANING = {"So", "And", "But", "Or", "Then", "Also", "That", "This", "These", "Those", "It", "They", "He", "She"}


def test_seed_keeps_its_figures_and_loses_the_trivia() -> None:
    d = digest(stenogram.parse_file(SEED))
    shown = [f.text for f in d.figures]
    for wanted in ("$25 billion", "9.5 percent", "$13 billion", "2021-2025", "a third", "five-percent"):
        assert wanted in shown
    assert shown.count("19 August") == 1
    assert not {"fourth time", "four meetings", "30th anniversary", "2021"} & set(shown)
    for f in d.figures:  # a subject is a phrase, never one word; what it refers to is whole words
        assert f.subject is None or len(f.subject.split()) >= 2
        assert f.refers_to and f.location.text_in(stenogram.parse_file(SEED)) == f.text


def test_points_are_the_analysis_first_ranked_and_traceable() -> None:
    t = stenogram.parse_file(SEED)
    d = digest(t)
    ranked = sorted(analyse(t, options=AnalysisOptions(key_sentences=60)).key_sentences, key=lambda k: k.rank)
    assert [p.text for p in d.points] == [k.text for k in ranked[:8]]
    for p in d.points:
        assert p.location.text_in(t) == p.text and p.where.startswith(("line ", "lines "))


def test_summary_and_docx_show_the_same_digest() -> None:
    import io

    import docx

    t = stenogram.parse_file(SEED)
    d = digest(t)
    summary = stenogram.export(t, "summary", width=10_000)
    document = docx.Document(io.BytesIO(stenogram.export(t, "docx")))
    bullets = [p.text for p in document.paragraphs if p.style is not None and p.style.name == "List Bullet"]
    figures = " ".join(c.text for table in document.tables for row in table.rows for c in row.cells)
    for p in d.points_in_order():
        assert p.text in summary and any(b.startswith(p.text) for b in bullets)
    for f in d.figures:
        assert f.text in summary and f.text in figures
    for c in d.commitments:
        assert c.text in summary and any(b.startswith(c.text) for b in bullets)


def test_an_answer_carries_its_question() -> None:
    t = stenogram.parse(
        "Chair: Welcome to the meeting of the Finance Committee on the budget bill.\n"
        "Ann Lee: How much will the new rail line cost the taxpayers of the region?\n"
        "Bob Stone: The northern rail line will cost regional taxpayers about four hundred million dollars"
        " in construction.\n"
    )
    d = digest(t)
    answer = next(p for p in d.points if p.speaker.name == "Bob Stone")
    assert answer.question is not None and answer.question.speaker.name == "Ann Lee"


def test_german_transcript_gets_a_digest_with_a_note() -> None:
    t = stenogram.parse(
        "Präsidentin Doris Bures: Ich eröffne die Sitzung des Nationalrates und begrüße die Abgeordneten.\n"
        "Abgeordneter Max Huber: Das Budget für die Schulen wurde um 5 Prozent erhöht, und wir werden es umsetzen.\n"
        "Also das ist nicht genug für die Gemeinden und die Länder in unserem schönen Land.\n"
    )
    d = digest(t)
    assert d.notes and "English-only" in d.notes[0]
    assert all(not p.text.startswith("Also") for p in d.points)


@needs_shared("benchmarks", "qmsum_committee")
def test_committee_meetings_by_fixed_rules() -> None:
    points = leaning = commitments = by_chair = 0
    for path in MEETINGS:
        t = stenogram.parse_file(path)
        d = digest(t)
        labels = {turn.speaker: turn.label for turn in t.turns}
        chairs = {pid for pid, label in labels.items() if "Chair" in label}
        chairs |= {p.id for p in t.participants if any("Chair" in label for label in p.labels)}
        points += len(d.points)
        leaning += sum(1 for p in d.points if p.text.split()[0].strip(",") in LEANING)
        commitments += len(d.commitments)
        by_chair += sum(1 for c in d.commitments if c.location.speaker in chairs)
        top = Counter(p.location.speaker for p in d.points).most_common(1)
        assert not top or top[0][1] <= 3, path.name
    assert leaning <= 0.10 * points
    assert by_chair <= 0.05 * commitments


PARLAMINT_AT = shared("corpus", "parlamint_at")
AUSTRIAN = sorted(PARLAMINT_AT.glob("*.txt"))[:25] if PARLAMINT_AT.is_dir() else []


@needs_shared("corpus", "parlamint_at")
@pytest.mark.parametrize("path", AUSTRIAN, ids=lambda p: p.name)
def test_german_sittings_get_a_digest(path: Path) -> None:
    t = stenogram.parse_file(path)
    d = digest(t)
    assert d.notes and "English-only" in d.notes[0]
    assert d.business
    for p in d.points:
        assert p.location.text_in(t) == p.text
        assert p.text.split()[0].lower() not in {"also", "und", "aber", "oder", "dann", "das", "es", "sie", "er"}


def test_a_surname_gets_the_full_name_and_role_the_title_gives() -> None:
    from stenogram import Meeting, Paragraph, Participant, Transcript, Turn
    from stenogram.analysis import display_names

    t = Transcript(
        meeting=Meeting(title="Press Briefing by Press Secretary Karine Jean-Pierre and Admiral John Kirby"),
        participants=(
            Participant(id="jp", name="Jean-Pierre", labels=("MS. JEAN-PIERRE",)),
            Participant(id="kirby", name="Kirby", labels=("MR. KIRBY",)),
            Participant(id="q", name="Q", anonymous=True),
        ),
        body=(Turn(speaker="jp", label="MS. JEAN-PIERRE", content=(Paragraph(text="Good afternoon."),)),),
    )
    names = display_names(t)
    assert (names["jp"].name, names["jp"].role) == ("Karine Jean-Pierre", "Press Secretary")
    assert (names["kirby"].name, names["kirby"].role) == ("John Kirby", "Admiral")
    assert names["q"].name == "Q"
