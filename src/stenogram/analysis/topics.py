"""Key phrases: the content-word runs a transcript keeps coming back to.

A candidate is a run of up to ``MAX_LEN`` content words between stop words
and punctuation (RAKE's candidates). Its score is how often it occurs times
how topical its words are (the log frequency of each word's stem across the
transcript), so ``bilateral trade`` said five times outranks a word said
once. Phrases are grouped by their stems, so ``relation``/``relations`` is
one topic.
"""

from __future__ import annotations

import functools
import itertools
import math
import re
from collections.abc import Sequence
from typing import Any

from stenogram.analysis.orders import stable_order, unique
from stenogram.analysis.records import Topic
from stenogram.analysis.sentences import Unit
from stenogram.analysis.words import STOPWORDS, lowered_tokens, stem, table, tokens_of, vocabulary_of

__all__ = ["GENERIC", "MAX_LEN", "VERBS", "find_topics"]

MAX_LEN = 3
#: Characters in the longest word a topic may hold (the longest English words run to about 30).
MAX_WORD = 60
#: Content words too vague to be a topic on their own.
GENERIC = table(
    """year years time times today day days way ways issue issues question questions lot number level levels thing
    things example part side sides area areas point points fact case cases place kind sort work people percent
    important necessary possible new great big large good main major well also just like able sure certain
    different particular various whole entire current recent next last first second third today's now moment
    period term terms respect regard regards view word words everything something yesterday tomorrow billion million
    trillion thousand hundred end beginning start continue meeting meetings increase topic topics colleague sir madam
    right yes okay one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty sixty
    seventy eighty ninety dozen dozens hundreds thousands millions billions minute minutes second seconds back
    forward tonight morning afternoon evening folks guys everybody everyone anything lots bit yeah applause laughter
    long far near throughout better best bad little wrong ready happy similar difficult higher open use hope help talk
    call stop pay answer move care minus northern modern foreign secure hard away rid can't don't won't"""
)
VERBS = table(
    """held made said took gave met saw got went came left felt kept told found brought thought seen known given taken
    done become began begun show shows showed shown let set seek seeks sought affirm affirms note notes pass passes
    died dies condemn condemns hear hears heard discuss discusses come comes expect expects happen happens happened
    worry worries understand understands interfere interferes read reads achieve achieves fought remember remembers
    relate relates build builds deliver delivers produce produces spoken provide provides ensure ensures agree agrees
    continues want wants think thinks know knows believe believes tell tells ask asks try tries get gets go goes make
    makes take takes say says feel feels wait meet meets give gives send sends mention mentions find finds keep keeps
    speak speaks"""
)

_ADJECTIVE_ENDINGS = ("al", "ic", "ive", "ous", "ful", "ible", "able", "ian", "ary", "ese", "ish", "ent", "ant")
_NOUNS_IN_ING = table("meeting meetings building buildings funding training financing spending housing hearing")


def _is_verbish(word: str) -> bool:
    return word.endswith(("ed", "ly", "ing")) and len(word) > 4 and word not in _NOUNS_IN_ING


def _contains(outer: tuple[str, ...], inner: tuple[str, ...]) -> bool:
    n = len(inner)
    return len(outer) > n and any(outer[i : i + n] == inner for i in range(len(outer) - n + 1))


# What a word brings to the test of an n-gram (in ``find_topics``), as bits: one look-up per distinct word, not
# per n-gram.
_LONG, _GENERIC, _VERBISH, _ADVERB, _ADJECTIVE = 1, 2, 4, 8, 16


@functools.lru_cache(maxsize=1 << 16)
def _flags(word: str) -> int:
    """The bits of ``word`` (in lower case): longer than ``MAX_WORD`` (a URL or a run of letters is no key phrase,
    and finding one compiled a pattern of its size: a 2 MB word took 18 s and 180 MB), generic, a verb form, an
    adverb in ``-ly``, an adjective by its ending."""
    return (
        _LONG * (len(word) > MAX_WORD)
        | _GENERIC * (word in GENERIC)
        | _VERBISH * _is_verbish(word)
        | _ADVERB * word.endswith("ly")
        | _ADJECTIVE * word.endswith(_ADJECTIVE_ENDINGS)
    )


def _find(text: str, words: tuple[str, ...]) -> tuple[int, int] | None:
    """The span of the first occurrence of ``words`` in ``text``, as whole words, in any case."""
    pattern = r"(?<![^\W\d_])" + r"\s+".join(map(re.escape, words)) + r"(?![^\W\d_])"
    m = re.search(pattern, text, re.IGNORECASE)
    return m.span() if m else None


