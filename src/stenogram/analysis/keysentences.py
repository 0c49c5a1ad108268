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
"""

from __future__ import annotations

import math
import operator
from collections import Counter
from collections.abc import Sequence

import attrs

from stenogram.analysis.records import KeySentence
from stenogram.analysis.sentences import Sentence
from stenogram.analysis.topics import GENERIC
from stenogram.analysis.words import STOPWORDS, stem

__all__ = [
    "COMMON",
    "DAMPING",
    "MIN_WORDS",
    "NEIGHBOURS",
    "WINDOW",
    "Centrality",
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


_VAGUE = frozenset(stem(w) for w in GENERIC)


class _Terms(dict[str, str]):
    """A word's term: its stem, or ``""`` for a stop word, a short word or a vague one (``content_stems``)."""

    def __missing__(self, word: str) -> str:
        term = stem(word) if len(word) > 2 and word not in STOPWORDS else ""
        if term in _VAGUE:
            term = ""
        self[word] = term
        return term


def sorted_terms(terms_of: Sequence[set[str]]) -> list[list[str]]:
    """Each sentence's terms in a fixed order, so float sums never depend on set order."""
    return [sorted(terms) for terms in terms_of]


def _vectors(sentences: Sequence[Sentence]) -> tuple[list[int], list[dict[str, float]], list[bool]]:
    """The graph's sentences (indexes into ``sentences``), their unit TF-IDF vectors, and which may be picked."""
    chosen: list[int] = []
    terms_of: list[set[str]] = []
    eligible: list[bool] = []
    term_of = _Terms()  # each distinct word is looked up once, not once per sentence
    for i, s in enumerate(sentences):
        terms = set(map(term_of.__getitem__, s.words))  # a set: in a sentence, a term counts once
        terms.discard("")
        if len(terms) < MIN_TERMS_IN_GRAPH:
            continue
        text = s.text
        n = len(text.split())
        chosen.append(i)
        terms_of.append(terms)
        question = text.rstrip("\"'”’) ").endswith("?")
        eligible.append(MIN_WORDS <= n <= MAX_WORDS and len(terms) >= MIN_TERMS and not question)
    df: Counter[str] = Counter()
    for terms in terms_of:
        df.update(terms)
    total = len(terms_of)
    idf = {t: math.log((total + 1) / (d + 0.5)) for t, d in df.items()}  # once per term, not per use
    vectors = []
    for ordered in sorted_terms(terms_of):
        v = {t: idf[t] for t in ordered}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        vectors.append({t: x / norm for t, x in v.items() if x > 0})
    return chosen, vectors, eligible


def _edges(vectors: Sequence[dict[str, float]]) -> dict[int, float]:
    """Each sentence's ``NEIGHBOURS`` strongest links, keyed by the pair ``i * n + j`` (``i < j``)."""
    postings: dict[str, list[int]] = {}
    for i, v in enumerate(vectors):
        for t in v:
            postings.setdefault(t, []).append(i)
    # Terms in more than COMMON sentences say little about any pair (their IDF is low) and would cost the
    # most pairs; they still count in each sentence's vector. A fixed bound keeps the cost linear.
    # A pair (i, j), i < j, is the integer i * n + j: cheaper to hash than a tuple.
    n = len(vectors)
    sims: dict[int, float] = {}
    get = sims.get
    for t in sorted(postings):  # terms in a fixed order: each pair's sum adds its terms in that order
        plist = postings[t]
        size = len(plist)
        if size < 2 or size > COMMON:
            continue
        weights = [vectors[i][t] for i in plist]
        # Pairs in the order (term, first, second): the order of the links decides float sums further on.
        for k in range(size - 1):
            wi = weights[k]
            base = plist[k] * n
            for j, wj in zip(plist[k + 1 : k + 1 + WINDOW], weights[k + 1 : k + 1 + WINDOW], strict=True):
                pair = base + j
                sims[pair] = get(pair, 0.0) + wi * wj
    # Keep each sentence's NEIGHBOURS strongest links: the graph stays sparse however repetitive the text.
    best: dict[int, list[tuple[float, int]]] = {}
    for pair, w in sims.items():
        if w >= EDGE_THRESHOLD:
            i, j = divmod(pair, n)
            best.setdefault(i, []).append((-w, j))
            best.setdefault(j, []).append((-w, i))
    kept: dict[int, float] = {}
    for i, links in best.items():
        links.sort()
        for negative_w, j in links[:NEIGHBOURS]:
            kept[i * n + j if i < j else j * n + i] = -negative_w
    return kept


