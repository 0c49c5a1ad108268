"""The word tables that spare the figure, mention and commitment patterns a search change nothing they find.

Each finer test is checked against the plainer code it replaced, kept here as the reference, on generated
sentences that mix the cue words with the letters an ignore-case pattern reads as ASCII ones (``ſ``, ``ı``,
``İ``, the Kelvin sign), which a sentence's lower-case letter runs do not spell as the pattern reads them.
"""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from stenogram.analysis import commitments, figures, mentions
from stenogram.analysis.records import Commitment, CommitmentKind
from stenogram.analysis.sentences import Sentence, Unit, sentences_of
from stenogram.analysis.words import STOPWORDS

_WORDS = str.split(
    "We we I i our government both sides the parties will shall must agreed decided decision decisions made took "
    "taken adopted signed approved it this is was has been ’ll 'll committed are am firmly pledge promise ask "
    "instruct request would like to want that please kindly ensure prepare report make sure intend plan going "
    "ready hope should need have continue main task scheduled planned due for be held launched built expect count "
    "on good political there you tell say answer by before until no later than end beginning middle start of "
    "year month week quarter summer autumn this next coming in days weeks months years May June 4 19 2025 "
    "wıll ſhall İ ſummer Kelvin weeKs thıs beſore ? . , ! ” ’ é 中国"
)
# Whole cues and deadlines, and their near misses: words drawn one by one seldom line up into one.
_PHRASES = [
    "I will",
    "We will",
    "İ will",
    "we'll",
    "I’ll tell you",
    "We have agreed",
    "it was decided",
    "decisions were made",
    "took two important decisions",
    "adopted a decision",
    "this is agreed",
    "we have signed",
    "our government must",
    "both sides shall",
    "the parties should",
    "we are firmly committed",
    "we promise",
    "I would like to ask the ministry to",
    "please make sure",
    "we are going to",
    "We need to continue",
    "our main task now is to",
    "we are preparing",
    "is scheduled for",
    "are planned to",
    "kindly submit",
    "will be held",
    "We expect",
    "the will of",
    "good will",
    "there will be",
    "will you",
    "will tell",
    "by the end of the year",
    "before the start of next summer",
    "until 4 June",
    "no later than May 2025",
    "by 2025",
    "this autumn",
    "next week",
    "in the coming weeks",
    "in the next few months",
    "by the ſtart of the year",
    "thiſ ſummer",
    "wıll be held",
]
_PIECES = _WORDS + _PHRASES
_SEPARATORS = st.sampled_from([" ", " ", " ", "  ", "\n", "", "-", "’", ". ", "? "])
TEXTS = st.one_of(
    st.lists(st.tuples(st.sampled_from(_PIECES), _SEPARATORS), max_size=40).map(
        lambda pairs: "".join(w + s for w, s in pairs)
    ),
    st.text(max_size=60),
)


def _sentences(text: str) -> list[Sentence]:
    return sentences_of([Unit(speaker="a", turn=0, paragraph=0, text=text)])


# -- commitments ------------------------------------------------------------------------------------------------

_WE_LOOK_AHEAD = r"(?=[wiobt])\b"
_OLD_WILL = (
    rf"(?<!\bthe\s)(?<!\bgood\s)(?<!political\s)(?<!\bthere\s)\bwill(?!\s+you\b)(?!{commitments._SPEECH_ACT})\s+[a-z]+"
)


