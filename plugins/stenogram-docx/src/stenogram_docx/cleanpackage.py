"""What a reference template may bring into a briefing: an allow-list, checked before anything is inflated.

A template is a stranger's zip file. Before any member is decompressed its
directory is checked against the limits below (member count, size of every
member, compression ratio, names that would leave the package), and macro
projects are refused. Then a new package is built from the parts a house style
needs and nothing else: styles, numbering, theme, font table, settings and the
page set-up of the last section with its headers and footers and their
images. The template's body, document properties (author, company), custom
XML, comments, embedded objects, fonts, external links and everything else
stay behind. Part names are our own (``word/header1.xml`` ...), so names in the
template never reach the output.
"""

from __future__ import annotations

import copy
import io
import posixpath
import struct
import zipfile
from collections.abc import Iterable
from typing import Any, NoReturn

from lxml import etree

from stenogram_docx.errors import TemplateError

__all__ = [
    "MAX_MEMBERS",
    "MAX_PART_BYTES",
    "MAX_RATIO",
    "MAX_TEMPLATE_BYTES",
    "MAX_TOTAL_BYTES",
    "RATIO_FLOOR_BYTES",
    "clean_package",
]

#: The template file itself.
MAX_TEMPLATE_BYTES = 50 * 1024 * 1024
#: Members of the zip (read from its end record before the directory is loaded).
MAX_MEMBERS = 5000
#: Uncompressed size of any one member, and of all of them together.
MAX_PART_BYTES = 50 * 1024 * 1024
MAX_TOTAL_BYTES = 200 * 1024 * 1024
#: Uncompressed : compressed, for members above ``RATIO_FLOOR_BYTES`` (small XML compresses well and is harmless).
MAX_RATIO = 100
RATIO_FLOOR_BYTES = 1024 * 1024

_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_RT = _R + "/"
_PR = "http://schemas.openxmlformats.org/package/2006/relationships"
_CT = "http://schemas.openxmlformats.org/package/2006/content-types"
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_WML = "application/vnd.openxmlformats-officedocument.wordprocessingml."

#: Parts of the main document a template keeps: relationship type -> (our part name, content type).
#: Headers and footers are numbered (``{n}``).
_KEPT_PARTS: dict[str, tuple[str, str]] = {
    _RT + "styles": ("word/styles.xml", _WML + "styles+xml"),
    _RT + "numbering": ("word/numbering.xml", _WML + "numbering+xml"),
    _RT + "theme": ("word/theme/theme1.xml", "application/vnd.openxmlformats-officedocument.theme+xml"),
    _RT + "fontTable": ("word/fontTable.xml", _WML + "fontTable+xml"),
    _RT + "settings": ("word/settings.xml", _WML + "settings+xml"),
    _RT + "header": ("word/header{n}.xml", _WML + "header+xml"),
    _RT + "footer": ("word/footer{n}.xml", _WML + "footer+xml"),
}
_IMAGE = _RT + "image"
#: The images a kept part may show, by file extension.
_IMAGE_TYPES = {
    "png": "image/png",
    "jpeg": "image/jpeg",
    "jpg": "image/jpeg",
    "gif": "image/gif",
    "bmp": "image/bmp",
    "tif": "image/tiff",
    "tiff": "image/tiff",
    "emf": "image/x-emf",
    "wmf": "image/x-wmf",
}
#: Settings that point outside the template or carry its data or restrictions into every briefing.
_DROPPED_SETTINGS = (
    "attachedTemplate",
    "mailMerge",
    "docVars",
    "documentProtection",
    "writeProtection",
    "headerSource",
    "footnotePr",
    "endnotePr",
)
#: Fonts embedded in the font table (their parts are not kept).
_EMBEDDED_FONTS = ("embedRegular", "embedBold", "embedItalic", "embedBoldItalic")
#: Signs of a macro project: member names and relationship/content types.
_MACRO_NAMES = ("vbaproject.bin", "vbadata.xml")
_MACRO_MARKS = (b"vbaProject", b"vbaData", b"macroEnabled")
_MAIN = _WML + "document.main+xml"
_APP = "application/vnd.openxmlformats-officedocument.extended-properties+xml"
_APP_XML = (
    b"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
    b"<Application>stenogram-docx</Application></Properties>"
)


def _parser() -> Any:
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, remove_pis=True)


def _member_count(data: bytes) -> int | None:
    """Entries in the zip's end record, read before ``zipfile`` loads the whole directory."""
    end = data.rfind(b"PK\x05\x06", max(0, len(data) - 65557))
    if end < 0 or end + 22 > len(data):
        return None
    count: int = struct.unpack_from("<H", data, end + 10)[0]
    return count


def _unsafe_name(name: str) -> bool:
    parts = name.split("/")
    return (
        not name
        or name.startswith("/")
        or "\\" in name
        or "\x00" in name
        or ":" in parts[0]
        or any(p in ("..", ".") for p in parts)
    )


