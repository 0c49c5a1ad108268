"""Repository-wide pytest set-up: a skip for a missing ``../shared`` file is a failure when CI asks.

See ``tests/repo_shared.py`` for the helpers that produce those skips.
"""

from __future__ import annotations

import os
from collections.abc import Generator
from typing import Any

import pytest
from repo_shared import REQUIRE_VARIABLE, SKIP_PREFIX, required


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Generator[None, Any, None]:
    outcome = yield
    report = outcome.get_result()
    if report.skipped and required() and isinstance(report.longrepr, tuple) and SKIP_PREFIX in str(report.longrepr[2]):
        report.outcome = "failed"
        report.longrepr = f"{report.longrepr[2]} ({REQUIRE_VARIABLE} is set, so this is a failure)"


def pytest_configure(config: pytest.Config) -> None:
    """The plugin cache goes to a folder of this run, never the user's cache directory."""
    import tempfile

    from stenogram.plugincache import CACHE_VARIABLE

    os.environ[CACHE_VARIABLE] = config.stash[_CACHE] = tempfile.mkdtemp(prefix="stenogram-test-cache-")


def pytest_unconfigure(config: pytest.Config) -> None:
    import shutil

    shutil.rmtree(config.stash.get(_CACHE, ""), ignore_errors=True)


_CACHE = pytest.StashKey[str]()
