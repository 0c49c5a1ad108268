"""Dates and times as transcripts and metadata print them: ``January 21, 2020``, ``21.01.2020``, ``2012年11月21日``.

Shared by the publisher headers, the metadata schema and the merging of metadata.
"""

from __future__ import annotations

import datetime as dt
import re

from stenogram.parse.reflow import fold_spaces

__all__ = ["DATE_FORMS", "TIME_12", "TIME_24", "fold_line", "parse_date"]


def fold_line(s: str) -> str:
    """Whitespace runs as one space, by the paragraph folder's C-level checks (header lines are long)."""
    return fold_spaces(s.strip())


_MONTHS: dict[str, int] = {}
for _n, _names in enumerate(
    (
        ("january", "jan"),
        ("february", "feb"),
        ("march", "mar"),
        ("april", "apr"),
        ("may",),
        ("june", "jun"),
        ("july", "jul"),
        ("august", "aug"),
        ("september", "sep", "sept"),
        ("october", "oct"),
        ("november", "nov"),
        ("december", "dec"),
    ),
    1,
):
    for _name in _names:
        _MONTHS[_name] = _n
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"
DATE_FORMS: tuple[re.Pattern[str], ...] = tuple(
    re.compile(p, re.IGNORECASE)
    for p in (
        r"(?P<year>\d{4})-(?P<mon>\d{1,2})-(?P<day>\d{1,2})",  # 2021-10-22
        _WEEKDAY + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})",  # January 21, 2020
        _WEEKDAY
        + r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?"
        + _MONTH
        + r",?\s+(?P<year>\d{4})",  # 21 January 2020
        r"(?P<day>\d{1,2})\.(?P<mon>\d{1,2})\.(?P<year>\d{4})",  # 21.01.2020
        # 2012年 11月 21日星期三
        r"(?P<year>\d{4})\s*年\s*(?P<mon>\d{1,2})\s*月\s*(?P<day>\d{1,2})\s*日(?:\s*星期[一二三四五六日天])?",
    )
)


def parse_date(text: str) -> dt.date | None:
    """The date ``text`` spells out, in any of the forms transcripts print, or ``None``.

    >>> parse_date("January 21, 2020"), parse_date("(October 21, 2021)"), parse_date("2021-10-22")
    (datetime.date(2020, 1, 21), datetime.date(2021, 10, 21), datetime.date(2021, 10, 22))
    """
    s = fold_line(text)
    if s.startswith("(") and s.endswith(")"):
        s = s[1:-1].strip()
    for form in DATE_FORMS:
        m = form.fullmatch(s)
        if not m:
            continue
        parts = m.groupdict()
        month = int(parts["mon"]) if parts.get("mon") else _MONTHS[parts["month"].lower()]
        try:
            return dt.date(int(parts["year"]), month, int(parts["day"]))
        except ValueError:
            return None
    return None


TIME_24 = re.compile(r"(?:[01]?\d|2[0-3]):[0-5]\d")
TIME_12 = re.compile(r"(?:1[0-2]|0?\d):[0-5]\d\s*[AaPp]\.?\s?[Mm]\.?(?:\s+[A-Z]{2,5})?")
