"""Run the shared fidelity scorer on every set with truth and fail below its targets or the naive baseline.

The scorer and the truth files live in ../shared. Each set has the targets
of the parser issue, written with three or four decimals; turn F1,
paragraph F1 and coverage must also be at least the naive line regex's
(``--baseline``) on the same set (label accuracy is exempt: the baseline
only finds the easy turns). See docs/parser.md for the scores and what the
remaining differences are.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SETS: dict[str, tuple[tuple[str, ...], dict[str, float]]] = {
    "kremlin": (
        ("kremlin_en", "kremlin_dev"),
        {"turn_f1": 0.995, "label_acc": 0.99, "para_f1": 0.95, "coverage": 0.9995},
    ),
    "parlamint_at": (("parlamint_at",), {"turn_f1": 0.98, "label_acc": 0.98, "para_f1": 0.95, "coverage": 0.995}),
    "aus_hansard_hist": (
        ("aus_hansard_hist",),
        {"turn_f1": 0.98, "label_acc": 0.98, "para_f1": 0.95, "coverage": 0.995},
    ),
}
NOT_BELOW_BASELINE = ("turn_f1", "para_f1", "coverage")


def score(dirs: list[str], *extra: str) -> dict[str, str] | None:
    out = subprocess.run(
        [sys.executable, str(SHARED / "tools" / "score_fidelity.py"), *dirs, *extra],
        capture_output=True,
        text=True,
        check=False,
    )
    if out.returncode != 0:
        sys.stderr.write(out.stderr)
        return None
    return dict(part.split("=", 1) for part in out.stdout.split() if "=" in part)


def main() -> int:
    failed: list[str] = []
    for name, (folders, targets) in SETS.items():
        dirs = [str(SHARED / "corpus" / folder) for folder in folders]
        ours, naive = score(dirs), score(dirs, "--baseline")
        if ours is None or naive is None:
            failed.append(f"{name}: the scorer failed")
            continue
        print(name, " ".join(f"{k}={ours.get(k)}" for k in (*targets, "failures")))
        failed += [f"{name}: {k}={ours.get(k)} < {v}" for k, v in targets.items() if float(ours.get(k, 0)) < v]
        failed += [
            f"{name}: {k}={ours.get(k)} below the baseline's {naive.get(k)}"
            for k in NOT_BELOW_BASELINE
            if float(ours.get(k, 0)) < float(naive.get(k, 0))
        ]
        if int(ours.get("failures", 1)):
            failed.append(f"{name}: failures={ours['failures']}")
    for line in failed:
        print("below target:", line)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
