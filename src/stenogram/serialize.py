"""JSON in and out of the model, with a ``schema_version``.

Everything is kept, spans and diagnostics included, so ``from_json(to_json(t))``
gives back ``t`` field for field. The layout is documented in ``docs/json.md``.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterator
from itertools import islice
from typing import Any, TypeVar

import attrs

from stenogram.diagnostics import Diagnostic, Severity
from stenogram.errors import ReadError, require
from stenogram.model import (
    Block,
    BodyItem,
    Mark,
    MarkKind,
    Meeting,
    Note,
    NoteKind,
    Paragraph,
    Participant,
    Span,
    Transcript,
    Turn,
)
from stenogram.surrogates import CODE as SURROGATE_CODE
from stenogram.surrogates import scrub_data

__all__ = ["SCHEMA_VERSION", "from_json", "json_pieces", "to_json", "transcript_from_data", "transcript_to_data"]

SCHEMA_VERSION = 2
#: The versions ``from_json`` reads: version 1 lacks the fields version 2 added, which stay unset.
READABLE_VERSIONS = (1, 2)
_T = TypeVar("_T")


def _span(span: Span | None) -> list[int] | None:
    return None if span is None else [span.start, span.end, span.line, span.end_line]


def _block(block: Block) -> dict[str, Any]:
    if isinstance(block, Paragraph):
        out: dict[str, Any] = {"type": "paragraph", "text": block.text}
        if block.marks:
            out["marks"] = [[m.kind.value, m.start, m.end] for m in block.marks]
    else:
        out = {"type": "note", "kind": block.kind.value, "text": block.text}
    out["span"] = _span(block.span)
    return out


def _body_item(item: BodyItem) -> dict[str, Any]:
    if isinstance(item, Note):
        return _block(item)
    return {
        "type": "turn",
        "speaker": item.speaker,
        "label": item.label,
        "annotation": item.annotation,
        "time": item.time,
        "id": item.id,
        "content": [_block(b) for b in item.content],
        "span": _span(item.span),
    }


def transcript_to_data(transcript: Transcript) -> dict[str, Any]:
    """The plain JSON-ready data for a transcript."""
    m = transcript.meeting
    meeting = attrs.asdict(m, recurse=False)
    meeting["date"] = m.date.isoformat() if m.date else None
    meeting["extra"] = [list(kv) for kv in m.extra]
    return {
        "schema_version": SCHEMA_VERSION,
        "meeting": meeting,
        "participants": [
            {
                "id": p.id,
                "name": p.name,
                "role": p.role,
                "labels": list(p.labels),
                "anonymous": p.anonymous,
                "affiliation": p.affiliation,
                "constituency": p.constituency,
            }
            for p in transcript.participants
        ],
        "preamble": [_block(b) for b in transcript.preamble],
        "body": [_body_item(item) for item in transcript.body],
        "diagnostics": [
            {
                "code": d.code,
                "message": d.message,
                "line": d.line,
                "column": d.column,
                "severity": d.severity.value,
                "text": d.text,
            }
            for d in transcript.diagnostics
        ],
    }


_BATCH = 8192  # tokens of indented JSON joined at a time


def json_pieces(transcript: Transcript, *, indent: int | None = 2) -> Iterator[str]:
    """The text of ``to_json`` in a few large pieces, so neither it nor a list of its tokens is held whole.

    Indented JSON comes from the json module's Python encoder a token at a time (one string of a few
    characters each: five times the text, in a list, for ``json.dumps``); they are joined in batches.
    Unindented JSON comes whole from its C encoder, which is faster and joins as it goes.
    """
    data = transcript_to_data(transcript)
    if indent is None:
        yield json.dumps(data, ensure_ascii=False)
    else:
        tokens = json.JSONEncoder(ensure_ascii=False, indent=indent).iterencode(data)
        del data
        while batch := list(islice(tokens, _BATCH)):
            yield "".join(batch)
    yield "\n"


def to_json(transcript: Transcript, *, indent: int | None = 2) -> str:
    """Deterministic JSON text: the same transcript always gives the same bytes."""
    require(transcript, Transcript, "to_json", "the transcript", "a Transcript")
    return "".join(json_pieces(transcript, indent=indent))


class _Reader:
    """Walks decoded JSON, turning every shape error into a ``ReadError`` with its path."""

    def __init__(self, source: str | None) -> None:
        self.source = source or "<json>"

    def fail(self, path: str, problem: str) -> ReadError:
        return ReadError(f"{self.source}: {path}: {problem}")

    def get(self, obj: Any, key: str, path: str, kind: type[_T] | tuple[type, ...], *, optional: bool = False) -> Any:
        if not isinstance(obj, dict):
            raise self.fail(path, f"expected an object, got {type(obj).__name__}")
        if key not in obj:
            if optional:
                return None
            raise self.fail(f"{path}.{key}", "missing")
        value = obj[key]
        if value is None and optional:
            return None
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            raise self.fail(f"{path}.{key}", f"expected {_kind_name(kind)}, got {type(value).__name__}")
        return value

    def enum(self, cls: Callable[[str], _T], value: str, path: str) -> _T:
        try:
            return cls(value)
        except ValueError:
            raise self.fail(path, f"unknown value {value!r}") from None

    def span(self, obj: Any, path: str) -> Span | None:
        raw = self.get(obj, "span", path, list, optional=True)
        if raw is None:
            return None
        if len(raw) != 4 or not all(isinstance(v, int) and not isinstance(v, bool) for v in raw):
            raise self.fail(f"{path}.span", "expected [start, end, line, end_line]")
        return self.build(Span, f"{path}.span", start=raw[0], end=raw[1], line=raw[2], end_line=raw[3])

    def build(self, cls: Callable[..., _T], path: str, **kwargs: Any) -> _T:
        try:
            return cls(**kwargs)
        except (TypeError, ValueError) as exc:
            raise self.fail(path, str(exc)) from None

    def block(self, obj: Any, path: str) -> Block:
        kind = self.get(obj, "type", path, str)
        text = self.get(obj, "text", path, str)
        if kind == "paragraph":
            marks = []
            for i, raw in enumerate(self.get(obj, "marks", path, list, optional=True) or []):
                mpath = f"{path}.marks[{i}]"
                if not (isinstance(raw, list) and len(raw) == 3 and isinstance(raw[0], str)):
                    raise self.fail(mpath, "expected [kind, start, end]")
                marks.append(self.build(Mark, mpath, kind=self.enum(MarkKind, raw[0], mpath), start=raw[1], end=raw[2]))
            return self.build(Paragraph, path, text=text, marks=tuple(marks), span=self.span(obj, path))
        if kind == "note":
            note_kind = self.enum(NoteKind, self.get(obj, "kind", path, str), f"{path}.kind")
            return self.build(Note, path, kind=note_kind, text=text, span=self.span(obj, path))
        raise self.fail(f"{path}.type", f"expected 'paragraph' or 'note', got {kind!r}")

    def body_item(self, obj: Any, path: str) -> BodyItem:
        if self.get(obj, "type", path, str) != "turn":
            block = self.block(obj, path)
            if not isinstance(block, Note):
                raise self.fail(path, "a paragraph outside a turn belongs in the preamble")
            return block
        content = tuple(
            self.block(b, f"{path}.content[{i}]") for i, b in enumerate(self.get(obj, "content", path, list))
        )
        return self.build(
            Turn,
            path,
            speaker=self.get(obj, "speaker", path, str),
            label=self.get(obj, "label", path, str),
            annotation=self.get(obj, "annotation", path, str, optional=True),
            time=self.get(obj, "time", path, str, optional=True),
            id=self.get(obj, "id", path, str, optional=True),
            content=content,
            span=self.span(obj, path),
        )

    def transcript(self, data: Any) -> Transcript:
        version = self.get(data, "schema_version", "$", int)
        if version not in READABLE_VERSIONS:
            readable = " and ".join(map(str, READABLE_VERSIONS))
            raise self.fail("$.schema_version", f"this stenogram reads versions {readable}, not {version}")
        m = self.get(data, "meeting", "$", dict)
        raw_date = self.get(m, "date", "$.meeting", str, optional=True)
        try:
            date = dt.date.fromisoformat(raw_date) if raw_date else None
        except ValueError:
            raise self.fail("$.meeting.date", f"not an ISO date: {raw_date!r}") from None
        text_fields = {
            key: self.get(m, key, "$.meeting", str, optional=True)
            for key in ("id", "title", "lead", "time", "place", "occasion", "source", "language")
        }
        extra = []
        for i, kv in enumerate(self.get(m, "extra", "$.meeting", list, optional=True) or []):
            if not (isinstance(kv, list) and len(kv) == 2 and all(isinstance(v, str) for v in kv)):
                raise self.fail(f"$.meeting.extra[{i}]", "expected [key, value]")
            extra.append((kv[0], kv[1]))
        meeting = self.build(
            Meeting,
            "$.meeting",
            date=date,
            is_excerpt=bool(self.get(m, "is_excerpt", "$.meeting", bool, optional=True)),
            extra=tuple(extra),
            **text_fields,
        )
        participants = []
        for i, p in enumerate(self.get(data, "participants", "$", list)):
            path = f"$.participants[{i}]"
            labels = self.get(p, "labels", path, list)
            if not all(isinstance(label, str) for label in labels):
                raise self.fail(f"{path}.labels", "expected a list of strings")
            participants.append(
                self.build(
                    Participant,
                    path,
                    id=self.get(p, "id", path, str),
                    name=self.get(p, "name", path, str),
                    role=self.get(p, "role", path, str, optional=True),
                    labels=tuple(labels),
                    anonymous=bool(self.get(p, "anonymous", path, bool, optional=True)),
                    affiliation=self.get(p, "affiliation", path, str, optional=True),
                    constituency=self.get(p, "constituency", path, str, optional=True),
                )
            )
        diagnostics = []
        for i, d in enumerate(self.get(data, "diagnostics", "$", list, optional=True) or []):
            path = f"$.diagnostics[{i}]"
            diagnostics.append(
                Diagnostic(
                    code=self.get(d, "code", path, str),
                    message=self.get(d, "message", path, str),
                    line=self.get(d, "line", path, int, optional=True) or 0,
                    column=self.get(d, "column", path, int, optional=True) or 0,
                    severity=self.enum(Severity, self.get(d, "severity", path, str), f"{path}.severity"),
                    text=self.get(d, "text", path, str, optional=True) or "",
                )
            )
        return self.build(
            Transcript,
            "$",
            meeting=meeting,
            participants=tuple(participants),
            preamble=tuple(
                self.block(b, f"$.preamble[{i}]") for i, b in enumerate(self.get(data, "preamble", "$", list))
            ),
            body=tuple(self.body_item(b, f"$.body[{i}]") for i, b in enumerate(self.get(data, "body", "$", list))),
            diagnostics=tuple(diagnostics),
        )


def _kind_name(kind: type | tuple[type, ...]) -> str:
    names = {"str": "a string", "int": "an integer", "list": "a list", "dict": "an object", "bool": "true or false"}
    kinds = kind if isinstance(kind, tuple) else (kind,)
    return " or ".join(names.get(k.__name__, k.__name__) for k in kinds)


def transcript_from_data(data: Any, *, source: str | None = None) -> Transcript:
    """Build a transcript from decoded JSON data, checking every field."""
    return _Reader(source).transcript(data)


def from_json(text: str | bytes, *, source: str | None = None) -> Transcript:
    """The transcript that ``to_json`` wrote. Malformed input raises ``ReadError``."""
    require(text, (str, bytes, bytearray), "from_json", "the JSON", "str or bytes")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ReadError(f"{source or '<json>'}:{exc.lineno}:{exc.colno}: not valid JSON: {exc.msg}") from None
    except UnicodeDecodeError as exc:
        raise ReadError(f"{source or '<json>'}: not UTF-8 at byte {exc.start}") from None
    except RecursionError:
        raise ReadError(f"{source or '<json>'}: not a transcript: nested too deeply") from None
    except ValueError as exc:  # a number longer than Python reads (4300 digits)
        raise ReadError(f"{source or '<json>'}: not a transcript: {exc}") from None
    found: list[str] = []
    data = scrub_data(data, found)
    t = transcript_from_data(data, source=source)
    if not found:
        return t
    shown = ", ".join(found[:5]) + (f" and {len(found) - 5} more" if len(found) > 5 else "")
    note = Diagnostic(
        code=SURROGATE_CODE,
        message=f"{source or '<json>'}: lone surrogate(s) replaced with U+FFFD in {shown}",
        severity=Severity.WARNING,
    )
    return attrs.evolve(t, diagnostics=(*t.diagnostics, note))
