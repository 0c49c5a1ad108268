"""Metadata: what a transcript is of, from four places, merged by precedence.

Lowest to highest: what the text's own header says, front matter, a
sidecar file, and the ``parse()`` arguments. A field one source gives
replaces the same field from a lower one; unknown keys are kept in
``Meeting.extra`` as text.

A publisher's header is read from the first lines before the grammar runs,
and the grammar starts after it. Header lines whose value ends up in a
``Meeting`` field are not in the preamble: their words live in the meeting,
so none is lost. A header line whose field a higher source overrode goes
back into the preamble, for the same reason.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import attrs

from stenogram.errors import ParseError
from stenogram.model import Meeting, Note, Paragraph, Participant, Span, Transcript, Turn
from stenogram.parse.reflow import fold_spaces
from stenogram.parse.speakers import slug

__all__ = [
    "MEETING_FIELDS",
    "Header",
    "MetaPatch",
    "ParticipantPatch",
    "apply_metadata",
    "parse_date",
    "patch_from_mapping",
    "patch_from_meeting",
    "read_header",
]

#: The Meeting fields metadata may set (``extra`` and ``is_excerpt`` are handled apart).
MEETING_FIELDS: tuple[str, ...] = ("title", "lead", "date", "time", "place", "occasion", "source", "language")
#: Other spellings of a field, used only when the field's own key is absent.
_ALIASES: dict[str, str] = {
    "url": "source",
    "source_url": "source",
    "link": "source",
    "lang": "language",
    "location": "place",
    "venue": "place",
    "excerpt": "is_excerpt",
}
_ID_RE = re.compile(r"[A-Za-z_][\w.\-]*")


def _fold(s: str) -> str:
    """Whitespace runs as one space, by the paragraph folder's C-level checks (header lines are long)."""
    return fold_spaces(s.strip())


