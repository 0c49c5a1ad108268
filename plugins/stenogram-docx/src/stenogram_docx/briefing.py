"""Write a briefing (one meeting) or a briefing pack (several) as DOCX bytes.

The layout follows a government briefing note: marking, title block,
purpose, participants, key points, key figures, commitments, then the full
transcript as an annex. Every paragraph gets a named style from the
template, so a house-style template restyles the whole document.
"""

from __future__ import annotations

import copy
import datetime as dt
import os
from collections.abc import Iterable, Sequence
from typing import Any

import attrs
from docx.document import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml.ns import qn
from docx.section import Section
from docx.shared import Cm, Length
from docx.styles.style import BaseStyle
from docx.table import Table
from docx.text.paragraph import Paragraph as DocxParagraph

from stenogram.diagnostics import Diagnostic
from stenogram.errors import OptionError
from stenogram.lexicon import MONTH_NAMES, WEEKDAYS
from stenogram.model import Note, Paragraph, Transcript, Turn
from stenogram.xmltext import XmlTextCleaner
from stenogram_docx.annexxml import AnnexSpill
from stenogram_docx.facts import MeetingFacts, gather
from stenogram_docx.ooxml import (
    add_field,
    add_run,
    add_tab,
    keep_row_together,
    mark_header_row,
    package_members,
    set_paragraph_style,
    set_table_look,
    write_package,
)
from stenogram_docx.options import BriefingOptions
from stenogram_docx.styles import Styles
from stenogram_docx.template import open_template

__all__ = ["Briefing", "build_briefing", "export_docx", "render_briefing"]

_W_P = qn("w:p")
#: Label paragraphs an annex keeps as templates: a transcript has a few speakers, a hostile one thousands.
_LABEL_TEMPLATES = 256

_ANNEX_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
#: The longest text python-docx lets a core property hold.
PROPERTY_LIMIT = 255
DEFAULT_PURPOSE = (
    "To brief on what was said at this meeting: who took part, the main points made, the figures quoted and"
    " any commitments or next steps, with the full transcript annexed."
)
DEFAULT_PACK_PURPOSE = (
    "To brief on the meetings below: who took part in each, the main points made, the figures quoted and"
    " any commitments or next steps, with the full transcripts annexed."
)
#: Column widths (cm) of the tables; the text width of the default A4 page is 16.6 cm.
#: Numbers are right-aligned, so their digits line up.
_PARTICIPANT_COLUMNS = (
    ("Name", 5.4, "left"),
    ("Role", 6.6, "left"),
    ("Turns", 1.8, "right"),
    ("Share of words", 2.8, "right"),
)
_PARTICIPANT_COLUMNS_NO_ROLE = (("Name", 10.4, "left"), ("Turns", 2.6, "right"), ("Share of words", 3.6, "right"))
_FIGURE_COLUMNS = (("Figure", 3.6, "left"), ("What it refers to", 8.8, "left"), ("Said by", 4.2, "left"))
_MEETING_COLUMNS = (("No.", 1.2, "right"), ("Meeting", 8.0, "left"), ("Date", 3.8, "left"), ("Place", 3.6, "left"))
_PACK_PARTICIPANT_COLUMNS = (("Name", 5.4, "left"), ("Role", 7.4, "left"), ("Meetings", 3.8, "left"))
_PACK_PARTICIPANT_COLUMNS_NO_ROLE = (("Name", 10.4, "left"), ("Meetings", 6.2, "left"))
_ALIGN = {"left": WD_ALIGN_PARAGRAPH.LEFT, "right": WD_ALIGN_PARAGRAPH.RIGHT}


@attrs.frozen(kw_only=True)
class Briefing:
    """The DOCX bytes and what had to be changed to write them."""

    data: bytes
    diagnostics: tuple[Diagnostic, ...] = ()


def format_date(date: dt.date) -> str:
    """``Tuesday 23 August 2022``: spelled out, so no reader mistakes day for month."""
    return f"{WEEKDAYS[date.weekday()].capitalize()} {date.day} {MONTH_NAMES[date.month - 1]} {date.year}"


