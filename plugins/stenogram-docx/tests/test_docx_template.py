"""Reference templates: the shipped default, house styles, and templates that cannot be used."""

from __future__ import annotations

import io
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt, RGBColor
from stenogram_docx import REQUIRED_STYLES, BriefingOptions, TemplateError, build_briefing, default_template_bytes
from stenogram_docx.make_template import build_template, main

import stenogram
from stenogram.model import Transcript


def test_shipped_template_is_the_scripts_output() -> None:
    """Whoever edits the style sheet must regenerate the template; this catches a stale one."""
    assert default_template_bytes() == build_template()


def test_shipped_template_has_every_style_and_no_python_docx_leftovers() -> None:
    doc = docx.Document(io.BytesIO(default_template_bytes()))
    names = {s.name for s in doc.styles}
    assert {name for name, _ in REQUIRED_STYLES} <= names
    assert doc.core_properties.author == "stenogram"
    assert doc.core_properties.created.year == 2026
    section = doc.sections[0]
    assert round(section.page_width.cm, 1) == 21.0 and round(section.page_height.cm, 1) == 29.7
    with zipfile.ZipFile(io.BytesIO(default_template_bytes())) as zf:
        members = zf.namelist()
    assert "docProps/thumbnail.jpeg" not in members
    assert all(not m.endswith("stylesWithEffects.xml") for m in members)


def test_make_template_writes_a_copy_to_restyle(tmp_path: Path) -> None:
    out = tmp_path / "house-style.docx"
    assert main([str(out)]) == 0
    assert out.read_bytes() == default_template_bytes()


def _restyled(tmp_path: Path) -> Path:
    """A house style: the default template with Heading 1 in dark red 16 pt and body text in Georgia."""
    doc = docx.Document(io.BytesIO(default_template_bytes()))
    heading = doc.styles["Heading 1"]
    heading.font.color.rgb = RGBColor(0x8B, 0x00, 0x00)
    heading.font.size = Pt(16)
    doc.styles["Normal"].font.name = "Georgia"
    path = tmp_path / "house-style.docx"
    doc.save(str(path))
    return path


def test_house_style_template_styles_the_briefing(tmp_path: Path, seed: Transcript) -> None:
    template = _restyled(tmp_path)
    data = stenogram.export(seed, "docx", template=str(template), marking="OFFICIAL")
    assert isinstance(data, bytes)
    doc = docx.Document(io.BytesIO(data))
    heading = doc.styles["Heading 1"]
    assert heading.font.color.rgb == RGBColor(0x8B, 0x00, 0x00) and heading.font.size == Pt(16)
    assert doc.styles["Normal"].font.name == "Georgia"
    assert next(p.text for p in doc.paragraphs if p.style.name == "Heading 1") == "Participants"


def test_template_content_is_not_copied(tmp_path: Path, seed: Transcript) -> None:
    doc = docx.Document(io.BytesIO(default_template_bytes()))
    doc.add_paragraph("Delete me: template boilerplate")
    path = tmp_path / "with-content.docx"
    doc.save(str(path))
    out = docx.Document(io.BytesIO(build_briefing(seed, BriefingOptions(template=path))))
    assert all("Delete me" not in p.text for p in out.paragraphs)


def test_briefings_share_the_template_parts_they_only_read(tmp_path: Path, seed: Transcript) -> None:
    """A template is prepared once per process; what briefings share is never written to, whatever the template."""
    from stenogram_docx.template import open_template

    for path in (None, _restyled(tmp_path)):
        first = open_template(path)
        assert any(part.partname.endswith("styles.xml") for part in first.shared)
        a = build_briefing(seed, BriefingOptions(template=path, marking="OFFICIAL"))
        b = build_briefing([seed, seed], BriefingOptions(template=path))
        again = open_template(path)
        assert again.shared is first.shared and again.document is not first.document
        assert all(part.blob == blob for part, blob in again.shared.items())  # as serialised before any briefing
        assert build_briefing(seed, BriefingOptions(template=path, marking="OFFICIAL")) == a
        assert build_briefing([seed, seed], BriefingOptions(template=path)) == b


def test_missing_styles_fall_back_to_the_built_in_ones(tmp_path: Path, seed: Transcript) -> None:
    doc = docx.Document(io.BytesIO(default_template_bytes()))
    for name in ("Speaker Label", "Briefing Table", "Transcript Note"):
        doc.styles[name].delete()
    path = tmp_path / "incomplete.docx"
    doc.save(str(path))
    out = docx.Document(io.BytesIO(build_briefing(seed, BriefingOptions(template=path))))
    names = {s.name for s in out.styles}
    assert {"Speaker Label", "Briefing Table", "Transcript Note"} <= names
    assert out.styles["Transcript Note"].base_style.name == "Normal"
    assert any(p.style.name == "Transcript Note" for p in out.paragraphs)


def test_python_docx_default_template_works_in_its_own_font(tmp_path: Path, seed: Transcript) -> None:
    """Issue 12 item 7: a plain ``docx.Document()`` with only Normal restyled is a usable template."""
    plain = docx.Document()
    plain.styles["Normal"].font.name = "DejaVu Serif"
    path = tmp_path / "plain.docx"
    plain.save(str(path))
    out = docx.Document(io.BytesIO(build_briefing(seed, BriefingOptions(template=path))))
    assert {name for name, _ in REQUIRED_STYLES} <= {s.name for s in out.styles}
    assert out.styles["Normal"].font.name == "DejaVu Serif"
    # Every style the briefing added inherits the font: none names one of its own.
    for style_name in ("Briefing Purpose", "Transcript Text", "Table Text", "Briefing Metadata"):
        style = out.styles[style_name]
        assert style.font.name is None and style.base_style.name == "Normal", style_name
    bullets = [p for p in out.paragraphs if p.style.name == "List Bullet"]
    assert bullets, "the briefing lists key points"


