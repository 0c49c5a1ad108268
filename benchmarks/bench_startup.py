"""Start-up: one file to TEI, whole process, ``stenogram convert`` against ``pandoc -f markdown -t tei``.

Usage::

    .venv/bin/python benchmarks/bench_startup.py [--runs 21] [TRANSCRIPT]

Each run is a fresh process (cold: nothing stays loaded between runs), and
the two commands alternate so both see the same machine. Reported: the
median wall-clock time of each, their ratio (the issue's target is at most
3.5x), and the median CPU time (user + system), which a busy machine
disturbs less.

Python caches compiled modules (``__pycache__``), as any installed program
does; an environment that sets ``PYTHONDONTWRITEBYTECODE`` never writes that
cache, so where nothing else wrote it every run compiles every module again.
The benchmark runs both commands without that variable, after one warm-up
run of stenogram that writes the bytecode cache and fills the plugin cache,
as on any installed system after its first run. ``python -X importtime`` on
the same command shows what is left on the path.
"""

from __future__ import annotations

import argparse
import os
import resource
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
NO_BYTECODE = "PYTHONDONTWRITEBYTECODE"


def timed(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall-clock and CPU seconds (user + system) of one run of ``command``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, env=env)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("transcript", nargs="?", type=Path, default=SEED)
    parser.add_argument("--runs", type=int, default=21)
    args = parser.parse_args(argv)
    pandoc = shutil.which("pandoc")
    env = dict(os.environ)
    env.pop(NO_BYTECODE, None)
    ours: list[tuple[float, float]] = []
    theirs: list[tuple[float, float]] = []
    load = os.getloadavg()[0]
    print(f"{args.transcript.name}; {args.runs} alternating runs; bytecode cache on; load {load:.2f}")
    with tempfile.TemporaryDirectory() as tmp:
        mine = [str(SCRIPT), "convert", str(args.transcript), "--to", "tei", "-o", str(Path(tmp, "x.xml")), "-q"]
        ref = [pandoc or "pandoc", "-f", "markdown", "-t", "tei", str(args.transcript), "-o", str(Path(tmp, "y.xml"))]
        timed(mine, env)  # writes the bytecode and plugin caches, as any installed system has after its first run
        for _ in range(args.runs):
            ours.append(timed(mine, env))
            if pandoc:
                theirs.append(timed(ref, env))
    s_wall, s_cpu = (statistics.median(x) * 1000 for x in zip(*ours, strict=True))
    if not pandoc:
        print(f"stenogram {s_wall:.0f} ms wall, {s_cpu:.0f} ms CPU (medians); pandoc not installed")
        return 0
    p_wall, p_cpu = (statistics.median(x) * 1000 for x in zip(*theirs, strict=True))
    ratio = s_wall / p_wall
    verdict = "within" if ratio <= TARGET else "over"
    print(f"wall: stenogram {s_wall:.0f} ms, pandoc {p_wall:.0f} ms (medians): {ratio:.1f}x, {verdict} {TARGET}x")
    print(f"CPU:  stenogram {s_cpu:.0f} ms, pandoc {p_cpu:.0f} ms (medians): {s_cpu / p_cpu:.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