# --- dates ----------------------------------------------------------------------------------------------

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
_DATE_FORMS: tuple[re.Pattern[str], ...] = tuple(
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
    s = _fold(text)
    if s.startswith("(") and s.endswith(")"):
        s = s[1:-1].strip()
    for form in _DATE_FORMS:
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


_TIME_24 = re.compile(r"(?:[01]?\d|2[0-3]):[0-5]\d")
_TIME_12 = re.compile(r"(?:1[0-2]|0?\d):[0-5]\d\s*[AaPp]\.?\s?[Mm]\.?(?:\s+[A-Z]{2,5})?")


# --- partial metadata from one source -------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class ParticipantPatch:
    """What one source says about one participant; ``None`` means it says nothing."""

    id: str | None = None
    name: str | None = None
    role: str | None = None
    labels: tuple[str, ...] = ()
    anonymous: bool | None = None

    def keys(self) -> frozenset[str]:
        """Every string this participant may be recognised by, case-folded."""
        return frozenset(_fold(k).casefold() for k in (self.id, self.name, *self.labels) if k)

    def over(self, lower: ParticipantPatch) -> ParticipantPatch:
        """This patch laid over a lower-precedence one."""
        return ParticipantPatch(
            id=self.id if self.id is not None else lower.id,
            name=self.name if self.name is not None else lower.name,
            role=self.role if self.role is not None else lower.role,
            labels=tuple(dict.fromkeys((*lower.labels, *self.labels))),
            anonymous=self.anonymous if self.anonymous is not None else lower.anonymous,
        )


@attrs.frozen(kw_only=True)
class MetaPatch:
    """What one source says about the meeting and its participants."""

    fields: tuple[tuple[str, Any], ...] = ()
    is_excerpt: bool | None = None
    extra: tuple[tuple[str, str], ...] = ()
    participants: tuple[ParticipantPatch, ...] = ()

    def get(self, name: str) -> Any:
        for key, value in self.fields:
            if key == name:
                return value
        return None


#: Most nodes a nested metadata value may hold: YAML aliases can make a small block expand enormously.
_MAX_NODES = 10_000


def _size_ok(value: object) -> bool:
    """Whether ``value`` stays under ``_MAX_NODES`` nodes; stops counting as soon as it does not."""
    stack, seen = [value], 0
    while stack:
        seen += 1
        if seen > _MAX_NODES:
            return False
        item = stack.pop()
        if isinstance(item, Mapping):
            stack.extend(item.values())
        elif isinstance(item, (list, tuple, set, frozenset)):
            stack.extend(item)
    return True


def _extra_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return value
    if isinstance(value, (int, float, dt.date, dt.time)):
        return str(value)
    return json.dumps(value, ensure_ascii=False, default=str)


class _Where:
    """Names the source and line of a key in error messages."""

    def __init__(self, source: str | None, key_lines: Mapping[str, int], origin: str) -> None:
        self.source, self.key_lines, self.origin = source, key_lines, origin

    def error(self, key: str, problem: str) -> ParseError:
        return ParseError(f"{self.origin} key {key!r}: {problem}", file=self.source, line=self.key_lines.get(key))


def _text_value(key: str, value: object, where: _Where) -> str:
    if isinstance(value, bool) or not isinstance(value, (str, int, float, dt.date, dt.time)):
        raise where.error(key, f"expected text, not {type(value).__name__}")
    return str(value)


def _date_value(key: str, value: object, where: _Where) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        parsed = parse_date(value)
        if parsed is not None:
            return parsed
        raise where.error(key, f"cannot read {value!r} as a date (try 2020-01-21 or 'January 21, 2020')")
    raise where.error(key, f"expected a date, not {type(value).__name__}")


def _time_value(key: str, value: object, where: _Where) -> str:
    if isinstance(value, dt.time):
        return value.strftime("%H:%M" if not value.second and not value.microsecond else "%H:%M:%S")
    return _text_value(key, value, where)


def _bool_value(key: str, value: object, where: _Where) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in ("true", "yes", "1", "false", "no", "0"):
        return value.strip().lower() in ("true", "yes", "1")
    raise where.error(key, f"expected true or false, not {value!r}")


def _labels(key: str, value: object, where: _Where) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if isinstance(value, (list, tuple)):
        return tuple(_text_value(key, v, where) for v in value)
    raise where.error(key, f"expected a label or a list of labels, not {type(value).__name__}")


def _participant(item: object, where: _Where, default_id: str | None = None) -> ParticipantPatch:
    key = "participants"
    if isinstance(item, Participant):
        return ParticipantPatch(
            id=item.id, name=item.name, role=item.role, labels=item.labels, anonymous=item.anonymous or None
        )
    if default_id is not None and not _ID_RE.fullmatch(default_id):
        raise where.error(key, f"participant id {default_id!r} must start with a letter and hold no spaces")
    if isinstance(item, str):
        return ParticipantPatch(id=default_id, name=item)
    if not isinstance(item, Mapping):
        raise where.error(key, f"each participant must be a mapping or a name, not {type(item).__name__}")
    unknown = sorted(str(k) for k in item if k not in ("id", "name", "role", "labels", "label", "anonymous"))
    if unknown:
        raise where.error(key, f"unknown participant field(s) {', '.join(unknown)}; use id, name, role, labels")
    pid = item.get("id", default_id)
    pid = None if pid is None else _text_value(key, pid, where)
    if pid is not None and not _ID_RE.fullmatch(pid):
        raise where.error(key, f"participant id {pid!r} must start with a letter and hold no spaces")
    name = item.get("name")
    role = item.get("role")
    labels = _labels(key, item.get("labels", item.get("label")), where)
    anonymous = item.get("anonymous")
    patch = ParticipantPatch(
        id=pid,
        name=None if name is None else _text_value(key, name, where),
        role=None if role is None else _text_value(key, role, where),
        labels=labels,
        anonymous=None if anonymous is None else _bool_value(key, anonymous, where),
    )
    if not patch.keys():
        raise where.error(key, "a participant needs at least an id, a name or a label")
    return patch


def _participants(value: object, where: _Where) -> tuple[ParticipantPatch, ...]:
    if value is None:
        return ()
    if isinstance(value, Mapping):  # {id: {name: …, role: …}} or {id: name}
        return tuple(_participant(v, where, default_id=str(k)) for k, v in value.items())
    if isinstance(value, (list, tuple)):
        return tuple(_participant(v, where) for v in value)
    raise where.error("participants", f"expected a list of participants, not {type(value).__name__}")


_CONVERT = {"date": _date_value, "time": _time_value}
#: Fields shown on one line: runs of spaces, no-break spaces and line breaks become one space.
_ONE_LINE = frozenset({"title", "lead", "place", "occasion", "time"})


def patch_from_mapping(
    data: Mapping[str, Any],
    *,
    source: str | None = None,
    key_lines: Mapping[str, int] | None = None,
    origin: str = "metadata",
) -> MetaPatch:
    """Read a metadata mapping (front matter, sidecar or API); bad values raise ``ParseError``."""
    where = _Where(source, key_lines or {}, origin)
    fields: dict[str, Any] = {}
    extra: list[tuple[str, str]] = []
    is_excerpt: bool | None = None
    people: tuple[ParticipantPatch, ...] = ()
    keys = [str(k) for k in data]
    for raw, value in data.items():
        raw_key = str(raw)
        if not _size_ok(value):
            raise where.error(raw_key, f"the value is too large (more than {_MAX_NODES} items)")
        key = raw_key.strip().lower().replace("-", "_")
        canonical = _ALIASES.get(key, key)
        if canonical != key and canonical in keys:  # the field's own key wins; keep the alias as extra
            canonical = ""
        if value is None:
            continue
        if canonical in MEETING_FIELDS:
            converted = _CONVERT.get(canonical, _text_value)(raw_key, value, where)
            fields[canonical] = _fold(converted) if isinstance(converted, str) and canonical in _ONE_LINE else converted
        elif canonical == "is_excerpt":
            is_excerpt = _bool_value(raw_key, value, where)
        elif canonical == "participants":
            people = _participants(value, where)
        elif canonical == "extra" and isinstance(value, Mapping):
            extra.extend((str(k), _extra_text(v)) for k, v in value.items())
        elif canonical == "extra" and isinstance(value, (list, tuple)):
            for pair in value:
                if not (isinstance(pair, (list, tuple)) and len(pair) == 2):
                    raise where.error(raw_key, "extra must be a mapping or a list of (key, value) pairs")
                extra.append((str(pair[0]), _extra_text(pair[1])))
        else:
            extra.append((raw_key, _extra_text(value)))
    return MetaPatch(fields=tuple(fields.items()), is_excerpt=is_excerpt, extra=tuple(extra), participants=people)


def patch_from_meeting(meeting: Meeting) -> MetaPatch:
    """A ``Meeting`` given to ``parse()``: its fields that are set."""
    fields = tuple((f, getattr(meeting, f)) for f in MEETING_FIELDS if getattr(meeting, f) is not None)
    return MetaPatch(fields=fields, is_excerpt=meeting.is_excerpt or None, extra=meeting.extra)


# --- the text's own header ------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class _Line:
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
    lines: tuple[tuple[str, tuple[_Line, ...]], ...]
    end: int = 0


def _header(kind: str, fields: Sequence[tuple[str, Any, Sequence[_Line]]]) -> Header:
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
        and not any(form.search(s) for form in _DATE_FORMS)
        and not re.search(r"\d", s)
    )


