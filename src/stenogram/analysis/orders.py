"""Stable orders of integer arrays in linear time: what the ranking and the topics sort by.

numpy sorts integers of 16 bits stably by radix; wider ones it sorts by merging, in n log n. Both modules sort
keys built from positions and ids, and need equal keys kept in the order they came (the first occurrence wins),
so the orders here are stable and the same on every machine.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    Ints = npt.NDArray[np.intp]

__all__ = ["stable_order", "unique"]

_DIGIT_BITS = 16  # numpy sorts integers of 16 bits stably by radix, in linear time; wider ones by merging


def stable_order(a: Ints) -> Ints:
    """``np.argsort(a, kind="stable")`` for non-negative integers, found faster: one stable radix pass per 16-bit
    digit, lowest digit first (a least-significant-digit radix sort), so equal values keep their order as well."""
    import numpy as np

    if len(a) == 0 or int(a.min()) < 0:
        return np.argsort(a, kind="stable")
    top = int(a.max())
    order: Ints | None = None
    shift = 0
    while True:
        digits = ((a if order is None else a[order]) >> shift) & 0xFFFF
        step = np.argsort(digits.astype(np.uint16), kind="stable")
        order = step if order is None else order[step]
        shift += _DIGIT_BITS
        if top >> shift == 0:
            return order


def unique(a: Ints, *, inverse: bool = False) -> tuple[Ints, ...]:
    """``np.unique(a, return_index=True, return_inverse=inverse)`` for non-negative integers, by
    :func:`stable_order` (``np.unique`` sorts by merging to find each value's first index: the same order, found
    in linear time)."""
    import numpy as np

    perm = stable_order(a)
    aux = a[perm]
    mask = np.empty(len(aux), dtype=bool)
    mask[:1] = True
    np.not_equal(aux[1:], aux[:-1], out=mask[1:])
    if not inverse:
        return aux[mask], perm[mask]
    where = np.empty(len(a), dtype=np.intp)
    where[perm] = np.cumsum(mask) - 1
    return aux[mask], perm[mask], where