def annex_letter(index: int) -> str:
    """A, B, ... Z, AA, AB, ...: annex letters the way spreadsheets letter columns."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, len(_ANNEX_LETTERS))
        letters = _ANNEX_LETTERS[rest] + letters
    return letters


def clip_property(text: str, limit: int = PROPERTY_LIMIT) -> str:
    """Core properties hold 255 characters (python-docx enforces it): cut at a word, mark the cut."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    return (cut[:space] if space > limit // 2 else cut).rstrip() + "…"


def join_keywords(keywords: Iterable[str], limit: int = PROPERTY_LIMIT) -> str:
    """As many whole keywords as fit in a core property, in order."""
    out = ""
    for k in keywords:
        candidate = f"{out}; {k}" if out else k
        if len(candidate) > limit:
            break
        out = candidate
    return out


def _share(share: float) -> str:
    return f"{share * 100:.1f}%" if share else "0%"


def document_time(
    transcripts: Sequence[Transcript], environ: os._Environ[str] | dict[str, str] | None = None
) -> dt.datetime | None:
    """The date the document is stamped with: the (latest) meeting date, else ``SOURCE_DATE_EPOCH``."""
    dates = [t.meeting.date for t in transcripts if t.meeting.date is not None]
    if dates:
        latest = max(dates)
        return dt.datetime(latest.year, latest.month, latest.day, tzinfo=dt.UTC)
    raw = (os.environ if environ is None else environ).get("SOURCE_DATE_EPOCH", "").strip()
    if raw:
        try:
            return dt.datetime.fromtimestamp(int(raw), tz=dt.UTC)
        except (ValueError, OverflowError, OSError):
            raise OptionError(f"SOURCE_DATE_EPOCH must be a whole number of seconds, not {raw!r}") from None
    return None