def _caps_heading(s: str) -> bool:
    letters = [c for c in s if c.isalpha()]
    return len(letters) >= 4 and all(c.isupper() for c in letters)


def _kremlin(lines: Sequence[_Line]) -> Header | None:
    """Title; lead lines; ``January 21, 2020``; ``20:15``; ``Government House, Moscow`` (en.kremlin.ru)."""
    title = lines[0].text if lines else ""
    if any(form.search(title) for form in _DATE_FORMS):  # a page header such as "Record - 21 November 2012"
        return None
    for i in range(1, min(len(lines), 16)):
        if lines[i].text.isdigit():  # a page number: not a lead
            return None
        date = parse_date(lines[i].text)
        if date is None or lines[i].text.startswith("("):
            continue
        fields: list[tuple[str, Any, Sequence[_Line]]] = [("title", title, lines[:1]), ("date", date, lines[i : i + 1])]
        if i > 1:
            fields.append(("lead", " ".join(line.text for line in lines[1:i]), lines[1:i]))
        j = i + 1
        if j < len(lines) and _TIME_24.fullmatch(lines[j].text):
            fields.append(("time", lines[j].text, lines[j : j + 1]))
            j += 1
            if j < len(lines) and _place_like(lines[j].text):
                fields.append(("place", lines[j].text, lines[j : j + 1]))
        return _header("kremlin", fields)
    return None


def _whitehouse(lines: Sequence[_Line]) -> Header | None:
    """Capitalised title lines, place lines, ``(October 21, 2021)``, ``8:00 P.M. EDT`` (whitehouse.gov)."""
    for j in range(min(len(lines), 10)):
        if not _TIME_12.fullmatch(lines[j].text):
            continue
        fields: list[tuple[str, Any, Sequence[_Line]]] = [("time", lines[j].text, lines[j : j + 1])]
        title: list[_Line] = []
        place: list[_Line] = []
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