_BLOCK = 1 << 16  # tokens lower-cased at a time: their strings are let go once numbered


def _numbered(texts: Sequence[str], tokens: Sequence[list[str]], number: dict[str, int]) -> tuple[Any, list[int], bool]:
    """Each token's number in ``number`` (-1 if none), unit after unit, how many tokens each unit has, and whether
    the units were read one by one.

    Blocks of tokens joined by line breaks lower-case in one call each, and their strings are let go once
    numbered (a paragraph of 400,000 words holds no list of them). Unless a token holds a line break (a break of
    ``TOKENS``: its parts would be counted apart) or a text lower-cases by context (see
    :func:`~stenogram.analysis.words.lowered_tokens`): then unit by unit, as that function reads them.
    """
    import numpy as np

    lengths = list(map(len, tokens))
    parts: list[Any] = []
    by_unit = any("İ" in text or "Σ" in text for text in texts)
    if not by_unit:
        stream = itertools.chain.from_iterable(tokens)
        while block := list(itertools.islice(stream, _BLOCK)):
            lowered = "\n".join(block).lower().split("\n")
            if len(lowered) != len(block):
                by_unit = True
                break
            parts.append(np.fromiter(map(number.get, lowered, itertools.repeat(-1)), dtype=np.int32, count=len(block)))
    if by_unit:
        parts, lengths = [], []
        for text, printed in zip(texts, tokens, strict=True):
            lowered = lowered_tokens(text, printed)
            lengths.append(len(lowered))
            parts.append(
                np.fromiter(map(number.get, lowered, itertools.repeat(-1)), dtype=np.int32, count=len(lowered))
            )
    return (np.concatenate(parts) if parts else np.zeros(0, dtype=np.int32)), lengths, by_unit


