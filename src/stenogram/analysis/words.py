"""Word tables and the light normalisation the rankings share.

No stemmer library and no downloaded stop list: a short English stop list
and a suffix stripper are enough to tell which sentences talk about the same
things, and they behave the same on every machine.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterable

__all__ = [
    "STOPWORDS",
    "TOKENS",
    "WORDS_AND_BREAKS",
    "content_stems",
    "letter_runs",
    "lower_case_vocabulary",
    "lowered_tokens",
    "stem",
    "table",
    "tokens_of",
    "vocabulary_of",
]


def table(text: str) -> frozenset[str]:
    """A word table written as one string of white-space separated words."""
    return frozenset(text.split())


STOPWORDS = table(
    """a about above across after again against all almost also although always am among an and another any anybody
    anyone anything are aren't around as at be became because become been before being below between both but by can
    cannot could couldn't did didn't do does doesn't doing don't done down during each either else enough even ever
    every everybody everyone everything few for from further get gets getting given go goes going gone got had hadn't
    has hasn't have haven't having he he'd he'll he's her here here's hers herself him himself his how however i i'd
    i'll i'm i've if in indeed into is isn't it it's its itself just least less let let's like likely made make makes
    making many may maybe me might mine more most much must mustn't my myself need needs neither never no nobody none
    nor not nothing now of off often on once one ones only onto or other others otherwise ought our ours ourselves out
    over own per perhaps please quite rather really said same say says see seem seems shall shan't she she'd she'll
    she's should shouldn't since so some somebody someone something sometimes still such than that that's the their
    theirs them themselves then there there's therefore these they they'd they'll they're they've thing things this
    those though through thus to together too toward towards under until up upon us very via was wasn't way we we'd
    we'll we're we've well were weren't what what's whatever when where whether which while who who's whom whose why
    will with within without won't would wouldn't yes yet you you'd you'll you're you've your yours yourself
    yourselves thank thanks lot ahead course sure okay ok mr mrs ms dr colleagues friends ladies gentlemen good
    want know think believe mean tell told ask asked go come came look take took put give gave also already"""
)

# Letters with inner apostrophes or hyphens; digits are not words.
_WORDS = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")

#: A word (as ``_WORDS``), or what ends a run of words: punctuation, a dash between spaces, a number. A break holds
#: no letter, so the words this finds are the ones ``_WORDS`` finds, in the same order.
TOKENS = re.compile(rf"{_WORDS.pattern}|[^\w\s’'\-]+|\s[-–—]\s|\d+")

#: ``TOKENS`` with the word as its one group: ``findall`` gives each word, and ``""`` for each break (punctuation,
#: a spaced dash, a number), which is never lower case nor a content word, so it stands for the break wherever
#: only the words and where runs of them end matter (the vocabulary, the topics, the letter runs).
#: Its repeats are possessive: none of them gives back a character for what follows, so the tokens are the same.
#: Each match takes one white space character before its token (a search restarted at every space costs a
#: quarter of the scan), and a spaced hyphen is a hyphen with white space either side: the same words and the
#: same breaks between them, though in ``a - - b`` each hyphen is a break (``TOKENS`` finds one).
WORDS_AND_BREAKS = re.compile(r"\s?+(?:([^\W\d_]++(?:['’\-][^\W\d_]++)*+)|[^\w\s’'\-]++|(?<=\s)-(?=\s)|\d++)")
_NO_RUNS: frozenset[str] = frozenset()

# Longest first; the stem must keep at least three letters.
_SUFFIXES = (
    "ational",
    "ations",
    "ation",
    "ments",
    "ment",
    "ities",
    "ity",
    "ings",
    "ing",
    "ies",
    "ied",
    "ed",
    "es",
    "s",
)


@functools.lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """A crude English stem: ``cooperation``/``cooperate`` -> ``cooper``; stable, not linguistic."""
    w = word.lower().replace("’", "'")
    if len(w) <= 4 or not w.isalpha():
        return w
    for suffix in _SUFFIXES:
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            w = w[: -len(suffix)]
            break
    if w.endswith("e") and len(w) > 4:
        w = w[:-1]
    return w


def lower_case_vocabulary(texts: Iterable[str]) -> set[str]:
    """Every word the texts print in lower case somewhere (apostrophes straightened).

    A word a transcript never prints in lower case is a name; one it also prints in lower case is a
    common word, even when it stands capitalised in "White House".
    """
    # One scan of all the texts: no word runs across the line break that joins them.
    return set(filter(str.islower, _WORDS.findall("\n".join(texts).replace("’", "'"))))


def tokens_of(texts: Iterable[str]) -> list[list[str]]:
    """Each text's ``TOKENS`` as printed (apostrophes straightened): one scan serves the vocabulary and the topics."""
    return [TOKENS.findall(text.replace("’", "'")) for text in texts]


def vocabulary_of(tokens: Iterable[list[str]]) -> set[str]:
    """:func:`lower_case_vocabulary` from :func:`tokens_of` (a break holds no letter, so it is never lower case)."""
    # One C loop over every token into a set, then the test on each distinct word only (a word recurs ten times).
    return set(filter(str.islower, set(itertools.chain.from_iterable(tokens))))


def lowered_tokens(text: str, tokens: list[str]) -> list[str]:
    """``TOKENS.findall(text.lower())`` from the tokens of ``text`` (apostrophes straightened), without a second scan.

    Lower case keeps every token's bounds except where ``İ`` becomes ``i`` and a combining dot, and only a capital
    sigma lower-cases by what stands beside it: a text with either is scanned again. Joined by line breaks, the
    tokens lower-case in one call; a break holding a line break splits into parts that are breaks too, so the runs
    of words are the same.
    """
    if "İ" in text or "Σ" in text:
        return TOKENS.findall(text.replace("’", "'").lower())
    return "\n".join(tokens).lower().split("\n")


def letter_runs(found: list[str]) -> frozenset[str]:
    """The runs of letters, in lower case, of a text whose :data:`WORDS_AND_BREAKS` are ``found``.

    Every letter stands in a word, and a word's runs are its parts between apostrophes and hyphens. Lower case is
    taken of the words joined by line breaks, which gives each word's part of the whole text's lower case unless
    the text holds ``İ`` (which lower-cases to two characters, one not a letter) or ``Σ`` (which lower-cases by
    what stands beside it): the caller reads such a text as :func:`lower_case_vocabulary` would.
    """
    joined = "\n".join(filter(None, found))  # the words: a break is ""
    return frozenset(joined.lower().replace("'", "\n").replace("-", "\n").split("\n")) if joined else _NO_RUNS


def content_stems(words: Iterable[str]) -> set[str]:
    """The stems of the lower-case ``words`` that carry meaning: stop words and words of two letters dropped."""
    return {stem(w) for w in words if len(w) > 2 and w not in STOPWORDS}
