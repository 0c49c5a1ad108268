"""TEI -> Transcript.

Files this plugin wrote (``appInfo/application[@ident="stenogram"]``) are read
exactly, so ``read_tei(to_tei(t).data) == t``. Other TEI (ParlaMint,
Parla-CLARIN, the spoken module) is read by its usual conventions: speakers
from ``particDesc`` or ``u/@who``, labels from ``note[@type="speaker"]``,
turns from ``u``, paragraphs from ``seg``; whitespace in text is folded.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import unquote

import attrs

from stenogram.diagnostics import Diagnostic, Severity
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
    Transcript,
    Turn,
)
from stenogram.surrogates import replace_surrogates, surrogate_diagnostics
from stenogram.text import count_words
from stenogram_tei.errors import NotTeiError, TeiReadError
from stenogram_tei.includes import follow_includes
from stenogram_tei.options import TeiReadOptions
from stenogram_tei.safexml import as_text, has_doctype, iter_xml, refuse_entity_refs
from stenogram_tei.vocab import (
    APP_IDENT,
    MARK_KINDS_BY_NOTE_TYPE,
    NOTE_KINDS_BY_TYPE,
    STAGE_ELEMENTS,
    TEI_NS,
    XI_NS,
    XML_NS,
)

__all__ = ["read_tei", "sniff_tei"]

_NS = {"t": TEI_NS}
_T = f"{{{TEI_NS}}}"
_XML_ID = f"{{{XML_NS}}}id"
_XML_LANG = f"{{{XML_NS}}}lang"
_WS = re.compile(r"([ \t\r\n]+)")
_PARTICIPANT_ID = re.compile(r"[A-Za-z_][\w.\-]*")
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_ROLE_AND_NAME = re.compile(r"(.*?)\s*\(([^()]+)\)")
_NOTE_LIKE = STAGE_ELEMENTS | {"gap", "note"}
_ROOT_TAG = re.compile(r"<(?:[\w.\-]+:)?(?:TEI|teiCorpus)[\s>/]")


def sniff_tei(head: bytes) -> bool:
    """Does this look like TEI: the TEI namespace and a ``TEI`` or ``teiCorpus`` element?"""
    text = as_text(head)
    return TEI_NS in text and _ROOT_TAG.search(text) is not None


def _local(el: Any) -> str:
    """The element's name without its namespace ("" for an entity reference); string slicing, which
    is several times faster than ``etree.QName`` and called for every element (and, unlike it, does not
    raise on a prefix no namespace was declared for, ``<x:u>``, which libxml2 keeps in the tag)."""
    tag = el.tag
    return tag[tag.find("}") + 1 :] if isinstance(tag, str) else ""


_TOKENS = frozenset({"w", "pc"})
_JOIN_LEFT = frozenset({"left", "both"})
_JOIN_RIGHT = frozenset({"right", "both"})


#: Milestones: a line, page or column break is a space between words, unless ``break="no"`` (a word split).
_BREAKS = frozenset({"lb", "pb", "cb", "milestone"})
#: Elements that hold a block of their own: their words never run into the words around them.
_BLOCKS = frozenset(
    {"p", "ab", "l", "lg", "head", "speaker", "stage", "item", "list", "label", "sp", "u", "seg", "div"}
)
_SPACED = tuple(_T + name for name in (*_BREAKS, *_BLOCKS))


def _break(el: Any) -> str:
    return "" if el.get("break") == "no" else " "


def _text_of(el: Any) -> str:
    """``itertext``, except that between the tokens of an annotated (``.ana``) file, ``@join`` decides the space,
    a milestone (``lb``, ``pb``) is a space, and a block inside (``p``, ``speaker``) is set apart by spaces.

    ParlaMint's linguistically annotated files put every word and punctuation
    mark in its own ``w``/``pc``, one per line; ``join="left"`` on the comma
    of ``kolleegid , uus`` says it follows its word without a space.
    """
    if next(el.iterdescendants(_T + "w", _T + "pc", *_SPACED), None) is None:
        return "".join(el.itertext())
    parts: list[str] = []
    since_token = 0  # index in parts just after the last token
    glue_next = False
    seen_token = False

    def walk(node: Any) -> None:
        nonlocal since_token, glue_next, seen_token
        name = _local(node)
        if node is not el and name in _BREAKS and node.tag.startswith(_T):
            parts.append(_break(node))
            return
        block = node is not el and name in _BLOCKS and node.tag.startswith(_T)
        if block:
            parts.append(" ")
        if name in _TOKENS:
            join = node.get("join") or ""
            between = parts[since_token:]
            if seen_token and (glue_next or join in _JOIN_LEFT) and all(not p.strip() for p in between):
                del parts[since_token:]
            parts.append("".join(node.itertext()))
            since_token, glue_next, seen_token = len(parts), join in _JOIN_RIGHT, True
            return
        if isinstance(node.tag, str) and node.text:
            parts.append(node.text)
        for child in node:
            walk(child)
            if child.tail:
                parts.append(child.tail)
        if block:
            parts.append(" ")

    walk(el)
    return "".join(parts)


def _let_go(el: Any) -> None:
    """Empty an element that has been read, the deepest elements first.

    lxml takes time that grows with the square of a namespaced subtree's size
    to detach it whole (``clear()`` on an utterance of 100,000 words took
    3 s, of 1,000,000 some 280 s); detached level by level, from the leaves
    up, it takes linear time.
    """
    for child in el:
        if len(child):
            _let_go(child)
    el.clear(keep_tail=True)  # the text after it may be read yet (loose text in a division)


def _fold(text: str) -> str:
    """Each run of whitespace one space, none at the ends; a long text a slice at a time, as paragraphs are."""
    if len(text) <= _SLICE:
        return _WS.sub(" ", text).strip(" ")
    builder = _TextBuilder(fold=True)
    builder.add(text)
    return builder.paragraph().text


def _model_id(value: str) -> str:
    """A participant id the model accepts, made from any string."""
    out = re.sub(r"[^\w.\-]", "_", value)
    return out if _PARTICIPANT_ID.fullmatch(out) else "_" + out


#: Pieces of text a builder holds before it joins them into a chunk.
_PARTS = 4096
#: Characters of text folded at a time.
_SLICE = 65536


class _TextBuilder:
    """Paragraph text and its marks, folding whitespace unless reading our own files."""

    def __init__(self, fold: bool) -> None:
        self.fold = fold
        self.parts: list[str] = []
        self.chunks: list[str] = []  # parts joined, a few thousand at a time: a word is 50 bytes as a str of its own
        self.length = 0
        self.space = True
        self.marks: list[Mark] = []

    def add(self, text: str | None) -> None:
        if not text:
            return
        if not self.fold:
            self.parts.append(text)
            self.length += len(text)
            return
        for start in range(0, len(text), _SLICE):  # re.sub keeps a string per word until it joins them
            folded = _WS.sub(" ", text[start : start + _SLICE])
            if self.space and folded.startswith(" "):  # a run of spaces across two slices is still one
                folded = folded[1:]
            if folded:
                self.parts.append(folded)
                self.length += len(folded)
                self.space = folded.endswith(" ")
        if len(self.parts) > _PARTS:
            self.chunks.append("".join(self.parts))
            self.parts = []

    def mark(self, kind: MarkKind, text: str) -> None:
        start = self.length
        self.add(text)
        self.marks.append(Mark(kind=kind, start=start, end=self.length))

    @property
    def empty(self) -> bool:
        return not self.parts and not self.chunks

    def paragraph(self) -> Paragraph:
        text = "".join(self.chunks + self.parts)
        if self.fold and text.endswith(" "):
            text = text[:-1]
        n = len(text)
        marks = tuple(Mark(kind=m.kind, start=min(m.start, n), end=min(m.end, n)) for m in self.marks)
        return Paragraph(text=text, marks=marks)


@attrs.define
class _Person:
    id: str
    name: str
    role: str | None = None
    labels: list[str] = attrs.field(factory=list)
    anonymous: bool = False
    explicit_labels: bool = False
    affiliation: str | None = None
    constituency: str | None = None

    def participant(self) -> Participant:
        return Participant(
            id=self.id,
            name=self.name,
            role=self.role,
            labels=tuple(self.labels),
            anonymous=self.anonymous,
            affiliation=self.affiliation,
            constituency=self.constituency,
        )


class _SegFold:
    """A paragraph read child by child, each with its tail: from a whole tree, or as it is parsed."""

    def __init__(self, reader: _Reader, el: Any) -> None:
        self.reader = reader
        self.el = el
        self.b = _TextBuilder(fold=not reader.exact)
        self.begun = False
        self.anchors: dict[str, int] = {}
        self.spans: list[Any] = []

    def begin(self) -> None:
        """The text before the first child: whole once that child has started."""
        if not self.begun:
            self.begun = True
            self.b.add(self.el.text)

    def child(self, child: Any, read: Any = None) -> None:
        self.begin()
        name = _local(child)
        if name == "anchor":
            self.anchors["#" + (child.get(_XML_ID) or "")] = self.b.length
        elif name == "spanGrp":
            self.spans.extend(child.iter(_T + "span"))
        else:
            kind, text = self.reader.inline(child)
            if kind is None:
                self.b.add(text)
            else:
                self.b.mark(kind, text)
        self.b.add(child.tail)

    def finish(self) -> Paragraph:
        self.begin()
        paragraph = self.b.paragraph()
        length = len(paragraph.text)
        marks = [m for m in (self.reader.span_mark(s, self.anchors, length) for s in self.spans) if m is not None]
        if marks:
            paragraph = Paragraph(text=paragraph.text, marks=(*paragraph.marks, *marks))
        return paragraph


class _TurnFold:
    """An utterance's blocks read child by child, each with its tail: segments, notes, and loose text between."""

    def __init__(self, reader: _Reader, u: Any) -> None:
        self.reader = reader
        self.u = u
        self.blocks: list[Block] = []
        self.loose = _TextBuilder(fold=True)
        self.begun = False

    def begin(self) -> None:
        if not self.begun:
            self.begun = True
            if not self.reader.exact:
                self.loose.add(self.u.text)

    def flush(self) -> None:
        if not self.loose.empty:
            self.blocks.append(self.loose.paragraph())
            self.loose = _TextBuilder(fold=True)

    def child(self, child: Any, read: Any = None) -> None:
        """``read``: the child's paragraph when it was read as it was parsed."""
        self.begin()
        name = _local(child)
        if name == "seg":
            self.flush()
            self.blocks.append(read if isinstance(read, Paragraph) else self.reader.paragraph(child))
        elif name in _NOTE_LIKE:
            self.flush()
            self.blocks.append(self.reader.note(child))
        elif name in _BREAKS:
            if not self.reader.exact:
                self.loose.add(_break(child))
        elif name and name not in ("anchor", "pause", "shift", "timeline"):
            kind, text = self.reader.inline(child)
            if kind is None:
                self.loose.add(text)
            else:
                self.loose.mark(kind, text)
        if not self.reader.exact:
            self.loose.add(child.tail)

    def finish(self) -> tuple[Block, ...]:
        self.begin()
        self.flush()
        return tuple(self.blocks)


