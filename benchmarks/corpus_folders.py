"""The corpus the batch and DOCX benchmarks convert: the transcripts of the original corpus folders.

One list, so that ``bench_batch.py`` and ``bench_corpus_docx.py`` time the same 139 files.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
FOLDERS = (
    "kremlin_en",
    "kremlin_dev",
    "whitehouse_md",
    "miller_center",
    "debates_rev",
    "europarl_v7",
    "ungdc",
    "legco_zh",
)


def transcripts() -> list[Path]:
    """The transcripts of ``FOLDERS`` in name order (the truth files beside them are not transcripts)."""
    return sorted(p for folder in FOLDERS for p in (CORPUS / folder).glob("*.txt"))
