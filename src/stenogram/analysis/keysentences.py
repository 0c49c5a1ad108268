"""Key sentences: a LexRank-style centrality ranking on a sparse similarity graph.

Sentences are TF-IDF vectors of content-word stems. Comparing every pair
would cost O(n²), so the graph is built from an inverted index instead: each
occurrence of a term links its sentence to the next ``WINDOW`` sentences that
use the same term, which bounds the edges by ``WINDOW`` times the number of
term occurrences - linear in the length of the transcript. Weighted PageRank
runs a fixed number of rounds on that graph; ties break by document order,
so the result is the same on every run and every machine.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

from stenogram.analysis.records import KeySentence
from stenogram.analysis.sentences import Sentence
from stenogram.analysis.words import content_terms
from stenogram.text import count_words

__all__ = ["DAMPING", "MIN_WORDS", "WINDOW", "rank_sentences"]

WINDOW = 12  # neighbours per term occurrence in the inverted index
DAMPING = 0.85
ROUNDS = 40
MIN_WORDS = 6  # shorter sentences ("Thank you.") are never key
MAX_WORDS = 80  # longer ones are run-ons a summary cannot quote
EDGE_THRESHOLD = 0.08  # cosine below this is noise
REDUNDANCY = 0.5  # a pick this similar to an earlier pick is skipped


def _vectors(sentences: Sequence[Sentence]) -> tuple[list[int], list[dict[str, float]]]:
    """The candidate sentences (their indexes into ``sentences``) and their unit TF-IDF vectors."""
    chosen: list[int] = []
    counts: list[Counter[str]] = []
    for i, s in enumerate(sentences):
        n = count_words(s.text)
        if MIN_WORDS <= n <= MAX_WORDS:
            terms = Counter(content_terms(s.text))
            if terms:
                chosen.append(i)
                counts.append(terms)
    df: Counter[str] = Counter()
    for c in counts:
        df.update(c.keys())
    total = len(counts)
    vectors = []
    for c in counts:
        v = {t: (1 + math.log(k)) * math.log((total + 1) / (df[t] + 0.5)) for t, k in c.items()}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        vectors.append({t: x / norm for t, x in v.items() if x > 0})
    return chosen, vectors


def _edges(vectors: Sequence[dict[str, float]]) -> dict[tuple[int, int], float]:
    postings: dict[str, list[int]] = {}
    for i, v in enumerate(vectors):
        for t in v:
            postings.setdefault(t, []).append(i)
    sims: dict[tuple[int, int], float] = {}
    for t in sorted(postings):
        plist = postings[t]
        for k, i in enumerate(plist):
            wi = vectors[i][t]
            for j in plist[k + 1 : k + 1 + WINDOW]:
                key = (i, j)
                sims[key] = sims.get(key, 0.0) + wi * vectors[j][t]
    return {k: w for k, w in sims.items() if w >= EDGE_THRESHOLD}


def _pagerank(n: int, edges: dict[tuple[int, int], float]) -> list[float]:
    out_weight = [0.0] * n
    incoming: list[list[tuple[int, float]]] = [[] for _ in range(n)]
    for (i, j), w in sorted(edges.items()):
        out_weight[i] += w
        out_weight[j] += w
        incoming[j].append((i, w))
        incoming[i].append((j, w))
    score = [1.0 / n] * n
    base = (1 - DAMPING) / n
    for _ in range(ROUNDS):
        dangling = sum(score[i] for i in range(n) if out_weight[i] == 0.0) / n
        score = [
            base + DAMPING * (dangling + sum(score[j] * w / out_weight[j] for j, w in incoming[i])) for i in range(n)
        ]
    return score


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(x * b.get(t, 0.0) for t, x in a.items())


def rank_sentences(sentences: Sequence[Sentence], limit: int) -> list[KeySentence]:
    """The ``limit`` most central sentences, best first, near-duplicates of better ones left out."""
    if limit <= 0:
        return []
    chosen, vectors = _vectors(sentences)
    if not chosen:
        return []
    scores = _pagerank(len(chosen), _edges(vectors))
    order = sorted(range(len(chosen)), key=lambda k: (-round(scores[k], 12), chosen[k]))
    picked: list[int] = []
    for k in order:
        if len(picked) >= limit:
            break
        if all(_cosine(vectors[k], vectors[p]) < REDUNDANCY for p in picked):
            picked.append(k)
    top = max(scores)
    return [
        KeySentence(
            text=sentences[chosen[k]].text,
            score=round(scores[k] / top, 6),
            rank=rank,
            location=sentences[chosen[k]].location,
        )
        for rank, k in enumerate(picked, start=1)
    ]
