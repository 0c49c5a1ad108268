"""A held-out proxy: ParlaMint sittings of other parliaments rendered as ``parlamint_at/`` was, then scored.

``benchmarks/parlamint_render.py`` renders any ParlaMint / Parla-CLARIN TEI
sitting the way ``../shared/corpus/SOURCES.md`` describes for the Austrian
dev set (speaker note, ``: ``, first segment; a line per further segment;
notes in parentheses on lines of their own). The shared samples are a
Catalan sitting (``El lletrat major (Antoni Bayona Rocamora):``), a
Slovenian committee (``PREDSEDNIK RAFAEL KUŽNIK:``) and the Parla-CLARIN
exemplar; each is rendered with its speaker notes and, as a corpus without
notes would be printed, with the speakers' names, and scored by
``../shared/tools/score_fidelity.py``.
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest
from repo_shared import ROOT, needs_shared, shared

SAMPLES = ("ParlaMint-ES-CT_2015-10-26.xml", "siParl_KPZONOJFSPD-Redna-021-1998-11-25.xml", "Parla-CLARIN-Exemplar.xml")
# What the parser scores on the rendered samples (docs/parser.md); a drop below these fails.
FLOOR = {"turn_f1": 1.0, "label_acc": 1.0, "para_f1": 1.0, "coverage": 1.0}
# Windows of three utterances from every utterance on, as parlamint_at/ cuts its sittings.
WINDOW_FLOOR = {"turn_f1": 1.0, "label_acc": 1.0, "para_f1": 0.99, "coverage": 1.0}


def _renderer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("parlamint_render", ROOT / "benchmarks" / "parlamint_render.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _score(folder: Path, *extra: str) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, str(shared("tools", "score_fidelity.py")), str(folder), "--worst", "0", *extra],
        capture_output=True,
        text=True,
        check=True,
    )
    return {k: float(v) for k, v in (part.split("=", 1) for part in out.stdout.split() if "=" in part)}


@needs_shared("corpus", "parlamint-samples")
@needs_shared("tools", "score_fidelity.py")
@pytest.mark.parametrize("window", [0, 3], ids=["sittings", "windows"])
@pytest.mark.parametrize("names", [False, True], ids=["speaker-notes", "names"])
def test_parlamint_samples_of_other_parliaments_score_like_the_dev_set(
    tmp_path: Path, names: bool, window: int
) -> None:
    render = _renderer()
    for sample in SAMPLES:
        render.render_file(shared("corpus", "parlamint-samples", sample), tmp_path, names=names, window=window)
    scores, naive = _score(tmp_path), _score(tmp_path, "--baseline")
    assert scores["failures"] == 0
    floor = WINDOW_FLOOR if window else FLOOR
    assert all(scores[k] >= v for k, v in floor.items()), scores
    assert all(scores[k] >= naive[k] for k in ("turn_f1", "para_f1", "coverage")), (scores, naive)


@needs_shared("corpus", "parlamint-samples")
def test_the_renderer_prints_notes_names_and_truth_as_the_austrian_set(tmp_path: Path) -> None:
    render = _renderer()
    [text_path] = render.render_file(shared("corpus", "parlamint-samples", "Parla-CLARIN-Exemplar.xml"), tmp_path)
    lines = text_path.read_text(encoding="utf-8").splitlines()
    assert "MILAN KUČAN: Dear Members, Colleagues, ladies and gentlemen!" in lines  # the note's own colon, once
    assert "Boris Johnson: I propose a no-deal Brexit." in lines  # no speaker note: the person's name
    assert "(Applause.)" in lines and "THIRD AMENDMENT" in lines
    truth = json.loads(text_path.with_name(text_path.stem + ".truth.json").read_text(encoding="utf-8"))
    assert truth["turns"][0]["label"] == "MILAN KUČAN"
    assert truth["turns"][2]["label"] == "John Doe"
    # a note after an utterance belongs to it
    assert truth["turns"][2]["paragraphs"][:2] == ["Of course, I will vote in favor.", "(Applause.)"]
    assert not any("THIRD AMENDMENT" in p for t in truth["turns"] for p in t["paragraphs"])  # a heading is no speech
