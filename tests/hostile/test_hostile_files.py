"""Hostile file situations: symbolic links, the input as the output, devices, text that cannot be encoded.

The decision on ``-o`` being a symbolic link (docs/security.md): the link is
followed, the file it points to is replaced atomically and the link stays,
so links made on purpose keep working; a link that leads to the input is
refused like the input itself.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import stenogram
from stenogram.atomic import open_atomic, write_atomic
from stenogram.collection import FolderSink, export_collection
from stenogram.errors import OverwriteError, WriteError

Limited = Callable[..., dict[str, Any]]

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
    with pytest.raises(WriteError, match="symbolic links"):
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


# -- what the file system refuses: a WriteError naming the file and the problem, nothing left behind --------------


def _refused_paths(tmp_path: Path) -> dict[str, tuple[str, str]]:
    """name -> (output path, words the error must hold)."""
    (tmp_path / "a-file").write_text("in the way", encoding="utf-8")
    os.mkfifo(tmp_path / "unread.fifo")
    (tmp_path / "loop-a").symlink_to(tmp_path / "loop-b")
    (tmp_path / "loop-b").symlink_to(tmp_path / "loop-a")
    return {
        "NUL in the name": (str(tmp_path / "a\0b.md"), "NUL"),
        "name too long": (str(tmp_path / ("n" * 300 + ".md")), "too long"),
        "a directory": (str(tmp_path), "directory"),
        "missing folder": (str(tmp_path / "missing" / "x.md"), "no directory"),
        "a file as a folder": (str(tmp_path / "a-file" / "x.md"), "not a directory"),
        "symlink loop": (str(tmp_path / "loop-a"), "symbolic links"),
        "a pipe nobody reads": (str(tmp_path / "unread.fifo"), "pipe"),
        "a full device": ("/dev/full", "space"),
        "empty name": ("", "empty"),
    }


CASES = ("NUL in the name", "name too long", "a directory", "missing folder", "a file as a folder", "symlink loop",
         "a pipe nobody reads", "a full device", "empty name")  # fmt: skip


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("fmt", ["markdown", "docx"])
def test_export_file_refusals_are_write_errors(tmp_path: Path, case: str, fmt: str) -> None:
    path, words = _refused_paths(tmp_path)[case]
    if case == "a full device" and not Path(path).exists():
        pytest.skip("no /dev/full here")
    before = sorted(p.name for p in tmp_path.iterdir())
    t = stenogram.parse("Anna Petrova: Good morning.\n")
    with pytest.raises(WriteError) as caught:
        stenogram.export_file(t, fmt, path)
    assert isinstance(caught.value, OSError) and isinstance(caught.value, stenogram.StenogramError)
    assert words.lower() in str(caught.value).lower()
    assert str(caught.value).startswith(repr(path) if ("\0" in path or not path) else path)
    assert sorted(p.name for p in tmp_path.iterdir()) == before, "nothing written, no temp file left"


@pytest.mark.parametrize("case", CASES)
def test_collection_and_stream_refusals_are_write_errors(tmp_path: Path, case: str) -> None:
    """The table is written in pieces (``open_atomic``): the same refusals."""
    path, words = _refused_paths(tmp_path)[case]
    if case == "a full device" and not Path(path).exists():
        pytest.skip("no /dev/full here")
    with pytest.raises(WriteError, match="(?i)" + words):
        export_collection([stenogram.parse("Anna Petrova: Good morning.\n")], "csv", path)


def test_a_name_near_the_limit_is_written(tmp_path: Path) -> None:
    """The temp file's name adds a prefix and suffix; it must not push a valid name over the limit."""
    target = tmp_path / ("y" * 250 + ".md")
    stenogram.export_file(stenogram.parse("Anna Petrova: Good morning.\n"), "markdown", target)
    with open_atomic(tmp_path / ("z" * 250 + ".csv")) as fh:
        fh.write(b"a,b\n")
    assert sorted(len(p.name) for p in tmp_path.iterdir()) == [253, 254]


def test_a_pipe_with_a_reader_is_written_into_and_stays_a_pipe(tmp_path: Path) -> None:
    """Streamed output (the CSV table) into a pipe: written into it, not renamed over it."""
    fifo = tmp_path / "out.fifo"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    try:
        deadline = time.monotonic() + 10
        while True:  # the writer opens without blocking, so wait until the reader has the pipe open
            try:
                export_collection([stenogram.parse("Anna Petrova: Good morning.\n")], "csv", fifo)
                break
            except WriteError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)
    finally:
        reader.join(timeout=10)
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert got and b"Good morning." in got[0]


