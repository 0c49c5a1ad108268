"""Key sentences: a LexRank-style centrality ranking on a sparse similarity graph.

Sentences are IDF-weighted unit vectors of the content-word stems they use.
Comparing every pair would cost O(n²), so the graph is built from an
inverted index instead: each occurrence of a term links its sentence to the
next ``WINDOW`` sentences that use the same term, terms in more than
``COMMON`` sentences link none, and each sentence keeps its ``NEIGHBOURS``
strongest links - so the edges are bounded by a constant times the length
of the transcript. Weighted PageRank, biased towards sentences on the
transcript's themes, runs at most ``ROUNDS`` rounds; ties break by document
order, so the result is the same on every run and every machine.

The vectors, the graph and the rounds are numpy arrays (imported when a
ranking is first asked for, so nothing else pays for it). Every sum is taken
in a fixed order with :func:`numpy.bincount` or a cumulative sum, which add
one term after another as a loop would (numpy's own ``sum`` adds pairwise,
in an order that may change with the build), and logarithms are taken by
:func:`math.log`: the scores are the same to the last bit on every machine.
"""

from __future__ import annotations

import itertools
import math
import operator
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

import attrs

from stenogram.analysis.orders import stable_order as _stable_order
from stenogram.analysis.orders import unique as _unique
from stenogram.analysis.records import KeySentence
from stenogram.analysis.sentences import Sentence
from stenogram.analysis.topics import GENERIC
from stenogram.analysis.words import STOPWORDS, stem

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    Ints = npt.NDArray[np.intp]
    Floats = npt.NDArray[np.float64]

__all__ = [
    "COMMON",
    "DAMPING",
    "MIN_WORDS",
    "NEIGHBOURS",
    "WINDOW",
    "Centrality",
    "Vectors",
    "centrality",
    "cosine",
    "rank_sentences",
]

WINDOW = 8  # neighbours per term occurrence in the inverted index
COMMON = 50  # a term in more sentences than this links none
NEIGHBOURS = 10  # strongest links kept per sentence
DAMPING = 0.85
ROUNDS = 20  # at most; each round shrinks the distance to the fixed point by DAMPING, whatever the size
TOLERANCE = 1e-3  # total (L1) change of the scores, which sum to 1, at which the ranking has settled
MIN_WORDS = 8  # shorter sentences ("Thank you.") are never key
MIN_TERMS = 5  # nor are sentences with fewer distinct content words ("This was important at that time.")
MIN_TERMS_IN_GRAPH = 2  # sentences below this take no part in the ranking at all
MAX_WORDS = 80  # longer ones are run-ons a summary cannot quote
EDGE_THRESHOLD = 0.08  # cosine below this is noise
CENTROID = 40  # the stems in most sentences, taken as the transcript's themes
THEME_WEIGHT = 2.0  # prior weight of a theme stem, against 1 for any other content word
REDUNDANCY = 0.35  # a pick this similar to an earlier pick is skipped
_KEY_LIMIT = 2**62  # links are sorted by one 64-bit key while it fits, else by three keys


_VAGUE = frozenset(stem(w) for w in GENERIC)


class _Terms(dict[str, str]):
    """A word's term: its stem, or ``""`` for a stop word, a short word or a vague one (``content_stems``)."""

    def __missing__(self, word: str) -> str:
        term = stem(word) if len(word) > 2 and word not in STOPWORDS else ""
        if term in _VAGUE:
            term = ""
        if len(self) >= _TERMS_KEPT:  # a bound on what the process keeps, however many transcripts it reads
            self.clear()
        self[word] = term
        return term


_TERMS_KEPT = 1 << 17
#: Each distinct word is looked up once per process, not once per sentence (as ``stem`` keeps its results).
_TERM_OF = _Terms()


def _in_order(values: Floats) -> float:
    """The sum of ``values`` added one after another (numpy's ``sum`` adds pairwise, in a build's own order)."""
    import numpy as np

    return float(np.cumsum(values)[-1]) if len(values) else 0.0


def _interleave(a: Any, b: Any) -> Any:
    """``a[0], b[0], a[1], b[1], ...``: the two ends of each link, one after the other."""
    import numpy as np

    return np.stack((a, b), axis=1).reshape(-1)


