"""Pathological text in the analysis behind the summary: time and memory.

In text made of figures ("$1 $1 $1 ...", a figure every three characters) each figure used to read a
600-character window for its context: 0.6 MB of "$1 " took 33 s of CPU and 135 MiB. The window reading is
now budgeted per paragraph; these bounds are generous (the fix measures about 2.5 s and 70 MiB on a loaded
two-core machine) so that only a return of the old cost fails.
"""

from __future__ import annotations

from typing import Any

import pytest

FAMILIES = {"money": "$1 ", "percent": "1% ", "date-words": "5 July "}


@pytest.mark.parametrize("unit", FAMILIES.values(), ids=FAMILIES.keys())
def test_a_text_made_of_figures_is_summarised_in_linear_time_and_bounded_memory(limited: Any, unit: str) -> None:
    result = limited(
        """
        import time, stenogram
        stenogram.export(stenogram.parse("Anna: We spent $5 billion."), "summary")  # plugins loaded first
        text = (PARAMS["unit"] * 200_000)[:600_000]
        before = rss_mb()
        start = time.process_time()
        stenogram.export(stenogram.parse(text), "summary")
        report(seconds=time.process_time() - start, added_mb=peak_mb() - before)
        """,
        params={"unit": unit},
        timeout=120,
    )
    assert result["seconds"] < 10.0, result
    assert result["added_mb"] < 100, result


CAPITALS = {
    "caps-lines": "ABC DEF GHI JKL\n",
    "sentence-ends": "A. B. C. ",
    "name-caps-sequence": "Vladimir Putin Mr Smith ",
}


@pytest.mark.parametrize("unit", CAPITALS.values(), ids=CAPITALS.keys())
def test_a_long_run_of_capitalised_words_is_summarised_in_bounded_memory(limited: Any, unit: str) -> None:
    """One paragraph of 150,000 capitalised words: the name pattern kept backtracking state for each (+100 MiB)."""
    result = limited(
        """
        import stenogram
        stenogram.export(stenogram.parse("Anna: We met Boris Johnson."), "summary")  # plugins loaded first
        text = PARAMS["unit"] * (600_000 // len(PARAMS["unit"]))
        before = rss_mb()
        stenogram.export(stenogram.parse(text), "summary")
        report(added_mb=peak_mb() - before)
        """,
        params={"unit": unit},
        timeout=120,
    )
    assert result["added_mb"] < 80, result


def test_one_enormous_word_is_no_topic_and_costs_no_regular_expression_of_its_size(limited: Any) -> None:
    """A 2 MB word (a blob pasted into a transcript) was a topic candidate: finding it compiled a pattern
    of its size, 18 s and 180 MB; the summary and the DOCX briefing (both analyse) took that long."""
    result = limited(
        """
        import time, stenogram
        from stenogram.analysis import analyse
        analyse(stenogram.parse("Anna: We met Boris Johnson."))
        text = "Anna Petrova: Good morning. " + "x" * 2_000_000 + "\\n"
        t = stenogram.parse(text)
        before = rss_mb()
        start = time.process_time()
        found = analyse(t)
        report(seconds=time.process_time() - start, added_mb=peak_mb() - before,
               topics=[topic.text for topic in found.topics])
        """,
        timeout=120,
    )
    assert result["seconds"] < 5.0, result
    assert result["added_mb"] < 40, result
    assert all(len(topic) < 100 for topic in result["topics"]), result


def test_one_word_names_are_looked_up_in_full_for_a_bounded_number_of_participants(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """20,000 one-word speakers took 5-7 s: each lookup of a fuller name compiles a pattern."""
    import stenogram
    from stenogram.analysis import names

    calls: list[str] = []
    real = names._fuller

    def counted(name: str, texts: list[str]) -> tuple[str, str | None] | None:
        calls.append(name)
        return real(name, texts)

    monkeypatch.setattr(names, "_fuller", counted)
    letters = "bdfgklmnprstv"
    surnames = [f"B{a}{b}{c}{d}" for a in "aeiou" for b in letters for c in "aeiou" for d in letters]
    text = "".join(f"Mr {name}: Yes, we agree.\n" for name in surnames[: names.FULLER_MAX + 200])
    t = stenogram.parse(text)
    shown = names.display_names(t)
    assert len(calls) == names.FULLER_MAX
    assert len(shown) >= names.FULLER_MAX + 200


def test_a_paragraph_of_400000_content_words_keeps_no_table_of_its_ngrams(limited: Any) -> None:
    """The topics kept the spans of every 1-3-gram of a run (1.2 million tuples): about 200 MiB for 2 MB."""
    result = limited(
        """
        import json, stenogram
        from stenogram.analysis import analyse
        data = json.loads(stenogram.to_json(stenogram.parse("Anna: Hello there.")))
        data["body"][0]["content"][0]["text"] = "word " * 400_000
        t = stenogram.from_json(json.dumps(data))
        before = rss_mb()
        analyse(t)
        report(added_mb=peak_mb() - before)
        """,
        params={},
        timeout=240,
    )
    assert result["added_mb"] < 120, result
