"""Each faster path of the analysis finds exactly what the plainer code it replaced found.

The summary of a long meeting must be quick, and its output must not change for it: every rewritten pattern
or loop is checked here against the original, kept verbatim as the reference, on generated text that mixes
meeting vocabulary with the characters that make regular expressions and case folding differ (``İ``, ``ı``,
``ſ``, ``Σ``, the Kelvin sign, curly apostrophes, dashes, digits, CJK).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
from hypothesis import example, given, settings
from hypothesis import strategies as st

from stenogram.analysis import figures, keysentences, mentions, sentences, stats, topics, words
from stenogram.analysis.numbers import CURRENCY_WORDS, DENOMINATORS, MONTHS, ORDINAL_WORDS
from stenogram.analysis.sentences import Unit, sentences_of, split_units

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


# -- figures: which patterns can match a sentence --------------------------------------------------------------


_OLD_NEEDS = (  # the original table: a digit, or one of the words as a substring
    (True, ()),
    (False, tuple(CURRENCY_WORDS)),
    (False, ("%", "per")),
    *((False, tuple(MONTHS)),),
    *((True, tuple(MONTHS)),) * 3,
    *((False, tuple(MONTHS)),) * 2,
    *((True, ()),) * 3,
    (False, tuple(DENOMINATORS)),
    (False, ("half",)),
    (True, ()),
    (False, tuple(ORDINAL_WORDS)),
    (False, ()),
)


def _old_patterns_for(text: str, start: int, end: int) -> list[int]:
    """The original test: each pattern's words looked for as substrings of the lower-case segment."""
    segment = text[start:end]
    low = segment.lower()
    if not segment.isascii():
        low = low.replace("ı", "i").replace("ſ", "s")
    digit = re.search(r"\d", segment) is not None
    out = []
    for k, (needs_digit, needed) in enumerate(_OLD_NEEDS):
        if needs_digit and not digit:
            continue
        if needed and not any(w in low for w in needed):
            continue
        out.append(k)
    if not digit and not any(w in low for w in figures._NUMBER_WORDS):
        out = [k for k in out if k not in (1, 16)]
    return out


def _matches(text: str, start: int, end: int, indexes: Sequence[int]) -> list[tuple[int, int, int]]:
    """What each pattern finds that its builder keeps ("the first time" is a match, but no figure)."""
    return [
        (k, *m.span())
        for k in indexes
        for m in figures._PATTERNS[k][1].finditer(text, start, end)
        if figures._TRIALS[k][1](m, 2012) is not None
    ]


_FIGURE_PIECES = _PIECES + str.split(
    "US dollars DOLLARS Dollars rubles yuan per percentage points 5% 1,500 3-5 from to between and since "
    "twenty-first first fifth fifths quarter a half one third SEPTEMBER September september mid- early late 5th 21st "
    "US$ $ € ₽ 12 1999 2024 20 1990s the 1980's 2021-25 "
    "the this last year 1981 ſeptember dollarſ thırd Kelvin é dollarsé Ñ 5é"
)
_FIGURE_TEXTS = st.lists(st.tuples(st.sampled_from(_FIGURE_PIECES), _SEPARATORS), max_size=30).map(
    lambda pairs: "".join(w + s for w, s in pairs)
)


@settings(max_examples=400)
@given(st.one_of(_FIGURE_TEXTS, TEXTS))
@example("The first time, the twenty-first century. Our First Lady: the first 5 people.")
def test_figure_patterns_tried_find_what_the_substring_test_found(text: str) -> None:
    units = [Unit(speaker="a", turn=0, paragraph=0, text=text)]
    for s in sentences_of(units):
        new = figures._patterns_for(text, s.start, s.end, s.words)
        old = _old_patterns_for(text, s.start, s.end)
        assert set(new) <= set(old)  # the new test only leaves out more patterns ...
        assert _matches(text, s.start, s.end, new) == _matches(text, s.start, s.end, old)  # ... that match nothing


# -- sentences: their letter runs and the units' words read in one scan ----------------------------------------

_LETTERS = re.compile(r"[^\W\d_]+")
_UNIT_TEXTS = st.one_of(
    TEXTS,
    st.lists(
        st.tuples(st.sampled_from([*_PIECES, "U.S.", "No. 5", "Mr. Smith", "end.", "Yes!", "Why?"]), _SEPARATORS)
    ).map(lambda pairs: "".join(w + s for w, s in pairs)),
)


@settings(max_examples=400)
@given(st.lists(_UNIT_TEXTS, min_size=1, max_size=4))
@example(["We - - "])
def test_sentences_and_words_as_read_apart(texts: list[str]) -> None:
    units = [Unit(speaker="a", turn=k, paragraph=0, text=text) for k, text in enumerate(texts)]
    sentences, found = split_units(units)
    for s in sentences:
        assert s.words == frozenset(_LETTERS.findall(s.text.lower()))
    for unit, tokens in zip(units, found, strict=True):
        printed = words.TOKENS.findall(unit.text.replace("’", "'"))
        # A break as "" (breaks in a row as one: a run of spaced hyphens may count apart, see WORDS_AND_BREAKS).
        assert _one_break_each(tokens) == _one_break_each([t if words._WORDS.fullmatch(t) else "" for t in printed])
    assert words.vocabulary_of(found) == words.vocabulary_of(words.tokens_of(texts))
    assert topics.find_topics(units, 10, tokens=found) == topics.find_topics(units, 10)


