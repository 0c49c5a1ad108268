"""Repository-wide pytest set-up.

- A skip for a missing ``../shared`` file is a failure when CI asks
  (``STENOGRAM_REQUIRE_SHARED=1``; the helpers are in ``tests/repo_shared.py``).
- Hypothesis profiles: ``dev`` (the default: fewer examples, quick) and ``ci``
  (hypothesis's usual 100 examples, no deadline, derandomised so a failure reproduces); choose
  with ``HYPOTHESIS_PROFILE=ci``. A test's own ``@settings`` still wins.
- The ``slow`` marker is put on tests that run jing, LibreOffice or the whole
  shared corpus, so ``pytest -m "not slow"`` is a quick run.
- The plugin cache goes to a folder of this run, never the user's cache folder.
"""

from __future__ import annotations

import os
from collections.abc import Generator
from typing import Any

import pytest
from hypothesis import settings
from repo_shared import REQUIRE_VARIABLE, SKIP_PREFIX, required

settings.register_profile("dev", max_examples=50)
settings.register_profile("ci", max_examples=100, deadline=None, derandomize=True, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))

#: What makes a test slow: the fixtures and modules that run external tools or the whole corpus.
SLOW_FIXTURES = {"validate", "corpus_texts", "corpus_transcripts"}
SLOW_MODULES = ("test_docx_render", "test_tei_validate", "corpus")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        module = getattr(item, "module", None)
        name = module.__name__.rsplit(".", 1)[-1] if module is not None else ""
        slow_name = any(part in name for part in SLOW_MODULES) or "corpus" in item.name
        if SLOW_FIXTURES & set(getattr(item, "fixturenames", ())) or slow_name:
            item.add_marker(pytest.mark.slow)


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
