"""The plugin host: a typed facade over pluggy.

No caller touches ``pm.hook``: the host calls the registration hooks, checks
what they register, and keeps typed records. A plugin that fails to import,
whose hooks do not match the specifications, or whose registration raises
is recorded in ``load_errors`` and skipped, so the rest keep working;
``strict=True`` turns that into a ``PluginError``.

Tests register plugins in-process without installing them::

    host = PluginHost()
    host.register(MyPlugin(), name="mine")
    reset_host(host)  # stenogram.export() and friends now use it
"""

from __future__ import annotations

import importlib
import importlib.metadata
import os
import re
import traceback
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from typing import Protocol, TypeVar

import attrs
import pluggy

from stenogram import hookspecs
from stenogram.errors import PluginError, UnknownFormatError
from stenogram.hookspecs import ExportFunction, ReadFunction, SniffFunction

__all__ = [
    "ALLOW_LIST_VARIABLE",
    "DEFAULT_PLUGINS",
    "ENTRY_POINT_GROUP",
    "STRICT_VARIABLE",
    "ExporterInfo",
    "LoadError",
    "NoOptions",
    "PluginHost",
    "PluginInfo",
    "ReaderInfo",
    "get_host",
    "reset_host",
    "using_host",
]

ENTRY_POINT_GROUP = "stenogram"
ALLOW_LIST_VARIABLE = "STENOGRAM_LOAD_PLUGINS"
STRICT_VARIABLE = "STENOGRAM_STRICT_PLUGINS"
#: Modules of the core that register like third-party plugins do.
DEFAULT_PLUGINS: tuple[str, ...] = (
    "stenogram.builtin.json_format",
    "stenogram.builtin.text_format",
    "stenogram.builtin.europarl",
    "stenogram.builtin.table",
)

_NAME_RE = re.compile(r"[a-z0-9][a-z0-9_.\-]*\Z")
_SUFFIX_RE = re.compile(r"\.[A-Za-z0-9_.\-]+\Z")


@attrs.frozen(kw_only=True)
class NoOptions:
    """The options class of an exporter that takes none."""


@attrs.frozen(kw_only=True)
class ExporterInfo:
    """One registered exporter."""

    name: str
    export: ExportFunction = attrs.field(eq=False, repr=False)
    options: type
    media_type: str
    suffix: str
    description: str
    binary: bool
    plugin: str


@attrs.frozen(kw_only=True)
class ReaderInfo:
    """One registered reader."""

    name: str
    read: ReadFunction = attrs.field(eq=False, repr=False)
    suffixes: tuple[str, ...]
    description: str
    sniff: SniffFunction | None = attrs.field(eq=False, repr=False)
    plugin: str


@attrs.frozen(kw_only=True)
class LoadError:
    """A plugin that could not be used, and why."""

    plugin: str
    distribution: str | None
    error: str
    detail: str = attrs.field(default="", repr=False, eq=False)

    def __str__(self) -> str:
        dist = f" (from {self.distribution})" if self.distribution else ""
        return f"plugin {self.plugin!r}{dist} failed to load: {self.error}"


@attrs.frozen(kw_only=True)
class PluginInfo:
    """What ``stenogram plugins`` shows for one loaded plugin."""

    name: str
    distribution: str | None
    version: str | None
    hooks: tuple[str, ...]
    builtin: bool
    exporters: tuple[str, ...] = ()
    readers: tuple[str, ...] = ()


def _allow_list(environ: Mapping[str, str]) -> frozenset[str] | None:
    raw = environ.get(ALLOW_LIST_VARIABLE)
    if raw is None:
        return None
    return frozenset(part.strip() for part in raw.split(",") if part.strip())


def _truthy(value: str | None) -> bool:
    return (value or "").strip().lower() in {"1", "true", "yes", "on"}


def _core_version() -> str:
    try:
        return importlib.metadata.version("stenogram")
    except importlib.metadata.PackageNotFoundError:  # running from a source tree
        return "unknown"


@attrs.frozen
class _Registries:
    exporters: dict[str, ExporterInfo]
    readers: dict[str, ReaderInfo]
    errors: tuple[LoadError, ...]
    overridden: tuple[str, ...]


