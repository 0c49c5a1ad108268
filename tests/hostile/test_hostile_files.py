"""Hostile file situations: symbolic links, the input as the output, devices, text that cannot be encoded.

The decision on ``-o`` being a symbolic link (docs/security.md): the link is
followed, the file it points to is replaced atomically and the link stays,
so links made on purpose keep working; a link that leads to the input is
refused like the input itself.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import stenogram
from stenogram.atomic import write_atomic
from stenogram.errors import OverwriteError

SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_cc7df8760118afc5.txt"


def _cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "stenogram", *args], cwd=cwd, capture_output=True, text=True, timeout=60, check=False
    )


def test_an_output_symlink_is_written_through_and_stays_a_link(tmp_path: Path) -> None:
    real = tmp_path / "shared" / "briefing.md"
    real.parent.mkdir()
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "latest.md"
    link.symlink_to(real)
    done = _cli("convert", str(SEED), "--to", "markdown", "-o", str(link), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert "Mishustin" in real.read_text(encoding="utf-8")
    assert sorted(p.name for p in real.parent.iterdir()) == ["briefing.md"], "no temp file left behind"


def test_an_output_symlink_to_the_input_is_refused(tmp_path: Path) -> None:
    source = tmp_path / "meeting.txt"
    source.write_bytes(SEED.read_bytes())
    link = tmp_path / "out.md"
    link.symlink_to(source)
    t = stenogram.parse_file(source)
    with pytest.raises(OverwriteError):
        stenogram.export_file(t, "markdown", link, source=source)
    done = _cli("convert", str(source), "--to", "markdown", "-o", str(link), cwd=tmp_path)
    assert done.returncode != 0 and "Traceback" not in done.stderr
    assert source.read_bytes() == SEED.read_bytes()


def test_a_dangling_output_symlink_creates_its_target(tmp_path: Path) -> None:
    link = tmp_path / "out.md"
    link.symlink_to(tmp_path / "created.md")
    write_atomic(link, "text")
    assert link.is_symlink() and (tmp_path / "created.md").read_text(encoding="utf-8") == "text"


def test_text_with_lone_surrogates_is_written_as_utf8(tmp_path: Path) -> None:
    """Issue 15 problem 5, at the last step: whatever text reaches the writer, the write succeeds."""
    target = write_atomic(tmp_path / "x.md", "caf\ud800 and \udfff")
    assert target.read_text(encoding="utf-8") == "caf\ufffd and \ufffd"


def test_a_symlink_loop_fails_cleanly(tmp_path: Path) -> None:
    a, b = tmp_path / "a.md", tmp_path / "b.md"
    a.symlink_to(b)
    b.symlink_to(a)
    t = stenogram.parse_file(SEED)
    with pytest.raises((OSError, stenogram.StenogramError)):
        stenogram.export_file(t, "markdown", a)
    done = _cli("convert", str(SEED), "--to", "markdown", "-o", str(a), cwd=tmp_path)
    assert done.returncode != 0 and "Traceback" not in done.stderr


def test_output_into_a_read_only_directory_fails_without_a_traceback(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root writes into read-only directories")
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        done = _cli("convert", str(SEED), "--to", "markdown", "-o", str(locked / "x.md"), cwd=tmp_path)
    finally:
        locked.chmod(0o700)
    assert done.returncode != 0 and "Traceback" not in done.stderr
