"""Open a reference template, check it has every style, and empty its body.

Like pandoc's ``--reference-doc``: the template's styles, page set-up,
numbering and theme are kept, its content is not.
"""

from __future__ import annotations

import io
import zipfile
from importlib import resources
from pathlib import Path

import docx
from docx.document import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from docx.styles.style import BaseStyle

from stenogram_docx.errors import TemplateError
from stenogram_docx.styles import REQUIRED_STYLES, missing_styles

__all__ = ["DEFAULT_TEMPLATE", "default_template_bytes", "open_template"]

DEFAULT_TEMPLATE = "templates/briefing.docx"
_DOCUMENT = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
#: Word templates (.dotx, .dotm) and macro documents differ only in this content type.
_OTHER_MAIN_TYPES = (
    b"application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
    b"application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
    b"application/vnd.ms-word.document.macroEnabled.main+xml",
)


def default_template_bytes() -> bytes:
    return (resources.files("stenogram_docx") / DEFAULT_TEMPLATE).read_bytes()


def _as_document(data: bytes, name: str) -> bytes:
    """A .dotx is a .docx with another content type: switch it so python-docx opens it."""
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise TemplateError(name, "is not a Word file (not a zip archive)")
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        try:
            types = zf.read("[Content_Types].xml")
        except KeyError:
            raise TemplateError(name, "is not a Word file (no [Content_Types].xml)") from None
        if not any(t in types for t in _OTHER_MAIN_TYPES):
            return data
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
            for info in zf.infolist():
                payload = zf.read(info)
                if info.filename == "[Content_Types].xml":
                    for t in _OTHER_MAIN_TYPES:
                        payload = payload.replace(t, _DOCUMENT.encode())
                dst.writestr(info, payload)
        return out.getvalue()


def open_template(path: Path | None) -> tuple[Document, dict[str, BaseStyle]]:
    """The template as an empty document, and its styles by the names the writer uses.

    Raises one ``TemplateError`` listing every missing style, before anything is written.
    """
    name = str(path) if path is not None else f"stenogram_docx/{DEFAULT_TEMPLATE}"
    if path is None:
        data = default_template_bytes()
    else:
        try:
            data = Path(path).read_bytes()
        except OSError as exc:
            raise TemplateError(name, f"cannot read the template: {exc.strerror or exc}") from None
    try:
        document = docx.Document(io.BytesIO(_as_document(data, name)))
    except TemplateError:
        raise
    except Exception as exc:  # python-docx's own errors for broken packages
        raise TemplateError(name, f"cannot open the template: {type(exc).__name__}: {exc}") from None
    missing = missing_styles(document)
    if missing:
        raise TemplateError(
            name,
            f"the template lacks {len(missing)} style(s) the briefing needs; start from the default template"
            " (python -m stenogram_docx.make_template house-style.docx) and restyle it",
            missing=missing,
        )
    styles = {s.name.casefold(): s for s in document.styles if s.name is not None}
    resolved = {wanted: styles[wanted.casefold()] for wanted, _ in REQUIRED_STYLES}
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    for r_id, rel in list(document.part.package.rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            del document.part.package.rels[r_id]
    return document, resolved