class _Package:
    """The template's zip, every member checked from the directory before it is read."""

    def __init__(self, data: bytes, name: str) -> None:
        self.name = name
        if len(data) > MAX_TEMPLATE_BYTES:
            self.fail(f"is {len(data)} bytes; templates are limited to {MAX_TEMPLATE_BYTES} bytes")
        count = _member_count(data)
        if count is None or not zipfile.is_zipfile(io.BytesIO(data)):
            self.fail("is not a Word file (not a zip archive)")
        if count > MAX_MEMBERS:
            self.fail(f"holds {count} members; templates are limited to {MAX_MEMBERS}")
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(data))
        except (zipfile.BadZipFile, ValueError, OSError) as exc:
            self.fail(f"is not a readable zip archive: {exc}")
        self.infos: dict[str, zipfile.ZipInfo] = {}
        total = 0
        for info in self.zip.infolist():
            self.check(info)
            total += info.file_size
            self.infos[info.filename] = info
        if total > MAX_TOTAL_BYTES:
            self.fail(f"unpacks to {total} bytes; templates are limited to {MAX_TOTAL_BYTES} bytes in all")
        if len(self.infos) != len(self.zip.infolist()):
            self.fail("names a member twice")

    def fail(self, problem: str) -> NoReturn:
        raise TemplateError(self.name, problem)

    def check(self, info: zipfile.ZipInfo) -> None:
        member = info.filename
        if _unsafe_name(member):
            self.fail(f"has a member named {member!r}, which would leave the package; refused")
        if posixpath.basename(member).lower() in _MACRO_NAMES:
            self.macros(member)
        if info.file_size > MAX_PART_BYTES:
            self.fail(f"member {member} unpacks to {info.file_size} bytes; parts are limited to {MAX_PART_BYTES}")
        if info.file_size > RATIO_FLOOR_BYTES and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            self.fail(
                f"member {member} unpacks {info.file_size // max(info.compress_size, 1)} times its packed size"
                f" (a zip bomb?); the limit is {MAX_RATIO}:1"
            )

    def macros(self, where: str) -> None:
        self.fail(
            f"holds a macro project ({where}); macro-enabled templates are refused."
            " Save it as a Word document or template without macros (.docx or .dotx) and use that"
        )

    def read(self, member: str) -> bytes:
        info = self.infos.get(member)
        if info is None:
            self.fail(f"has no {member}")
        try:
            with self.zip.open(info) as fh:
                data: bytes = fh.read(MAX_PART_BYTES + 1)  # never more than the size checked above
        except (zipfile.BadZipFile, RuntimeError, ValueError, OSError, EOFError) as exc:
            self.fail(f"member {member} cannot be read: {exc}")
        return data

    def xml(self, member: str) -> Any:
        try:
            return etree.fromstring(self.read(member), _parser())
        except etree.XMLSyntaxError as exc:
            self.fail(f"member {member} is not well-formed XML: {exc.msg}")

    def rels(self, part: str) -> list[tuple[str, str, str]]:
        """``(id, type, target member)`` of a part's internal relationships."""
        rels_name = posixpath.join(posixpath.dirname(part), "_rels", posixpath.basename(part) + ".rels")
        if rels_name not in self.infos:
            return []
        out = []
        for rel in self.xml(rels_name).iter(f"{{{_PR}}}Relationship"):
            rel_type, target, r_id = rel.get("Type") or "", rel.get("Target") or "", rel.get("Id") or ""
            if any(mark.decode() in rel_type for mark in _MACRO_MARKS):
                self.macros(rels_name)
            if rel.get("TargetMode") == "External" or not r_id:
                continue
            resolved = posixpath.normpath(
                target.lstrip("/") if target.startswith("/") else posixpath.join(posixpath.dirname(part), target)
            )
            if resolved.startswith("..") or resolved not in self.infos:
                continue
            out.append((r_id, rel_type, resolved))
        return out


def _main_part(package: _Package) -> str:
    types = package.read("[Content_Types].xml") if "[Content_Types].xml" in package.infos else None
    if types is None:
        package.fail("is not a Word file (no [Content_Types].xml)")
    if any(mark in types for mark in (b"vbaProject", b"vbaData")):
        package.macros("[Content_Types].xml")
    main = next((target for _, t, target in package.rels("") if t == _RT + "officeDocument"), None)
    if main is None:
        package.fail("is not a Word file (no main document)")
    return main


def _last_section(package: _Package, main: str) -> Any:
    """The body's last ``sectPr`` (the page set-up), read as a stream: the body itself is never kept."""
    sect = None
    try:
        events = etree.iterparse(
            io.BytesIO(package.read(main)),
            events=("end",),
            resolve_entities=False,
            no_network=True,
            load_dtd=False,
            huge_tree=False,
        )
        for _, el in events:
            parent = el.getparent()
            if parent is None or parent.tag != f"{{{_W}}}body":
                continue
            if el.tag == f"{{{_W}}}sectPr":
                sect = copy.deepcopy(el)
            el.clear()
            while el.getprevious() is not None:
                del parent[0]
    except etree.XMLSyntaxError as exc:
        package.fail(f"member {main} is not well-formed XML: {exc.msg}")
    return sect


