"""The bracketed slots parliaments print after a speaker's name.

``Ms SMITH (Northtown—Minister for Transport) (14:03)``, ``Mr. Jean Roy
(Lac-Bleu, Lib.)``, ``The Chair (Hon. Ann Roe (Riverside—Hills, Lib.))``,
``Abgeordnete Dr. Eva Muster(ÖVP)``: each bracket is read by one table of
shapes (a clock time, a translation note, a party, a constituency and an
office, a person inside a role) into the fields of :class:`Slots`.

>>> split_slots("The Chair (Hon. Ann Roe (Riverside—Hills, Lib.))")
('The Chair', ('Hon. Ann Roe (Riverside—Hills, Lib.)',))
>>> s = read_slots(("Hon. Ann Roe (Riverside—Hills, Lib.)",))
>>> s.person, s.constituency, s.affiliation
('Ann Roe', 'Riverside—Hills', 'Lib.')
>>> read_slots(("Northtown—Minister for Transport", "14:03"))[1:5]
('Minister for Transport', None, 'Northtown', '14:03')
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

from stenogram.lexicon import HONORIFICS, PARTY_WORDS, TRANSLATION_NOTES, is_title

__all__ = ["Slots", "read_slots", "split_slots"]

_TIME = re.compile(r"\d{1,2}(?:[:.]\d{2}){1,2}(?:\s*[ap]\.?\s?m\.?)?", re.I)
# A party or group as printed: "Lib.", "ÖVP", "NEOS", "CPC", "Grüne", "B&Q" (short, no lower-case word).
_PARTY = re.compile(r"[^\W\d_][\w.&'’/-]{0,11}(?: [^\W\d_a-z][\w.&'’/-]{0,11})?")
_DASH = re.compile(r"\s*[—–]\s*|\s+-\s+")
# "(in Cantonese)", "(in Putonghua)": the language of the speech, whatever language it names.
_LANGUAGE = re.compile(r"in\s+[A-Z][a-z]+")


class Slots(NamedTuple):
    """What the brackets after a name said; every field may be empty."""

    person: str | None  # "Hon. Ann Roe" inside "The Chair (…)": the label's own words are a role
    role: str | None  # an office printed in the bracket
    affiliation: str | None  # party or group
    constituency: str | None  # electorate or riding
    time: str | None  # the sitting time printed with the label
    annotation: str | None  # anything else: a translation note, a country, a place


_EMPTY = Slots(None, None, None, None, None, None)


_CLOSERS = {")": "(", "]": "[", "）": "（"}


def split_slots(label: str) -> tuple[str, tuple[str, ...]]:
    """The label without the brackets that end it, and the brackets' contents in order.

    Brackets may nest; a bracket left open at the end ("The CHAIRMAN (Mr Scholes",
    as old Hansard prints before a dash) is a slot too. Square and full-width
    brackets are slots as round ones are: ``Tuan Lim Guan Eng [Bagan]``,
    ``Question [Reuters]``, ``議長（細田博之君）``.
    """
    base = label.rstrip()
    if "(" not in base and not base.endswith(("]", "）")):
        return base, ()
    slots: list[str] = []
    opened = base.rfind("(")
    if opened >= 0 and base.count("(") > base.count(")") and ")" not in base[opened:]:
        slots.append(base[opened + 1 :].strip())
        base = base[:opened].rstrip()
    while base[-1:] in _CLOSERS:
        close = base[-1]
        open_ = _CLOSERS[close]
        depth = 0
        for pos in range(len(base) - 1, -1, -1):
            ch = base[pos]
            if ch == close:
                depth += 1
            elif ch == open_:
                depth -= 1
                if depth == 0:
                    break
        else:
            break  # unbalanced: leave it in the name
        if pos == 0:
            break  # the whole label is in brackets: it is not a slot of anything
        slots.append(base[pos + 1 : -1].strip())
        base = base[:pos].rstrip()
    return base, tuple(reversed(slots))


def _without_honorifics(name: str) -> str:
    words = name.split()
    while len(words) > 1 and words[0].casefold() in HONORIFICS:
        words = words[1:]
    return " ".join(words)


def _is_party(text: str) -> bool:
    return _PARTY.fullmatch(text) is not None and not _TIME.fullmatch(text)


def _party_shaped(text: str) -> bool:
    """A bracket of one word that is a party, not a seat: short, an abbreviation or capitals, or a party's word.

    "(Con)", "(Lib.)", "(ÖVP)", "(CDU/CSU)", "(Grüne)", "(Labour)" are parties;
    "(Ipswich)", "(Gainsborough)" name a seat.
    """
    if not _is_party(text) or len(text) > 12:
        return False
    word = text.rsplit(maxsplit=1)[-1]
    return len(word) <= 5 or word.endswith(".") or not word[1:].islower() or word.casefold() in PARTY_WORDS


def _is_role(text: str) -> bool:
    """An office holds a title word ("Minister for Transport"); a place does not ("Holborn and St Pancras")."""
    return any(is_title(w) for w in text.split())


_OFFICE_CONNECTORS = frozenset(("The", "of", "the", "for", "and"))


def _is_office(base: str) -> bool:
    """ "The Prime Minister", "The Chair", "Mr Speaker", "The Secretary of State for Wales": an office, no name."""
    words = base.split()
    if not words or not (words[0] == "The" or is_title(words[0])):
        return False
    if words[0] == "The" and len(words) <= 8:
        # An office named with its article: "The Presiding Officer", "The Taoiseach", "The Llywydd".
        return all(w[:1].isupper() or w in _OFFICE_CONNECTORS for w in words)
    return all(is_title(w) or w in _OFFICE_CONNECTORS or w.isupper() for w in words)


def _is_plain_name(text: str) -> bool:
    """Two to five capitalised words or initials and nothing else: "Boris Johnson", "David T. C. Davies"."""
    words = text.split()
    return 2 <= len(words) <= 5 and all(
        w[:1].isupper() and w.replace(".", "").replace("-", "").isalpha() and not is_title(w) for w in words
    )


def _looks_like_person(text: str) -> bool:
    words = text.split()
    return 2 <= len(words) <= 7 and words[0].casefold() in HONORIFICS


def read_slots(slots: tuple[str, ...], base: str = "") -> Slots:
    """Read each bracket by the first shape it fits; later brackets do not undo earlier ones.

    ``base`` is the label without its brackets: when it is an office alone
    ("The Prime Minister (Boris Johnson)"), a bracket holding a name is the person.
    """
    if not slots:
        return _EMPTY
    found: dict[str, str] = {}

    def put(field: str, value: str | None) -> None:
        if value and field not in found:
            found[field] = value

    for k, slot in enumerate(slots):
        folded = slot.casefold()
        if _TIME.fullmatch(slot):
            put("time", slot)
        elif any(note in folded for note in TRANSLATION_NOTES) or _LANGUAGE.fullmatch(slot):
            put("annotation", slot)
        elif slot.endswith(")") or _looks_like_person(slot) or (_is_office(base) and _is_plain_name(slot)):
            name, inner = split_slots(slot)
            nested = read_slots(inner)
            put("person", _without_honorifics(name))
            for field in ("role", "affiliation", "constituency", "time", "annotation"):
                put(field, getattr(nested, field))
        elif "," in slot:
            head, _, tail = slot.rpartition(",")
            tail = tail.strip()
            if _is_party(tail):
                put("affiliation", tail)
                _place_or_office(head.strip(), put)
            else:
                put("annotation", slot)
        elif _party_shaped(slot) and not any(_is_party(later) for later in slots[k + 1 :]):
            # "(Gainsborough) (Con)": a party-like word before the party is the seat.
            put("affiliation", slot)
        else:
            _place_or_office(slot, put, single=True)
    return Slots(
        found.get("person"),
        found.get("role"),
        found.get("affiliation"),
        found.get("constituency"),
        found.get("time"),
        found.get("annotation"),
    )


def _place_or_office(text: str, put: Callable[[str, str | None], None], *, single: bool = False) -> None:
    """ "Northtown—Minister for Transport": a constituency, a dash, an office; or one of them."""
    parts = _DASH.split(text, maxsplit=1) if _DASH.search(text) else [text]
    if len(parts) == 2 and _is_role(parts[1]) and not _is_role(parts[0]):
        put("constituency", parts[0])
        put("role", parts[1])
    elif _is_role(text):
        put("role", text)
    elif single:
        # "(Darling Downs)", "(Russian Federation)": whom the speaker stands for, kept as printed too.
        put("constituency", text)
        put("annotation", text)
    else:
        put("constituency", text)