def test_permission_denied_names_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Root may write anywhere, so the refusal is the file system's answer given in place of the temp file."""

    def refuse(*args: object, **kwargs: object) -> tuple[int, str]:
        raise PermissionError(13, "Permission denied", str(tmp_path / ".x.md.abc.tmp"))

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    with pytest.raises(WriteError, match=r"x\.md: cannot write: Permission denied") as caught:
        stenogram.export_file(stenogram.parse("Anna Petrova: Hi.\n"), "markdown", tmp_path / "x.md")
    assert caught.value.errno == 13 and ".tmp" not in str(caught.value)


def test_a_disk_that_fills_mid_write_leaves_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "turns.csv"
    target.write_text("old\n", encoding="utf-8")
    with pytest.raises(WriteError, match=r"turns\.csv: cannot write: No space left"), open_atomic(target) as fh:
        fh.write(b"first rows\n")
        raise OSError(28, "No space left on device")  # what a write() into a full disk raises
    assert target.read_text(encoding="utf-8") == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["turns.csv"]


def test_an_exporters_own_os_error_is_not_blamed_on_the_output(tmp_path: Path) -> None:
    """Only failures writing the output become a ``WriteError``; an error about another file passes unchanged."""
    with pytest.raises(FileNotFoundError), open_atomic(tmp_path / "x.csv"):
        (tmp_path / "elsewhere.txt").read_text(encoding="utf-8")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    "args",
    [
        ["convert", "{seed}", "--to", "markdown", "-o", "{tmp}"],
        ["convert", "{seed}", "--to", "markdown", "-o", "{tmp}/missing/x.md"],
        ["convert", "{seed}", "--to", "markdown", "-o", "{tmp}/a-file/x.md"],
        ["convert", "{seed}", "--to", "markdown", "-o", "{tmp}/{long}.md"],
        ["convert", "{seed}", "--to", "markdown", "-o", "{tmp}/unread.fifo"],
        ["convert", "{seed}", "--to", "markdown", "--output-dir", "{tmp}/a-file"],
        ["convert", "{seed}", "--to", "markdown", "--output-dir", "{tmp}/a-file/sub"],
        ["convert", "{seed}", "--to", "markdown", "--jobs", "2", "--output-dir", "{tmp}/a-file"],
        ["convert", "{seed}", "--to", "markdown", "--skip-existing", "--output-dir", "{tmp}/o", "--report", "{tmp}"],
        ["corpus", "{seed}", "--to", "csv", "-o", "{tmp}"],
        ["corpus", "{seed}", "--to", "csv", "-o", "{tmp}/unread.fifo"],
        ["corpus", "{seed}", "--to", "parlamint", "--output-dir", "{tmp}/a-file"],
    ],
    ids=lambda a: " ".join(a[2:]).replace("{", "").replace("}", ""),
)
def test_the_cli_says_cannot_write_without_a_traceback(tmp_path: Path, args: list[str]) -> None:
    _refused_paths(tmp_path)
    filled = [a.format(seed=SEED, tmp=tmp_path, long="n" * 300) for a in args]
    done = _cli(*filled, cwd=tmp_path)
    assert done.returncode != 0
    assert "Traceback" not in done.stderr and "unexpected" not in done.stderr, done.stderr
    assert "cannot write" in done.stderr or "is not a directory" in done.stderr, done.stderr
    leftovers = [p.name for p in tmp_path.rglob("*") if p.name.endswith(".tmp")]
    assert leftovers == []


# -- inputs that are not files: a device never ends, a folder is no transcript ---------------------------------------


@pytest.mark.parametrize("call", ["read", "parse_file"])
def test_a_device_as_input_is_refused_not_read_until_memory_runs_out(call: str, limited: Limited) -> None:
    result = limited(
        """
        import stenogram
        try:
            getattr(stenogram, PARAMS["call"])("/dev/zero")
        except stenogram.ReadError as exc:
            report(error=str(exc))
        """,
        memory_mb=600,
        timeout=30,
        params={"call": call},
    )
    assert "/dev/zero" in result["error"] and "device" in result["error"]


def test_a_device_or_folder_as_input_fails_cleanly_on_the_command_line(tmp_path: Path) -> None:
    for source in ("/dev/zero", str(tmp_path)):
        done = _cli("convert", source, "--to", "json", "-o", str(tmp_path / "out.json"), cwd=tmp_path)
        assert done.returncode != 0 and "Traceback" not in done.stderr and "unexpected" not in done.stderr
        assert source in done.stderr
    assert not (tmp_path / "out.json").exists()


