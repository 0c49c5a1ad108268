"""Repository-wide pytest set-up: a skip for a missing ``../shared`` file is a failure when CI asks.

See ``tests/repo_shared.py`` for the helpers that produce those skips.
"""

from __future__ import annotations

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
