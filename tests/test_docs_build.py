"""The documentation builds with every reference resolved, and its inventory has the public API."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_docs_build_nitpicky_and_the_api_is_in_the_inventory(tmp_path: Path) -> None:
    from sphinx.util.inventory import InventoryFile

    out = tmp_path / "html"
    done = subprocess.run(
        [sys.executable, "-m", "sphinx", "-n", "-W", "-q", "-b", "html", str(ROOT / "docs"), str(out)],
        capture_output=True, text=True, check=False, timeout=600,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    with (out / "objects.inv").open("rb") as f:
        inventory = InventoryFile.load(f, "", lambda base, uri: uri)
    documented = {name for kind in ("py:function", "py:class", "py:exception") for name in inventory.get(kind, {})}
    wanted = {
        "stenogram.parse",
        "stenogram.read",
        "stenogram.export",
        "stenogram.export_text",
        "stenogram.export_bytes",
    }
    wanted |= {"stenogram.Transcript", "stenogram.Turn", "stenogram.StenogramError", "stenogram.hookspecs.Registrar"}
    assert wanted <= documented, sorted(wanted - documented)
