"""Key figures: money, percentages, fractions, dates, years, counts and ordinals.

Each kind is one regular expression and one small function that normalises
a match; where two matches overlap, the longer one wins, then the kind that
stands first in ``_PATTERNS``. Text is English; other languages yield few or
no figures, never an error.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
import sys
from collections.abc import Callable, Sequence
from decimal import Decimal
from fractions import Fraction

import attrs

from stenogram.analysis.numbers import (
    CURRENCY_SYMBOLS,
    CURRENCY_WORDS,
    DENOMINATORS,
    MONTHS,
    ORDINAL_WORDS,
    SCALES,
    TENS,
    UNITS,
    number_value,
    ordinal_value,
)
from stenogram.analysis.records import Figure, FigureKind, Number
from stenogram.analysis.sentences import Sentence, Unit
from stenogram.analysis.words import STOPWORDS, table

__all__ = ["find_figures"]


def _alt(words: Sequence[str]) -> str:
    return "|".join(sorted((re.escape(w) for w in words), key=lambda w: (-len(w), w)))


_UNIT_WORDS = _alt([w for w in UNITS if w != "zero"])
_TEN_WORDS = _alt(list(TENS))
_WORD_NUMBER = rf"(?:(?:{_TEN_WORDS})(?:-(?:{_alt([w for w, v in UNITS.items() if 0 < v < 10])}))?|{_UNIT_WORDS})"
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_NUMBER = rf"(?:{_DIGITS}|{_WORD_NUMBER})"
_SCALE = r"(?:thousand|million|billion|trillion|mln|mn|bn|trn|tn)"
_SYMBOL = _alt(list(CURRENCY_SYMBOLS))
_CURRENCY = _alt(list(CURRENCY_WORDS))
_MONTH = "(?:" + "|".join(m.capitalize() for m in MONTHS) + ")"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_YEAR_RE = re.compile(_YEAR)
_LOWER_WORD = re.compile(r"[a-z][a-z\-]+")
_NEXT_LOWER_WORD = re.compile(r"\s([a-z][a-z\-]+)\b")
_DASH = r"\s?[-–—]\s?"
_RELATIVE_YEAR = r"(?:\s+(?:of\s+)?(?P<rel>this|last|next|the\s+current|the\s+previous)\s+year)"
_ORDINAL_WORD = _alt([*ORDINAL_WORDS, *(f"{t}-{o}" for t in TENS for o, v in ORDINAL_WORDS.items() if v < 10)])
# A word that is not part of a bigger token on the left.
_L = r"(?<![\w$€£¥₽₸₹.,\-])"


def _opening(words: Sequence[str], digit: bool = False) -> str:
    """A look-ahead on the first letters of ``words`` (and a digit): a pattern that opens with it is passed over
    most positions at once, where the alternatives after it would each be tried and fail."""
    return "(?=[" + ("\\d" if digit else "") + "".join(sorted({w[0] for w in words})) + "])"


_NUMBER_OPENING = _opening([w for w in (*UNITS, *TENS) if w != "zero"], digit=True)
_R = r"(?![\w%])"

_FLAGS = re.IGNORECASE
_OWNERS = ("the", "a", "its", "our", "this", "their", "his", "her", "your", "my")  # "the fourth time", "our third"
_PATTERNS: tuple[tuple[FigureKind, re.Pattern[str]], ...] = (
    (
        FigureKind.MONEY,
        re.compile(
            rf"(?<![\w.,])(?P<sym>{_SYMBOL})\s?(?P<n>{_DIGITS})(?:\s?(?P<scale>{_SCALE}|m|k)\b)?"
            rf"(?:{_DASH}(?:{_SYMBOL})?\s?(?P<n2>{_DIGITS})(?:\s?(?P<scale2>{_SCALE}|m|k)\b)?)?",
            _FLAGS,
        ),
    ),
    (
        FigureKind.MONEY,
        re.compile(rf"{_NUMBER_OPENING}{_L}(?P<n>{_NUMBER})(?:\s(?P<scale>{_SCALE}))?\s(?P<cur>{_CURRENCY})\b", _FLAGS),
    ),
    (
        FigureKind.PERCENT,
        re.compile(
            rf"{_NUMBER_OPENING}{_L}(?P<n>{_NUMBER})(?:{_DASH}(?P<n2>{_NUMBER}))?(?:\s?%|[\s-](?P<word>percent|per\s?cent"
            rf"|percentage\s+points?)\b)",
            _FLAGS,
        ),
    ),
    (
        FigureKind.DATE_RANGE,
        re.compile(
            rf"\b(?:from\s+|between\s+)?(?P<m1>{_MONTH})(?:{_DASH}|\s+(?:to|and|through|till|until)\s+)"
            rf"(?P<m2>{_MONTH})(?:\s+(?P<y>{_YEAR})|{_RELATIVE_YEAR})?\b"
        ),
    ),
    (
        FigureKind.DATE_RANGE,
        re.compile(rf"\b(?P<d1>[0-3]?\d){_DASH}(?P<d2>[0-3]?\d)\s+(?P<m1>{_MONTH})(?:,?\s+(?P<y>{_YEAR}))?\b"),
    ),
    (
        FigureKind.DATE,
        re.compile(
            rf"\b(?P<d>[0-3]?\d)(?:st|nd|rd|th)?(?:\s+of)?\s+(?P<m>{_MONTH})(?:,?\s+(?P<y>{_YEAR})|{_RELATIVE_YEAR})?\b"
        ),
    ),
    (
        FigureKind.DATE,
        re.compile(
            rf"\b(?P<m>{_MONTH})\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?(?![\d%])(?:,?\s+(?P<y>{_YEAR})|{_RELATIVE_YEAR})?\b"
        ),
    ),
    (FigureKind.DATE, re.compile(rf"\b(?P<m>{_MONTH})(?:\s+(?P<y>{_YEAR})|{_RELATIVE_YEAR})\b")),
    (
        FigureKind.DATE,
        re.compile(rf"\b(?:in|since|until|till|by|from|of|early|late|mid-|end\s+of)\s+(?P<fig>(?P<m>{_MONTH}))\b"),
    ),
    (
        FigureKind.YEAR_RANGE,
        re.compile(
            rf"{_L}(?:from\s+|between\s+)?(?P<y1>{_YEAR})(?:{_DASH}|\s+(?:to|and|through|till|until)\s+)"
            rf"(?P<y2>{_YEAR}|\d\d)(?![\d%])\b"
        ),
    ),
    (FigureKind.YEAR_RANGE, re.compile(rf"{_L}(?:the\s+)?(?P<decade>(?:1[89]|20)\d0)[’']?s\b")),
    (FigureKind.YEAR, re.compile(rf"{_L}(?P<y>{_YEAR}){_R}(?!\s?(?:%|percent|per\s?cent|{_SCALE}))")),
    (
        FigureKind.FRACTION,
        re.compile(
            rf"\b(?:by\s+)?(?P<fig>(?P<num>a|one|two|three|four|five)[\s-](?P<den>{_alt(list(DENOMINATORS))}))"
            r"(?=\s*(?:[,.;:)]|$|\s(?:of|over|in|since|compared|from|to|on|and|or|than|last|this|year|per)\b))",
            _FLAGS,
        ),
    ),
    (FigureKind.FRACTION, re.compile(r"\bby\s+(?P<fig>(?P<den>half))\b", _FLAGS)),
    (
        FigureKind.ORDINAL,
        re.compile(rf"{_L}(?P<fig>(?P<ord>\d+(?:st|nd|rd|th))\s+(?P<noun>[a-z][a-z\-]+))\b"),
    ),
    (
        FigureKind.ORDINAL,
        re.compile(
            rf"{_opening(_OWNERS)}\b(?:{'|'.join(_OWNERS)})\s+(?P<fig>(?P<ord>{_ORDINAL_WORD})\s+"
            r"(?P<noun>[a-z][a-z\-]+))\b",
            _FLAGS,
        ),
    ),
    (
        FigureKind.COUNT,
        re.compile(
            rf"{_NUMBER_OPENING}{_L}(?P<fig>(?P<n>{_DIGITS}|{_WORD_NUMBER})(?:\s(?P<scale>{_SCALE}))?\s+(?P<noun>[a-z][a-z\-]+"
            r"(?:\s[a-z][a-z\-]+)?))\b",
            _FLAGS,
        ),
    ),
)
_PRIORITY = {kind: i for i, kind in enumerate(FigureKind)}
_PLURAL_NOUNS = table("people children men women staff personnel police cattle")
_NOT_NOUNS = STOPWORDS | table(
    "percent per cent times fold years-old billion million thousand trillion hundred dozen more less"
)
_NOT_COUNTED = frozenset(["one", "1", "zero", "0"])
_ORDINAL_ADJECTIVES = table("full whole consecutive straight successive annual official regular new last")
# "The second matter", "my third point": ordinals that number the speech, not the world.
_DISCOURSE = table("matter matters point points question questions thing things issue issues aspect place part")


@attrs.define(kw_only=True)  # not frozen: a frozen class is slower to build, and a text may hold 200,000
class _Found:
    kind: FigureKind
    start: int
    end: int
    value: Number | None = None
    upper: Number | None = None
    unit: str | None = None
    iso: str | None = None
    noun: tuple[int, int] | None = None  # span of the counted noun, for the context


# The letters an ignore-case pattern reads as ASCII ones ("ſ" as "s", "ı" and "İ" as "i", the Kelvin sign as "k"):
# a word a pattern matched is spelt with the ASCII letter before it is looked up in a table ("thouſand").
_ASCII_FOLDS = str.maketrans("ıſKİ", "iski")


def _key(word: str) -> str:
    """``word`` as the tables spell it: in lower case, with ASCII letters for those an ignore-case match took."""
    return word.translate(_ASCII_FOLDS).lower()


def _scaled(n: str | None, scale: str | None) -> Decimal | None:
    if n is None:
        return None
    v = number_value(n)
    if v is None:
        return None
    return v * SCALES[_key(scale)] if scale else v


def _fig_span(m: re.Match[str]) -> tuple[int, int]:
    if m.groupdict().get("fig") is not None:
        return m.span("fig")
    return m.span()


def _relative_year(m: re.Match[str], year: int | None) -> str:
    rel = m.groupdict().get("rel")
    y = m.groupdict().get("y")
    if y:
        return y
    if rel and year is not None:
        offset = {"this": 0, "last": -1, "next": 1}.get(rel.split()[-1].lower(), 0)
        if rel.lower().endswith("current"):
            offset = 0
        elif rel.lower().endswith("previous"):
            offset = -1
        return f"{year + offset:04d}"
    return "XXXX"


def _money(m: re.Match[str], year: int | None) -> _Found | None:
    groups = m.groupdict()
    value = _scaled(groups["n"], groups.get("scale"))
    if value is None:
        return None
    upper = _scaled(groups.get("n2"), groups.get("scale2") or groups.get("scale")) if groups.get("n2") else None
    if upper is not None and not groups.get("scale") and groups.get("scale2"):
        value = _scaled(groups["n"], groups["scale2"])  # "$10-15 billion"
    if groups.get("sym"):
        unit = CURRENCY_SYMBOLS[groups["sym"].upper() if groups["sym"].lower() == "us$" else groups["sym"]]
    else:
        unit = CURRENCY_WORDS[" ".join(_key(groups["cur"]).split())]
    return _Found(kind=FigureKind.MONEY, start=m.start(), end=m.end(), value=value, upper=upper, unit=unit)


def _percent(m: re.Match[str], year: int | None) -> _Found | None:
    value = number_value(m.group("n"))
    if value is None:
        return None
    upper = number_value(m.group("n2")) if m.group("n2") else None
    word = (m.group("word") or "").lower()
    unit = "pp" if word.startswith("percentage") else "%"
    return _Found(kind=FigureKind.PERCENT, start=m.start(), end=m.end(), value=value, upper=upper, unit=unit)


def _date_range(m: re.Match[str], year: int | None) -> _Found | None:
    g = m.groupdict()
    y = _relative_year(m, year)
    m1 = MONTHS[g["m1"].lower()]
    if g.get("d1"):
        d1, d2 = int(g["d1"]), int(g["d2"])
        if not (1 <= d1 < d2 <= 31):
            return None
        iso = f"{y}-{m1:02d}-{d1:02d}/{y}-{m1:02d}-{d2:02d}"
    else:
        iso = f"{y}-{m1:02d}/{y}-{MONTHS[g['m2'].lower()]:02d}"
    return _Found(kind=FigureKind.DATE_RANGE, start=m.start(), end=m.end(), iso=iso)


def _date(m: re.Match[str], year: int | None) -> _Found | None:
    g = m.groupdict()
    month = MONTHS[g["m"].lower()]
    start, end = _fig_span(m)
    if g.get("d"):
        day = int(g["d"])
        if not 1 <= day <= 31:
            return None
        iso = f"{_relative_year(m, year)}-{month:02d}-{day:02d}"
    else:
        if g["m"] == "May" and not (g.get("y") or g.get("rel")) and g.get("fig") is None:
            return None
        iso = f"{_relative_year(m, year)}-{month:02d}"
    return _Found(kind=FigureKind.DATE, start=start, end=end, iso=iso)


def _year_range(m: re.Match[str], year: int | None) -> _Found | None:
    g = m.groupdict()
    if g.get("decade"):
        first = int(g["decade"])
        return _Found(
            kind=FigureKind.YEAR_RANGE,
            start=m.start(),
            end=m.end(),
            value=Decimal(first),
            upper=Decimal(first + 9),
            iso=f"{first}/{first + 9}",
        )
    y1 = int(g["y1"])
    y2 = int(g["y2"]) if len(g["y2"]) == 4 else y1 // 100 * 100 + int(g["y2"])
    if y2 <= y1:
        return None
    return _Found(
        kind=FigureKind.YEAR_RANGE,
        start=m.start(),
        end=m.end(),
        value=Decimal(y1),
        upper=Decimal(y2),
        iso=f"{y1}/{y2}",
    )


def _year(m: re.Match[str], year: int | None) -> _Found | None:
    y = m.group("y")
    return _Found(kind=FigureKind.YEAR, start=m.start(), end=m.end(), value=Decimal(y), iso=y)


def _fraction(m: re.Match[str], year: int | None) -> _Found | None:
    num = m.groupdict().get("num")
    numerator = 1 if num is None or _key(num) in ("a", "one") else UNITS[_key(num)]
    value = Fraction(numerator, DENOMINATORS[_key(m.group("den"))])
    start, end = _fig_span(m)
    return _Found(kind=FigureKind.FRACTION, start=start, end=end, value=value)


def _counted_noun(text: str, start: int) -> tuple[int, int] | None:
    """The span of the noun a number counts, from ``start``: one plural word, or adjective + plural."""
    # The first two words of the 40 characters from ``start``, read no further.
    words = [
        (m.start(), m.end(), m.group()) for m in itertools.islice(_LOWER_WORD.finditer(text, start, start + 40), 2)
    ]
    if not words or words[0][2] in _NOT_NOUNS:
        return None
    first = words[0][2]
    if first in _PLURAL_NOUNS or (first.endswith("s") and not first.endswith("ss")):
        return words[0][0], words[0][1]
    if len(words) == 2 and words[1][2] not in _NOT_NOUNS:
        second = words[1][2]
        if second in _PLURAL_NOUNS or (second.endswith("s") and not second.endswith("ss")):
            return words[0][0], words[1][1]
    return None


def _count(m: re.Match[str], year: int | None) -> _Found | None:
    n = m.group("n")
    if n.lower() in _NOT_COUNTED or _YEAR_RE.fullmatch(n):
        return None
    value = _scaled(n, m.group("scale"))
    if value is None:
        return None
    noun = _counted_noun(m.string, m.start("noun"))
    if noun is None:
        return None
    return _Found(kind=FigureKind.COUNT, start=m.start("fig"), end=noun[1], value=value, noun=noun)


def _ordinal(m: re.Match[str], year: int | None) -> _Found | None:
    value = ordinal_value(m.group("ord"))
    noun = m.group("noun")
    if value is None or value < 1 or not noun.islower() or noun in _NOT_NOUNS or noun in _DISCOURSE:
        return None  # "the Second World War" is a name
    digits = m.group("ord")[:1].isdigit()
    if digits and m.group("ord")[-2:] != {1: "st", 2: "nd", 3: "rd"}.get(
        value % 10 if value % 100 not in (11, 12, 13) else 0, "th"
    ):
        return None
    if not digits and value == 1:
        return None  # "the first" is a figure of speech far more often than a figure
    start, end = _fig_span(m)
    noun_span = m.span("noun")
    if noun in _ORDINAL_ADJECTIVES:  # "a seventh full day": the noun is one word further
        nxt = _NEXT_LOWER_WORD.match(m.string[end : end + 40])
        if nxt is None or nxt.group(1) in _NOT_NOUNS:
            return None
        end = noun_span[1] + nxt.end()
        noun_span = (noun_span[0], end)
    return _Found(kind=FigureKind.ORDINAL, start=start, end=end, value=Decimal(value), noun=noun_span)


_BUILDERS: dict[FigureKind, Callable[[re.Match[str], int | None], _Found | None]] = {
    FigureKind.MONEY: _money,
    FigureKind.PERCENT: _percent,
    FigureKind.DATE_RANGE: _date_range,
    FigureKind.DATE: _date,
    FigureKind.YEAR_RANGE: _year_range,
    FigureKind.YEAR: _year,
    FigureKind.FRACTION: _fraction,
    FigureKind.ORDINAL: _ordinal,
    FigureKind.COUNT: _count,
}


# Every figure holds a digit, a symbol or one of these words; sentences without any are skipped unscanned.
_TRIGGER_CHARS = re.compile(r"[\d$€£¥₽₸₹%]")
_TRIGGER_WORDS = frozenset(
    [w for w in (*UNITS, *TENS, *ORDINAL_WORDS, *DENOMINATORS, *MONTHS) if w not in ("zero", "one")]
)


# What each pattern cannot match without (ignoring case): a stretch of text (a digit, a year, "5th"), or one of the
# words. A pattern whose literal is absent from a sentence is not run on it; the matches are the same, found sooner.
_DIGIT = re.compile(r"\d")
_YEARS = re.compile(r"(?:1[89]|20)\d\d")  # what _YEAR and the decades match (each opens with a digit: a quick scan)
_DIGIT_ORDINAL = re.compile(r"\d(?:st|nd|rd|th)")
_DIGIT_SPACE = re.compile(r"\d\s")  # a number in digits, then the white space before its scale, currency or noun
_NUMBER_WORDS = tuple(w for w in (*UNITS, *TENS) if w != "zero")
_MONTH_WORDS = tuple(MONTHS)
_SYMBOL_CHARS = tuple(sorted({c for symbol in CURRENCY_SYMBOLS for c in symbol if not c.isalpha()}))  # "US$": "$"
_NEEDS: tuple[tuple[re.Pattern[str] | None, tuple[str, ...]], ...] = (
    (_DIGIT, _SYMBOL_CHARS),  # money after a symbol
    (None, tuple(CURRENCY_WORDS)),  # money before a currency word
    (None, ("%", "per", "percent", "percentage")),  # percent, per cent, percentage points (as whole words too)
    (None, _MONTH_WORDS),  # date ranges by month
    (_DIGIT, _MONTH_WORDS),  # day ranges in a month
    (_DIGIT, _MONTH_WORDS),  # day month
    (_DIGIT, _MONTH_WORDS),  # month day
    (None, _MONTH_WORDS),  # month year
    (None, _MONTH_WORDS),  # "since July"
    (_YEARS, ()),  # year ranges
    (_YEARS, ()),  # decades
    (_YEARS, ()),  # years
    (None, tuple(DENOMINATORS)),  # fractions
    (None, ("half",)),  # "by half"
    (_DIGIT_ORDINAL, ()),  # "5th day"
    (None, tuple(ORDINAL_WORDS)),  # "the fourth time"
    (None, ()),  # counts
)


#: Letters an ignore-case pattern takes for ASCII ones (``ı`` for ``i``, ``ſ`` for ``s``, the Kelvin sign for ``k``).
_FOLDED = "ıſKİ"
_LETTER_RUN = re.compile(r"[a-z]+")


def _runs_of(words: tuple[str, ...]) -> tuple[frozenset[str], tuple[str, ...]]:
    """The last letter run of each of ``words`` (``us dollars``: ``dollars``), and those of them without a letter."""
    runs = frozenset(r for w in words for r in _LETTER_RUN.findall(w)[-1:])
    return runs, tuple(w for w in words if not _LETTER_RUN.search(w))


# Each pattern's words stand in its matches as whole runs of letters (the pattern puts a space, a dash or a word
# boundary either side), so a sentence whose letter runs (``Sentence.words``) hold none of them cannot match.
_NEEDS_RUNS = tuple(_runs_of(words) for _, words in _NEEDS)
_NUMBER_RUNS = frozenset(_NUMBER_WORDS)
_NUMBER_LED = 1 << 1 | 1 << 16  # money before a currency word, and counts: they open with a number
# The same tests as bit masks, one bit a pattern: what each letter run and each symbol allows, what each stretch
# needs; a sentence's patterns are then a few set and integer operations, not a loop over the patterns.
# Runs that allow a pattern only beside another: "the first" is a figure of speech that _ordinal drops, so "first"
# allows the ordinal words' pattern only with a tens word ("twenty-first").
_PAIRED = (("first", frozenset(TENS), 1 << 15),)
_RUN_MASKS = {
    word: sum(1 << k for k, (runs, _) in enumerate(_NEEDS_RUNS) if word in runs)
    & ~sum(allowed for alone, _, allowed in _PAIRED if alone == word)
    for word in frozenset().union(*(runs for runs, _ in _NEEDS_RUNS))
}
_SYMBOL_MASKS = {
    symbol: sum(1 << k for k, (_, symbols) in enumerate(_NEEDS_RUNS) if symbol in symbols)
    for symbol in dict.fromkeys(symbol for _, symbols in _NEEDS_RUNS for symbol in symbols)
}
_ASCII_SYMBOL_MASKS = tuple((c, m) for c, m in _SYMBOL_MASKS.items() if c.isascii())
_WORDLESS = sum(1 << k for k, (_, words) in enumerate(_NEEDS) if not words)
# A year and a digit ordinal hold a digit: the digit, looked for first, clears their patterns too when absent.
_HOLDS_DIGIT = (_YEARS, _DIGIT_ORDINAL)
_STRETCH_MASKS = tuple(
    (
        stretch,
        sum(1 << k for k, (n, _) in enumerate(_NEEDS) if n is stretch or (stretch is _DIGIT and n in _HOLDS_DIGIT)),
    )
    for stretch in (_DIGIT, *_HOLDS_DIGIT)
)
assert {n for n, _ in _NEEDS} == {None, _DIGIT, *_HOLDS_DIGIT}, "a stretch left out of _STRETCH_MASKS"
_RUN_WORDS = frozenset(_RUN_MASKS)


@functools.lru_cache(maxsize=1024)
def _indexes(mask: int) -> tuple[int, ...]:
    return tuple(k for k in range(len(_NEEDS)) if mask >> k & 1)


def _patterns_for(text: str, start: int, end: int, runs: frozenset[str]) -> tuple[int, ...]:
    """The indexes of the patterns that can match in ``text[start:end]``, whose letter runs are ``runs``."""
    segment = text[start:end]
    ascii_only = segment.isascii()
    if not ascii_only and any(c in segment for c in _FOLDED):
        return _patterns_for_folded(segment)
    mask = _WORDLESS
    for word in runs & _RUN_WORDS:
        mask |= _RUN_MASKS[word]
    for word, beside, allowed in _PAIRED:
        if word in runs and not beside.isdisjoint(runs):
            mask |= allowed
    for symbol, allowed in _ASCII_SYMBOL_MASKS if ascii_only else _SYMBOL_MASKS.items():
        if symbol in segment:
            mask |= allowed
    for stretch, needing in _STRETCH_MASKS:
        if mask & needing and stretch.search(segment) is None:
            mask &= ~needing
    if mask & _NUMBER_LED and _NUMBER_RUNS.isdisjoint(runs) and _DIGIT_SPACE.search(segment) is None:
        mask &= ~_NUMBER_LED
    return _indexes(mask)


def _patterns_for_folded(segment: str) -> tuple[int, ...]:
    """:func:`_patterns_for` of a segment with a letter that folds to an ASCII one: its words looked for as text."""
    low = segment.lower().replace("ı", "i").replace("ſ", "s")  # the two an ignore-case pattern takes that lower() keeps
    out = []
    present: dict[tuple[str, ...], bool] = {}  # five patterns need a month: the months are looked for once
    for k, (stretch, words) in enumerate(_NEEDS):
        if stretch is not None and stretch.search(segment) is None:
            continue
        if words:
            found = present.get(words)
            if found is None:
                found = present[words] = any(w in low for w in words)
            if not found:
                continue
        out.append(k)
    if _DIGIT_SPACE.search(segment) is None and not any(w in low for w in _NUMBER_WORDS):
        out = [k for k in out if k not in (1, 16)]
    return tuple(out)


#: Each pattern with its builder and its kind's priority (looked up once: an enum member hashes in Python).
_TRIALS = tuple((pattern, _BUILDERS[kind], _PRIORITY[kind]) for kind, pattern in _PATTERNS)


def _candidates(text: str, ranges: Sequence[tuple[int, int, frozenset[str]]], year: int | None) -> list[_Found]:
    # Longest first, then the kind's priority, then position, then the order found (a stable sort's order): each
    # figure with that key, sorted as tuples; keep what does not overlap what was kept.
    found: list[tuple[int, int, int, int, _Found]] = []
    for start, end, runs in ranges:
        for index in _patterns_for(text, start, end, runs):
            pattern, build, priority = _TRIALS[index]
            for m in pattern.finditer(text, start, end):
                f = build(m, year)
                # A builder may read on past the match ("4 July. Papers"): a figure never crosses its sentence.
                if f is not None and start <= f.start < f.end <= end:
                    found.append((f.start - f.end, priority, f.start, len(found), f))
    found.sort()
    kept: list[_Found] = []
    taken = bytearray(len(text))  # 1 where a kept figure stands: linear however many figures a paragraph holds
    for *_, f in found:
        if taken.find(1, f.start, f.end) == -1:
            kept.append(f)
            taken[f.start : f.end] = b"\x01" * (f.end - f.start)
    kept.sort(key=lambda f: f.start)
    return kept


# -- what a figure is about ------------------------------------------------------

# A look-ahead on the characters the alternatives open with: most positions fail at once.
_CLAUSE_BREAK = re.compile(r"(?=[,;:()\u2013\u2014\s])(?:[,;:](?=\s)|[()\u2013\u2014]|\s-\s)")
_WORD = re.compile(r"[\w’'\-]+")
# Words that open a subordinate clause: its subject is found after them ("I say that when we compare ... growth").
_SUBORDINATE = re.compile(r"\b(?:that|when|because|although|whereas|while|if)\s", re.IGNORECASE)
_VERBS = table(
    """is are was were be been being has have had grew grow grows rose rise rises fell fall falls reached reach reaches
    exceeded exceed exceeds amounted amount amounts totalled totaled stood stands increased increase increases
    decreased decrease decreases declined decline declines dropped drop drops will would could should can may might
    must shall accounts accounted made makes cost costs spent spend invested allocated received reaching exceeding
    amounting totalling growing increasing"""
)
_PRONOUNS = table("it this that they these those we i you he she which who there what")


def _words(text: str, offset: int = 0) -> list[tuple[int, int, str]]:
    return [(m.start() + offset, m.end() + offset, m.group()) for m in _WORD.finditer(text)]


def _is_verb(word: str) -> bool:
    w = word.lower()
    return w in _VERBS or (len(w) > 5 and w.endswith("ed") and w not in STOPWORDS)


def _subject(sentence_text: str, upto: int) -> str | None:
    """The noun phrase before the first verb of the clause that ends at ``upto``; ``""`` for a pronoun."""
    breaks = [*_CLAUSE_BREAK.finditer(sentence_text, 0, upto), *_SUBORDINATE.finditer(sentence_text, 0, upto)]
    cuts = sorted({0, *(m.end() for m in breaks)})
    for seg_start, seg_end in list(zip(cuts, [*cuts[1:], upto], strict=True))[::-1][:3]:
        words = _words(sentence_text[seg_start:seg_end])
        verb = next((i for i, w in enumerate(words) if _is_verb(w[2])), None)
        if verb is None or verb == 0:
            continue
        if words[verb - 1][2].lower() in _PRONOUNS:
            return ""
        # The content words that end at the verb, "of" and "and" allowed between them.
        subject: list[str] = []
        for _, _, w in reversed(words[:verb]):
            lw = w.lower()
            if (lw in STOPWORDS and lw not in ("of", "and")) or not w[:1].isalpha() or len(subject) >= 5:
                break
            subject.insert(0, w)
        while subject and subject[0].lower() in ("of", "and"):
            subject = subject[1:]
        while subject and subject[-1].lower() in ("of", "and"):
            subject = subject[:-1]
        if subject:
            return " ".join(subject)
    return None


def _phrase_after(text: str, start: int, limit: int = 5) -> str | None:
    """The noun phrase that starts at ``start``, with one ``of ...`` continuation."""
    out: list[str] = []
    for m in _WORD.finditer(text, start, start + 80):  # read while the phrase lasts (as in the 80 characters)
        w = m.group()
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


def _phrase_before(text: str, end: int) -> str | None:
    """The content words that end just before ``end``: ``programme for 2021-2025`` -> ``programme``."""
    words = _words(text[max(0, end - 80) : end])
    out: list[str] = []
    for _, _, w in reversed(words):
        if w.lower() in STOPWORDS or _is_verb(w) or not w[:1].isalpha():
            break
        out.append(w)
        if len(out) >= 5:
            break
    return " ".join(reversed(out)) or None


def _context(f: _Found, unit_text: str, text: str, offset: int, previous: str | None) -> str | None:
    """What ``f`` is about, read from ``text``, the part of its sentence that starts at ``offset``."""
    rel_start, rel_end = f.start - offset, f.end - offset
    before = text[:rel_start].rstrip()
    last_word = before.rsplit(None, 1)[-1].lower() if before else ""
    if f.noun is not None:
        noun = unit_text[f.noun[0] : f.noun[1]]
        tail = _phrase_after(text, f.noun[1] - offset)
        if tail and tail.lower().startswith("of "):
            return f"{noun} {tail}"
        return noun
    if f.kind in (FigureKind.MONEY, FigureKind.PERCENT, FigureKind.FRACTION):
        if last_word in ("a", "an"):
            after = _phrase_after(text, rel_end)
            if after:
                return after
        subject = _subject(text, rel_start)
        if subject == "" or subject is None:
            return previous
        return subject
    if last_word in ("for", "of"):
        return _phrase_before(text, len(before) - len(last_word))
    return None


# Subjects that say nothing about what a figure measures: "the figure is 5 percent", "the fact is ...".
_VAGUE = table(
    """figure figures fact facts matter point points time times thing things way case issue question part kind sort
    lot level small large big including"""
)


def _useful(context: str | None) -> str | None:
    """``context``, unless it is one vague word, an adverb ("fortunately") or a pronoun ("I've")."""
    if context is None or " " in context:
        return context
    word = context.lower().replace("’", "'")
    if word in _VAGUE or word.endswith("ly") or word.startswith(("i'", "we'", "you'", "they'")):
        return None
    return context


WINDOW_CHARS = 300  # of the sentence, either side of a figure, that its context and excerpt are read from
# The window characters a paragraph may read: twice its length and six windows more. Every paragraph of the
# corpus stays within that (the most: 22 figures, 4,815 characters); text made of figures ("$1 $1 $1 ...") would
# read 200 times its length. A figure past the budget keeps its value and location, but no context, and its
# excerpt is its own text: the analysis stays linear in the text.
WINDOW_BUDGET = 2
BUDGET_WINDOWS = 6
EXCERPT_MIN_WORDS = 6
EXCERPT_MAX_WORDS = 24


_PAIRS = (("(", ")"), ("[", "]"))


def _balanced(excerpt: str) -> str:
    """Without a bracket whose partner the clause cut off: "1967) stands as" -> "1967 stands as"."""
    for opening, closing in _PAIRS:
        while excerpt.count(closing) > excerpt.count(opening):
            i = excerpt.find(closing)
            excerpt = excerpt[:i] + excerpt[i + 1 :]
        while excerpt.count(opening) > excerpt.count(closing):
            i = excerpt.rfind(opening)
            excerpt = excerpt[:i] + excerpt[i + 1 :]
    return excerpt.strip()


def _excerpt(text: str, start: int, end: int) -> str:
    """The clause of ``text`` around ``[start, end)``, widened to a neighbour while it is too short to say much."""
    cuts = [m.span() for m in _CLAUSE_BREAK.finditer(text) if m.end() <= start or m.start() >= end]
    bounds = [(0, 0), *cuts, (len(text), len(text))]
    # The cuts stand in order and do not overlap: their starts and their ends both rise.
    i = bisect.bisect_right([e for _, e in bounds], start) - 1  # the cut that opens the clause
    j = bisect.bisect_left([s for s, _ in bounds], end)  # the cut that closes it
    while True:
        a, b = bounds[i][1], bounds[j][0]
        n = len(_WORD.findall(text, a, b))  # the pattern reads nothing around a word: as in text[a:b]
        if n >= EXCERPT_MIN_WORDS or (i == 0 and j == len(bounds) - 1):
            break
        if j < len(bounds) - 1:  # the clause that follows usually says what the figure is about
            j += 1
        else:
            i -= 1
    if n > EXCERPT_MAX_WORDS:
        words = list(_WORD.finditer(text, a, b))
        # Keep the figure and the words nearest to it.
        at = next(k for k, w in enumerate(words) if w.end() > start)
        lo = max(0, min(at - EXCERPT_MAX_WORDS // 2, len(words) - EXCERPT_MAX_WORDS))
        hi = lo + EXCERPT_MAX_WORDS
        a2 = words[lo].start() if lo > 0 else a
        b2 = words[hi - 1].end() if hi < len(words) else b
        out = _balanced(text[min(a2, start) : max(b2, end)].strip(" ,;:."))
        return ("…" if lo > 0 else "") + out + ("…" if hi < len(words) else "")
    return _balanced(text[a:b].strip(" ,;:.–—-"))


def find_figures(units: Sequence[Unit], sentences: Sequence[Sentence], year: int | None) -> list[Figure]:
    """Every figure in the units, in document order; ``year`` resolves "this year" when the meeting date is known."""
    by_unit: dict[tuple[int, int], list[Sentence]] = {}
    last: Unit | None = None
    for s in sentences:
        if s.unit is not last:  # a unit's sentences follow each other: its list is looked up once
            last = s.unit
            group = by_unit.setdefault((last.turn, last.paragraph), [])
        group.append(s)
    out: list[Figure] = []
    for unit in units:
        sents = by_unit.get((unit.turn, unit.paragraph), [])
        ranges = [  # the sentences with a trigger word or character: the only ones a figure can stand in
            (x.start, x.end, x.words)
            for x in sents
            if not _TRIGGER_WORDS.isdisjoint(x.words) or _TRIGGER_CHARS.search(x.unit.text, x.start, x.end)
        ]
        found = _candidates(unit.text, ranges, year) if ranges else []
        if not found:
            continue
        starts = [s.start for s in sents]
        previous: str | None = None
        budget = WINDOW_BUDGET * len(unit.text) + BUDGET_WINDOWS * WINDOW_CHARS
        found.reverse()
        while found:  # each candidate let go once its figure is made: one of the two at a time in memory
            f = found.pop()
            i = bisect.bisect_right(starts, f.start) - 1
            # A window of the sentence around the figure: an unpunctuated transcript is one long sentence.
            ws = max(sents[i].start, f.start - WINDOW_CHARS) if i >= 0 else 0
            we = min(sents[i].end, f.end + WINDOW_CHARS) if i >= 0 else 0
            if i >= 0 and we - ws <= budget:
                budget -= we - ws
                window = unit.text[ws:we]
                context = _context(f, unit.text, window, ws, previous)
                excerpt = _excerpt(window, f.start - ws, f.end - ws)
            else:
                context, excerpt = None, unit.text[f.start : f.end]
            # A text of figures repeats the same few: one string for each, to hold 200,000 in less memory.
            text = sys.intern(unit.text[f.start : f.end])
            excerpt = " ".join(excerpt.split())
            context = _useful(context)
            if f.kind in (FigureKind.MONEY, FigureKind.PERCENT, FigureKind.FRACTION) and context:
                previous = context
            out.append(
                Figure(
                    kind=f.kind,
                    text=text,
                    value=f.value,
                    upper=f.upper,
                    unit=f.unit,
                    iso=f.iso,
                    context=context,
                    excerpt=text if excerpt == text else excerpt,
                    location=unit.location(f.start, f.end),
                )
            )
    return out
