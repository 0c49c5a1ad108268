"""The plugin host: a typed facade over pluggy that imports a plugin only when one of its formats is used.

No caller touches ``pm.hook``: the host calls the registration hook, checks
what it registers, and keeps typed records. Listings (``formats()``,
``stenogram formats``, help, completion) come from the plugin cache
(``stenogram.plugincache``), so they import no plugin; a plugin module is
imported the first time one of its formats is asked for. A plugin that
fails to import (anything but ``KeyboardInterrupt``: ``SystemExit``
included), whose hook does not match the specification, or whose
registration raises is recorded in ``load_errors`` and skipped, so the rest
keep working; ``strict=True`` turns that into a ``PluginError``.

Tests register plugins in-process without installing them::

    host = PluginHost()
    host.register(MyPlugin(), name="mine")
    reset_host(host)  # stenogram.export() and friends now use it
"""

from __future__ import annotations

import importlib
import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import attrs
import pluggy

from stenogram import hookspecs
from stenogram.errors import PluginError, UnknownFormatError, require
from stenogram.hookspecs import Registrar
from stenogram.plugincache import (
    CachedEntryPoint,
    CachedPlugin,
    PluginCache,
    cache_dir,
    cache_key,
    editable_stamp,
    path_stamp,
    read_cache,
    save_cache,
    stamp_holds,
)
from stenogram.registry import CollectionExporterInfo, ExporterInfo, FormatInfo, NoOptions, ReaderInfo

if TYPE_CHECKING:
    import importlib.metadata

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
#: Modules of the core that register like third-party plugins do (small: they import their formats' code lazily).
DEFAULT_PLUGINS: tuple[str, ...] = (
    "stenogram.builtin.json_format",
    "stenogram.builtin.text_format",
    "stenogram.builtin.europarl",
    "stenogram.builtin.table",
)

Kind = Literal["exporter", "reader", "corpus"]
#: Where a plugin keeps its loaded records of each kind, and what messages call the kind.
_RECORDS: dict[Kind, str] = {"exporter": "exporters", "reader": "readers", "corpus": "collections"}
_WHAT: dict[Kind, str] = {"exporter": "export format", "reader": "input format", "corpus": "corpus format"}


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
    import importlib.metadata

    try:
        return importlib.metadata.version("stenogram")
    except importlib.metadata.PackageNotFoundError:  # running from a source tree
        return "unknown"


def _installed() -> Iterable[Any]:
    """The installed entry points of group ``stenogram`` (this reads every distribution's metadata)."""
    import importlib.metadata

    return importlib.metadata.entry_points(group=ENTRY_POINT_GROUP)


def _admitted(entry_points: Iterable[Any], allowed: frozenset[str] | None) -> list[Any]:
    """The entry points the allow-list admits (by plugin or distribution name), sorted by name."""
    admitted = []
    for ep in sorted(entry_points, key=lambda e: e.name):
        dist = getattr(ep, "dist", None)
        dist_name: str | None = dist.metadata["Name"] if dist is not None else None
        if allowed is not None and ep.name not in allowed and (dist_name or "") not in allowed:
            continue
        admitted.append(ep)
    return admitted


def _remembered(ep: Any) -> CachedEntryPoint:
    """An entry point as the cache keeps it: its name, value, distribution and version."""
    dist = getattr(ep, "dist", None)
    if dist is None:
        return CachedEntryPoint(ep.name, str(getattr(ep, "value", "")))
    return CachedEntryPoint(ep.name, str(getattr(ep, "value", "")), dist.metadata["Name"], dist.version)


def _load_error(plugin: str, distribution: str | None, exc: BaseException) -> LoadError:
    import traceback

    text = "; ".join(line.strip() for line in str(exc).splitlines() if line.strip())
    if isinstance(exc, SystemExit):
        text = f"the plugin called sys.exit({exc.code!r}) while loading"
    return LoadError(
        plugin=plugin,
        distribution=distribution,
        error=f"{type(exc).__name__}: {text}",
        detail="".join(traceback.format_exception(exc)),
    )


