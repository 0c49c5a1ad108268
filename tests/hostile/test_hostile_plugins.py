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

BODIES = [
    pytest.param("import sys\nsys.exit(3)", id="sys-exit"),
    pytest.param("raise SystemExit('bye')", id="system-exit"),
    pytest.param("class Boom(BaseException):\n    pass\nraise Boom('custom')", id="base-exception"),
    pytest.param("raise GeneratorExit", id="generator-exit"),
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


# -- plugins that misbehave once loaded: their mistakes are named, never a silent exit or a traceback ----------------

_RUNTIME = """
import os, sys
from stenogram.hookspecs import hookimpl

MODE = os.environ.get("EVIL_MODE", "")


def misbehave():
    if MODE == "exit-0":
        sys.exit(0)
    if MODE == "exit-3":
        sys.exit(3)
    if MODE == "base-exception":
        class Boom(BaseException):
            pass
        raise Boom("custom")
    if MODE == "recursion":
        def f():
            f()
        f()


def export(transcript, options):
    misbehave()
    return "fine"


def read(data, name, options):
    misbehave()
    raise RuntimeError("reader bug")


def sniff(head):
    misbehave()
    return False


def export_many(transcripts, sink, options):
    misbehave()
    for _ in transcripts:
        pass
    name = {"nul-name": "a\\0b.txt", "absolute-name": "/tmp/evil.txt", "parent-name": "../evil.txt"}.get(MODE, "ok.txt")
    sink.write(name, b"x")
    return ()


@hookimpl
def stenogram_register_formats(registrar):
    registrar.add_exporter("evil", export, media_type="text/plain", suffix=".evil", description="misbehaves")
    registrar.add_reader("evilr", read, suffixes=(".evilr",), sniff=sniff, description="misbehaves")
    registrar.add_collection_exporter("evilc", export_many, output="folder", description="misbehaves")
"""


def _runtime_env(tmp_path: Path, mode: str) -> dict[str, str]:
    env = _install(tmp_path, _RUNTIME)
    env["EVIL_MODE"] = mode
    env["STENOGRAM_CACHE_DIR"] = str(tmp_path / "cache")
    return env


def _named_failure(done: subprocess.CompletedProcess[str], what: str) -> None:
    assert done.returncode == 1, (done.returncode, done.stderr)
    assert "Traceback" not in done.stderr and what in done.stderr, done.stderr


@pytest.mark.parametrize("mode", ["exit-0", "exit-3", "base-exception", "recursion"])
def test_an_exporter_that_exits_or_raises_anything_is_named(tmp_path: Path, mode: str) -> None:
    env = _runtime_env(tmp_path, mode)
    out = tmp_path / "out.evil"
    _named_failure(_run(env, "convert", str(SEED), "--to", "evil", "-o", str(out)), "exporter 'evil' (evil) failed")
    assert not out.exists()


@pytest.mark.parametrize("mode", ["exit-0", "exit-3", "base-exception"])
def test_a_reader_that_exits_is_named_and_a_sniffer_that_exits_is_passed_over(tmp_path: Path, mode: str) -> None:
    env = _runtime_env(tmp_path, mode)
    source = tmp_path / "in.evilr"
    source.write_bytes(SEED.read_bytes())
    _named_failure(_run(env, "convert", str(source), "--to", "json", "-o", "-"), "reader 'evilr' (evil) failed")
    unnamed = tmp_path / "in"  # no suffix: every sniffer is asked, and ours exits
    unnamed.write_bytes(SEED.read_bytes())
    done = _run(env, "convert", str(unnamed), "--to", "markdown", "-o", "-")
    assert done.returncode == 0 and "Mishustin" in done.stdout, done.stderr


@pytest.mark.parametrize("mode", ["exit-0", "base-exception", "nul-name", "absolute-name", "parent-name"])
def test_a_corpus_format_that_exits_or_asks_for_a_bad_name_is_named(tmp_path: Path, mode: str) -> None:
    env = _runtime_env(tmp_path, mode)
    done = _run(env, "corpus", str(SEED), "--to", "evilc", "--output-dir", str(tmp_path / "out"))
    what = "corpus format 'evilc' (evil) failed" if "name" not in mode else "not a plain relative path"
    _named_failure(done, what)
    assert not (tmp_path / "evil.txt").exists() and not Path("/tmp/evil.txt").exists()


_WRITER = """
import stenogram
from stenogram.hookspecs import hookimpl

def export(transcript, options):
    return "x"

def write(transcript, options, fh):
    fh.write(b"half")
    {body}

@hookimpl
def stenogram_register_formats(registrar):
    registrar.add_exporter("evilw", export, media_type="text/plain", suffix=".evilw", description="x", write=write)
"""


@pytest.mark.parametrize(
    ("body", "what"),
    [("return None", "returned no diagnostics list"), ("fh.close()\n    return ()", "closed the file it was writing")],
    ids=["returns-none", "closes-the-file"],
)
def test_a_write_function_that_breaks_its_contract_is_named_and_writes_nothing(
    tmp_path: Path, body: str, what: str
) -> None:
    # These failed with "unexpected TypeError: 'NoneType' object is not iterable" and "flush of closed file".
    env = _install(tmp_path, _WRITER.format(body=body))
    env["STENOGRAM_CACHE_DIR"] = str(tmp_path / "cache")  # the cache is keyed by name and version, not place
    out = tmp_path / "out.evilw"
    done = _run(env, "convert", str(SEED), "--to", "evilw", "-o", str(out))
    _named_failure(done, what)
    assert not out.exists() and [p.name for p in tmp_path.iterdir() if p.name.startswith(".out")] == []