@pytest.mark.parametrize("kind", ["device", "pipe", "folder"])
def test_a_template_that_is_not_a_file_is_a_template_error(tmp_path: Path, kind: str, limited: Limited) -> None:
    """A pipe nobody writes would block forever, ``/dev/zero`` would fill memory: refused before they are opened."""
    path = {"device": "/dev/zero", "pipe": str(tmp_path / "t.fifo"), "folder": str(tmp_path)}[kind]
    if kind == "pipe":
        os.mkfifo(path)
    result = limited(
        """
        import stenogram
        from stenogram_docx import TemplateError
        t = stenogram.parse("Anna Petrova: Good morning, everyone.\\n")
        try:
            stenogram.export(t, "docx", template=PARAMS["path"])
        except TemplateError as exc:
            report(error=str(exc))
        """,
        memory_mb=700,
        timeout=30,
        params={"path": path},
    )
    assert path in result["error"] and "cannot read the template" in result["error"]


def test_a_sidecar_that_is_a_device_is_refused(tmp_path: Path, limited: Limited) -> None:
    source = tmp_path / "meeting.txt"
    source.write_bytes(SEED.read_bytes())
    (tmp_path / "meeting.meta.json").symlink_to("/dev/zero")
    result = limited(
        """
        import stenogram
        try:
            stenogram.read(PARAMS["path"])
        except stenogram.StenogramError as exc:
            report(error=str(exc))
        """,
        memory_mb=600,
        timeout=30,
        params={"path": str(source)},
    )
    assert "meeting.meta.json" in result["error"]


# -- output folders: what a format names from the data, or finds there, never leads out of the folder ---------------


@pytest.mark.parametrize(
    ("args", "planted"),
    [
        (["corpus", "{seed}", "--to", "csv", "--output-dir", "{out}"], "turns.csv"),
        (["corpus", "{seed}", "--to", "parlamint", "--set", "date=2020-01-01", "--output-dir", "{out}"],
         "ParlaMint-XX_2020-01-01.xml"),
        (["convert", "{seed}", "--to", "markdown", "--output-dir", "{out}"], "000_cc7df8760118afc5.md"),
        (["convert", "{seed}", "--to", "markdown", "--jobs", "2", "--output-dir", "{out}"], "000_cc7df8760118afc5.md"),
    ],
    ids=["corpus csv", "corpus parlamint", "convert", "convert --jobs 2"],
)  # fmt: skip
def test_a_symlink_planted_in_the_output_folder_is_not_followed_out(
    tmp_path: Path, args: list[str], planted: str
) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("precious", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / planted).symlink_to(victim)
    done = _cli(*(a.format(seed=SEED, out=out) for a in args), cwd=tmp_path)
    assert done.returncode != 0 and "Traceback" not in done.stderr
    assert "symbolic link out of the output folder" in done.stderr, done.stderr
    assert victim.read_text(encoding="utf-8") == "precious"


def test_a_symlink_within_the_output_folder_is_written_through(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "dated").mkdir()
    (out / "turns.csv").symlink_to(out / "dated" / "turns-2020.csv")
    export_collection([stenogram.parse("Anna Petrova: Good morning, everyone.\n")], "csv", FolderSink(out))
    assert "Good morning" in (out / "dated" / "turns-2020.csv").read_text(encoding="utf-8")


def test_a_corpus_read_from_its_output_folder_does_not_overwrite_its_inputs(tmp_path: Path) -> None:
    out = tmp_path / "ParlaMint-XX"
    first = _cli("corpus", str(SEED), "--to", "parlamint", "--set", "date=2020-01-01", "--output-dir", str(out),
                 cwd=tmp_path)  # fmt: skip
    assert first.returncode == 0, first.stderr
    component = out / "ParlaMint-XX_2020-01-01.xml"
    before = component.read_bytes()
    again = _cli("corpus", str(component), "--to", "parlamint", "--output-dir", str(out), cwd=tmp_path)
    assert again.returncode != 0 and "refusing to overwrite an input" in again.stderr, again.stderr
    assert component.read_bytes() == before


@pytest.mark.parametrize("meeting_id", ["../../../escaped", "/tmp/absolute", "a/b/c", "..", "x\\..\\y", "."])
def test_meeting_ids_never_name_files_outside_the_folder(tmp_path: Path, meeting_id: str) -> None:
    t = stenogram.parse("Anna Petrova: Good morning, everyone.\n", meeting={"id": meeting_id, "date": "2020-01-01"})
    out = tmp_path / "deep" / "out"
    for fmt in ("parlamint", "csv", "docx"):
        export_collection([t], fmt, FolderSink(out / fmt))
    inside = {p.relative_to(tmp_path).parts[:2] for p in tmp_path.rglob("*") if p.is_file()}
    assert inside == {("deep", "out")}


