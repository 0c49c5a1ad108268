#!/usr/bin/env bash
# Set up .venv with the core and every plugin under plugins/, then run the
# main job: the seed transcript into every installed format, in out/.
set -euo pipefail
cd "$(dirname "$0")"

PYTHON=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
editables=(-e ".[dev]")
for dist in plugins/*/; do
    [ -f "$dist/pyproject.toml" ] && editables+=(-e "$dist")
done
.venv/bin/python -m pip install --quiet --disable-pip-version-check "${editables[@]}"
# Compile the sources once, as pip does for an installed wheel: an environment that sets
# PYTHONDONTWRITEBYTECODE would otherwise compile every module again on every run.
.venv/bin/python -m compileall -q src plugins > /dev/null

seed=seeds/000_cc7df8760118afc5.txt
mkdir -p out
.venv/bin/stenogram inspect "$seed"
for fmt in json markdown tei summary docx; do
    .venv/bin/stenogram convert "$seed" --to "$fmt" --output-dir out
done
cat out/000_cc7df8760118afc5.summary.txt
ls -l out
