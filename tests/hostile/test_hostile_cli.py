"""Hostile command lines: option values, worker counts and inputs that must fail cleanly or stay bounded.

Every failure is one line naming what was wrong, no traceback, a non-zero
exit; nothing is written when an option is refused.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import stenogram.executors
from stenogram.cli import main

SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_cc7df8760118afc5.txt"


def _cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "stenogram", *args], cwd=cwd, capture_output=True, text=True, timeout=120, check=False
    )


@pytest.mark.parametrize(
    ("settings", "words"),
    [
        (["--to", "json", "--set", "indent=1000000"], "indent"),
        (["--to", "json", "--set", "indent=99999999999999999999999"], "indent"),
        (["--to", "json", "--set", "indent=-1"], "indent"),
        (["--to", "json", "--set", "=3"], "KEY=VALUE"),
        (["--to", "json", "--set", "nosuch=1"], "nosuch"),
        (["--to", "markdown", "--set", "heading_level=1.5"], "heading_level"),
        (["--to", "markdown", "--set", "include_participants=maybe"], "include_participants"),
        (["--to", "tei", "--set", "profile=../../x"], "profile"),
        (["--to", "docx", "--set", "template=/dev/zero"], "/dev/zero"),
        (["--to", "json", "--parse", "stage_notes=maybe"], "stage_notes"),
        (["--to", "json", "--encoding", "rot13"], "rot13"),
        (["--to", "json", "--encoding", "base64"], "base64"),
        (["--to", "json", "--from", "docx"], "docx"),
    ],
)
def test_bad_option_values_fail_in_one_line_and_write_nothing(tmp_path: Path, settings: list[str], words: str) -> None:
    out = tmp_path / "out.bin"
    done = _cli("convert", str(SEED), *settings, "-o", str(out), cwd=tmp_path)
    assert done.returncode != 0, done.stderr
    assert "Traceback" not in done.stderr and "unexpected" not in done.stderr, done.stderr
    assert words in done.stderr
    assert not out.exists()


@pytest.mark.parametrize(
    "settings",
    [
        ["--to", "csv", "--set", "file_name=../../escaped"],
        ["--to", "csv", "--set", "file_name=/tmp/absolute"],
        ["--to", "parlamint", "--set", "country=../../x"],
        ["--to", "parlamint", "--set", "date=2020-99-99"],
    ],
)
def test_corpus_options_cannot_name_files_outside_the_folder(tmp_path: Path, settings: list[str]) -> None:
    out = tmp_path / "deep" / "out"
    done = _cli("corpus", str(SEED), *settings, "--output-dir", str(out), cwd=tmp_path)
    assert done.returncode != 0 and "Traceback" not in done.stderr, done.stderr
    assert [p for p in tmp_path.rglob("*") if p.is_file()] == []
    assert not Path("/tmp/absolute.csv").exists()


@contextlib.contextmanager
def _recording_jobs(monkeypatch: pytest.MonkeyPatch, seen: list[int]) -> Iterator[None]:
    real = stenogram.executors.open_executor

    def spy(jobs: int = 1, dask: str | None = None) -> Any:
        seen.append(jobs)
        return real(jobs, dask)

    monkeypatch.setattr(stenogram.executors, "open_executor", spy)
    yield


def test_more_jobs_than_files_start_no_more_workers_than_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A process pool forks every worker at once: ``--jobs 100000`` for two files must not fork 100,000 times."""
    seen: list[int] = []
    second = tmp_path / "second.txt"
    second.write_bytes(SEED.read_bytes())
    with _recording_jobs(monkeypatch, seen):
        code = main(["convert", str(SEED), str(second), "--to", "json", "--jobs", "100000", "-q",
                     "--output-dir", str(tmp_path / "out")])  # fmt: skip
    assert code == 0 and seen == [2]
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["000_cc7df8760118afc5.json", "second.json"]


def test_a_report_that_cannot_be_written_is_named(tmp_path: Path) -> None:
    done = _cli("convert", str(SEED), "--to", "json", "--skip-existing", "--output-dir", str(tmp_path / "o"),
                "--report", str(tmp_path), cwd=tmp_path)  # fmt: skip
    assert done.returncode != 0 and "Traceback" not in done.stderr
    assert f"{tmp_path}: cannot write: it is a directory" in done.stderr


