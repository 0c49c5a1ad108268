"""Shared text helpers: words, terminal columns, and CJK patterns compiled only when text needs them."""

from __future__ import annotations

import re
import subprocess
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

import stenogram.text
from stenogram.parse import build, labels, lines, notes, reflow
from stenogram.text import columns, count_words, is_wide, words


def test_words_count_cjk_characters_one_by_one() -> None:
    assert words("Trade grew 9.5 percent; 主席：多謝") == ["Trade", "grew", "9.5", "percent", "主", "席", "多", "謝"]
    assert count_words("Kassym-Jomart Tokayev’s visit") == 3


def test_columns_count_wide_characters_twice() -> None:
    assert is_wide("主") and is_wide("：") and not is_wide("a")
    assert columns("主席 said") == 4 + 5


# Text that mixes ASCII, Latin, Cyrillic, the characters around U+3000 and the CJK blocks,
# so both sides of every WidePattern are exercised.
MIXED = st.text(
    alphabet=st.sampled_from(
        "aZ09 -'’.,:;()[]<*•#\n\t\u00a0éЖж\u2014\u2fff"
        "\u3000\u3001\u3041\u30ff\u3400\u4dc0\u4e00主席\u9fff\uac00\uf900\uff01\uffef"
    ),
    max_size=40,
)
WIDE = [
    stenogram.text.CJK_RE,
    labels._CJK,
    build._CJK,
    reflow._CJK_EDGE,
    notes.NOTE_START,
    lines._NOTE_LINE,
]


@settings(max_examples=300, deadline=None)
@given(MIXED)
def test_wide_patterns_match_as_their_whole_expression_does(text: str) -> None:
    for wide in WIDE:
        full = re.compile(wide.pattern)
        assert [m.span() for m in wide.finditer(text)] == [m.span() for m in full.finditer(text)], wide
        assert _span(wide.search(text)) == _span(full.search(text)), wide
        assert _span(wide.match(text)) == _span(full.match(text)), wide
    assert words(text) == stenogram.text.WORD_RE.findall(text)
    assert count_words(text) == len(stenogram.text.WORD_RE.findall(text))


@settings(max_examples=300, deadline=None)
@given(
    st.text(
        st.one_of(
            st.sampled_from("a\u2fff\u3000\uffff\ud800\U0001f600"), st.characters(codec=None, exclude_categories=())
        )
    ),
    st.integers(min_value=-3, max_value=50),
    st.integers(min_value=-3, max_value=50),
    st.integers(min_value=0, max_value=2),
)
def test_has_wide_answers_as_a_scan_for_characters_from_u3000_does(text: str, pos: int, end: int, pad: int) -> None:
    """``has_wide`` reads UTF-16 units in pieces; lone surrogates count as wide, as the pattern says."""
    probe = re.compile("[^\x00-\u2fff]")
    long = "é" * (stenogram.text._WIDE_PIECE * pad) + text
    for sample, a, z in (
        (text, pos, end),
        (text, 0, sys.maxsize),
        (long, 0, sys.maxsize),
        (long, pos, len(long) - end),
    ):
        assert stenogram.text.has_wide(sample, a, z) == (probe.search(sample, a, z) is not None)


def _span(m: re.Match[str] | None) -> tuple[int, int] | None:
    return None if m is None else m.span()


def test_importing_the_parser_compiles_no_cjk_class() -> None:
    """The CJK classes cost milliseconds each to compile: English text never needs them (start-up)."""
    code = (
        "import re\n"
        "from stenogram.parse import parse\n"
        "parse('Anna Petrova: Good morning.\\n(Applause.)\\nIvan Sidorov: Hello.\\n')\n"
        "wide = re.compile(r'-(?:\\\\u[3-9a-c][0-9a-f]{3}|[\\u3000-\\ud7ff])')\n"  # a range ending in the CJK blocks
        "print([k[1] for k in re._cache if isinstance(k[1], str) and k[1] != wide.pattern and wide.search(k[1])])\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
