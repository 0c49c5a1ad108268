"""The key points' redundancy check compares a candidate only with the points that share a term with it; it must
answer as the plain check against every point does."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from stenogram.analysis import points
from stenogram.analysis.keysentences import REDUNDANCY, cosine

_TERMS = st.sampled_from([f"t{k}" for k in range(12)])
_WEIGHTS = st.floats(min_value=0.0, max_value=1.0, allow_nan=False)
_VECTORS = st.dictionaries(_TERMS, _WEIGHTS, max_size=6)


@given(st.lists(_VECTORS, max_size=12), _VECTORS)
def test_repeats_answers_as_the_plain_check(picked: list[dict[str, float]], candidate: dict[str, float]) -> None:
    vectors = dict(enumerate(picked))
    near: dict[str, list[int]] = {}
    for j, v in vectors.items():
        points._index(j, v, near)
    plain = any(cosine(candidate, w) >= REDUNDANCY for w in picked)
    assert points._repeats(candidate, near, vectors) is plain


def test_a_point_with_no_vector_is_not_indexed() -> None:
    near: dict[str, list[int]] = {}
    points._index(3, None, near)
    assert near == {}
    points._index(4, {"trade": 0.8, "grain": 0.6}, near)
    assert near == {"trade": [4], "grain": [4]}
    assert points._repeats({"trade": 0.8, "grain": 0.6}, near, {4: {"trade": 0.8, "grain": 0.6}})
    assert not points._repeats({"oil": 1.0}, near, {4: {"trade": 0.8, "grain": 0.6}})
