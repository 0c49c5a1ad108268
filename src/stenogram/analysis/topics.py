"""Key phrases: the content-word runs a transcript keeps coming back to.

A candidate is a run of up to ``MAX_LEN`` content words between stop words
and punctuation (RAKE's candidates). Its score is how often it occurs times
how topical its words are (the log frequency of each word's stem across the
transcript), so ``bilateral trade`` said five times outranks a word said
once. Phrases are grouped by their stems, so ``relation``/``relations`` is
one topic.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence

import attrs

from stenogram.analysis.records import Topic
from stenogram.analysis.sentences import Unit
from stenogram.analysis.words import STOPWORDS, TOKEN_RE, stem, table

__all__ = ["GENERIC", "MAX_LEN", "find_topics"]

MAX_LEN = 3
#: Content words too vague to be a topic on their own.
GENERIC = table(
    """year years time times today day days way ways issue issues question questions lot number level levels thing
    things example part side sides area areas point points fact case cases place kind sort work people percent
    important necessary possible new great big large good main major well also just like able sure certain
    different particular various whole entire current recent next last first second third today's now moment
    period term terms respect regard regards view word words everything something yesterday tomorrow"""
)
_BREAK = re.compile(r"[^\w\s’'\-]|\s[-–—]\s")


@attrs.frozen(kw_only=True)
class _Occurrence:
    unit: Unit
    start: int
    end: int
    words: tuple[str, ...]


def _candidates(unit: Unit) -> list[_Occurrence]:
    out: list[_Occurrence] = []
    text = unit.text
    pieces = [0, *(x for m in _BREAK.finditer(text) for x in m.span()), len(text)]
    for a, b in zip(pieces[::2], pieces[1::2], strict=False):
        run: list[re.Match[str]] = []
        for m in [*TOKEN_RE.finditer(text, a, b), None]:
            word = m.group().lower().replace("’", "'") if m is not None else ""
            if m is not None and len(word) > 2 and word not in STOPWORDS and not _is_verbish(word):
                run.append(m)
                continue
            if run:
                run = run[-MAX_LEN:]
                words = tuple(x.group().lower() for x in run)
                if not all(w in GENERIC for w in words):
                    out.append(_Occurrence(unit=unit, start=run[0].start(), end=run[-1].end(), words=words))
            run = []
    return out


def _is_verbish(word: str) -> bool:
    return word.endswith(("ed", "ly")) and len(word) > 4


def find_topics(units: Sequence[Unit], limit: int) -> list[Topic]:
    """The ``limit`` best key phrases, best first; ties go to the phrase that came first."""
    if limit <= 0:
        return []
    occurrences = [o for unit in units for o in _candidates(unit)]
    stem_freq: Counter[str] = Counter(stem(w) for o in occurrences for w in o.words)
    groups: dict[tuple[str, ...], list[_Occurrence]] = {}
    for o in occurrences:
        groups.setdefault(tuple(stem(w) for w in o.words), []).append(o)
    scored = []
    for key, occ in groups.items():
        words = [w for w in key if w not in {stem(g) for g in GENERIC}] or list(key)
        topical = sum(math.log(stem_freq[w]) for w in words) / len(words)
        score = len(occ) * topical * (1 + 0.5 * (len(key) - 1))
        if len(occ) > 1 or len(units) <= 3:
            scored.append((score, occ[0], key))
    scored.sort(key=lambda x: (-round(x[0], 9), x[1].unit.turn, x[1].unit.paragraph, x[1].start))
    out: list[Topic] = []
    taken: list[tuple[str, ...]] = []
    for score, first, key in scored:
        if len(out) >= limit:
            break
        # A word already inside a better multi-word topic adds nothing on its own.
        if len(key) == 1 and any(key[0] in t for t in taken):
            continue
        taken.append(key)
        count = len(groups[key])
        out.append(
            Topic(
                phrase=" ".join(first.words),
                text=first.unit.text[first.start : first.end],
                score=round(score, 6),
                count=count,
                location=first.unit.location(first.start, first.end),
            )
        )
    return out
