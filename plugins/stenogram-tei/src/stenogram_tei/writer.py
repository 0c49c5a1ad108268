"""Transcript -> TEI P5 (spoken module), or a ParlaMint component file.

The layout is described in ``docs/tei.md``. Everything the model holds is
written somewhere the reader finds it again (``reader.py``), so the ``tei``
profile round-trips; the ``parlamint`` profile follows that schema instead,
which has no room for some of it (participant details, preamble kinds).

The body is streamed (``lxml.etree.xmlfile``): each turn or note is built as
a small tree, written, and let go, so memory follows one turn, not the
document. The header comes first in the file but counts what the body holds
(replaced characters, ParlaMint's ``tagUsage``), so the body is written first
into a spool (in memory while small, then a temporary file) and copied in
after the header. Elements are built without a namespace and written inside
the ``TEI`` element, whose default namespace (TEI's) they take: ``xmlfile``
would declare it again on every element built in it. The ids of ``u`` and
``seg`` are written, never set on an element: libxml2 keeps every ``xml:id``
set in lxml's dictionary for as long as the thread runs.
"""

from __future__ import annotations

import datetime as dt
import io
import itertools
import os
import re
import shutil
import tempfile
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO, Any
from urllib.parse import quote

import attrs
from lxml import etree

from stenogram.atomic import open_atomic
from stenogram.diagnostics import Diagnostic, Severity
from stenogram.errors import OptionError
from stenogram.model import Block, Mark, MarkKind, Note, NoteKind, Paragraph, Participant, Transcript, Turn
from stenogram.titles import title_of
from stenogram.xmltext import XmlTextCleaner
from stenogram_tei.clean import IdMaker, is_ncname
from stenogram_tei.counts import spoken_words
from stenogram_tei.options import TeiOptions
from stenogram_tei.vocab import (
    APP_IDENT,
    INLINE_NOTE_TYPES,
    LANGUAGE_NAMES,
    NOTE_TYPES,
    PARLAMINT_TIME,
    SPEAKER_TYPES,
    TEI_NS,
    XML_NS,
    gap_reason,
    is_chair,
    stage_element,
)

__all__ = ["TeiDocument", "TeiWritten", "to_tei", "write_tei"]

VERSION = "0.1.0"
_T = f"{{{TEI_NS}}}"
_XML_ID = f"{{{XML_NS}}}id"
_XML_LANG = f"{{{XML_NS}}}lang"
_LANGUAGE_TAG = re.compile(r"[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*")
_URL = re.compile(r"[a-z][a-z0-9+.\-]*://\S+\Z", re.IGNORECASE)
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:")
_STRAY_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")
_URI_SAFE = "/?@!$&'()*+,;=%-._~"  # RFC 3986 path, query and fragment characters, ':' apart
CC_BY = "http://creativecommons.org/licenses/by/4.0/"

#: Elements that hold only elements: the only ones ``pretty`` indents.
_CONTAINERS = frozenset(
    (
        *("TEI", "teiHeader", "fileDesc", "titleStmt", "editionStmt", "extent", "publicationStmt", "availability"),
        *("notesStmt", "sourceDesc", "bibl", "encodingDesc", "projectDesc", "tagsDecl", "namespace", "appInfo"),
        *("application", "editorialDecl", "normalization", "classDecl", "taxonomy", "category", "profileDesc"),
        *("abstract", "langUsage", "settingDesc", "setting", "particDesc", "listPerson", "person", "affiliation"),
        *("text", "body", "div", "u", "gap", "kinesic", "vocal", "incident"),
    )
)


#: Body bytes kept in memory before the spool moves to a temporary file.
_SPOOL_BYTES = 1 << 20


@attrs.frozen(kw_only=True)
class TeiWritten:
    """What writing a TEI file had to change to make it valid XML, and what it holds."""

    diagnostics: tuple[Diagnostic, ...] = ()
    #: How often each element occurs in ``text`` (a corpus root sums them in its ``tagsDecl``).
    tag_usage: tuple[tuple[str, int], ...] = ()