def _place_only(lines: Sequence[_Line]) -> Header | None:
    """A lone place line between front matter and an all-caps label: ``Via Teleconference`` (whitehouse.gov)."""
    if len(lines) >= 2 and _place_like(lines[0].text) and _CAPS_LABEL.match(lines[1].text):
        return _header("place", [("place", lines[0].text, lines[:1])])
    return None


#: Tried in order; the first that recognises the lines wins.
_HEADERS = (_kremlin, _whitehouse)
#: Header lines are looked for among this many first non-blank lines (_kremlin looks at 16).
_HEADER_LINES = 16
#: A LegCo title and date are looked for among this many first preamble blocks.
_TITLE_BLOCKS = 24


def read_header(text: str, start: int = 0, *, after_front_matter: bool = False) -> Header | None:
    """Recognise a publisher's header in the first lines of ``text[start:]``.

    The header is read before the grammar runs, so that a place line such
    as ``Kovrov`` cannot be taken for the first half of a wrapped label.
    A lone place line is only looked for right after front matter.
    """
    lines: list[_Line] = []
    n = text.count("\n", 0, start) + 1
    pos = start
    while pos <= len(text) and len(lines) < _HEADER_LINES:
        nl = text.find("\n", pos)
        stop = len(text) if nl < 0 else nl
        raw = text[pos:stop]
        folded = _fold(raw)
        if folded:
            lead = len(raw) - len(raw.lstrip())
            lines.append(_Line(n=n, text=folded, start=pos + lead, end=pos + len(raw.rstrip())))
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


# --- merging and applying ---------------------------------------------------------------------------------


def _merge_people(layers: Iterable[Sequence[ParticipantPatch]]) -> list[ParticipantPatch]:
    """One patch per person, higher layers laid over lower ones that share an id, name or label."""
    merged: list[ParticipantPatch] = []
    for layer in layers:
        for patch in layer:
            keys = patch.keys()
            for k, have in enumerate(merged):
                same_id = patch.id is not None and have.id is not None and patch.id.casefold() == have.id.casefold()
                if same_id or (keys & have.keys() and (patch.id is None or have.id is None or same_id)):
                    merged[k] = patch.over(have)
                    break
            else:
                merged.append(patch)
    return merged


def _participant_keys(p: Participant) -> frozenset[str]:
    return frozenset(_fold(k).casefold() for k in (p.id, p.name, *p.labels) if k)


def _apply_people(
    participants: Sequence[Participant], body: Sequence[Turn | Note], patches: Sequence[ParticipantPatch]
) -> tuple[tuple[Participant, ...], tuple[Turn | Note, ...]]:
    owner: dict[str, int] = {}
    for i, patch in enumerate(patches):
        # By name or label first; by id only when those find nobody, so that
        # {"id": "p2", "labels": ["Anna"]} renames Anna rather than joining her to p2.
        by_name = ParticipantPatch(name=patch.name, labels=patch.labels).keys()
        found = [p for p in participants if p.id not in owner and by_name & _participant_keys(p)]
        if not found and patch.id is not None:
            found = [p for p in participants if p.id not in owner and p.id.casefold() == patch.id.casefold()]
        for p in found:
            owner[p.id] = i
    groups: dict[int, list[Participant]] = {}
    for p in participants:
        if p.id in owner:
            groups.setdefault(owner[p.id], []).append(p)
    fixed = {patch.id for patch in patches if patch.id is not None}
    result: list[Participant] = []
    rename: dict[str, str] = {}
    taken: set[str] = set()

    def unique(pid: str, own: bool) -> str:
        if pid in taken or (not own and pid in fixed):
            n = 2
            while f"{pid}-{n}" in taken or f"{pid}-{n}" in fixed:
                n += 1
            pid = f"{pid}-{n}"
        taken.add(pid)
        return pid

    done: set[int] = set()
    for p in participants:
        owned = owner.get(p.id)
        if owned is None:
            new = attrs.evolve(p, id=unique(p.id, False))
            rename[p.id] = new.id
            result.append(new)
            continue
        if owned in done:
            continue
        done.add(owned)
        patch, members = patches[owned], groups[owned]
        first = members[0]
        merged = Participant(
            id=unique(patch.id or first.id, patch.id is not None),
            name=patch.name if patch.name is not None else first.name,
            role=patch.role if patch.role is not None else next((m.role for m in members if m.role), None),
            labels=tuple(dict.fromkeys(label for m in members for label in m.labels)),
            anonymous=patch.anonymous if patch.anonymous is not None else first.anonymous,
        )
        for m in members:
            rename[m.id] = merged.id
        result.append(merged)
    for k, patch in enumerate(patches):
        if k in done:
            continue
        name = patch.name or (patch.labels[0] if patch.labels else None) or patch.id or ""
        result.append(
            Participant(
                id=unique(patch.id or slug(name), patch.id is not None),
                name=name,
                role=patch.role,
                labels=patch.labels,
                anonymous=bool(patch.anonymous),
            )
        )
    body_out = tuple(
        attrs.evolve(item, speaker=rename.get(item.speaker, item.speaker)) if isinstance(item, Turn) else item
        for item in body
    )
    return tuple(result), body_out