@attrs.frozen(kw_only=True, eq=False)
class Vectors:
    """The graph's sentences as unit TF-IDF vectors, one row each, stored by rows (CSR).

    Row ``k`` holds the terms ``terms[ids[indptr[k]:indptr[k + 1]]]`` (in alphabetical order) with the weights
    ``weights[indptr[k]:indptr[k + 1]]``; a term whose IDF is not positive is left out.
    """

    terms: tuple[str, ...]
    indptr: Ints
    ids: Ints
    weights: Floats

    def __len__(self) -> int:
        return len(self.indptr) - 1

    def rows(self) -> Ints:
        """The row of every stored weight."""
        import numpy as np

        return np.repeat(np.arange(len(self)), np.diff(self.indptr))

    def row(self, k: int) -> dict[str, float]:
        """Row ``k`` as a mapping from term to weight, in alphabetical order."""
        a, b = int(self.indptr[k]), int(self.indptr[k + 1])
        return dict(zip(map(self.terms.__getitem__, self.ids[a:b].tolist()), self.weights[a:b].tolist(), strict=True))

    def overlap(self, rows: Sequence[int]) -> list[float]:
        """For every row, the sum of its weights on the terms that ``rows`` use (added in alphabetical order)."""
        import numpy as np

        used = np.zeros(len(self.terms), dtype=bool)
        for k in rows:
            used[self.ids[self.indptr[k] : self.indptr[k + 1]]] = True
        on = np.where(used[self.ids], self.weights, 0.0)  # adding 0.0 leaves a sum as it was
        return np.bincount(self.rows(), weights=on, minlength=len(self)).tolist()  # type: ignore[no-any-return]


def _pickable(text: str) -> bool:
    """Whether a sentence's length and form allow it to be picked: 8 to 80 words, not a question."""
    # Split no further than one word past the most: a longer run-on is not split whole to be left out.
    return not text.rstrip("\"'”’) ").endswith("?") and MIN_WORDS <= len(text.split(maxsplit=MAX_WORDS)) <= MAX_WORDS


def _vectors(sentences: Sequence[Sentence]) -> tuple[list[int], Vectors, list[bool]]:
    """The graph's sentences (indexes into ``sentences``), their unit TF-IDF vectors, and which may be picked.

    Every sentence's words are mapped to terms in one pass over all of them (C loops, no Python step per
    sentence); a term counts once in a sentence, as in a set, because the (sentence, term) pairs are made unique.
    """
    import numpy as np

    words = [s.words for s in sentences]
    term_of = _TERM_OF.__getitem__
    flat = list(map(term_of, itertools.chain.from_iterable(words)))  # each sentence's words' terms, in no order
    known = sorted(set(flat).difference(("",)))
    number = dict(zip(known, range(len(known)), strict=True))  # alphabetical: sorted numbers are sorted terms
    number[""] = len(known)  # no term: dropped below
    found = np.fromiter(map(number.__getitem__, flat), dtype=np.intp, count=len(flat))
    owner = np.repeat(np.arange(len(words)), np.fromiter(map(len, words), dtype=np.intp, count=len(words)))
    some = found < len(known)
    pairs, _ = _unique(owner[some] * (len(known) + 1) + found[some])  # by sentence, then alphabetical; once each
    owner, found = np.divmod(pairs, len(known) + 1)
    sizes = np.bincount(owner, minlength=len(words))
    chosen = np.flatnonzero(sizes >= MIN_TERMS_IN_GRAPH)
    # The graph's sentences only: rows numbered among them, terms among those they use.
    taking = (sizes >= MIN_TERMS_IN_GRAPH)[owner]
    owner, found = owner[taking], found[taking]
    row = np.repeat(np.arange(len(chosen)), sizes[chosen])
    used = np.zeros(len(known), dtype=bool)
    used[found] = True
    vocabulary = [t for t, u in zip(known, used.tolist(), strict=True) if u]
    ids = (np.cumsum(used) - 1)[found]
    eligible = [
        bool(size >= MIN_TERMS) and _pickable(sentences[i].text)
        for i, size in zip(chosen.tolist(), sizes[chosen].tolist(), strict=True)
    ]
    df = np.bincount(ids, minlength=len(vocabulary))
    total = len(chosen)
    counts, at = np.unique(df, return_inverse=True)
    idf = np.array([math.log((total + 1) / (d + 0.5)) for d in counts.tolist()], dtype=np.float64)[at]
    x = idf[ids]
    norm = np.sqrt(np.bincount(row, weights=x * x, minlength=total))
    norm[norm == 0.0] = 1.0
    keep = x > 0
    kept_rows = row[keep]
    indptr = np.zeros(total + 1, dtype=np.intp)
    np.cumsum(np.bincount(kept_rows, minlength=total), out=indptr[1:])
    vectors = Vectors(terms=tuple(vocabulary), indptr=indptr, ids=ids[keep], weights=(x / norm[row])[keep])
    return chosen.tolist(), vectors, eligible


