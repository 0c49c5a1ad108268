"""Small WordprocessingML pieces python-docx has no API for, and the reproducible zip."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Collection, Mapping
from xml.sax.saxutils import escape

from docx.document import Document
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.opc.pkgwriter import PackageWriter
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.oxml.table import CT_Row
from docx.oxml.text.paragraph import CT_P
from docx.text.paragraph import Paragraph
from lxml import etree

from stenogram_docx.zipwrite import zip_members

__all__ = [
    "add_field",
    "add_run",
    "add_tab",
    "keep_row_together",
    "mark_header_row",
    "normalise_package",
    "package_members",
    "set_paragraph_style",
    "set_table_look",
    "write_package",
]

#: Members that must open the package, in this order; the rest follow sorted.
_FIRST_MEMBERS = ("[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/_rels/document.xml.rels")
#: app.xml children that would carry the template's stale counts or its editing application.
_STALE_APP_FIELDS = (
    "Template",
    "TotalTime",
    "Pages",
    "Words",
    "Characters",
    "Lines",
    "Paragraphs",
    "CharactersWithSpaces",
    "Application",
    "AppVersion",
)
_EXTENDED = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
#: The range a zip timestamp can hold.
ZIP_EPOCH = dt.datetime(1980, 1, 1)
ZIP_END = dt.datetime(2107, 12, 31, 23, 59, 58)


def add_field(paragraph: Paragraph, instruction: str, shown: str) -> None:
    """A complex field (``PAGE``, ``NUMPAGES`` ...) whose cached result is ``shown`` until the viewer updates it."""
    p = paragraph._p
    runs = (
        f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="begin"/></w:r>',
        f'<w:r {nsdecls("w")}><w:instrText xml:space="preserve"> {escape(instruction)} </w:instrText></w:r>',
        f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="separate"/></w:r>',
        f"<w:r {nsdecls('w')}><w:t>{escape(shown)}</w:t></w:r>",
        f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="end"/></w:r>',
    )
    for run in runs:
        p.append(parse_xml(run))


_W_R, _W_RPR, _W_RSTYLE, _W_T, _W_VAL = qn("w:r"), qn("w:rPr"), qn("w:rStyle"), qn("w:t"), qn("w:val")
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_W_PPR, _W_PSTYLE = qn("w:pPr"), qn("w:pStyle")


def add_run(paragraph: Paragraph, text: str, style_id: str | None = None) -> None:
    """A run of ``text`` in character style ``style_id``.

    Built with lxml directly: python-docx's run API costs ten times as much,
    which a 200 KB transcript feels. Tabs and line breaks need python-docx's
    w:tab / w:br translation, so text holding them goes through it.
    """
    if "\t" in text or "\n" in text or "\r" in text:  # three scans in C: cheaper than a generator per run
        run = paragraph.add_run(text)
        if style_id is not None:
            run._r.style = style_id
        return
    r = etree.SubElement(paragraph._p, _W_R)  # made in place: an element appended is moved, namespaces and all
    if style_id is not None:
        etree.SubElement(etree.SubElement(r, _W_RPR), _W_RSTYLE, {_W_VAL: style_id})
    t = etree.SubElement(r, _W_T, {_XML_SPACE: "preserve"} if text != text.strip() else {})
    t.text = text


def set_paragraph_style(p: CT_P, style_id: str) -> None:
    """Give paragraph ``p`` the style ``style_id``, as ``p.style = style_id`` does.

    A new paragraph has no ``w:pPr`` yet: it gets one holding only ``w:pStyle``,
    built with lxml directly. python-docx's setter looks for each of some forty
    elements that must follow, per paragraph, which a 200 KB transcript feels.
    """
    if p.pPr is None:
        p_pr = p.makeelement(_W_PPR, {})
        p_pr.append(p.makeelement(_W_PSTYLE, {_W_VAL: style_id}))
        p.insert(0, p_pr)
    else:
        p.style = style_id


def add_tab(paragraph: Paragraph) -> None:
    paragraph._p.append(parse_xml(f"<w:r {nsdecls('w')}><w:tab/></w:r>"))


def set_table_look(table_element: etree._Element) -> None:
    """Switch on the table style's header-row and banded-row formatting (Word and LibreOffice honour tblLook)."""
    tbl_pr = table_element.find(qn("w:tblPr"))
    if tbl_pr is None:  # python-docx always writes one; a table without it has no look to set
        return
    old = tbl_pr.find(qn("w:tblLook"))
    if old is not None:
        tbl_pr.remove(old)
    tbl_pr.append(
        parse_xml(
            f'<w:tblLook {nsdecls("w")} w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0"'
            ' w:lastColumn="0" w:noHBand="0" w:noVBand="1"/>'
        )
    )


