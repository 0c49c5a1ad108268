"""The plugin cache: what each installed plugin registers, kept so a run imports only the plugins it uses.

The cache is keyed by the installed plugin distributions, their versions and
entry points (and, for an editable install, the newest modification time of
its Python files), plus stenogram's own version: when that set changes, the
host imports every plugin again and rewrites the cache.

Computing that key needs ``importlib.metadata``, which costs a one-file
conversion more than the conversion itself. So the cache also keeps a stamp
that is cheap to check: the modification time of every folder on
``sys.path`` (installing, upgrading or removing a distribution adds or
removes a ``*.dist-info`` folder there, which changes it) and the newest
change to the editable plugins' files. While the stamp holds, the entry
points come from the cache and no metadata is read; when it does not, the
key decides, as before.

It lives in the user's cache directory (``$XDG_CACHE_HOME/stenogram``,
``~/Library/Caches`` on macOS, ``%LOCALAPPDATA%`` on Windows), or wherever
``STENOGRAM_CACHE_DIR`` points. A cache that cannot be read or written is
ignored: it only saves time. Each Python environment has its own file there.
"""

from __future__ import annotations

import contextlib
import importlib
import json
import os
import sys
import zlib
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, NamedTuple

import attrs

from stenogram.registry import FormatInfo

__all__ = [
    "CACHE_VARIABLE",
    "CachedEntryPoint",
    "CachedPlugin",
    "PluginCache",
    "cache_dir",
    "cache_file",
    "cache_key",
    "editable_folders",
    "editable_stamp",
    "path_stamp",
    "read_cache",
    "save_cache",
    "stamp_holds",
]

CACHE_VARIABLE = "STENOGRAM_CACHE_DIR"
CACHE_FORMAT = 4  # 4: corpus formats are kept too
_DISTRIBUTIONS = (".dist-info", ".egg-info", ".egg-link")


def cache_file(folder: Path) -> Path:
    """One file per Python environment, so two virtual environments of one user never overwrite each other's."""
    env = zlib.crc32(sys.prefix.encode("utf-8", "surrogatepass"))  # not hashlib: loading OpenSSL costs a start
    return folder / f"plugins-{env:08x}.json"


class CachedPlugin(NamedTuple):
    """One plugin as the cache remembers it: its formats, or the error it failed with.

    The cache's records are named tuples: attrs classes cost their generated methods at every start.
    """

    formats: tuple[FormatInfo, ...] = ()
    error: dict[str, Any] | None = None


class CachedEntryPoint(NamedTuple):
    """An entry point as the cache remembers it, loadable without ``importlib.metadata``."""

    name: str
    value: str
    distribution: str | None = None
    version: str | None = None

    def load(self) -> object:
        """Import ``module[:attribute]`` as ``importlib.metadata.EntryPoint.load`` does (extras ignored)."""
        module, _, attribute = self.value.split("[", 1)[0].partition(":")
        found: object = importlib.import_module(module.strip())
        for part in attribute.strip().split("."):
            if part:
                found = getattr(found, part)
        return found


class PluginCache(NamedTuple):
    """What a cache file holds: the key, the cheap stamp, the admitted entry points and their plugins."""

    key: str
    stamp: dict[str, Any]
    entry_points: tuple[CachedEntryPoint, ...]
    plugins: dict[str, CachedPlugin]


def cache_dir(environ: Mapping[str, str] | None = None) -> Path:
    """Where the cache lives: ``STENOGRAM_CACHE_DIR``, else the platform's user cache directory."""
    env = os.environ if environ is None else environ
    if env.get(CACHE_VARIABLE):
        return Path(env[CACHE_VARIABLE])
    if sys.platform == "win32":
        base = Path(env.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Caches"
    else:
        base = Path(env.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "stenogram"


def _editable_folder(dist: Any) -> str | None:
    """The project folder of an editable install (PEP 610 ``direct_url.json``), else ``None``."""
    from urllib.parse import unquote, urlparse

    try:
        info = json.loads(dist.read_text("direct_url.json") or "null")
    except Exception:
        return None
    if not isinstance(info, dict) or not info.get("dir_info", {}).get("editable"):
        return None
    return unquote(urlparse(info.get("url", "")).path) or None


def editable_folders(entry_points: Iterable[Any]) -> tuple[str, ...]:
    """The project folders of the editable distributions among ``entry_points``: their files are watched."""
    found = {folder for ep in entry_points if (folder := _editable_folder(getattr(ep, "dist", None))) is not None}
    return tuple(sorted(found))


def _newest_python_file(folder: str) -> int:
    """The newest change to a ``.py`` file under ``folder``: editing an editable plugin refreshes the cache."""
    newest = 0
    for root, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".") and d not in {"build", "__pycache__", "tests"}]
        for name in files:
            if name.endswith(".py"):
                with contextlib.suppress(OSError):
                    newest = max(newest, os.stat(os.path.join(root, name)).st_mtime_ns)
    return newest


