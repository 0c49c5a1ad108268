"""Key points: central sentences a reader can take out of the meeting without the one before.

The centrality ranking (:mod:`stenogram.analysis.keysentences`) says which
sentences the meeting keeps coming back to; this module decides which of
them may stand as a point and in what order:

- the sentence in which the chair states the meeting's business comes first
  (``Item 2 is our evidence session on the ... Bill``): every reader needs it;
  then, while the chair has fewer than ``SPEAKER_CAP`` points, the agenda item
  the chair moved the meeting on to that took most of it (``We will now
  proceed to the questioning of ministers.``): what the meeting spent its time on;
- a point is never a question, the chair's procedure, a pleasantry, a
  sentence that opens with a word pointing back (``So``, ``It``, ``That``), or
  one broken off by an interruption (``… as one of the—.``);
- at most ``SPEAKER_CAP`` of every ``BLOCK`` points come from one speaker, and
  points spread over the meeting's length (each part of the meeting that
  already gave a point lowers the next candidate from it by ``SPREAD``).

The word tables are data; the English ones apply only to English text (see
:mod:`stenogram.analysis.language`; other languages use what their tables hold).
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Sequence

import attrs

from stenogram.analysis.keysentences import REDUNDANCY, Centrality, cosine
from stenogram.analysis.memo import per_transcript
from stenogram.analysis.records import KeySentence
from stenogram.analysis.sentences import Sentence
from stenogram.analysis.stats import split_words
from stenogram.analysis.words import table
from stenogram.lexicon import LEADING_WORDS as LEXICON_LEADING_WORDS
from stenogram.model import Transcript

__all__ = [
    "AGENDA",
    "BLOCK",
    "BROKEN_OFF",
    "BUSINESS_CUES",
    "CUE_WORDS",
    "LEADING_WORDS",
    "PROCEDURE",
    "SPEAKER_CAP",
    "Roles",
    "agenda_sentences",
    "business_sentences",
    "chair_of",
    "leads_back",
    "select_points",
]

BLOCK = 8  # points are printed eight at a time: the caps hold in every block of eight
SPEAKER_CAP = 3  # at most this many points of a block from one speaker
SPREAD = 0.8  # a candidate's score is multiplied by this for each point already taken from its part of the meeting
FIGURE_WEIGHT = 1.25  # a sentence stating an amount, a rate or a share says more
BUSINESS_FOCUS = 3.0  # a point's score grows by this times its cosine-like overlap with the business
BUSINESS_MAX_WORDS = 110  # the chair's statement of business may be long: it lists the witnesses
BUSINESS_REACH = 0.15  # the business is stated in the first part of the meeting
CHAIR_TURN_SHARE = 0.07  # a chair found by behaviour takes at least this share of the turns
CHAIR_BREVITY = 0.65  # and speaks, on average, less than this fraction of what the others say in a turn

#: First words that point back to the sentence before: such a sentence cannot stand alone as a point.
LEADING_WORDS = LEXICON_LEADING_WORDS["en"]
_FIRST_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")

#: What a meeting is for, as a chair states it (weight 2), and where and with whom (weight 1).
BUSINESS_CUES: tuple[tuple[int, re.Pattern[str]], ...] = tuple(
    (weight, re.compile(rf"\b(?:{pattern})\b", re.IGNORECASE))
    for weight, pattern in (
        (2, r"inquiry|evidence\s+session|item\s+\d+|bill|act\s+\d{4}|study|scrutiny|consideration\s+of|hearing"),
        (2, r"session\s+(?:on|with)|briefing\s+on|agenda|here\s+to\s+discuss|report\s+on|debate\s+on|strategy"),
        (1, r"meeting\s+of|welcome\s+to|committee|commission|council|assembly|parliament|house\s+of"),
        (1, r"pleased\s+to\s+welcome|welcome\s+back|minister|secretary|commissioner|director|chief|witness(?:es)?"),
    )
)
#: The first word of every cue: a sentence using none of them (its ``Sentence.words``) states no business.
CUE_WORDS = table(
    """inquiry evidence item bill act study scrutiny consideration hearing session briefing agenda here report debate
    strategy meeting welcome committee commission council assembly parliament house pleased minister secretary
    commissioner director chief witness witnesses"""
)
#: Letters an ignore-case pattern takes for ASCII ones but ``str.lower`` does not give as them ("ſtudy", "İtem").
_FOLDED = "ıſKİ"
POINT_MAX_WORDS = 55  # a longer point is a run-on a reader cannot take in at a glance
BUSINESS_EXTRA = 2  # besides the best statement: the body that meets (1), and who it hears (2)
BUSINESS_MIN = 2  # cue weight a sentence needs to state the business
#: House-keeping a chair states first, which is not the business: never the business sentence.
_HOUSEKEEPING = re.compile(
    r"\b(?:standing\s+order|apologies|declarations?\s+of\s+interest|broadcast|record\s+of\s+proceedings"
    r"|video[\s-]?conferenc\w*|interpretation|channel|mute|microphone|headsets?|translation|public\s+are\s+excluded"
    r"|screens?|earpiece|televised|remind\w*|pursuant)\b",
    re.IGNORECASE,
)
#: The chair moving the meeting on to an item of its agenda or a topic: the meeting's business as it goes.
AGENDA = re.compile(
    r"\b(?:proceed|move|go|turn|come)(?:\s+(?:now|then|on)|,)*\s+to\s+(?:the\s+|our\s+)?(?P<item>(?:item\s+\d+|questioning"
    r"|questions\s+(?:to|on|about)|statements|petitions|presenting|presentation|tabling|ministerial|group\s+\d+"
    r"|talk\s+about|look\s+at|discuss|consider|debate|report|orders?\s+of\s+the\s+day)\w*)",
    re.IGNORECASE,
)
AGENDA_MAX = 1  # agenda lines among the points: the item that took most of the meeting
#: A word every agenda line uses (``Sentence.words``): a sentence without one is not scanned.
AGENDA_WORDS = table("proceed move go turn come")

#: Procedure and pleasantries: who speaks next, how long, thanks and greetings. Never a point.
PROCEDURE = re.compile(
    r"\b(?:thank\s+you|thanks|good\s+(?:morning|afternoon|evening)|call\s+(?:this|the)\s+meeting\s+to\s+order"
    r"|point\s+of\s+order|unanimous\s+consent|(?:minutes?|seconds?)\s+(?:left|remaining)|time\s+is\s+up"
    r"|(?:your|the)\s+time\s+has\s+(?:expired|run\s+out)|(?:we(?:'|’)ll|we\s+will|i(?:'|’)ll|let(?:'|’)s)\s+(?:now\s+)?"
    r"(?:go|move|turn|proceed|pass|come)\s+(?:on\s+)?(?:to|over\s+to)\b|next\s+question|(?:my|the|a)\s+(?:first\s+|next\s+"
    r"|final\s+|last\s+|second\s+|quick\s+|supplementary\s+)?question\s+(?:is|for|to)\b|questions?\s+from\b"
    r"|you\s+have\s+the\s+floor|i\s+(?:would\s+like|want|wish)\s+to\s+(?:thank|welcome|ask|congratulate)"
    r"|i\s+have\s+the\s+honour|pleased\s+to\s+(?:present|table|rise)|(?:bore\s+da|prynhawn\s+da)"
    r"|(?:mike|mic|microphone|headset)s?\b|papers\s+to\s+note|declarations?\s+of\s+interest|apologies\s+for"
    r"|that\s+brings\s+us\s+to|we\s+are\s+out\s+of\s+time|running\s+out\s+of\s+time|time\s+for\s+(?:one|a)\s+)",
    re.IGNORECASE,
)
#: A sentence broken off (``… included as one of the—.``) or trailing away (``and so on...``): not a whole statement.
BROKEN_OFF = re.compile(r"(?:[—–]|--|\s-|\.\.\.|…)[\"'”’)\]]*[.!?]?[\"'”’)\]]*$")
#: A participant who runs the meeting, by a word of their name, role or label.
CHAIR_WORDS = re.compile(
    r"\b(?:chair\w*|presiding|vorsitz\w*|präsident\w*|president\s+of\s+the\s+(?:sitting|assembly)|président\w*"
    r"|председател\w*|moderator|speaker\s+of)\b",
    re.IGNORECASE,
)


@attrs.frozen(kw_only=True)
class Roles:
    """Who runs the meeting: the chair's participant ids (empty when no one does)."""

    chair: frozenset[str] = frozenset()


