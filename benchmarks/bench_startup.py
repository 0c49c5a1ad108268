"""Start-up: one file to TEI, whole process, ``stenogram convert`` against ``pandoc -f markdown -t tei``.

Usage::

    .venv/bin/python benchmarks/bench_startup.py [--runs 15] [TRANSCRIPT]

Each run is a fresh process (cold: nothing stays loaded between runs), and
the two commands alternate so both see the same machine. Reported: the
median of each and their ratio; the issue's target is at most 3.5x.
Without pandoc only stenogram's time is printed. ``-X importtime`` on the
same command shows what is left on the path.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_cc7df8760118afc5.txt"
SCRIPT = Path(sys.executable).with_name("stenogram")
TARGET = 3.5


def timed(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("transcript", nargs="?", type=Path, default=SEED)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args(argv)
    pandoc = shutil.which("pandoc")
    ours: list[float] = []
    theirs: list[float] = []
    print(f"{args.transcript.name}; load {os.getloadavg()[0]:.2f}")
    with tempfile.TemporaryDirectory() as tmp:
        mine = [str(SCRIPT), "convert", str(args.transcript), "--to", "tei", "-o", str(Path(tmp, "x.xml")), "-q"]
        ref = [pandoc or "pandoc", "-f", "markdown", "-t", "tei", str(args.transcript), "-o", str(Path(tmp, "y.xml"))]
        timed(mine)  # the plugin cache is built once, as on any installed system after its first run
        for _ in range(args.runs):
            ours.append(timed(mine))
            if pandoc:
                theirs.append(timed(ref))
    s = statistics.median(ours)
    if not pandoc:
        print(f"stenogram {s * 1000:.0f} ms (median of {args.runs}); pandoc not installed")
        return 0
    p = statistics.median(theirs)
    ratio = s / p
    verdict = "within" if ratio <= TARGET else "over"
    figures = f"stenogram {s * 1000:.0f} ms, pandoc {p * 1000:.0f} ms (medians of {args.runs})"
    print(f"{figures}: {ratio:.1f}x, {verdict} {TARGET}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
