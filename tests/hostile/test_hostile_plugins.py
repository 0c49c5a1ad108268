"""Hostile plugins: one that exits, raises anything or fails at import must not take stenogram down.

Each plugin is a real installed distribution (a ``.dist-info`` beside its module
on ``PYTHONPATH``) and stenogram runs in a child process, exactly as a user
runs it; the child has a timeout, so a plugin that hangs the host fails the
test instead of the suite. Plugins are trusted code (docs/security.md): these
tests are about mistakes, which must be named, not about containing malice.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_cc7df8760118afc5.txt"
_I14 = pytest.mark.xfail(strict=False, reason="fixed on branch i14 (plugin loading catches BaseException)")

BODIES = [
    pytest.param("import sys\nsys.exit(3)", id="sys-exit", marks=_I14),
    pytest.param("raise SystemExit('bye')", id="system-exit", marks=_I14),
    pytest.param("class Boom(BaseException):\n    pass\nraise Boom('custom')", id="base-exception", marks=_I14),
    pytest.param("raise GeneratorExit", id="generator-exit", marks=_I14),
    pytest.param("def f():\n    f()\nf()", id="recursion"),
    pytest.param("1 / 0", id="zero-division"),
    pytest.param("import stenogram_no_such_module", id="missing-import"),
]


def _install(root: Path, body: str) -> dict[str, str]:
    """A distribution ``stenogram-evil`` whose entry point imports a module running ``body``."""
    (root / "stenogram_evil.py").write_text(body + "\n", encoding="utf-8")
    info = root / "stenogram_evil-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: stenogram-evil\nVersion: 1.0\n", encoding="utf-8")
    (info / "entry_points.txt").write_text("[stenogram]\nevil = stenogram_evil\n", encoding="utf-8")
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(root), env.get("PYTHONPATH", "")) if p)
    return env


def _run(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "stenogram", *args], env=env, capture_output=True, text=True, timeout=60, check=False
    )


@pytest.mark.parametrize("body", BODIES)
def test_a_plugin_failing_at_import_is_named_and_the_rest_keep_working(tmp_path: Path, body: str) -> None:
    """Issue 15 problem 3: ``sys.exit()`` in a plugin's import ended every command, with no message."""
    env = _install(tmp_path, body)
    converted = _run(env, "convert", str(SEED), "--to", "markdown", "-o", "-")
    assert converted.returncode == 0, converted.stderr
    assert "Mishustin" in converted.stdout
    listed = _run(env, "plugins")
    assert listed.returncode == 0, listed.stderr
    assert "evil" in listed.stdout + listed.stderr
