"""Analysis and summary time against transcript length: is the cost linear, and is 200 KB under 0.5 s?

Usage::

    .venv/bin/python benchmarks/bench_analysis.py [--step 20000] [--steps 10] [--repeat 3] [--check]

Transcripts of 1x, 2x … 10x ``--step`` characters of speech are assembled from
real turns of the Kremlin corpus (``../shared/corpus/kremlin_en``, every file
in name order, turns taken whole until the size is reached), so longer inputs
are more text of the same kind, not one text repeated. Parsing is not timed;
``stenogram.analysis.analyse`` and the ``summary`` exporter (which runs the
analysis itself) are, best of ``--repeat`` runs, as wall time and as CPU time
of this process (on a shared machine the CPU time is the steadier figure).
The last column divides the time per KB by that of the smallest size: a
linear cost keeps it near 1. With ``--check`` the script exits 1 when the
summary of the 200 KB size takes 0.5 s of CPU or more.

Last, the summary of one real 225 KB transcript, the news conference
``kremlin_en/2012-12-20_news-conference.txt`` (parsed, not timed), best and
median CPU time of ``--repeat`` runs, against issue 12's budget of 0.15 s.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import attrs
from stenogram_summary import SummaryOptions, export_summary

import stenogram
from stenogram import Participant, Transcript, Turn
from stenogram.analysis import analyse

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "kremlin_en"
BUDGET_SECONDS = 0.5
BUDGET_CHARS = 200_000
NEWS_CONFERENCE = CORPUS / "2012-12-20_news-conference.txt"
NEWS_CONFERENCE_BUDGET = 0.15


def pool() -> tuple[list[Turn], dict[str, Participant]]:
    """Every turn of the corpus directory, in file order, and the participants they name."""
    turns: list[Turn] = []
    people: dict[str, Participant] = {}
    for path in sorted(CORPUS.glob("*.txt")):
        t = stenogram.parse_file(path)
        for p in t.participants:
            people.setdefault(p.id, p)
        turns.extend(t.turns)
    return turns, people


def assemble(turns: list[Turn], people: dict[str, Participant], chars: int) -> Transcript:
    body: list[Turn] = []
    size = 0
    for turn in turns:
        if size >= chars:
            break
        body.append(turn)
        size += sum(len(p.text) for p in turn.paragraphs)
    speakers = {t.speaker for t in body}
    return Transcript(participants=tuple(p for pid, p in people.items() if pid in speakers), body=tuple(body))


def fresh(t: Transcript) -> Transcript:
    """An equal transcript that is another object: what the analysis remembers per transcript object (its chair,
    its language, for the digest that follows) is not carried from one timed run to the next."""
    return attrs.evolve(t)


def best_of(repeat: int, t: Transcript, run: Callable[[Transcript], object]) -> tuple[float, float]:
    """The best wall time and the best CPU time over ``repeat`` runs, each on a fresh copy of ``t``."""
    walls, cpus = [], []
    for _ in range(repeat):
        copy = fresh(t)
        wall, cpu = time.perf_counter(), time.process_time()
        run(copy)
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return min(walls), min(cpus)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--step", type=int, default=20_000, help="characters of speech in the 1x transcript")
    parser.add_argument("--steps", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--check", action="store_true", help="exit 1 if the 200 KB summary misses 0.5 s of CPU")
    args = parser.parse_args(argv)

    turns, people = pool()
    available = sum(len(p.text) for t in turns for p in t.paragraphs)
    print(f"corpus pool: {len(turns)} turns, {available / 1000:.0f} KB of speech from {CORPUS}")
    columns = ("size", "words", "analyse wall", "cpu", "summary wall", "cpu", "cpu/KB vs 1x")
    print(" ".join(f"{c:>{w}}" for c, w in zip(columns, (8, 7, 13, 7, 13, 7, 13), strict=True)))
    base = None
    budget_cpu = None
    for k in range(1, args.steps + 1):
        t = assemble(turns, people, k * args.step)
        chars = sum(len(p.text) for p in t.paragraphs)
        a_wall, a_cpu = best_of(args.repeat, t, analyse)
        s_wall, s_cpu = best_of(args.repeat, t, lambda copy: export_summary(copy, SummaryOptions()))
        per_kb = s_cpu / (chars / 1000)
        base = base or per_kb
        print(
            f"{chars / 1000:7.0f}K {t.word_count:7d} {a_wall:12.3f}s {a_cpu:6.3f}s {s_wall:12.3f}s {s_cpu:6.3f}s"
            f" {per_kb / base:12.2f}x"
        )
        if chars >= BUDGET_CHARS and budget_cpu is None:
            budget_cpu = s_cpu
    if budget_cpu is not None:
        verdict = "met" if budget_cpu < BUDGET_SECONDS else "MISSED"
        size = f"{BUDGET_CHARS // 1000} KB"
        print(f"budget: summary of {size} in {budget_cpu:.3f} s CPU (< {BUDGET_SECONDS} s): {verdict}")
        if args.check and budget_cpu >= BUDGET_SECONDS:
            return 1
    if NEWS_CONFERENCE.exists():
        t = stenogram.parse_file(NEWS_CONFERENCE)
        cpus = []
        for _ in range(args.repeat):
            copy = fresh(t)
            cpu = time.process_time()
            export_summary(copy, SummaryOptions())
            cpus.append(time.process_time() - cpu)
        verdict = "met" if min(cpus) <= NEWS_CONFERENCE_BUDGET else "not met"
        print(
            f"{NEWS_CONFERENCE.name} ({NEWS_CONFERENCE.stat().st_size // 1000} KB): summary in {min(cpus):.3f} s CPU"
            f" (median {statistics.median(cpus):.3f}); issue 12's budget {NEWS_CONFERENCE_BUDGET} s: {verdict}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
