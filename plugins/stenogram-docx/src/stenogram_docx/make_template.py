"""Build the default reference template from ``styles.STYLE_SHEET``.

The shipped ``templates/briefing.docx`` is this module's output, so the
template is reproducible and reviewable as code: after changing the style
sheet run ``python -m stenogram_docx.make_template`` (a test checks that the
shipped file matches).
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
from pathlib import Path

import docx
from docx.document import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt
from lxml import etree

from stenogram.atomic import write_atomic
from stenogram_docx.ooxml import normalise_package
from stenogram_docx.styles import NAVY, RULE, STYLE_SHEET, StyleSpec

__all__ = ["TEMPLATE_DATE", "TEMPLATE_PATH", "build_template", "main"]

TEMPLATE_PATH = Path(__file__).with_name("templates") / "briefing.docx"
#: The template's own fixed date: it changes only when the style sheet does.
TEMPLATE_DATE = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
_STALE_PARTS = (RT.THUMBNAIL, "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects")
_ALIGN = {"left": "left", "center": "center", "right": "right", "both": "both"}


def _run_props(spec: StyleSpec) -> str:
    parts = []
    if spec.font:
        f = spec.font
        parts.append(f'<w:rFonts w:ascii="{f}" w:hAnsi="{f}" w:eastAsia="{f}" w:cs="{f}"/>')
    if spec.bold:
        parts.append("<w:b/><w:bCs/>")
    if spec.italic:
        parts.append("<w:i/><w:iCs/>")
    if spec.caps:
        parts.append("<w:caps/>")
    if spec.color:
        parts.append(f'<w:color w:val="{spec.color}"/>')
    if spec.letter_spacing is not None:
        parts.append(f'<w:spacing w:val="{Pt(spec.letter_spacing).twips}"/>')
    if spec.size is not None:
        half = round(spec.size * 2)
        parts.append(f'<w:sz w:val="{half}"/><w:szCs w:val="{half}"/>')
    return f"<w:rPr>{''.join(parts)}</w:rPr>" if parts else ""


def _paragraph_props(spec: StyleSpec, numbering: str) -> str:
    parts = []
    if spec.keep_next:
        parts.append("<w:keepNext/>")
    if spec.keep_lines:
        parts.append("<w:keepLines/>")
    parts.append(numbering)
    borders = []
    if spec.border_left:
        borders.append(f'<w:left w:val="single" w:sz="24" w:space="8" w:color="{spec.border_left}"/>')
    if spec.border_bottom:
        borders.append(f'<w:bottom w:val="single" w:sz="6" w:space="3" w:color="{spec.border_bottom}"/>')
    if spec.shading:
        for side in ("top", "bottom", "right"):
            borders.append(f'<w:{side} w:val="single" w:sz="4" w:space="6" w:color="{spec.shading}"/>')
    if borders:
        order = ("top", "left", "bottom", "right")
        borders.sort(key=lambda b: order.index(b[3 : b.index(" ")]))
        parts.append(f"<w:pBdr>{''.join(borders)}</w:pBdr>")
    if spec.shading:
        parts.append(f'<w:shd w:val="clear" w:color="auto" w:fill="{spec.shading}"/>')
    if spec.tabs:
        tabs = "".join(f'<w:tab w:val="{kind}" w:pos="{Cm(pos).twips}"/>' for kind, pos in spec.tabs)
        parts.append(f"<w:tabs>{tabs}</w:tabs>")
    spacing = []
    if spec.before is not None:
        spacing.append(f'w:before="{Pt(spec.before).twips}"')
    if spec.after is not None:
        spacing.append(f'w:after="{Pt(spec.after).twips}"')
    if spec.line is not None:
        spacing.append(f'w:line="{spec.line}" w:lineRule="auto"')
    if spacing:
        parts.append(f"<w:spacing {' '.join(spacing)}/>")
    if spec.indent_left is not None or spec.indent_right is not None:
        hanging = f' w:hanging="{Cm(spec.hanging).twips}"' if spec.hanging else ""
        right = f' w:right="{Cm(spec.indent_right).twips}"' if spec.indent_right else ""
        parts.append(f'<w:ind w:left="{Cm(spec.indent_left or 0).twips}"{right}{hanging}/>')
    if spec.align:
        parts.append(f'<w:jc w:val="{_ALIGN[spec.align]}"/>')
    if spec.outline is not None:
        parts.append(f'<w:outlineLvl w:val="{spec.outline}"/>')
    return f"<w:pPr>{''.join(parts)}</w:pPr>"


def _table_style(spec: StyleSpec) -> str:
    return f"""
      <w:tblPr>
        <w:tblBorders>
          <w:top w:val="single" w:sz="8" w:space="0" w:color="{NAVY}"/>
          <w:left w:val="nil"/>
          <w:bottom w:val="single" w:sz="8" w:space="0" w:color="{NAVY}"/>
          <w:right w:val="nil"/>
          <w:insideH w:val="single" w:sz="4" w:space="0" w:color="{RULE}"/>
          <w:insideV w:val="nil"/>
        </w:tblBorders>
        <w:tblCellMar>
          <w:top w:w="60" w:type="dxa"/><w:left w:w="100" w:type="dxa"/>
          <w:bottom w:w="60" w:type="dxa"/><w:right w:w="100" w:type="dxa"/>
        </w:tblCellMar>
      </w:tblPr>
      <w:tblStylePr w:type="firstRow">
        <w:rPr><w:b/><w:color w:val="FFFFFF"/></w:rPr>
        <w:tblPr/>
        <w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="{NAVY}"/></w:tcPr>
      </w:tblStylePr>
      <w:tblStylePr w:type="band1Horz">
        <w:tblPr/>
        <w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="F4F6FA"/></w:tcPr>
      </w:tblStylePr>"""


def _style_xml(spec: StyleSpec, old: etree._Element | None) -> etree._Element:
    custom = "" if old is not None else ' w:customStyle="1"'
    old_name = old.find(qn("w:name")) if old is not None else None
    name = old_name.get(qn("w:val"), spec.name) if old_name is not None else spec.name
    default = ' w:default="1"' if spec.name == "Normal" else ""
    head = [f'<w:name w:val="{name}"/>']
    if spec.based_on:
        head.append(f'<w:basedOn w:val="{spec.based_on}"/>')
    if spec.next:
        head.append(f'<w:next w:val="{spec.next}"/>')
    head.append("<w:uiPriority w:val='10'/><w:qFormat/>")
    if spec.kind == "paragraph":
        numbering = ""
        if spec.numbered and old is not None:
            num = old.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
            numbering = etree.tostring(num).decode() if num is not None else ""
        body = _paragraph_props(spec, numbering) + _run_props(spec)
    elif spec.kind == "character":
        body = _run_props(spec)
    else:
        body = _table_style(spec)
    xml = f'<w:style {nsdecls("w")} w:type="{spec.kind}"{default}{custom} w:styleId="{spec.style_id}">'
    return parse_xml(xml + "".join(head) + body + "</w:style>")


def _apply_style_sheet(document: Document) -> None:
    styles = document.styles.element
    by_id = {s.get(qn("w:styleId")): s for s in styles.findall(qn("w:style"))}
    for spec in STYLE_SHEET:
        old = by_id.get(spec.style_id)
        new = _style_xml(spec, old)
        if old is not None:
            old.addprevious(new)
            styles.remove(old)
        else:
            styles.append(new)
    defaults = styles.find(qn("w:docDefaults"))
    defaults.getparent().replace(
        defaults,
        parse_xml(
            f"""<w:docDefaults {nsdecls("w")}>
              <w:rPrDefault><w:rPr>
                <w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:eastAsia="Arial" w:cs="Arial"/>
                <w:sz w:val="22"/><w:szCs w:val="22"/>
                <w:lang w:val="en-GB" w:eastAsia="en-GB" w:bidi="ar-SA"/>
              </w:rPr></w:rPrDefault>
              <w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault>
            </w:docDefaults>"""
        ),
    )


def _drop_stale_parts(document: Document) -> None:
    """The thumbnail shows python-docx's page, stylesWithEffects the old styles: neither should survive."""
    for rels in (document.part.package.rels, document.part.rels):
        for r_id, rel in list(rels.items()):
            if rel.reltype in _STALE_PARTS:
                del rels[r_id]


