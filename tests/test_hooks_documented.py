"""Every hook specification is documented and tested (the check datasette runs on its own hooks)."""

from __future__ import annotations

import inspect
import re
from pathlib import Path

import pytest

from stenogram import hookspecs

ROOT = Path(__file__).resolve().parents[1]
REFERENCE = ROOT / "docs" / "plugins.md"
HOOKS = sorted(
    name
    for name, value in vars(hookspecs).items()
    if name.startswith("stenogram_") and inspect.isfunction(value) and hasattr(value, "stenogram_spec")
)


def test_there_are_hooks() -> None:
    assert HOOKS == ["stenogram_register_formats"]


@pytest.mark.parametrize("hook", HOOKS)
def test_hook_has_a_reference_section(hook: str) -> None:
    headings = re.findall(r"^#{2,4} (\S+)\s*$", REFERENCE.read_text(encoding="utf-8"), flags=re.MULTILINE)
    assert hook in headings, f"docs/plugins.md needs a '### {hook}' section"


@pytest.mark.parametrize("hook", HOOKS)
def test_hook_reference_states_its_result_rule(hook: str) -> None:
    text = REFERENCE.read_text(encoding="utf-8")
    section = text.split(f"### {hook}", 1)[1].split("\n### ", 1)[0].split("\n## ", 1)[0]
    assert "**Result rule.**" in section


@pytest.mark.parametrize("hook", HOOKS)
def test_hook_docstring_states_how_results_combine(hook: str) -> None:
    doc = inspect.getdoc(getattr(hookspecs, hook)) or ""
    assert "Result rule:" in doc


@pytest.mark.parametrize("hook", HOOKS)
def test_hook_has_a_test_of_its_own(hook: str) -> None:
    tests = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "tests").glob("test_*.py"))
    assert re.search(rf"^def test_hook_{hook}\b", tests, flags=re.MULTILINE), f"add a test named test_hook_{hook}"
