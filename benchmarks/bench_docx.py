"""DOCX speed: the stenogram-docx briefing against ``pandoc -f markdown -t docx``.

Both get the same transcripts: ours the parsed model (analysis and annex
included), pandoc the transcript as Markdown (the ``markdown`` exporter's
output when that plugin is installed). Pandoc only converts; it knows
nothing of speakers, figures or briefings, so it is a floor, not a rival.

    .venv/bin/python benchmarks/bench_docx.py [--repeat 3] [files ...]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from stenogram_docx import build_briefing

import stenogram
from stenogram.model import Note, Transcript

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
DEFAULT_FILES = (
    ROOT / "seeds" / "000_cc7df8760118afc5.txt",
    CORPUS / "kremlin_en" / "2016-03-14_meeting-with-lavrov-and-shoigu.txt",
    CORPUS / "kremlin_en" / "2017-10-19_valdai-club-meeting.txt",
    CORPUS / "kremlin_en" / "2012-12-20_news-conference.txt",
)


def as_markdown(t: Transcript) -> str:
    """The markdown exporter's text when installed, else bold labels and paragraphs."""
    if "markdown" in {f.name for f in stenogram.formats() if f.kind == "exporter"}:
        return str(stenogram.export(t, "markdown"))
    lines = [f"# {t.meeting.title or 'Transcript'}", ""]
    for item in t.body:
        if isinstance(item, Note):
            lines += [f"*{item.text}*", ""]
            continue
        for i, p in enumerate(item.paragraphs):
            lines += [(f"**{item.label}:** " if i == 0 else "") + p.text, ""]
    return "\n".join(lines)


def best(times: list[float]) -> str:
    return f"{min(times):6.3f} s (median {statistics.median(times):.3f})"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("files", nargs="*", type=Path, default=[f for f in DEFAULT_FILES if f.exists()])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    pandoc = shutil.which("pandoc")
    if pandoc is None:
        print("pandoc is not installed (apt-get install pandoc): printing stenogram-docx timings only\n")
    print(f"{'file':48} {'KB':>6}  {'stenogram-docx':28} {'pandoc md->docx':28}")
    for path in args.files:
        t = stenogram.read(path)
        ours: list[float] = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            data = build_briefing(t)
            ours.append(time.perf_counter() - start)
        theirs = ""
        if pandoc is not None:
            markdown = as_markdown(t).encode("utf-8")
            times: list[float] = []
            for _ in range(args.repeat):
                start = time.perf_counter()
                out = subprocess.run(
                    [pandoc, "-f", "markdown", "-t", "docx", "-o", "-"], input=markdown, capture_output=True, check=True
                ).stdout
                times.append(time.perf_counter() - start)
            theirs = f"{best(times)} {len(out) // 1024} KB"
        kb = path.stat().st_size / 1024
        print(f"{path.name[:48]:48} {kb:6.0f}  {best(ours)} {len(data) // 1024:3} KB  {theirs}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
