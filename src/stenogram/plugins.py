"""The plugin host: a typed facade over pluggy.

No caller touches ``pm.hook``: the host calls the registration hooks once,
checks what they register, and keeps typed records. A plugin that fails to
import or registers nonsense is recorded in ``load_errors`` and skipped, so
the rest keep working; ``strict=True`` turns that into a ``PluginError``.
"""

from __future__ import annotations

import importlib
import importlib.metadata
import os
import traceback
from collections.abc import Callable, Mapping
from typing import Any

import attrs
import pluggy

from stenogram import hookspecs
from stenogram.errors import PluginError, UnknownFormatError

__all__ = [
    "DEFAULT_PLUGINS",
    "ENTRY_POINT_GROUP",
    "ExporterInfo",
    "LoadError",
    "PluginHost",
    "PluginInfo",
    "ReaderInfo",
    "get_host",
    "reset_host",
]

ENTRY_POINT_GROUP = "stenogram"
ALLOW_LIST_VARIABLE = "STENOGRAM_LOAD_PLUGINS"
#: Modules of the core that register like third-party plugins do.
DEFAULT_PLUGINS: tuple[str, ...] = ("stenogram.builtin.json_format",)


@attrs.frozen(kw_only=True)
class ExporterInfo:
    """One registered exporter."""

    name: str
    export: Callable[[Any, Any], str | bytes] = attrs.field(eq=False, repr=False)
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
    read: Callable[[bytes, str | None], Any] = attrs.field(eq=False, repr=False)
    suffixes: tuple[str, ...]
    description: str
    sniff: Callable[[bytes], bool] | None = attrs.field(eq=False, repr=False)
    plugin: str


@attrs.frozen(kw_only=True)
class LoadError:
    """A plugin that could not be used, and why."""

    plugin: str
    distribution: str | None
    error: str
    detail: str = attrs.field(default="", repr=False)

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


def _allow_list(environ: Mapping[str, str]) -> frozenset[str] | None:
    raw = environ.get(ALLOW_LIST_VARIABLE)
    if raw is None:
        return None
    return frozenset(part.strip() for part in raw.split(",") if part.strip())


