"""The briefing as a person sees it: rendered by LibreOffice to PDF, read back with pdftotext.

LibreOffice is slow to start, so one session fixture renders both documents
in one call, with a private profile so parallel runs do not collide.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from stenogram_docx import BriefingOptions, build_briefing

from stenogram.analysis import analyse
from stenogram.model import Transcript

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
POPPLER = shutil.which("pdftotext") and shutil.which("pdfinfo")
pytestmark = pytest.mark.skipif(
    not (SOFFICE and POPPLER),
    reason="LibreOffice (soffice) or poppler-utils (pdftotext, pdfinfo) is not installed;"
    " .ci/run installs libreoffice-writer-nogui and poppler-utils",
)
PACK_TITLE = "Kazakhstan briefing pack"


@pytest.fixture(scope="session")
def rendered(tmp_path_factory: pytest.TempPathFactory, seed: Transcript) -> dict[str, Path]:
    """PDFs of the seed's briefing and of a two-meeting pack."""
    out = tmp_path_factory.mktemp("docx-render")
    sources = {
        "briefing": build_briefing(seed, BriefingOptions(marking="OFFICIAL")),
        "pack": build_briefing([seed, seed], BriefingOptions(marking="OFFICIAL", title=PACK_TITLE)),
    }
    for name, data in sources.items():
        (out / f"{name}.docx").write_bytes(data)
    profile = (out / "lo-profile").as_uri()
    assert SOFFICE is not None
    subprocess.run(
        [SOFFICE, f"-env:UserInstallation={profile}", "--headless", "--norestore", "--convert-to", "pdf",
         "--outdir", str(out), *(str(out / f"{n}.docx") for n in sources)],
        check=True, capture_output=True, timeout=240,
    )  # fmt: skip
    pdfs = {name: out / f"{name}.pdf" for name in sources}
    for pdf in pdfs.values():
        assert pdf.exists(), f"LibreOffice wrote no {pdf.name}"
    return pdfs


def pdf_pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    match = re.search(r"^Pages:\s+(\d+)", info, re.MULTILINE)
    assert match, info
    return int(match.group(1))


def pdf_text(pdf: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True).stdout


def test_briefing_renders_every_section(rendered: dict[str, Path], seed: Transcript, seed_title: str) -> None:
    text = pdf_text(rendered["briefing"])
    flat = " ".join(text.split())
    for heading in ("Participants", "Key points", "Key figures", "Annex A: Transcript", "Briefing note", "Purpose:"):
        assert heading in flat, heading
    if analyse(seed).commitments:
        assert "Commitments and next steps" in flat
    assert " ".join(seed_title.split()[:4]) in flat
    assert "Tuesday 23 August 2022" in flat and "OFFICIAL" in flat
    for fact in ("$25 billion", "9.5 percent", "25,000,000,000 USD", "Mikhail Mishustin", "Alikhan Smailov"):
        assert fact in flat, fact
    assert "Mikhail Mishustin: Mr Smailov, I am glad to see you again" in flat


def test_page_x_of_y_matches_the_page_count(rendered: dict[str, Path]) -> None:
    pages = pdf_pages(rendered["briefing"])
    assert 2 <= pages <= 8, "briefing on the first pages, the annex from a new page"
    text = pdf_text(rendered["briefing"])
    footers = re.findall(r"Page (\d+) of (\d+)", text)
    assert footers == [(str(n), str(pages)) for n in range(1, pages + 1)]
    first_page = text.split("\f")[0]
    assert "Annex A" not in first_page


def test_pack_renders_each_meeting_and_both_annexes(rendered: dict[str, Path], seed_title: str) -> None:
    text = " ".join(pdf_text(rendered["pack"]).split())
    assert PACK_TITLE in text and "2 meetings" in text
    assert "Annex A: Transcript of" in text and "Annex B: Transcript of" in text
    briefing_pages = pdf_pages(rendered["briefing"])
    assert pdf_pages(rendered["pack"]) > briefing_pages
