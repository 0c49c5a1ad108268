"""Labels -> participants: one person however the record prints them.

A transcript names one speaker in several ways: ``President of Russia
Vladimir Putin``, then ``Vladimir Putin``, then ``Putin``; ``GOVERNOR OF
CALIFORNIA ARNOLD SCHWARZENEGGER`` and ``Arnold SCHWARZENEGGER``;
``SENATOR KENNEDY`` and ``MR. KENNEDY``. Each label is split into a role and
a name (the document itself is the best evidence: a shorter label that ends
another one is the name), names are compared case-folded, and a lone surname
joins the one participant whose name ends with it.

>>> labels = ["President of Russia Vladimir Putin", "Vladimir Putin", "Putin", "Question (retranslated)"]
>>> ps, ids = resolve_speakers([(label, label.removesuffix(" (retranslated)")) for label in labels])
>>> [(p.id, p.name, p.role, p.anonymous) for p in ps]
[('vladimir-putin', 'Vladimir Putin', 'President of Russia', False), ('question', 'Question', None, True)]
>>> ids["Putin"]
'vladimir-putin'
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence

from stenogram.lexicon import POST_NOMINALS, is_title
from stenogram.model import Participant
from stenogram.parse.labels import ANONYMOUS_ROLES
from stenogram.parse.slots import Slots

__all__ = ["ROLE_CONNECTORS", "is_role_word", "resolve_speakers", "slug", "split_role"]


def _wordset(words: str) -> frozenset[str]:
    """A set of words written as one string: tables stay readable."""
    return frozenset(words.split())


# Words that make a role, not a name. Compared case-folded.
_ROLE_WORDS = _wordset(
    "president vice prime minister deputy first chairman chairwoman chairperson chair co-chair head "
    "director general director-general governor mayor secretary speaker press aide adviser advisor "
    "ambassador commander chief executive officer ceo acting king queen emperor prince princess sheikh "
    "emir senator representative congressman congresswoman member leader justice judge mr mr. mrs mrs. ms "
    "ms. dr dr. miss sir lord lady madam professor prof prof. rector dean moderator host anchor "
    "correspondent envoy commissioner administrator coordinator spokesman spokeswoman spokesperson "
    "patriarch metropolitan archbishop bishop father the a an general colonel admiral rear major captain "
    "lieutenant sergeant senior junior assistant special national security council minister's "
    "presidential federal state regional of and for managing board founder owner partner reverend rev. "
    "rev pro tempore editor"
)
# Forms of address and degrees printed before a name: neither role nor name ("Mr", "Dr.", "Mag.", "Hon.").
_NOT_ROLES = frozenset(
    "mr mr. mrs mrs. ms ms. dr dr. ddr. miss sir madam mag. mmag. ing. dipl.-ing. dkfm. hon hon. rt rt. m. mme mlle"
    " herr frau tuan puan dato' datuk datin".split()
)
_CONNECTORS = ROLE_CONNECTORS = frozenset(["of", "the", "and", "for", "on", "in", "at", "to", "from"])


@functools.lru_cache(maxsize=4096)
def is_role_word(word: str) -> bool:
    """Is ``word`` part of an office rather than of a name ("Minister", "Presidential", "Präsidentin")?"""
    folded = word.casefold().strip(",")
    return folded not in _CONNECTORS and (folded in _ROLE_WORDS or is_title(word))


_INITIAL = re.compile(r"^[A-Z]\.$")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
_KEY_DROP = re.compile(r"[.\s\u00a0'’]+")


def slug(text: str) -> str:
    """A stable ASCII-leaning identifier: ``Vladimir Putin`` -> ``vladimir-putin``."""
    base = unicodedata.normalize("NFKD", text)
    base = "".join(ch for ch in base if not unicodedata.combining(ch)).casefold()
    base = re.sub(r"[^\w]+", "-", base).strip("-_")
    if not base:
        return "speaker"
    if not ("a" <= base[0] <= "z"):
        base = "p-" + base
    return base


def _key(name: str) -> str:
    """Compare names folded: case, dots, camel case and compatibility ideographs (PDF text has them)."""
    return _KEY_DROP.sub(" ", _CAMEL.sub(" ", unicodedata.normalize("NFKC", name))).strip().casefold()


def split_role(name: str, known_names: Iterable[str] = ()) -> tuple[str | None, str]:
    """(role, name) of a label without its annotation.

    ``known_names`` are the other labels of the document: when one of them
    ends this one (``Vladimir Putin`` ends ``President of Russia Vladimir
    Putin``), it is the name and the rest is the role.

    >>> split_role("HOWARD K. SMITH, MODERATOR")
    ('MODERATOR', 'HOWARD K. SMITH')
    >>> split_role("Minister of Education Sergei Kravtsov")
    ('Minister of Education', 'Sergei Kravtsov')
    """
    words = name.split()
    known = known_names if isinstance(known_names, frozenset) else frozenset(n.casefold() for n in known_names)
    # The shortest known label (two words at least) that ends this one is the name.
    for n in range(2, len(words)):
        if " ".join(words[-n:]).casefold() in known:
            return " ".join(words[:-n]).rstrip(",") or None, " ".join(words[-n:])
    # A post-nominal closes the name: "Lynne Neagle AM", "Mag. Gernot Blümel, MBA".
    suffix = None
    if len(words) >= 3 and words[-1] in POST_NOMINALS:
        suffix = words.pop()
        words[-1] = words[-1].rstrip(",")
        name = " ".join(words)
    if "," in name:
        head, _, tail = name.rpartition(",")
        tail_words = tail.split()
        person_tail = sum(1 for w in tail_words if w[:1].isupper() and w.casefold() not in _ROLE_WORDS) >= 2
        if not person_tail or _is_personal_name(head):
            # "Manfred Weber, on behalf of the PPE Group", "Mme Élisabeth Borne, Première ministre": the name first.
            head_role, head_person = split_role(head.strip()) if " " in head.strip() else (None, head.strip())
            role = ", ".join(part for part in (head_role, tail.strip()) if part)
            return role or None, head_person
        tail_role, tail_person = split_role(tail.strip())
        prefix = head.strip() + ("," + (" " + tail_role if tail_role else "") if head else "")
        return prefix or None, tail_person
    # The name is the run of words after the last role word (in any language the lexicon has) or connector;
    # a connector after a surname in capitals is the name's ("Mr. SMITH of Texas", as Congress prints it).
    cut = 0
    for i, w in enumerate(words):
        if is_role_word(w) or (w.casefold() in _CONNECTORS and not (i and _is_caps_surname(words[i - 1]))):
            cut = i + 1
    if cut == 1 and words[0] in ("The", "An") and len(words) <= 3:
        cut = len(words)  # an office by its article alone, "The Taoiseach", "The Llywydd", "An Ceann Comhairle"
    if cut >= len(words):
        return suffix, name  # the label is all role ("THE PRESIDENT", "Moderator")
    person = words[cut:]
    before = words[cut - 1].casefold() if cut else ""
    # After a title in another language or a form of address ("Abgeordneter Kai Jan Krainer") the rest is the
    # name; after an English role ("President of Russia …") it is a given name and a surname.
    # Titles alone before the name ("Deputy Mary Lou McDonald") are a form of address too.
    bare_title = all(is_role_word(w) for w in words[:cut])
    whole_rest = 2 < len(person) <= 4 and (before not in _ROLE_WORDS or before in _NOT_ROLES or bare_title)
    if cut and len(person) > 2 and not whole_rest:
        # A given name and a surname, plus any initials between.
        keep = 2
        while keep < len(person) and _INITIAL.match(person[-keep]):
            keep += 1
        person = person[-keep:]
    # Honorifics and academic titles ("Mr", "Dr.", "Mag.") are neither role nor name.
    role_words = [
        w for w in words[: len(words) - len(person)] if w.casefold() not in _NOT_ROLES and not _INITIAL.match(w)
    ]
    role = " ".join(word for word in (*role_words, suffix) if word)
    return role or None, " ".join(person)


def _is_caps_surname(word: str) -> bool:
    """A surname printed in capitals ("SMITH", "McCARTHY"), not a role word."""
    return sum(ch.isupper() for ch in word) >= 3 and word[-1:].isupper() and not is_role_word(word)


def _is_personal_name(text: str) -> bool:
    """Two to four capitalised words after any form of address, none a role word: "Mme Élisabeth Borne"."""
    words = [w for w in text.split() if w.casefold() not in _NOT_ROLES]
    return 2 <= len(words) <= 4 and all(w[:1].isupper() and not is_role_word(w) for w in words)


def _display(variants: Sequence[str]) -> str:
    """The best-cased spelling: mixed case wins over ALL CAPS, which is title-cased."""
    for v in variants:
        if not v.isupper():
            return v
    # "İ" lower-cases to "i" and a combining dot; Turkish capitals are read without the dot.
    return variants[0].replace("İ", "I").title()


def resolve_speakers(
    labels: Sequence[tuple[str, str]], slots: Mapping[str, Slots] | None = None
) -> tuple[tuple[Participant, ...], dict[str, str]]:
    """Participants in order of first appearance, and a map label name -> participant id.

    ``labels`` are (label as printed, label without its brackets) pairs, in
    document order; ``slots`` what the brackets of a printed label said. A
    person inside the brackets (``The Chair (Hon. Ann Roe (…))``) is the
    speaker, the label's own words their role, and the bare role later
    (``The Chair``) is the same participant while one person held it.
    """
    slots = slots or {}
    held: dict[str, set[str]] = {}  # role key -> the person names that held it
    extra: dict[str, Slots] = {}  # person name -> the brackets that described them first
    named: list[tuple[str, str]] = []
    for label, name in labels:
        found = slots.get(label)
        if found is not None and found.person:
            held.setdefault(_key(name), set()).add(found.person)
            extra.setdefault(found.person, found._replace(role=found.role or name))
            named.append((label, found.person))
        else:
            if found is not None:
                extra.setdefault(name, found)
            named.append((label, name))
    for role_key, people in held.items():
        if len(people) == 1:
            (person,) = people
            named = [(label, person if _key(name) == role_key else name) for label, name in named]
    given, labels = labels, named
    distinct = list(dict.fromkeys(name for _, name in labels))
    shown: dict[str, list[str]] = {}
    for label, name in labels:
        shown.setdefault(name, []).append(label)
    multi_keys = frozenset(n.casefold() for n in distinct if len(n.split()) >= 2)
    order: list[str] = []  # participant keys in order of first appearance
    names: dict[str, list[str]] = {}
    roles: dict[str, str | None] = {}
    printed: dict[str, list[str]] = {}
    anonymous: dict[str, bool] = {}
    party: dict[str, str | None] = {}
    seat: dict[str, str | None] = {}
    key_of: dict[str, str] = {}
    for label in distinct:
        if label.casefold() in ANONYMOUS_ROLES:
            role, person = None, label
        else:
            role, person = split_role(label, multi_keys)
        key = _key(person)
        key_of[label] = key
        if key not in names:
            order.append(key)
            names[key] = []
            roles[key] = None
            printed[key] = []
            anonymous[key] = label.casefold() in ANONYMOUS_ROLES
        names[key].append(person)
        printed[key].extend(shown[label])
        described = extra.get(label)
        if described is not None:
            role = described.role or role
            # The first label that prints a party or seat gives it; a later one without it takes nothing away.
            if described.affiliation and not party.get(key):
                party[key] = described.affiliation
            if described.constituency and not seat.get(key):
                seat[key] = described.constituency
        if role and not roles[key]:
            roles[key] = role
    merged: dict[str, str] = {}
    # A name without its middle initial ("Adnan Amin") joins the one name with it ("Adnan Z. Amin").
    with_initials: dict[str, list[str]] = {}
    for key in order:
        words = key.split()
        core = " ".join([words[0], *(w for w in words[1:-1] if len(w) > 1), words[-1]])  # middle initials only
        if core != key and not anonymous[key]:
            with_initials.setdefault(core, []).append(key)
    for core, fuller in with_initials.items():
        if len(fuller) == 1 and core in names and not anonymous[core]:
            merged[core] = fuller[0]  # George Bush stays alone beside George W. and George H. W. Bush
    # A lone surname (or honorific + surname) joins the one longer name ending with it.
    by_last_word: dict[str, list[str]] = {}  # a dict, not a scan of every name per surname
    for key in order:
        if " " in key and not anonymous[key] and key not in merged:
            by_last_word.setdefault(key.rsplit(" ", 1)[1], []).append(key)
    for key in order:
        if " " in key or anonymous[key]:
            continue
        owners = by_last_word.get(key, [])
        if len(owners) == 1:
            merged[key] = owners[0]
    for short, long in merged.items():
        printed[long].extend(printed[short])
        if roles[short] and not roles[long]:
            roles[long] = roles[short]
        for table in (party, seat):
            if table.get(short) and not table.get(long):
                table[long] = table[short]
    participants: list[Participant] = []
    ids: dict[str, str] = {}
    used: set[str] = set()
    for key in order:
        if key in merged:
            continue
        pid = base = slug(_display(names[key]))
        n = 2
        while pid in used:
            pid, n = f"{base}-{n}", n + 1
        used.add(pid)
        ids[key] = pid
        participants.append(
            Participant(
                id=pid,
                name=_display(names[key]),
                role=roles[key],
                labels=tuple(dict.fromkeys(printed[key])),
                anonymous=anonymous[key],
                affiliation=party.get(key),
                constituency=seat.get(key),
            )
        )
    for short, long in merged.items():
        ids[short] = ids[long]
    by_name = {name: ids[key_of[name]] for name in distinct}
    # Looked up by the printed label (one role may name different people) and by the name given.
    found_ids = {printed_name: by_name[name] for (printed_name, _), (_, name) in zip(given, labels, strict=True)}
    for (_, name_given), (_, name) in zip(given, labels, strict=True):
        found_ids.setdefault(name_given, by_name[name])
    return tuple(participants), found_ids
