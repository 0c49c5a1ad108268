"""The corpus to DOCX: one serial ``stenogram convert`` against a ``pandoc -f markdown -t docx`` loop.

Usage::

    .venv/bin/python benchmarks/bench_corpus_docx.py [--rounds 3] [--check]

The inputs are the 139 transcripts of the original corpus folders in
``../shared/corpus`` (kremlin_en, kremlin_dev, whitehouse_md, miller_center,
debates_rev, europarl_v7, ungdc, legco_zh). Ours is one process,
``stenogram convert FILES --to docx --output-dir DIR`` (no ``--jobs``): parse,
analysis, digest and briefing of every file. Pandoc's is what a shell loop
costs: one ``pandoc -f markdown -t docx`` process per file on the same text.
The two alternate ``--rounds`` times so that the load of a shared machine
falls on both; each is wall time of its whole run, best and median reported.
With ``--check`` the script exits 1 when ours takes more than half of
pandoc's best time (the budget of issue 12).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
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
BUDGET = 0.5  # of pandoc's loop


def corpus() -> list[Path]:
    """The transcripts of the original folders (truth files are not transcripts)."""
    return sorted(p for folder in FOLDERS for p in (CORPUS / folder).glob("*.txt"))


def ours(files: list[Path], out: Path) -> float:
    stenogram = Path(sys.executable).with_name("stenogram")
    command = [str(stenogram), "convert", *map(str, files), "--to", "docx", "--output-dir", str(out), "-q"]
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    return time.perf_counter() - start


def pandocs(pandoc: str, files: list[Path], out: Path) -> float:
    start = time.perf_counter()
    for f in files:
        subprocess.run([pandoc, "-f", "markdown", "-t", "docx", "-o", str(out / f"{f.stem}.docx"), str(f)], check=True)
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--check", action="store_true", help="exit 1 if ours takes more than half of pandoc's time")
    args = parser.parse_args(argv)
    files = corpus()
    if not files:
        print(f"no transcripts under {CORPUS}", file=sys.stderr)
        return 2
    pandoc = shutil.which("pandoc")
    if pandoc is None:
        print("pandoc is not installed (apt-get install pandoc)", file=sys.stderr)
        return 2
    size = sum(f.stat().st_size for f in files) / 1e6
    print(f"{len(files)} transcripts, {size:.1f} MB, {args.rounds} alternating rounds")
    mine: list[float] = []
    theirs: list[float] = []
    with tempfile.TemporaryDirectory() as tmp:
        for k in range(args.rounds):
            a, b = Path(tmp) / f"s{k}", Path(tmp) / f"p{k}"
            b.mkdir()
            mine.append(ours(files, a))
            theirs.append(pandocs(pandoc, files, b))
            print(f"round {k + 1}: stenogram convert {mine[-1]:6.2f} s   pandoc loop {theirs[-1]:6.2f} s")
    ratio = min(mine) / min(theirs)
    print(
        f"best: stenogram {min(mine):.2f} s (median {statistics.median(mine):.2f}),"
        f" pandoc {min(theirs):.2f} s (median {statistics.median(theirs):.2f}): {ratio:.2f} of pandoc's time"
    )
    verdict = "met" if ratio <= BUDGET else "MISSED"
    print(f"budget: at most {BUDGET} of pandoc's loop: {verdict}")
    return 1 if args.check and ratio > BUDGET else 0


if __name__ == "__main__":
    sys.exit(main())
