"""The plugin cache's cheap stamp: no metadata is read while it holds, and an install or removal still shows.

The plugin here is a real distribution as pip leaves it (a ``*.dist-info``
folder with ``entry_points.txt``, and the module beside it) in a folder put
on ``sys.path``; the allow-list keeps the installed plugins out of the way.
"""

from __future__ import annotations

import compileall
import importlib
import shutil
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from stenogram import plugins
from stenogram.plugincache import read_cache
from stenogram.plugins import ALLOW_LIST_VARIABLE, PluginHost, reset_host

MODULE = "stenogram_cachetest_{n}"
ENV = {ALLOW_LIST_VARIABLE: "cachetest1,cachetest2"}


def install(site: Path, n: int) -> None:
    """What ``pip install`` leaves for a plugin: the module and its ``*.dist-info`` with the entry point."""
    module = MODULE.format(n=n)
    (site / f"{module}.py").write_text(
        textwrap.dedent(
            f"""
            from stenogram import hookimpl

            @hookimpl
            def stenogram_register_formats(registrar):
                registrar.add_exporter("cached{n}", lambda t, o: "x", media_type="text/plain", suffix=".c{n}",
                                       description="A plugin installed while the cache was there.")
            """
        ),
        encoding="utf-8",
    )
    compileall.compile_file(site / f"{module}.py", quiet=1)  # as pip does: importing it later writes nothing here
    info = site / f"stenogram_cachetest{n}-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: stenogram-cachetest{n}\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text(f"[stenogram]\ncachetest{n} = {module}\n", encoding="utf-8")
    importlib.invalidate_caches()


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    folder = tmp_path / "site"
    folder.mkdir()
    monkeypatch.syspath_prepend(str(folder))
    reset_host(None)
    yield folder
    reset_host(None)
    for n in (1, 2):
        sys.modules.pop(MODULE.format(n=n), None)


def discover(cache: Path) -> PluginHost:
    return PluginHost.discover(environ=ENV, cache=cache)


def no_scan(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make reading the installed entry points fail: the host must not need it."""

    def scan() -> Any:
        raise AssertionError("importlib.metadata was read although the cache's stamp held")

    monkeypatch.setattr(plugins, "_installed", scan)


def exporters(host: PluginHost) -> set[str]:
    return {f.name for f in host.formats() if f.kind == "exporter" and f.name.startswith("cached")}


def test_the_stamp_spares_the_metadata_scan_and_sees_installs_and_removals(
    site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    install(site, 1)
    assert exporters(discover(cache)) == {"cached1"}  # first run: scanned and imported

    with monkeypatch.context() as patch:
        no_scan(patch)
        host = discover(cache)
        assert exporters(host) == {"cached1"}
        assert "cachetest1" not in host.loaded()  # known from the cache, not imported
        assert host.exporter("cached1").plugin == "cachetest1"  # loaded from the cached entry point

    install(site, 2)  # a plugin installed: the folder changed, so the stamp no longer holds
    assert exporters(discover(cache)) == {"cached1", "cached2"}

    shutil.rmtree(site / "stenogram_cachetest1-1.0.dist-info")  # and one removed
    (site / f"{MODULE.format(n=1)}.py").unlink()
    importlib.invalidate_caches()
    assert exporters(discover(cache)) == {"cached2"}


def test_a_change_beside_no_distribution_is_looked_into_not_rebuilt(
    site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Output written into a folder on ``sys.path`` (the current folder, for ``python -m``), or a folder
    without distributions added to it, keeps the cache; a new folder with a distribution does not."""
    cache = tmp_path / "cache"
    plain = tmp_path / "outputs"
    plain.mkdir()
    monkeypatch.syspath_prepend(str(plain))
    install(site, 1)
    discover(cache)
    (plain / "meeting.xml").write_text("<TEI/>", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path / "script-folder"))  # `python -m` and the script differ here
    with monkeypatch.context() as patch:
        no_scan(patch)
        assert exporters(discover(cache)) == {"cached1"}
    other = tmp_path / "other-site"  # a new folder on sys.path that does hold a distribution
    other.mkdir()
    install(other, 2)
    monkeypatch.syspath_prepend(str(other))
    assert exporters(discover(cache)) == {"cached1", "cached2"}


def test_a_stale_stamp_with_the_same_plugins_imports_nothing(
    site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An unrelated distribution installed: the key is unchanged, so only the stamp is renewed."""
    cache = tmp_path / "cache"
    install(site, 1)
    discover(cache)
    before = read_cache(cache)
    (site / "unrelated-2.0.dist-info").mkdir()
    host = discover(cache)
    assert exporters(host) == {"cached1"} and "cachetest1" not in host.loaded()
    after = read_cache(cache)
    assert before is not None and after is not None
    assert after.key == before.key and after.stamp != before.stamp
    no_scan(monkeypatch)
    assert exporters(discover(cache)) == {"cached1"}  # and the renewed stamp holds


def test_a_cached_entry_point_loads_as_importlib_metadata_would() -> None:
    import os.path

    from stenogram.plugincache import CachedEntryPoint

    assert CachedEntryPoint("join", "os.path:join").load() is os.path.join
    assert CachedEntryPoint("join", " os.path : join [extra]").load() is os.path.join
    assert CachedEntryPoint("mod", "os.path").load() is os.path
