"""The WordprocessingML pieces python-docx has no API for: text goes in escaped."""

from __future__ import annotations

import docx
from docx.oxml.ns import qn
from stenogram_docx.ooxml import add_field


def test_add_field_escapes_its_text() -> None:
    paragraph = docx.Document().add_paragraph()
    add_field(paragraph, 'PAGE \\* "<A&B>"', "Page <1> & more")
    texts = [t.text for t in paragraph._p.iter(qn("w:t"))]
    instructions = [t.text for t in paragraph._p.iter(qn("w:instrText"))]
    assert texts == ["Page <1> & more"]
    assert instructions == [' PAGE \\* "<A&B>" ']