def _edges(vectors: Vectors) -> tuple[Ints, Floats]:
    """Each sentence's ``NEIGHBOURS`` strongest links: the pairs ``i * n + j`` (``i < j``) and their weights.

    The links come in the order a loop over the terms (alphabetical), each term's sentences and the next
    ``WINDOW`` of them would first find and keep them: the order of the sums further on.
    """
    import numpy as np

    n = len(vectors)
    # Postings: the sentences of each term, terms in alphabetical order, sentences in document order.
    order = _stable_order(vectors.ids)
    term, sentence, weight = vectors.ids[order], vectors.rows()[order], vectors.weights[order]
    # Terms in more than COMMON sentences say little about any pair (their IDF is low) and would cost the
    # most pairs; they still count in each sentence's vector. A fixed bound keeps the cost linear.
    size = np.bincount(term, minlength=len(vectors.terms))[term]
    linking = (size >= 2) & (size <= COMMON)
    term, sentence, weight = term[linking], sentence[linking], weight[linking]
    if len(term) == 0:
        return np.zeros(0, dtype=np.intp), np.zeros(0, dtype=np.float64)
    starts = np.flatnonzero(np.r_[True, term[1:] != term[:-1]])
    ends = np.r_[starts[1:], len(term)]
    end = np.repeat(ends, np.diff(np.r_[starts, len(term)]))
    first = np.arange(len(term))[:, None]
    second = first + np.arange(1, WINDOW + 1)[None, :]
    near = second < end[:, None]
    # Row by row: in the order (term, first, second), the order in which each pair's products are added.
    a, b = np.broadcast_to(first, second.shape)[near], second[near]
    pair = sentence[a] * n + sentence[b]
    pairs, found, which = _unique(pair, inverse=True)  # a stable sort: first finds
    sims = np.bincount(which.reshape(-1), weights=weight[a] * weight[b], minlength=len(pairs))
    strong = sims >= EDGE_THRESHOLD
    seen = _stable_order(found[strong])  # in the order the pairs were first found
    pairs, sims = pairs[strong][seen], sims[strong][seen]
    # Keep each sentence's NEIGHBOURS strongest links (ties to the earlier sentence): the graph stays sparse
    # however repetitive the text. Sentences are taken in the order they first appear in a link.
    i, j = np.divmod(pairs, n)
    node, other, w = _interleave(i, j), _interleave(j, i), np.repeat(sims, 2)
    nodes, appears = _unique(node)
    turn = np.empty(n, dtype=np.intp)
    turn[nodes] = _stable_order(_stable_order(appears))
    # Sorted by (that order, strongest first, the other end) as one integer: cheaper than three sorts.
    # Each link's strength as its rank among the distinct strengths, strongest first: the links are above the
    # threshold, so positive, and positive floats order as their bit patterns do (integers a radix sort takes).
    bits = sims.view(np.int64)
    distinct, _, strength = _unique(int(bits.max()) - bits, inverse=True) if len(bits) else (bits, bits, bits)
    if n * n * (len(distinct) + 1) < _KEY_LIMIT:
        key = (turn[node] * len(distinct) + np.repeat(strength.reshape(-1), 2)) * n + other
        ranked = _stable_order(key)  # the keys are distinct: any sort gives this order
    else:
        ranked = np.lexsort((other, -w, turn[node]))
    node, other, w = node[ranked], other[ranked], w[ranked]
    group = np.flatnonzero(np.r_[True, node[1:] != node[:-1]])
    place = np.arange(len(node)) - np.repeat(group, np.diff(np.r_[group, len(node)]))
    best = place < NEIGHBOURS
    node, other, w = node[best], other[best], w[best]
    kept = np.minimum(node, other) * n + np.maximum(node, other)
    _, at = _unique(kept)
    first_kept = at[_stable_order(at)]  # each pair where it was first kept (both its ends may keep it)
    return kept[first_kept].astype(np.intp), w[first_kept].astype(np.float64)