def _pagerank(n: int, edges: dict[int, float], prior: Sequence[float]) -> list[float]:
    """Weighted PageRank on an undirected graph, iterated until it settles (or ``ROUNDS``).

    The random jump lands on sentence ``i`` with probability ``prior[i]``, so content-rich sentences
    start ahead of short remarks (a biased LexRank). ``edges`` holds the pair ``(i, j)``, ``i < j``,
    as ``i * n + j``.
    """
    out_weight = [0.0] * n
    for pair, w in edges.items():  # in the order _edges found them: float sums depend on it
        i, j = divmod(pair, n)
        out_weight[i] += w
        out_weight[j] += w
    pairs = sorted(edges)  # the order of (i, j): each sentence's inflow is summed in that order
    # For each sentence: the sentences linked to it, and the share of their weight that flows to it,
    # laid end to end so that a round is one pass over flat lists, then one sum per sentence.
    sources: list[list[int]] = [[] for _ in range(n)]
    shares: list[list[float]] = [[] for _ in range(n)]
    for pair in pairs:
        i, j = divmod(pair, n)
        w = edges[pair]
        sources[j].append(i)
        shares[j].append(w / out_weight[i])
        sources[i].append(j)
        shares[i].append(w / out_weight[j])
    flat_sources = [i for src in sources for i in src]
    flat_shares = [x for sh in shares for x in sh]
    segments: list[slice] = []
    start = 0
    for src in sources:
        segments.append(slice(start, start + len(src)))
        start += len(src)
    dangling_nodes = [i for i in range(n) if out_weight[i] == 0.0]
    score = list(prior)
    mul = operator.mul
    for _ in range(ROUNDS):
        dangling = DAMPING * sum(score[i] for i in dangling_nodes)
        jump = 1 - DAMPING + dangling
        flow = list(map(mul, map(score.__getitem__, flat_sources), flat_shares))
        inflow = map(sum, map(flow.__getitem__, segments))
        new = [jump * p + DAMPING * s for p, s in zip(prior, inflow, strict=True)]
        change = sum(map(abs, map(operator.sub, new, score)))
        score = new
        if change < TOLERANCE:
            break
    return score


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(x * b.get(t, 0.0) for t, x in a.items())


def _prior(vectors: Sequence[dict[str, float]]) -> list[float]:
    """Where the random jump lands: sentences with many content words, and with the transcript's own themes.

    The themes are the ``CENTROID`` stems used in most sentences (MEAD's centroid, in a set): a sentence
    about what the meeting keeps coming back to outranks an aside that happens to be well connected.
    """
    df: Counter[str] = Counter()
    for v in vectors:
        df.update(v.keys())
    centroid = {t for t, _ in sorted(df.items(), key=lambda item: (-item[1], item[0]))[:CENTROID]}
    return [min(len(v), 15) + THEME_WEIGHT * len(centroid.intersection(v)) for v in vectors]


@attrs.frozen(kw_only=True)
class Centrality:
    """Every sentence's centrality: ``score[i]`` for ``sentences[graph[i]]``; ``vector[i]`` its unit TF-IDF vector."""

    graph: tuple[int, ...]
    score: tuple[float, ...]
    vector: tuple[dict[str, float], ...]
    eligible: tuple[bool, ...]


def centrality(sentences: Sequence[Sentence]) -> Centrality:
    """The biased LexRank score of every sentence with content enough to take part."""
    chosen, vectors, eligible = _vectors(sentences)
    if not chosen:
        return Centrality(graph=(), score=(), vector=(), eligible=())
    weights = _prior(vectors)
    total = sum(weights) or 1.0
    scores = _pagerank(len(chosen), _edges(vectors), [w / total for w in weights])
    return Centrality(graph=tuple(chosen), score=tuple(scores), vector=tuple(vectors), eligible=tuple(eligible))


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
    for k in order:
        if len(picked) >= limit:
            break
        if all(_cosine(c.vector[k], c.vector[p]) < REDUNDANCY for p in picked):
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
