"""Commitments, decisions, requests and deadlines, found by cue phrases.

One table maps cue patterns to a kind; the first cue in table order that a
sentence contains decides its kind, so stronger cues are listed first.
Questions are skipped: "Will you …?" commits nobody.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from stenogram.analysis.records import Commitment, CommitmentKind
from stenogram.analysis.sentences import Sentence
from stenogram.analysis.words import table
from stenogram.lexicon import MONTH_PATTERN

__all__ = ["CUES", "DEADLINES", "find_commitments"]

_WE = (
    r"(?:we|I|our\s+(?:government|governments|countries|ministries|side|sides|leaders|teams)"
    r"|both\s+sides|the\s+parties)"
)
_F = re.IGNORECASE
# "I will tell you", "we'll come back to that": the speaker announcing what they will say, not doing.
_SPEECH_ACT = (
    r"\s+(?:(?:just|now|also|briefly|then|all)\s+)?(?:tell|say|recall|remember|know|understand|notice|appreciate|give\s+(?:you\s+)?(?:an\s+)?example|ask|answer|explain"
    r"|repeat|read|quote|note|remind|start|begin|come\s+back|get\s+back|return|turn|move\s+on|continue|add|mention"
    r"|talk|speak|see|try\s+to\s+(?:answer|explain|get\s+through|be\s+brief)|be\s+(?:brief|honest|frank|clear|short)|stop|finish|end|take"
    r"\s+(?:a|one|the\s+next|another)\s+question|get\s+through|have\s+to\s+(?:leave|go))\b"
)


def _cue(kind: CommitmentKind, needs: str, pattern: str) -> tuple[CommitmentKind, frozenset[str], re.Pattern[str]]:
    """A cue: its kind, the words one of which a sentence must hold for the pattern to be tried, the pattern."""
    return kind, frozenset(needs.split()), re.compile(pattern, re.IGNORECASE)


_D, _C, _R, _I, _E = (
    CommitmentKind.DECISION,
    CommitmentKind.COMMITMENT,
    CommitmentKind.REQUEST,
    CommitmentKind.INTENTION,
    CommitmentKind.EXPECTATION,
)
CUES: tuple[tuple[CommitmentKind, frozenset[str], re.Pattern[str]], ...] = (
    _cue(_D, "agreed decided", rf"\b{_WE}\s+(?:have\s+|had\s+|also\s+|just\s+)?(?:agreed|decided)\b"),
    _cue(_D, "agreed decided", r"\b(?:it|this)\s+(?:was|has\s+been|is)\s+(?:agreed|decided)\b"),
    _cue(_D, "decision decisions", r"\bdecisions?\s+(?:was|were|has\s+been|have\s+been)\s+(?:made|taken)\b"),
    _cue(_D, "decision decisions", r"\b(?:made|took|taken|adopted)\s+(?:\w+\s+){0,2}decisions?\b"),
    _cue(_D, "signed approved adopted", rf"\b{_WE}\s+(?:have\s+)?(?:signed|approved|adopted)\b"),
    _cue(_C, "will shall must", rf"\b{_WE}\s+(?:will|shall|must)\b(?!{_SPEECH_ACT})"),
    _cue(_C, "ll", rf"\b(?:we|I)['’]ll\b(?!{_SPEECH_ACT})"),
    _cue(_C, "committed", rf"\b{_WE}\s+(?:are|am)\s+(?:firmly\s+)?committed\b"),
    _cue(
        _C, "pledge undertake guarantee promise commit", rf"\b{_WE}\s+(?:pledge|undertake|guarantee|promise|commit)\b"
    ),
    # Asking someone to do something ("I ask the Foreign Ministry to intensify"), not asking a question.
    _cue(
        _R,
        "ask instruct request",
        r"\bI\s+(?:would\s+like\s+to\s+|want\s+to\s+)?(?:ask|instruct|request)\b"
        r"(?=(?:\s+[\w’'.\-]+){0,10}?\s+(?:to|that)\b)",
    ),
    _cue(_R, "please kindly", r"\b(?:please|kindly)\s+(?:ensure|prepare|submit|report|make\s+sure)\b"),
    _cue(
        _I,
        "intend plan aim seek going ready prepared determined hope",
        rf"\b{_WE}\s+(?:also\s+)?(?:intend|plan|aim|seek|are\s+going|are\s+ready|are\s+prepared|are\s+determined"
        r"|hope)\s+to\b",
    ),
    _cue(_I, "continue", r"\b(?:should|must|need\s+to)\s+continue\b"),
    _cue(_I, "should need have", rf"\b{_WE}\s+(?:should|need\s+to|have\s+to)\b"),
    _cue(_I, "task", r"\b(?:our|the)\s+(?:main\s+|key\s+)?task\b[^.?!]{0,40}?\bis\s+to\b"),
    _cue(_I, "preparing planning", rf"\b{_WE}\s+(?:are|am)\s+(?:also\s+)?(?:preparing|planning)\b"),
    _cue(_I, "scheduled planned due", r"\b(?:is|are)\s+(?:scheduled|planned|due)\s+(?:to|for)\b"),
    _cue(_I, "will", r"\bwill\s+be\s+(?:held|signed|launched|opened|completed|built)\b"),
    _cue(_E, "expect anticipate count", rf"\b{_WE}\s+(?:also\s+)?(?:expect|anticipate|count\s+on)\b"),
    _cue(
        _I,
        "will",
        rf"(?<!\bthe\s)(?<!\bgood\s)(?<!political\s)(?<!\bthere\s)\bwill(?!\s+you\b)(?!{_SPEECH_ACT})\s+[a-z]+",
    ),
)
_DEADLINE_WORDS = table(
    """end beginning middle start autumn spring summer winter year month week coming next january february march april
    may june july august september october november december"""
)

DEADLINES = re.compile(
    r"\b(?:by|before|until|no\s+later\s+than)\s+(?:the\s+)?(?:end|beginning|middle|start)\s+of\s+(?:the\s+|this\s+|next\s+)?"
    r"(?:year|month|week|quarter|decade|summer|autumn|winter|spring|\d{4})"
    rf"|\b(?:by|before|until|no\s+later\s+than)\s+(?:\d{{1,2}}\s+)?(?:{MONTH_PATTERN}|\d{{4}})\b(?:\s+\d{{4}})?"
    r"|\b(?:this|next)\s+(?:autumn|spring|summer|winter|year|month|week)\b"
    r"|\bin\s+the\s+(?:coming|next)\s+(?:\w+\s+)?(?:days|weeks|months|years)\b",
    _F,
)


_DIGIT = re.compile(r"\d")
#: Every word some cue needs: a sentence with none of them has no cue.
_CUE_WORDS = frozenset().union(*(needs for _, needs, _ in CUES))


def _deadline(printed: str) -> str:
    """One spelling of a deadline however a sentence printed it: "By the end of\nthe year" -> "by the end of the year".

    Its first word (by, before, until, no later, this, next, in) is never a name, so lower case is safe.
    """
    first, _, rest = " ".join(printed.split()).partition(" ")
    return f"{first.lower()} {rest}"


def find_commitments(sentences: Sequence[Sentence]) -> list[Commitment]:
    """Every sentence with a cue or a deadline, in document order."""
    out: list[Commitment] = []
    for s in sentences:
        text = s.text
        if text.rstrip("\"'”’) ").endswith("?"):
            continue
        words = s.words
        deadline_m = DEADLINES.search(text) if not words.isdisjoint(_DEADLINE_WORDS) or _DIGIT.search(text) else None
        deadline = _deadline(deadline_m.group()) if deadline_m else None
        for kind, needs, pattern in CUES if not words.isdisjoint(_CUE_WORDS) else ():
            if needs.isdisjoint(words):
                continue
            m = pattern.search(text)
            if m is not None:
                out.append(Commitment(kind=kind, text=text, cue=m.group(), deadline=deadline, location=s.location))
                break
        else:
            if deadline_m is not None and re.match(r"(?i)by|before|until|no", deadline_m.group()):
                out.append(
                    Commitment(
                        kind=CommitmentKind.EXPECTATION, text=text, cue=deadline_m.group(), deadline=deadline,
                        location=s.location,
                    )
                )  # fmt: skip
    return out
