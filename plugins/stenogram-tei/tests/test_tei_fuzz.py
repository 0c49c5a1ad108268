"""The reader on odd TEI: any well-formed input gives a Transcript or a ReadError, never another exception."""

from __future__ import annotations

import contextlib
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree
from stenogram_tei import read_tei, to_tei

import stenogram
from stenogram.testing import transcripts

TEI = "http://www.tei-c.org/ns/1.0"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
BODY = (
    *("div", "head", "note", "note", "u", "u", "u", "seg", "seg", "gap", "desc", "kinesic", "vocal", "incident"),
    *("add", "anchor", "anchor", "spanGrp", "span", "pb", "lb", "p"),
)
HEADER = (
    *("titleStmt", "title", "sourceDesc", "bibl", "idno", "date", "setting", "placeName", "time", "activity"),
    *("notesStmt", "note", "abstract", "p"),
)
PERSON = ("person", "persName", "roleName", "affiliation", "idno", "forename", "surname")
ATTRIBUTES = ("type", "subtype", "who", "n", "ident", "from", "to", "when", "reason", "role")
TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=8)
VALUES = (
    st.sampled_from(
        [
            *("preamble", "speaker", "annotation", "label", "stenogram", "section", "stage", "extra", "excerpt"),
            *("#a1", "#a2", "#p1", "p1", "", " ", "2020-01-02", "2020-13-45", "x y"),
        ]
    )
    | TEXT
)
TEXTS = st.none() | TEXT


def element(names: tuple[str, ...], depth: int = 0) -> st.SearchStrategy[Any]:
    @st.composite
    def build(draw: st.DrawFn) -> Any:
        el = etree.Element(f"{{{TEI}}}{draw(st.sampled_from(names))}")
        for name in draw(st.lists(st.sampled_from(ATTRIBUTES), max_size=3, unique=True)):
            el.set(name, draw(VALUES))
        if draw(st.booleans()):
            el.set(XML_ID, "pending")  # made unique below: duplicate ids are a parse error
        el.text = draw(TEXTS)
        if depth < 2:
            for child in draw(st.lists(element(names, depth + 1), max_size=3)):
                child.tail = draw(TEXTS)
                el.append(child)
        return el

    return build()


def sub(parent: Any, name: str) -> Any:
    return etree.SubElement(parent, f"{{{TEI}}}{name}")


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(element(PERSON), max_size=3),
    st.lists(element(HEADER), max_size=3),
    st.lists(element(BODY), max_size=6),
    st.booleans(),
)
def test_random_tei_trees(persons: list[Any], header: list[Any], body: list[Any], ours: bool) -> None:
    """A TEI skeleton (header, listPerson, text/body/div) filled with random elements, attributes and text."""
    root = etree.Element(f"{{{TEI}}}TEI", nsmap={None: TEI})
    tei_header = sub(root, "teiHeader")
    sub(tei_header, "fileDesc").extend(header)
    if ours:  # claim to be our own file: the reader then trusts our conventions, which these trees break
        sub(sub(sub(tei_header, "encodingDesc"), "appInfo"), "application").set("ident", "stenogram")
    sub(sub(sub(tei_header, "profileDesc"), "particDesc"), "listPerson").extend(persons)
    sub(sub(sub(root, "text"), "body"), "div").extend(body)
    for n, el in enumerate(root.xpath("//*[@xml:id]")):
        el.set(XML_ID, ("a", "p")[n % 2] + str(n // 2 + 1))  # a1 p1 a2 p2 ...: what "#a1", "#p" and "p" hit
    t = read_tei(etree.tostring(root))
    assert isinstance(t, stenogram.Transcript)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(transcripts(max_items=3), st.data())
def test_damaged_tei(t: stenogram.Transcript, data: st.DataObject) -> None:
    doc = bytearray(to_tei(t).data)
    for _ in range(data.draw(st.integers(1, 3))):
        start = data.draw(st.integers(0, len(doc) - 1))
        end = data.draw(st.integers(start, min(len(doc), start + 40)))
        doc[start:end] = data.draw(st.binary(max_size=6))
    with contextlib.suppress(stenogram.ReadError):
        read_tei(bytes(doc))