def cache_key(entry_points: Iterable[Any], core_version: str) -> str:
    """A digest of everything whose change could change what the plugins register."""
    import hashlib

    parts = [f"format={CACHE_FORMAT}", f"stenogram={core_version}", f"python={sys.version_info[:2]}"]
    stamps: dict[str, str] = {}
    for ep in entry_points:
        dist = getattr(ep, "dist", None)
        name = dist.metadata["Name"] if dist is not None else ""
        version = dist.version if dist is not None else ""
        if dist is not None and name not in stamps:
            folder = _editable_folder(dist)
            stamps[name] = str(_newest_python_file(folder)) if folder else ""
        parts.append(f"{ep.name}={getattr(ep, 'value', '')}@{name}=={version}#{stamps.get(name, '')}")
    return hashlib.sha256("\n".join(sorted(parts)).encode("utf-8")).hexdigest()


def _mtime(folder: str) -> int | None:
    try:
        return os.stat(folder or ".").st_mtime_ns
    except OSError:
        return None


def _holds_distributions(folder: str) -> bool:
    try:
        with os.scandir(folder or ".") as entries:
            return any(e.name.endswith(_DISTRIBUTIONS) for e in entries)
    except OSError:  # missing, not a folder, or a zip file: no distributions to look at
        return False


def _folders(paths: Sequence[str]) -> list[str]:
    """``sys.path`` as absolute folders (``""`` is the current folder), each once."""
    return list(dict.fromkeys(os.path.abspath(p or os.curdir) for p in paths))


def path_stamp(paths: Sequence[str], allow: str | None) -> dict[str, Any]:
    """The cheap stamp: each ``sys.path`` folder's mtime and whether it holds distributions (``editable`` to add)."""
    return {
        "format": CACHE_FORMAT,
        "python": list(sys.version_info[:2]),
        "allow": allow,
        "paths": [[p, _mtime(p), _holds_distributions(p)] for p in _folders(paths)],
        "editable": [],
    }


def editable_stamp(entry_points: Iterable[Any]) -> list[list[Any]]:
    """The stamp's ``editable`` part: each editable plugin's project folder and the newest change to its files."""
    return [[folder, _newest_python_file(folder)] for folder in editable_folders(entry_points)]


def stamp_holds(stamp: Mapping[str, Any], paths: Sequence[str], allow: str | None) -> bool:
    """Whether nothing that could change the plugins changed since ``stamp`` was taken: a few ``stat`` calls.

    The folders that hold distributions must be the same, in the same order,
    and unchanged. Any other folder on ``sys.path`` (the current folder, where
    outputs are written, or the script's folder, which differs between
    ``stenogram`` and ``python -m stenogram``) is looked into only when it is
    new or changed: a distribution appearing there is what counts.
    """
    try:
        if stamp["format"] != CACHE_FORMAT or stamp["python"] != list(sys.version_info[:2]) or stamp["allow"] != allow:
            return False
        recorded = {folder: (mtime, distributions) for folder, mtime, distributions in stamp["paths"]}
        holding = []
        for folder in _folders(paths):
            mtime, distributions = recorded.get(folder, (None, False))
            if folder in recorded and _mtime(folder) == mtime:
                if distributions:
                    holding.append(folder)
            elif distributions or _holds_distributions(folder):
                return False
        if holding != [folder for folder, _, distributions in stamp["paths"] if distributions]:
            return False
        return all(_newest_python_file(folder) == newest for folder, newest in stamp["editable"])
    except (KeyError, TypeError, ValueError):
        return False


def read_cache(folder: Path) -> PluginCache | None:
    """The cache file's contents, or ``None`` when there is none or it cannot be read."""
    try:
        data = json.loads(cache_file(folder).read_text(encoding="utf-8"))
        return PluginCache(
            key=data["key"],
            stamp=data["stamp"],
            entry_points=tuple(CachedEntryPoint(*ep) for ep in data["entry_points"]),
            plugins={
                name: CachedPlugin(
                    formats=tuple(FormatInfo(**f) for f in entry.get("formats", ())), error=entry.get("error")
                )
                for name, entry in data["plugins"].items()
            },
        )
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return None


def save_cache(folder: Path, cache: PluginCache) -> None:
    """Write the cache atomically; a folder that cannot be written is left alone."""
    from stenogram.atomic import write_atomic

    data = {
        "key": cache.key,
        "stamp": cache.stamp,
        "entry_points": [list(ep) for ep in cache.entry_points],
        "plugins": {
            name: {"formats": [attrs.asdict(f) for f in entry.formats], "error": entry.error}
            for name, entry in sorted(cache.plugins.items())
        },
    }
    try:
        folder.mkdir(parents=True, exist_ok=True)
        write_atomic(cache_file(folder), json.dumps(data, ensure_ascii=False, indent=1))
    except OSError:
        pass
