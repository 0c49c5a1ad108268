"""Shared by the hostile-input tests: running a case in a child process with a memory cap and a timeout.

A regression that makes a case run away (memory or time) must fail the test,
not hang the suite or take the machine down: the child gets ``RLIMIT_AS`` and
is killed after ``timeout`` seconds. It reports its peak RSS (``VmHWM``,
which sees libxml2's memory that ``tracemalloc`` does not, and unlike
``ru_maxrss`` does not start from the parent's peak); take ``peak_mb()``
before ``deep_mb()``, whose walk needs memory of its own.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

_PRELUDE = """
import json, resource, sys
resource.setrlimit(resource.RLIMIT_AS, ({limit}, {limit}))
sys.path.insert(0, {tests!r})
from memprobe import deep_mb, peak_mb, reset_peak
def rss_mb():
    # Also starts VmHWM again from here, so that building the input does not count in peak_mb().
    return reset_peak()
def report(**values):
    values.setdefault("peak_mb", peak_mb())
    print(json.dumps(values))
"""


def run_limited(
    code: str, *, memory_mb: int = 1024, timeout: float = 60.0, params: dict[str, Any] | None = None
) -> dict[str, Any]:
    """Run ``code`` (which calls ``report(...)``, and sees ``params`` as ``PARAMS``) in a child.

    Returns the child's report; a crash, a ``MemoryError`` or a timeout fails the test.
    """
    limit = memory_mb * 1024 * 1024
    script = (
        _PRELUDE.format(limit=limit, tests=str(Path(__file__).resolve().parents[1]))
        + f"PARAMS = json.loads({json.dumps(params or {})!r})\n"
    )
    script += textwrap.dedent(code)
    try:
        proc = subprocess.run(
            [sys.executable, "-c", script], capture_output=True, text=True, timeout=timeout, check=False
        )
    except subprocess.TimeoutExpired:
        raise AssertionError(f"ran longer than {timeout} s") from None
    assert proc.returncode == 0, f"child failed ({proc.returncode}): {proc.stderr[-2000:]}"
    result: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    return result


#: Runs ``code`` in a memory-capped child with a timeout; see :func:`run_limited`.
Limited = Callable[..., dict[str, Any]]

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
SEED = ROOT / "seeds" / "000_cc7df8760118afc5.txt"


@pytest.fixture
def limited() -> Limited:
    return run_limited


def _shared(*parts: str) -> Path:
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"needs {path} (the shared corpus beside the repository)")
    return path


@pytest.fixture
def shared() -> Callable[..., Path]:
    """A path in ``../shared``; skips the test with a reason when it is absent."""
    return _shared


@pytest.fixture
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")
