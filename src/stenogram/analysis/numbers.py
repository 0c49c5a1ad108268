"""Number words and their values: the tables the figure patterns are built from."""

from __future__ import annotations

import functools
from decimal import Decimal, InvalidOperation

__all__ = [
    "CURRENCY_SYMBOLS",
    "CURRENCY_WORDS",
    "DENOMINATORS",
    "MONTHS",
    "ORDINAL_WORDS",
    "SCALES",
    "TENS",
    "UNITS",
    "number_value",
    "ordinal_value",
]

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
SCALES = {
    "hundred": Decimal(100),
    "thousand": Decimal(10) ** 3,
    "million": Decimal(10) ** 6,
    "mln": Decimal(10) ** 6,
    "mn": Decimal(10) ** 6,
    "m": Decimal(10) ** 6,
    "billion": Decimal(10) ** 9,
    "bn": Decimal(10) ** 9,
    "trillion": Decimal(10) ** 12,
    "tn": Decimal(10) ** 12,
    "trn": Decimal(10) ** 12,
    "k": Decimal(10) ** 3,
}
ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9,
    "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
    "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20, "thirtieth": 30,
    "fortieth": 40, "fiftieth": 50, "sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90,
    "hundredth": 100,
}  # fmt: skip
#: Fraction words and their denominators ("a third" = 1/3).
DENOMINATORS = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fifth": 5, "fifths": 5,
    "sixth": 6, "sixths": 6, "tenth": 10, "tenths": 10,
}  # fmt: skip
MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12,
}  # fmt: skip
CURRENCY_SYMBOLS = {"US$": "USD", "$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₽": "RUB", "₸": "KZT", "₹": "INR"}
CURRENCY_WORDS = {
    "us dollars": "USD", "dollars": "USD", "dollar": "USD", "euros": "EUR", "euro": "EUR", "roubles": "RUB",
    "rubles": "RUB", "rouble": "RUB", "ruble": "RUB", "yuan": "CNY", "renminbi": "CNY", "pounds": "GBP",
    "tenge": "KZT", "rupees": "INR", "yen": "JPY", "francs": "CHF", "hryvnia": "UAH", "manat": "AZN",
    "som": "KGS", "drams": "AMD", "lari": "GEL",
}  # fmt: skip


def _word_value(word: str) -> int | None:
    """``five`` -> 5, ``twenty-five`` -> 25, ``a`` -> 1; ``None`` for anything else."""
    w = word.lower()
    if w in ("a", "an"):
        return 1
    if w in UNITS:
        return UNITS[w]
    if w in TENS:
        return TENS[w]
    head, sep, tail = w.partition("-")
    if sep and head in TENS and tail in UNITS and 0 < UNITS[tail] < 10:
        return TENS[head] + UNITS[tail]
    return None


@functools.lru_cache(maxsize=4096)  # a Decimal is immutable: repeated numbers share one
def number_value(text: str) -> Decimal | None:
    """The value of a number as printed: ``1,500``, ``9.5``, ``five``, ``twenty-five``."""
    t = text.strip()
    if t[:1].isdigit():
        try:
            return Decimal(t.replace(",", "").replace("\u00a0", "").replace(" ", ""))
        except InvalidOperation:
            return None
    v = _word_value(t)
    return None if v is None else Decimal(v)


def ordinal_value(text: str) -> int | None:
    """``30th`` -> 30, ``fourth`` -> 4, ``twenty-fifth`` -> 25."""
    t = text.lower()
    if t[:1].isdigit():
        digits = t.rstrip("stndrh")
        return int(digits) if digits.isdigit() else None
    if t in ORDINAL_WORDS:
        return ORDINAL_WORDS[t]
    head, sep, tail = t.partition("-")
    if sep and head in TENS and tail in ORDINAL_WORDS and ORDINAL_WORDS[tail] < 10:
        return TENS[head] + ORDINAL_WORDS[tail]
    return None
