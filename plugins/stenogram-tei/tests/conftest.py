"""Shared fixtures for the TEI tests: paths, and a RELAX NG validator set up once per session.

Validation uses jing (Debian package ``jing``) when it is installed, one call
for a whole batch of files. Without jing, lxml's RelaxNG is used, compiled
once per schema per session (tei_all takes a while to compile).
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest
from repo_shared import shared, skip_if_missing, skip_reason

SCHEMAS = shared("schemas")
CORPUS = shared("corpus")
SEED = Path(__file__).resolve().parents[3] / "seeds" / "000_cc7df8760118afc5.txt"
TEI_ALL = SCHEMAS / "tei_all.rng"
PARLAMINT = SCHEMAS / "parlamint" / "ParlaMint-TEI.rng"
JING_JAR = Path("/usr/share/java/jing.jar")

#: Validate files against a schema; returns {file: [error lines]} for the invalid ones.
Validator = Callable[[Path, Sequence[Path]], dict[str, list[str]]]


def _jing(schema: Path, files: Sequence[Path]) -> dict[str, list[str]]:
    # The jar directly: Debian's /usr/bin/jing wrapper turns XInclude processing on.
    command = ["java", "-jar", str(JING_JAR)] if JING_JAR.exists() else ["jing"]
    proc = subprocess.run([*command, str(schema), *map(str, files)], capture_output=True, text=True, check=False)
    errors: dict[str, list[str]] = {}
    for line in proc.stdout.splitlines():
        name = line.split(":", 1)[0]
        errors.setdefault(name, []).append(line)
    if proc.returncode != 0 and not errors:
        raise RuntimeError(f"jing failed: {proc.stderr.strip()}")
    return errors


@pytest.fixture(scope="session")
def validate() -> Validator:
    """The validator; a schema missing from ``../shared`` skips the test that asks for it."""
    check = _pick_validator()

    def validate_or_skip(schema: Path, files: Sequence[Path]) -> dict[str, list[str]]:
        skip_if_missing(schema)
        return check(schema, files)

    return validate_or_skip


def _pick_validator() -> Validator:
    if shutil.which("java") and (JING_JAR.exists() or shutil.which("jing")):
        return _jing
    from lxml import etree

    compiled: dict[Path, etree.RelaxNG] = {}

    def with_lxml(schema: Path, files: Sequence[Path]) -> dict[str, list[str]]:
        if schema not in compiled:
            compiled[schema] = etree.RelaxNG(etree.parse(str(schema)))
        errors: dict[str, list[str]] = {}
        for f in files:
            rng = compiled[schema]
            if not rng.validate(etree.parse(str(f))):
                errors[str(f)] = [str(e) for e in rng.error_log]
        return errors

    return with_lxml


@pytest.fixture(scope="session")
def corpus_texts() -> list[Path]:
    files = sorted(CORPUS.rglob("*.txt"))
    if not files:
        pytest.skip(skip_reason("corpus"))
    return files


@pytest.fixture(scope="session")
def corpus_transcripts(corpus_texts: list[Path]) -> list[tuple[Path, Any]]:
    """Every corpus transcript, parsed once per session (stenogram.read picks the reader)."""
    import stenogram

    return [(path, stenogram.read(path)) for path in corpus_texts]
