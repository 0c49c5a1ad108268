"""The metadata schema: a mapping (front matter, sidecar, ``parse()`` arguments) read into a ``MetaPatch``.

Known keys become ``Meeting`` fields (with their aliases), ``participants``
become ``ParticipantPatch`` records, and unknown keys are kept as text in
``Meeting.extra``. Every bad value is a ``ParseError`` naming the source and
the key's line; values deeper or larger than the limits below are refused
before they are read.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Mapping
from typing import Any

import attrs

from stenogram.diagnostics import Diagnostic, Severity
from stenogram.errors import ParseError
from stenogram.model import Meeting, Participant
from stenogram.parse.dates import fold_line, parse_date
from stenogram.surrogates import CODE as SURROGATE_CODE
from stenogram.surrogates import replace_surrogates

__all__ = [
    "MAX_CHARS",
    "MAX_DEPTH",
    "MAX_NODES",
    "MEETING_FIELDS",
    "MetaPatch",
    "ParticipantPatch",
    "patch_from_mapping",
    "patch_from_meeting",
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
        return frozenset(fold_line(k).casefold() for k in (self.id, self.name, *self.labels) if k)

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
    #: What reading the source had to change (lone surrogates replaced); the transcript reports them.
    diagnostics: tuple[Diagnostic, ...] = ()

    def get(self, name: str) -> Any:
        for key, value in self.fields:
            if key == name:
                return value
        return None


#: Limits on one metadata value (per top-level key), checked before it is read: YAML aliases can make a
#: small block expand enormously, and deep nesting would exhaust the stack of whatever reads it next.
MAX_NODES = 10_000
MAX_DEPTH = 32
MAX_CHARS = 1_000_000


def _too_big(value: object) -> str | None:
    """What makes ``value`` exceed the limits, or ``None``; stops walking as soon as one is passed."""
    stack: list[tuple[object, int]] = [(value, 1)]
    nodes = chars = 0
    while stack:
        item, depth = stack.pop()
        nodes += 1
        if nodes > MAX_NODES:
            return f"the value is too large (more than {MAX_NODES} items)"
        if depth > MAX_DEPTH:
            return f"the value is nested more than {MAX_DEPTH} levels deep"
        if isinstance(item, str):
            chars += len(item)
            if chars > MAX_CHARS:
                return f"the value is too long (more than {MAX_CHARS} characters)"
        elif isinstance(item, Mapping):
            stack.extend((k, depth + 1) for k in item)
            stack.extend((v, depth + 1) for v in item.values())
        elif isinstance(item, (list, tuple, set, frozenset)):
            stack.extend((v, depth + 1) for v in item)
    return None


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


#: Optional text fields of a ``Participant`` passed in code (the id's pattern admits no surrogate).
_OPTIONAL_TEXT = ("role", "affiliation", "constituency")


def _scrub(value: Any) -> tuple[Any, bool]:
    """``value`` with lone surrogates replaced in every string, and whether any was (depth is checked first)."""
    if isinstance(value, str):
        clean = replace_surrogates(value)
        return clean, clean is not value
    if isinstance(value, Participant):
        optional = {f: getattr(value, f) for f in _OPTIONAL_TEXT if getattr(value, f, None) is not None}
        texts = (value.name, *value.labels, *optional.values())
        if all(replace_surrogates(t) is t for t in texts):
            return value, False
        changes: dict[str, Any] = {f: replace_surrogates(v) for f, v in optional.items()}
        changes["name"] = replace_surrogates(value.name)
        changes["labels"] = tuple(replace_surrogates(label) for label in value.labels)
        return attrs.evolve(value, **changes), True
    if isinstance(value, Mapping):
        pairs = [(_scrub(k), _scrub(v)) for k, v in value.items()]
        if not any(kc or vc for (_, kc), (_, vc) in pairs):
            return value, False
        return {k: v for (k, _), (v, _) in pairs}, True
    if isinstance(value, (list, tuple)):
        items = [_scrub(v) for v in value]
        if not any(changed for _, changed in items):
            return value, False
        return [v for v, _ in items], True
    return value, False


class _Where:
    """Names the source and line of a key in error messages."""

    def __init__(self, source: str | None, key_lines: Mapping[str, int], origin: str) -> None:
        self.source, self.key_lines, self.origin = source, key_lines, origin

    def surrogates(self, key: str) -> Diagnostic:
        return Diagnostic(
            code=SURROGATE_CODE,
            message=f"{self.origin} key {key!r}: lone surrogate(s) replaced with U+FFFD",
            line=self.key_lines.get(key, 0),
            severity=Severity.WARNING,
        )

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
    notes: list[Diagnostic] = []
    keys = [str(k) for k in data]
    for raw, given in data.items():
        problem = _too_big(given)
        if problem is not None:
            raise where.error(str(raw), problem)
        (raw_key, value), changed = _scrub((str(raw), given))
        if changed:
            notes.append(where.surrogates(raw_key))
        key = raw_key.strip().lower().replace("-", "_")
        canonical = _ALIASES.get(key, key)
        if canonical != key and canonical in keys:  # the field's own key wins; keep the alias as extra
            canonical = ""
        if value is None:
            continue
        try:
            if canonical in MEETING_FIELDS:
                converted = _CONVERT.get(canonical, _text_value)(raw_key, value, where)
                if isinstance(converted, str) and canonical in _ONE_LINE:
                    converted = fold_line(converted)
                fields[canonical] = converted
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
        except ParseError:
            raise
        except Exception as exc:  # str() of an object passed in code, a number too long to print ...
            raise where.error(raw_key, f"cannot read the value: {type(exc).__name__}: {exc}") from None
    return MetaPatch(
        fields=tuple(fields.items()),
        is_excerpt=is_excerpt,
        extra=tuple(extra),
        participants=people,
        diagnostics=tuple(notes),
    )


def patch_from_meeting(meeting: Meeting) -> MetaPatch:
    """A ``Meeting`` given to ``parse()``: its fields that are set."""
    fields = tuple((f, getattr(meeting, f)) for f in MEETING_FIELDS if getattr(meeting, f) is not None)
    (fields, extra), changed = _scrub((fields, meeting.extra))
    notes = (_Where(None, {}, "meeting argument").surrogates("meeting"),) if changed else ()
    return MetaPatch(
        fields=tuple(tuple(f) for f in fields),
        is_excerpt=meeting.is_excerpt or None,
        extra=tuple((k, v) for k, v in extra),
        diagnostics=notes,
    )
