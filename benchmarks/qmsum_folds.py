"""Does a change to the key points hold on meetings it was not made on?  Per meeting, per fold, by bootstrap.

Usage::

    ../shared/tools/score_summary.py ../shared/benchmarks/qmsum_committee --json base.json   # before
    ../shared/tools/score_summary.py ../shared/benchmarks/qmsum_committee --json new.json    # after
    .venv/bin/python benchmarks/qmsum_folds.py base.json new.json [more.json ...] [--targets 35 11 22]

(``benchmarks/qmsum_variants.py`` writes such files for changed constants.)

The QMSum committee set holds 30 meetings; held-out meetings of the same
source are scored the same way, so a change is kept only when it is better on
the meetings it was not looked at on. The script prints:

- each meeting's ROUGE-1/2/L change (worst first), and how many went up/down;
- the change of the mean in each fold of 2- and 3-fold splits: two shuffles
  each (fixed seeds), the meetings of each series (``covid_``, ``education_``:
  the name before the last ``_``) dealt round the folds, so each fold holds
  both kinds; the worst fold and the mean over folds;
- the chance that ``--size`` (6) meetings drawn with replacement meet all three
  targets at once, before and after (``--draws`` draws, one fixed seed, the same
  draws for both), which is what a held-out set of that size is asked to do;
- with several new files, what choosing among them and the base would give on
  unseen meetings (nested cross-validation): in each fold the file with the
  largest smallest margin over the targets on the other folds is chosen (the
  base on a tie) and scored on the fold; the means over the meetings so
  predicted, and their bootstrap chance. A set of settings chosen as the best
  of many on all 30 meetings scores higher on them than on new ones: this is
  the estimate of the new ones.

Only the standard library; the JSON files are the scorer's ``--json`` output.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
from collections.abc import Sequence
from pathlib import Path

METRICS = ("rouge1", "rouge2", "rougeL")
SEEDS = (1, 2)  # two shuffles per fold count

Scores = dict[str, tuple[float, float, float]]


def load(path: Path) -> Scores:
    """Each case's ROUGE-1/2/L from a ``score_summary.py --json`` file."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return {row["case"]: tuple(float(row[m]) for m in METRICS) for row in data["cases"]}  # type: ignore[misc]


def folds(cases: Sequence[str], k: int, seed: int) -> list[list[str]]:
    """``k`` folds, each series shuffled by ``seed`` and dealt round the folds in turn."""
    rng = random.Random(seed)
    series: dict[str, list[str]] = {}
    for case in sorted(cases):
        series.setdefault(case.rsplit("_", 1)[0], []).append(case)
    out: list[list[str]] = [[] for _ in range(k)]
    turn = 0
    for name in sorted(series):
        members = series[name]
        rng.shuffle(members)
        for case in members:
            out[turn % k].append(case)
            turn += 1
    return out


def mean(scores: Scores, cases: Sequence[str]) -> tuple[float, float, float]:
    return tuple(statistics.fmean(scores[c][m] for c in cases) for m in range(3))  # type: ignore[return-value]


def chance(scores: Scores, draws: Sequence[Sequence[str]], targets: Sequence[float]) -> float:
    """The share of draws whose means meet every target."""
    met = sum(all(x >= t for x, t in zip(mean(scores, d), targets, strict=True)) for d in draws)
    return met / len(draws)


def fmt(values: Sequence[float]) -> str:
    return " / ".join(f"{v:+.2f}" for v in values)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("base", type=Path, help="scorer JSON before the change")
    ap.add_argument("new", type=Path, nargs="+", help="scorer JSON after the change (several: one per variant)")
    ap.add_argument("--targets", type=float, nargs=3, default=(35.0, 11.0, 22.0), metavar=("R1", "R2", "RL"))
    ap.add_argument("--size", type=int, default=6, help="meetings per bootstrap draw (the held-out set's size)")
    ap.add_argument("--draws", type=int, default=10_000)
    ap.add_argument("--quiet", action="store_true", help="no per-meeting lines")
    args = ap.parse_args(argv)
    base = load(args.base)
    variants = {str(path): load(path) for path in args.new}
    if any(sorted(v) != sorted(base) for v in variants.values()):
        print("the files score different cases", file=sys.stderr)
        return 2
    cases = sorted(base)
    rng = random.Random(12)
    draws = [rng.choices(cases, k=args.size) for _ in range(args.draws)]
    for name, new in variants.items():
        if len(variants) > 1:
            print(f"== {name}")
        compare(base, new, cases, draws, args)
    if len(variants) > 1:
        choose(base, list(variants.values()), cases, draws, args.targets)
    return 0


