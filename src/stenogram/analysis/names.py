"""Display names: a participant printed by surname, shown with the full name and role the transcript gives.

A White House briefing labels its speaker ``MS. JEAN-PIERRE`` while its title
names ``Press Secretary Karine Jean-Pierre``: a reader wants the latter. The
name is looked up where a transcript introduces people (title, occasion,
preamble, every label printed for the participant); the words before it that
are titles (``Press Secretary``) become the role when the participant has none.
"""

from __future__ import annotations

import re

import attrs

from stenogram.lexicon import TITLES, is_title
from stenogram.model import Paragraph, Transcript
from stenogram.titles import title_of

__all__ = ["FULLER_MAX", "ROLE_WORDS", "Speaker", "display_names"]

#: Words that make up a role printed before a name ("Press Secretary", "Deputy Minister"): the shared
#: lexicon's titles and honorifics, and the words that join them into an office.
ROLE_WORDS = TITLES | frozenset(
    """press secretary deputy minister president vice prime chancellor governor senator ambassador admiral general
    coordinator director adviser advisor spokesperson spokesman spokeswoman chair chairman chairwoman commissioner
    representative mayor premier foreign defence defense national security first lady cabinet chief executive
    under assistant special envoy state the of for and hon honourable right dr mr mrs ms mme prof professor
    lieutenant colonel captain commander sir dame lord lady senior""".split()
)
_CAPITALISED = r"[A-ZÀ-ÖØ-Þ][\w.'’-]*"
#: One-word names looked up in full, in the order of the participants: each lookup compiles a pattern, and a
#: record of 20,000 one-word speakers took seconds; past this many, a name is shown as printed.
FULLER_MAX = 500


@attrs.frozen(kw_only=True)
class Speaker:
    """How a participant is shown: ``name`` in full where the transcript gives it, ``role`` when known."""

    id: str
    name: str
    role: str | None = None

    @property
    def shown(self) -> str:
        """``Karine Jean-Pierre, Press Secretary``."""
        return f"{self.name}, {self.role}" if self.role else self.name


def _is_role(word: str) -> bool:
    return word.lower().strip(".,") in ROLE_WORDS or is_title(word)


def _introductions(transcript: Transcript) -> list[str]:
    m = transcript.meeting
    texts = [title_of(transcript), m.title or "", m.occasion or "", m.lead or ""]
    texts += [b.text for b in transcript.preamble if isinstance(b, Paragraph)][:6]
    return [t for t in texts if t]


def _fuller(name: str, texts: list[str]) -> tuple[str, str | None] | None:
    """A fuller form of a one-word ``name`` and the role printed before it, from the first text that has one."""
    # Words start where no word character precedes them, and a word never gives back letters: otherwise a long
    # run of capitals (a title of 40,000 X) is tried from each of its letters, quadratic in its length.
    pattern = re.compile(rf"((?:(?<![\w.'’-]){_CAPITALISED}+\s+){{1,5}})(?i:{re.escape(name)})\b")
    for text in texts:
        for m in pattern.finditer(text):
            words = m.group(1).split()
            given: list[str] = []
            while words and not _is_role(words[-1]) and len(given) < 2:
                given.insert(0, words.pop())
            if not given:
                continue
            role_words = [w for w in words if w[:1].isupper() or w.lower() in ("of", "for", "and")]
            role = " ".join(role_words).strip() or None
            if role is not None and role.split()[0].lower().strip(".") in ("mr", "mrs", "ms", "dr", "hon", "the"):
                role = " ".join(role.split()[1:]) or None
            surname = text[m.end(1) : m.end()]
            return " ".join([*given, surname]), role
    return None


def display_names(transcript: Transcript) -> dict[str, Speaker]:
    """Every participant (and every speaker id without one) as the digest shows them."""
    texts = _introductions(transcript)
    out: dict[str, Speaker] = {}
    looked = 0
    for p in transcript.participants:
        name, role = p.name, p.role
        if not p.anonymous and len(name.split()) == 1 and name[:1].isalpha() and looked < FULLER_MAX:
            looked += 1
            found = _fuller(name, [*texts, *p.labels])
            if found is not None:
                name, role = found[0], role or found[1]
        out[p.id] = Speaker(id=p.id, name=name, role=role)
    for turn in transcript.turns:
        if turn.speaker not in out:
            out[turn.speaker] = Speaker(id=turn.speaker, name=turn.label or turn.speaker)
    return out
