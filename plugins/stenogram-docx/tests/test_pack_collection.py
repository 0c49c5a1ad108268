"""``stenogram corpus … --to docx -o pack.docx``: one briefing pack, meetings sorted by date."""

from __future__ import annotations

from pathlib import Path

import docx
from repo_shared import skip_unless_shared

from stenogram.cli import main


def test_a_pack_lists_its_meetings_by_date(tmp_path: Path) -> None:
    folder = skip_unless_shared("corpus", "kremlin_en")
    given = [  # not in date order
        folder / "2020-03-10_speech-state-duma.txt",
        folder / "2010-06-03_medvedev-meets-nokia-ceo.txt",
        folder / "2017-06-28_meeting-with-zyuganov.txt",
    ]
    out = tmp_path / "pack.docx"
    assert main(["corpus", *map(str, given), "--to", "docx", "-o", str(out), "-q"]) == 0
    table = docx.Document(str(out)).tables[0]
    dates = [row.cells[2].text for row in table.rows[1:]]
    assert dates == ["Thursday 3 June 2010", "Wednesday 28 June 2017", "Tuesday 10 March 2020"]
