"""Shared fixtures of the DOCX exporter's tests: the seed, with metadata a correct parser would give it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import attrs
import pytest
from stenogram_docx import BriefingOptions, build_briefing

import stenogram
from stenogram.model import Transcript

REPO = Path(__file__).resolve().parents[3]
SEED = REPO / "seeds" / "000_cc7df8760118afc5.txt"
TITLE = "Mikhail Mishustin meets Prime Minister of Kazakhstan Alikhan Smailov"


@pytest.fixture(scope="session")
def seed_title() -> str:
    return TITLE


@pytest.fixture(scope="session")
def seed() -> Transcript:
    """The seed with the metadata its source page gives (the parser fills these in later)."""
    t = stenogram.parse_file(SEED)
    return attrs.evolve(
        t,
        meeting=attrs.evolve(
            t.meeting,
            title=TITLE,
            date=dt.date(2022, 8, 23),
            place="Cholpon-Ata, Kyrgyzstan",
            occasion="Eurasian Intergovernmental Council",
            is_excerpt=True,
        ),
    )


@pytest.fixture(scope="session")
def seed_docx(seed: Transcript) -> bytes:
    return build_briefing([seed], BriefingOptions(marking="OFFICIAL"))