def _pagerank(n: int, pairs: Ints, weights: Floats, prior: Floats) -> Floats:
    """Weighted PageRank on an undirected graph, iterated until it settles (or ``ROUNDS``).

    The random jump lands on sentence ``i`` with probability ``prior[i]``, so content-rich sentences
    start ahead of short remarks (a biased LexRank). ``pairs`` holds the link ``(i, j)``, ``i < j``,
    as ``i * n + j``, in the order :func:`_edges` kept them.
    """
    import numpy as np

    i, j = np.divmod(pairs, n)
    out_weight = np.bincount(_interleave(i, j), weights=np.repeat(weights, 2), minlength=n)
    # Each sentence's inflow is summed in the order of the pairs (i, j).
    order = _stable_order(pairs)  # distinct: any sort gives this order
    i, j, w = i[order], j[order], weights[order]
    target, source = _interleave(j, i), _interleave(i, j)
    share = _interleave(w / out_weight[i], w / out_weight[j])
    dangling_nodes = np.flatnonzero(out_weight == 0.0)
    score = prior
    for _ in range(ROUNDS):
        dangling = DAMPING * _in_order(score[dangling_nodes])
        jump = 1 - DAMPING + dangling
        inflow = np.bincount(target, weights=score[source] * share, minlength=n)
        new = jump * prior + DAMPING * inflow
        change = _in_order(np.abs(new - score))
        score = new
        if change < TOLERANCE:
            break
    return score


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    products: Iterator[float] = map(operator.mul, a.values(), map(b.get, a, itertools.repeat(0.0)))
    return sum(products)  # in the order of ``a``


def _prior(vectors: Vectors) -> Floats:
    """Where the random jump lands: sentences with many content words, and with the transcript's own themes.

    The themes are the ``CENTROID`` stems used in most sentences (MEAD's centroid, in a set): a sentence
    about what the meeting keeps coming back to outranks an aside that happens to be well connected.
    """
    import numpy as np

    df = np.bincount(vectors.ids, minlength=len(vectors.terms))
    used = np.flatnonzero(df)
    centroid = np.zeros(len(df), dtype=bool)
    centroid[used[np.lexsort((used, -df[used]))[:CENTROID]]] = True  # most sentences first, then alphabetical
    themes = np.bincount(vectors.rows(), weights=centroid[vectors.ids], minlength=len(vectors))
    return np.minimum(np.diff(vectors.indptr), 15) + THEME_WEIGHT * themes  # type: ignore[no-any-return]


@attrs.frozen(kw_only=True)
class Centrality:
    """Every sentence's centrality: ``score[i]`` for ``sentences[graph[i]]``; row ``i`` of ``vectors`` its unit
    TF-IDF vector."""

    graph: tuple[int, ...]
    score: tuple[float, ...]
    vectors: Vectors | None = attrs.field(eq=False)
    eligible: tuple[bool, ...]

    def vector(self, k: int) -> dict[str, float]:
        """The unit TF-IDF vector of ``sentences[graph[k]]``."""
        return self.vectors.row(k) if self.vectors is not None else {}


def centrality(sentences: Sequence[Sentence]) -> Centrality:
    """The biased LexRank score of every sentence with content enough to take part."""
    chosen, vectors, eligible = _vectors(sentences)
    if not chosen:
        return Centrality(graph=(), score=(), vectors=None, eligible=())
    weights = _prior(vectors)
    prior = weights / (float(weights.sum()) or 1.0)  # whole numbers: their sum is exact in any order
    scores = _pagerank(len(chosen), *_edges(vectors), prior)
    return Centrality(graph=tuple(chosen), score=tuple(scores.tolist()), vectors=vectors, eligible=tuple(eligible))


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    """The similarity of two unit vectors."""
    return _cosine(a, b)


def rank_sentences(sentences: Sequence[Sentence], limit: int) -> list[KeySentence]:
    """The ``limit`` most central sentences, best first, near-duplicates of better ones left out."""
    if limit <= 0:
        return []
    c = centrality(sentences)
    if not any(c.eligible):
        return []
    order = sorted(
        (k for k in range(len(c.graph)) if c.eligible[k]), key=lambda k: (-round(c.score[k], 12), c.graph[k])
    )
    picked: list[int] = []
    vector: dict[int, dict[str, float]] = {}
    for k in order:
        if len(picked) >= limit:
            break
        vector[k] = c.vector(k)
        if all(_cosine(vector[k], vector[p]) < REDUNDANCY for p in picked):
            picked.append(k)
    top = c.score[order[0]]
    return [
        KeySentence(
            text=sentences[c.graph[k]].text,
            score=round(c.score[k] / top, 6),
            rank=rank,
            location=sentences[c.graph[k]].location,
        )
        for rank, k in enumerate(picked, start=1)
    ]
