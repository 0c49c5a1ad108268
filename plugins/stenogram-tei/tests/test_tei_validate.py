"""Schema validation: tei_all for the seed, every corpus transcript and generated ones; ParlaMint for the seed.

All files of a group go to the validator at once (jing starts once; see conftest.py).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from repo_shared import shared
from stenogram_tei import TeiOptions, to_tei

import stenogram
from stenogram.testing import transcripts

ROOT = Path(__file__).resolve().parents[3]
SEED = ROOT / "seeds" / "000_cc7df8760118afc5.txt"
SCHEMAS = shared("schemas")
TEI_ALL = SCHEMAS / "tei_all.rng"
PARLAMINT = SCHEMAS / "parlamint" / "ParlaMint-TEI.rng"


def write(tmp: Path, name: str, data: bytes) -> Path:
    path = tmp / name
    path.write_bytes(data)
    return path


def test_the_validator_reports_invalid_tei(validate: Any, tmp_path: Path) -> None:
    good = to_tei(stenogram.parse_file(SEED)).data
    bad = good.replace(b"<seg ", b"<seg foo='1' ", 1)
    errors = validate(TEI_ALL, [write(tmp_path, "good.xml", good), write(tmp_path, "bad.xml", bad)])
    assert list(errors) == [str(tmp_path / "bad.xml")]
    assert "foo" in errors[str(tmp_path / "bad.xml")][0]


def test_seed_is_valid_tei_and_valid_parlamint(validate: Any, tmp_path: Path) -> None:
    t = stenogram.parse_file(SEED)
    tei = write(tmp_path, "seed.tei.xml", to_tei(t).data)
    assert validate(TEI_ALL, [tei]) == {}
    for pretty in (True, False):
        parlamint = write(
            tmp_path, f"seed-{pretty}.xml", to_tei(t, TeiOptions(profile="parlamint", pretty=pretty)).data
        )
        assert validate(PARLAMINT, [parlamint]) == {}


def test_every_corpus_transcript_is_valid_tei(
    validate: Any, tmp_path: Path, corpus_transcripts: list[tuple[Path, stenogram.Transcript]]
) -> None:
    tei_files, parlamint_files = [], []
    for i, (path, t) in enumerate(corpus_transcripts):
        tei_files.append(write(tmp_path, f"{i}-{path.stem}.tei.xml", to_tei(t).data))
        parlamint = to_tei(t, TeiOptions(profile="parlamint")).data
        parlamint_files.append(write(tmp_path, f"{i}-{path.stem}.pm.xml", parlamint))
    assert len(tei_files) >= 100
    assert validate(TEI_ALL, tei_files) == {}
    # not required by the issue, but the profile should hold beyond the seed
    assert validate(PARLAMINT, parlamint_files) == {}


def test_generated_transcripts_are_valid(validate: Any, tmp_path: Path) -> None:
    tei_files: list[Path] = []
    parlamint_files: list[Path] = []

    @settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(transcripts())
    def collect(t: stenogram.Transcript) -> None:
        n = len(tei_files)
        tei_files.append(write(tmp_path, f"{n}.tei.xml", to_tei(t, TeiOptions(pretty=n % 2 == 0)).data))
        parlamint_files.append(write(tmp_path, f"{n}.pm.xml", to_tei(t, TeiOptions(profile="parlamint")).data))

    collect()
    assert validate(TEI_ALL, tei_files) == {}
    assert validate(PARLAMINT, parlamint_files) == {}
