"""The DOCX zip writer against ``zipfile``: the same bytes, and shared members deflated once."""

from __future__ import annotations

import io
import zipfile

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from stenogram_docx import build_briefing
from stenogram_docx.zipwrite import LEVEL, _deflate_shared, zip_members

from stenogram.model import Transcript

STAMP = (2012, 12, 20, 13, 45, 58)


def zipfile_bytes(members: dict[str, bytes], order: list[str], date_time: tuple[int, ...]) -> bytes:
    """What the package was written with before: ``zipfile``, one fixed timestamp, no attributes given."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as dst:
        for name in order:
            info = zipfile.ZipInfo(name, date_time=date_time)  # type: ignore[arg-type]
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = 0
            dst.writestr(info, members[name], compress_type=zipfile.ZIP_DEFLATED, compresslevel=LEVEL)
    return out.getvalue()


def members_of(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert z.testzip() is None
        return {info.filename: z.read(info) for info in z.infolist()}


def test_a_briefing_is_the_zip_zipfile_writes(seed: Transcript) -> None:
    data = build_briefing(seed)
    members = members_of(data)
    order = list(members)
    assert zip_members(members, order, STAMP) == zipfile_bytes(members, order, STAMP)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert {i.external_attr for i in z.infolist()} == {0o600 << 16}


def test_shared_members_are_deflated_once(seed: Transcript) -> None:
    members = members_of(build_briefing(seed))
    order = list(members)
    shared = ["word/styles.xml", "word/theme/theme1.xml"]
    _deflate_shared.cache_clear()
    first = zip_members(members, order, STAMP, shared)
    again = zip_members(dict(members), order, STAMP, shared)
    assert first == again == zip_members(members, order, STAMP)
    assert _deflate_shared.cache_info().hits == len(shared)


@settings(max_examples=150, deadline=None)
@given(
    st.dictionaries(
        st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00/"), min_size=1, max_size=12),
        st.binary(max_size=3000) | st.text(max_size=2000).map(str.encode),
        min_size=1,
        max_size=6,
    ),
    st.tuples(*map(st.integers, (1980, 1, 1, 0, 0, 0), (2107, 12, 28, 23, 59, 59))),
)
def test_any_members_give_zipfiles_bytes(members: dict[str, bytes], stamp: tuple[int, ...]) -> None:
    """Names in any script (UTF-8 flagged), empty and incompressible members, odd seconds."""
    order = sorted(members)
    data = zip_members(members, order, stamp)  # type: ignore[arg-type]
    assert data == zipfile_bytes(members, order, stamp)
    assert members_of(data) == members


@pytest.mark.parametrize("name", ["word/document.xml", "naïve/π.xml"])
def test_names_round_trip(name: str) -> None:
    data = zip_members({name: b"<x/>"}, [name], STAMP)
    assert list(members_of(data)) == [name]
