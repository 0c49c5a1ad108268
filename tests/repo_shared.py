"""Where the tests find ``../shared`` (corpus, schemas, scorers), and how they skip without it.

A fresh clone has nothing beside it, so every test that reads ``../shared``
skips with a reason that starts with ``SKIP_PREFIX``. CI has ``../shared``
and sets ``STENOGRAM_REQUIRE_SHARED=1``: the root ``conftest.py`` then turns
each such skip into a failure, so a moved file cannot quietly test less.
Tests import this module by name (``pythonpath = ["tests"]`` in pyproject.toml).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
REQUIRE_VARIABLE = "STENOGRAM_REQUIRE_SHARED"
SKIP_PREFIX = "needs ../shared"

__all__ = [
    "REQUIRE_VARIABLE",
    "ROOT",
    "SHARED",
    "SKIP_PREFIX",
    "needs_shared",
    "required",
    "shared",
    "shared_files",
    "skip_if_missing",
    "skip_reason",
    "skip_unless_shared",
]


def shared(*parts: str) -> Path:
    """A path under ``../shared``, whether or not it is there."""
    return SHARED.joinpath(*parts)


def required() -> bool:
    """Whether a missing ``../shared`` file is a failure (CI) rather than a skip."""
    return os.environ.get(REQUIRE_VARIABLE, "").strip().lower() in {"1", "true", "yes", "on"}


def skip_reason(*parts: str) -> str:
    where = "/".join(parts)
    return f"{SKIP_PREFIX}/{where}: not found beside the repository"


def needs_shared(*parts: str) -> pytest.MarkDecorator:
    """A mark that skips the test (or module, as ``pytestmark``) when ``../shared/<parts>`` is absent."""
    return pytest.mark.skipif(not shared(*parts).exists(), reason=skip_reason(*parts))


def skip_unless_shared(*parts: str) -> Path:
    """Inside a test or fixture: the path, or a skip naming what is missing."""
    path = shared(*parts)
    if not path.exists():
        pytest.skip(skip_reason(*parts))
    return path


def shared_files(pattern: str) -> list[Any]:
    """Files under ``../shared`` matching ``pattern``, as parameters with readable ids.

    Without ``../shared`` the list holds one skipped parameter, so the test
    is reported as skipped with the reason instead of vanishing.
    """
    files = sorted(SHARED.glob(pattern))
    if not files:
        return [pytest.param(None, id="no-shared", marks=pytest.mark.skip(reason=skip_reason(pattern)))]
    return [pytest.param(f, id=f"{f.parent.name}/{f.name}") for f in files]


def skip_if_missing(*paths: Path) -> None:
    """Inside a test: skip, naming the first of ``paths`` (under ``../shared``) that is absent."""
    for path in paths:
        if not path.exists():
            try:
                where = path.resolve().relative_to(SHARED.resolve()).as_posix()
            except ValueError:
                where = str(path)
            pytest.skip(skip_reason(where))
