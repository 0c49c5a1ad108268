"""Batch conversion: ``stenogram convert FILES --jobs N`` against the serial run, whole command, same files.

Usage::

    .venv/bin/python benchmarks/bench_batch.py [--to summary] [--jobs 2] [--rounds 3]

"The corpus" is the 139 transcripts of the original corpus folders in
``../shared/corpus`` (kremlin_en, kremlin_dev, whitehouse_md,
miller_center, debates_rev, europarl_v7, ungdc, legco_zh). Serial and
parallel runs alternate, each a fresh ``stenogram`` process writing into an
empty folder, with ``SOURCE_DATE_EPOCH`` set; the outputs of every run are
compared byte for byte with the first serial run. The figure is the
median time of each, and their ratio. On a machine shared with other work
the ratio understates what two idle cores give: check ``os.getloadavg()``
printed at the start.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from corpus_folders import CORPUS
from corpus_folders import transcripts as corpus

SCRIPT = Path(sys.executable).with_name("stenogram")


def digest(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def run(files: list[Path], fmt: str, jobs: int, out: Path) -> float:
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000"}
    command = [str(SCRIPT), "convert", *map(str, files), "--to", fmt, "--output-dir", str(out), "-q"]
    if jobs > 1:
        command += ["--jobs", str(jobs)]
    start = time.perf_counter()
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"stenogram failed ({done.returncode}): {done.stderr.strip()[:500]}")
    return elapsed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--to", default="summary", help="export format (default: summary)")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=3, help="serial/parallel pairs, alternating")
    args = parser.parse_args(argv)
    files = corpus()
    if not files:
        print(f"no corpus under {CORPUS}", file=sys.stderr)
        return 2
    print(f"{len(files)} transcripts -> {args.to}; cores {os.cpu_count()}; load {os.getloadavg()[0]:.2f}")
    serial, parallel = [], []
    reference: dict[str, str] | None = None
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(args.rounds):
            for jobs, times in ((1, serial), (args.jobs, parallel)):
                out = Path(tmp, f"{i}-{jobs}")
                times.append(run(files, args.to, jobs, out))
                found = digest(out)
                reference = reference or found
                if found != reference:
                    print(f"DIFFERENT OUTPUT with --jobs {jobs} in round {i + 1}", file=sys.stderr)
                    return 1
                shutil.rmtree(out)
            print(f"round {i + 1}: serial {serial[-1]:.2f} s, --jobs {args.jobs} {parallel[-1]:.2f} s")
    s, p = statistics.median(serial), statistics.median(parallel)
    print(f"median: serial {s:.2f} s, --jobs {args.jobs} {p:.2f} s, speed-up {s / p:.2f}x; same bytes: yes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
