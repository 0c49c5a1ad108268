"""Hostile DOCX templates: macros, zip bombs, names that leave the package, leaking properties."""

from __future__ import annotations

import contextlib
import io
import struct
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from stenogram_docx import BriefingOptions, TemplateError, build_briefing, default_template_bytes
from stenogram_docx.cleanpackage import MAX_PART_BYTES, clean_package

import stenogram
from stenogram.model import Transcript

_VBA_TYPE = "application/vnd.ms-office.vbaProject"
_VBA_REL = "http://schemas.microsoft.com/office/2006/relationships/vbaProject"


@pytest.fixture(scope="module")
def transcript(seed_text: str) -> Transcript:
    return stenogram.parse(seed_text)


@pytest.fixture(scope="module")
def seed_text() -> str:
    return (Path(__file__).resolve().parents[2] / "seeds" / "000_cc7df8760118afc5.txt").read_text(encoding="utf-8")


def _rebuild(edit: Callable[[dict[str, bytes]], None], base: bytes | None = None) -> bytes:
    """The default template (or ``base``) with its members changed by ``edit``."""
    with zipfile.ZipFile(io.BytesIO(base or default_template_bytes())) as zf:
        members = {i.filename: zf.read(i) for i in zf.infolist()}
    edit(members)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for name, data in members.items():
            dst.writestr(name, data)
    return out.getvalue()


def _png() -> bytes:
    """A valid 1x1 PNG."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00"))
        + chunk(b"IEND", b"")
    )


def _members(docx_bytes: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(docx_bytes)) as zf:
        return {i.filename: zf.read(i) for i in zf.infolist()}


def _with_macros(members: dict[str, bytes]) -> None:
    """What Word writes for a .docm: the project, its relationship and content type."""
    members["word/vbaProject.bin"] = b"\xd0\xcf\x11\xe0 fake OLE storage with VBA"
    members["word/_rels/document.xml.rels"] = members["word/_rels/document.xml.rels"].replace(
        b"</Relationships>",
        f'<Relationship Id="rId99" Type="{_VBA_REL}" Target="vbaProject.bin"/></Relationships>'.encode(),
    )
    members["[Content_Types].xml"] = (
        members["[Content_Types].xml"]
        .replace(b"</Types>", f'<Default Extension="bin" ContentType="{_VBA_TYPE}"/></Types>'.encode())
        .replace(b"document.main+xml", b"application/vnd.ms-word.document.macroEnabled.main+xml")
    )


def test_a_macro_enabled_template_renamed_docx_is_refused(tmp_path: Path, transcript: Transcript) -> None:
    """Issue 15 problem 1: the output carried ``word/vbaProject.bin`` with its relationship."""
    path = tmp_path / "renamed.docx"
    path.write_bytes(_rebuild(_with_macros))
    target = tmp_path / "out.docx"
    with pytest.raises(TemplateError, match=r"macro project \(word/vbaProject\.bin\).*\.dotx"):
        stenogram.export_file(transcript, "docx", target, template=str(path))
    assert not target.exists()


@pytest.mark.parametrize(
    "edit",
    [
        # Only the relationship: the project hides under another name.
        lambda m: m.update(
            {
                "word/_rels/document.xml.rels": m["word/_rels/document.xml.rels"].replace(
                    b"</Relationships>",
                    f'<Relationship Id="rId9" Type="{_VBA_REL}" Target="x.bin"/></Relationships>'.encode(),
                ),
                "word/x.bin": b"VBA",
            }
        ),
        # Only the content type.
        lambda m: m.update(
            {
                "[Content_Types].xml": m["[Content_Types].xml"].replace(
                    b"</Types>", f'<Override PartName="/word/a.bin" ContentType="{_VBA_TYPE}"/></Types>'.encode()
                )
            }
        ),
        # vbaData.xml beside a project elsewhere.
        lambda m: m.update({"word/vbaData.xml": b"<x/>"}),
    ],
    ids=["relationship", "content-type", "vba-data"],
)
def test_every_sign_of_a_macro_project_is_refused(edit: Callable[[dict[str, bytes]], None]) -> None:
    with pytest.raises(TemplateError, match="macro"):
        clean_package(_rebuild(edit), "t.docx")


@pytest.fixture(scope="module")
def bomb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Issue 15 problem 2: a 2 GiB member of zeros (about 2 MB packed) as ``word/media/image1.png``."""
    path = tmp_path_factory.mktemp("bomb") / "bomb.docx"
    with zipfile.ZipFile(io.BytesIO(default_template_bytes())) as src, zipfile.ZipFile(path, "w") as dst:
        for info in src.infolist():
            dst.writestr(info.filename, src.read(info), zipfile.ZIP_DEFLATED)
        chunk = bytes(16 * 1024 * 1024)
        member = zipfile.ZipInfo("word/media/image1.png")
        member.compress_type = zipfile.ZIP_DEFLATED
        with dst.open(member, "w", force_zip64=True) as fh:
            for _ in range(128):
                fh.write(chunk)
    return path