@per_transcript  # the analysis and the digest both ask
def chair_of(transcript: Transcript) -> Roles:
    """The chair: a participant named, labelled or described as such; else whoever closes (or opens) the meeting,
    speaks early and often, and briefly (a chair calls on others; a president answering questions speaks at
    length)."""
    named = {
        p.id for p in transcript.participants if any(CHAIR_WORDS.search(x) for x in (p.name, p.role or "", *p.labels))
    }
    # Each distinct label once: a speaker's label recurs at every turn.
    for label, speaker in dict.fromkeys([(turn.label, turn.speaker) for turn in transcript.turns]):
        if CHAIR_WORDS.search(label or ""):
            named.add(speaker)
    if named:
        return Roles(chair=frozenset(named))
    turns = transcript.turns
    if len(turns) < 6:
        return Roles()
    counts: Counter[str] = Counter(t.speaker for t in turns)
    words = split_words(transcript)
    opening = {t.speaker for t in turns[: max(3, len(turns) // 10)]}
    # Whoever closes the meeting, or opens it, and speaks often and briefly: a chair (a stand-in chair too).
    for who in dict.fromkeys([t.speaker for t in reversed(turns[-3:])] + [turns[0].speaker]):
        others = len(turns) - counts[who]
        if who not in opening or counts[who] < CHAIR_TURN_SHARE * len(turns) or others == 0:
            continue
        own_mean = words[who] / counts[who]
        others_mean = (sum(words.values()) - words[who]) / others
        if own_mean < CHAIR_BREVITY * others_mean:
            return Roles(chair=frozenset({who}))
    return Roles()


def leads_back(text: str, words: frozenset[str] = LEADING_WORDS) -> bool:
    m = _FIRST_WORD.search(text[:40])
    return m is not None and m.group().lower().replace("’", "'") in words


def _is_question(text: str) -> bool:
    return text.rstrip("\"'”’) ").endswith("?")


def _business_weight(text: str) -> int:
    """Each distinct cue counts its weight: "welcome to the meeting of the committee" is three cues of one kind."""
    return sum(weight * len({m.group().lower() for m in pattern.finditer(text)}) for weight, pattern in BUSINESS_CUES)


def business_sentences(sentences: Sequence[Sentence], roles: Roles, *, english: bool = True) -> list[int]:
    """Where the chair (or the first speaker) states what the meeting is for, best first (at most two).

    The best statement of the business (``Item 2 is our evidence session on ...``), and, when it does not name
    the body that meets, the best sentence that does (``Welcome to the ... Committee``).
    """
    if not sentences or not english:
        return []
    reach = max(12, int(len(sentences) * BUSINESS_REACH))
    owner = roles.chair or frozenset({sentences[0].unit.speaker})
    scored: list[tuple[int, int]] = []
    for s in sentences[:reach]:
        if s.unit.speaker not in owner:
            continue
        text = s.text
        if s.words.isdisjoint(CUE_WORDS) and not any(c in text for c in _FOLDED):
            continue  # no cue: weight 0
        n = len(text.split())
        if n < 6 or n > BUSINESS_MAX_WORDS or _is_question(text):
            continue
        weight = _business_weight(text)
        if weight >= 1 and not _HOUSEKEEPING.search(text):
            scored.append((-weight, s.index))
    scored.sort()
    if not scored or -scored[0][0] < BUSINESS_MIN:
        return []
    best = scored[0][1]
    out = [best]
    for _, pattern in BUSINESS_CUES[2 : 2 + BUSINESS_EXTRA]:  # the body that meets; who it hears
        found = next(
            (
                i
                for _, i in scored
                if i not in out
                and pattern.search(sentences[i].text)
                and len(sentences[i].text.split()) <= POINT_MAX_WORDS  # read as a point: no roll-call of names
            ),
            None,
        )
        if found is not None:
            out.append(found)
    return out


def agenda_sentences(sentences: Sequence[Sentence], roles: Roles, business: Sequence[int], room: int) -> list[int]:
    """Where the chair moves the meeting on to an item of its agenda, the items that took most of it first."""
    found: list[int] = []
    seen: set[str] = set()
    for s in sentences:
        if s.unit.speaker not in roles.chair or s.words.isdisjoint(AGENDA_WORDS) or s.index in business:
            continue
        text = s.text
        m = AGENDA.search(text)
        if m is None or len(text.split()) > BUSINESS_MAX_WORDS or _is_question(text) or _HOUSEKEEPING.search(text):
            continue
        key = m.group("item").lower()
        if key in seen:
            continue
        seen.add(key)
        found.append(s.index)
    ends = [*found[1:], len(sentences)]  # an item runs until the chair moves on to the next
    span = {i: e - i for i, e in zip(found, ends[: len(found)], strict=True)}
    return sorted(found, key=lambda i: (-span[i], i))[: max(0, min(room, AGENDA_MAX))]


def _may_stand(s: Sentence, roles: Roles, english: bool, leading: frozenset[str]) -> bool:
    """Whether a sentence may be a point by itself (the fixed rules; centrality decides among the rest)."""
    text = s.text
    if s.unit.speaker in roles.chair or len(text.split(maxsplit=POINT_MAX_WORDS)) > POINT_MAX_WORDS:
        return False
    if not english:
        stands = not (_is_question(text) or leads_back(text, leading))
    else:
        stands = not (_is_question(text) or leads_back(text) or PROCEDURE.search(text))
    return stands and not BROKEN_OFF.search(text[-12:])  # its end is enough to tell; asked last, of few


def _index(i: int, v: dict[str, float] | None, near: dict[str, list[int]]) -> None:
    for term in v or ():
        near.setdefault(term, []).append(i)


def _repeats(v: dict[str, float], near: dict[str, list[int]], vectors: dict[int, dict[str, float]]) -> bool:
    """Whether ``v`` is as close as ``REDUNDANCY`` to a point so far. Only the points sharing a term with it are
    compared: the cosine of the others is 0 (nine in ten, in a long meeting)."""
    sharing = sorted({j for term in v for j in near.get(term, ())})
    return any(cosine(v, vectors[j]) >= REDUNDANCY for j in sharing)


def select_points(
    sentences: Sequence[Sentence],
    c: Centrality,
    roles: Roles,
    limit: int,
    *,
    english: bool = True,
    with_figures: frozenset[int] = frozenset(),
    leading: frozenset[str] = frozenset(),
) -> list[KeySentence]:
    """The ``limit`` key points, best first: the business, then central sentences under the caps and the spread."""
    if limit <= 0 or not sentences:
        return []
    total = len(sentences)
    picked: list[int] = []  # sentence indexes
    row = {g: k for k, g in enumerate(c.graph)}
    vectors: dict[int, dict[str, float]] = {}  # built for the sentences that come up

    def vector(i: int) -> dict[str, float] | None:
        if i not in row:
            return None
        if i not in vectors:
            vectors[i] = c.vector(row[i])
        return vectors[i]

    business = business_sentences(sentences, roles, english=english)
    agenda = agenda_sentences(sentences, roles, business, SPEAKER_CAP - len(business)) if english else []
    picked.extend(business)
    picked.extend(agenda)
    top = max(c.score, default=0.0) or 1.0
    # A point on the words of the business is on what the meeting is for: its weights on them, in term order.
    on_business = c.vectors.overlap([row[i] for i in business if i in row]) if c.vectors is not None else []
    focus = [1 + BUSINESS_FOCUS * x for x in on_business]
    candidates = {
        c.graph[k]: c.score[k] / top * focus[k] * (FIGURE_WEIGHT if c.graph[k] in with_figures else 1.0)
        for k in range(len(c.graph))
        if c.eligible[k] and c.graph[k] not in business  # their length is asked when they come up (_may_stand)
    }
    parts = BLOCK  # not ``limit``: the first points are the same however many are asked for
    taken_in_part: Counter[int] = Counter()
    for i in business:
        taken_in_part[i * parts // total] += 1
    # Each part of the meeting's candidates, best first: the best pick is the best head of a part, so a pick
    # costs a look at eight heads, not at every candidate. The rules are checked when a candidate comes up.
    queues: dict[int, list[int]] = {}
    for i in sorted(candidates, key=lambda i: (-candidates[i], i)):
        queues.setdefault(i * parts // total, []).append(i)
    heads = dict.fromkeys(queues, 0)
    gone: set[int] = set()
    standing: dict[int, bool] = {}
    near: dict[str, list[int]] = {}  # term -> the points so far that use it
    for i in picked:
        _index(i, vector(i), near)
    while len(picked) < limit:
        block = picked[len(picked) - len(picked) % BLOCK :]
        by_speaker = Counter(sentences[i].unit.speaker for i in block)
        best: tuple[float, int] | None = None
        for part, queue in queues.items():
            h = heads[part]
            while h < len(queue) and queue[h] in gone:
                h += 1
            heads[part] = h
            for i in itertools.islice(queue, h, None):  # no copy of the rest of the queue at every pick
                if i in gone or by_speaker[sentences[i].unit.speaker] >= SPEAKER_CAP:
                    continue
                if i not in standing:  # a head that may stand comes up again at every pick: judged once
                    standing[i] = _may_stand(sentences[i], roles, english, leading)
                if not standing[i]:
                    gone.add(i)
                    continue
                value = candidates[i] * SPREAD ** taken_in_part[part]
                if best is None or value > best[0] or (value == best[0] and i < best[1]):
                    best = (value, i)
                break
        if best is None:  # everyone left has had their share of this block: fewer points, not one voice
            break
        i = best[1]
        gone.add(i)
        v = vector(i)
        if v is not None and _repeats(v, near, vectors):
            continue
        picked.append(i)
        _index(i, v, near)
        taken_in_part[i * parts // total] += 1
    first = c.score[0] if c.score else 1.0
    score_of = {c.graph[k]: c.score[k] for k in range(len(c.graph))}
    return [
        KeySentence(
            text=sentences[i].text,
            score=round(score_of.get(i, first) / top, 6),
            rank=rank,
            location=sentences[i].location,
        )
        for rank, i in enumerate(picked, start=1)
    ]