@attrs.frozen(kw_only=True)
class TeiDocument:
    """The encoded bytes, and what had to change to make them valid XML."""

    data: bytes
    diagnostics: tuple[Diagnostic, ...] = ()
    #: How often each element occurs in ``text`` (a corpus root sums them in its ``tagsDecl``).
    tag_usage: tuple[tuple[str, int], ...] = ()


def publication_date(meeting_date: dt.date | None) -> dt.date | None:
    """The day ``SOURCE_DATE_EPOCH`` names, else the meeting's date, else none.

    Never today: the same transcript must give the same bytes on any day. A value that is no
    date is an error, as the reproducible-builds specification asks (and the DOCX exporter does).
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch:
        return meeting_date
    try:
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC).date()
    except (ValueError, OverflowError, OSError):
        raise OptionError(f"SOURCE_DATE_EPOCH must be a whole number of seconds, not {epoch!r}") from None


def as_uri(text: str) -> str:
    """``text`` as a valid URI reference, escaping what RFC 3986 does not allow where it stands."""
    match = _SCHEME.match(text)
    scheme, rest = (match.group(0), text[match.end() :]) if match else ("", text)
    rest = _STRAY_PERCENT.sub("%25", rest)
    path, hash_, fragment = rest.partition("#")
    # a colon is fine after a scheme, but would turn the first segment of a relative reference into one
    safe = _URI_SAFE + (":" if scheme else "")
    return scheme + quote(path, safe=safe) + hash_ + quote(fragment, safe=_URI_SAFE + ":")


def tei_sub(parent: Any, name: str, text: str | None = None, /, **attributes: str | None) -> Any:
    """A child element in its parent's namespace; ``None`` attributes are left out, ``xml_id``/``xml_lang``
    map to ``xml:*``.

    A corpus root is built in TEI's namespace; a streamed document in none (see the module's docstring).
    """
    tag = parent.tag
    el = etree.SubElement(parent, tag[: tag.index("}") + 1] + name if tag[0] == "{" else name)
    for key, value in attributes.items():
        if value is not None:
            el.set(_XML_ID if key == "xml_id" else _XML_LANG if key == "xml_lang" else key, value)
    if text is not None:
        el.text = text
    return el


def cc_by_availability(pub: Any) -> None:
    """The CC BY 4.0 ``availability`` ParlaMint requires, in a ``publicationStmt``."""
    availability = tei_sub(pub, "availability", status="free")
    tei_sub(availability, "licence", CC_BY)
    text = "This work is licensed under the Creative Commons Attribution 4.0 International License."
    tei_sub(availability, "p", text, xml_lang="en")


class _Writer:
    def __init__(self, transcript: Transcript, options: TeiOptions) -> None:
        self.t = transcript
        self.o = options
        self.parlamint = options.profile == "parlamint"
        self.note_types = NOTE_TYPES | ({NoteKind.TIMESTAMP: PARLAMINT_TIME} if self.parlamint else {})
        self.inline_note_types = INLINE_NOTE_TYPES | ({MarkKind.TIMESTAMP: PARLAMINT_TIME} if self.parlamint else {})
        self.clean = XmlTextCleaner(replacement="\ufffd", code="xml-illegal-character")
        self.diagnostics: list[Diagnostic] = []
        date = transcript.meeting.date
        kept = transcript.meeting.id if transcript.meeting.id and is_ncname(transcript.meeting.id) else None
        self.doc_id = options.document_id or kept or ("stenogram-" + date.isoformat() if date else "stenogram")
        self.prefix = options.id_prefix or (self.doc_id + "." if self.parlamint else "")
        #: The form of the ids the writer makes itself: u1, u1.1, a1 (with the prefix).
        self.own_id = re.compile(re.escape(self.prefix) + r"(?:u\d+(?:\.\d+)?|a\d+)")
        make_id = IdMaker({self.doc_id, "speaker_types", *(s[0] for s in SPEAKER_TYPES)}, self.own_id)
        self.person_ids = {p.id: make_id(p.id) for p in transcript.participants}
        self.turn_ids = self._turn_ids(make_id.used)
        self.speaker_types = {p.id: self._speaker_type(p) for p in transcript.participants}
        published = publication_date(date)
        self.pub_date = published.isoformat() if published else None
        self.anchors = 0

    # -- helpers -----------------------------------------------------------

    def _turn_ids(self, used: set[str]) -> list[str] | None:
        """Each turn's ``u/@xml:id``: the one it was read with (links into the file keep working), else ``u1``….

        ``None`` when every turn gets the writer's own and no other id has that
        form (``own_id``): then ``u1``, ``u1.1``, ``a1`` are unique by their form,
        and 100,000 turns need neither a list nor a set of their 300,000 ids
        (some 25 MB); ``fresh_id`` returns them as they are.
        """
        kept: list[str | None] = []
        seen: set[str] = set()
        for t in self.t.turns:  # the first of two turns read with one id keeps it
            ok = t.id is not None and is_ncname(t.id) and t.id not in used and t.id not in seen
            kept.append(t.id if ok else None)
            if ok:
                seen.add(str(t.id))
        if not seen and not any(self.own_id.fullmatch(other) for other in used):
            self.taken: set[str] | None = None
            return None
        self.taken = set(used) | seen
        return [wanted or self.fresh_id(f"{self.prefix}u{n}") for n, wanted in enumerate(kept, 1)]

    def turn_id(self, n: int) -> str:
        return f"{self.prefix}u{n}" if self.turn_ids is None else self.turn_ids[n - 1]

    def fresh_id(self, wanted: str) -> str:
        """``wanted``, or it with ``_`` in front until no other element of the file has it."""
        if self.taken is None:
            return wanted
        while wanted in self.taken:
            wanted = "_" + wanted
        self.taken.add(wanted)
        return wanted

    def _speaker_type(self, p: Participant) -> str:
        if p.id in self.o.chairs:
            return "chair"
        if p.id in self.o.guests:
            return "guest"
        if not self.o.chairs and is_chair(p.role, p.labels):
            return "chair"
        return "guest" if p.anonymous else "regular"

    def _who(self, speaker: str) -> str:
        if speaker in self.person_ids:
            return "#" + self.person_ids[speaker]
        return "#" + quote(self.clean(speaker, "turn speaker"), safe="_.-~")

    # -- body --------------------------------------------------------------

    def _div_starts(self) -> list[int]:
        """Where each ``div`` starts in ``body``: at a section heading, unless the open one holds only headings."""
        starts = [0]
        heads_only = not self.t.preamble
        for i, item in enumerate(self.t.body):
            if isinstance(item, Note) and item.kind is NoteKind.SECTION:
                if not heads_only:
                    starts.append(i)
                heads_only = True
            else:
                heads_only = False
        return starts

    def text(self, out: _Out) -> None:
        """The ``text`` element, written one preamble block, note or turn at a time."""
        body = self.t.body
        starts = self._div_starts()
        n_turn = 0
        with out.open("text", 1, {"ana": "#" + self.o.subcorpus if self.parlamint else None}), out.open("body", 2):
            for k, (start, end) in enumerate(zip(starts, [*starts[1:], len(body)], strict=True)):
                preamble = self.t.preamble if k == 0 else ()
                if not preamble and start == end and not self.parlamint:  # an empty transcript
                    out.put(etree.Element("div", type="debateSection"), 3)
                    continue
                # ParlaMint wants something besides heads in every div: the last one's heads become notes
                last = k == len(starts) - 1
                heads_as_notes = (
                    self.parlamint and last and not preamble and all(_is_section(body[i]) for i in range(start, end))
                )
                with out.open("div", 3, {"type": "debateSection"}):
                    if self.parlamint and not preamble and start == end:
                        out.put(_element("note", "This transcript records no speech.", type="editorial"), 4)
                    for i, block in enumerate(preamble, 1):
                        out.put(self.preamble_note(block, f"preamble[{i}]"), 4)
                    for i in range(start, end):
                        item, where, held = body[i], f"body[{i + 1}]", etree.Element("div")
                        if isinstance(item, Turn):
                            n_turn += 1
                            self.turn(out, item, n_turn, where)
                        elif item.kind is not NoteKind.SECTION:
                            self.note(held, item, where)
                        elif heads_as_notes:
                            tei_sub(held, "note", self.clean(item.text, where), type=NOTE_TYPES[NoteKind.SECTION])
                        else:
                            tei_sub(held, "head", self.clean(item.text, where))
                        for child in held:
                            out.put(child, 4)

    def preamble_note(self, block: Block, where: str) -> Any:
        note = _element("note", type="preamble")
        if isinstance(block, Paragraph):
            if self.parlamint:
                note.text = self.clean(block.text, where)
            else:
                self.inline(note, block, where)
        else:
            if not self.parlamint:
                note.set("subtype", block.kind.value)
            note.text = self.clean(block.text, where)
        return note

    def turn(self, out: _Out, turn: Turn, n: int, where: str) -> None:
        """The speaker's notes, then ``u`` with its segments, each written as soon as it is built.

        The ids of ``u`` and ``seg`` go straight into the output (``_Out.open``): an ``xml:id`` set on an
        element stays in lxml's dictionary for good, which a long meeting or a corpus would feel.
        """
        if turn.label:
            out.put(_element("note", self.clean(turn.label, f"{where} label") + ":", type="speaker"), 4)
        elif not self.parlamint:  # nothing was printed (a UN speech): an empty label, not ":", reads back as ""
            out.put(_element("note", type="speaker"), 4)
        if turn.annotation is not None:
            out.put(_element("note", self.clean(turn.annotation, f"{where} annotation"), type="annotation"), 4)
        if turn.time is not None:
            out.put(_element("note", self.clean(turn.time, f"{where} time"), type="time"), 4)
        uid = self.turn_id(n)
        who, ana = self._who(turn.speaker), "#" + self.speaker_types.get(turn.speaker, "regular")
        if not turn.content and not self.parlamint:
            out.put(_element("u", **{_XML_ID: uid, "who": who, "ana": ana}), 4)
            return
        with out.open("u", 4, {"xml:id": uid, "who": who, "ana": ana}):
            k = 0
            for j, block in enumerate(turn.content, 1):
                if isinstance(block, Paragraph):
                    k += 1
                    sid = self.fresh_id(f"{uid}.{k}")
                    seg = etree.Element("seg")
                    self.inline(seg, block, f"{where}.content[{j}]")
                    out.leaf(seg, 5, {"xml:id": sid})
                else:
                    held = etree.Element("div")
                    self.note(held, block, f"{where}.content[{j}]")
                    out.put(held[0], 5)
            if not turn.content:  # ParlaMint wants a seg in every u
                out.put(etree.Element("seg"), 5)

    def note(self, parent: Any, note: Note, where: str) -> None:
        text = self.clean(note.text, where)
        if note.kind is NoteKind.STAGE:
            element, type_ = stage_element(text)
            tei_sub(tei_sub(parent, element, type=type_), "desc", text)
        elif note.kind is NoteKind.OMISSION:
            tei_sub(tei_sub(parent, "gap", reason=gap_reason(text)), "desc", text)
        else:
            tei_sub(parent, "note", text, type=self.note_types[note.kind])

    def _usable_marks(self, paragraph: Paragraph, where: str) -> list[Mark]:
        """Marks in text order, without the ones that cross another (ParlaMint cannot nest or anchor those)."""
        kept: list[Mark] = []
        end = 0
        for mark in sorted(paragraph.marks, key=lambda m: (m.start, m.end)):
            if mark.start < end:
                self.diagnostics.append(
                    Diagnostic(
                        code="tei-mark-overlap",
                        message=f"{where}: {mark.kind.value} mark {mark.start}:{mark.end} overlaps another; left out",
                        severity=Severity.WARNING,
                    )
                )
                continue
            kept.append(mark)
            end = mark.end
        return kept

    def inline(self, parent: Any, paragraph: Paragraph, where: str) -> None:
        """Paragraph text with its marks as inline elements; the text is never reflowed.

        Marks that overlap, or are not in text order, cannot be elements around
        the text: the TEI profile then anchors their ends in the text and lists
        them in a ``spanGrp``, in their own order.
        """
        text = self.clean(paragraph.text, where)
        marks = list(paragraph.marks)
        if not marks:
            parent.text = text
            return
        in_order = all(b.start >= a.end for a, b in itertools.pairwise(marks))
        if not in_order and not self.parlamint:
            self._standoff(parent, text, marks)
            return
        if not in_order:
            marks = self._usable_marks(paragraph, where)
        pos = 0
        last: Any = None
        for mark in marks:
            before = text[pos : mark.start]
            if last is None:
                parent.text = before
            else:
                last.tail = before
            last = self.mark(parent, mark.kind, text[mark.start : mark.end])
            pos = mark.end
        last.tail = text[pos:]

    def _standoff(self, parent: Any, text: str, marks: list[Mark]) -> None:
        positions = sorted({m.start for m in marks} | {m.end for m in marks})
        ids: dict[int, str] = {}
        parent.text = text[: positions[0]]
        for pos, after in zip(positions, [*positions[1:], len(text)], strict=True):
            self.anchors += 1
            ids[pos] = self.fresh_id(f"{self.prefix}a{self.anchors}")
            tei_sub(parent, "anchor", xml_id=ids[pos]).tail = text[pos:after]
        group = tei_sub(parent, "spanGrp", type="marks")
        for m in marks:
            tei_sub(group, "span", type=m.kind.value, **{"from": "#" + ids[m.start], "to": "#" + ids[m.end]})

    def mark(self, parent: Any, kind: MarkKind, text: str) -> Any:
        if kind is MarkKind.OMISSION:
            el = tei_sub(parent, "gap", reason=gap_reason(text))
            tei_sub(el, "desc", text)
        elif kind is MarkKind.STAGE:
            element, type_ = stage_element(text)
            el = tei_sub(parent, element, type=type_)
            tei_sub(el, "desc", text)
        elif kind is MarkKind.INSERTION and not self.parlamint:
            el = tei_sub(parent, "add", text)
        else:
            el = tei_sub(parent, "note", text, type=self.inline_note_types[kind])
        return el

    # -- header ------------------------------------------------------------

    def language(self) -> tuple[str | None, str | None, str]:
        """(tag for xml:lang, raw value kept in @n, content) for ``langUsage/language``."""
        raw = self.t.meeting.language
        if raw is None:
            return None, None, ""
        raw = self.clean(raw, "meeting.language")
        if _LANGUAGE_TAG.fullmatch(raw):
            return raw, None, LANGUAGE_NAMES.get(raw.lower(), raw)
        return None, raw, raw

    def header(self, words: int, turns: int, usage: Counter[str]) -> Any:
        m = self.t.meeting
        c = self.clean
        header = etree.Element("teiHeader")
        file_desc = tei_sub(header, "fileDesc")
        title_stmt = tei_sub(file_desc, "titleStmt")
        title = c(m.title, "meeting.title") if m.title is not None else title_of(self.t)
        derived = None if m.title is not None or self.parlamint else "derived"
        if self.parlamint and self.o.title:  # ParlaMint's required English title, then the meeting's own
            tei_sub(title_stmt, "title", c(self.o.title, "title"), type="main", xml_lang="en")
            tei_sub(title_stmt, "title", c(title, "title"), type="sub")
        else:
            tei_sub(title_stmt, "title", c(title, "title"), type="main", subtype=derived)
        source = c(m.source, "meeting.source") if m.source is not None else None
        if self.parlamint:
            tei_sub(title_stmt, "meeting", c(m.occasion or title, "meeting.occasion"), ana="#parla.meeting")
            tei_sub(tei_sub(file_desc, "editionStmt"), "edition", VERSION)
            extent = tei_sub(file_desc, "extent")
            tei_sub(extent, "measure", f"{turns} speeches", unit="speeches", quantity=str(turns), xml_lang="en")
            tei_sub(extent, "measure", f"{words} words", unit="words", quantity=str(words), xml_lang="en")
        pub = tei_sub(file_desc, "publicationStmt")
        tei_sub(pub, "publisher", c(self.o.publisher, "publisher"))
        if self.parlamint:
            tei_sub(pub, "idno", self.doc_id, type="stenogram")
            cc_by_availability(pub)
            if self.pub_date is None:  # ParlaMint demands one; only the clock is left
                self.pub_date = dt.datetime.now(tz=dt.UTC).date().isoformat()
                self.diagnostics.append(
                    Diagnostic(
                        code="tei-publication-date-from-clock",
                        message="no meeting date and no SOURCE_DATE_EPOCH: the publication date is today's; "
                        "set SOURCE_DATE_EPOCH for reproducible output",
                        severity=Severity.INFO,
                    )
                )
            tei_sub(pub, "date", self.pub_date, when=self.pub_date)
        else:
            if self.pub_date:
                tei_sub(pub, "date", when=self.pub_date)
            else:
                tei_sub(pub, "date", "undated")
            if m.is_excerpt or m.extra:
                notes = tei_sub(file_desc, "notesStmt")
                if m.is_excerpt:
                    tei_sub(notes, "note", "The transcript is an excerpt of the record.", type="excerpt")
                for i, (key, value) in enumerate(m.extra):
                    where = f"meeting.extra[{i}]"
                    tei_sub(notes, "note", c(value, where), type="extra", n=c(key, where))
        bibl = tei_sub(tei_sub(file_desc, "sourceDesc"), "bibl")
        tei_sub(bibl, "title", c(title, "title"), type="main" if self.parlamint else None)
        if source is not None and self.parlamint:  # ParlaMint's idno holds a URI and nothing else
            tei_sub(bibl, "idno", as_uri(source), type="URI")
        elif source is not None:
            tei_sub(bibl, "idno", source, type="URI" if _URL.match(source) else "source")
        elif self.parlamint:
            tei_sub(bibl, "idno", self.doc_id, type="stenogram")
        if m.date is not None:
            tei_sub(bibl, "date", m.date.isoformat(), when=m.date.isoformat())
        self._profile_desc(header)
        # written last, placed before profileDesc: it counts the characters replaced everywhere else
        header.find("profileDesc").addprevious(self._encoding_desc(usage))
        return header

    def _encoding_desc(self, usage: Counter[str]) -> Any:
        enc = etree.Element("encodingDesc")
        if self.parlamint:
            tei_sub(
                tei_sub(enc, "projectDesc"),
                "p",
                "Converted from a plain-text meeting transcript with stenogram.",
                xml_lang="en",
            )
            namespace = tei_sub(tei_sub(enc, "tagsDecl"), "namespace", name=TEI_NS)
            for gi, count in usage.items():
                tei_sub(namespace, "tagUsage", gi=gi, occurs=str(count))
            return enc
        app = tei_sub(tei_sub(enc, "appInfo"), "application", ident=APP_IDENT, version=VERSION)
        tei_sub(app, "label", "stenogram-tei")
        if self.clean.replaced:
            tei_sub(
                tei_sub(tei_sub(enc, "editorialDecl"), "normalization"),
                "p",
                f"{self.clean.replaced} character(s) that XML cannot hold were replaced with U+FFFD.",
            )
        taxonomy = tei_sub(tei_sub(enc, "classDecl"), "taxonomy", xml_id="speaker_types")
        for ident, term, description in SPEAKER_TYPES:
            cat_desc = tei_sub(tei_sub(taxonomy, "category", xml_id=ident), "catDesc")
            tei_sub(cat_desc, "term", term).tail = ": " + description
        return enc

    def _profile_desc(self, header: Any) -> None:
        m = self.t.meeting
        c = self.clean
        profile = tei_sub(header, "profileDesc")
        if not self.parlamint:
            if m.lead is not None:
                tei_sub(tei_sub(profile, "abstract"), "p", c(m.lead, "meeting.lead"))
            tag, raw, name = self.language()
            tei_sub(tei_sub(profile, "langUsage"), "language", name, ident=tag or "und", n=raw)
        setting = tei_sub(tei_sub(profile, "settingDesc"), "setting")
        if self.parlamint:
            tei_sub(setting, "name", c(m.place or "", "meeting.place"), type="place")
            if m.date is not None:
                tei_sub(setting, "date", m.date.isoformat(), when=m.date.isoformat())
            else:  # ParlaMint needs a date; all we know is that the meeting came before this file
                tei_sub(setting, "date", "unknown", notBefore="0001-01-01", notAfter=self.pub_date)
            return
        if m.place is not None:
            tei_sub(setting, "placeName", c(m.place, "meeting.place"))
        if m.date is not None:
            tei_sub(setting, "date", m.date.isoformat(), when=m.date.isoformat())
        if m.time is not None:
            tei_sub(setting, "time", c(m.time, "meeting.time"))
        if m.occasion is not None:
            tei_sub(setting, "activity", c(m.occasion, "meeting.occasion"))
        if self.t.participants:
            self._persons(tei_sub(tei_sub(profile, "particDesc"), "listPerson"))

    def _persons(self, list_person: Any) -> None:
        c = self.clean
        for p in self.t.participants:
            where = f"participant {p.id!r}"
            person = tei_sub(
                list_person, "person", xml_id=self.person_ids[p.id], role="anonymous" if p.anonymous else None
            )
            tei_sub(person, "persName", c(p.name, where))
            for label in p.labels:
                tei_sub(person, "persName", c(label, where), type="label")
            if p.role is not None:
                tei_sub(tei_sub(person, "affiliation"), "roleName", c(p.role, where))
            if p.affiliation is not None:
                tei_sub(tei_sub(person, "affiliation", type="party"), "orgName", c(p.affiliation, where))
            if p.constituency is not None:
                tei_sub(tei_sub(person, "residence", type="constituency"), "placeName", c(p.constituency, where))
            if self.person_ids[p.id] != p.id:
                tei_sub(person, "idno", c(p.id, where), type="stenogram")

    # -- whole document ------------------------------------------------------

    def root(self) -> Any:
        """The ``TEI`` element, empty: its attributes are checked as lxml checks any."""
        root = etree.Element(_T + "TEI", nsmap={None: TEI_NS})
        tag = self.language()[0]
        root.set(_XML_ID, self.doc_id)
        if self.parlamint:
            root.set(_XML_LANG, self.o.lang or tag or "und")
            root.set("ana", "#parla.sitting #" + self.o.subcorpus)
        elif tag:
            root.set(_XML_LANG, tag)
        return root

    def write(self, out: IO[bytes]) -> TeiWritten:
        """The document into ``out``: the body first into a spool, then the header, then the body after it."""
        with tempfile.SpooledTemporaryFile(max_size=_SPOOL_BYTES) as spool:
            with etree.xmlfile(spool, encoding="UTF-8") as xf:
                body = _Out(xf, self.o.pretty)
                self.text(body)
            root = self.root()
            words = spoken_words(self.t) if self.parlamint else self.t.word_count
            header = self.header(words, len(self.t.turns), body.usage)
            with etree.xmlfile(out, encoding="UTF-8") as xf:
                xf.write_declaration()
                # xmlfile would bind the XML namespace to a prefix of its own (ns0:id): the xml prefix is written out
                attributes = {_XML_PREFIXED.get(key, key): value for key, value in root.attrib.items()}
                with xf.element(root.tag, attributes, nsmap=root.nsmap):
                    top = _Out(xf, self.o.pretty)
                    top.put(header, 1)
                    top.newline(1)
                    xf.flush()
                    spool.seek(0)
                    shutil.copyfileobj(spool, out)
                    top.newline(0)
            out.write(b"\n")
        return TeiWritten(diagnostics=(*self.clean.diagnostics, *self.diagnostics), tag_usage=tuple(body.usage.items()))


_XML_PREFIXED = {_XML_ID: "xml:id", _XML_LANG: "xml:lang"}


def _element(name: str, text: str | None = None, /, **attributes: str) -> Any:
    el = etree.Element(name, attributes)
    el.text = text
    return el


def _is_section(item: Turn | Note) -> bool:
    return isinstance(item, Note) and item.kind is NoteKind.SECTION


class _Out:
    """Writes elements one at a time, indented as ``_indent`` indents a whole tree, and counts them by name."""

    def __init__(self, xf: Any, pretty: bool) -> None:
        self.xf = xf
        self.pretty = pretty
        self.usage: Counter[str] = Counter()
        self.depth = 0

    def newline(self, level: int) -> None:
        if self.pretty:
            self.xf.write("\n" + "  " * level)

    def put(self, el: Any, level: int) -> None:
        """``el`` with everything in it, at indentation ``level``; it is let go afterwards."""
        self.newline(level)
        if self.pretty:
            _indent(el, level)
        self.usage.update(node.tag for node in el.iter())
        self.xf.write(el)

    def leaf(self, el: Any, level: int, attributes: dict[str, str]) -> None:
        """``el`` (mixed content, never indented) written with ``attributes`` that are never set on it."""
        self.newline(level)
        self.usage.update(node.tag for node in el.iter())
        with self.xf.element(el.tag, attributes):
            self.xf.write(el.text or "", *el)

    @contextmanager
    def open(self, name: str, level: int, attributes: dict[str, str | None] | None = None) -> Iterator[None]:
        """A container whose children are put inside the block (at least one: an empty one would not close as />).

        ``attributes`` go straight into the output, ``xml:id`` spelled so: ``xmlfile`` would bind the XML
        namespace to a prefix of its own (``ns0:id``).
        """
        if self.depth:  # xmlfile takes no text outside an element: the caller writes what goes before the first
            self.newline(level)
        self.usage[name] += 1
        self.depth += 1
        with self.xf.element(name, {key: value for key, value in (attributes or {}).items() if value is not None}):
            yield
            self.newline(level)
        self.depth -= 1


def _indent(el: Any, level: int) -> None:
    """Indent element-only containers; mixed content is left byte for byte as it is."""
    if etree.QName(el).localname not in _CONTAINERS or len(el) == 0:
        return
    inner = "\n" + "  " * (level + 1)
    el.text = inner
    for child in el:
        child.tail = inner
        _indent(child, level + 1)
    el[-1].tail = "\n" + "  " * level


def write_tei(
    transcript: Transcript, target: str | os.PathLike[str] | IO[bytes], options: TeiOptions | None = None
) -> TeiWritten:
    """Stream the TEI of ``transcript`` into ``target``, holding one turn at a time in memory.

    A path is written atomically (a temp file beside it, then a rename, as every
    stenogram output); an open binary file is written into as it is.
    """
    writer = _Writer(transcript, options or TeiOptions())
    if isinstance(target, str | os.PathLike):
        with open_atomic(target) as fh:
            return writer.write(fh)
    return writer.write(target)


def to_tei(transcript: Transcript, options: TeiOptions | None = None) -> TeiDocument:
    """Encode ``transcript``; the diagnostics say which characters had to be replaced or marks left out."""
    buffer = io.BytesIO()
    written = write_tei(transcript, buffer, options)
    return TeiDocument(data=buffer.getvalue(), diagnostics=written.diagnostics, tag_usage=written.tag_usage)