def _prune_references(root: Any, kept: Iterable[str]) -> None:
    """Remove what points at a relationship that was not kept (the run holding it, if any)."""
    kept_ids = set(kept)
    doomed = []
    for el in root.iter():
        if any(k.startswith(f"{{{_R}}}") and v not in kept_ids for k, v in el.attrib.items()):
            run = next((a for a in el.iterancestors(f"{{{_W}}}r")), None)
            doomed.append(run if run is not None else el)
    for el in doomed:
        parent = el.getparent()
        if parent is not None:
            parent.remove(el)


def _drop_children(root: Any, names: Iterable[str]) -> None:
    for name in names:
        for el in list(root.iter(f"{{{_W}}}{name}")):
            el.getparent().remove(el)


def _relationships(rels: list[tuple[str, str, str]]) -> bytes:
    root = etree.Element(f"{{{_PR}}}Relationships", nsmap={None: _PR})
    for r_id, rel_type, target in rels:
        etree.SubElement(root, f"{{{_PR}}}Relationship", Id=r_id, Type=rel_type, Target=target)
    out: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return out


def _content_types(overrides: dict[str, str], extensions: set[str]) -> bytes:
    root = etree.Element(f"{{{_CT}}}Types", nsmap={None: _CT})
    defaults = {"rels": "application/vnd.openxmlformats-package.relationships+xml", "xml": "application/xml"}
    defaults.update({ext: _IMAGE_TYPES[ext] for ext in extensions})
    for ext in sorted(defaults):
        etree.SubElement(root, f"{{{_CT}}}Default", Extension=ext, ContentType=defaults[ext])
    for part in sorted(overrides):
        etree.SubElement(root, f"{{{_CT}}}Override", PartName="/" + part, ContentType=overrides[part])
    out: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return out


def _serialise(root: Any) -> bytes:
    out: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return out


def clean_package(data: bytes, name: str) -> bytes:
    """A new .docx holding only what a template may give a briefing (see the module docstring).

    Raises ``TemplateError`` for anything over the limits, macro projects, names that
    leave the package, and files that are not Word packages.
    """
    package = _Package(data, name)
    main = _main_part(package)
    members: dict[str, bytes] = {}
    overrides = {"word/document.xml": _MAIN, "docProps/app.xml": _APP}
    extensions: set[str] = set()
    main_rels: list[tuple[str, str, str]] = []
    counts: dict[str, int] = {}
    images: dict[str, str] = {}
    for r_id, rel_type, target in package.rels(main):
        if rel_type not in _KEPT_PARTS:
            continue
        pattern, content_type = _KEPT_PARTS[rel_type]
        counts[rel_type] = counts.get(rel_type, 0) + 1
        part = pattern.format(n=counts[rel_type])
        if "{n}" not in pattern and counts[rel_type] > 1:
            continue  # one styles part, one theme ...: the first one counts
        root = package.xml(target)
        part_rels = []
        if rel_type in (_RT + "header", _RT + "footer"):
            for image_id, image_type, image_target in package.rels(target):
                ext = posixpath.splitext(image_target)[1].lstrip(".").lower()
                if image_type != _IMAGE or ext not in _IMAGE_TYPES:
                    continue
                if image_target not in images:
                    images[image_target] = f"word/media/image{len(images) + 1}.{ext}"
                    members[images[image_target]] = package.read(image_target)
                    extensions.add(ext)
                part_rels.append((image_id, _IMAGE, posixpath.relpath(images[image_target], "word")))
        _prune_references(root, (r for r, _, _ in part_rels))
        if rel_type == _RT + "settings":
            _drop_children(root, _DROPPED_SETTINGS)
        elif rel_type == _RT + "fontTable":
            _drop_children(root, _EMBEDDED_FONTS)
        members[part] = _serialise(root)
        if part_rels:
            members[posixpath.join("word/_rels", posixpath.basename(part) + ".rels")] = _relationships(part_rels)
        overrides[part] = content_type
        main_rels.append((r_id, rel_type, posixpath.relpath(part, "word")))
    document = etree.Element(f"{{{_W}}}document", nsmap={"w": _W, "r": _R})
    body = etree.SubElement(document, f"{{{_W}}}body")
    section = _last_section(package, main)
    if section is not None:
        _prune_references(section, (r for r, t, _ in main_rels if t in (_RT + "header", _RT + "footer")))
        body.append(section)
    members["word/document.xml"] = _serialise(document)
    members["word/_rels/document.xml.rels"] = _relationships(main_rels)
    members["docProps/app.xml"] = _APP_XML
    members["_rels/.rels"] = _relationships(
        [
            ("rId1", _RT + "officeDocument", "word/document.xml"),
            ("rId2", _RT + "extended-properties", "docProps/app.xml"),
        ]
    )
    members["[Content_Types].xml"] = _content_types(overrides, extensions)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for member in sorted(members):
            dst.writestr(member, members[member])
    return out.getvalue()
