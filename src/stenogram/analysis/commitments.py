"""Commitments, decisions, requests and deadlines, found by cue phrases.

One table maps cue patterns to a kind; the first cue in table order that a
sentence contains decides its kind, so stronger cues are listed first.
Questions are skipped: "Will you …?" commits nobody.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from stenogram.analysis.records import Commitment, CommitmentKind
from stenogram.analysis.sentences import Sentence
from stenogram.analysis.words import table
from stenogram.lexicon import MONTH_NAMES, MONTH_PATTERN

__all__ = ["CUES", "DEADLINES", "find_commitments"]

# Who commits: the look-ahead on their first letters lets the engine pass every other position at once.
_WE = (
    r"(?=[wiobt])\b(?:we|I|our\s+(?:government|governments|countries|ministries|side|sides|leaders|teams)"
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


def _cue(
    kind: CommitmentKind, needs: str, pattern: str, also: str = ""
) -> tuple[CommitmentKind, frozenset[str], frozenset[str], re.Pattern[str]]:
    """A cue: its kind, the words one of which a sentence must hold for the pattern to be tried, the pattern, and
    ``also``: more words one of which every match holds (a pattern is slow to fail, a word table quick)."""
    return kind, frozenset(needs.split()), frozenset(also.split()), re.compile(pattern, re.IGNORECASE)


_WE_WORDS = "we i our both parties"  # one of them stands in every match of _WE


_D, _C, _R, _I, _E = (
    CommitmentKind.DECISION,
    CommitmentKind.COMMITMENT,
    CommitmentKind.REQUEST,
    CommitmentKind.INTENTION,
    CommitmentKind.EXPECTATION,
)
CUES: tuple[tuple[CommitmentKind, frozenset[str], frozenset[str], re.Pattern[str]], ...] = (
    _cue(_D, "agreed decided", rf"{_WE}\s+(?:have\s+|had\s+|also\s+|just\s+)?(?:agreed|decided)\b", _WE_WORDS),
    _cue(_D, "agreed decided", r"\b(?:it|this)\s+(?:was|has\s+been|is)\s+(?:agreed|decided)\b", "it this"),
    _cue(
        _D, "decision decisions", r"\bdecisions?\s+(?:was|were|has\s+been|have\s+been)\s+(?:made|taken)\b", "made taken"
    ),
    _cue(
        _D,
        "decision decisions",
        r"\b(?:made|took|taken|adopted)\s+(?:\w+\s+){0,2}decisions?\b",
        "made took taken adopted",
    ),
    _cue(_D, "signed approved adopted", rf"{_WE}\s+(?:have\s+)?(?:signed|approved|adopted)\b", _WE_WORDS),
    _cue(_C, "will shall must", rf"{_WE}\s+(?:will|shall|must)\b(?!{_SPEECH_ACT})", _WE_WORDS),
    _cue(_C, "ll", rf"\b(?:we|I)['’]ll\b(?!{_SPEECH_ACT})", "we i"),
    _cue(_C, "committed", rf"{_WE}\s+(?:are|am)\s+(?:firmly\s+)?committed\b", _WE_WORDS),
    _cue(
        _C,
        "pledge undertake guarantee promise commit",
        rf"{_WE}\s+(?:pledge|undertake|guarantee|promise|commit)\b",
        _WE_WORDS,
    ),
    # Asking someone to do something ("I ask the Foreign Ministry to intensify"), not asking a question.
    _cue(
        _R,
        "ask instruct request",
        r"\bI\s+(?:would\s+like\s+to\s+|want\s+to\s+)?(?:ask|instruct|request)\b"
        r"(?=(?:\s+[\w’'.\-]+){0,10}?\s+(?:to|that)\b)",
        "i",
    ),
    _cue(
        _R,
        "please kindly",
        r"\b(?:please|kindly)\s+(?:ensure|prepare|submit|report|make\s+sure)\b",
        "ensure prepare submit report make",
    ),
    _cue(
        _I,
        "intend plan aim seek going ready prepared determined hope",
        rf"{_WE}\s+(?:also\s+)?(?:intend|plan|aim|seek|are\s+going|are\s+ready|are\s+prepared|are\s+determined"
        r"|hope)\s+to\b",
        _WE_WORDS,
    ),
    _cue(_I, "continue", r"\b(?:should|must|need\s+to)\s+continue\b", "should must need"),
    _cue(_I, "should need have", rf"{_WE}\s+(?:should|need\s+to|have\s+to)\b", _WE_WORDS),
    _cue(_I, "task", r"\b(?:our|the)\s+(?:main\s+|key\s+)?task\b[^.?!]{0,40}?\bis\s+to\b"),
    _cue(_I, "preparing planning", rf"{_WE}\s+(?:are|am)\s+(?:also\s+)?(?:preparing|planning)\b", _WE_WORDS),
    _cue(_I, "scheduled planned due", r"\b(?:is|are)\s+(?:scheduled|planned|due)\s+(?:to|for)\b", "is are"),
    _cue(
        _I,
        "will",
        r"\bwill\s+be\s+(?:held|signed|launched|opened|completed|built)\b",
        "held signed launched opened completed built",
    ),
    _cue(_E, "expect anticipate count", rf"{_WE}\s+(?:also\s+)?(?:expect|anticipate|count\s+on)\b", _WE_WORDS),
    _cue(
        _I,
        "will",
        # "will" first, then what may not stand before it: the engine passes every other position at once.
        rf"\bwill(?<!\bthe\swill)(?<!\bgood\swill)(?<!political\swill)(?<!\bthere\swill)(?!\s+you\b)(?!{_SPEECH_ACT})"
        r"\s+[a-z]+",
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
#: Every word some cue needs, with the cues it lets be tried as bits in table order: a sentence's words tell its
#: cues in a few set and integer operations, not a loop over the table.
_CUE_MASKS = {
    word: sum(1 << k for k, (_, needs, _, _) in enumerate(CUES) if word in needs)
    for word in frozenset().union(*(needs for _, needs, _, _ in CUES))
}
_CUE_WORDS = frozenset(_CUE_MASKS)


@functools.lru_cache(maxsize=1024)
def _cues(mask: int) -> tuple[tuple[CommitmentKind, frozenset[str], frozenset[str], re.Pattern[str]], ...]:
    return tuple(cue for k, cue in enumerate(CUES) if mask >> k & 1)


# What DEADLINES cannot match without: a word of each of two tables (or, for the first pair, a digit: "by 2025"),
# each standing in a match as a whole run of letters. A sentence without such a pair is not searched.
_DEADLINE_PAIRS = (
    (table("by before until than"), table("end beginning middle start " + " ".join(MONTH_NAMES).lower()), True),
    (table("this next"), table("autumn spring summer winter year month week"), False),
    (table("coming next"), table("days weeks months years"), False),
)
_DEADLINE_FIRSTS = frozenset().union(*(first for first, _, _ in _DEADLINE_PAIRS))
# The letters an ignore-case pattern reads as ASCII ones ("ſ" as "s") that a sentence's lower-case letter runs keep
# apart ("ſhall" is not "shall"): a sentence with one is tested with the first tables alone, as before the finer ones.
_FOLDED = re.compile("[ıſKİ]")


def _deadline(printed: str) -> str:
    """One spelling of a deadline however a sentence printed it: "By the end of\nthe year" -> "by the end of the year".

    Its first word (by, before, until, no later, this, next, in) is never a name, so lower case is safe.
    """
    first, _, rest = " ".join(printed.split()).partition(" ")
    return f"{first.lower()} {rest}"


def _may_hold_deadline(text: str, words: frozenset[str], plain: bool) -> bool:
    """Whether :data:`DEADLINES` is worth searching for in ``text``, whose letter runs are ``words``.

    Each pair holds a word of :data:`_DEADLINE_WORDS` or a digit: a sentence it passes, the plain table passed too.
    """
    if not plain:
        return not words.isdisjoint(_DEADLINE_WORDS) or _DIGIT.search(text) is not None
    if words.isdisjoint(_DEADLINE_FIRSTS):  # most sentences: one test for the three pairs
        return False
    for first, second, digit in _DEADLINE_PAIRS:
        if not first.isdisjoint(words) and (not second.isdisjoint(words) or (digit and _DIGIT.search(text))):
            return True
    return False


def find_commitments(sentences: Sequence[Sentence]) -> list[Commitment]:
    """Every sentence with a cue or a deadline, in document order."""
    out: list[Commitment] = []
    for s in sentences:
        text = s.text
        if text.rstrip("\"'”’) ").endswith("?"):
            continue
        words = s.words
        plain = text.isascii() or _FOLDED.search(text) is None  # whether the finer word tables may be trusted
        deadline_m = DEADLINES.search(text) if _may_hold_deadline(text, words, plain) else None
        deadline = _deadline(deadline_m.group()) if deadline_m else None
        mask = 0
        for word in words & _CUE_WORDS:
            mask |= _CUE_MASKS[word]
        for kind, _, also, pattern in _cues(mask):
            if plain and also and also.isdisjoint(words):
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
