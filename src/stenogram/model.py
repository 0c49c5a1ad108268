"""The neutral transcript model: frozen, typed, and free of I/O.

Readers build it, exporters and the analysis read it. Change it with
``attrs.evolve``. Equality compares content only: source spans and
diagnostics describe where the content came from, not what it is, so a
transcript read back from TEI equals the one that was written.
"""

from __future__ import annotations

import datetime as _dt
import enum
from collections.abc import Callable, Iterator
from typing import Any, TypeAlias

import attrs

from stenogram.diagnostics import Diagnostic
from stenogram.text import count_words

__all__ = [
    "Block",
    "BodyItem",
    "Mark",
    "MarkKind",
    "Meeting",
    "Note",
    "NoteKind",
    "Paragraph",
    "Participant",
    "Span",
    "Transcript",
    "Turn",
]


def _non_negative(instance: object, attribute: attrs.Attribute[int], value: int) -> None:
    if value < 0:
        raise ValueError(f"{attribute.name} must be >= 0, got {value}")


def _span_fields(span: Span, attribute: attrs.Attribute[int], value: int) -> None:
    """Every check of a span in one call, made on its last field (all are set by then).

    The parser builds a span for every paragraph and turn; one call instead of five counts.
    """
    start, end, line = span.start, span.end, span.line
    if start < 0 or end < start or line < 0 or value < 0:
        for name, field_value in (("start", start), ("end", end)):
            if field_value < 0:
                raise ValueError(f"{name} must be >= 0, got {field_value}")
        if end < start:
            raise ValueError(f"span end {end} is before its start {start}")
        for name, field_value in (("line", line), ("end_line", value)):
            if field_value < 0:
                raise ValueError(f"{name} must be >= 0, got {field_value}")


@attrs.frozen(kw_only=True)
class Span:
    """Where something stands in the decoded source text.

    Offsets index the text after decoding (BOM removed, line ends folded to
    ``\\n``); lines are 1-based and ``end_line`` is the last line touched.
    """

    start: int
    end: int
    line: int
    end_line: int = attrs.field(validator=_span_fields)


class NoteKind(enum.Enum):
    """What a note is; exporters pick their markup from this."""

    STAGE = "stage"  # (Applause.), (Laughs.), (As interpreted.)
    OMISSION = "omission"  # <…>, [inaudible]
    SEPARATOR = "separator"  # * * *
    SECTION = "section"  # Part 1. The Kremlin, Moscow; <CHAPTER>; headings
    TIMESTAMP = "timestamp"  # 00:07:53, 1:26 P.M. EST
    EDITORIAL = "editorial"  # (The Minister went on to talk about …), attendee lists
    PAGE = "page"  # page headers and page numbers of printed records
    OTHER = "other"  # kept, but not classified


class MarkKind(enum.Enum):
    """What an inline stretch of a paragraph is."""

    STAGE = "stage"  # (Laughs.) inside a sentence
    OMISSION = "omission"  # <…>
    INSERTION = "insertion"  # [$400 million]: words the editor added
    TIMESTAMP = "timestamp"  # [crosstalk 00:07:53]
    EDITORIAL = "editorial"  # (The Minister went on to talk about …): the editor's summary of speech
    OTHER = "other"


#: Mark kinds that, spanning a whole paragraph, make it an aside rather than speech.
_ASIDE_MARKS = frozenset({MarkKind.STAGE, MarkKind.EDITORIAL})


@attrs.frozen(kw_only=True)
class Mark:
    """An inline annotation: ``text[start:end]`` of its paragraph is of this kind."""

    kind: MarkKind = attrs.field(validator=attrs.validators.instance_of(MarkKind))
    start: int = attrs.field(validator=_non_negative)
    end: int = attrs.field(validator=_non_negative)