def test_escape_sequences_in_file_names_and_transcripts_never_reach_the_terminal(tmp_path: Path) -> None:
    source = tmp_path / "clear\x1b[2Jscreen.txt"
    source.write_text(
        '---\ntitle: "Budget \\e]0;pwned\\a review"\n---\nAnna \x1b[5mPetrova: Good morning, everyone, and welcome.\n',
        encoding="utf-8",
    )
    runs = [
        _cli("inspect", str(source), cwd=tmp_path),
        _cli("convert", str(source), "--to", "json", "-o", str(tmp_path / "missing" / "x.json"), cwd=tmp_path),
        _cli("convert", str(source), "--to", "summary", "-o", "-", cwd=tmp_path),
    ]
    for done in runs:
        shown = done.stdout + done.stderr
        assert not any((ord(c) < 0x20 and c not in "\n") or 0x7F <= ord(c) <= 0x9F for c in shown), repr(shown)
    assert "Petrova" in runs[0].stdout and "cannot write" in runs[1].stderr


@pytest.mark.parametrize("via", ["same name", "symbolic link", "hard link"])
def test_a_report_that_names_an_input_is_refused_before_any_work(tmp_path: Path, via: str) -> None:
    """``--report`` once replaced the input it named with the JSON report."""
    source = tmp_path / "in.txt"
    source.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    before = source.read_bytes()
    report = {"same name": source, "symbolic link": tmp_path / "r.json", "hard link": tmp_path / "h.json"}[via]
    if via == "symbolic link":
        report.symlink_to(source)
    elif via == "hard link":
        report.hardlink_to(source)
    r = _cli("convert", "in.txt", "--to", "json", "--output-dir", "out", "--report", report.name, cwd=tmp_path)
    assert r.returncode == 1 and "Traceback" not in r.stderr, r.stderr
    assert "refusing to overwrite the input" in r.stderr and len(r.stderr.strip().splitlines()) == 1, r.stderr
    assert source.read_bytes() == before
    assert not (tmp_path / "out").exists()


def test_a_line_end_in_a_file_name_keeps_each_message_on_one_line(tmp_path: Path) -> None:
    """A file named ``a<newline>b.txt`` once split the progress line and the one-line error in two."""
    (tmp_path / "a\nb.txt").write_text("Anna Petrova: Good morning.\nIvan Sidorov: Hello.\n", encoding="utf-8")
    proc = _cli("convert", "a\nb.txt", "missing\rx.txt", "--to", "json", "--output-dir", "out", cwd=tmp_path)
    assert proc.returncode == 1
    lines = proc.stderr.splitlines()
    assert any(line.startswith("a\\nb.txt -> ") for line in lines), lines
    assert any(line.startswith("stenogram: error: missing\\rx.txt: ") for line in lines), lines
    assert (tmp_path / "out" / "a\nb.json").is_file()


_NARROW = {
    "ascii": {"PYTHONIOENCODING": "ascii"},
    "c-locale": {"LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0"},
}


@pytest.mark.parametrize("env", _NARROW.values(), ids=_NARROW.keys())
@pytest.mark.parametrize(
    "args", [["inspect", "ü.txt"], ["inspect", "ü.txt", "--json"], ["formats"], ["corpus", "--help"]]
)
def test_a_terminal_that_cannot_show_unicode_gets_escapes_not_a_crash(
    tmp_path: Path, args: list[str], env: dict[str, str]
) -> None:
    # Under PYTHONIOENCODING=ascii or a C locale without UTF-8, "inspect" of a Russian transcript and
    # "formats" (which prints "…") ended with "unexpected UnicodeEncodeError".
    (tmp_path / "ü.txt").write_text("Anna Petrova: Добрый день.\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "stenogram", *args],
        cwd=tmp_path,
        capture_output=True,
        timeout=120,
        env={**os.environ, **env},
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert b"Error" not in done.stderr
    if args[0] == "inspect":  # the name as its own bytes (C locale) or an escape (ascii)
        assert b"Anna Petrova" in done.stdout
        assert "ü.txt".encode() in done.stdout or b"\\xfc.txt" in done.stdout, done.stdout


def test_a_dask_address_dask_cannot_parse_is_one_line(tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    (tmp_path / "in.txt").write_text("Anna Petrova: Good morning.\n", encoding="utf-8")
    done = _cli("convert", "in.txt", "--to", "json", "--output-dir", "o", "--dask", "bogus://x", cwd=tmp_path)
    assert done.returncode == 1 and "cannot reach the scheduler" in done.stderr and "unexpected" not in done.stderr