# Arguments of the wrong type: an ArgumentError (a StenogramError and a TypeError) naming the call and the argument,
# not a TypeError from deep inside ("'NoneType' object is not iterable").
_T = stenogram.parse("Anna Petrova: Good morning.\nIvan Sidorov: Hello.\n")


@pytest.mark.parametrize(
    ("call", "names"),
    [
        (lambda: stenogram.parse_file(5), ("parse_file()", "path", "int")),
        (lambda: stenogram.read(None), ("read()", "source", "NoneType")),
        (lambda: stenogram.from_json(5), ("from_json()", "JSON", "int")),
        (lambda: stenogram.export(_T, None), ("export()", "format", "NoneType")),
        (lambda: stenogram.export_text(5, "json"), ("export()", "transcript", "int")),
        (lambda: stenogram.export_bytes(_T, 3), ("export()", "format", "int")),
        (lambda: stenogram.export_file(_T, "json", None), ("export_file()", "path", "NoneType")),
    ],
    ids=["parse_file", "read", "from_json", "export-format", "export-transcript", "export_bytes", "export_file"],
)
def test_an_argument_of_the_wrong_type_is_an_argument_error(call: Any, names: tuple[str, ...]) -> None:
    with pytest.raises(stenogram.ArgumentError) as caught:
        call()
    assert isinstance(caught.value, stenogram.StenogramError)
    assert isinstance(caught.value, TypeError)
    assert all(name in str(caught.value) for name in names), str(caught.value)


def test_read_takes_any_bytes_like_source() -> None:
    data = b"Anna Petrova: Good morning.\nIvan Sidorov: Hello.\n"
    expected = stenogram.to_json(stenogram.read(data))
    assert stenogram.to_json(stenogram.read(bytearray(data))) == expected
    assert stenogram.to_json(stenogram.read(memoryview(data))) == expected


def test_an_output_path_ending_in_a_slash_names_a_folder_and_is_refused(tmp_path: Path) -> None:
    # Path("new/") is Path("new"): the slash was dropped and a file named "new" written where a folder was meant.
    t = stenogram.parse("Anna Petrova: Good morning.\n")
    with pytest.raises(WriteError, match="ends with a slash"):
        stenogram.export_file(t, "json", str(tmp_path / "new") + "/")
    r = _cli("convert", "in.txt", "--to", "json", "-o", "new/", cwd=_with_input(tmp_path))
    assert r.returncode == 1 and "ends with a slash" in r.stderr and "Traceback" not in r.stderr
    assert not (tmp_path / "new").exists()
    with pytest.raises(stenogram.ArgumentError):
        stenogram.export_file(t, "json", tmp_path / "o.json", source=3)  # type: ignore[arg-type]


def _with_input(folder: Path) -> Path:
    (folder / "in.txt").write_text("Anna Petrova: Good morning.\n", encoding="utf-8")
    return folder


@pytest.mark.parametrize(
    ("arguments", "error"),
    [
        ({"inputs": None}, stenogram.ArgumentError),
        ({"inputs": "a.txt"}, stenogram.ArgumentError),
        ({"to": None}, stenogram.ArgumentError),
        ({"to": 5}, stenogram.ArgumentError),
        ({"executor": object()}, stenogram.ArgumentError),
        ({"fail_on": "bogus"}, stenogram.OptionError),
        ({"read_options": {"bogus": 1}}, stenogram.ArgumentError),
        ({"read_options": "fmt=json"}, stenogram.ArgumentError),
    ],
    ids=[
        "inputs-none",
        "inputs-one-string",
        "to-none",
        "to-int",
        "executor-junk",
        "fail-on",
        "read-keyword",
        "read-str",
    ],
)
def test_convert_many_names_a_wrong_argument_before_any_work(
    tmp_path: Path, arguments: dict[str, Any], error: type[Exception]
) -> None:
    # These failed with TypeError from difflib, AttributeError ('object' has no attribute 'submit') or
    # ValueError ("'bogus' is not a valid Severity"), some after the output folder was made.
    from stenogram import convert_many

    (tmp_path / "a.txt").write_text("Anna Petrova: Good morning.\n", encoding="utf-8")
    call: dict[str, Any] = {"inputs": [tmp_path / "a.txt"], "to": "json", "output_dir": tmp_path / "out", **arguments}
    with pytest.raises(error):
        convert_many(call.pop("inputs"), call.pop("to"), **call)
    assert not (tmp_path / "out").exists()