def _tuple_of(*types: type) -> Callable[[Any, attrs.Attribute[Any], Any], None]:
    """Validate a tuple whose members are all of ``types``.

    One plain loop rather than attrs' ``deep_iterable(instance_of …)``, which
    makes two calls per member: the parser builds tuples of thousands.
    """
    allowed: type | tuple[type, ...] = types[0] if len(types) == 1 else types

    def check(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if not isinstance(value, tuple):
            message = f"'{attribute.name}' must be {tuple!r} (got {value!r} that is a {type(value)!r})."
            raise TypeError(message, attribute, tuple, value)
        for member in value:
            if not isinstance(member, allowed):
                raise TypeError(
                    f"'{attribute.name}' must be {types!r} (got {member!r} that is a {type(member)!r}).",
                    attribute,
                    types,
                    member,
                )

    return check


_tuple_of_marks = _tuple_of(Mark)


def _texts_or_none(
    *names: str, flags: tuple[str, ...] = (), texts: tuple[str, ...] = ()
) -> Callable[[Any, attrs.Attribute[Any], Any], None]:
    """One validator for the optional text fields ``names``, the ``flags`` (bools) and the ``texts`` (text) of a class.

    Exporters call string methods on them; a number passed in code would otherwise surface as an
    ``AttributeError`` inside an exporter. One call per instance, made on its last field: every field is
    set by then (the parser builds a turn per label).
    """

    def check(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        for name in texts:
            field_value = getattr(instance, name)
            if not isinstance(field_value, str):  # as attrs' instance_of says it
                raise TypeError(f"'{name}' must be {str!r} (got {field_value!r} that is a {type(field_value)!r}).")
        for name in names:
            field_value = getattr(instance, name)
            if field_value is not None and not isinstance(field_value, str):
                raise TypeError(f"'{name}' must be text or None (got {field_value!r} that is a {type(field_value)!r}).")
        for name in flags:
            if not isinstance(getattr(instance, name), bool):
                raise TypeError(f"'{name}' must be True or False (got {getattr(instance, name)!r}).")

    return check


def _pairs_of_text(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """``Meeting.extra``: a tuple of (key, value) pairs of text, as every exporter unpacks it."""
    _tuple_of(tuple)(instance, attribute, value)
    for pair in value:
        if len(pair) != 2 or not all(isinstance(part, str) for part in pair):
            raise TypeError(f"'{attribute.name}' must hold (key, value) pairs of text (got {pair!r}).")


@attrs.frozen(kw_only=True)
class Paragraph:
    """One paragraph of speech or preamble, reflowed: it never holds a line break."""

    text: str = attrs.field(validator=attrs.validators.instance_of(str))
    marks: tuple[Mark, ...] = attrs.field(default=())
    span: Span | None = attrs.field(default=None, eq=False)

    @marks.validator
    def _marks_inside_text(self, attribute: attrs.Attribute[tuple[Mark, ...]], value: tuple[Mark, ...]) -> None:
        if value == () and type(value) is tuple:
            return  # most paragraphs: nothing to check
        _tuple_of_marks(self, attribute, value)  # one validator, not two chained: every paragraph runs it
        for mark in value:
            if not mark.start <= mark.end <= len(self.text):
                raise ValueError(f"mark {mark.start}:{mark.end} lies outside a text of {len(self.text)} characters")

    @property
    def word_count(self) -> int:
        return count_words(self.text)

    @property
    def is_aside(self) -> bool:
        """Is the whole paragraph one stage direction or editorial aside, "(Applause.)"?

        The publisher printed it in the flow of the turn, so it stays a
        paragraph there; speaker statistics and key sentences skip it.
        """
        end = len(self.text)
        return any(m.start == 0 and m.end == end and m.kind in _ASIDE_MARKS for m in self.marks)


@attrs.frozen(kw_only=True)
class Note:
    """Something in the record that nobody said: a stage direction, an omission, a separator."""

    kind: NoteKind = attrs.field(validator=attrs.validators.instance_of(NoteKind))
    text: str = attrs.field(validator=attrs.validators.instance_of(str))
    span: Span | None = attrs.field(default=None, eq=False)


Block: TypeAlias = Paragraph | Note


@attrs.frozen(kw_only=True)
class Participant:
    """A person (or an anonymous role such as ``Question``) who speaks.

    ``labels`` keeps every label this participant was printed under, in order
    of first appearance, so nothing the source said about them is lost.
    ``affiliation`` is a party or group (``Lib.``, ``ÖVP``) and
    ``constituency`` an electorate or riding, as parliaments print them in
    brackets after the name.
    """

    id: str = attrs.field(validator=attrs.validators.matches_re(r"[A-Za-z_][\w.\-]*"))
    name: str = attrs.field(validator=attrs.validators.instance_of(str))
    role: str | None = None
    labels: tuple[str, ...] = attrs.field(default=(), validator=_tuple_of(str))
    anonymous: bool = False
    affiliation: str | None = None
    constituency: str | None = attrs.field(
        default=None, validator=_texts_or_none("role", "affiliation", "constituency", flags=("anonymous",))
    )


@attrs.frozen(kw_only=True)
class Turn:
    """One speaker's uninterrupted contribution.

    ``label`` is the label exactly as printed, without its closing colon;
    ``annotation`` holds what the label carried besides the name, such as
    ``retranslated``; ``time`` a clock time printed with the label,
    ``(14:03)``. ``id`` is the identifier a reader found (a TEI ``xml:id``);
    like the span it says where the turn came from, not what it is, so it
    takes no part in equality.
    """

    speaker: str
    label: str
    content: tuple[Block, ...] = attrs.field(default=(), validator=_tuple_of(Paragraph, Note))
    annotation: str | None = None
    time: str | None = None
    # Speaker and label are checked here too: one call per turn, of which the parser builds one per label.
    id: str | None = attrs.field(
        default=None, eq=False, validator=_texts_or_none("annotation", "time", "id", texts=("speaker", "label"))
    )
    span: Span | None = attrs.field(default=None, eq=False)

    @property
    def paragraphs(self) -> tuple[Paragraph, ...]:
        return tuple(b for b in self.content if isinstance(b, Paragraph))

    @property
    def notes(self) -> tuple[Note, ...]:
        return tuple(b for b in self.content if isinstance(b, Note))

    @property
    def text(self) -> str:
        """The paragraphs joined by blank lines."""
        return "\n\n".join(p.text for p in self.paragraphs)

    @property
    def word_count(self) -> int:
        return sum(p.word_count for p in self.paragraphs)


BodyItem: TypeAlias = Turn | Note


@attrs.frozen(kw_only=True)
class Meeting:
    """What the transcript is of. Every field is optional: sources vary.

    ``id`` is the document identifier a reader found (a TEI ``xml:id``); it
    takes no part in equality, like a span.
    """

    id: str | None = attrs.field(default=None, eq=False)
    title: str | None = None
    lead: str | None = None
    date: _dt.date | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(_dt.date))
    )
    time: str | None = None
    place: str | None = None
    occasion: str | None = None
    source: str | None = None
    language: str | None = None
    is_excerpt: bool = False
    extra: tuple[tuple[str, str], ...] = attrs.field(
        default=(),
        validator=[
            _pairs_of_text,
            _texts_or_none(
                "id", "title", "lead", "time", "place", "occasion", "source", "language", flags=("is_excerpt",)
            ),
        ],
    )


@attrs.frozen(kw_only=True)
class Transcript:
    """A parsed transcript: metadata, participants, preamble and body.

    ``body`` holds turns and the notes that stand between them, in source
    order. ``diagnostics`` lists the guesses the reader made; they do not
    take part in equality.
    """

    meeting: Meeting = attrs.field(factory=Meeting, validator=attrs.validators.instance_of(Meeting))
    participants: tuple[Participant, ...] = attrs.field(default=(), validator=_tuple_of(Participant))
    preamble: tuple[Block, ...] = attrs.field(default=(), validator=_tuple_of(Paragraph, Note))
    body: tuple[BodyItem, ...] = attrs.field(default=(), validator=_tuple_of(Turn, Note))
    diagnostics: tuple[Diagnostic, ...] = attrs.field(default=(), eq=False, validator=_tuple_of(Diagnostic))

    @participants.validator
    def _unique_ids(self, attribute: attrs.Attribute[tuple[Participant, ...]], value: tuple[Participant, ...]) -> None:
        seen: set[str] = set()
        for p in value:
            if p.id in seen:
                raise ValueError(f"duplicate participant id {p.id!r}")
            seen.add(p.id)

    @property
    def turns(self) -> tuple[Turn, ...]:
        return tuple(b for b in self.body if isinstance(b, Turn))

    @property
    def notes(self) -> tuple[Note, ...]:
        """Every note, wherever it stands: preamble, between turns, inside turns."""
        return tuple(self._iter_notes())

    def _iter_notes(self) -> Iterator[Note]:
        for block in self.preamble:
            if isinstance(block, Note):
                yield block
        for item in self.body:
            if isinstance(item, Note):
                yield item
            else:
                yield from item.notes

    @property
    def paragraphs(self) -> tuple[Paragraph, ...]:
        """Every spoken paragraph, in order (the preamble is not speech)."""
        return tuple(p for t in self.turns for p in t.paragraphs)

    @property
    def word_count(self) -> int:
        return sum(t.word_count for t in self.turns)

    def participant(self, id: str) -> Participant:
        """The participant with this id; ``LookupError`` names the ids there are."""
        for p in self.participants:
            if p.id == id:
                return p
        from stenogram.errors import UnknownParticipantError

        raise UnknownParticipantError(id, tuple(p.id for p in self.participants))

    def turns_of(self, id: str) -> tuple[Turn, ...]:
        return tuple(t for t in self.turns if t.speaker == id)
