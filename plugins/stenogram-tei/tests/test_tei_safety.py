"""Safe XML: entity attacks and oversized input are refused; any text exports to well-formed XML."""

from __future__ import annotations

import re
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree
from stenogram_tei import TeiReadError, TeiReadOptions, UnsafeXmlError, XmlTooLargeError, read_tei, to_tei

import stenogram
from stenogram import Mark, MarkKind, Meeting, Note, NoteKind, Paragraph, Participant, Transcript, Turn
from stenogram.xmltext import XML_ILLEGAL as ILLEGAL_XML

TEI = "http://www.tei-c.org/ns/1.0"

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE TEI [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><div><u><seg>&lol9;</seg></u></div></body></text></TEI>
"""


def tei_with_doctype(doctype: str, body: str) -> bytes:
    return (
        f'<?xml version="1.0"?>\n{doctype}\n<TEI xmlns="{TEI}"><text><body><div>'
        f'<note type="speaker">A:</note><u who="#a"><seg>{body}</seg></u></div></body></text></TEI>'
    ).encode()


def test_billion_laughs_is_refused_quickly() -> None:
    start = time.perf_counter()
    with pytest.raises(UnsafeXmlError, match=r"laughs\.xml:2: the DOCTYPE declares entities"):
        read_tei(BILLION_LAUGHS, "laughs.xml")
    assert time.perf_counter() - start < 1


def test_billion_laughs_in_utf16_is_refused() -> None:
    data = BILLION_LAUGHS.decode().replace('version="1.0"', 'version="1.0" encoding="UTF-16"').encode("utf-16")
    with pytest.raises(UnsafeXmlError):
        read_tei(data)


@pytest.mark.parametrize(
    "doctype",
    [
        '<!DOCTYPE TEI [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
        '<!DOCTYPE TEI [<!ENTITY xxe SYSTEM "http://127.0.0.1:9/steal">]>',
        '<!DOCTYPE TEI [<!ENTITY % remote SYSTEM "http://127.0.0.1:9/evil.dtd"> %remote;]>',
    ],
)
def test_external_entities_are_refused(doctype: str) -> None:
    with pytest.raises(UnsafeXmlError, match="entity declarations are refused"):
        read_tei(tei_with_doctype(doctype, "&xxe;"))


def test_an_external_dtd_is_not_loaded() -> None:
    # No entities declared: the document reads, and the DTD is never fetched (no_network, load_dtd=False).
    t = read_tei(tei_with_doctype('<!DOCTYPE TEI SYSTEM "http://127.0.0.1:9/tei.dtd">', "Hello."))
    assert [p.text for p in t.paragraphs] == ["Hello."]
    # ... and an entity it would have declared stays undefined: an error, not a lookup
    with pytest.raises(TeiReadError, match="entity reference &secret; is not expanded"):
        read_tei(tei_with_doctype('<!DOCTYPE TEI SYSTEM "file:///etc/tei.dtd">', "&secret;"))


def test_oversized_input_is_refused_before_parsing() -> None:
    data = tei_with_doctype("", "x" * 5000)
    with pytest.raises(XmlTooLargeError, match=r"big\.xml: \d+ bytes is more than the limit of 1000 bytes"):
        read_tei(data, "big.xml", options=TeiReadOptions(max_bytes=1000))
    assert read_tei(data, options=TeiReadOptions(max_bytes=len(data))).paragraphs[0].text == "x" * 5000


def test_absurd_nesting_is_refused() -> None:
    data = f'<TEI xmlns="{TEI}">'.encode() + b"<div>" * 5000 + b"</div>" * 5000 + b"</TEI>"
    with pytest.raises(TeiReadError):
        read_tei(data)


def test_text_input_and_bad_bytes_are_handled() -> None:
    data = tei_with_doctype("", "Grüße.")
    assert read_tei(data.decode()).paragraphs[0].text == "Grüße."
    with pytest.raises(TeiReadError):
        read_tei(b"\xff\xfe\x00<")
    read = read_tei("<TEI xmlns='http://www.tei-c.org/ns/1.0'><text><body><u who='#a'>x\ud800</u></body></text></TEI>")
    assert read.paragraphs[0].text == "x\ufffd"  # a lone surrogate in text input: replaced and reported
    assert [d.code for d in read.diagnostics if d.code == "lone-surrogate"] == ["lone-surrogate"]


def test_all_errors_are_read_errors() -> None:
    for cls in (TeiReadError, UnsafeXmlError, XmlTooLargeError):
        assert issubclass(cls, stenogram.ReadError)


def test_illegal_characters_are_replaced_with_a_diagnostic() -> None:
    t = Transcript(
        meeting=Meeting(title="Bad\x00title"),
        participants=(Participant(id="a", name="A\ud800"),),
        body=(Turn(speaker="a", label="A\x1b", content=(Paragraph(text="x\x0by\uffff"),)),),
    )
    doc = to_tei(t)
    root = etree.fromstring(doc.data)
    assert root.xpath("string(//*[local-name()='seg'])") == "x y\ufffd"  # a vertical tab separates words: a space
    assert {d.code for d in doc.diagnostics} == {"xml-illegal-character"}
    assert sum(int(re.search(r"(\d+) char", d.message).group(1)) for d in doc.diagnostics) == 5  # type: ignore[union-attr]
    assert "5 character(s)" in root.xpath("string(//*[local-name()='normalization'])")


# All of Unicode, lone surrogates and control characters included, with the XML-illegal ones made likely.
ANY_TEXT = st.text(
    st.characters(exclude_categories=()) | st.sampled_from("\x00\x01\x0b\x1f\ud800\udfff\ufffe\uffff\r\t<&]]>"),
    max_size=30,
)


@st.composite
def hostile_transcripts(draw: st.DrawFn) -> Transcript:
    def paragraph() -> Paragraph:
        text = draw(ANY_TEXT)
        start = draw(st.integers(0, len(text)))
        end = draw(st.integers(start, len(text)))
        return Paragraph(text=text, marks=(Mark(kind=draw(st.sampled_from(MarkKind)), start=start, end=end),))

    note = Note(kind=draw(st.sampled_from(NoteKind)), text=draw(ANY_TEXT))
    meeting = Meeting(
        title=draw(ANY_TEXT),
        lead=draw(ANY_TEXT),
        time=draw(ANY_TEXT),
        place=draw(ANY_TEXT),
        occasion=draw(ANY_TEXT),
        source=draw(ANY_TEXT),
        language=draw(ANY_TEXT),
        extra=((draw(ANY_TEXT), draw(ANY_TEXT)),),
    )
    person = Participant(id="p1", name=draw(ANY_TEXT), role=draw(ANY_TEXT), labels=(draw(ANY_TEXT),))
    turn = Turn(
        speaker=draw(st.sampled_from(["p1", draw(ANY_TEXT)])),
        label=draw(ANY_TEXT),
        annotation=draw(ANY_TEXT),
        content=(paragraph(), note),
    )
    return Transcript(meeting=meeting, participants=(person,), preamble=(paragraph(), note), body=(note, turn))


@settings(max_examples=100, deadline=None)
@given(hostile_transcripts(), st.sampled_from(["tei", "parlamint"]), st.booleans())
def test_any_text_exports_to_well_formed_xml(t: Transcript, profile: str, pretty: bool) -> None:
    from stenogram_tei import TeiOptions

    doc = to_tei(t, TeiOptions(profile=profile, pretty=pretty))  # type: ignore[arg-type]
    etree.fromstring(doc.data)  # well-formed, or this raises
    back = read_tei(doc.data)  # and our reader takes it
    dirty = any(ILLEGAL_XML.search(s) for s in _strings(t))
    reported = any(d.code == "xml-illegal-character" for d in doc.diagnostics)
    if profile == "tei":  # writes every field, so reports exactly when something was dirty
        assert reported == dirty
        if not dirty:
            assert back == t
    else:  # ParlaMint has no room for some fields: a dirty one it leaves out needs no report
        assert dirty or not reported


def _strings(t: Transcript) -> list[str]:
    m = t.meeting
    out = [s for s in (m.title, m.lead, m.time, m.place, m.occasion, m.source, m.language) if s is not None]
    out += [s for kv in m.extra for s in kv]
    for p in t.participants:
        out += [p.name, *(p.labels), *([p.role] if p.role is not None else [])]
    out += [b.text for b in t.preamble]
    for item in t.body:
        if isinstance(item, Note):
            out.append(item.text)
        else:
            out += [item.label, item.speaker, *([item.annotation] if item.annotation is not None else [])]
            out += [b.text for b in item.content]
    return out


def test_reading_never_opens_a_connection() -> None:
    """A listening socket sees no connection while documents that point at it are read.

    (The lxml wheels' libxml2 may be built without HTTP at all; the parser options
    guard builds that have it, and this test guards our own code, such as
    following XIncludes.)
    """
    import socket
    import threading

    from stenogram_tei import TeiReadOptions

    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(5)
    server.settimeout(0.5)
    port = server.getsockname()[1]
    connections: list[object] = []

    def accept() -> None:
        try:
            while True:
                connections.append(server.accept())
        except OSError:
            return

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{port}"
    documents = [
        tei_with_doctype(f'<!DOCTYPE TEI SYSTEM "{url}/tei.dtd">', "x"),
        tei_with_doctype(f'<!DOCTYPE TEI PUBLIC "-//TEI//DTD" "{url}/tei.dtd">', "x"),
        f'<?xml-model href="{url}/tei.rng"?><TEI xmlns="{TEI}" xml:base="{url}/"><text/></TEI>'.encode(),
        (
            f'<teiCorpus xmlns="{TEI}"><teiHeader/>'
            f'<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="{url}/part.xml"/></teiCorpus>'
        ).encode(),
    ]
    try:
        for data in documents:
            for options in (TeiReadOptions(), TeiReadOptions(follow_xinclude=True)):
                read_tei(data, "/tmp/x.xml", options=options)
        thread.join(timeout=1)
    finally:
        server.close()
    assert connections == []