class _Plugin:
    """A plugin the host knows of: loaded (``records``) or only described (``formats``, from the cache).

    A plain class: every run makes a few, and attrs would generate its methods at every start.
    """

    __slots__ = ("builtin", "collections", "distribution", "error", "exporters", "formats", "loader", "name", "readers")

    def __init__(
        self,
        *,
        name: str,
        distribution: tuple[str, str] | None,
        builtin: bool,
        loader: Callable[[], object] | None,  # imports the plugin object; None once loaded
        formats: tuple[FormatInfo, ...] = (),
        error: LoadError | None = None,
    ) -> None:
        self.name = name
        self.distribution = distribution
        self.builtin = builtin
        self.loader = loader
        self.formats = formats
        self.error = error
        self.exporters: tuple[ExporterInfo, ...] = ()
        self.readers: tuple[ReaderInfo, ...] = ()
        self.collections: tuple[CollectionExporterInfo, ...] = ()  # corpus formats (stenogram.collection)

    @property
    def loaded(self) -> bool:
        return self.loader is None


class PluginHost:
    """Knows every plugin, loads each on first use, and answers questions about their formats."""

    def __init__(self, *, strict: bool = False) -> None:
        self.strict = strict
        self.pm = pluggy.PluginManager(hookspecs.PROJECT)
        self.pm.add_hookspecs(hookspecs)
        self._plugins: dict[str, _Plugin] = {}
        self._errors: list[LoadError] = []  # failures of plugins that never got a name slot (duplicates)
        self._cache: tuple[Path, PluginCache] | None = None

    # -- discovery -------------------------------------------------------

    @classmethod
    def discover(
        cls,
        *,
        strict: bool | None = None,
        environ: Mapping[str, str] | None = None,
        entry_points: Iterable[importlib.metadata.EntryPoint] | None = None,
        cache: Path | bool | None = None,
    ) -> PluginHost:
        """The built-in plugins, then every entry point of group ``stenogram`` the allow-list admits.

        ``strict`` defaults to the ``STENOGRAM_STRICT_PLUGINS`` variable;
        ``entry_points`` replaces the installed ones (tests use it).
        ``cache`` is the cache folder, ``True``/``None`` for the default one
        (``None`` uses it only for installed entry points), ``False`` for none:
        without a usable cache every plugin is imported now.
        """
        env = os.environ if environ is None else environ
        host = cls(strict=_truthy(env.get(STRICT_VARIABLE)) if strict is None else strict)
        for module_name in DEFAULT_PLUGINS:
            host.register_module(module_name, builtin=True)
        use_cache = cache if cache is not None else entry_points is None
        allowed = _allow_list(env)
        known: PluginCache | None = None  # a cache that holds for these plugins: nothing to import now
        if use_cache is False:
            admitted = _admitted(_installed() if entry_points is None else entry_points, allowed)
        else:
            # ``environ`` narrows what is loaded; where the cache lives still follows the process's variables.
            folder = use_cache if isinstance(use_cache, Path) else cache_dir({**os.environ, **env})
            stored = read_cache(folder)
            paths, allow = list(sys.path), env.get(ALLOW_LIST_VARIABLE)
            if entry_points is None and stored is not None and stamp_holds(stored.stamp, paths, allow):
                admitted = list(stored.entry_points)  # nothing installed or removed: no metadata is read
                known = stored
                host._cache = (folder, stored)
            else:
                stamp = path_stamp(paths, allow)  # taken before the scan: a change during it shows next time
                admitted = _admitted(_installed() if entry_points is None else entry_points, allowed)
                stamp["editable"] = editable_stamp(admitted)
                fresh = PluginCache(
                    key=cache_key(admitted, _core_version()),
                    stamp=stamp,
                    entry_points=tuple(_remembered(ep) for ep in admitted),
                    plugins={},
                )
                if stored is not None and stored.key == fresh.key:  # the same plugins: only the stamp was stale
                    known = fresh = fresh._replace(plugins=stored.plugins)
                    save_cache(folder, known)
                host._cache = (folder, fresh)
        for source in admitted:
            ep = source if isinstance(source, CachedEntryPoint) else _remembered(source)
            distribution = (ep.distribution, ep.version or "") if ep.distribution else None
            if ep.name in host._plugins:
                host._fail_unnamed(
                    ep.name, ep.distribution, PluginError(f"another plugin is already named {ep.name!r}")
                )
                continue
            entry = known.plugins.get(ep.name) if known is not None else None
            host._plugins[ep.name] = _Plugin(
                name=ep.name,
                distribution=distribution,
                builtin=False,
                loader=source.load,
                formats=entry.formats if entry else (),
                error=LoadError(**entry.error) if entry and entry.error else None,
            )
        if known is None:  # nothing known yet: import them all now, and remember what they registered
            host.load_all()
            host._save_cache()
        elif host.strict and host.load_errors:
            raise PluginError(str(host.load_errors[0]))
        return host

    def _save_cache(self) -> None:
        if self._cache is None:
            return
        folder, cache = self._cache
        plugins = {
            p.name: CachedPlugin(
                formats=p.formats,
                error=attrs.asdict(p.error, filter=lambda a, _: a.name != "detail") if p.error else None,
            )
            for p in self._plugins.values()
            if not p.builtin
        }
        self._cache = (folder, cache._replace(plugins=plugins))
        save_cache(folder, self._cache[1])

    # -- registering -----------------------------------------------------

    def register_module(self, module_name: str, *, builtin: bool = False) -> bool:
        """Import a module and register it now; an import failure is a load error."""
        plugin = _Plugin(
            name=module_name, distribution=None, builtin=builtin, loader=lambda: importlib.import_module(module_name)
        )
        self._plugins[module_name] = plugin
        return self._load(plugin)

    def register(
        self,
        plugin: object,
        *,
        name: str | None = None,
        distribution: tuple[str, str] | None = None,
        builtin: bool = False,
    ) -> bool:
        """Register a plugin object (a module, class or instance with hook implementations) now.

        A plugin of the same name is replaced. Returns whether the plugin was
        accepted; pluggy's validation errors (unknown hook, wrong argument
        names) and registration failures become load errors.
        """
        name = name or getattr(plugin, "__name__", None) or repr(plugin)
        self.unregister(name)
        entry = _Plugin(name=name, distribution=distribution, builtin=builtin, loader=lambda: plugin)
        self._plugins[name] = entry
        return self._load(entry)

    def unregister(self, name: str) -> None:
        """Forget a plugin; nothing happens when it was never there."""
        if self.pm.has_plugin(name):
            self.pm.unregister(name=name)
        self._plugins.pop(name, None)

    def _fail_unnamed(self, plugin: str, distribution: str | None, exc: BaseException) -> None:
        error = _load_error(plugin, distribution, exc)
        if self.strict:
            raise PluginError(str(error)) from exc
        self._errors.append(error)

    def _load(self, plugin: _Plugin) -> bool:
        """Import the plugin, register it with pluggy and call its hook; any failure is its load error."""
        if plugin.loaded:
            return plugin.error is None
        loader, plugin.loader = plugin.loader, None
        assert loader is not None
        dist_name = plugin.distribution[0] if plugin.distribution else None
        registrar = Registrar(plugin.name)
        try:
            obj = loader()
            self.pm.register(obj, name=plugin.name)
            self.pm.check_pending()
            for impl in self.pm.hook.stenogram_register_formats.get_hookimpls():
                if impl.plugin_name == plugin.name:
                    impl.function(registrar=registrar)
        except KeyboardInterrupt:
            raise
        except BaseException as exc:  # SystemExit too: a plugin must not end the caller's process
            if self.pm.has_plugin(plugin.name):
                self.pm.unregister(name=plugin.name)
            plugin.error = _load_error(plugin.name, dist_name, exc)
            plugin.formats, plugin.exporters, plugin.readers = (), (), ()
            if self.strict:
                raise PluginError(str(plugin.error)) from exc
            return False
        plugin.error = None
        plugin.exporters, plugin.readers = tuple(registrar.exporters), tuple(registrar.readers)
        plugin.collections = tuple(registrar.collections)
        records: list[ExporterInfo | ReaderInfo | CollectionExporterInfo] = [
            *plugin.exporters,
            *plugin.readers,
            *plugin.collections,
        ]
        plugin.formats = tuple(FormatInfo.of(r) for r in records)
        return True

    def load_all(self) -> None:
        """Import every plugin not imported yet (``stenogram plugins`` and the cache builder do)."""
        changed = False
        for plugin in list(self._plugins.values()):
            if not plugin.loaded:
                before = (plugin.formats, plugin.error and plugin.error.error)
                self._load(plugin)
                changed |= before != (plugin.formats, plugin.error and plugin.error.error)
        if changed:
            self._save_cache()

    def refresh(self) -> None:
        """Load every plugin now (they are otherwise loaded on first use of one of their formats)."""
        self.load_all()

    # -- what there is -----------------------------------------------------

    def _order(self) -> list[_Plugin]:
        """Built-ins first, then the others by name: a later registration overrides."""
        return sorted(self._plugins.values(), key=lambda p: (not p.builtin, p.name))

    def _catalog(self, kind: Kind) -> dict[str, FormatInfo]:
        table: dict[str, FormatInfo] = {}
        for plugin in self._order():
            if plugin.error is not None:
                continue
            for f in plugin.formats:
                if f.kind == kind:
                    table[f.name] = f
        return table

    def formats(self) -> list[FormatInfo]:
        """Every exporter, reader and corpus format, sorted by kind and name, without importing any plugin."""
        found = [f for kind in _WHAT for f in self._catalog(kind).values()]
        return sorted(found, key=lambda f: (f.kind, f.name))

    def _resolve(self, kind: Kind, name: str) -> ExporterInfo | ReaderInfo | CollectionExporterInfo:
        require(name, str, f"the {kind} lookup", "the format", "a name (str)")
        for _ in range(2):  # a second look when loading showed the cache was out of date
            described = self._catalog(kind).get(name)
            if described is None:
                break
            plugin = self._plugins[described.plugin]
            if self._load(plugin):
                records: tuple[ExporterInfo | ReaderInfo | CollectionExporterInfo, ...] = getattr(
                    plugin, _RECORDS[kind]
                )
                for record in records:
                    if record.name == name:
                        return record
            self._save_cache()
        raise self._unknown(kind, name)

    def _unknown(self, kind: Kind, name: str) -> UnknownFormatError:
        """Unknown format: the ones there are, a close match, and any failed plugin that might have had it."""
        available = sorted(self._catalog(kind))
        failed = [e for e in self.load_errors if name in e.plugin or name in (e.distribution or "")] or self.load_errors
        hint = "; ".join(str(e) for e in failed[:3])
        import difflib

        close = difflib.get_close_matches(name, available, n=1)
        return UnknownFormatError(name, available, kind=_WHAT[kind], suggestion=close[0] if close else None, note=hint)

    def exporter(self, name: str) -> ExporterInfo:
        """The exporter called ``name``, its plugin imported now; ``UnknownFormatError`` lists the others."""
        found = self._resolve("exporter", name)
        assert isinstance(found, ExporterInfo)
        return found

    def reader(self, name: str) -> ReaderInfo:
        """The reader called ``name``, its plugin imported now; ``UnknownFormatError`` lists the others."""
        found = self._resolve("reader", name)
        assert isinstance(found, ReaderInfo)
        return found

    def describe(self, kind: Kind, name: str) -> FormatInfo:
        """A format's description from the cache (no import); ``UnknownFormatError`` when there is none."""
        require(name, str, f"the {kind} lookup", "the format", "a name (str)")
        found = self._catalog(kind).get(name)
        if found is None:
            raise self._unknown(kind, name)
        return found

    def pick_reader(self, head: bytes, name: str | None = None) -> ReaderInfo | None:
        """The reader for an input: the longest suffix of ``name`` that a reader claims, then its content.

        Content: readers in name order whose cached ``magic`` matches the
        head, confirmed by their ``sniff`` if they have one; a reader with a
        ``sniff`` and no ``magic`` is imported to ask it. ``None``: no reader claims it.
        """
        readers = self._catalog("reader")
        if name:
            lowered = name.lower()
            matches = [(len(s), f.name) for f in readers.values() for s in f.suffixes if lowered.endswith(s)]
            if matches:
                best = max(matches, key=lambda m: (m[0], [-ord(c) for c in m[1]]))
                return self.reader(best[1])
        text = head.decode("latin-1")
        for f in sorted(readers.values(), key=lambda f: f.name):
            if f.magic is not None and re.search(f.magic, text, re.MULTILINE) is None:
                continue
            if f.magic is None and not f.sniffs:
                continue
            reader = self.reader(f.name)
            try:
                if reader.sniff is None or reader.sniff(head):
                    return reader
            except (KeyboardInterrupt, GeneratorExit):
                raise
            except BaseException:  # a sniffer's bug (even sys.exit()) must not stop the others from looking
                continue
        return None

    @property
    def load_errors(self) -> list[LoadError]:
        """Every plugin that was skipped: import, validation and registration failures."""
        return [*self._errors, *(p.error for p in self._order() if p.error is not None)]

    @property
    def overridden(self) -> list[str]:
        """Formats a later plugin replaced, as ``"exporter 'json': a replaced by b"``."""
        lines = []
        for kind in _WHAT:
            owner: dict[str, str] = {}
            for plugin in self._order():
                if plugin.error is not None:
                    continue
                for f in plugin.formats:
                    if f.kind == kind:
                        if f.name in owner and owner[f.name] != plugin.name:
                            lines.append(f"{kind} {f.name!r}: {owner[f.name]} replaced by {plugin.name}")
                        owner[f.name] = plugin.name
        return lines

    @property
    def exporters(self) -> Mapping[str, ExporterInfo]:
        """Every exporter, loaded (this imports every plugin; listings use ``formats()``)."""
        return {name: self.exporter(name) for name in self._catalog("exporter")}

    @property
    def readers(self) -> Mapping[str, ReaderInfo]:
        """Every reader, loaded (this imports every plugin)."""
        return {name: self.reader(name) for name in self._catalog("reader")}

    def plugins(self) -> list[PluginInfo]:
        """The plugins that loaded, built-ins first (this imports every plugin)."""
        self.load_all()
        exporters = self._catalog("exporter")
        readers = self._catalog("reader")
        infos = []
        for plugin in self._order():
            if plugin.error is not None:
                continue
            obj = self.pm.get_plugin(plugin.name)
            hooks = tuple(sorted(h.name for h in self.pm.get_hookcallers(obj) or ())) if obj is not None else ()
            dist = plugin.distribution
            infos.append(
                PluginInfo(
                    name=plugin.name,
                    distribution=dist[0] if dist else ("stenogram" if plugin.builtin else None),
                    version=dist[1] if dist else (_core_version() if plugin.builtin else None),
                    hooks=hooks,
                    builtin=plugin.builtin,
                    exporters=tuple(sorted(n for n, f in exporters.items() if f.plugin == plugin.name)),
                    readers=tuple(sorted(n for n, f in readers.items() if f.plugin == plugin.name)),
                )
            )
        return infos

    def collection_exporter(self, name: str) -> CollectionExporterInfo:
        """The corpus format called ``name``, its plugin imported now; ``UnknownFormatError`` lists the others."""
        found = self._resolve("corpus", name)
        assert isinstance(found, CollectionExporterInfo)
        return found

    def collection_exporters(self) -> dict[str, CollectionExporterInfo]:
        """Every corpus format, a later plugin's replacing an earlier one's (this imports every plugin)."""
        return {name: self.collection_exporter(name) for name in self._catalog("corpus")}

    def loaded(self) -> list[str]:
        """The names of the plugins imported so far (tests check that listings import none)."""
        return [p.name for p in self._order() if p.loaded]


_HOST: PluginHost | None = None


def get_host() -> PluginHost:
    """The process-wide host, discovered on first use."""
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
