"""Tests find ../shared one way only, so a fresh clone skips them with a reason and CI can require them."""

from __future__ import annotations

import re

from repo_shared import ROOT

# A path to ../shared built by hand, or an absolute path to anything.
_OWN_WAY = re.compile(r"""/\s*["']shared["']|["']/(?:work|home)/""")


def test_no_test_builds_its_own_path_to_shared() -> None:
    files = [*ROOT.glob("tests/*.py"), *ROOT.glob("plugins/*/tests/*.py"), *ROOT.glob("docs/examples/*/tests/*.py")]
    offenders = [
        f"{path.relative_to(ROOT)}:{n}"
        for path in files
        if path.name not in {"repo_shared.py", "test_repo_shared.py"}
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if _OWN_WAY.search(line)
    ]
    assert offenders == [], "use tests/repo_shared.py (shared(), needs_shared(), shared_files())"