class _Streamed:
    """A fold fed as the document is parsed: a child is read once the next one has ended (its tail is
    whole by then), or at its parent's end, and then let go, so a long utterance is never held whole."""

    def __init__(self, fold: _SegFold | _TurnFold, where: str, check_entities: bool) -> None:
        self.fold = fold
        self.where = where
        self.check_entities = check_entities
        self.pending: Any = None
        self.read: Any = None

    def ended(self, child: Any, read: Any) -> None:
        self.consume()
        self.pending, self.read = child, read

    def consume(self) -> None:
        child = self.pending
        if child is None:
            return
        if self.check_entities:
            refuse_entity_refs(child, self.where)
        self.fold.child(child, self.read)
        self.pending = self.read = None
        _let_go(child)
        child.getparent().remove(child)

    def finish(self) -> Any:
        self.consume()
        return self.fold.finish()


#: What an element is to the reader, from its parent's context and its own local name:
#: ``corpus``/``tei``/``text``/``group`` lead to the content, ``header`` is read whole,
#: ``container`` (body, back, div) and ``front`` hold the items read one by one.
_CONTEXTS: dict[str, dict[str, str]] = {
    "corpus": {"teiCorpus": "corpus", "TEI": "tei", "teiHeader": "header"},
    "tei": {"teiHeader": "header", "text": "text"},
    "text": {"front": "front", "body": "container", "back": "container", "group": "group"},
    "group": {"text": "text", "group": "group"},
    "container": {"div": "container"},
    "front": {"div": "front", "titlePage": "front", "docTitle": "front"},
}
#: The context of any other child: an item of a container or the front, or nothing to read.
_OTHER_CHILD = {
    "corpus": "skip",
    "tei": "skip",
    "text": "skip",
    "group": "skip",
    "container": "item",
    "front": "frontitem",
}
_XINCLUDE = f"{{{XI_NS}}}include"


