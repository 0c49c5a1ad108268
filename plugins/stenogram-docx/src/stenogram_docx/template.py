"""Open a reference template, fill in the styles it lacks, and empty its body.

Like pandoc's ``--reference-doc``: any .docx or .dotx works. What the template
may bring is an allow-list (``cleanpackage``: styles, numbering, theme, font
table, settings, page set-up, headers and footers with their images), checked
against size limits before anything is inflated. A style the briefing needs and
the template lacks comes from the built-in template, based on the template's
own ``Normal``, so the house font shows throughout.
"""

from __future__ import annotations

import copy
import functools
import io
import zipfile
from importlib import resources
from pathlib import Path
from typing import Any

import attrs
import docx
from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.part import Part
from docx.opc.parts.coreprops import CorePropertiesPart
from docx.oxml.ns import qn
from docx.parts.document import DocumentPart
from docx.parts.hdrftr import FooterPart, HeaderPart
from docx.styles.style import BaseStyle, StyleFactory
from lxml import etree

from stenogram.infile import read_whole
from stenogram_docx.cleanpackage import MAX_TEMPLATE_BYTES, clean_package
from stenogram_docx.errors import TemplateError
from stenogram_docx.styles import REQUIRED_STYLES, missing_styles

__all__ = ["DEFAULT_TEMPLATE", "Template", "default_template_bytes", "open_template"]

DEFAULT_TEMPLATE = "templates/briefing.docx"
#: Style references inside a style definition, by the id of the style they name.
_STYLE_LINKS = ("w:basedOn", "w:next", "w:link")


def default_template_bytes() -> bytes:
    return (resources.files("stenogram_docx") / DEFAULT_TEMPLATE).read_bytes()


@functools.cache
def _builtin_styles() -> tuple[dict[str, Any], Any]:
    """The built-in template's style elements by name (casefolded), and its numbering part."""
    with zipfile.ZipFile(io.BytesIO(default_template_bytes())) as zf:
        styles = etree.fromstring(zf.read("word/styles.xml"))
        numbering = etree.fromstring(zf.read("word/numbering.xml"))
    by_name = {}
    for style in styles.findall(qn("w:style")):
        name = style.find(qn("w:name"))
        if name is not None:
            by_name[(name.get(qn("w:val")) or "").casefold()] = style
    return by_name, numbering


def _unique(wanted: str, taken: set[str]) -> str:
    candidate, n = wanted, 1
    while candidate in taken:
        n += 1
        candidate = f"{wanted}{n}"
    return candidate


def _copy_numbering(document: Document, style: Any, builtin_numbering: Any) -> None:
    """Give a copied list style the bullet definition it refers to, under ids free in the template."""
    num_id = style.find(f"{qn('w:pPr')}/{qn('w:numPr')}/{qn('w:numId')}")
    if num_id is None:
        return
    wanted = num_id.get(qn("w:val"))
    num = next((n for n in builtin_numbering.findall(qn("w:num")) if n.get(qn("w:numId")) == wanted), None)
    abstract_id = num.find(qn("w:abstractNumId")) if num is not None else None
    abstract = next(
        (
            a
            for a in builtin_numbering.findall(qn("w:abstractNum"))
            if abstract_id is not None and a.get(qn("w:abstractNumId")) == abstract_id.get(qn("w:val"))
        ),
        None,
    )
    if num is None or abstract is None:
        num_id.getparent().getparent().remove(num_id.getparent())
        return
    target = document.part.numbering_part.element
    used_abstract = {a.get(qn("w:abstractNumId")) for a in target.findall(qn("w:abstractNum"))}
    used_num = {n.get(qn("w:numId")) for n in target.findall(qn("w:num"))}
    new_abstract_id = str(max((int(a) for a in used_abstract if a and a.isdigit()), default=-1) + 1)
    new_num_id = str(max((int(n) for n in used_num if n and n.isdigit()), default=0) + 1)
    abstract, num = copy.deepcopy(abstract), copy.deepcopy(num)
    abstract.set(qn("w:abstractNumId"), new_abstract_id)
    num.set(qn("w:numId"), new_num_id)
    num.find(qn("w:abstractNumId")).set(qn("w:val"), new_abstract_id)
    existing = target.findall(qn("w:abstractNum"))
    if existing:
        existing[-1].addnext(abstract)
    else:
        target.insert(0, abstract)
    target.append(num)
    num_id.set(qn("w:val"), new_num_id)


def _mark_normal_default(document: Document) -> None:
    """Make ``Normal`` the default paragraph style when the template marks none (LibreOffice's .docx)."""
    styles = document.styles.element.findall(qn("w:style"))
    paragraph = [s for s in styles if s.get(qn("w:type")) == "paragraph"]
    if any(s.get(qn("w:default")) in ("1", "true", "on") for s in paragraph):
        return
    for style in paragraph:
        name = style.find(qn("w:name"))
        if name is not None and (name.get(qn("w:val")) or "").casefold() == "normal":
            style.set(qn("w:default"), "1")
            return