class PluginHost:
    """Loads plugins and answers questions about what they registered."""

    def __init__(self, *, strict: bool = False) -> None:
        self.strict = strict
        self.pm = pluggy.PluginManager(hookspecs.PROJECT)
        self.pm.add_hookspecs(hookspecs)
        self._import_errors: list[LoadError] = []
        self._distributions: dict[str, tuple[str, str] | None] = {}
        self._builtin: set[str] = set()
        self._registries: _Registries | None = None

    # -- loading ---------------------------------------------------------

    @classmethod
    def discover(
        cls,
        *,
        strict: bool | None = None,
        environ: Mapping[str, str] | None = None,
        entry_points: Iterable[importlib.metadata.EntryPoint] | None = None,
    ) -> PluginHost:
        """The built-in plugins, then every entry point of group ``stenogram`` the allow-list admits.

        ``strict`` defaults to the ``STENOGRAM_STRICT_PLUGINS`` variable;
        ``entry_points`` replaces the installed ones (tests use it).
        """
        env = os.environ if environ is None else environ
        host = cls(strict=_truthy(env.get(STRICT_VARIABLE)) if strict is None else strict)
        for module_name in DEFAULT_PLUGINS:
            host.register_module(module_name, builtin=True)
        allowed = _allow_list(env)
        if entry_points is None:
            entry_points = importlib.metadata.entry_points(group=ENTRY_POINT_GROUP)
        for ep in sorted(entry_points, key=lambda e: e.name):
            dist = getattr(ep, "dist", None)
            dist_name: str | None = dist.metadata["Name"] if dist is not None else None
            if allowed is not None and ep.name not in allowed and (dist_name or "") not in allowed:
                continue
            if host.pm.has_plugin(ep.name):
                host._fail(ep.name, dist_name, PluginError(f"another plugin is already named {ep.name!r}"))
                continue
            try:
                plugin = ep.load()
            except Exception as exc:  # a broken plugin must not take the others down
                host._fail(ep.name, dist_name, exc)
                continue
            version = dist.version if dist is not None else ""
            host.register(plugin, name=ep.name, distribution=(dist_name, version) if dist_name else None)
        host.refresh()
        return host

    def register_module(self, module_name: str, *, builtin: bool = False) -> bool:
        """Import a module and register it; an import failure is a load error."""
        try:
            module = importlib.import_module(module_name)
        except Exception as exc:
            self._fail(module_name, None, exc)
            return False
        return self.register(module, name=module_name, builtin=builtin)

    def register(
        self,
        plugin: object,
        *,
        name: str | None = None,
        distribution: tuple[str, str] | None = None,
        builtin: bool = False,
    ) -> bool:
        """Register a plugin object (a module, class or instance with hook implementations).

        A plugin of the same name is replaced. Returns whether the plugin was
        accepted; pluggy's validation errors (unknown hook, wrong argument
        names) become load errors.
        """
        name = name or getattr(plugin, "__name__", None) or repr(plugin)
        if self.pm.has_plugin(name):
            self.pm.unregister(name=name)
        self._registries = None
        try:
            self.pm.register(plugin, name=name)
            self.pm.check_pending()
        except Exception as exc:  # pluggy.PluginValidationError, or a plugin object pluggy cannot inspect
            if self.pm.has_plugin(name):
                self.pm.unregister(name=name)
            self._fail(name, distribution[0] if distribution else None, exc)
            return False
        self._distributions[name] = distribution
        if builtin:
            self._builtin.add(name)
        return True

    def unregister(self, name: str) -> None:
        """Forget a plugin; ``KeyError``-free when it was never there."""
        if self.pm.has_plugin(name):
            self.pm.unregister(name=name)
        self._builtin.discard(name)
        self._distributions.pop(name, None)
        self._registries = None

    def _fail(self, plugin: str, distribution: str | None, exc: BaseException) -> None:
        error = _load_error(plugin, distribution, exc)
        if self.strict:
            raise PluginError(str(error)) from exc
        self._import_errors.append(error)

    # -- registries ------------------------------------------------------

    def _plugin_order(self) -> list[tuple[str, object]]:
        """Built-ins first, then the others by name: later registrations override."""
        named = [(self.pm.get_name(p) or "", p) for p in self.pm.get_plugins()]
        return sorted(named, key=lambda item: (item[0] not in self._builtin, item[0]))

    def refresh(self) -> None:
        """Call the registration hooks now (they are otherwise called on first use)."""
        self._registries = None
        self._load()

    def _load(self) -> _Registries:
        if self._registries is not None:
            return self._registries
        failed: dict[str, LoadError] = {}
        exporters = self._call("stenogram_register_exporters", _ExporterCollector, failed)
        readers = self._call("stenogram_register_readers", _ReaderCollector, failed)
        if failed and self.strict:
            raise PluginError(str(next(iter(failed.values()))))
        overridden: list[str] = []
        order = self._plugin_order()
        self._registries = _Registries(
            _merge(order, exporters, failed, "exporter", overridden),
            _merge(order, readers, failed, "reader", overridden),
            tuple(failed.values()),
            tuple(overridden),
        )
        return self._registries

    def _call(
        self, hook_name: str, collector: Callable[[str], _Collector[_R]], failed: dict[str, LoadError]
    ) -> dict[str, list[_R]]:
        """Each plugin's records from one registration hook; a plugin that raises lands in ``failed``."""
        staged: dict[str, list[_R]] = {}
        for impl in getattr(self.pm.hook, hook_name).get_hookimpls():
            plugin = impl.plugin_name
            register = collector(plugin)
            try:
                impl.function(register=register)
            except Exception as exc:  # a plugin's own bug, or a record that fails its checks
                failed.setdefault(plugin, _load_error(plugin, self._dist_name(plugin), exc))
                continue
            staged[plugin] = register.records
        return staged

    def _dist_name(self, plugin_name: str) -> str | None:
        dist = self._distributions.get(plugin_name)
        return dist[0] if dist else None

    @property
    def load_errors(self) -> list[LoadError]:
        """Every plugin that was skipped: import, validation and registration failures."""
        return [*self._import_errors, *self._load().errors]

    @property
    def overridden(self) -> list[str]:
        """Formats a later plugin replaced, as ``"exporter 'json': a replaced by b"``."""
        return list(self._load().overridden)

    @property
    def exporters(self) -> Mapping[str, ExporterInfo]:
        return self._load().exporters

    @property
    def readers(self) -> Mapping[str, ReaderInfo]:
        return self._load().readers

    def exporter(self, name: str) -> ExporterInfo:
        """The exporter called ``name``; ``UnknownFormatError`` lists the others."""
        found = self.exporters.get(name)
        if found is None:
            raise UnknownFormatError(name, sorted(self.exporters), kind="export format")
        return found

    def reader(self, name: str) -> ReaderInfo:
        """The reader called ``name``; ``UnknownFormatError`` lists the others."""
        found = self.readers.get(name)
        if found is None:
            raise UnknownFormatError(name, sorted(self.readers), kind="input format")
        return found

    def plugins(self) -> list[PluginInfo]:
        """The plugins that loaded, built-ins first."""
        registries = self._load()
        infos = []
        for name, plugin in self._plugin_order():
            dist = self._distributions.get(name)
            builtin = name in self._builtin
            hooks = tuple(sorted(h.name for h in self.pm.get_hookcallers(plugin) or ()))
            infos.append(
                PluginInfo(
                    name=name,
                    distribution=dist[0] if dist else ("stenogram" if builtin else None),
                    version=dist[1] if dist else (_core_version() if builtin else None),
                    hooks=hooks,
                    builtin=builtin,
                    exporters=tuple(sorted(e.name for e in registries.exporters.values() if e.plugin == name)),
                    readers=tuple(sorted(r.name for r in registries.readers.values() if r.plugin == name)),
                )
            )
        return infos


