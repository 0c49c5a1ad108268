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
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence

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


@functools.lru_cache(maxsize=1 << 16)
def _keep(words: tuple[str, ...]) -> bool:
    """Whether an n-gram of content words can be a topic: not all generic, not ending in a verb form, no
    word longer than ``MAX_WORD`` (a URL or a run of letters is no key phrase, and finding one compiled a
    pattern of its size: a 2 MB word took 18 s and 180 MB)."""
    if (
        any(len(w) > MAX_WORD for w in words)
        or all(w in GENERIC for w in words)
        or _is_verbish(words[-1])
        or words[0].endswith("ly")
    ):
        return False
    if len(words) == 1:
        return not words[0].endswith(_ADJECTIVE_ENDINGS)
    return not (words[0] in GENERIC and words[-1] in GENERIC)


_CACHED_RUN = 64  # runs up to this many words have their spans remembered; a longer one's are made as read


def _ngrams(length: int) -> Iterable[tuple[int, int]]:
    """The spans of the n-grams (up to ``MAX_LEN`` words) of a run of ``length`` words: by start, then length.

    A run of 400,000 content words (a paragraph with no stop word) has 1.2 million spans: made one at a time,
    not kept.
    """
    return _cached_ngrams(length) if length <= _CACHED_RUN else _spans(length)


@functools.lru_cache(maxsize=_CACHED_RUN + 1)
def _cached_ngrams(length: int) -> tuple[tuple[int, int], ...]:
    return tuple(_spans(length))


def _spans(length: int) -> Iterator[tuple[int, int]]:
    return ((i, i + n) for i in range(length) for n in range(1, min(MAX_LEN, length - i) + 1))


def _find(text: str, words: tuple[str, ...]) -> tuple[int, int] | None:
    """The span of the first occurrence of ``words`` in ``text``, as whole words, in any case."""
    pattern = r"(?<![^\W\d_])" + r"\s+".join(map(re.escape, words)) + r"(?![^\W\d_])"
    m = re.search(pattern, text, re.IGNORECASE)
    return m.span() if m else None


def find_topics(
    units: Sequence[Unit], limit: int, vocabulary: set[str] | None = None, tokens: Sequence[list[str]] | None = None
) -> list[Topic]:
    """The ``limit`` best key phrases, best first; ties go to the phrase that came first.

    ``vocabulary`` is :func:`~stenogram.analysis.words.lower_case_vocabulary` of the units and ``tokens`` their
    :func:`~stenogram.analysis.words.tokens_of`, when the caller has them already.
    """
    if limit <= 0:
        return []
    texts = [unit.text.replace("’", "'") for unit in units]
    if tokens is None:
        tokens = tokens_of(unit.text for unit in units)
    # Words printed in lower case somewhere: a name never is, so names are not topics.
    common = vocabulary_of(tokens) if vocabulary is None else vocabulary
    skip = STOPWORDS | VERBS
    # The runs of content words, in text order, with the unit each stands in.
    runs: list[tuple[str, ...]] = []
    run_units: list[int] = []
    content = {w for w in common if len(w) > 2} - skip
    for ui, (text, printed) in enumerate(zip(texts, tokens, strict=True)):
        # The words and the breaks between them (a break never holds a word's character), in lower case; the
        # runs are the stretches of content words.
        for is_content, group in itertools.groupby(lowered_tokens(text, printed), content.__contains__):
            if is_content:
                runs.append(tuple(group))
                run_units.append(ui)
    # Each distinct run is cut into n-grams once and counts as often as it occurs. Taken in order of first
    # occurrence, the n-grams meet the counters in the same order as a pass over every occurrence would.
    first_unit = dict(zip(reversed(runs), reversed(run_units), strict=True))  # the earliest occurrence wins
    # Plain dicts: a Counter calls a Python method for every key it has not seen.
    counts: dict[tuple[str, ...], int] = {}
    stem_freq: dict[str, int] = {}
    first: dict[tuple[str, ...], tuple[int, tuple[str, ...]]] = {}  # the unit it first occurs in
    keep: dict[tuple[str, ...], bool] = {}
    for whole, times in Counter(runs).items():
        ui = first_unit[whole]
        if len(whole) == 1:  # half the runs: one word, its one n-gram the run itself (the same steps, fewer slices)
            s = stem(whole[0])
            stem_freq[s] = stem_freq.get(s, 0) + times
            ok = keep.get(whole)
            if ok is None:
                ok = keep[whole] = _keep(whole)
            if ok:
                one: tuple[str, ...] = (s,)
                counts[one] = counts.get(one, 0) + times
                if one not in first:
                    first[one] = (ui, whole)
            continue
        stems = tuple(map(stem, whole))
        for s in stems:
            stem_freq[s] = stem_freq.get(s, 0) + times
        for a, b in _ngrams(len(whole)):
            words = whole[a:b]
            ok = keep.get(words)
            if ok is None:
                ok = keep[words] = _keep(words)
            if ok:
                key = stems[a:b]
                counts[key] = counts.get(key, 0) + times
                if key not in first:
                    first[key] = (ui, words)
    scored = []
    generic = {stem(g) for g in GENERIC}
    for key, count in counts.items():
        if count < 2 and len(units) > 3:
            continue
        specific = [w for w in key if w not in generic] or list(key)
        topical = sum(math.log(stem_freq[w]) for w in specific) / len(specific)
        scored.append((count * topical * (1 + 0.5 * (len(key) - 1)), key))
    scored.sort(key=lambda x: (-round(x[0], 9), first[x[1]][0]))
    out: list[Topic] = []
    taken: list[tuple[str, ...]] = []
    for score, key in scored:
        if len(out) >= limit:
            break
        count = counts[key]
        # A phrase inside a better one, said hardly more often on its own, adds nothing; nor does a longer
        # phrase around a better one said as often.
        if any(_contains(t, key) and 2 * counts[t] >= count for t in taken):
            continue
        if any(_contains(key, t) and counts[t] <= count for t in taken):
            continue
        ui, words = first[key]
        span = _find(texts[ui], words)
        if span is None:
            continue
        taken.append(key)
        unit, (start, end) = units[ui], span
        out.append(
            Topic(
                phrase=" ".join(words),
                text=unit.text[start:end],
                score=round(score, 6),
                count=count,
                location=unit.location(start, end),
            )
        )
    return out