def _modernise_settings(document: Document) -> None:
    """Word 2013+ layout (no "Compatibility Mode" banner), and no claims the generated text was proofread."""
    settings = document.settings.element
    for tag in ("w:proofState", "w:savePreviewPicture"):
        for el in settings.findall(qn(tag)):
            settings.remove(el)
    for setting in settings.iter(qn("w:compatSetting")):
        if setting.get(qn("w:name")) == "compatibilityMode":
            setting.set(qn("w:val"), "15")
    for lang in settings.findall(qn("w:themeFontLang")):
        lang.set(qn("w:val"), "en-GB")


def build_template() -> bytes:
    """The default template's bytes: A4, the style sheet, empty body, neutral properties."""
    document = docx.Document()
    _apply_style_sheet(document)
    _drop_stale_parts(document)
    _modernise_settings(document)
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2.2)
    section.top_margin, section.bottom_margin = Cm(2.3), Cm(2.0)
    section.header_distance, section.footer_distance = Cm(1.0), Cm(1.0)
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    props = document.core_properties
    props.title = "stenogram briefing template"
    props.subject = "Reference styles for stenogram-docx briefings"
    props.author = props.last_modified_by = "stenogram"
    props.keywords = "briefing; template"
    props.comments = "Change the styles, keep their names: stenogram-docx looks them up by name."
    props.revision = 1
    props.created = props.modified = TEMPLATE_DATE.replace(tzinfo=None)
    out = io.BytesIO()
    document.save(out)
    return normalise_package(out.getvalue(), TEMPLATE_DATE)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("output", nargs="?", type=Path, default=TEMPLATE_PATH, help="where to write the template")
    args = parser.parse_args(argv)
    write_atomic(args.output, build_template())
    print(args.output)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
