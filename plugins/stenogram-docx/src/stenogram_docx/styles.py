"""The styles a briefing uses: their names, kinds and the default look.

The briefing only ever refers to styles by name, so a user's template
restyles everything by redefining these. ``STYLE_SHEET`` is the default
look, one row per style; ``make_template`` turns it into styles.xml.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs
from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE

__all__ = ["REQUIRED_STYLES", "STYLE_SHEET", "StyleSpec", "Styles", "missing_styles"]

NAVY = "1F3864"
ACCENT = "2E5C8A"
INK = "1A1A1A"
GREY = "595959"
RULE = "BFC8D6"
TINT = "EEF2F7"


@attrs.frozen(kw_only=True)
class StyleSpec:
    """One style of the default template; sizes in points, ``line`` in 240ths of a line."""

    name: str
    style_id: str
    kind: str  # paragraph | character | table
    based_on: str | None = "Normal"
    next: str | None = None
    font: str | None = None
    size: float | None = None
    bold: bool = False
    italic: bool = False
    caps: bool = False
    color: str | None = None
    letter_spacing: float | None = None
    before: float | None = None
    after: float | None = None
    line: int | None = None
    keep_next: bool = False
    keep_lines: bool = False
    align: str | None = None  # left | center | right | both
    indent_left: float | None = None
    indent_right: float | None = None
    hanging: float | None = None
    outline: int | None = None
    border_bottom: str | None = None  # colour of a thin rule under the paragraph
    border_left: str | None = None  # colour of a thick bar left of the paragraph
    shading: str | None = None
    tabs: tuple[tuple[str, float], ...] = ()  # (alignment, position in cm)
    numbered: bool = False  # keep the template's bullet numbering (List Bullet)
    semi_hidden: bool = False


class Styles:
    """The names the writer uses, in one place (the template may only rename what they look like)."""

    NORMAL = "Normal"
    TITLE = "Title"
    SUBTITLE = "Subtitle"
    HEADING_1 = "Heading 1"
    HEADING_2 = "Heading 2"
    HEADER = "Header"
    FOOTER = "Footer"
    BULLET = "List Bullet"
    MARKING = "Briefing Marking"
    META = "Briefing Metadata"
    PURPOSE = "Briefing Purpose"
    EMPTY = "Briefing Empty"
    TABLE = "Briefing Table"
    TABLE_TEXT = "Table Text"
    TABLE_HEADING = "Table Heading"
    TRANSCRIPT = "Transcript Text"
    TRANSCRIPT_NOTE = "Transcript Note"
    SPEAKER = "Speaker Label"
    ATTRIBUTION = "Attribution"
    INLINE_NOTE = "Inline Note"
    META_LABEL = "Metadata Label"


STYLE_SHEET: tuple[StyleSpec, ...] = (
    StyleSpec(
        name="Normal",
        style_id="Normal",
        kind="paragraph",
        based_on=None,
        font="Arial",
        size=11,
        color=INK,
        after=6,
        line=264,
    ),
    StyleSpec(
        name="Title",
        style_id="Title",
        kind="paragraph",
        next="Normal",
        size=22,
        bold=True,
        color=NAVY,
        before=6,
        after=4,
        line=240,
        keep_next=True,
    ),
    StyleSpec(
        name="Subtitle",
        style_id="Subtitle",
        kind="paragraph",
        next="Normal",
        size=13,
        color=ACCENT,
        after=10,
        keep_next=True,
    ),
    StyleSpec(
        name="Heading 1",
        style_id="Heading1",
        kind="paragraph",
        next="Normal",
        size=14,
        bold=True,
        color=NAVY,
        before=16,
        after=6,
        keep_next=True,
        keep_lines=True,
        outline=0,
        border_bottom=RULE,
    ),
    StyleSpec(
        name="Heading 2",
        style_id="Heading2",
        kind="paragraph",
        next="Normal",
        size=12,
        bold=True,
        color=ACCENT,
        before=12,
        after=4,
        keep_next=True,
        keep_lines=True,
        outline=1,
    ),
    StyleSpec(
        name="Header",
        style_id="Header",
        kind="paragraph",
        size=8.5,
        color=GREY,
        after=0,
        line=240,
        tabs=(("center", 8.3), ("right", 16.6)),
    ),
    StyleSpec(
        name="Footer",
        style_id="Footer",
        kind="paragraph",
        size=8.5,
        color=GREY,
        after=0,
        line=240,
        tabs=(("center", 8.3), ("right", 16.6)),
    ),
    StyleSpec(name="List Bullet", style_id="ListBullet", kind="paragraph", after=4, numbered=True),
    StyleSpec(
        name="Briefing Marking",
        style_id="BriefingMarking",
        kind="paragraph",
        size=10,
        bold=True,
        caps=True,
        letter_spacing=1.5,
        color=INK,
        align="center",
        after=6,
        line=240,
    ),
    StyleSpec(
        name="Briefing Metadata",
        style_id="BriefingMetadata",
        kind="paragraph",
        size=10,
        color=INK,
        after=2,
        line=240,
        tabs=(("left", 2.6),),
        indent_left=2.6,
        hanging=2.6,
    ),
    StyleSpec(
        name="Briefing Purpose",
        style_id="BriefingPurpose",
        kind="paragraph",
        size=11,
        color=INK,
        before=10,
        after=10,
        indent_left=0.3,
        indent_right=0.25,
        border_left=NAVY,
        shading=TINT,
    ),
    StyleSpec(name="Briefing Empty", style_id="BriefingEmpty", kind="paragraph", italic=True, color=GREY),
    StyleSpec(name="Table Text", style_id="TableText", kind="paragraph", size=9.5, after=0, line=240),
    StyleSpec(
        name="Table Heading",
        style_id="TableHeading",
        kind="paragraph",
        size=9.5,
        bold=True,
        color="FFFFFF",
        after=0,
        line=240,
        keep_next=True,
    ),
    StyleSpec(name="Transcript Text", style_id="TranscriptText", kind="paragraph", size=10, after=5, line=252),
    StyleSpec(
        name="Transcript Note",
        style_id="TranscriptNote",
        kind="paragraph",
        size=9.5,
        italic=True,
        color=GREY,
        after=5,
        indent_left=0.5,
    ),
    StyleSpec(name="Briefing Table", style_id="BriefingTable", kind="table", based_on=None),
    StyleSpec(name="Speaker Label", style_id="SpeakerLabel", kind="character", based_on=None, bold=True, color=NAVY),
    StyleSpec(name="Attribution", style_id="Attribution", kind="character", based_on=None, italic=True, color=GREY),
    StyleSpec(name="Inline Note", style_id="InlineNote", kind="character", based_on=None, italic=True, color=GREY),
    StyleSpec(name="Metadata Label", style_id="MetadataLabel", kind="character", based_on=None, bold=True, color=NAVY),
)

_KINDS = {
    "paragraph": WD_STYLE_TYPE.PARAGRAPH,
    "character": WD_STYLE_TYPE.CHARACTER,
    "table": WD_STYLE_TYPE.TABLE,
}

#: (name, kind) of every style the writer refers to.
REQUIRED_STYLES: tuple[tuple[str, str], ...] = tuple((s.name, s.kind) for s in STYLE_SHEET)


def missing_styles(document: Document, required: Iterable[tuple[str, str]] = REQUIRED_STYLES) -> list[str]:
    """Every required style the document lacks or defines as another kind, as ``"Name (kind)"``."""
    have = {}
    for style in document.styles:
        if style.name is not None:
            have[style.name.casefold()] = style.type
    problems = []
    for name, kind in required:
        found = have.get(name.casefold())
        if found is None:
            problems.append(f"{name} ({kind} style)")
        elif found != _KINDS[kind]:
            problems.append(f"{name} ({kind} style; the template defines it as another kind)")
    return problems
