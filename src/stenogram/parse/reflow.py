"""Hard-wrap detection and paragraph breaking.

Where a document separates paragraphs by blank lines, a single line break is
a wrap and nothing needs guessing. Where it does not (kremlin.ru prints one
paragraph per line, but keeps the editor's ~80-column wraps inside some of
them), every line break is a choice between *wrap* and *new paragraph*.
Punctuation alone is right only ~88% of the time there, so the choice adds
up weighted cues:

* the document's wrap width, found as the densest 11-column band of line
  lengths (no band, no wrapping: every line is a paragraph);
* would the next line's first word have fitted on this line? A wrapping
  editor would have put it there, so if it fits this line ended a paragraph;
* punctuation at the end of the line, a trailing space (the publisher's
  ``</p>`` habit), the case of the next line's first letter;
* line lengths: a full-width line is inside a paragraph; a short line that
  is not the end of a sentence is the first line of one.

The weights were fitted by logistic regression on the kremlin development
pages (see docs/parser.md) and live in :data:`WEIGHTS`; a score near zero is
reported as an ``ambiguous-break`` diagnostic.

>>> width, wrapped = wrap_width([80, 78, 75, 79, 40, 77, 120, 76])
>>> width, wrapped
(80, True)
>>> break_score("our strategic partnership.", "We also discussed", "the key issues", 80, True) > 0
True
>>> break_score("Our heads of state held four meetings. Following their recent meeting", "in Sochi", None, 80, True) > 0
False
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from stenogram.text import WidePattern

__all__ = [
    "AMBIGUOUS",
    "WEIGHTS",
    "break_score",
    "ends_sentence",
    "features",
    "fold_spaces",
    "join_lines",
    "wrap_width",
]

_NARROW = 40  # a band of line lengths below this is a wrap width only if the long lines do not hold most text
_BAND = 11  # columns: a wrapping editor fills lines to within this of the width
_MIN_SHARE = 0.17  # share of lines inside the densest band that shows a hard wrap
_MIN_LINES = 8  # too few lines say nothing about wrapping

_SENTENCE_END = frozenset(".!?…。！？")
_CLOSERS = "\"'”’»)]"
_LOW_CLOSERS = "“‘"  # the closing quotes of a quotation opened low: „…“, ‚…‘
_COLONS = frozenset(":：")
_COMMAS = frozenset(",，;；")
_OPENERS = frozenset("\"'“‘«([<–—-•*")  # a quote, bracket or dash opens like a capital
_TRAILING = frozenset(" \t\u00a0")
_CLAUSE_END = re.compile(r"[.!?:;…]\s")
_GREETINGS = (
    "mr ms mrs madam dear colleagues friends ladies gentlemen your good hello hi distinguished esteemed "
    "excellencies excellency comrades fellow mister sir president"
)
_VOCATIVE_OPENERS = frozenset(_GREETINGS.split())
_CJK_EDGE = WidePattern(r"[\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]")

# Cue weights, in the order features() yields them; a positive sum means "new paragraph".
WEIGHTS: tuple[float, ...] = (
    -1.94,  # bias
    3.46,  # line ends a sentence
    1.26,  # line ends with a colon
    1.02,  # line ends with a comma or semicolon
    3.97,  # trailing space after the line
    -0.13,  # the next word would have fitted on this line
    -1.42,  # this line is full width
    -1.35,  # the next line is full width
    2.63,  # the next line is short and open: the first line of a paragraph
    -0.28,  # this line is longer than the wrap width (an unwrapped paragraph)
    0.61,  # the next line is longer than the wrap width
    2.06,  # the next line opens with a capital, digit, quote or dash
    -2.0,  # the next line opens in lower case
    1.18,  # this line is short (under 25 columns)
    -3.67,  # the document is hard-wrapped
    1.5,  # sentence end and the next word would have fitted
    -0.2,  # sentence end and the next line is full width
    -0.48,  # sentence end and this line is full width
    -0.39,  # the next line ends a sentence
    2.78,  # no hard wrap in the document and the line ends a sentence
    0.82,  # sentence end and this line is longer than the wrap width
    1.26,  # sentence end and the next line is short and open
    1.88,  # comma at the end and the next line opens with a capital
    -1.26,  # this line is the first of its paragraph and does not end a sentence
    0.07,  # this line holds the turn's label
    -0.13,  # the label's line ends a sentence
    -1.08,  # trailing space after the next line
    1.49,  # sentence end, a short next line, then a full-width one
    -0.29,  # the paragraph has three lines or more
    1.74,  # sentence end in a paragraph of three lines or more
    3.8,  # the line ends with a greeting: "Mr President, colleagues,"
    3.0,  # no hard wrap in the document (set on the dev sets' texts without one, see docs/parser.md)
)
_FEW_LINES = 1.5
AMBIGUOUS = 1.0  # |score| below this is reported as a guess


def wrap_width(lengths: Iterable[int]) -> tuple[int, bool]:
    """The document's wrap width and whether it is hard-wrapped at all.

    ``lengths`` are the lengths of the non-blank lines (trailing spaces removed).
    """
    counts = Counter(lengths)  # counted in C; the short lines are dropped from the few distinct lengths
    for short in [n for n in counts if n < 20]:
        del counts[short]
    total = sum(counts.values())
    if total < _MIN_LINES:
        return 0, False
    # The densest band (w - _BAND, w] of line lengths, smallest w first. It is always found with w on
    # a length that occurs, so a window slides over the distinct lengths only (one-line-per-paragraph
    # pages have lines thousands of characters long: sliding over every width would cost that much).
    best, width = 0, 0
    running = 0
    keys = sorted(counts)
    lo = 0
    for w in keys:
        running += counts[w]
        while keys[lo] <= w - _BAND:
            running -= counts[keys[lo]]
            lo += 1
        if running > best:
            best, width = running, w
    # A narrow band with most of the text in lines far longer (a roll call of names between long
    # paragraphs): the band is a run of short lines, not a wrap width.
    if width < _NARROW:
        beyond = sum(n * c for n, c in counts.items() if n > 2 * width + _BAND)
        if beyond > 0.5 * sum(n * c for n, c in counts.items()):
            return width, False
    return width, best >= _MIN_SHARE * total and width <= 200


def ends_sentence(text: str) -> bool:
    """Does (right-stripped) ``text`` end a sentence, closing quotes and brackets aside?"""
    if text[-1:] in _LOW_CLOSERS and _low_quoted(text):
        text = text[:-1]
    return text.rstrip(_CLOSERS)[-1:] in _SENTENCE_END if text else False


def _low_quoted(text: str) -> bool:
    """Does ``text``, ending with “ or ‘, open its quotation low (``„Der Antrag …“``), as German prints it?

    Then the last quote closes it; elsewhere “ and ‘ open a quotation.
    """
    return "„" in text or "‚" in text


def features(
    prev: str, line: str, after: str | None, width: int, wrapped: bool, *, para_lines: int = 2, label_line: bool = False
) -> tuple[float, ...]:
    """The cues for the break between ``prev`` and ``line`` (``after`` is the line after, if any).

    ``para_lines`` is how many lines the paragraph ``prev`` ends has so far,
    ``label_line`` whether ``prev`` is the line that holds the turn's label.

    Plain string tests rather than regular expressions: this runs once per line break.
    """
    a = prev.rstrip()
    b = line.strip()
    na, nb = len(a), len(b)
    space = b.find(" ")
    first_word = nb if space < 0 else space
    last = a[-1:]
    ends = ends_sentence(a)
    b_ends = ends_sentence(b)
    comma = last in _COMMAS
    first = b[:1]
    opens = first.isupper() or first.isdigit() or first in _OPENERS or (first.isalpha() and not first.islower())
    lower = "a" <= first <= "z"
    fits = wrapped and na + 1 + first_word <= width
    a_full = wrapped and width - _BAND < na <= width + 3
    b_full = wrapped and width - _BAND < nb <= width + 3
    b_open = wrapped and nb < width - 15 and not b_ends and after is not None and not after.isspace() and after != ""
    a_long = wrapped and na > width + 10
    return (
        1.0,
        float(ends),
        float(last in _COLONS),
        float(comma),
        float(prev[-1:] in _TRAILING),
        float(fits),
        float(a_full),
        float(b_full),
        float(b_open),
        float(a_long),
        float(wrapped and nb > width + 10),
        float(opens),
        float(lower),
        float(na < 25),
        float(wrapped),
        float(ends and fits),
        float(ends and b_full),
        float(ends and a_full),
        float(b_ends),
        float(ends and not wrapped),
        float(ends and a_long),
        float(ends and b_open),
        float(comma and opens),
        float(para_lines == 1 and not ends),
        float(label_line and para_lines == 1),
        float(label_line and para_lines == 1 and ends),
        float(line[-1:] in _TRAILING),
        float(ends and wrapped and nb < width - 15 and _full(after, width)),
        float(para_lines >= 3),
        float(ends and para_lines >= 3),
        float(comma and _vocative(a)),
        float(not wrapped),
    )


def _vocative(text: str) -> bool:
    """Does ``text`` end with a greeting such as "Mr President, colleagues," (a paragraph of its own)?"""
    clause = _CLAUSE_END.split(text)[-1].split()
    return 0 < len(clause) <= 8 and clause[0].strip(",").casefold() in _VOCATIVE_OPENERS


def _full(line: str | None, width: int) -> bool:
    """Is ``line`` (stripped) a full-width line of a document wrapped at ``width``?"""
    return line is not None and width - _BAND < len(line.strip()) <= width + 3


# WEIGHTS as named constants for break_score; pairs that are always added together are
# summed once here, which leaves every score bit for bit what adding them in turn gives.
(_B, _ENDS, _COLON, _COMMA, _TRAIL, _FITS, _A_FULL, _B_FULL, _B_OPEN, _A_LONG, _B_LONG, _OPENS, _LOWER, _SHORT,
 _WRAPPED, _ENDS_FITS, _ENDS_B_FULL, _ENDS_A_FULL, _B_ENDS, _ENDS_UNWRAPPED, _ENDS_A_LONG, _ENDS_B_OPEN,
 _COMMA_OPENS, _FIRST_OPEN, _LABEL, _LABEL_ENDS, _B_TRAIL, _ENDS_SHORT_FULL, _LONG_PARA, _ENDS_LONG_PARA,
 _GREETING, _UNWRAPPED) = WEIGHTS  # fmt: skip
_FITS_ENDS = _FITS + _ENDS_FITS
_A_FULL_ENDS = _A_FULL + _ENDS_A_FULL
_A_LONG_ENDS = _A_LONG + _ENDS_A_LONG
_B_FULL_ENDS = _B_FULL + _ENDS_B_FULL
_B_OPEN_ENDS = _B_OPEN + _ENDS_B_OPEN
_LABEL_ENDS_SUM = _LABEL + _LABEL_ENDS
_LONG_PARA_ENDS = _LONG_PARA + _ENDS_LONG_PARA

# First character of a line -> 1 (opens like a capital), -1 (ASCII lower case) or 0; filled as met.
_FIRST_KIND: dict[str, int] = {}


def _first_kind(first: str) -> int:
    if first.isupper() or first.isdigit() or first in _OPENERS or (first.isalpha() and not first.islower()):
        kind = 1
    else:
        kind = -1 if "a" <= first <= "z" else 0
    _FIRST_KIND[first] = kind
    return kind


def break_score(
    prev: str, line: str, after: str | None, width: int, wrapped: bool, *, para_lines: int = 2, label_line: bool = False
) -> float:
    """Positive when the line break between ``prev`` and ``line`` starts a new paragraph.

    The same sum as ``WEIGHTS`` times :func:`features`, written out because it
    runs once per line break (a test checks the two agree). With too few
    lines to know the wrap width (``width`` 0) only punctuation speaks.
    """
    a = prev.rstrip()
    last = a[-1:]
    # ends_sentence(a), stripping closers only when there is one to strip
    ends = last in _SENTENCE_END or (last in _CLOSERS and a.rstrip(_CLOSERS)[-1:] in _SENTENCE_END)
    if not ends and last in _LOW_CLOSERS and _low_quoted(a):
        ends = a[:-1].rstrip(_CLOSERS)[-1:] in _SENTENCE_END  # „…erklären.“
    if not width:
        return _FEW_LINES if (ends or last in _COLONS) else -_FEW_LINES
    b = line.strip()
    na, nb = len(a), len(b)
    first = b[:1]
    kind = _FIRST_KIND.get(first)
    if kind is None:
        kind = _first_kind(first)
    score = _B
    if ends:
        score += _ENDS
    elif last in _COLONS:
        score += _COLON
    elif last in _COMMAS:
        score += _COMMA
        if kind == 1:
            score += _COMMA_OPENS
        if _vocative(a):
            score += _GREETING
    if prev[-1:] in _TRAILING:
        score += _TRAIL
    if kind == 1:
        score += _OPENS
    elif kind == -1:
        score += _LOWER
    if na < 25:
        score += _SHORT
    b_last = b[-1:]
    b_ends = b_last in _SENTENCE_END or (b_last in _CLOSERS and b.rstrip(_CLOSERS)[-1:] in _SENTENCE_END)
    if b_ends:
        score += _B_ENDS
    if para_lines == 1:
        if not ends:
            score += _FIRST_OPEN
        if label_line:
            score += _LABEL_ENDS_SUM if ends else _LABEL
    elif para_lines >= 3:
        score += _LONG_PARA_ENDS if ends else _LONG_PARA
    if line[-1:] in _TRAILING:
        score += _B_TRAIL
    if not wrapped:
        # Where nothing is hard-wrapped a break is the writer's: a paragraph's, unless the next line goes on
        # in lower case after a line that ends no sentence.
        score += _UNWRAPPED
        return score + _ENDS_UNWRAPPED if ends else score
    score += _WRAPPED
    space = b.find(" ")
    if na + 1 + (nb if space < 0 else space) <= width:
        score += _FITS_ENDS if ends else _FITS
    if width - _BAND < na <= width + 3:
        score += _A_FULL_ENDS if ends else _A_FULL
    elif na > width + 10:
        score += _A_LONG_ENDS if ends else _A_LONG
    if width - _BAND < nb <= width + 3:
        score += _B_FULL_ENDS if ends else _B_FULL
    elif nb > width + 10:
        score += _B_LONG
    if nb < width - 15:
        if not b_ends and after and not after.isspace():
            score += _B_OPEN_ENDS if ends else _B_OPEN
        if ends and _full(after, width):
            score += _ENDS_SHORT_FULL
    return score


def join_lines(parts: list[str], cjk: bool = False) -> str:
    """Wrapped lines as one line: whitespace runs folded to one space, none between CJK characters.

    ``cjk`` says whether the document has CJK text at all; without it the
    lines are simply joined by spaces.
    """
    if len(parts) == 1:
        return fold_spaces(parts[0].strip())
    stripped = [part.strip() for part in parts]
    if not cjk:
        return fold_spaces(" ".join(stripped))
    out = ""
    for nxt in stripped:
        if not nxt:
            continue
        if not out:
            out = nxt
        elif glues(out[-1], nxt[0]):
            out += nxt
        else:
            out += " " + nxt
    return fold_spaces(out)


def glues(last: str, first: str) -> bool:
    """Do two lines, ending and beginning with these characters, join without a space (both CJK)?"""
    return last >= "\u3000" <= first and _CJK_EDGE.match(last) is not None and _CJK_EDGE.match(first) is not None


def fold_spaces(text: str) -> str:
    """Whitespace runs in stripped ``text`` as one plain space.

    Most paragraphs need nothing, or only their no-break spaces replaced, and
    proving that by C-level scans is far cheaper than splitting into words:
    every whitespace character but the plain space is unprintable.
    """
    if "\xa0" in text:
        text = text.replace("\xa0", " ")
    if "  " not in text and text.isprintable():
        return text
    return " ".join(text.split())