def _occasion(t: Transcript) -> str | None:
    """A preamble that opens with a sentence saying what happened (the seed's first line)."""
    if not t.turns or not t.preamble or not isinstance(t.preamble[0], Paragraph):
        return None
    s = _fold(t.preamble[0].text)
    return s if s.endswith((".", "!", "?")) and len(s.split()) >= 4 else None


def _titled_date(preamble: Sequence[Paragraph | Note]) -> tuple[int, str, dt.date] | None:
    """A short title paragraph followed by a paragraph that is only a date (LegCo's record, after its page header).

    Returns the index of the title block, the title and the date.
    """
    for i in range(min(len(preamble), _TITLE_BLOCKS) - 1):
        title, dated = preamble[i], preamble[i + 1]
        if not (isinstance(title, Paragraph) and isinstance(dated, Paragraph)):
            continue
        date = parse_date(dated.text)
        text = _fold(title.text)
        if date is not None and 0 < len(text) <= 80 and text[-1] not in ".!?:;,":
            return i, text, date
    return None


def _restored(lines: Sequence[_Line]) -> Paragraph:
    """Header lines whose field another source overrode: back into the preamble, words and span intact."""
    first, last = lines[0], lines[-1]
    return Paragraph(
        text=" ".join(line.text for line in lines),
        span=Span(start=first.start, end=last.end, line=first.n, end_line=last.n),
    )


def apply_metadata(t: Transcript, *, header: Header | None, layers: Sequence[MetaPatch]) -> Transcript:
    """Lay metadata over a parsed transcript; ``layers`` go from the lowest precedence to the highest.

    ``header`` is what :func:`read_header` found before the grammar ran;
    the transcript ``t`` was built from the text after it.
    """
    values: dict[str, Any] = {f: getattr(t.meeting, f) for f in MEETING_FIELDS}
    from_header: dict[str, Any] = {}
    if header is not None:
        for f, v in header.values:
            if values[f] is None:
                values[f] = from_header[f] = v
    is_excerpt = t.meeting.is_excerpt
    extra: dict[str, str] = dict(t.meeting.extra)
    for layer in layers:
        for f, v in layer.fields:
            values[f] = v
        if layer.is_excerpt is not None:
            is_excerpt = layer.is_excerpt
        for k, v in layer.extra:
            extra.pop(k, None)
            extra[k] = v
    preamble = t.preamble
    titled = _titled_date(preamble) if header is None else None
    if titled is not None:
        i, title, date = titled
        if values["title"] in (None, title) and values["date"] in (None, date):
            values["title"], values["date"] = title, date
            preamble = (*preamble[:i], *preamble[i + 2 :])
    elif values["occasion"] is None and header is None:
        values["occasion"] = _occasion(t)
    meeting = Meeting(**values, is_excerpt=is_excerpt, extra=tuple(extra.items()))
    if header is not None:
        restored = [
            _restored(lines) for f, lines in header.lines if f not in from_header or values[f] != from_header[f]
        ]
        restored.sort(key=lambda p: p.span.start if p.span else 0)
        preamble = (*restored, *preamble)
    people = _merge_people(layer.participants for layer in layers)
    participants, body = (t.participants, t.body) if not people else _apply_people(t.participants, t.body, people)
    return attrs.evolve(t, meeting=meeting, preamble=preamble, participants=participants, body=body)