def compare(base: Scores, new: Scores, cases: list[str], draws: list[list[str]], args: argparse.Namespace) -> None:
    """One change: per meeting, per fold, and the bootstrap chance before and after."""
    delta: Scores = {c: tuple(n - b for n, b in zip(new[c], base[c], strict=True)) for c in cases}  # type: ignore[misc]
    if not args.quiet:
        print(f"{'case':16s} {'R1':>7s} {'R2':>7s} {'RL':>7s}")
        for c in sorted(cases, key=lambda c: sum(delta[c])):
            print(f"{c:16s} {delta[c][0]:+7.2f} {delta[c][1]:+7.2f} {delta[c][2]:+7.2f}")
    up = [sum(1 for c in cases if delta[c][m] > 1e-9) for m in range(3)]
    down = [sum(1 for c in cases if delta[c][m] < -1e-9) for m in range(3)]
    print(f"meetings up: {up[0]}/{up[1]}/{up[2]}, down: {down[0]}/{down[1]}/{down[2]} (R1/R2/RL of {len(cases)})")
    print(
        f"all meetings: {' / '.join(f'{v:.2f}' for v in mean(base, cases))} -> "
        f"{' / '.join(f'{v:.2f}' for v in mean(new, cases))} ({fmt(mean(delta, cases))})"
    )
    for k in (2, 3):
        changes = [mean(delta, fold) for seed in SEEDS for fold in folds(cases, k, seed)]
        worst = tuple(min(ch[m] for ch in changes) for m in range(3))
        avg = tuple(statistics.fmean(ch[m] for ch in changes) for m in range(3))
        print(
            f"{k}-fold ({len(changes)} folds): worst {fmt(worst)}, mean {fmt(avg)}, "
            f"folds better on all three: {sum(all(x > 0 for x in ch) for ch in changes)}/{len(changes)}"
        )
    before, after = chance(base, draws, args.targets), chance(new, draws, args.targets)
    print(f"P({args.size} meetings meet {'/'.join(f'{t:g}' for t in args.targets)}): {before:.1%} -> {after:.1%}")


def margin(scores: Scores, cases: Sequence[str], targets: Sequence[float]) -> float:
    """How far the means clear the target they clear least (negative: one is missed)."""
    return min(x - t for x, t in zip(mean(scores, cases), targets, strict=True))


def choose(
    base: Scores, news: list[Scores], cases: list[str], draws: list[list[str]], targets: Sequence[float]
) -> None:
    """Nested cross-validation of choosing the best of ``base`` and ``news`` on the meetings at hand."""
    print(f"== choosing among the base and {len(news)} variants, judged on meetings not used to choose")
    everyone = [base, *news]
    for k in (2, 3, 5, len(cases)):
        for seed in SEEDS if k < len(cases) else SEEDS[:1]:
            predicted: Scores = {}
            picks = 0
            for fold in folds(cases, k, seed):
                train = [c for c in cases if c not in fold]
                best = max(range(len(everyone)), key=lambda v: (margin(everyone[v], train, targets), v == 0))
                picks += best != 0
                predicted.update({c: everyone[best][c] for c in fold})
            means = " / ".join(f"{v:.2f}" for v in mean(predicted, cases))
            print(
                f"{k}-fold (seed {seed}): {means}, P={chance(predicted, draws, targets):.1%}, "
                f"a variant chosen in {picks} of {k} folds"
            )


if __name__ == "__main__":
    sys.exit(main())