def find_topics(
    units: Sequence[Unit], limit: int, vocabulary: set[str] | None = None, tokens: Sequence[list[str]] | None = None
) -> list[Topic]:
    """The ``limit`` best key phrases, best first; ties go to the phrase that came first.

    ``vocabulary`` is :func:`~stenogram.analysis.words.lower_case_vocabulary` of the units and ``tokens`` their
    :func:`~stenogram.analysis.words.tokens_of`, when the caller has them already.

    Every n-gram of every run is found, tested and counted at once in arrays (a paragraph of 400,000 content words
    has 1.2 million of them): each word a number, each n-gram a number made from the shorter one's and its last
    stem. An n-gram's first occurrence is where a reading (by start, then length) first meets it: the order in
    which phrases come to the ranking, so ties break as they would in a loop. Only the phrases said at least twice
    are then scored one by one.
    """
    if limit <= 0:
        return []
    import numpy as np

    texts = [unit.text.replace("’", "'") for unit in units]
    if tokens is None:
        tokens = tokens_of(unit.text for unit in units)
    # Words printed in lower case somewhere: a name never is, so names are not topics.
    common = vocabulary_of(tokens) if vocabulary is None else vocabulary
    content = [w for w in common.difference(STOPWORDS, VERBS) if len(w) > 2]
    if not content:
        return []
    stemmed = list(map(stem, content))
    stem_names = list(dict.fromkeys(stemmed))
    stem_number = dict(zip(stem_names, range(len(stem_names)), strict=True))
    # The tokens (words and the breaks between them) in lower case, unit after unit, as numbers: each content
    # word's, -1 for any other token. The runs are the stretches of content words within a unit.
    word, lengths, by_unit = _numbered(texts, tokens, dict(zip(content, range(len(content)), strict=True)))
    size = len(word)
    is_word = word >= 0
    clipped = np.maximum(word, 0)
    del word
    s = np.where(is_word, np.fromiter(map(stem_number.__getitem__, stemmed), dtype=np.int32)[clipped], 0)
    f = np.where(is_word, np.fromiter(map(_flags, content), dtype=np.int8)[clipped], 0)
    del clipped
    freq = np.bincount(s[is_word], minlength=len(stem_names)).tolist()  # every stem's count: how topical it is
    ends = np.cumsum(lengths)

    def ahead(a: Any, k: int, fill: Any) -> Any:
        """``a`` read ``k`` places on: ``ahead(a, k)[p] == a[p + k]``, ``fill`` past the end."""
        out = np.full(size, fill, dtype=a.dtype)
        out[: max(0, size - k)] = a[k:]
        return out

    # Whether the word at p + 1 continues the run of the word at p (not past its unit's end).
    link = is_word & ahead(is_word, 1, False)
    link[ends[ends < size] - 1] = False
    valid, long, last = is_word, (f & _LONG) != 0, f
    first_generic, adverb = (f & _GENERIC) != 0, (f & _ADVERB) != 0
    code = s
    firsts, times = [], []
    for n in range(1, MAX_LEN + 1):
        if n > 1:
            previous = code
            valid = valid & ahead(link, n - 2, False)
            last = ahead(f, n - 1, 0)
            long = long | ((last & _LONG) != 0)
            # The n-gram's number: its first n - 1 stems' number and its last stem, made dense again.
            at = np.flatnonzero(valid)
            code = np.full(size, -1, dtype=np.int32)
            if len(at):
                code[at] = unique(previous[at].astype(np.intp) * len(stem_names) + s[at + n - 1], inverse=True)[2]
        ends_badly = (last & _GENERIC) != 0 if n > 1 else (last & _ADJECTIVE) != 0
        kept = (
            valid
            & ~long
            & ((last & _VERBISH) == 0)
            & ~adverb
            & ~(first_generic & ends_badly if n > 1 else first_generic | ends_badly)
        )
        where = np.flatnonzero(kept)
        found = code[where]
        distinct, first = unique(found)
        firsts.append(where[first] * MAX_LEN + (n - 1))  # its place in a reading by start, then length
        times.append(np.bincount(found, minlength=int(distinct[-1]) + 1 if len(distinct) else 0)[distinct])
    del link, valid, long, last, code
    order = stable_order(np.concatenate(firsts))  # the n-grams in the order a reading first meets them
    counts = np.concatenate(times)[order]
    said = counts >= 2 if len(units) > 3 else counts >= 0
    start, length = np.divmod(np.concatenate(firsts)[order][said], MAX_LEN)
    # Each phrase's stems, column by column (past the end of the text: any stem, cut off by its length).
    columns = [s[np.minimum(start + k, size - 1)].tolist() for k in range(MAX_LEN)]
    logs = [math.log(x) if x else 0.0 for x in freq]
    generic = {stem_number[g] for g in map(stem, GENERIC) if g in stem_number}
    unit_at = np.searchsorted(ends, start, side="right").tolist()
    scored = []
    phrase: dict[tuple[str, ...], tuple[int, int, int]] = {}  # its count, first unit and first token
    rows = zip(counts[said].tolist(), start.tolist(), (length + 1).tolist(), unit_at, strict=True)
    for (count, at_token, n, ui), *column in zip(rows, *columns, strict=True):
        ids = column[:n]
        key = tuple(map(stem_names.__getitem__, ids))
        phrase[key] = (count, ui, at_token)
        specific = [i for i in ids if i not in generic] or ids
        topical = sum(logs[i] for i in specific) / len(specific)
        scored.append((count * topical * (1 + 0.5 * (n - 1)), key))
    scored.sort(key=lambda x: (-round(x[0], 9), phrase[x[1]][1]))
    out: list[Topic] = []
    taken: list[tuple[str, ...]] = []
    read: dict[int, list[str]] = {}  # a unit's lower-cased tokens, where it was read whole
    for score, key in scored:
        if len(out) >= limit:
            break
        count, ui, at_token = phrase[key]
        # A phrase inside a better one, said hardly more often on its own, adds nothing; nor does a longer
        # phrase around a better one said as often.
        if any(_contains(t, key) and 2 * phrase[t][0] >= count for t in taken):
            continue
        if any(_contains(key, t) and phrase[t][0] <= count for t in taken):
            continue
        k = at_token - (int(ends[ui - 1]) if ui else 0)
        if by_unit:
            if ui not in read:
                read[ui] = lowered_tokens(texts[ui], tokens[ui])
            lowered = read[ui]
            words = tuple(lowered[k : k + len(key)])
        else:  # a token lower-cases alone as in the block it was read in
            words = tuple(w.lower() for w in tokens[ui][k : k + len(key)])
        span = _find(texts[ui], words)
        if span is None:
            continue
        taken.append(key)
        unit, (begin, end) = units[ui], span
        out.append(
            Topic(
                phrase=" ".join(words),
                text=unit.text[begin:end],
                score=round(score, 6),
                count=count,
                location=unit.location(begin, end),
            )
        )
    return out
