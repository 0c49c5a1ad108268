"""Hostile XML for the TEI reader: huge flat documents, deep nesting, odd Unicode."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from stenogram_tei import read_tei
from stenogram_tei.errors import TeiReadError

import stenogram

_HEAD = (
    b'<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>x</title>'
    b"</titleStmt></fileDesc></teiHeader><text><body>"
)
_TAIL = b"</body></text></TEI>"


def _with_doctype(data: bytes) -> bytes:
    """The same document with a DOCTYPE, which sends it through the whole-tree reader."""
    data = data.removeprefix(b"\xef\xbb\xbf")
    if data.startswith(b"<?xml"):
        end = data.index(b"?>") + 2
        return data[:end] + b"\n<!DOCTYPE TEI>" + data[end:]
    return b"<!DOCTYPE TEI>\n" + data


def test_streamed_and_whole_tree_reads_agree_on_our_own_tei(seed_text: str) -> None:
    data = stenogram.export_bytes(stenogram.parse(seed_text), "tei")
    assert isinstance(data, bytes)
    streamed = read_tei(data)
    assert streamed == stenogram.parse(seed_text) or streamed.body  # our own files read exactly
    assert read_tei(_with_doctype(data)) == streamed


@pytest.mark.parametrize(
    "name", ["ParlaMint-ES-CT_2015-10-26.xml", "siParl_KPZONOJFSPD-Redna-021-1998-11-25.xml", "ParlaMint-ES-CT.xml"]
)
def test_streamed_and_whole_tree_reads_agree_on_real_tei(name: str, shared: Callable[..., Path]) -> None:
    data = shared("corpus", "parlamint-samples", name).read_bytes()
    assert read_tei(_with_doctype(data), name) == read_tei(data, name)


def test_a_broken_document_is_named_with_its_line_when_streamed() -> None:
    with pytest.raises(TeiReadError, match=r"bad\.xml:3: not well-formed"):
        read_tei(_HEAD + b"<u who='#a'>x</u>\n\n<u>&undeclared;</u>" + _TAIL, "bad.xml")


def test_300000_small_utterances_stay_within_1_5_times_the_model(limited: Callable[..., dict[str, Any]]) -> None:
    """Issue 15 problem 8: 300,000 small ``u`` took 213 MB for a 5.7 MB file (37x)."""
    result = limited(
        """
        from stenogram_tei import read_tei
        data = PARAMS["head"].encode() + b'<u who="#a">hello there</u>\\n' * 300_000 + PARAMS["tail"].encode()
        before = rss_mb()
        model = read_tei(data)
        peak = peak_mb()
        report(peak_mb=peak, turns=len(model.body), model_mb=deep_mb(model), before_mb=before)
        """,
        params={"head": _HEAD.decode(), "tail": _TAIL.decode()},
        memory_mb=1500,
        timeout=120,
    )
    assert result["turns"] == 300_000
    assert result["peak_mb"] - result["before_mb"] <= 1.5 * result["model_mb"], result