class _Writer:
    """Holds the document being written and the style objects the template resolved."""

    def __init__(
        self, document: Document, styles: dict[str, BaseStyle], options: BriefingOptions, default_id: str | None
    ) -> None:
        self.doc = document
        self.styles = styles
        self.options = options
        self.clean = XmlTextCleaner(replacement="", code="docx-illegal-character")
        self.ids = {name: style.style_id for name, style in styles.items()}
        self.default_id = default_id
        # The body's closing section properties: new paragraphs go just before them. python-docx looks for
        # them among all the body's children per paragraph, which grows with the transcript.
        self.end = document.element.body.sectPr
        self.annexes: AnnexSpill | None = None  # the annexes written, to splice into the serialised document
        self.spill: AnnexSpill | None = None  # the same while an annex is written: where its paragraphs go
        self.labels: dict[tuple[str, str | None], Any] = {}  # a label's paragraph as first built, to copy

    # -- primitives -------------------------------------------------------

    def para(self, style: str, text: str = "", where: str = "") -> DocxParagraph:
        if self.spill is not None:
            p = DocxParagraph(self.spill.paragraph(), self.doc._body)
        elif self.end is None or self.end.getparent() is None:
            p = self.doc.add_paragraph()
        else:
            element = self.end.makeelement(_W_P, {})
            self.end.addprevious(element)
            p = DocxParagraph(element, self.doc._body)
        style_id = self.ids[style]
        if style_id != self.default_id:
            set_paragraph_style(p._p, style_id)  # by id: python-docx's name lookup scans every style, per call
        if text:
            self.run(p, text, where=where or style)
        return p

    def run(self, p: DocxParagraph, text: str, style: str | None = None, where: str = "") -> None:
        add_run(p, self.clean(text, where or "text"), self.ids[style] if style is not None else None)

    def heading(self, level: int, text: str, *, new_page: bool = False) -> DocxParagraph:
        p = self.para(Styles.HEADING_1 if level == 1 else Styles.HEADING_2, text, "heading")
        if new_page:
            p.paragraph_format.page_break_before = True
        return p

    def table(
        self, columns: Sequence[tuple[str, float, str]], rows: Iterable[Sequence[str | tuple[str, str]]]
    ) -> Table:
        """A table in the briefing style: a repeated header row, then one row per record.

        A cell given as ``(text, note)`` gets the note on a second line in the attribution style.
        """
        table: Table = self.doc.add_table(rows=1, cols=len(columns))
        table._tbl.tblPr.style = self.ids[Styles.TABLE]
        table.autofit = False
        set_table_look(table._tbl)
        header = table.rows[0]
        mark_header_row(header._tr)
        for cell, (title, width, align) in zip(header.cells, columns, strict=True):
            cell.width = Cm(width)
            p = cell.paragraphs[0]
            set_paragraph_style(p._p, self.ids[Styles.TABLE_HEADING])
            p.alignment = _ALIGN[align]
            self.run(p, title)
        # The first row is built with python-docx; the others are copies of it before its text went in.
        # python-docx's add_row and row.cells walk the whole table per row: quadratic in a long table.
        body = self.doc._body
        prototype = None
        for values in rows:
            if prototype is None:
                row = table.add_row()  # type: ignore[no-untyped-call]
                keep_row_together(row._tr)
                for cell, (_, width, align) in zip(row.cells, columns, strict=True):
                    cell.width = Cm(width)
                    p = cell.paragraphs[0]
                    set_paragraph_style(p._p, self.ids[Styles.TABLE_TEXT])
                    if align != "left":
                        p.alignment = _ALIGN[align]
                tr = row._tr
                prototype = copy.deepcopy(tr)
            else:
                tr = copy.deepcopy(prototype)
                table._tbl.append(tr)
            for tc, value in zip(tr.tc_lst, values, strict=True):
                p = DocxParagraph(tc.p_lst[0], body)
                text, note = value if isinstance(value, tuple) else (value, "")
                self.run(p, text, where="table cell")
                if note:
                    p.add_run().add_break()
                    self.run(p, note, Styles.ATTRIBUTION, "table cell")
        for column, (_, width, _) in zip(table.columns, columns, strict=True):
            column.width = Cm(width)
        return table

    def empty(self, text: str) -> None:
        self.para(Styles.EMPTY, text)

    # -- title block and front matter --------------------------------------

    def marking(self) -> None:
        if self.options.marking:
            self.para(Styles.MARKING, self.options.marking, "marking")

    def metadata(self, transcript: Transcript) -> None:
        m = transcript.meeting
        rows: list[tuple[str, str | None]] = [
            ("Date", (format_date(m.date) + (f", {m.time}" if m.time else "")) if m.date else m.time),
            ("Place", m.place),
            ("Occasion", m.occasion),
            ("Record", "Excerpts from the transcript" if m.is_excerpt else None),
            ("Source", m.source),
            ("Summary", m.lead),  # the source's own lead, e.g. the Kremlin's summary paragraph
        ]
        for label, value in rows:
            if value:
                p = self.para(Styles.META)
                self.run(p, label, Styles.META_LABEL)
                add_tab(p)
                self.run(p, value, where=f"meeting {label.lower()}")

    def digest_lines(self, facts: MeetingFacts) -> None:
        """The business line and the bottom line: composed from the digest, so labelled as such."""
        for label, value in (("Business", facts.business), ("Bottom line", " ".join(facts.bottom_line))):
            if value:
                p = self.para(Styles.PURPOSE)
                self.run(p, f"{label}: ", Styles.META_LABEL)
                self.run(p, value, where=label.lower())

    def purpose(self, default: str) -> None:
        p = self.para(Styles.PURPOSE)
        self.run(p, "Purpose: ", Styles.META_LABEL)
        self.run(p, self.options.purpose or default, where="purpose")

    # -- the sections of one meeting --------------------------------------

    def participants(self, facts: MeetingFacts, level: int) -> None:
        self.heading(level, "Participants")
        if not facts.participants:
            self.empty("The transcript names no participants.")
            return
        if any(p.role for p in facts.participants):
            self.table(
                _PARTICIPANT_COLUMNS,
                ((p.name, p.role or "", str(p.turns), _share(p.share)) for p in facts.participants),
            )
        else:  # an empty Role column would only take room from the names
            self.table(
                _PARTICIPANT_COLUMNS_NO_ROLE,
                ((p.name, str(p.turns), _share(p.share)) for p in facts.participants),
            )

    def key_points(self, facts: MeetingFacts, level: int) -> None:
        self.heading(level, "Key points")
        if not facts.key_points:
            self.empty("No key points were found in the transcript.")
            return
        for point in facts.key_points:
            p = self.para(Styles.BULLET)
            self.run(p, point.text, where="key point")
            self.run(p, f" ({point.speaker}, {point.where})", Styles.ATTRIBUTION, "key point")
            if point.question is not None:  # an answer is read with its question
                self.run(p, f" In answer to {point.question}", Styles.ATTRIBUTION, "key point")

    def key_figures(self, facts: MeetingFacts, level: int) -> None:
        self.heading(level, "Key figures")
        if not facts.figures:
            self.empty("No figures were stated.")
            return
        self.table(
            _FIGURE_COLUMNS,
            (((f.text, f.normalised or ""), f.refers_to, f"{f.speaker.name}, {f.where}") for f in facts.figures),
        )

    def commitments(self, facts: MeetingFacts, level: int) -> None:
        if not facts.commitments:
            return  # the section is for what was found; a briefing does not list absences
        self.heading(level, "Commitments and next steps")
        for c in facts.commitments:
            p = self.para(Styles.BULLET)
            self.run(p, c.text, where="commitment")
            said = f"{c.speaker.name}, {c.where}"
            by = f" ({said}; deadline: {c.deadline})" if c.deadline else f" ({said})"
            self.run(p, by, Styles.ATTRIBUTION, "commitment")

    def topics(self, facts: MeetingFacts, level: int) -> None:
        if not facts.keywords:
            return
        self.heading(level, "Topics")
        self.para(Styles.NORMAL, ", ".join(facts.keywords) + ".", "topics")

    def meeting_sections(self, facts: MeetingFacts, level: int) -> None:
        sections = {
            "participants": self.participants,
            "key_points": self.key_points,
            "key_figures": self.key_figures,
            "commitments": self.commitments,
            "topics": self.topics,
        }
        for name in self.options.sections:
            if name in sections:
                sections[name](facts, level)

    # -- the annex ----------------------------------------------------------

    def spoken(self, p: DocxParagraph, paragraph: Paragraph) -> None:
        """The paragraph's text, its inline marks (stage directions, omissions) in the note style."""
        text, pos = paragraph.text, 0
        for mark in sorted(paragraph.marks, key=lambda m: (m.start, m.end)):
            if mark.start < pos or mark.end <= mark.start:
                continue  # overlapping or empty marks: the text is already written
            if mark.start > pos:
                self.run(p, text[pos : mark.start], where="transcript")
            self.run(p, text[mark.start : mark.end], Styles.INLINE_NOTE, "transcript")
            pos = mark.end
        if pos < len(text):
            self.run(p, text[pos:], where="transcript")

    def turn(self, turn: Turn, names: dict[str, str]) -> None:
        """The label opens the turn; notes before the first paragraph follow it on its line, inline.

        Written as paragraphs of their own, ``(Applause.)`` or ``(Inaudible.)`` would stand above the
        label, under the previous speaker.
        """
        p = self.labelled(turn, names)
        leading, gap = True, ""
        for block in turn.content:
            if not leading and self.spill is not None:  # the paragraphs so far are written: a long turn is let go
                self.spill.flush()
            if isinstance(block, Note):
                if leading:
                    self.run(p, gap + block.text, Styles.INLINE_NOTE, "transcript note")
                    gap = " "
                else:
                    self.para(Styles.TRANSCRIPT_NOTE, block.text, "transcript note")
                continue
            if not leading:
                p = self.para(Styles.TRANSCRIPT)
            elif gap:
                self.run(p, gap, where="transcript")
            leading = False
            self.spoken(p, block)

    def labelled(self, turn: Turn, names: dict[str, str]) -> DocxParagraph:
        """A transcript paragraph opened by the turn's label: in an annex, a copy of the one built for that label.

        Built afresh, the label's paragraph is seven elements made one at a time, per turn; a copy is one call.
        """
        if self.spill is None:
            p = self.para(Styles.TRANSCRIPT)
            self.label(p, turn, names)
            return p
        shown = _shown(turn, names)
        key = (shown, turn.annotation)
        template = self.labels.get(key)
        if template is None:
            p = self.para(Styles.TRANSCRIPT)
            self.label(p, turn, names)
            if len(self.labels) < _LABEL_TEMPLATES:
                self.labels[key] = copy.deepcopy(p._p)
            return p
        self.clean(shown, "speaker label")  # what it reports, as for a label written afresh
        if turn.annotation:
            self.clean(f" ({turn.annotation})", "speaker label")
        element = copy.deepcopy(template)
        self.spill.place(element)
        return DocxParagraph(element, self.doc._body)

    def label(self, p: DocxParagraph, turn: Turn, names: dict[str, str]) -> None:
        """The label as printed; the speaker's name when nothing was printed (a UN speech), never a bare colon."""
        self.run(p, _shown(turn, names), Styles.SPEAKER, "speaker label")
        if turn.annotation:
            self.run(p, f" ({turn.annotation})", Styles.INLINE_NOTE, "speaker label")
        self.run(p, ": ", Styles.SPEAKER, "speaker label")

    def annex(self, facts: MeetingFacts, letter: str, *, of_title: bool) -> None:
        title = f"Annex {letter}: Transcript" + (f" of {facts.title}" if of_title else "")
        self.heading(1, title, new_page=True)
        t = facts.transcript
        names = {p.id: p.name for p in t.participants}
        if self.end is not None and self.end.getparent() is not None:  # a body to splice the annex into
            if self.annexes is None:
                self.annexes = AnnexSpill(self.end)
            self.spill = self.annexes
        for block in t.preamble:
            if self.spill is not None:
                self.spill.flush()
            if isinstance(block, Note):
                self.para(Styles.TRANSCRIPT_NOTE, block.text, "transcript note")
            else:
                self.spoken(self.para(Styles.TRANSCRIPT), block)
        for item in t.body:
            if self.spill is not None:
                self.spill.flush()
            if isinstance(item, Note):
                self.para(Styles.TRANSCRIPT_NOTE, item.text, "transcript note")
            else:
                self.turn(item, names)
        if not t.body and not t.preamble:
            self.empty("The transcript is empty.")
        if self.spill is not None:
            self.spill.close(self.end)
            self.spill = None

    # -- header, footer, properties -------------------------------------------

    def header_footer(self, title: str) -> None:
        marking = self.options.marking or ""
        for section in self.doc.sections:
            usable = _usable_width(section)
            parts = [(section.header, section.footer)]
            if section.different_first_page_header_footer:
                parts.append((section.first_page_header, section.first_page_footer))
            for header, footer in parts:
                header.is_linked_to_previous = False
                footer.is_linked_to_previous = False
                for container in (header, footer):
                    for el in list(container._element):
                        container._element.remove(el)
                hp = header.add_paragraph()
                hp._p.style = self.ids[Styles.HEADER]
                _page_tabs(hp, usable)
                # The marking stays on the right: the title gives way (clipped) rather than push it to a new line.
                room = _header_chars(usable) - (len(marking) + 4 if marking else 0)
                self.run(hp, _clip(title, room), where="header")
                if marking:
                    add_tab(hp)
                    add_tab(hp)
                    self.run(hp, marking, Styles.META_LABEL, "header")
                fp = footer.add_paragraph()
                fp._p.style = self.ids[Styles.FOOTER]
                _page_tabs(fp, usable)
                if marking:
                    self.run(fp, marking, Styles.META_LABEL, "footer")
                add_tab(fp)
                add_tab(fp)
                self.run(fp, "Page ")
                add_field(fp, "PAGE", "1")
                self.run(fp, " of ")
                add_field(fp, "NUMPAGES", "1")

    def properties(
        self, title: str, subject: str, keywords: Sequence[str], when: dt.datetime | None, language: str | None
    ) -> None:
        props = self.doc.core_properties

        def prop(text: str, where: str) -> str:
            return clip_property(self.clean(text, where))

        props.title = prop(title, "document title")
        props.subject = prop(subject, "document subject")
        props.author = props.last_modified_by = prop(self.options.author, "author")
        props.keywords = join_keywords(("briefing", *(self.clean(k, "keywords") for k in keywords)))
        props.comments = "Generated from the transcript by stenogram-docx."
        props.category = "Briefing"
        props.content_status = prop(self.options.marking or "", "marking")
        props.language = prop(language or "", "language")
        props.revision = 1
        element = props._element
        for tag in ("cp:lastPrinted", "cp:version", "cp:identifier"):
            for el in element.findall(qn(tag)):
                element.remove(el)
        if when is None:
            for tag in ("dcterms:created", "dcterms:modified"):
                for el in element.findall(qn(tag)):
                    element.remove(el)
        else:
            utc = when.astimezone(dt.UTC).replace(tzinfo=None)
            props.created = props.modified = utc
            # W3CDTF wants four-digit years; strftime writes year 1 as "1", which no reader parses
            stamp = f"{utc.year:04d}-{utc:%m-%dT%H:%M:%S}Z"
            for tag in ("dcterms:created", "dcterms:modified"):
                for el in element.findall(qn(tag)):
                    el.text = stamp


