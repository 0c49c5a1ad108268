"""Metadata from four places laid over a parsed transcript, by precedence.

Lowest to highest: what the text's own header says, front matter, a
sidecar file, and the ``parse()`` arguments. A field one source gives
replaces the same field from a lower one; unknown keys are kept in
``Meeting.extra`` as text. Header lines whose value ends up in a ``Meeting``
field are not in the preamble: their words live in the meeting, so none is
lost. A header line whose field a higher source overrode goes back into the
preamble, for the same reason.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

import attrs

from stenogram.model import Meeting, Note, Paragraph, Participant, Span, Transcript, Turn
from stenogram.parse.dates import fold_line, parse_date
from stenogram.parse.headers import Header, HeaderLine
from stenogram.parse.metadata import MEETING_FIELDS, MetaPatch, ParticipantPatch
from stenogram.parse.speakers import slug

__all__ = ["apply_metadata"]

#: A LegCo title and date are looked for among this many first preamble blocks.
_TITLE_BLOCKS = 24


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
    return frozenset(fold_line(k).casefold() for k in (p.id, p.name, *p.labels) if k)


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
    s = fold_line(t.preamble[0].text)
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
        text = fold_line(title.text)
        if date is not None and 0 < len(text) <= 80 and text[-1] not in ".!?:;,":
            return i, text, date
    return None


def _restored(lines: Sequence[HeaderLine]) -> Paragraph:
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
    notes = tuple(d for layer in layers for d in layer.diagnostics)
    diagnostics = (*t.diagnostics, *notes) if notes else t.diagnostics
    return attrs.evolve(
        t, meeting=meeting, preamble=preamble, participants=participants, body=body, diagnostics=diagnostics
    )