@settings(max_examples=120)
@given(TEXTS)
def test_previous_word_read_backwards_as_forwards(text: str) -> None:
    for cut in range(len(text) + 1):
        stretch = text[max(0, cut - 40) : cut]
        found = mentions._PREVIOUS_WORD.search(stretch)
        assert mentions._previous_word(stretch) == (found.group(1) if found else "")


@settings(max_examples=300)
@given(st.one_of(TEXTS, st.lists(st.sampled_from(["w", " ", "  ", "\n", "?", "”"]), max_size=200).map("".join)))
def test_pickable_as_with_a_whole_split(text: str) -> None:
    whole = keysentences.MIN_WORDS <= len(text.split()) <= keysentences.MAX_WORDS
    assert keysentences._pickable(text) == (whole and not text.rstrip("\"'”’) ").endswith("?"))


def _one_break_each(tokens: list[str]) -> list[str]:
    return [t for k, t in enumerate(tokens) if t or k == 0 or tokens[k - 1]]


@settings(max_examples=300)
@given(
    st.one_of(
        TEXTS,
        st.lists(st.sampled_from(["a", "b", " ", "  ", "-", "–", " - ", "'", "1", "."]), max_size=40).map("".join),
    )
)
def test_possessive_patterns_as_greedy(text: str) -> None:
    greedy_words = re.compile(rf"({words._WORDS.pattern})|[^\w\s’'\-]+|\s[-–—]\s|\d+")
    # The same words, and a break between two words wherever the plain pattern has one (breaks in a row as one).
    assert _one_break_each(words.WORDS_AND_BREAKS.findall(text)) == _one_break_each(greedy_words.findall(text))
    assert stats._PLAIN_WORD_RE.findall(text) == re.findall(r"\w+(?:['’\-.,]\w+)*", text)


@settings(max_examples=300)
@given(st.one_of(TEXTS, st.lists(st.sampled_from(["a", ".", "\n", " ", "1", "é"]), max_size=30).map("".join)))
def test_last_word_read_backwards_as_searched(text: str) -> None:
    found = sentences._LAST_WORD.search(text)
    assert sentences._last_word(text) == (found.group(1) if found else "")


def _old_tokens(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """The original: the words found in place, in the whole text from ``start`` to ``end``."""
    out = []
    for m in mentions._TOKEN.finditer(text, start, end):
        s, e = m.span()
        word = m.group()
        while word.endswith(".") and word not in mentions.HONORIFICS and not mentions._INITIAL.fullmatch(word):
            word, e = word[:-1], e - 1
        while word and word[-1] in "-'’":
            word, e = word[:-1], e - 1
        if word[-2:] in ("'s", "’s") and len(word) > 2:
            word, e = word[:-2], e - 2
        if word:
            out.append((s, e, word))
    return out


@settings(max_examples=300)
@given(TEXTS)
def test_name_tokens_read_apart_as_in_place(text: str) -> None:
    for m in mentions._RUN.finditer(text):
        got = [(m.start() + t.start, m.start() + t.end, t.text) for t in mentions._remembered_layout(m.group()).tokens]
        assert got == _old_tokens(text, m.start(), m.end())
    assert len(stats._PLAIN_WORD_ENDS.findall(text)) == len(stats._PLAIN_WORD_RE.findall(text))


def _old_excerpt(text: str, start: int, end: int) -> str:
    """The original clause cut: the cuts by generator, the clause's words counted on a copy, then matched again."""
    cuts = [m.span() for m in figures._CLAUSE_BREAK.finditer(text) if m.end() <= start or m.start() >= end]
    bounds = [(0, 0), *cuts, (len(text), len(text))]
    i = max(k for k, (_, e) in enumerate(bounds) if e <= start)
    j = min(k for k, (s, _) in enumerate(bounds) if s >= end)
    low, high = figures.EXCERPT_MIN_WORDS, figures.EXCERPT_MAX_WORDS
    while len(figures._WORD.findall(text[bounds[i][1] : bounds[j][0]])) < low and (i > 0 or j < len(bounds) - 1):
        if j < len(bounds) - 1:
            j += 1
        else:
            i -= 1
    a, b = bounds[i][1], bounds[j][0]
    words = list(figures._WORD.finditer(text, a, b))
    if len(words) > high:
        at = next(k for k, w in enumerate(words) if w.end() > start)
        lo = max(0, min(at - high // 2, len(words) - high))
        hi = lo + high
        a2 = words[lo].start() if lo > 0 else a
        b2 = words[hi - 1].end() if hi < len(words) else b
        out = figures._balanced(text[min(a2, start) : max(b2, end)].strip(" ,;:."))
        return ("…" if lo > 0 else "") + out + ("…" if hi < len(words) else "")
    return figures._balanced(text[a:b].strip(" ,;:.–—-"))


@settings(max_examples=300)
@given(st.one_of(_FIGURE_TEXTS, TEXTS), st.data())
def test_excerpt_as_before(text: str, data: st.DataObject) -> None:
    if not text:
        return
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    assert figures._excerpt(text, start, end) == _old_excerpt(text, start, end)
