"""write_atomic: whole files or nothing, permissions kept, no temp files left behind."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest

from stenogram.atomic import write_atomic
from stenogram.errors import WriteError


def test_writes_text_as_utf8_and_bytes_as_given(tmp_path: Path) -> None:
    assert write_atomic(tmp_path / "a.md", "Привет\n").read_bytes() == "Привет\n".encode()
    assert write_atomic(str(tmp_path / "b.bin"), b"\x00\xff").read_bytes() == b"\x00\xff"


def test_replaces_an_existing_file_and_keeps_its_mode(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o640)
    write_atomic(target, "new")
    assert target.read_text(encoding="utf-8") == "new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


def test_a_new_file_gets_the_usual_mode_not_mkstemps(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        target = write_atomic(tmp_path / "new.txt", "x")
    finally:
        os.umask(old)
    assert stat.S_IMODE(target.stat().st_mode) == 0o644


def test_a_failure_leaves_the_target_and_no_temp_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "out.txt"
    target.write_text("complete old content", encoding="utf-8")

    def fail(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OSError, match="No space"):
        write_atomic(target, "half")
    assert target.read_text(encoding="utf-8") == "complete old content"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


def test_a_missing_directory_is_a_write_error_and_an_os_error(tmp_path: Path) -> None:
    with pytest.raises(WriteError, match=r"nowhere/out\.txt: cannot write") as caught:
        write_atomic(tmp_path / "nowhere" / "out.txt", "x")
    assert isinstance(caught.value, OSError) and caught.value.errno == errno.ENOENT


def test_a_device_or_pipe_is_written_to_not_replaced(tmp_path: Path) -> None:
    """``-o /dev/null`` must not swap the device for a regular file (it did, run as root); a pipe stands in."""
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
    try:
        write_atomic(fifo, "through the pipe\n")
        assert os.read(reader, 100) == b"through the pipe\n"
    finally:
        os.close(reader)
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pipe"]


def test_a_symbolic_link_is_kept_and_its_target_replaced(tmp_path: Path) -> None:
    real = tmp_path / "real.md"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "link.md"
    link.symlink_to(real)
    write_atomic(link, "new")
    assert link.is_symlink() and real.read_text(encoding="utf-8") == "new"