def _old_pattern(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """The cue pattern as it was: ``\\b`` before who commits, and the "will" cue's look-behinds before the word."""
    if pattern is commitments.CUES[-1][3]:
        return re.compile(_OLD_WILL, re.IGNORECASE)
    return re.compile(pattern.pattern.replace(_WE_LOOK_AHEAD, r"\b"), re.IGNORECASE)


_OLD_CUES = [(kind, needs, _old_pattern(pattern)) for kind, needs, _, pattern in commitments.CUES]


def _old_commitments(sentences: list[Sentence]) -> list[Commitment]:
    """The original loop: one word table per cue, and the deadline searched for in any sentence with a word of
    ``_DEADLINE_WORDS`` or a digit."""
    out = []
    for s in sentences:
        text = s.text
        if text.rstrip("\"'”’) ").endswith("?"):
            continue
        deadline_m = None
        if not s.words.isdisjoint(commitments._DEADLINE_WORDS) or re.search(r"\d", text):
            deadline_m = commitments.DEADLINES.search(text)
        deadline = commitments._deadline(deadline_m.group()) if deadline_m else None
        for kind, needs, pattern in _OLD_CUES:
            if needs.isdisjoint(s.words):
                continue
            m = pattern.search(text)
            if m is not None:
                out.append(Commitment(kind=kind, text=text, cue=m.group(), deadline=deadline, location=s.location))
                break
        else:
            if deadline_m is not None and re.match(r"(?i)by|before|until|no", deadline_m.group()):
                kind = CommitmentKind.EXPECTATION
                cue = deadline_m.group()
                out.append(Commitment(kind=kind, text=text, cue=cue, deadline=deadline, location=s.location))
    return out


@settings(max_examples=500)
@given(TEXTS)
def test_commitments_as_with_one_word_table_per_cue(text: str) -> None:
    sentences = _sentences(text)
    assert commitments.find_commitments(sentences) == _old_commitments(sentences)


def test_the_finer_tables_leave_out_sentences() -> None:
    """The examples the tables were written for: each a sentence the old tables searched in vain."""
    for text, tried in [
        ("I have no idea what the end result is.", False),  # "end", but no "by", "before", "until" or "than"
        ("By the end of the year we will open it.", True),
        ("Ready by 2025.", True),
        ("ſee you by the end of the year.", True),  # a folded letter: the plain table decides, as before
    ]:
        (s,) = _sentences(text)
        plain = text.isascii() or commitments._FOLDED.search(text) is None
        assert commitments._may_hold_deadline(text, s.words, plain) is tried, text


def test_commitments_of_each_phrase_and_pair_as_before() -> None:
    """Every phrase alone, after each other phrase, and before a word: what a random draw may miss."""
    texts = [f"{a} {b}." for a in ["", *_PHRASES] for b in _PHRASES] + [f"{a} go {b}" for a in _PHRASES for b in _WORDS]
    for text in texts:
        sentences = _sentences(text)
        assert commitments.find_commitments(sentences) == _old_commitments(sentences), text


# -- figures ----------------------------------------------------------------------------------------------------

_NUMBER_PIECES = str.split(
    "one two Three twenty-five ſix ſeven FIVE eight Eleven eighteen 5 1,500 9.5 % percent per cent dollars million "
    "roubles the a its our his my first fourth twenty-first Fourth thırd time people ſtaff"
)
_FIGURE_TEXTS = st.lists(st.tuples(st.sampled_from([*_WORDS, *_NUMBER_PIECES]), _SEPARATORS), max_size=30).map(
    lambda pairs: "".join(w + s for w, s in pairs)
)


@settings(max_examples=400)
@given(st.one_of(_FIGURE_TEXTS, TEXTS))
@example("My third term, your fifth visit, her Second, eight people, ſeven ſtaff, eleven dollars, 9 percent.")
def test_figure_patterns_with_a_look_ahead_match_as_without(text: str) -> None:
    """The look-ahead on a pattern's first letters only passes positions over faster (ignoring case as it does)."""
    for _, pattern in figures._PATTERNS:
        old = re.compile(re.sub(r"^\(\?=\[[^\]]*\]\)", "", pattern.pattern), pattern.flags)
        assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in old.finditer(text)]


_OLD_CLAUSE_BREAK = re.compile(r"[,;:](?=\s)|[()\u2013\u2014]|\s-\s")


def _old_counted_noun(text: str, start: int) -> tuple[int, int] | None:
    """The original: every word of a copy of the 40 characters listed, then the first two read."""
    words = [(m.start(), m.end(), m.group()) for m in figures._LOWER_WORD.finditer(text[start : start + 40])][:2]
    if not words or words[0][2] in figures._NOT_NOUNS:
        return None
    first = words[0][2]
    if first in figures._PLURAL_NOUNS or (first.endswith("s") and not first.endswith("ss")):
        return start + words[0][0], start + words[0][1]
    if len(words) == 2 and words[1][2] not in figures._NOT_NOUNS:
        second = words[1][2]
        if second in figures._PLURAL_NOUNS or (second.endswith("s") and not second.endswith("ss")):
            return start + words[0][0], start + words[1][1]
    return None


def _old_phrase_after(text: str, start: int, limit: int = 5) -> str | None:
    """The original: every word of a copy of the 80 characters listed first."""
    out: list[str] = []
    for _, _, w in figures._words(text[start : start + 80]):
        lw = w.lower()
        if lw == "of" and out and "of" not in out:
            out.append(w)
            continue
        if lw in ("the", "a", "an") and out and out[-1] == "of":
            out.append(w)
            continue
        if lw in STOPWORDS or not w[:1].isalpha():
            break
        out.append(w)
        if len(out) >= limit:
            break
    while out and out[-1].lower() in ("of", "the", "a", "an"):
        out.pop()
    return " ".join(out) or None