#: Header characters per centimetre of line (8.5 pt Arial averages about 0.17 cm a character; kept on the safe side).
HEADER_CHARS_PER_CM = 5.0
_STYLE_TABS = (Cm(8.3), Cm(16.6))  # the Header and Footer styles' own stops, for an A4 page with 2.2 cm margins


def _shown(turn: Turn, names: dict[str, str]) -> str:
    return turn.label if turn.label.strip() else names.get(turn.speaker) or turn.speaker


def _usable_width(section: Section) -> int:
    """The width between the margins, in EMU (A4 with our margins when the template leaves it unset)."""
    width, left, right = section.page_width, section.left_margin, section.right_margin
    if width is None or left is None or right is None:
        return int(Cm(16.6))
    return int(width) - int(left) - int(right)


def _page_tabs(p: DocxParagraph, usable: int) -> None:
    """Centre and right tab stops at the page's own middle and right margin, whatever paper the template uses."""
    stops = p.paragraph_format.tab_stops
    centre, right = Length(usable // 2), Length(usable)
    for old in _STYLE_TABS:
        if abs(int(old) - int(centre)) > 1000 and abs(int(old) - int(right)) > 1000:
            stops.add_tab_stop(old, WD_TAB_ALIGNMENT.CLEAR)
    stops.add_tab_stop(centre, WD_TAB_ALIGNMENT.CENTER)
    stops.add_tab_stop(right, WD_TAB_ALIGNMENT.RIGHT)


def _header_chars(usable: int) -> int:
    return int(Length(usable).cm * HEADER_CHARS_PER_CM)


def _clip(text: str, room: int) -> str:
    """``text``, or as many whole words of it as fit in ``room`` characters, then an ellipsis."""
    if len(text) <= room:
        return text
    cut = text[: max(1, room - 1)].rsplit(" ", 1)[0].rstrip(" ,;:–—-")
    return (cut or text[: max(1, room - 1)]) + "…"


def _pack_participants(facts: Sequence[MeetingFacts]) -> list[tuple[str, str, str]]:
    """One row per person across the meetings, matched by name: name, roles, meeting numbers.

    An anonymous voice (``Q``, ``Question``) is nobody in particular: the reporters of two press
    conferences are not one person, so each meeting's gets a row of its own.
    """
    rows: dict[tuple[str, int], tuple[str, list[str], list[int]]] = {}
    for number, f in enumerate(facts, start=1):
        for p in f.participants:
            key = (" ".join(p.name.casefold().split()), number if p.anonymous else 0)
            _, roles, meetings = rows.setdefault(key, (p.name, [], []))
            if p.role and p.role not in roles:
                roles.append(p.role)
            if number not in meetings:
                meetings.append(number)
    ordered = sorted(rows.values(), key=lambda r: (r[0].casefold(), r[0]))
    return [(name, "; ".join(roles), ", ".join(map(str, meetings))) for name, roles, meetings in ordered]


def _date_span(facts: Sequence[MeetingFacts]) -> str:
    dates = sorted(f.date for f in facts if f.date is not None)
    if not dates:
        return ""
    first, last = format_date(dates[0]), format_date(dates[-1])
    return first if first == last else f"{first} to {last}"


def render_briefing(transcripts: Transcript | Sequence[Transcript], options: BriefingOptions | None = None) -> Briefing:
    """The briefing's bytes and diagnostics; one transcript makes a briefing, several a pack."""
    opts = options or BriefingOptions()
    items = (transcripts,) if isinstance(transcripts, Transcript) else tuple(transcripts)
    if not items:
        raise OptionError("a briefing needs at least one transcript")
    if not all(isinstance(t, Transcript) for t in items):
        raise OptionError("build_briefing takes Transcript objects")
    template = open_template(opts.template)  # raises on a bad template before anything else
    document = template.document
    facts = [
        gather(t, key_points=opts.key_points, key_figures=opts.key_figures, commitments=opts.commitments) for t in items
    ]
    if len(items) > 1:  # a pack reads as a chronology: meetings by date, undated ones last, otherwise as given
        order = sorted(range(len(items)), key=lambda i: (facts[i].date is None, facts[i].date or dt.date.min, i))
        facts = [facts[i] for i in order]
        items = tuple(items[i] for i in order)
    w = _Writer(document, template.styles, opts, template.default_paragraph)
    wanted = set(opts.sections)
    pack = len(facts) > 1
    if pack:
        title = opts.title or "Briefing pack"
        if "title" in wanted:
            w.marking()
            w.para(Styles.TITLE, title, "title")
            span = _date_span(facts)
            w.para(Styles.SUBTITLE, f"{len(facts)} meetings" + (f", {span}" if span else ""))
        if "purpose" in wanted:
            w.purpose(DEFAULT_PACK_PURPOSE)
        w.heading(1, "Meetings")
        w.table(
            _MEETING_COLUMNS,
            (
                (str(n), f.title, format_date(f.date) if f.date else "", f.transcript.meeting.place or "")
                for n, f in enumerate(facts, start=1)
            ),
        )
        if "participants" in wanted:
            w.heading(1, "Participants")
            people = _pack_participants(facts)
            if any(role for _, role, _ in people):
                w.table(_PACK_PARTICIPANT_COLUMNS, people)
            else:
                w.table(_PACK_PARTICIPANT_COLUMNS_NO_ROLE, [(name, meetings) for name, _, meetings in people])
        for n, f in enumerate(facts, start=1):
            w.heading(1, f"{n}. {f.title}", new_page=True)
            if "title" in wanted:
                w.metadata(f.transcript)
            if "purpose" in wanted:
                w.digest_lines(f)
            w.meeting_sections(f, 2)
    else:
        f = facts[0]
        title = opts.title or f.title
        if "title" in wanted:
            w.marking()
            w.para(Styles.TITLE, title, "title")
            w.para(Styles.SUBTITLE, "Briefing note")
            w.metadata(f.transcript)
        if "purpose" in wanted:
            w.purpose(DEFAULT_PURPOSE)
            w.digest_lines(f)
        w.meeting_sections(f, 1)
    if "annex" in wanted:
        for n, f in enumerate(facts):
            w.annex(f, annex_letter(n), of_title=pack)
    w.header_footer(title)
    when = document_time(items)
    subject = "Briefing pack" if pack else f"Briefing: {facts[0].transcript.meeting.occasion or title}"
    keywords = tuple(dict.fromkeys(k for f in facts for k in f.keywords))
    languages = {t.meeting.language for t in items if t.meeting.language}
    w.properties(title, subject, keywords, when, languages.pop() if len(languages) == 1 else None)
    members = package_members(document, template.shared)
    if w.annexes is not None:
        main = document.part.partname.membername
        members[main] = w.annexes.splice(members[main])
    reused = [name for name, blob in members.items() if any(blob is b for b in template.shared.values())]
    data = write_package(members, when or dt.datetime(1980, 1, 1, tzinfo=dt.UTC), shared=reused)
    return Briefing(data=data, diagnostics=w.clean.diagnostics)


def build_briefing(transcripts: Transcript | Sequence[Transcript], options: BriefingOptions | None = None) -> bytes:
    """A briefing (one transcript) or a briefing pack (several) as DOCX bytes."""
    return render_briefing(transcripts, options).data


def export_docx(transcript: Transcript, options: BriefingOptions) -> bytes:
    """The ``docx`` exporter: a pure function of its arguments, as the plugin host requires."""
    return render_briefing(transcript, options).data