class PluginHost:
    """Loads plugins once and answers questions about what they registered."""

    def __init__(self, *, strict: bool = False) -> None:
        self.strict = strict
        self.pm = pluggy.PluginManager(hookspecs.PROJECT)
        self.pm.add_hookspecs(hookspecs)
        self.load_errors: list[LoadError] = []
        self.overridden: list[str] = []
        self._distributions: dict[str, tuple[str, str] | None] = {}
        self._builtin: set[str] = set()
        self._exporters: dict[str, ExporterInfo] | None = None
        self._readers: dict[str, ReaderInfo] | None = None

    # -- loading ---------------------------------------------------------

    @classmethod
    def discover(cls, *, strict: bool = False, environ: Mapping[str, str] | None = None) -> PluginHost:
        """The built-in plugins, then every installed entry point the allow-list admits."""
        host = cls(strict=strict)
        for module_name in DEFAULT_PLUGINS:
            host.register_module(module_name, builtin=True)
        allowed = _allow_list(os.environ if environ is None else environ)
        for ep in sorted(importlib.metadata.entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name):
            dist = ep.dist
            dist_name = dist.metadata["Name"] if dist is not None else None
            if allowed is not None and ep.name not in allowed and (dist_name or "") not in allowed:
                continue
            try:
                plugin = ep.load()
            except Exception as exc:  # a broken plugin must not take the others down
                host._record_failure(ep.name, dist_name, exc)
                continue
            version = dist.version if dist is not None else ""
            host.register(plugin, name=ep.name, distribution=(dist_name, version) if dist_name else None)
        return host

    def register_module(self, module_name: str, *, builtin: bool = False) -> None:
        try:
            module = importlib.import_module(module_name)
        except Exception as exc:
            self._record_failure(module_name, None, exc)
            return
        self.register(module, name=module_name, builtin=builtin)

    def register(
        self,
        plugin: object,
        *,
        name: str | None = None,
        distribution: tuple[str, str] | None = None,
        builtin: bool = False,
    ) -> None:
        """Register a plugin object (a module or an instance with hook implementations)."""
        name = name or getattr(plugin, "__name__", None) or repr(plugin)
        if self.pm.has_plugin(name):
            self.pm.unregister(name=name)
        try:
            self.pm.register(plugin, name=name)
            self.pm.check_pending()
        except Exception as exc:  # pluggy's validation errors: wrong hook names or arguments
            if self.pm.has_plugin(name):
                self.pm.unregister(name=name)
            self._record_failure(name, distribution[0] if distribution else None, exc)
            return
        self._distributions[name] = distribution
        if builtin:
            self._builtin.add(name)
        self._exporters = self._readers = None

    def unregister(self, name: str) -> None:
        self.pm.unregister(name=name)
        self._exporters = self._readers = None

    def _record_failure(self, plugin: str, distribution: str | None, exc: BaseException) -> None:
        error = LoadError(
            plugin=plugin,
            distribution=distribution,
            error=f"{type(exc).__name__}: {exc}",
            detail="".join(traceback.format_exception(exc)),
        )
        if self.strict:
            raise PluginError(str(error)) from exc
        self.load_errors.append(error)

    # -- registries ------------------------------------------------------

    def _plugin_order(self) -> list[tuple[str, object]]:
        """Built-ins first, then the others by name: later registrations override."""
        named = [(self.pm.get_name(p) or "", p) for p in self.pm.get_plugins()]
        return sorted(named, key=lambda item: (item[0] not in self._builtin, item[0]))

    def _collect(self, hook_name: str, build: Callable[[str, tuple[Any, ...], dict[str, Any]], Any]) -> dict[str, Any]:
        order = {name: i for i, (name, _) in enumerate(self._plugin_order())}
        impls = sorted(getattr(self.pm.hook, hook_name).get_hookimpls(), key=lambda i: order.get(i.plugin_name, -1))
        found: dict[str, Any] = {}
        for impl in impls:
            staged: list[Any] = []

            def register(
                *args: Any, _plugin: str = impl.plugin_name, _staged: list[Any] = staged, **kwargs: Any
            ) -> None:
                _staged.append(build(_plugin, args, kwargs))

            try:
                impl.function(register=register)
            except Exception as exc:  # a plugin's own bug, or a record that fails its checks
                self._record_failure(impl.plugin_name, self._dist_name(impl.plugin_name), exc)
                continue
            for record in staged:
                if record.name in found:
                    self.overridden.append(f"{record.name} ({found[record.name].plugin} -> {record.plugin})")
                found[record.name] = record
        return found

    def _dist_name(self, plugin_name: str) -> str | None:
        dist = self._distributions.get(plugin_name)
        return dist[0] if dist else None

    @property
    def exporters(self) -> Mapping[str, ExporterInfo]:
        if self._exporters is None:
            self._exporters = self._collect("stenogram_register_exporters", _build_exporter)
        return self._exporters

    @property
    def readers(self) -> Mapping[str, ReaderInfo]:
        if self._readers is None:
            self._readers = self._collect("stenogram_register_readers", _build_reader)
        return self._readers

    def exporter(self, name: str) -> ExporterInfo:
        try:
            return self.exporters[name]
        except KeyError:
            raise UnknownFormatError(name, sorted(self.exporters), kind="export format") from None

    def reader(self, name: str) -> ReaderInfo:
        try:
            return self.readers[name]
        except KeyError:
            raise UnknownFormatError(name, sorted(self.readers), kind="input format") from None

    def plugins(self) -> list[PluginInfo]:
        infos = []
        for name, plugin in self._plugin_order():
            dist = self._distributions.get(name)
            hooks = tuple(sorted(h.name for h in self.pm.get_hookcallers(plugin) or ()))
            infos.append(
                PluginInfo(
                    name=name,
                    distribution=dist[0] if dist else None,
                    version=dist[1] if dist else None,
                    hooks=hooks,
                    builtin=name in self._builtin,
                )
            )
        return infos


def _checked(plugin: str, what: str, ok: bool, problem: str) -> None:
    if not ok:
        raise PluginError(f"plugin {plugin!r} registered {what}: {problem}")


def _build_exporter(plugin: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> ExporterInfo:
    name, export = args
    options = kwargs["options"]
    _checked(plugin, f"exporter {name!r}", callable(export), "export is not callable")
    _checked(plugin, f"exporter {name!r}", attrs.has(options), "options is not an attrs class")
    return ExporterInfo(
        name=name,
        export=export,
        options=options,
        media_type=kwargs["media_type"],
        suffix=kwargs["suffix"],
        description=kwargs["description"],
        binary=bool(kwargs.get("binary", False)),
        plugin=plugin,
    )


def _build_reader(plugin: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> ReaderInfo:
    name, read = args
    _checked(plugin, f"reader {name!r}", callable(read), "read is not callable")
    return ReaderInfo(
        name=name,
        read=read,
        suffixes=tuple(s.lower() for s in kwargs["suffixes"]),
        description=kwargs["description"],
        sniff=kwargs.get("sniff"),
        plugin=plugin,
    )


_HOST: PluginHost | None = None


def get_host() -> PluginHost:
    """The process-wide host, loaded on first use."""
    global _HOST
    if _HOST is None:
        _HOST = PluginHost.discover()
    return _HOST


def reset_host(host: PluginHost | None = None) -> None:
    """Forget the loaded plugins (tests use this to install their own host)."""
    global _HOST
    _HOST = host