def test_style_of_the_wrong_kind_is_reported(tmp_path: Path, seed: Transcript) -> None:
    doc = docx.Document(io.BytesIO(default_template_bytes()))
    doc.styles["Speaker Label"].delete()
    from docx.enum.style import WD_STYLE_TYPE

    doc.styles.add_style("Speaker Label", WD_STYLE_TYPE.PARAGRAPH)
    path = tmp_path / "wrong-kind.docx"
    doc.save(str(path))
    with pytest.raises(TemplateError) as info:
        build_briefing(seed, BriefingOptions(template=path))
    assert info.value.missing == ("Speaker Label (character style; the template defines it as another kind)",)


@pytest.mark.parametrize(
    ("content", "problem"),
    [(b"not a zip at all", "not a zip archive"), (None, "cannot read the template")],
)
def test_unusable_template_files(tmp_path: Path, seed: Transcript, content: bytes | None, problem: str) -> None:
    path = tmp_path / "broken.docx"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(TemplateError, match=problem):
        build_briefing(seed, BriefingOptions(template=path))


def test_dotx_templates_are_accepted(tmp_path: Path, seed: Transcript) -> None:
    """Word saves house styles as .dotx: the same package with the template content type."""
    src = zipfile.ZipFile(io.BytesIO(default_template_bytes()))
    path = tmp_path / "house.dotx"
    with zipfile.ZipFile(path, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "[Content_Types].xml":
                data = data.replace(b"document.main+xml", b"template.main+xml")
                assert b"template.main+xml" in data
            dst.writestr(info, data)
    out = docx.Document(io.BytesIO(build_briefing(seed, BriefingOptions(template=path))))
    assert any(p.style.name == "Heading 1" for p in out.paragraphs)


SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
PDFFONTS = shutil.which("pdffonts")


@pytest.mark.skipif(
    not (SOFFICE and PDFFONTS),
    reason="LibreOffice (soffice) or poppler-utils (pdffonts) is not installed;"
    " .ci/run installs libreoffice-writer-nogui and poppler-utils",
)
def test_plain_template_font_shows_in_the_rendered_briefing(tmp_path: Path, seed: Transcript) -> None:
    """Rendered by LibreOffice: the body of the briefing is set in the plain template's Normal font."""
    plain = docx.Document()
    plain.styles["Normal"].font.name = "DejaVu Serif"  # installed wherever LibreOffice is (fonts-dejavu)
    template = tmp_path / "plain.docx"
    plain.save(str(template))
    briefing = tmp_path / "briefing.docx"
    briefing.write_bytes(build_briefing(seed, BriefingOptions(template=template)))
    assert SOFFICE is not None and PDFFONTS is not None
    subprocess.run(
        [SOFFICE, f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}", "--headless", "--norestore",
         "--convert-to", "pdf", "--outdir", str(tmp_path), str(briefing)],
        check=True, capture_output=True, timeout=240,
    )  # fmt: skip
    fonts = subprocess.run([PDFFONTS, str(tmp_path / "briefing.pdf")], check=True, capture_output=True, text=True)
    assert "DejaVuSerif" in fonts.stdout, fonts.stdout


def test_a_template_that_marks_no_default_paragraph_style_works(tmp_path: Path, seed: Transcript) -> None:
    """LibreOffice writes .docx files whose Normal is not marked as the default paragraph style."""
    with zipfile.ZipFile(io.BytesIO(default_template_bytes())) as src:
        members = {i.filename: src.read(i) for i in src.infolist()}
    styles = members["word/styles.xml"]
    assert b'w:default="1" w:styleId="Normal"' in styles
    members["word/styles.xml"] = styles.replace(b'w:default="1" w:styleId="Normal"', b'w:styleId="Normal"')
    path = tmp_path / "no-default.docx"
    with zipfile.ZipFile(path, "w") as dst:
        for name, data in members.items():
            dst.writestr(name, data)
    out = docx.Document(io.BytesIO(build_briefing(seed, BriefingOptions(template=path))))
    assert out.styles.default(WD_STYLE_TYPE.PARAGRAPH).name == "Normal"


@pytest.mark.skipif(
    not SOFFICE, reason="LibreOffice (soffice) is not installed; .ci/run installs libreoffice-writer-nogui"
)
def test_a_template_saved_by_libreoffice_works(tmp_path: Path, seed: Transcript) -> None:
    """The default template through LibreOffice (.docx -> .odt -> .docx) keeps working as a template."""
    assert SOFFICE is not None
    (tmp_path / "house.docx").write_bytes(default_template_bytes())
    profile = f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}"
    for target, source in (("odt", "house.docx"), ("docx:MS Word 2007 XML", "house.odt")):
        out_dir = tmp_path / ("odt" if target == "odt" else "docx")
        subprocess.run(
            [SOFFICE, profile, "--headless", "--norestore", "--convert-to", target, "--outdir", str(out_dir),
             str(tmp_path / source if target == "odt" else tmp_path / "odt" / source)],
            check=True, capture_output=True, timeout=240,
        )  # fmt: skip
    saved = tmp_path / "docx" / "house.docx"
    out = docx.Document(io.BytesIO(build_briefing(seed, BriefingOptions(template=saved))))
    assert round(out.sections[0].page_width.cm, 1) == 21.0
    assert any(p.style.name == "Heading 1" for p in out.paragraphs)
