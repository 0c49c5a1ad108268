"""Every code block in README.md, docs/*.md and the plugins' READMEs runs, from a folder outside the repository.

``>>>`` examples are doctests (pytest collects them); files the tutorial shows
are checked by test_tutorial_exporter.py. The rest run here:

- ``python`` blocks of a page run in order in one namespace, and any
  ``test_*`` function they define is called;
- ``sh`` blocks run as one bash script, each command expected to succeed;
- ``console`` blocks run their ``$ `` commands; a command whose shown output
  has ``stenogram: error:`` (or whose comment says it carries on past bad
  files) must fail instead, with a code of its own (not "command not found").

A block preceded by the line ``<!-- shown-only -->`` (optionally with a
reason: ``<!-- shown-only: installs packages -->``) is not run: shell set-up,
installs, cluster addresses. The folder the blocks run in holds what the
docs name: ``seeds/`` with the seed, ``meeting.txt``, ``kremlin.txt``, ``sitting.txt``, and
``corpus/`` with two transcripts and an empty file.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import attrs
import pytest

ROOT = Path(__file__).resolve().parents[1]
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md")), *sorted(ROOT.glob("plugins/*/README.md"))]
SEED = ROOT / "seeds" / "000_cc7df8760118afc5.txt"
SHOWN_ONLY = re.compile(r"<!--\s*shown-only\b[^>]*-->\s*\n\Z")
FENCE = re.compile(
    r"^(?P<fence>`{3,})(?P<lang>[^\s`]*)[^\n]*\n(?P<body>.*?)^(?P=fence)[ \t]*$", re.MULTILINE | re.DOTALL
)
RUN = ("python", "sh", "console")
pytestmark = pytest.mark.slow  # subprocesses: deselect with -m "not slow" for a quick run


@attrs.frozen
class Block:
    page: Path
    line: int
    lang: str
    body: str

    @property
    def id(self) -> str:
        return f"{self.page.relative_to(ROOT)}:{self.line}"


def blocks() -> list[Block]:
    found = []
    for page in PAGES:
        text = page.read_text(encoding="utf-8")
        for m in FENCE.finditer(text):
            lang, body = m["lang"], m["body"]
            if lang not in RUN or SHOWN_ONLY.search(text[: m.start()]):
                continue
            if lang == "python" and body.lstrip().startswith(">>>"):
                continue  # a doctest
            found.append(Block(page, text.count("\n", 0, m.start()) + 1, lang, body))
    return found


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """An empty folder outside the repository, with the files the docs' examples name."""
    work = tmp_path / "work"
    (work / "seeds").mkdir(parents=True)
    (work / "corpus").mkdir()
    shutil.copyfile(SEED, work / "seeds" / SEED.name)
    for name in ("meeting.txt", "kremlin.txt", "sitting.txt", "corpus/a.txt", "corpus/b.txt"):
        shutil.copyfile(SEED, work / name)
    (work / "corpus" / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "home").mkdir()
    return work


def environment(folder: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("STENOGRAM_") or k == "STENOGRAM_CACHE_DIR"}
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    env["HOME"] = str(folder.parent / "home")  # completion scripts and the like land here, not in the real home
    return env


def console_commands(body: str) -> list[tuple[str, bool]]:
    """The ``$ `` commands of a console block, each with whether its shown output is an error."""
    commands: list[tuple[str, bool]] = []
    for line in body.splitlines():
        if line.startswith("$ "):
            command = line[2:]
            commands.append((command, "past bad files" in command))
        elif commands and line.startswith("stenogram: error:"):
            commands[-1] = (commands[-1][0], True)
    return commands


def run_shell(commands: list[tuple[str, bool]], folder: Path) -> list[str]:
    """Run the commands in one bash session; returns a line per command whose exit code was not the expected one."""
    status = folder.parent / "status"
    script = [f'{command}\necho "{n} $?" >> "$BLOCK_STATUS"' for n, (command, _) in enumerate(commands)]
    env = {**environment(folder), "BLOCK_STATUS": str(status)}
    done = subprocess.run(
        ["bash", "-c", "\n".join(script) + "\n"],
        cwd=folder, env=env, capture_output=True, text=True, timeout=600, check=False,
    )  # fmt: skip
    statuses = dict(line.split() for line in status.read_text(encoding="utf-8").splitlines()) if status.exists() else {}
    status.unlink(missing_ok=True)
    problems = []
    for n, (command, fails) in enumerate(commands):
        code = int(statuses.get(str(n), "-1"))
        if (code in (0, 127, -1)) if fails else (code != 0):
            problems.append(
                f"{command!r} exited {code} (expected {'an error' if fails else '0'}): {done.stderr[-2000:]}"
            )
    return problems


@pytest.mark.parametrize("block", blocks(), ids=lambda b: b.id)
def test_the_block_runs(block: Block, folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    if block.lang == "python":
        monkeypatch.chdir(folder)
        namespace: dict[str, Any] = {"__name__": f"docs_block_{block.page.stem}"}
        # Earlier python blocks of the same page first: a page's examples build on each other.
        for earlier in blocks():
            if earlier.page == block.page and earlier.lang == "python" and earlier.line < block.line:
                exec(compile(earlier.body, f"{earlier.id}", "exec"), namespace)
        exec(compile(block.body, block.id, "exec"), namespace)
        for name, value in list(namespace.items()):
            if name.startswith("test_") and callable(value):
                value()
        return
    if block.lang == "sh":
        commands = [(line, "past bad files" in line) for line in block.body.splitlines() if line.strip()]
        commands = [(c, f) for c, f in commands if not c.lstrip().startswith("#")]
    else:
        commands = console_commands(block.body)
    assert commands, "a shell block with no command"
    assert run_shell(commands, folder) == []