def keep_row_together(row_element: CT_Row) -> None:
    """Never split the row across pages: half a figure's row on each page reads as two rows."""
    row_element.get_or_add_trPr().append(parse_xml(f"<w:cantSplit {nsdecls('w')}/>"))


def mark_header_row(row_element: CT_Row) -> None:
    """Repeat the row at the top of every page the table runs onto, and never split it."""
    keep_row_together(row_element)
    row_element.get_or_add_trPr().append(parse_xml(f"<w:tblHeader {nsdecls('w')}/>"))


def _clean_app_xml(data: bytes) -> bytes:
    root = etree.fromstring(data)
    for name in _STALE_APP_FIELDS:
        for el in root.findall(f"{{{_EXTENDED}}}{name}"):
            root.remove(el)
    app = etree.SubElement(root, f"{{{_EXTENDED}}}Application")
    app.text = "stenogram-docx"
    root.insert(0, app)
    out: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return out


class _Members:
    """python-docx's package writer pointed at a dict instead of a zip: each member's bytes, by name."""

    def __init__(self) -> None:
        self.members: dict[str, bytes] = {}

    def write(self, pack_uri: PackURI, blob: bytes) -> None:
        self.members[pack_uri.membername] = blob


def package_members(document: Document, serialised: Mapping[Part, bytes] | None = None) -> dict[str, bytes]:
    """The members ``document.save`` would zip, unzipped: what it writes, without compressing it only to inflate it.

    The same steps as python-docx's ``OpcPackage.save`` and ``PackageWriter.write``; a part in ``serialised`` (one
    shared by every briefing from a template) is written as given instead of serialised again.
    """
    known = serialised or {}
    package = document.part.package
    parts = list(package.parts)
    for part in parts:
        part.before_marshal()
    sink = _Members()
    PackageWriter._write_content_types_stream(sink, parts)  # type: ignore[no-untyped-call]
    PackageWriter._write_pkg_rels(sink, package.rels)  # type: ignore[no-untyped-call]
    for part in parts:  # PackageWriter._write_parts
        blob = known.get(part)
        sink.write(part.partname, part.blob if blob is None else blob)
        if len(part.rels):
            sink.write(part.partname.rels_uri, part.rels.xml)
    return sink.members


def normalise_package(data: bytes, when: dt.datetime) -> bytes:
    """Rewrite a DOCX zip so the same content always gives the same bytes (see ``write_package``)."""
    with zipfile.ZipFile(io.BytesIO(data)) as src:
        members = {info.filename: src.read(info) for info in src.infolist()}
    return write_package(members, when)


def write_package(members: dict[str, bytes], when: dt.datetime, shared: Collection[str] = ()) -> bytes:
    """The DOCX zip of ``members``: the same content always gives the same bytes.

    Members come in a fixed order with one timestamp, fixed permissions and a
    fixed compression level; app.xml loses the template's stale statistics. The
    members named in ``shared`` (a template's parts every briefing carries) are
    deflated once per process.
    """
    stamp = min(max(when.replace(tzinfo=None), ZIP_EPOCH), ZIP_END)
    date_time = (stamp.year, stamp.month, stamp.day, stamp.hour, stamp.minute, stamp.second - stamp.second % 2)
    members = dict(members)
    if "docProps/app.xml" in members:
        members["docProps/app.xml"] = _clean_app_xml(members["docProps/app.xml"])
    order = [m for m in _FIRST_MEMBERS if m in members] + sorted(m for m in members if m not in _FIRST_MEMBERS)
    return zip_members(members, order, date_time, shared)
