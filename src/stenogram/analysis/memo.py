"""What the analysis and the digest of one transcript both ask, answered once.

``analyse`` and ``digest`` (which the summary and the briefing call one after the other on the same transcript)
both want its chair and its language; each answer takes a pass over every turn. A function wrapped here keeps its
last answer with a weak reference to the transcript it was for, and gives it again when asked about that same
object (``is``, not ``==``: a frozen transcript never changes, and comparing two would cost a pass itself).
"""

from __future__ import annotations

import functools
import weakref
from collections.abc import Callable
from typing import TypeVar

from stenogram.model import Transcript

__all__ = ["per_transcript"]

R = TypeVar("R")


def per_transcript(fn: Callable[[Transcript], R]) -> Callable[[Transcript], R]:
    """``fn`` remembering its answer for the last transcript object it was given (thread-safe: one entry, swapped
    whole; the transcript is not kept alive by it)."""
    last: list[tuple[weakref.ref[Transcript], R]] = []

    @functools.wraps(fn)
    def remembered(transcript: Transcript) -> R:
        entry = last[0] if last else None
        if entry is not None and entry[0]() is transcript:
            return entry[1]
        answer = fn(transcript)
        try:
            ref = weakref.ref(transcript)
        except TypeError:  # an object that takes no weak reference is not remembered
            return answer
        if last:
            last[0] = (ref, answer)
        else:
            last.append((ref, answer))
        return answer

    return remembered
