"""The summary exporter on the seed, its options, determinism, and every corpus transcript."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from repo_shared import shared_files
from stenogram_summary import SECTIONS, SummaryOptions, escape_markdown, export_summary
from stenogram_summary.content import Bullet, SectionContent
from stenogram_summary.render import render_markdown, render_text

import stenogram
from stenogram import OptionError, Transcript
from stenogram.testing import transcripts
from stenogram.text import columns

ROOT = Path(__file__).resolve().parents[3]
SEED = ROOT / "seeds" / "000_cc7df8760118afc5.txt"
CORPUS = shared_files("corpus/*/*.txt")


@pytest.fixture(scope="module")
def seed() -> Transcript:
    return stenogram.parse_file(SEED)


@pytest.fixture(scope="module")
def summary(seed: Transcript) -> str:
    out = stenogram.export(seed, "summary")
    assert isinstance(out, str)
    return out


def section(text: str, title: str) -> str:
    """The lines of one section of a plain-text summary, joined, wrapping undone."""
    m = re.search(rf"^{title}\n\n(.*?)(?:\n\n[A-Z][A-Z ]+\n\n|\Z)", text, re.S | re.M)
    assert m, f"no section {title!r} in:\n{text}"
    return " ".join(m.group(1).split())


def test_registered_as_an_exporter() -> None:
    info = next(f for f in stenogram.formats() if f.name == "summary" and f.kind == "exporter")
    assert info.media_type == "text/plain" and info.suffixes == (".summary.txt",)


def test_seed_header_and_participants(summary: str) -> None:
    assert summary.startswith("Meeting of Mikhail Mishustin and Alikhan Smailov\n=====")
    assert "sidelines of the" in summary.split("PARTICIPANTS", maxsplit=1)[0]
    assert "(excerpts only)" in summary
    people = section(summary, "PARTICIPANTS")
    assert "Mikhail Mishustin: 57% of the words, 1 turn" in people
    assert "Alikhan Smailov: 43% of the words, 1 turn" in people


def test_seed_key_figures_with_speakers(summary: str) -> None:
    figures = section(summary, "KEY FIGURES")
    bullets = [b.strip() for b in figures.split("- ") if b.strip()]

    def said_by(text: str) -> str:
        (bullet,) = [b for b in bullets if re.search(rf"(^|: |; ){re.escape(text)}\b", b)]
        return bullet.split(":")[0]

    assert said_by("$25 billion") == "Mikhail Mishustin"
    assert "$25 billion (25,000,000,000 USD)" in figures
    assert said_by("9.5 percent") == "Mikhail Mishustin"
    assert said_by("$13 billion") == "Mikhail Mishustin"
    assert said_by("a third") == "Alikhan Smailov"
    assert said_by("five-percent") == "Alikhan Smailov"
    assert said_by("2021-2025") == "Alikhan Smailov"
    assert "19 August" in figures


def test_seed_points_commitments_topics_mentions(summary: str) -> None:
    points = section(summary, "KEY POINTS")
    assert "Alikhan Smailov: Bilateral trade increased by a third" in points
    commitments = section(summary, "COMMITMENTS AND DECISIONS")
    assert "[timing: by the end of the year]" in commitments
    assert "cooperation" in section(summary, "TOPICS")
    mentioned = section(summary, "MENTIONED")
    assert "Kassym-Jomart Tokayev (2)" in mentioned
    assert "Participants named: Mikhail Mishustin (3), Alikhan Smailov (2)" in mentioned
    assert "Eurasian Economic Union" in mentioned and "Sochi (2)" in mentioned


def test_width_is_respected(seed: Transcript) -> None:
    for width in (40, 72, 100):
        out = export_summary(seed, SummaryOptions(width=width))
        assert max(len(line) for line in out.splitlines()) <= width


def test_key_points_and_sections(seed: Transcript) -> None:
    out = export_summary(seed, SummaryOptions(key_points=2, sections=("key_points", "header")))
    assert out.startswith("Meeting of")  # the summary's order, not the option's
    assert section(out, "KEY POINTS").count("- ") <= 2
    assert "PARTICIPANTS" not in out and "KEY FIGURES" not in out


def test_options_from_strings_like_the_cli(seed: Transcript) -> None:
    out = stenogram.export(seed, "summary", sections="topics,mentions", width="60")
    assert isinstance(out, str) and out.startswith("TOPICS\n")
    with pytest.raises(OptionError):
        stenogram.export(seed, "summary", sections="nonsense")
    with pytest.raises(OptionError):
        stenogram.export(seed, "summary", width="10")
    with pytest.raises(OptionError, match="at least one section"):
        stenogram.export(seed, "summary", sections="")  # an empty summary is a typo, not a wish


def test_markdown(seed: Transcript) -> None:
    out = export_summary(seed, SummaryOptions(format="markdown"))
    assert out.startswith("# Meeting of Mikhail Mishustin and Alikhan Smailov\n")
    assert "\n## Key figures\n" in out
    assert "**Mikhail Mishustin:** \\$25 billion" in out
    assert max(len(line) for line in out.splitlines()) <= 72


@pytest.mark.parametrize(
    ("raw", "escaped"),
    [
        ("a * b", "a \\* b"),
        ("x - y", "x \\- y"),
        ("2021. Then", "2021\\. Then"),
        ("[link](x) <b>", "\\[link\\](x) \\<b\\>"),
        ("$5 & #1", "\\$5 \\& \\#1"),
        ("Russia-Kazakhstan", "Russia-Kazakhstan"),
    ],
)
def test_markdown_escaping(raw: str, escaped: str) -> None:
    assert escape_markdown(raw) == escaped


def test_deterministic(seed: Transcript) -> None:
    assert stenogram.export(seed, "summary") == stenogram.export(stenogram.parse_file(SEED), "summary")
    md = SummaryOptions(format="markdown")
    assert export_summary(seed, md) == export_summary(seed, md)


@settings(max_examples=40, deadline=None)
@given(transcripts())
def test_any_transcript_summarises(t: Transcript) -> None:
    for options in (SummaryOptions(format="text"), SummaryOptions(format="markdown")):
        out = export_summary(t, options)
        assert out.endswith("\n") and not any(line != line.rstrip() for line in out.splitlines())


def test_all_sections_known() -> None:
    assert SummaryOptions().sections == SECTIONS


@pytest.mark.parametrize("path", CORPUS)
def test_corpus_summarises(path: Path) -> None:
    out = stenogram.export(stenogram.parse_file(path), "summary")
    assert isinstance(out, str)
    assert "PARTICIPANTS" in out and "KEY POINTS" in out
    # Only an unbreakable word (a URL) may overhang; wide (CJK) characters take two columns.
    assert all(columns(line) <= 72 or any(len(word) > 60 for word in line.split()) for line in out.splitlines())
    head = out.split("\n\n", 1)[0].splitlines()
    assert head[-1] == "=" * min(72, max(columns(line) for line in head[:-1]))


def test_wide_text_wraps_by_columns_and_keeps_punctuation_with_its_character() -> None:
    text = "我力處理扶貧安老助弱，在推出每年開支約 64億元的長者生活津貼和其他措施後。" * 3
    section = SectionContent(name="key_points", title="Key points", blocks=(Bullet(lead="行政長官", text=text),))
    for render in (render_text, render_markdown):
        lines = render("會議過程正式紀錄", (section,), 40).splitlines()[2:]
        assert len(lines) > 3 and all(columns(line) <= 40 for line in lines)
        assert not any(line.lstrip(" -").startswith(("，", "。")) for line in lines)
        assert "".join(line.lstrip(" -") for line in lines).replace(" ", "").endswith(text.replace(" ", ""))


def test_docs_show_what_the_exporter_prints(summary: str) -> None:
    page = (ROOT / "docs" / "summary.md").read_text(encoding="utf-8")
    block = page.split("<!-- seed-summary -->\n```text\n", 1)[1].split("```\n", 1)[0]
    assert block == summary


def test_byte_identical_across_hash_seeds() -> None:
    """Set and dict orders must never leak into the output: run in fresh interpreters with other hash seeds."""
    import os
    import subprocess
    import sys

    script = (
        "import sys, stenogram; sys.stdout.write(stenogram.export(stenogram.parse_file(sys.argv[1]), 'summary',"
        " format='markdown'))"
    )
    outputs = {
        subprocess.run(
            [sys.executable, "-c", script, str(SEED)],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2024")
    }
    assert len(outputs) == 1