_R = TypeVar("_R", ExporterInfo, ReaderInfo)


class _Collector(Protocol[_R]):
    records: list[_R]


def _merge(
    order: list[tuple[str, object]],
    staged: dict[str, list[_R]],
    failed: Mapping[str, LoadError],
    kind: str,
    overridden: list[str],
) -> dict[str, _R]:
    """One registry: plugins in ``order``, a later record of a name replacing an earlier one."""
    table: dict[str, _R] = {}
    for plugin, _ in order:
        if plugin in failed:
            continue
        for record in staged.get(plugin, ()):
            previous = table.get(record.name)
            if previous is not None and previous.plugin != plugin:
                overridden.append(f"{kind} {record.name!r}: {previous.plugin} replaced by {plugin}")
            table[record.name] = record
    return table


def _load_error(plugin: str, distribution: str | None, exc: BaseException) -> LoadError:
    return LoadError(
        plugin=plugin,
        distribution=distribution,
        error=f"{type(exc).__name__}: " + "; ".join(line.strip() for line in str(exc).splitlines() if line.strip()),
        detail="".join(traceback.format_exception(exc)),
    )


def _require(ok: bool, plugin: str, what: str, problem: str) -> None:
    if not ok:
        raise PluginError(f"plugin {plugin!r} registered {what}: {problem}")


