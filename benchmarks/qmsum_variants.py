"""Score the key points on QMSum with some module constants changed: one JSON per variant, for qmsum_folds.py.

Usage::

    .venv/bin/python benchmarks/qmsum_variants.py OUT_DIR NAME=MODULE.CONSTANT=VALUE[,MODULE.CONSTANT=VALUE] ...
    .venv/bin/python benchmarks/qmsum_variants.py /tmp/v main= spread07=points.SPREAD=0.7 \\
        window16=keysentences.WINDOW=16
    .venv/bin/python benchmarks/qmsum_folds.py /tmp/v/main.json /tmp/v/spread07.json /tmp/v/window16.json

Each variant sets the named constants of ``stenogram.analysis.<MODULE>`` (the
value read as a Python literal), scores every meeting of
``../shared/benchmarks/qmsum_committee`` with ``../shared/tools/score_summary.py``'s
own ``score_case`` (the same summaries, cut and ROUGE as the scorer; the
scorer's ``--json`` format), puts the constants back, and writes
``OUT_DIR/NAME.json``. ``NAME=`` alone scores the code as it is. All variants
run in one process, so comparing a neighbourhood of settings takes seconds per
variant, not a scorer run each. Needs rouge-score, like the scorer.
"""

from __future__ import annotations

import argparse
import ast
import importlib
import importlib.util
import json
import statistics
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CASES = SHARED / "benchmarks" / "qmsum_committee"
SCORER = SHARED / "tools" / "score_summary.py"


def scorer() -> Callable[[tuple[Path, str, int | None, str, int]], dict[str, Any]]:
    """The shared scorer's ``score_case``, loaded from its file."""
    spec = importlib.util.spec_from_file_location("score_summary", SCORER)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load {SCORER}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.score_case  # type: ignore[no-any-return]


def parse_variant(arg: str) -> tuple[str, list[tuple[str, str, object]]]:
    """``NAME=MODULE.CONSTANT=VALUE,...`` as the name and its (module, constant, value) settings."""
    name, _, spec = arg.partition("=")
    settings: list[tuple[str, str, object]] = []
    for item in filter(None, spec.split(",")):
        target, sep, value = item.partition("=")
        module, dot, constant = target.rpartition(".")
        if not (sep and dot and name):
            raise SystemExit(f"not NAME=MODULE.CONSTANT=VALUE: {arg!r}")
        try:
            literal = ast.literal_eval(value)
        except (ValueError, SyntaxError):
            raise SystemExit(f"not a Python literal: {value!r} in {arg!r}") from None
        module_name = f"stenogram.analysis.{module}"
        if not hasattr(importlib.import_module(module_name), constant):
            raise SystemExit(f"{module_name} has no {constant}")
        settings.append((module_name, constant, literal))
    return name, settings


@contextmanager
def changed(settings: list[tuple[str, str, object]]) -> Iterator[None]:
    """The constants set for the duration, then put back."""
    old: list[tuple[object, str, object]] = []
    try:
        for module_name, constant, value in settings:
            module = importlib.import_module(module_name)
            old.append((module, constant, getattr(module, constant)))
            setattr(module, constant, value)
        yield
    finally:
        for owner, constant, value in reversed(old):
            setattr(owner, constant, value)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", type=Path, help="folder for NAME.json")
    ap.add_argument("variants", nargs="+", help="NAME=MODULE.CONSTANT=VALUE[,...]; NAME= for the code as it is")
    args = ap.parse_args(argv)
    if not CASES.is_dir() or not SCORER.is_file():
        print(f"needs {CASES} and {SCORER}", file=sys.stderr)
        return 2
    score_case = scorer()
    cases = sorted(p for p in CASES.glob("*.txt") if p.with_name(p.stem + ".reference.json").exists())
    variants = [(arg, *parse_variant(arg)) for arg in args.variants]  # every argument checked before any work
    args.out.mkdir(parents=True, exist_ok=True)
    for arg, name, settings in variants:
        with changed(settings):
            rows = [score_case((path, "stenogram", None, "document", 0)) for path in cases]
        data = {"system": "stenogram", "order": "document", "words": None, "variant": arg, "cases": rows}
        (args.out / f"{name}.json").write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        means = " ".join(f"{statistics.fmean(r[m] for r in rows):.2f}" for m in ("rouge1", "rouge2", "rougeL"))
        errors = sum(1 for r in rows if r.get("error"))
        print(f"{name:24s} {means} errors={errors}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
