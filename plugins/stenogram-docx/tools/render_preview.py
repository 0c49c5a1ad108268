"""Render a transcript's briefing to PDF and its first page to PNG, as the docs show it.

    .venv/bin/python plugins/stenogram-docx/tools/render_preview.py \\
        seeds/000_cc7df8760118afc5.txt docs/images/docx-briefing-page1.png --marking OFFICIAL

Needs LibreOffice (soffice) and poppler-utils (pdftoppm).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from stenogram_docx import BriefingOptions, build_briefing

import stenogram
from stenogram.atomic import write_atomic


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Render the first page of a transcript's DOCX briefing to PNG.")
    parser.add_argument("transcript", type=Path)
    parser.add_argument("png", type=Path)
    parser.add_argument("--marking", default=None)
    parser.add_argument("--dpi", type=int, default=110)
    parser.add_argument("--pdf", type=Path, default=None, help="also keep the PDF here")
    args = parser.parse_args(argv)
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None or shutil.which("pdftoppm") is None:
        print("needs soffice (LibreOffice) and pdftoppm (poppler-utils)", file=sys.stderr)
        return 2
    data = build_briefing(stenogram.read(args.transcript), BriefingOptions(marking=args.marking))
    with tempfile.TemporaryDirectory(prefix="stenogram-docx-") as tmp:
        work = Path(tmp)
        docx_path = work / "briefing.docx"
        docx_path.write_bytes(data)
        subprocess.run(
            [soffice, f"-env:UserInstallation={(work / 'profile').as_uri()}", "--headless", "--norestore",
             "--convert-to", "pdf", "--outdir", str(work), str(docx_path)],
            check=True, capture_output=True, timeout=240,
        )  # fmt: skip
        pdf = work / "briefing.pdf"
        # -aaVector no: anti-aliased edges of adjacent shaded cells would show as white seams
        pages = ["-f", "1", "-l", "1", "-singlefile", "-aaVector", "no"]
        command = ["pdftoppm", "-png", "-r", str(args.dpi), *pages, str(pdf), str(work / "page")]
        subprocess.run(command, check=True, capture_output=True, timeout=120)
        write_atomic(args.png, (work / "page.png").read_bytes())
        if args.pdf is not None:
            write_atomic(args.pdf, pdf.read_bytes())
    print(args.png)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
