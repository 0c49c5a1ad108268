"""Sample transcripts shipped with the package, so examples run outside the repository.

>>> import stenogram
>>> from stenogram import samples
>>> samples.names()
('seed',)
>>> stenogram.parse_file(samples.path("seed")).participants[0].name
'Mikhail Mishustin'

Where each sample comes from, and its licence, is in ``NOTICE.md`` beside it
(``samples.notice()``).
"""

from __future__ import annotations

from pathlib import Path

from stenogram.errors import UnknownFormatError

__all__ = ["names", "notice", "path"]

_FILES = {"seed": "seed.txt"}


def names() -> tuple[str, ...]:
    """The samples there are."""
    return tuple(_FILES)


def path(name: str) -> Path:
    """The file of sample ``name``: the package is installed as a plain folder (it is not zip-safe)."""
    if name not in _FILES:
        raise UnknownFormatError(name, names(), kind="sample")
    return Path(__file__).with_name(_FILES[name])


def notice() -> str:
    """The source and licence of the samples."""
    return Path(__file__).with_name("NOTICE.md").read_text(encoding="utf-8")
