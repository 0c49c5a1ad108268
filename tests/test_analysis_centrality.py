"""The array ranking against its definition: plain dictionaries and loops, summed in the same order.

The centrality runs on numpy arrays; this file keeps the plain-Python graph
and PageRank it replaced, so that the arrays are checked to give the same
links and the same scores to the last bit, on the seed, on long real
conferences and on generated transcripts.
"""

from __future__ import annotations

import math
import operator
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from repo_shared import needs_shared, shared

import stenogram
from stenogram import Paragraph, Participant, Transcript, Turn
from stenogram.analysis import keysentences as ks
from stenogram.analysis.sentences import Sentence, sentences_of, units_of

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_cc7df8760118afc5.txt"
CONFERENCES = ("2012-12-20_news-conference.txt", "2017-12-14_annual-news-conference.txt")


def reference_vectors(sentences: Sequence[Sentence]) -> tuple[list[int], list[dict[str, float]]]:
    chosen: list[int] = []
    terms_of: list[set[str]] = []
    term_of = ks._Terms()
    for i, s in enumerate(sentences):
        terms = set(map(term_of.__getitem__, s.words))
        terms.discard("")
        if len(terms) >= ks.MIN_TERMS_IN_GRAPH:
            chosen.append(i)
            terms_of.append(terms)
    df: Counter[str] = Counter()
    for terms in terms_of:
        df.update(terms)
    idf = {t: math.log((len(terms_of) + 1) / (d + 0.5)) for t, d in df.items()}
    vectors = []
    for terms in terms_of:
        v = {t: idf[t] for t in sorted(terms)}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        vectors.append({t: x / norm for t, x in v.items() if x > 0})
    return chosen, vectors


def reference_edges(vectors: Sequence[dict[str, float]]) -> dict[int, float]:
    postings: dict[str, list[int]] = {}
    for i, v in enumerate(vectors):
        for t in v:
            postings.setdefault(t, []).append(i)
    n = len(vectors)
    sims: dict[int, float] = {}
    for t in sorted(postings):
        plist = postings[t]
        if not 2 <= len(plist) <= ks.COMMON:
            continue
        for k in range(len(plist) - 1):
            for j in plist[k + 1 : k + 1 + ks.WINDOW]:
                pair = plist[k] * n + j
                sims[pair] = sims.get(pair, 0.0) + vectors[plist[k]][t] * vectors[j][t]
    best: dict[int, list[tuple[float, int]]] = {}
    for pair, w in sims.items():
        if w >= ks.EDGE_THRESHOLD:
            i, j = divmod(pair, n)
            best.setdefault(i, []).append((-w, j))
            best.setdefault(j, []).append((-w, i))
    kept: dict[int, float] = {}
    for i, links in best.items():
        for negative_w, j in sorted(links)[: ks.NEIGHBOURS]:
            kept[min(i, j) * n + max(i, j)] = -negative_w
    return kept


def in_order(values: Sequence[float]) -> float:
    total = 0.0
    for x in values:  # one after another, as a loop adds (Python 3.12's sum() compensates)
        total += x
    return total


def reference_scores(vectors: Sequence[dict[str, float]]) -> list[float]:
    df: Counter[str] = Counter()
    for v in vectors:
        df.update(v.keys())
    centroid = {t for t, _ in sorted(df.items(), key=lambda item: (-item[1], item[0]))[: ks.CENTROID]}
    weights = [min(len(v), 15) + ks.THEME_WEIGHT * len(centroid.intersection(v)) for v in vectors]
    prior = [w / (in_order(weights) or 1.0) for w in weights]
    edges = reference_edges(vectors)
    n = len(vectors)
    out_weight = [0.0] * n
    for pair, w in edges.items():
        i, j = divmod(pair, n)
        out_weight[i] += w
        out_weight[j] += w
    inflow_of: list[list[tuple[int, float]]] = [[] for _ in range(n)]
    for pair in sorted(edges):
        i, j = divmod(pair, n)
        inflow_of[j].append((i, edges[pair] / out_weight[i]))
        inflow_of[i].append((j, edges[pair] / out_weight[j]))
    score = list(prior)
    for _ in range(ks.ROUNDS):
        dangling = ks.DAMPING * in_order([score[i] for i in range(n) if out_weight[i] == 0.0])
        jump = 1 - ks.DAMPING + dangling
        new = [jump * p + ks.DAMPING * in_order([score[s] * x for s, x in inflow_of[k]]) for k, p in enumerate(prior)]
        change = in_order(list(map(abs, map(operator.sub, new, score))))
        score = new
        if change < ks.TOLERANCE:
            break
    return score


def check_same(sentences: Sequence[Sentence]) -> None:
    chosen, vectors = reference_vectors(sentences)
    c = ks.centrality(sentences)
    assert list(c.graph) == chosen
    assert [c.vector(k) for k in range(len(chosen))] == vectors
    if chosen:
        assert c.vectors is not None
        pairs, weights = ks._edges(c.vectors)
        assert dict(zip(pairs.tolist(), weights.tolist(), strict=True)) == reference_edges(vectors)
        assert list(pairs.tolist()) == list(reference_edges(vectors))  # the order of the sums too
    assert list(c.score) == reference_scores(vectors)  # to the last bit


def test_seed_scores_are_the_reference_scores() -> None:
    check_same(sentences_of(units_of(stenogram.parse_file(SEED))))


@pytest.mark.parametrize("name", CONFERENCES)
@needs_shared("corpus", "kremlin_en")
def test_conference_scores_are_the_reference_scores(name: str) -> None:
    path = shared("corpus", "kremlin_en", name)
    sentences = sentences_of(units_of(stenogram.parse_file(path)))
    assert len(sentences) > 1000
    check_same(sentences)


_VOCABULARY = str.split(
    "trade trade grew bilateral cooperation energy gas pipeline budget budget deficit the a of and we will agreed "
    "Russia Kazakhstan investment investment projects railway station bridge river northern city percent billion"
)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.lists(st.sampled_from(_VOCABULARY), min_size=0, max_size=14).map(lambda ws: " ".join(ws).capitalize() + "."),
        min_size=0,
        max_size=60,
    )
)
def test_generated_scores_are_the_reference_scores(said: list[str]) -> None:
    """Small vocabularies make many equal weights and repeated sentences: ties in every sort."""
    t = Transcript(
        participants=(Participant(id="a", name="A"),),
        body=tuple(Turn(speaker="a", label="A", content=(Paragraph(text=p),)) for p in said if p.strip(". ")),
    )
    check_same(sentences_of(units_of(t)))


def test_three_key_sort_of_links_is_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    """A graph too large for one 64-bit sort key sorts its links by three keys: the same links, same order."""
    sentences = sentences_of(units_of(stenogram.parse_file(SEED)))
    expected = ks.centrality(sentences)
    monkeypatch.setattr(ks, "_KEY_LIMIT", 0)
    assert ks.centrality(sentences).score == expected.score
    check_same(sentences)