def _check_name(plugin: str, kind: str, name: object) -> str:
    _require(
        isinstance(name, str) and bool(_NAME_RE.match(name)),
        plugin,
        f"{kind} {name!r}",
        "a name must be lower-case letters, digits, '.', '_' or '-'",
    )
    return str(name)


def _check_options(plugin: str, what: str, options: object) -> type:
    if options is None:
        return NoOptions
    _require(isinstance(options, type) and attrs.has(options), plugin, what, "options is not an attrs class")
    assert isinstance(options, type)
    try:
        instance = options()
    except Exception as exc:
        raise PluginError(f"plugin {plugin!r} registered {what}: every option needs a default ({exc})") from None
    fields = attrs.fields(options)
    if fields:
        try:
            setattr(instance, fields[0].name, getattr(instance, fields[0].name))
        except attrs.exceptions.FrozenInstanceError:
            pass
        else:
            raise PluginError(f"plugin {plugin!r} registered {what}: options must be frozen (@attrs.frozen)")
    return options


class _ExporterCollector:
    """The ``register`` an exporter hook receives; checks each record as it comes."""

    def __init__(self, plugin: str) -> None:
        self.plugin = plugin
        self.records: list[ExporterInfo] = []

    def __call__(
        self,
        name: str,
        export: ExportFunction,
        *,
        options: type | None = None,
        media_type: str,
        suffix: str,
        description: str,
        binary: bool = False,
    ) -> None:
        name = _check_name(self.plugin, "an exporter", name)
        what = f"exporter {name!r}"
        _require(callable(export), self.plugin, what, "export is not callable")
        _require(isinstance(media_type, str) and "/" in media_type, self.plugin, what, "media_type is not a media type")
        _require(
            isinstance(suffix, str) and bool(_SUFFIX_RE.match(suffix)), self.plugin, what, "suffix must be like '.md'"
        )
        _require(isinstance(description, str), self.plugin, what, "description is not text")
        _require(isinstance(binary, bool), self.plugin, what, "binary is not True or False")
        self.records.append(
            ExporterInfo(
                name=name,
                export=export,
                options=_check_options(self.plugin, what, options),
                media_type=media_type,
                suffix=suffix,
                description=description,
                binary=binary,
                plugin=self.plugin,
            )
        )


class _ReaderCollector:
    """The ``register`` a reader hook receives."""

    def __init__(self, plugin: str) -> None:
        self.plugin = plugin
        self.records: list[ReaderInfo] = []

    def __call__(
        self,
        name: str,
        read: ReadFunction,
        *,
        suffixes: tuple[str, ...],
        description: str,
        sniff: SniffFunction | None = None,
    ) -> None:
        name = _check_name(self.plugin, "a reader", name)
        what = f"reader {name!r}"
        _require(callable(read), self.plugin, what, "read is not callable")
        _require(
            isinstance(suffixes, (tuple, list)) and all(isinstance(s, str) and _SUFFIX_RE.match(s) for s in suffixes),
            self.plugin,
            what,
            "suffixes must be a tuple like ('.xml',)",
        )
        _require(isinstance(description, str), self.plugin, what, "description is not text")
        _require(sniff is None or callable(sniff), self.plugin, what, "sniff is not callable")
        self.records.append(
            ReaderInfo(
                name=name,
                read=read,
                suffixes=tuple(s.lower() for s in suffixes),
                description=description,
                sniff=sniff,
                plugin=self.plugin,
            )
        )


_HOST: PluginHost | None = None


def get_host() -> PluginHost:
    """The process-wide host, loaded on first use."""
    global _HOST
    if _HOST is None:
        _HOST = PluginHost.discover()
    return _HOST


def reset_host(host: PluginHost | None = None) -> None:
    """Use ``host`` from now on, or forget the loaded plugins so the next use discovers them again."""
    global _HOST
    _HOST = host


@contextmanager
def using_host(host: PluginHost) -> Iterator[PluginHost]:
    """Use ``host`` inside a ``with`` block, then put the previous one back."""
    global _HOST
    previous = _HOST
    _HOST = host
    try:
        yield host
    finally:
        _HOST = previous


# Keep the type checker honest about the registrar protocols.
_exporter_registrar: Callable[[str], hookspecs.ExporterRegistrar] = _ExporterCollector
_reader_registrar: Callable[[str], hookspecs.ReaderRegistrar] = _ReaderCollector
