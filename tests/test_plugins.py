"""The plugin host: discovery, overriding, isolation of broken plugins, strict mode.

Plugins are registered in-process, without installing anything, the way
datasette's tests do it; broken ones come from fake entry points and from
modules written to a temporary directory.
"""

from __future__ import annotations

import importlib.metadata
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any, ClassVar

import attrs
import pytest

import stenogram
import stenogram.cli
from stenogram import Paragraph, PluginError, Transcript, Turn, UnknownFormatError, hookimpl
from stenogram.hookspecs import Registrar
from stenogram.plugincache import cache_file
from stenogram.plugins import DEFAULT_PLUGINS, PluginHost, reset_host, using_host

TRANSCRIPT = Transcript(
    body=(Turn(speaker="a", label="Anna Petrova", content=(Paragraph(text="Good morning."),)),),
)


@attrs.frozen(kw_only=True)
class ShoutOptions:
    exclaim: bool = True


def export_shout(transcript: Transcript, options: ShoutOptions) -> str:
    mark = "!" if options.exclaim else ""
    return "".join(f"{t.label.upper()}: {t.text.upper()}{mark}\n" for t in transcript.turns)


class ShoutPlugin:
    """An exporter plugin as an object with a hook method, registered without installing anything."""

    @hookimpl
    def stenogram_register_formats(self, registrar: Registrar) -> None:
        registrar.add_exporter(
            "shout",
            export_shout,
            options=ShoutOptions,
            media_type="text/plain",
            suffix=".shout.txt",
            description="Upper case.",
        )


class JsonReplacement:
    """A third-party plugin that replaces the built-in json exporter."""

    @hookimpl
    def stenogram_register_formats(self, registrar: Registrar) -> None:
        registrar.add_exporter(
            "json", lambda t, o: "{}", media_type="application/json", suffix=".json", description="Minimal."
        )


class RaisingPlugin:
    """Registers a reader fine, then raises: nothing of it may be used."""

    @hookimpl
    def stenogram_register_formats(self, registrar: Registrar) -> None:
        registrar.add_reader("raising", lambda data, name, options: TRANSCRIPT, suffixes=(".raise",), description="")
        raise RuntimeError("the plugin's own bug")


@pytest.fixture(autouse=True)
def fresh_host() -> Iterator[None]:
    reset_host(None)
    yield
    reset_host(None)


def builtins_host() -> PluginHost:
    host = PluginHost()
    for name in DEFAULT_PLUGINS:
        host.register_module(name, builtin=True)
    return host


class FakeDist:
    """Just what discovery reads from a distribution."""

    def __init__(self, name: str, version: str = "9.9") -> None:
        self.metadata = {"Name": name}
        self.version = version


class FakeEntryPoint:
    """An entry point of group ``stenogram`` whose ``load`` does what the test needs."""

    def __init__(self, name: str, load: Any, dist: str | None = None) -> None:
        self.name = name
        self._load = load
        self.dist = FakeDist(dist) if dist else None

    def load(self) -> Any:
        return self._load()


def failing_import() -> Any:
    return importlib.import_module("stenogram_tests_no_such_plugin_module")