def test_a_zip_bomb_template_is_refused_without_inflating_it(
    bomb: Path, limited: Callable[..., dict[str, Any]]
) -> None:
    result = limited(
        """
        from pathlib import Path
        from stenogram_docx.template import open_template
        from stenogram_docx.errors import TemplateError
        try:
            open_template(Path(PARAMS["path"]))
        except TemplateError as exc:
            report(error=str(exc))
        else:
            report(error=None)
        """,
        memory_mb=700,
        timeout=60,
        params={"path": str(bomb)},
    )
    assert result["error"] and "word/media/image1.png unpacks to 2147483648 bytes" in result["error"], result
    assert result["peak_mb"] < 250, result


def test_a_member_over_the_ratio_is_refused_below_the_size_limit() -> None:
    data = _rebuild(lambda m: m.update({"word/media/logo.png": bytes(8 * 1024 * 1024)}))
    with pytest.raises(TemplateError, match=r"logo\.png unpacks \d+ times its packed size.*100:1"):
        clean_package(data, "t.docx")


def test_a_member_over_the_size_limit_is_refused() -> None:
    data = _rebuild(
        lambda m: m.update({"word/media/big.png": __import__("os").urandom(256) * (MAX_PART_BYTES // 256 + 1)})
    )
    with pytest.raises(TemplateError, match="parts are limited to"):
        clean_package(data, "t.docx")


@pytest.mark.parametrize(
    "name", ["../evil.xml", "/etc/evil.xml", "word/../../evil.xml", "C:/evil.xml", "word\\evil.xml"]
)
def test_member_names_that_leave_the_package_are_refused(name: str) -> None:
    data = _rebuild(lambda m: m.update({name: b"<x/>"}))
    with pytest.raises(TemplateError, match="would leave the package"):
        clean_package(data, "t.docx")


def _spied_on(members: dict[str, bytes]) -> None:
    """A template that carries personal and foreign content besides its styles."""
    members["docProps/core.xml"] = members["docProps/core.xml"].replace(b">stenogram<", b">Jane Spy<")
    members["docProps/app.xml"] = members["docProps/app.xml"].replace(
        b"<Company/>", b"<Company>ACME Secret Ltd</Company>"
    )
    members["customXml/item1.xml"] = b"<secret>ACME customer list</secret>"
    members["word/comments.xml"] = b"<w:comments xmlns:w='x'>internal remark</w:comments>"
    members["word/_rels/document.xml.rels"] = members["word/_rels/document.xml.rels"].replace(
        b"</Relationships>",
        b'<Relationship Id="rId40" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"'
        b' Target="comments.xml"/><Relationship Id="rId41" Type="http://schemas.openxmlformats.org/officeDocument/'
        b'2006/relationships/hyperlink" Target="http://tracker.example/pixel" TargetMode="External"/></Relationships>',
    )
    members["word/settings.xml"] = members["word/settings.xml"].replace(
        b"</w:settings>",
        b'<w:docVars><w:docVar w:name="client" w:val="ACME"/></w:docVars><w:documentProtection w:edit="readOnly"'
        b' w:enforcement="1"/></w:settings>',
    )


def test_only_the_allow_list_survives_from_a_template(tmp_path: Path, transcript: Transcript) -> None:
    path = tmp_path / "spied.docx"
    path.write_bytes(_rebuild(_spied_on))
    out = build_briefing(transcript, BriefingOptions(template=path))
    members = _members(out)
    everything = b"".join(members.values())
    for secret in (b"Jane Spy", b"ACME", b"internal remark", b"tracker.example", b"readOnly"):
        assert secret not in everything, secret
    allowed = ("[Content_Types].xml", "_rels/", "docProps/", "word/")
    assert all(name.startswith(allowed) for name in members), sorted(members)
    kinds = {name.rsplit("/", 1)[-1] for name in members if name.startswith("word/") and "/_rels/" not in name}
    assert kinds <= {
        "document.xml", "styles.xml", "numbering.xml", "theme1.xml", "fontTable.xml", "settings.xml",
        "header1.xml", "footer1.xml", "header2.xml", "footer2.xml",
    }, kinds  # fmt: skip
    assert docx.Document(io.BytesIO(out)).core_properties.author != "Jane Spy"


def test_headers_and_their_images_and_page_setup_come_from_the_template(tmp_path: Path) -> None:
    doc = docx.Document(io.BytesIO(default_template_bytes()))
    section = doc.sections[0]
    from docx.shared import Cm

    section.page_width, section.page_height = Cm(21.59), Cm(27.94)  # US Letter
    png = _png()
    section.header.paragraphs[0].add_run().add_picture(io.BytesIO(png))
    section.header.paragraphs[0].add_run("House header")
    doc.add_paragraph("Body text of the template")
    path = tmp_path / "letter.docx"
    doc.save(str(path))
    clean = docx.Document(io.BytesIO(clean_package(path.read_bytes(), str(path))))
    kept = clean.sections[0]
    assert round(kept.page_width.cm, 2) == 21.59 and round(kept.page_height.cm, 2) == 27.94
    assert "House header" in kept.header.paragraphs[0].text
    members = _members(clean_package(path.read_bytes(), str(path)))
    assert members["word/media/image1.png"] == png
    assert b"Body text" not in members["word/document.xml"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    names=st.lists(
        st.text(st.characters(codec="utf-8", exclude_characters="\x00"), min_size=1, max_size=20), max_size=4
    ),
    payload=st.binary(max_size=200),
)
def test_any_extra_member_is_refused_or_left_behind(names: list[str], payload: bytes) -> None:
    """Whatever a template adds, cleaning it raises ``TemplateError`` or keeps none of it."""
    marker = b"\x00HOSTILE\x00" + payload
    try:
        data = _rebuild(lambda m: m.update(dict.fromkeys(names, marker)))
    except (ValueError, UnicodeError):
        return  # zipfile itself will not write such a name
    try:
        clean = clean_package(data, "t.docx")
    except TemplateError:
        return
    assert marker not in b"".join(_members(clean).values())


@given(data=st.binary(max_size=400))
@settings(max_examples=100, deadline=None)
def test_any_bytes_as_a_template_raise_only_template_errors(data: bytes) -> None:
    for candidate in (data, b"PK\x05\x06" + data, _rebuild(lambda m: m.update({"word/styles.xml": data}))):
        with contextlib.suppress(TemplateError):
            clean_package(candidate, "t.docx")


def _drop(*names: str) -> Callable[[dict[str, bytes]], None]:
    def edit(members: dict[str, bytes]) -> None:
        for name in names:
            members.pop(name, None)

    return edit


def _replace(name: str, data: bytes) -> Callable[[dict[str, bytes]], None]:
    def edit(members: dict[str, bytes]) -> None:
        members[name] = data

    return edit


@pytest.mark.parametrize(
    "edit",
    [
        _drop("word/_rels/document.xml.rels"),
        _replace("word/styles.xml", b"<foo/>"),
        _replace("word/document.xml", b"<w:document xmlns:w='urn:other'><w:body/></w:document>"),
    ],
    ids=["no-document-relationships", "styles-of-another-root", "document-in-another-namespace"],
)
@pytest.mark.parametrize("corpus", [False, True], ids=["briefing", "pack"])
def test_a_template_python_docx_cannot_use_is_a_template_error_naming_it(
    tmp_path: Path, transcript: Transcript, edit: Callable[[dict[str, bytes]], None], corpus: bool
) -> None:
    """Well-formed packages that pass every check but crash python-docx (IndexError, NotImplementedError …)."""
    template = tmp_path / "odd.docx"
    template.write_bytes(_rebuild(edit))
    with pytest.raises(TemplateError) as info:
        if corpus:
            from stenogram.collection import export_collection

            export_collection([transcript], "docx", tmp_path / "pack.docx", template=str(template))
        else:
            stenogram.export_bytes(transcript, "docx", template=str(template))
    assert str(info.value).startswith(str(template)), str(info.value)
    assert not (tmp_path / "pack.docx").exists()
