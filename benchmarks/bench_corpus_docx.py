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
falls on both; each is wall time of its whole run, best and median reported,
and the CPU time (user + system) of the processes it ran, which the load of a
shared machine disturbs less. With ``--check`` the script exits 1 when ours
takes more than half of pandoc's best time (the budget of issue 12).
"""

from __future__ import annotations

import argparse
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from corpus_folders import CORPUS
from corpus_folders import transcripts as corpus

BUDGET = 0.5  # of pandoc's loop


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def ours(files: list[Path], out: Path) -> tuple[float, float]:
    """Wall and CPU seconds of one ``stenogram convert`` of all the files."""
    stenogram = Path(sys.executable).with_name("stenogram")
    command = [str(stenogram), "convert", *map(str, files), "--to", "docx", "--output-dir", str(out), "-q"]
    start, cpu = time.perf_counter(), _children_cpu()
    subprocess.run(command, check=True, capture_output=True)
    return time.perf_counter() - start, _children_cpu() - cpu


def pandocs(pandoc: str, files: list[Path], out: Path) -> tuple[float, float]:
    """Wall and CPU seconds of one ``pandoc`` process per file."""
    start, cpu = time.perf_counter(), _children_cpu()
    for f in files:
        subprocess.run([pandoc, "-f", "markdown", "-t", "docx", "-o", str(out / f"{f.stem}.docx"), str(f)], check=True)
    return time.perf_counter() - start, _children_cpu() - cpu


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
    mine_cpu: list[float] = []
    theirs_cpu: list[float] = []
    with tempfile.TemporaryDirectory() as tmp:
        for k in range(args.rounds):
            a, b = Path(tmp) / f"s{k}", Path(tmp) / f"p{k}"
            b.mkdir()
            wall, cpu = ours(files, a)
            mine.append(wall)
            mine_cpu.append(cpu)
            wall, cpu = pandocs(pandoc, files, b)
            theirs.append(wall)
            theirs_cpu.append(cpu)
            print(
                f"round {k + 1}: stenogram convert {mine[-1]:6.2f} s (CPU {mine_cpu[-1]:6.2f} s)"
                f"   pandoc loop {theirs[-1]:6.2f} s (CPU {theirs_cpu[-1]:6.2f} s)"
            )
    ratio = min(mine) / min(theirs)
    print(
        f"best: stenogram {min(mine):.2f} s (median {statistics.median(mine):.2f}),"
        f" pandoc {min(theirs):.2f} s (median {statistics.median(theirs):.2f}): {ratio:.2f} of pandoc's time"
    )
    print(
        f"CPU: stenogram {min(mine_cpu):.2f} s (median {statistics.median(mine_cpu):.2f}),"
        f" pandoc {min(theirs_cpu):.2f} s (median {statistics.median(theirs_cpu):.2f}):"
        f" {min(mine_cpu) / min(theirs_cpu):.2f} of pandoc's CPU time"
    )
    verdict = "met" if ratio <= BUDGET else "MISSED"
    print(f"budget: at most {BUDGET} of pandoc's loop: {verdict}")
    return 1 if args.check and ratio > BUDGET else 0


if __name__ == "__main__":
    sys.exit(main())