class _Reader:
    def __init__(self, where: str) -> None:
        self.where = where
        self.diagnostics: list[Diagnostic] = []
        self.persons: dict[str, _Person] = {}  # by xml:id (or @who key)
        self.by_id: dict[str, _Person] = {}
        self.spoke: dict[
            str, _Person
        ] = {}  # by id, in order of first turn: a list's `in` made 50,000 speakers take minutes
        self.suffixes: dict[str, int] = {}  # the last number unique_id gave each base
        self.preamble: list[Block] = []
        self.body: list[BodyItem] = []
        self.label: str | None = None
        self.annotation: str | None = None
        self.time: str | None = None
        self.exact = False
        self.root: Any = None
        self.headers: list[Any] = []
        self.first_tei: Any = None
        self.main_header: Any = None
        self.settled = False

    def warn(self, code: str, message: str, el: Any = None) -> None:
        line = el.sourceline if el is not None and el.sourceline else 0
        self.diagnostics.append(Diagnostic(code=code, message=message, line=line, severity=Severity.WARNING))

    def text(self, el: Any) -> str:
        """An element's text: as written in our files, folded in others."""
        if el is None:
            return ""
        if self.exact:
            return el.text or ""
        return _fold(_text_of(el))

    # -- structure -----------------------------------------------------------

    def read(self, events: Iterator[tuple[str, Any]], stream: bool, check_entities: bool = False) -> Transcript:
        """Read the document from its parse events, one item of the text at a time.

        Headers are kept whole (they are small and the meeting is read from them);
        each item of a body is read at its end tag and, when ``stream`` is set,
        cleared with what came before it, so memory holds one item, not the tree
        (``read_tei`` always streams; a whole tree walked is what the tests compare it with).
        ``check_entities``: refuse unexpanded entity references in what is read
        (a document with a DOCTYPE, streamed).
        """
        contexts: list[str] = []
        streams: list[_Streamed | None] = []  # the fold each open element is read with as it is parsed, if any
        for event, el in events:
            if event == "start":
                if contexts and contexts[-1] in ("container", "front"):
                    before = el.getprevious()  # whole by now: its tail, or the folder's text before its first child
                    self.loose(before.tail if before is not None else el.getparent().text, contexts[-1], el)
                contexts.append(self.enter(el, contexts[-1] if contexts else None))
                if stream:
                    streams.append(self.streamed(el, contexts[-1], streams[-1] if streams else None, check_entities))
                continue
            context = contexts.pop()
            if context in ("container", "front") and len(el):
                self.loose(el[-1].tail, context, el[-1])
            read: Any = None
            if stream:
                own = streams.pop()
                read = own.finish() if own is not None else None
                if streams and streams[-1] is not None:
                    streams[-1].ended(el, read)
            if el.tag == _XINCLUDE:
                self.warn(
                    "xinclude-not-followed",
                    f"{self.where}: XInclude of {el.get('href')!r} not followed "
                    "(read that file itself, or pass TeiReadOptions(follow_xinclude=True))",
                    el,
                )
            if check_entities and context in ("header", "item", "frontitem"):
                refuse_entity_refs(el, self.where)
            if context == "header":
                if self.settled:  # read and let go: a corpus of many meetings keeps the main header only
                    self.read_persons(el)
                else:
                    self.headers.append(el)
                    if el.getparent() is self.first_tei:
                        self.main_header = el
                        self.settle()
            elif context == "skip":
                self.skipped(el)
                if stream:
                    _let_go(el)
            elif context in ("item", "frontitem"):
                if context == "item":
                    self.item(el, read)
                else:
                    self.front_item(el)
                if stream:
                    _let_go(el)
                    while el.getprevious() is not None:
                        del el.getparent()[0]
        return self.finish()

    def streamed(self, el: Any, context: str, outer: _Streamed | None, check_entities: bool) -> _Streamed | None:
        """The fold an element is read with while it is parsed: an utterance, and each of its segments.

        An utterance is otherwise held whole until its end tag: one of 300,000 words took 35 times its size.
        """
        if context == "item" and _local(el) == "u":
            return _Streamed(_TurnFold(self, el), self.where, check_entities)
        if outer is not None and isinstance(outer.fold, _TurnFold) and _local(el) == "seg":
            return _Streamed(_SegFold(self, el), self.where, check_entities)
        return None

    def loose(self, text: str | None, context: str, el: Any) -> None:
        """Text straight in a ``body``/``div`` (or the front), between its elements: not valid TEI, but words,
        so it is kept as a note where it stood, with a warning, never dropped."""
        if not text or text.isspace() or self.exact:
            return
        folded = _fold(text)
        self.warn(
            "tei-loose-text",
            f"{self.where}: text outside any element of a division kept as a note: {folded[:60]!r}",
            el,
        )
        if context == "front":
            self.preamble.append(Note(kind=NoteKind.OTHER, text=folded))
        else:
            self.body.append(Note(kind=NoteKind.OTHER, text=folded))

    def skipped(self, el: Any) -> None:
        """Words where no transcript is read (a ``u`` straight in ``text``) are reported, never silently lost."""
        words = count_words(_text_of(el)) if isinstance(el.tag, str) else 0
        if words:
            self.warn(
                "tei-not-read",
                f"{self.where}: {words} word(s) in <{_local(el)}>, outside the front, body and back, not read",
                el,
            )

    def enter(self, el: Any, parent: str | None) -> str:
        """The context of an element that starts, checking the root on the way."""
        name = _local(el)
        if parent is None:
            if not el.tag.startswith(f"{{{TEI_NS}}}") or name not in ("TEI", "teiCorpus"):
                raise NotTeiError(f"{self.where}: the root element is {el.tag}, not TEI or teiCorpus in {TEI_NS}")
            context = "corpus" if name == "teiCorpus" else "tei"
            self.root = el
        elif parent in _CONTEXTS:
            wanted = _CONTEXTS[parent].get(name)
            namespaced = name not in ("TEI", "teiHeader", "text", "teiCorpus") or el.tag.startswith(_T)
            context = wanted if wanted is not None and namespaced else _OTHER_CHILD[parent]
        else:
            context = "inside"
        if context == "tei" and self.first_tei is None:
            self.first_tei = el
        elif context == "text":
            self.settle()
        return context

    def settle(self) -> None:
        """Choose the main header (the first ``TEI``'s, else the first), then read the speakers.

        Called at the first ``TEI``'s header or, failing that, the first ``text``: whether the
        file is one of ours (read exactly) decides how every header and text is read.
        """
        if self.settled:
            return
        self.settled = True
        if self.main_header is None and self.headers:
            self.main_header = self.headers[0]
        header = self.main_header
        self.exact = header is not None and (
            header.find(f"t:encodingDesc/t:appInfo/t:application[@ident='{APP_IDENT}']", _NS) is not None
        )
        for seen in self.headers:
            self.read_persons(seen)

    def finish(self) -> Transcript:
        self.settle()
        self.flush_label()
        meeting = self.meeting(self.main_header, self.first_tei if self.first_tei is not None else self.root)
        if self.exact:
            people = list(self.by_id.values())
        else:
            people = (
                list(self.spoke.values())
                if self.spoke or any(isinstance(b, Turn) for b in self.body)
                else list(self.by_id.values())
            )
        try:
            return Transcript(
                meeting=meeting,
                participants=tuple(p.participant() for p in people),
                preamble=tuple(self.preamble),
                body=tuple(self.body),
                diagnostics=tuple(self.diagnostics),
            )
        except (TypeError, ValueError) as exc:
            raise TeiReadError(f"{self.where}: the TEI does not make a valid transcript: {exc}") from None

    def front_item(self, child: Any) -> None:
        name = _local(child)
        if name == "head":
            self.preamble.append(Note(kind=NoteKind.SECTION, text=self.text(child)))
        elif name in _NOTE_LIKE:
            self.preamble.append(self.note(child))
        elif name and _fold(_text_of(child)):
            b = _TextBuilder(fold=True)
            b.add(_text_of(child))
            self.preamble.append(b.paragraph())

    def item(self, child: Any, content: tuple[Block, ...] | None = None) -> None:
        name = _local(child)
        kind = child.get("type")
        if name == "head":
            self.body.append(Note(kind=NoteKind.SECTION, text=self.text(child)))
        elif name == "u":
            self.turn(child, content)
        elif name == "note" and kind == "speaker":
            self.flush_label()
            label = self.text(child)
            self.label = label[:-1] if label.endswith(":") else label
        elif name == "note" and kind == "annotation" and self.exact:
            self.annotation = child.text or ""
        elif name == "note" and kind == "time" and self.exact:
            self.time = child.text or ""
        elif name == "note" and kind == "preamble":
            subtype = child.get("subtype")
            if subtype is None:
                self.preamble.append(self.paragraph(child))
            else:
                self.preamble.append(Note(kind=self.note_kind(subtype), text=self.text(child)))
        elif name in _NOTE_LIKE:
            self.body.append(self.note(child))
        elif name == "pb" and child.get("n"):
            self.body.append(Note(kind=NoteKind.PAGE, text=child.get("n", "")))
        elif name and name != "pb" and _fold(_text_of(child)):
            self.body.append(Note(kind=NoteKind.OTHER, text=_fold(_text_of(child))))

    def flush_label(self) -> None:
        """A speaker label with no utterance after it is kept as a note."""
        if self.label is not None:
            self.body.append(Note(kind=NoteKind.OTHER, text=self.label))
        self.label = self.annotation = self.time = None

    # -- notes, paragraphs, turns ------------------------------------------------

    def note_kind(self, type_: str | None) -> NoteKind:
        if type_ is None:
            return NoteKind.EDITORIAL
        return NOTE_KINDS_BY_TYPE.get(type_, NoteKind.OTHER)

    def desc(self, el: Any) -> str:
        desc = el.find("t:desc", _NS)
        if desc is not None:
            return self.text(desc)
        if self.exact:
            return ""
        # Foreign files often write <gap reason="inaudible"/>: show it the way transcripts print it.
        return _fold(_text_of(el)) or f"[{el.get('reason') or el.get('type') or '…'}]"

    def note(self, el: Any) -> Note:
        name = _local(el)
        if name == "gap":
            return Note(kind=NoteKind.OMISSION, text=self.desc(el))
        if name in STAGE_ELEMENTS:
            return Note(kind=NoteKind.STAGE, text=self.desc(el))
        text = self.text(el)
        if el.get("type") is None and text.startswith("(") and text.endswith(")"):
            return Note(kind=NoteKind.STAGE, text=text)  # ParlaMint's untyped "(Pausa.)", "(Aplaudiments.)"
        return Note(kind=self.note_kind(el.get("type")), text=text)

    def inline(self, el: Any) -> tuple[MarkKind | None, str]:
        name = _local(el)
        if name == "gap":
            return MarkKind.OMISSION, self.desc(el)
        if name in STAGE_ELEMENTS:
            return MarkKind.STAGE, self.desc(el)
        if name in ("add", "supplied"):
            return MarkKind.INSERTION, _text_of(el)
        if name == "note":
            return MARK_KINDS_BY_NOTE_TYPE.get(el.get("type") or "", MarkKind.OTHER), _text_of(el)
        if name in _BREAKS:
            return None, _break(el)
        return None, _text_of(el) if name else ""

    def paragraph(self, el: Any) -> Paragraph:
        fold = _SegFold(self, el)
        for child in el:
            fold.child(child)
        return fold.finish()

    def span_mark(self, span: Any, anchors: dict[str, int], length: int) -> Mark | None:
        """A mark from ``span/@from``/``@to``, which point at anchors in the same paragraph."""
        start = anchors.get(span.get("from") or "")
        end = anchors.get(span.get("to") or span.get("from") or "")
        if start is None or end is None or not start <= end <= length:
            self.warn("tei-span-unresolved", f"{self.where}: a span points outside its paragraph; left out", span)
            return None
        try:
            kind = MarkKind(span.get("type") or "other")
        except ValueError:
            kind = MarkKind.OTHER
        return Mark(kind=kind, start=start, end=end)

    def turn_content(self, u: Any) -> tuple[Block, ...]:
        fold = _TurnFold(self, u)
        for child in u:
            fold.child(child)
        return fold.finish()

    def turn(self, u: Any, content: tuple[Block, ...] | None = None) -> None:
        """A turn from ``u``; ``content`` if it was read as it was parsed (its children are gone by then)."""
        label, annotation, time = self.label, self.annotation, self.time
        self.label = self.annotation = self.time = None
        person = self.speaker(u, label)
        if isinstance(person, str):
            speaker, shown = person, label if label is not None else person
        else:
            speaker, shown = person.id, label if label is not None else person.name
            if not person.explicit_labels and shown not in person.labels:
                person.labels.append(shown)
            if not self.exact and person.role is None:
                self.role_from_utterance(person, label, u)
            self.spoke.setdefault(person.id, person)
        if content is None:
            content = self.turn_content(u)
        uid = u.get(_XML_ID)  # kept, so a re-export links to the same utterances
        self.body.append(Turn(speaker=speaker, label=shown, content=content, annotation=annotation, time=time, id=uid))

    def role_from_utterance(self, person: _Person, label: str | None, u: Any) -> None:
        """A listed person without a role takes the one their label prints, else ParlaMint's chair mark.

        *El president de la Mesa d'Edat (Julià de Jòdar Muñoz)* gives the role whether or not the
        corpus root's ``listPerson`` names him; ``ana="#chair"`` gives *Chair*, which the writer's
        chair rule finds again.
        """
        match = _ROLE_AND_NAME.fullmatch(label or "")
        if match and match.group(1):
            person.role = match.group(1)
        elif "#chair" in (u.get("ana") or "").split():
            person.role = "Chair"

    def speaker(self, u: Any, label: str | None) -> _Person | str:
        refs = (u.get("who") or "").split()
        key = refs[0][1:] if refs and refs[0].startswith("#") else (refs[0] if refs else None)
        if key is not None and key in self.persons:
            return self.persons[key]
        if self.exact:
            return unquote(key or "")
        if key is None:
            self.warn("missing-who", f"{self.where}: an utterance names no speaker (@who); its label stands in", u)
            key = "\x00label:" + (label or "")
            wanted = label or "unknown"
        else:
            wanted = unquote(key)
        if key in self.persons:
            return self.persons[key]
        name, role = label or unquote(key), None
        match = _ROLE_AND_NAME.fullmatch(name)
        if match and label:
            role, name = match.group(1) or None, match.group(2)
        person = _Person(id=self.unique_id(_model_id(wanted)), name=name, role=role)
        self.persons[key] = self.by_id[person.id] = person
        return person

    def unique_id(self, base: str) -> str:
        """``base``, else ``base_2``, ``base_3``, …: counted on from the last one given, so that many
        speakers whose names differ only in punctuation (all ``a_``) take linear time."""
        candidate, n = base, self.suffixes.get(base, 1)
        while candidate in self.by_id:
            n += 1
            candidate = f"{base}_{n}"
        self.suffixes[base] = n
        return candidate

    # -- header ----------------------------------------------------------------

    def read_persons(self, header: Any) -> None:
        for el in header.iter(_T + "person"):
            xml_id = el.get(_XML_ID)
            if xml_id is not None and xml_id in self.persons:
                continue
            idno = el.find("t:idno[@type='stenogram']", _NS)
            wanted = idno.text or "" if self.exact and idno is not None else xml_id or ""
            pid = wanted if _PARTICIPANT_ID.fullmatch(wanted) else self.unique_id(_model_id(wanted or "person"))
            if pid in self.by_id:
                pid = self.unique_id(pid)
            names = el.findall("t:persName", _NS)
            main = next((n for n in names if n.get("type") != "label"), None)
            person = _Person(id=pid, name=self.person_name(main), anonymous=el.get("role") == "anonymous")
            if self.exact:
                person.labels = [n.text or "" for n in names if n.get("type") == "label"]
                person.explicit_labels = True
                role = el.find("t:affiliation/t:roleName", _NS)
                person.role = None if role is None else role.text or ""
                party = el.find("t:affiliation[@type='party']/t:orgName", _NS)
                person.affiliation = None if party is None else party.text or ""
                seat = el.find("t:residence[@type='constituency']/t:placeName", _NS)
                person.constituency = None if seat is None else seat.text or ""
            else:
                role = next(el.iter(_T + "roleName"), None)
                person.role = self.text(role) or None if role is not None else None
            self.by_id[pid] = person
            if xml_id is not None:
                self.persons[xml_id] = person

    def person_name(self, pers_name: Any) -> str:
        if pers_name is None:
            return ""
        if self.exact:
            return pers_name.text or ""
        parts = [c for c in pers_name if _local(c) != "roleName"]
        if not parts:
            return self.text(pers_name)
        order = {"forename": 0, "surname": 2}
        ordered = sorted(parts, key=lambda c: order.get(_local(c), 1))
        return " ".join(t for t in (_fold(_text_of(c)) for c in ordered) if t)

    def find_text(self, header: Any, path: str) -> str | None:
        el = header.find(path, _NS) if header is not None else None
        return None if el is None else self.text(el)

    def meeting(self, header: Any, tei: Any) -> Meeting:
        if header is None:
            return Meeting(id=tei.get(_XML_ID) if tei is not None else None)
        find = self.find_text
        setting = "t:profileDesc/t:settingDesc/t:setting"
        title = self.title(header, tei)
        lead = self.lead(header)
        extra: list[tuple[str, str]] = [
            (n.get("n") or "", self.text(n))
            for n in header.findall("t:fileDesc/t:notesStmt/t:note[@type='extra']", _NS)
        ]
        if not self.exact:
            for meet in header.findall("t:fileDesc/t:titleStmt/t:meeting", _NS):
                extra.append(("meeting", self.text(meet) or meet.get("n") or ""))
        place = find(header, f"{setting}/t:placeName")
        if place is None and not self.exact:
            names = [self.text(n) for n in header.findall(f"{setting}/t:name", _NS)]
            place = ", ".join(n for n in names if n) or None
        occasion = find(header, f"{setting}/t:activity")
        return Meeting(
            id=tei.get(_XML_ID),  # the document's id: a corpus root links to it
            title=title,
            lead=lead,
            date=self.date(header),
            time=find(header, f"{setting}/t:time"),
            place=place,
            occasion=occasion,
            source=find(header, "t:fileDesc/t:sourceDesc/t:bibl/t:idno"),
            language=self.language(header, tei),
            is_excerpt=header.find("t:fileDesc/t:notesStmt/t:note[@type='excerpt']", _NS) is not None,
            extra=tuple(extra),
        )

    def title(self, header: Any, tei: Any) -> str | None:
        titles = header.findall("t:fileDesc/t:titleStmt/t:title", _NS)
        if not titles:
            return None
        if self.exact:
            return None if titles[0].get("subtype") == "derived" else titles[0].text or ""
        lang = tei.get(_XML_LANG)
        main = [t for t in titles if t.get("type") in (None, "main")] or titles
        chosen = next((t for t in main if t.get(_XML_LANG) == lang), main[0])
        return self.text(chosen) or None

    def lead(self, header: Any) -> str | None:
        paras = header.findall("t:profileDesc/t:abstract/t:p", _NS)
        if not paras:
            return None
        if self.exact:
            return paras[0].text or ""
        return "\n\n".join(self.text(p) for p in paras) or None

    def date(self, header: Any) -> dt.date | None:
        for path in ("t:profileDesc/t:settingDesc/t:setting/t:date", "t:fileDesc/t:sourceDesc/t:bibl/t:date"):
            for el in header.findall(path, _NS):
                match = _ISO_DATE.match(el.get("when") or el.get("from") or "")
                if match:
                    try:
                        return dt.date(*(int(g) for g in match.groups()))
                    except ValueError:
                        self.warn("tei-bad-date", f"{self.where}: {match.group(0)!r} is no calendar date; left out", el)
                        continue
            if self.exact:
                break
        return None

    def language(self, header: Any, tei: Any) -> str | None:
        lang = header.find("t:profileDesc/t:langUsage/t:language", _NS)
        if lang is None:
            root_lang: str | None = tei.get(_XML_LANG)
            return root_lang if root_lang and root_lang != "und" else None  # "und": undetermined
        raw: str | None = lang.get("n")
        if raw is not None:
            return raw
        ident: str | None = lang.get("ident")
        if ident and ident != "und":
            return ident
        return self.text(lang) or None


def read_tei(data: bytes | str, source: str | None = None, *, options: TeiReadOptions | None = None) -> Transcript:
    """Read TEI bytes into a transcript. Unsafe, oversized or malformed input raises a ``ReadError``."""
    opts = options or TeiReadOptions()
    where = source or "<tei>"
    reader = _Reader(where)
    if isinstance(data, str):  # be forgiving: text in, as if it had been read as UTF-8 bytes
        reader.diagnostics += surrogate_diagnostics(data)
        data = replace_surrogates(data).encode("utf-8")
    events = iter_xml(data, where, opts.max_bytes)
    if not opts.follow_xinclude:
        return reader.read(events, stream=True, check_entities=has_doctype(data))
    # an included file may carry a DOCTYPE of its own: entity references are looked for throughout
    events = follow_includes(events, source, len(data), opts.max_bytes, reader.diagnostics)
    return reader.read(events, stream=True, check_entities=True)
