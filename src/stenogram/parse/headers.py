"""A publisher's header in the first lines of a transcript (en.kremlin.ru, whitehouse.gov).

It is read before the grammar runs, and the grammar starts after it, so that
a place line such as ``Kovrov`` cannot be taken for the first half of a
wrapped label. Each field keeps its source lines, so that a field another
source overrides can go back into the preamble with its words.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import attrs

from stenogram.parse.dates import DATE_FORMS, TIME_12, TIME_24, fold_line, parse_date

__all__ = ["Header", "HeaderLine", "read_header"]


@attrs.frozen(kw_only=True)
class HeaderLine:
    """One non-blank line: its number, its text with whitespace folded, and where it stands."""

    n: int
    text: str
    start: int
    end: int


@attrs.frozen(kw_only=True)
class Header:
    """Meeting fields read from the first lines of the text.

    ``lines`` gives the source lines of each field; ``end`` is the offset
    just past the header, where the grammar takes over.
    """

    kind: str
    values: tuple[tuple[str, Any], ...]
    lines: tuple[tuple[str, tuple[HeaderLine, ...]], ...]
    end: int = 0


def _header(kind: str, fields: Sequence[tuple[str, Any, Sequence[HeaderLine]]]) -> Header:
    return Header(
        kind=kind,
        values=tuple((f, v) for f, v, _ in fields),
        lines=tuple((f, tuple(ls)) for f, _, ls in fields),
    )


#: Lower-case words a place name may hold ("Isle of Man", "Rostov-on-Don", "Frankfurt am Main").
_PLACE_PARTICLES = frozenset("of the and on upon at in near de la le du des del da do am an der den von van en".split())


def _place_like(s: str) -> bool:
    """A short name in title case: ``Novo-Ogaryovo, Moscow Region``, ``South Lawn``."""
    words = s.replace(",", " ").split()
    return (
        0 < len(s) <= 80
        and s[0].isupper()
        and s[-1] not in ".!?:;,\"'”’"
        and len(words) <= 8
        and not any(w[0].islower() and w not in _PLACE_PARTICLES for w in words)
        and not any(form.search(s) for form in DATE_FORMS)
        and not re.search(r"\d", s)
    )


def _caps_heading(s: str) -> bool:
    letters = [c for c in s if c.isalpha()]
    return len(letters) >= 4 and all(c.isupper() for c in letters)


def _kremlin(lines: Sequence[HeaderLine]) -> Header | None:
    """Title; lead lines; ``January 21, 2020``; ``20:15``; ``Government House, Moscow`` (en.kremlin.ru)."""
    title = lines[0].text if lines else ""
    if any(form.search(title) for form in DATE_FORMS):  # a page header such as "Record - 21 November 2012"
        return None
    for i in range(1, min(len(lines), 16)):
        if lines[i].text.isdigit():  # a page number: not a lead
            return None
        date = parse_date(lines[i].text)
        if date is None or lines[i].text.startswith("("):
            continue
        fields: list[tuple[str, Any, Sequence[HeaderLine]]] = [
            ("title", title, lines[:1]),
            ("date", date, lines[i : i + 1]),
        ]
        if i > 1:
            fields.append(("lead", " ".join(line.text for line in lines[1:i]), lines[1:i]))
        j = i + 1
        if j < len(lines) and TIME_24.fullmatch(lines[j].text):
            fields.append(("time", lines[j].text, lines[j : j + 1]))
            j += 1
            if j < len(lines) and _place_like(lines[j].text):
                fields.append(("place", lines[j].text, lines[j : j + 1]))
        return _header("kremlin", fields)
    return None


def _whitehouse(lines: Sequence[HeaderLine]) -> Header | None:
    """Capitalised title lines, place lines, ``(October 21, 2021)``, ``8:00 P.M. EDT`` (whitehouse.gov)."""
    for j in range(min(len(lines), 10)):
        if not TIME_12.fullmatch(lines[j].text):
            continue
        fields: list[tuple[str, Any, Sequence[HeaderLine]]] = [("time", lines[j].text, lines[j : j + 1])]
        title: list[HeaderLine] = []
        place: list[HeaderLine] = []
        dated = False
        for line in lines[:j]:
            date = parse_date(line.text)
            if date is not None and not dated:
                fields.append(("date", date, [line]))
                dated = True
            elif _caps_heading(line.text) and not place:
                title.append(line)
            elif _place_like(line.text):
                place.append(line)
            else:
                return None
        if title:
            fields.append(("title", " ".join(line.text for line in title), title))
        if place:
            fields.append(("place", ", ".join(line.text for line in place), place))
        return _header("whitehouse", fields)
    return None


_CAPS_LABEL = re.compile(r"[A-Z][A-Z.'’\- ]{1,60}:(?:\s|$)")


def _place_only(lines: Sequence[HeaderLine]) -> Header | None:
    """A lone place line between front matter and an all-caps label: ``Via Teleconference`` (whitehouse.gov)."""
    if len(lines) >= 2 and _place_like(lines[0].text) and _CAPS_LABEL.match(lines[1].text):
        return _header("place", [("place", lines[0].text, lines[:1])])
    return None


#: Tried in order; the first that recognises the lines wins.
_HEADERS = (_kremlin, _whitehouse)
#: Header lines are looked for among this many first non-blank lines (_kremlin looks at 16).
_HEADER_LINES = 16


_LONGEST = 1000  # characters: no title, date or place line of a header is longer


def read_header(text: str, start: int = 0, *, after_front_matter: bool = False) -> Header | None:
    """Recognise a publisher's header in the first lines of ``text[start:]``.

    The header is read before the grammar runs, so that a place line such
    as ``Kovrov`` cannot be taken for the first half of a wrapped label.
    A lone place line is only looked for right after front matter.
    """
    lines: list[HeaderLine] = []
    n = text.count("\n", 0, start) + 1
    pos = start
    while pos <= len(text) and len(lines) < _HEADER_LINES:
        nl = text.find("\n", pos)
        stop = len(text) if nl < 0 else nl
        if stop - pos > _LONGEST:
            break  # speech, not a header line: read no further (and copy no megabyte line)
        raw = text[pos:stop]
        folded = fold_line(raw)
        if folded:
            lead = len(raw) - len(raw.lstrip())
            lines.append(HeaderLine(n=n, text=folded, start=pos + lead, end=pos + len(raw.rstrip())))
        if nl < 0:
            break
        pos, n = nl + 1, n + 1
    for recognise in (*_HEADERS, _place_only) if after_front_matter else _HEADERS:
        found = recognise(lines)
        if found is not None:
            end = max(line.end for _, field_lines in found.lines for line in field_lines)
            nl = text.find("\n", end)
            return attrs.evolve(found, end=len(text) if nl < 0 else nl + 1)
    return None