def _fill_in_styles(document: Document) -> list[str]:
    """Add the built-in definition of every required style the template lacks; their names."""
    problems = set(missing_styles(document))  # one pass over the template's styles, not one per required style
    lacking = [name for name, kind in REQUIRED_STYLES if any(p.startswith(f"{name} ({kind} style") for p in problems)]
    builtin, numbering = _builtin_styles()
    styles = document.styles.element
    ids = {s.get(qn("w:styleId")) or "" for s in styles.findall(qn("w:style"))}
    id_by_name = {
        (s.find(qn("w:name")).get(qn("w:val")) or "").casefold(): s.get(qn("w:styleId"))
        for s in styles.findall(qn("w:style"))
        if s.find(qn("w:name")) is not None
    }
    builtin_names = {s.get(qn("w:styleId")): name for name, s in builtin.items()}
    added = []
    for name in lacking:
        source = builtin.get(name.casefold())
        if source is None or name.casefold() in id_by_name:
            continue  # present as another kind: reported by missing_styles below
        style = copy.deepcopy(source)
        style.set(qn("w:styleId"), _unique(source.get(qn("w:styleId")), ids))
        ids.add(style.get(qn("w:styleId")))
        id_by_name[name.casefold()] = style.get(qn("w:styleId"))
        style.attrib.pop(qn("w:default"), None)
        _copy_numbering(document, style, numbering)
        styles.append(style)
        added.append(style)
    for style in added:  # links name the template's own styles (its Normal may be "Standard")
        for tag in _STYLE_LINKS:
            link = style.find(qn(tag))
            if link is None:
                continue
            target = id_by_name.get(builtin_names.get(link.get(qn("w:val")), "").casefold())
            if target is None:
                style.remove(link)
            else:
                link.set(qn("w:val"), target)
    return [s.find(qn("w:name")).get(qn("w:val")) for s in added]


def _read_template(path: Path | None) -> tuple[str, bytes]:
    """The template's name (for messages) and bytes, the size checked before they are read."""
    name = str(path) if path is not None else f"stenogram_docx/{DEFAULT_TEMPLATE}"
    if path is None:
        return name, default_template_bytes()
    try:
        size = Path(path).stat().st_size
        if size > MAX_TEMPLATE_BYTES:
            raise TemplateError(name, f"is {size} bytes; templates are limited to {MAX_TEMPLATE_BYTES} bytes")
        return name, read_whole(path, limit=MAX_TEMPLATE_BYTES, pipes=False)  # not a device that never ends
    except (OSError, ValueError) as exc:  # ValueError: a NUL in the path
        raise TemplateError(name, f"cannot read the template: {getattr(exc, 'strerror', None) or exc}") from None


#: The parts a briefing writes to: each briefing gets copies of these. The others (styles, numbering, settings,
#: theme, fonts, images) it only reads: every briefing from one template shares them, serialised once.
_WRITTEN_PARTS = (DocumentPart, HeaderPart, FooterPart, CorePropertiesPart)


@attrs.frozen(kw_only=True)
class Template:
    """An empty document to write the briefing into, its styles by the names the writer uses, and the serialised
    parts it shares with every briefing made from the same template (``package_members`` takes them as they are)."""

    document: Document
    styles: dict[str, BaseStyle]
    shared: dict[Part, bytes]
    #: The id of the template's default paragraph style (a paragraph in it needs no style of its own), if any.
    default_paragraph: str | None = None


@functools.lru_cache(maxsize=8)
def _prepared(name: str, data: bytes) -> tuple[Document, dict[str, str], dict[Part, bytes], str | None]:
    """The template cleaned, its styles filled in, the id of each style the writer uses by name, and its shared parts.

    Cached per process on the template's bytes: a corpus converted in one run prepares its template once, and
    each briefing starts from a deep copy of this (never written to) document, sharing the parts it only reads.
    """
    clean = clean_package(data, name)
    try:
        document = docx.Document(io.BytesIO(clean))
    except Exception as exc:  # python-docx's own errors for broken packages
        raise TemplateError(name, f"cannot open the template: {type(exc).__name__}: {exc}") from None
    _fill_in_styles(document)
    _mark_normal_default(document)
    wrong_kind = missing_styles(document)
    if wrong_kind:
        raise TemplateError(
            name,
            f"the template defines {len(wrong_kind)} style(s) the briefing needs as another kind; rename them",
            missing=wrong_kind,
        )
    styles = {s.name.casefold(): s for s in document.styles if s.name is not None}
    ids = {wanted: styles[wanted.casefold()].style_id for wanted, _ in REQUIRED_STYLES}
    shared = {part: part.blob for part in document.part.package.iter_parts() if not isinstance(part, _WRITTEN_PARTS)}
    default = document.styles.default(WD_STYLE_TYPE.PARAGRAPH)  # a scan of every style: once per template
    return document, ids, shared, default.style_id if default is not None else None


def open_template(path: Path | None) -> Template:
    """The template as an empty document, its styles by the names the writer uses, and its shared parts.

    Raises ``TemplateError`` before anything is written: for a file over the limits
    or holding macros, and (listing them all) for styles defined as another kind.
    """
    prepared, ids, shared, default_paragraph = _prepared(*_read_template(path))
    # The copy refers to the shared parts themselves (the styles part of the default template is 350 KB of XML).
    keep: dict[int, Any] = {id(part): part for part in shared}
    document: Document = copy.deepcopy(prepared, keep)
    by_id = {s.get(qn("w:styleId")): s for s in document.styles.element.findall(qn("w:style"))}
    styles = {wanted: StyleFactory(by_id[style_id]) for wanted, style_id in ids.items()}
    return Template(document=document, styles=styles, shared=shared, default_paragraph=default_paragraph)
