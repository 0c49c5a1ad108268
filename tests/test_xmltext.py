"""The one rule for text that XML can hold, shared by the XML exporters."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from stenogram.xmltext import XML_ILLEGAL, XmlTextCleaner


def test_replacement_keeps_offsets_and_reports_once_per_place() -> None:
    clean = XmlTextCleaner(replacement="\ufffd", code="xml-illegal-character")
    assert clean("a\x0cb\ud800c", "turn 1") == "a b\ufffdc"  # a form feed separates words: a space
    assert clean("fine\ttext\n", "turn 2") == "fine\ttext\n"
    assert clean("\x00", "turn 1") == "\ufffd"
    (diag,) = clean.diagnostics
    assert diag.code == "xml-illegal-character"
    assert "turn 1: 3 character(s)" in diag.message and "U+000C" in diag.message and "U+D800" in diag.message
    assert clean.replaced == 3


def test_empty_replacement_drops_the_characters() -> None:
    clean = XmlTextCleaner(replacement="", code="docx-illegal-character")
    assert clean("x\x01y\uffff", "title") == "xy"
    assert "removed" in clean.diagnostics[0].message


def test_controls_that_separate_words_become_spaces_even_when_others_are_removed() -> None:
    clean = XmlTextCleaner(replacement="", code="docx-illegal-character")
    assert clean("one\x0btwo\x0cthree\x1ffour\x85five\x00", "p") == "one two three four\x85five"  # NEL is legal XML
    assert "separate words with a space" in clean.diagnostics[0].message


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_cleaned_text_is_always_accepted_by_lxml(text: str) -> None:
    cleaned = XmlTextCleaner(replacement="\ufffd", code="x")(text, "here")
    element = etree.Element("p")
    element.text = cleaned
    assert etree.fromstring(etree.tostring(element, encoding="utf-8")).text in (cleaned or None, cleaned)
    assert not XML_ILLEGAL.search(cleaned)
    assert len(cleaned) == len(text)


def test_the_pattern_is_the_complement_of_xml_chars_at_every_code_point() -> None:
    allowed = re.compile("[\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")  # XML 1.0's Char, as written
    for code in range(0x110000):
        ch = chr(code)
        assert (XML_ILLEGAL.match(ch) is None) == (allowed.match(ch) is not None), hex(code)