@pytest.fixture
def bad_modules(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Plugin modules with hooks pluggy must reject, importable from a temporary directory."""
    (tmp_path / "stenogram_test_badsig.py").write_text(
        textwrap.dedent(
            """
            from stenogram import hookimpl

            @hookimpl
            def stenogram_register_formats(registrar, colour):
                registrar.add_exporter("never", lambda t, o: "", media_type="text/plain", suffix=".x", description="")
            """
        ),
        encoding="utf-8",
    )
    (tmp_path / "stenogram_test_typo.py").write_text(
        textwrap.dedent(
            """
            from stenogram import hookimpl

            @hookimpl
            def stenogram_register_format(registrar):
                pass
            """
        ),
        encoding="utf-8",
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    yield tmp_path
    for name in ("stenogram_test_badsig", "stenogram_test_typo"):
        sys.modules.pop(name, None)


def broken_entry_points() -> list[FakeEntryPoint]:
    return [
        FakeEntryPoint("missing", failing_import, dist="stenogram-missing"),
        FakeEntryPoint("badsig", lambda: importlib.import_module("stenogram_test_badsig"), dist="stenogram-badsig"),
        FakeEntryPoint("typo", lambda: importlib.import_module("stenogram_test_typo")),
        FakeEntryPoint("raising", RaisingPlugin),
        FakeEntryPoint("shout", ShoutPlugin, dist="stenogram-shout"),
    ]


def test_builtins_register_like_plugins() -> None:
    host = PluginHost.discover(entry_points=[], environ={})
    assert set(host.exporters) == {"json"}
    assert {"json", "text"} <= set(host.readers)
    infos = {p.name: p for p in host.plugins()}
    assert all(infos[name].builtin for name in DEFAULT_PLUGINS)
    assert infos["stenogram.builtin.json_format"].exporters == ("json",)
    assert host.load_errors == []


def test_in_process_plugin_is_used_by_the_public_api() -> None:
    host = builtins_host()
    assert host.register(ShoutPlugin(), name="shout")
    with using_host(host):
        assert stenogram.export(TRANSCRIPT, "shout") == "ANNA PETROVA: GOOD MORNING.!\n"
        assert stenogram.export(TRANSCRIPT, "shout", exclaim="no") == "ANNA PETROVA: GOOD MORNING.\n"
        assert ("exporter", "shout") in {(f.kind, f.name) for f in stenogram.formats()}
    info = host.exporter("shout")
    assert (info.suffix, info.media_type, info.binary, info.plugin) == (".shout.txt", "text/plain", False, "shout")
    host.unregister("shout")
    with pytest.raises(UnknownFormatError, match="shout"):
        host.exporter("shout")


def test_third_party_overrides_a_builtin_whatever_its_name() -> None:
    host = builtins_host()
    host.register(JsonReplacement(), name="aaa-first-by-name")
    assert host.exporter("json").plugin == "aaa-first-by-name"
    assert host.exporter("json").options is stenogram.plugins.NoOptions
    assert any("'json'" in line and "aaa-first-by-name" in line for line in host.overridden)
    with using_host(host):
        assert stenogram.export(TRANSCRIPT, "json") == "{}"
        with pytest.raises(stenogram.OptionError, match="indent"):
            stenogram.export(TRANSCRIPT, "json", indent=2)
    # The reader of the built-in plugin is untouched.
    assert host.reader("json").plugin == "stenogram.builtin.json_format"


def test_broken_plugins_are_reported_and_the_rest_keep_working(bad_modules: Path) -> None:
    host = PluginHost.discover(entry_points=broken_entry_points(), environ={})
    errors = {e.plugin: e for e in host.load_errors}
    assert set(errors) == {"missing", "badsig", "typo", "raising"}
    assert errors["missing"].distribution == "stenogram-missing"
    assert "ModuleNotFoundError" in errors["missing"].error
    assert "stenogram_tests_no_such_plugin_module" in errors["missing"].error
    assert "colour" in errors["badsig"].error  # pluggy names the argument the spec does not have
    assert "stenogram_register_format" in errors["typo"].error
    assert "the plugin's own bug" in errors["raising"].error
    assert "Traceback" in errors["raising"].detail
    assert "stenogram-missing" in str(errors["missing"]) and "'missing'" in str(errors["missing"])
    # Nothing of a broken plugin is used: not even the reader it registered before its exporter hook raised.
    assert "raising" not in host.readers
    assert {"json", "shout"} <= set(host.exporters)
    with using_host(host):
        assert stenogram.export(TRANSCRIPT, "shout").startswith("ANNA PETROVA")
        assert stenogram.from_json(stenogram.export(TRANSCRIPT, "json")) == TRANSCRIPT
    shout = {p.name: p for p in host.plugins()}["shout"]
    assert (shout.distribution, shout.version, shout.hooks) == (
        "stenogram-shout",
        "9.9",
        ("stenogram_register_formats",),
    )


@pytest.mark.parametrize("how", ["argument", "environment"])
def test_strict_mode_makes_a_broken_plugin_an_error(how: str) -> None:
    eps = [FakeEntryPoint("shout", ShoutPlugin), FakeEntryPoint("missing", failing_import, dist="stenogram-missing")]
    with pytest.raises(PluginError, match=r"'missing' \(from stenogram-missing\).*ModuleNotFoundError"):
        if how == "argument":
            PluginHost.discover(strict=True, entry_points=eps, environ={})
        else:
            PluginHost.discover(entry_points=eps, environ={"STENOGRAM_STRICT_PLUGINS": "1"})


def test_strict_mode_catches_a_registration_that_raises() -> None:
    with pytest.raises(PluginError, match="the plugin's own bug"):
        PluginHost.discover(strict=True, entry_points=[FakeEntryPoint("raising", RaisingPlugin)], environ={})


@pytest.mark.parametrize(
    ("allow", "loaded"),
    [
        (None, {"shout", "json2"}),
        ("", set()),
        ("shout", {"shout"}),
        (" stenogram-json2 , nothing-else", {"json2"}),  # a distribution name works too
    ],
)
def test_allow_list(allow: str | None, loaded: set[str]) -> None:
    eps = [FakeEntryPoint("shout", ShoutPlugin), FakeEntryPoint("json2", JsonReplacement, dist="stenogram-json2")]
    environ = {} if allow is None else {"STENOGRAM_LOAD_PLUGINS": allow}
    host = PluginHost.discover(entry_points=eps, environ=environ)
    third_party = {p.name for p in host.plugins() if not p.builtin}
    assert third_party == loaded
    assert "json" in host.exporters  # built-ins are never filtered out


def test_allow_list_with_the_installed_markdown_plugin() -> None:
    everything = PluginHost.discover(environ={})
    assert "markdown" in everything.exporters
    info = {p.name: p for p in everything.plugins()}["markdown"]
    assert info.distribution == "stenogram-markdown"
    assert info.version == importlib.metadata.version("stenogram-markdown")
    assert "markdown" not in PluginHost.discover(environ={"STENOGRAM_LOAD_PLUGINS": ""}).exporters
    only = PluginHost.discover(environ={"STENOGRAM_LOAD_PLUGINS": "stenogram-markdown"})
    assert {p.name for p in only.plugins() if not p.builtin} == {"markdown"}


def test_two_entry_points_with_one_name() -> None:
    eps = [FakeEntryPoint("shout", ShoutPlugin, dist="a"), FakeEntryPoint("shout", JsonReplacement, dist="b")]
    host = PluginHost.discover(entry_points=eps, environ={})
    assert [e.plugin for e in host.load_errors] == ["shout"]
    assert "already named 'shout'" in host.load_errors[0].error


@attrs.define
class MutableOptions:
    width: int = 3


@attrs.frozen
class NeedsValue:
    width: int


class PlainOptions:
    pass


@pytest.mark.parametrize(
    ("kwargs", "problem"),
    [
        ({"name": "Bad Name"}, "lower-case"),
        ({"export": "not callable"}, "not callable"),
        ({"options": PlainOptions}, "not an attrs class"),
        ({"options": MutableOptions}, "frozen"),
        ({"options": NeedsValue}, "default"),
        ({"suffix": "md"}, "suffix"),
        ({"media_type": "markdown"}, "media type"),
        ({"binary": "yes"}, "True or False"),
    ],
)
def test_invalid_exporter_registrations_are_load_errors(kwargs: dict[str, Any], problem: str) -> None:
    args: dict[str, Any] = {
        "name": "fine",
        "export": export_shout,
        "options": ShoutOptions,
        "media_type": "text/plain",
        "suffix": ".txt",
        "description": "",
    }
    args.update(kwargs)

    class Plugin:
        @hookimpl
        def stenogram_register_formats(self, registrar: Registrar) -> None:
            registrar.add_exporter(args.pop("name"), args.pop("export"), **args)

    host = builtins_host()
    host.register(Plugin(), name="invalid")
    assert [e.plugin for e in host.load_errors] == ["invalid"]
    assert problem in host.load_errors[0].error
    assert "fine" not in host.exporters and "json" in host.exporters


def test_invalid_reader_registrations_are_load_errors() -> None:
    class Plugin:
        @hookimpl
        def stenogram_register_formats(self, registrar: Registrar) -> None:
            registrar.add_reader("xml", lambda d, n, o: TRANSCRIPT, suffixes="xml", description="")

    host = builtins_host()
    host.register(Plugin(), name="invalid-reader")
    assert "suffixes" in host.load_errors[0].error
    assert "xml" not in host.readers


def test_a_later_register_replaces_a_plugin_of_the_same_name() -> None:
    host = builtins_host()
    host.register(ShoutPlugin(), name="p")
    host.register(JsonReplacement(), name="p")
    assert "shout" not in host.exporters
    assert host.exporter("json").plugin == "p"


# -- one test per hook spec (tests/test_hooks_documented.py checks they exist) --


def test_hook_stenogram_register_formats() -> None:
    host = builtins_host()
    host.register(ShoutPlugin(), name="shout")
    host.register(JsonReplacement(), name="zzz")
    assert set(host.exporters) == {"json", "shout"}
    assert host.exporter("json").plugin == "zzz"  # the later registration of a name wins
    calls = host.pm.hook.stenogram_register_formats.get_hookimpls()
    assert {impl.plugin_name for impl in calls} == {*DEFAULT_PLUGINS, "shout", "zzz"}


def test_a_reader_with_suffixes_and_a_sniffer(tmp_path: Path) -> None:
    def read_upper(data: bytes, name: str | None, options: object) -> Transcript:
        return Transcript(body=(Turn(speaker="x", label=data.decode().strip().upper()),))

    class Upper:
        @hookimpl
        def stenogram_register_formats(self, registrar: Registrar) -> None:
            registrar.add_reader(
                "upper", read_upper, suffixes=(".UP",), description="test", sniff=lambda head: head.startswith(b"up:")
            )

    host = builtins_host()
    host.register(Upper(), name="upper")
    assert host.reader("upper").suffixes == (".up",)  # suffixes are matched case-insensitively
    (tmp_path / "a.up").write_bytes(b"hello")
    (tmp_path / "b.dat").write_bytes(b"up: sniffed")
    with using_host(host):
        assert stenogram.read(tmp_path / "a.up").turns[0].label == "HELLO"
        assert stenogram.read(tmp_path / "b.dat").turns[0].label == "UP: SNIFFED"
        assert ("reader", "upper") in {(f.kind, f.name) for f in stenogram.formats()}


# -- the plugin-host design: any failure is the plugin's own, formats come from a cache, imports on first use --


def exiting_plugin() -> Any:
    """A plugin module that calls sys.exit() while it is imported."""
    raise SystemExit(3)


def test_a_plugin_calling_sys_exit_at_import_is_a_load_error() -> None:
    eps = [FakeEntryPoint("quitter", exiting_plugin, dist="stenogram-quitter"), FakeEntryPoint("shout", ShoutPlugin)]
    host = PluginHost.discover(entry_points=eps, environ={})
    [error] = host.load_errors
    assert (error.plugin, error.distribution) == ("quitter", "stenogram-quitter")
    assert "SystemExit" in error.error and "sys.exit(3)" in error.error
    assert "'quitter' (from stenogram-quitter)" in str(error)
    with using_host(host):
        assert stenogram.export(TRANSCRIPT, "shout").startswith("ANNA")
        assert "shout" in {f.name for f in stenogram.formats()}


def test_a_plugin_module_calling_sys_exit_through_the_cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The real thing: a module whose import runs sys.exit(); every command still works and names it."""
    (tmp_path / "stenogram_test_exits.py").write_text("import sys\nsys.exit('bye')\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    eps = [FakeEntryPoint("exits", lambda: importlib.import_module("stenogram_test_exits"), dist="stenogram-exits")]
    host = PluginHost.discover(entry_points=eps, environ={})
    assert [(e.plugin, e.distribution) for e in host.load_errors] == [("exits", "stenogram-exits")]
    with using_host(host):
        assert stenogram.cli.main(["formats"]) == 0
    sys.modules.pop("stenogram_test_exits", None)


def test_keyboard_interrupt_is_not_swallowed() -> None:
    def interrupted() -> Any:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        PluginHost.discover(entry_points=[FakeEntryPoint("ctrl-c", interrupted)], environ={})


LATE_OPTIONS = """
from __future__ import annotations
from typing import TYPE_CHECKING
import attrs
from stenogram import hookimpl
if TYPE_CHECKING:
    from typing import Literal

@attrs.frozen
class LateOptions:
    mode: Literal["a", "b"] = "a"

@hookimpl
def stenogram_register_formats(registrar):
    registrar.add_exporter("late", lambda t, o: "", options=LateOptions, media_type="text/plain", suffix=".late",
                           description="options whose annotation is only there for the type checker")
"""


def test_an_options_class_that_cannot_be_described_is_a_load_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "stenogram_test_late.py").write_text(LATE_OPTIONS, encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    eps = [FakeEntryPoint("late", lambda: importlib.import_module("stenogram_test_late"), dist="stenogram-late")]
    host = PluginHost.discover(entry_points=eps, environ={})
    [error] = host.load_errors
    assert error.plugin == "late" and "LateOptions" in error.error and "NameError" in error.error
    with using_host(host):
        names = {f.name for f in stenogram.formats()}  # every other format is still listed
        assert "json" in names and "late" not in names
        with pytest.raises(UnknownFormatError, match=r"'late'.*failed to load"):
            stenogram.export(TRANSCRIPT, "late")
    sys.modules.pop("stenogram_test_late", None)


class CountingEntryPoint(FakeEntryPoint):
    """An entry point that counts its imports, with the ``value`` and version the cache key reads."""

    imports: ClassVar[dict[str, int]] = {}

    def __init__(self, name: str, load: Any, version: str = "1.0") -> None:
        super().__init__(name, load, dist=f"stenogram-{name}")
        self.value = f"stenogram_{name}"
        self.dist.version = version  # type: ignore[union-attr]

    def load(self) -> Any:
        CountingEntryPoint.imports[self.name] = CountingEntryPoint.imports.get(self.name, 0) + 1
        return super().load()


class UpperReader:
    @hookimpl
    def stenogram_register_formats(self, registrar: Registrar) -> None:
        registrar.add_reader(
            "upper",
            lambda data, name, options: Transcript(body=(Turn(speaker="x", label=data.decode().upper()),)),
            suffixes=(".up",),
            description="test",
            magic=r"\Aup:",
        )


def counting(version: str = "1.0") -> list[FakeEntryPoint]:
    return [
        CountingEntryPoint("shout", ShoutPlugin, version),
        CountingEntryPoint("upper", UpperReader, version),
        CountingEntryPoint("quitter", exiting_plugin, version),
    ]


def test_formats_come_from_the_cache_and_a_plugin_is_imported_on_first_use(tmp_path: Path) -> None:
    CountingEntryPoint.imports.clear()
    PluginHost.discover(entry_points=counting(), environ={}, cache=tmp_path)
    assert CountingEntryPoint.imports == {"shout": 1, "upper": 1, "quitter": 1}  # no cache yet: all of them
    assert [p.name for p in tmp_path.iterdir()] == [cache_file(tmp_path).name]

    CountingEntryPoint.imports.clear()
    host = PluginHost.discover(entry_points=counting(), environ={}, cache=tmp_path)
    assert CountingEntryPoint.imports == {}
    assert {"shout", "upper"} <= {f.name for f in host.formats()}
    assert [o.name for o in host.describe("exporter", "shout").options] == ["exclaim"]
    assert [e.plugin for e in host.load_errors] == ["quitter"]  # remembered, not imported again
    assert CountingEntryPoint.imports == {}
    with using_host(host):
        assert stenogram.export(TRANSCRIPT, "shout").startswith("ANNA")
        assert CountingEntryPoint.imports == {"shout": 1}
        # No suffix: only a reader whose cached pattern matches is imported.
        assert stenogram.read(b"Anna Petrova: Hello.\n").turns[0].label == "Anna Petrova"
        assert CountingEntryPoint.imports == {"shout": 1}
        assert stenogram.read(b"up: sniffed", name="noext").turns[0].label == "UP: SNIFFED"
        assert CountingEntryPoint.imports == {"shout": 1, "upper": 1}

    CountingEntryPoint.imports.clear()
    PluginHost.discover(entry_points=counting("2.0"), environ={}, cache=tmp_path)  # a new version: rebuilt
    assert CountingEntryPoint.imports == {"shout": 1, "upper": 1, "quitter": 1}


def test_the_cache_goes_where_the_variable_says(tmp_path: Path) -> None:
    from stenogram.plugincache import CACHE_VARIABLE, cache_dir

    assert cache_dir({CACHE_VARIABLE: str(tmp_path)}) == tmp_path
    assert cache_dir({"XDG_CACHE_HOME": str(tmp_path)}).parent == tmp_path or sys.platform in ("win32", "darwin")


def test_a_listing_of_the_installed_plugins_imports_none_of_them(tmp_path: Path) -> None:
    PluginHost.discover(environ={}, cache=tmp_path)  # builds the cache
    host = PluginHost.discover(environ={}, cache=tmp_path)
    assert {"markdown", "tei", "docx", "summary"} <= {f.name for f in host.formats()}
    corpus = {f.name: f for f in host.formats() if f.kind == "corpus"}
    assert {"parlamint", "docx", "csv"} <= set(corpus) and corpus["parlamint"].output == "folder"
    assert set(host.loaded()) == set(DEFAULT_PLUGINS)
    host.exporter("markdown")
    assert set(host.loaded()) == {*DEFAULT_PLUGINS, "markdown"}
    assert host.collection_exporter("parlamint").plugin == "tei"  # a corpus format imports its plugin only
    assert set(host.loaded()) == {*DEFAULT_PLUGINS, "markdown", "tei"}
    with pytest.raises(UnknownFormatError, match="unknown corpus format 'parlamnt'; did you mean 'parlamint'"):
        host.collection_exporter("parlamnt")