@settings(max_examples=300)
@given(st.one_of(_FIGURE_TEXTS, TEXTS, st.text(alphabet=" ,;:()–—-ab\n\t", max_size=40)))
def test_words_and_clauses_around_a_figure_read_as_before(text: str) -> None:
    assert [m.span() for m in figures._CLAUSE_BREAK.finditer(text)] == [
        m.span() for m in _OLD_CLAUSE_BREAK.finditer(text)
    ]
    for start in range(len(text) + 1):
        assert figures._counted_noun(text, start) == _old_counted_noun(text, start)
        assert figures._phrase_after(text, start) == _old_phrase_after(text, start)


# -- mentions ---------------------------------------------------------------------------------------------------


def _old_runs(unit: Unit, sentence_starts: set[int]) -> list[tuple[object, ...]]:
    """The original loop: every match tokenised in place and divided into runs where it stands."""
    text = unit.text
    lead = len(text) - len(text.lstrip("\"'“‘( "))
    runs: list[tuple[object, ...]] = []
    prev_end = 0
    started = False
    for m in mentions._RUN.finditer(text):
        word = m.group()
        if word.isalpha():
            if mentions._spelt_names_nothing((word,)):
                prev_end, started = m.end(), True
                continue
            toks = [mentions._Tok(m.start(), m.end(), word)]
        else:
            toks = [mentions._Tok(m.start() + s, m.start() + e, w) for s, e, w in mentions._token_spans(word)]
        i = 0
        while i < len(toks):
            t = toks[i]
            if not t.cap:
                i += 1
                continue
            j = i + 1
            has_cue = t.bare in mentions.ORGANISATION_CUES
            while j < len(toks):
                if text[toks[j - 1].end : toks[j].start] not in (" ", "\u00a0"):
                    break
                nxt = toks[j]
                if nxt.cap:
                    has_cue = has_cue or nxt.bare in mentions.ORGANISATION_CUES
                    j += 1
                    continue
                lowered = nxt.text.lower()
                joins = lowered in mentions._CONNECTORS or (
                    lowered == "and" and has_cue and any(x.text in ("of", "for") for x in toks[i:j])
                )
                if joins and j + 1 < len(toks) and toks[j + 1].cap and text[nxt.end : toks[j + 1].start] == " ":
                    j += 2
                    continue
                break
            if mentions._names_nothing(toks[i:j]):
                prev_end, started = toks[j - 1].end, True
                i = j
                continue
            if i > 0:
                prev = toks[i - 1]
                before = prev.text.lower() if not text[prev.end : t.start].strip() else ""
            else:
                before = mentions._previous_word(text[max(0, t.start - 40) : t.start]).lower()
            if j < len(toks):
                after = toks[j].text if text[toks[j - 1].end : toks[j].start] == " " else ""
            else:
                found = mentions._NEXT_WORD.match(text, toks[j - 1].end)
                after = found.group(1) if found else ""
            spans = tuple((x.start, x.end, x.text, x.bare, x.cap) for x in toks[i:j])
            gap = text[prev_end : t.start] if started else ""
            runs.append((spans, t.start in sentence_starts or t.start == lead, before, gap, after))
            prev_end, started = toks[j - 1].end, True
            i = j
    return runs


_NAME_PIECES = str.split(
    "The We I’m Mr. Mr Dr. J. Vladimir Putin Putin’s Ministry of Foreign Affairs Trade and Industry Bank for "
    "International Settlements United States Senate RIA Novosti INNOPROM Kassym-Jomart Tokayev’s in at Sochi "
    "Russia Moscow the and of for de Van DER On İstanbul ſo Σ 中国 U.S. St. Petersburg Lake Baikal"
)
_NAME_TEXTS = st.lists(st.tuples(st.sampled_from(_NAME_PIECES), _SEPARATORS), max_size=30).map(
    lambda pairs: "".join(w + s for w, s in pairs)
)


@settings(max_examples=400)
@given(
    st.one_of(
        _NAME_TEXTS, TEXTS, st.lists(st.sampled_from(["Ab", "Cd", " ", "of", "and", "."]), max_size=400).map("".join)
    )
)
def test_capitalised_runs_as_read_in_place(text: str) -> None:
    """Runs read from the remembered layout of each stretch, as the original read them where they stood."""
    unit = Unit(speaker="a", turn=0, paragraph=0, text=text)
    starts = {s.start for s in sentences_of([unit])}
    got = [
        (
            tuple((r.offset + x.start, r.offset + x.end, x.text, x.bare, x.cap) for x in r.tokens),
            r.sentence_start,
            r.before,
            r.gap,
            r.after,
        )
        for r in mentions._runs(unit, starts)
    ]
    assert got == _old_runs(unit, starts)
