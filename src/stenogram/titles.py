"""One title for a transcript, so every exporter heads an untitled meeting the same way."""

from __future__ import annotations

from stenogram.model import Transcript

__all__ = ["title_of"]

# A "name" made only of these words is a role (THE PRESIDENT, Moderator), not someone to name a meeting after.
_ROLE_WORDS = frozenset(
    """the mr mr. ms ms. mrs mrs. madam president chair chairman chairwoman moderator speaker host
    interviewer reporter question answer audience member voice""".split()
)


def title_of(transcript: Transcript) -> str:
    """The meeting's title; else who spoke ("Meeting of A and B", "Remarks by A"); else "Transcript"."""
    title = (transcript.meeting.title or "").strip()
    if title:
        return title
    spoke = {turn.speaker for turn in transcript.turns}
    named = [
        p.name.strip()
        for p in transcript.participants
        if p.id in spoke
        and not p.anonymous
        and p.name.strip()
        and not all(w in _ROLE_WORDS for w in p.name.casefold().split())
    ]
    if not named:
        return "Transcript"
    if len(named) == 1:
        return f"Remarks by {named[0]}"
    if len(named) > 3:
        named = [*named[:2], f"{len(named) - 2} others"]
    return "Meeting of " + ", ".join(named[:-1]) + " and " + named[-1]
