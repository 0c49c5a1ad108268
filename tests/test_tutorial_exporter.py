"""The "Write an exporter plugin" tutorial works: its files are real, and they run.

The example plugin lives in docs/examples/stenogram-csv/. This test checks
that the tutorial shows those files exactly, discovers the plugin through its
own entry point (in-process, no pip install), runs the example's own tests,
and checks the command output the tutorial prints.
"""

from __future__ import annotations

import importlib.util
import inspect
import re
import sys
import tomllib
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

import stenogram
from stenogram.cli import main
from stenogram.plugins import PluginHost, using_host

ROOT = Path(__file__).resolve().parents[1]
TUTORIAL = ROOT / "docs" / "tutorial-exporter.md"
EXAMPLE = ROOT / "docs" / "examples" / "stenogram-csv"
SEED = ROOT / "seeds" / "000_cc7df8760118afc5.txt"
BLOCK = re.compile(r"^```\{code-block\} \w+\n:caption: (?P<path>\S+)\n\n(?P<body>.*?)^```$", re.MULTILINE | re.DOTALL)


def shown_files() -> dict[str, str]:
    return {m["path"]: m["body"] for m in BLOCK.finditer(TUTORIAL.read_text(encoding="utf-8"))}


def console_block(command: str) -> list[str]:
    """The lines the tutorial shows after ``$ <command>``, up to the end of its console block."""
    text = TUTORIAL.read_text(encoding="utf-8")
    after = text.split(f"$ {command}\n", 1)[1]
    lines = []
    for line in after.splitlines():
        if line.startswith(("$ ", "```")):
            break
        lines.append(line)
    return lines


@pytest.fixture
def csv_host(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[PluginHost]:
    """The example plugin "installed" in-process: its code and a dist-info made from its pyproject.toml on sys.path.

    Discovery then goes through importlib.metadata exactly as after ``pip install``.
    """
    project = tomllib.loads((EXAMPLE / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    info = tmp_path / f"{project['name'].replace('-', '_')}-{project['version']}.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(
        f"Metadata-Version: 2.1\nName: {project['name']}\nVersion: {project['version']}\n", encoding="utf-8"
    )
    points = "".join(f"{k} = {v}\n" for k, v in project["entry-points"]["stenogram"].items())
    (info / "entry_points.txt").write_text(f"[stenogram]\n{points}", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.syspath_prepend(str(EXAMPLE / "src"))
    host = PluginHost.discover(environ={"STENOGRAM_LOAD_PLUGINS": "stenogram-csv"}, strict=True)
    with using_host(host):
        yield host
    sys.modules.pop("stenogram_csv", None)


def load_example_tests() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "stenogram_csv_example_tests", EXAMPLE / "tests" / "test_csv_export.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_tutorial_shows_every_file_exactly() -> None:
    shown = shown_files()
    on_disk = {
        str(p.relative_to(EXAMPLE)): p.read_text(encoding="utf-8")
        for p in EXAMPLE.rglob("*")
        if p.is_file() and p.name != "py.typed" and "__pycache__" not in p.parts
    }
    assert shown == on_disk
    assert (EXAMPLE / "src" / "stenogram_csv" / "py.typed").exists()


def test_the_entry_point_is_what_the_tutorial_says() -> None:
    project = tomllib.loads((EXAMPLE / "pyproject.toml").read_text(encoding="utf-8"))
    assert project["project"]["entry-points"]["stenogram"] == {"csv": "stenogram_csv"}


def test_the_plugin_is_discovered_and_its_own_tests_pass(csv_host: PluginHost) -> None:
    assert csv_host.load_errors == []
    info = csv_host.exporter("csv")
    assert (info.plugin, info.suffix, info.media_type) == ("csv", ".csv", "text/csv")
    module = load_example_tests()
    tests = [f for name, f in vars(module).items() if name.startswith("test_") and inspect.isfunction(f)]
    assert len(tests) == 3
    for test in tests:
        test()


def test_the_seed_converts(csv_host: PluginHost, tmp_path: Path) -> None:
    t = stenogram.read(SEED)
    out = stenogram.export_file(t, "csv", tmp_path / "seed.csv", source=SEED)
    text = out.read_text(encoding="utf-8")
    assert text.startswith("turn,speaker,name,label,paragraph,words,text\n")
    assert "Mikhail Mishustin" in text and "Alikhan Smailov" in text


def test_the_python_the_tutorial_shows_runs(
    csv_host: PluginHost, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Section 6's Python, from an empty folder (docs/tutorial-exporter.md marks it shown-only for the docs test)."""
    text = TUTORIAL.read_text(encoding="utf-8")
    block = text.split("## 6. Use it", 1)[1].split("```python\n", 1)[1].split("```", 1)[0]
    monkeypatch.chdir(tmp_path)
    namespace: dict[str, object] = {}
    exec(compile(block, "tutorial section 6", "exec"), namespace)
    assert str(namespace["table"]).startswith("turn;speaker;name;label")
    assert (tmp_path / "meeting.csv").read_text(encoding="utf-8").startswith("turn,speaker")


@pytest.mark.parametrize("command", ["stenogram formats", "stenogram plugins"])
def test_the_command_output_the_tutorial_prints(
    csv_host: PluginHost, command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(command.split()[1:]) == 0
    actual = capsys.readouterr().out.splitlines()
    expected = [line for line in console_block(command) if line != "..."]
    assert expected, f"the tutorial shows no output for {command}"
    for line in expected:
        assert line in actual
