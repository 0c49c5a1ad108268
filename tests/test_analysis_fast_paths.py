"""Each faster path of the analysis finds exactly what the plainer code it replaced found.

The summary of a long meeting must be quick, and its output must not change for it: every rewritten pattern
or loop is checked here against the original, kept verbatim as the reference, on generated text that mixes
meeting vocabulary with the characters that make regular expressions and case folding differ (``İ``, ``ı``,
``ſ``, ``Σ``, the Kelvin sign, curly apostrophes, dashes, digits, CJK).
"""

from __future__ import annotations

import re

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from stenogram.analysis import keysentences, mentions, words

_PIECES = str.split(
    "We we I our the The parties will shall must agreed decided by before until no later than this next in end of "
    "year May June July 4 19 2021-2025 1990s $25 billion 9.5 percent per cent % a third two thirds by half "
    "four meetings the fourth time 30th anniversary twenty-one Mr Mr. Dr. J. U.S. e.g. Anna Petrova "
    "Kassym-Jomart Tokayev’s Sochi Ministry of Foreign Affairs Trade and Industry United States Senate RIA "
    "Novosti INNOPROM İstanbul ıs ſo ΟΔΟΣ Σ K dollars euros roubles 中国 贸易。 ’ ' - – — , . ; : ( ) ? ! “ ” _ "
    "\u00a0 \n"
)
_SEPARATORS = st.sampled_from([" ", " ", "", "  ", "\u00a0", "\n", "-", "’", "."])
TEXTS = st.one_of(
    st.lists(st.tuples(st.sampled_from(_PIECES), _SEPARATORS), max_size=40).map(
        lambda pairs: "".join(w + s for w, s in pairs)
    ),
    st.text(max_size=80),
)

# -- mentions: the capitalised runs ----------------------------------------------------------------------------

_OLD_RUN = re.compile(
    rf"(?<![A-Za-zÀ-ÖØ-öø-ÿ’'\-.]){mentions._CAPITAL_WORD}"
    rf"(?:[ \u00a0](?:(?:of|for|the|de|von|van|der|on|and)[ \u00a0])?{mentions._CAPITAL_WORD})*+"
)


@settings(max_examples=300)
@given(TEXTS)
def test_capitalised_runs_as_with_the_look_behind_first(text: str) -> None:
    assert [m.span() for m in mentions._RUN.finditer(text)] == [m.span() for m in _OLD_RUN.finditer(text)]


# -- words: the lower-case vocabulary --------------------------------------------------------------------------


@settings(max_examples=200)
@given(st.lists(TEXTS, max_size=5))
def test_vocabulary_as_with_a_set_comprehension(texts: list[str]) -> None:
    tokens = words.tokens_of(texts)
    assert words.vocabulary_of(tokens) == {t for ts in tokens for t in ts if t.islower()}


# -- centrality: sorting by radix ------------------------------------------------------------------------------

_SIZES = st.sampled_from([1 << 4, 1 << 16, (1 << 16) + 1, 1 << 33, 1 << 50])


@settings(max_examples=200)
@given(_SIZES.flatmap(lambda top: st.lists(st.integers(0, top), max_size=300)))
def test_stable_order_and_unique_as_numpy(values: list[int]) -> None:
    a = np.array(values, dtype=np.intp)
    assert keysentences._stable_order(a).tolist() == np.argsort(a, kind="stable").tolist()
    expected = np.unique(a, return_index=True, return_inverse=True)
    got = keysentences._unique(a, inverse=True)
    assert [x.reshape(-1).tolist() for x in got] == [x.reshape(-1).tolist() for x in expected]
    assert [x.tolist() for x in keysentences._unique(a)] == [x.tolist() for x in expected[:2]]
