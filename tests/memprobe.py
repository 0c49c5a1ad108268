"""Memory as a child process sees it: for the hostile tests and ``benchmarks/bench_hostile.py`` alike.

Peak resident memory comes from ``VmHWM`` in ``/proc/self/status``, which
sees libxml2's memory (``tracemalloc`` does not) and, unlike ``ru_maxrss``,
does not start from the parent's peak; ``reset_peak()`` starts it again, so
that building a case's input does not count. ``deep_mb()`` is what an object
graph holds: take ``peak_mb()`` first, the walk needs memory of its own.
"""

from __future__ import annotations

import gc
import sys

__all__ = ["deep_mb", "peak_mb", "reset_peak", "rss_mb"]


def _status_mb(field: str) -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        return next(int(line.split()[1]) for line in status if line.startswith(field)) / 1024


def rss_mb() -> float:
    """Resident memory now, in MB."""
    return _status_mb("VmRSS:")


def reset_peak() -> float:
    """Start ``VmHWM`` again from the resident memory now, which it returns (MB)."""
    with open("/proc/self/clear_refs", "w", encoding="ascii") as fh:
        fh.write("5")
    return rss_mb()


def peak_mb() -> float:
    """The highest resident memory since the start or the last ``reset_peak()``, in MB."""
    return _status_mb("VmHWM:")


def deep_mb(obj: object) -> float:
    """What an object graph holds, in MB: every object reached once, by ``sys.getsizeof``."""
    seen: set[int] = set()
    stack, total = [obj], 0
    while stack:
        o = stack.pop()
        if id(o) in seen or o is None or isinstance(o, (bool, type)):
            continue
        seen.add(id(o))
        total += sys.getsizeof(o)
        if not isinstance(o, (str, bytes, int, float)):
            stack.extend(gc.get_referents(o))
    return total / 2**20
