"""The plugin cache: what each installed plugin registers, kept so a run imports only the plugins it uses.

The cache is keyed by the installed plugin distributions, their versions and
entry points (and, for an editable install, the newest modification time of
its Python files), plus stenogram's own version: when that set changes, the
host imports every plugin again and rewrites the cache. It lives in the
user's cache directory (``$XDG_CACHE_HOME/stenogram``, ``~/Library/Caches``
on macOS, ``%LOCALAPPDATA%`` on Windows), or wherever
``STENOGRAM_CACHE_DIR`` points. A cache that cannot be read or written is
ignored: it only saves time.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

import attrs

from stenogram.registry import FormatInfo

__all__ = ["CACHE_VARIABLE", "CachedPlugin", "cache_dir", "cache_key", "load_cache", "save_cache"]

CACHE_VARIABLE = "STENOGRAM_CACHE_DIR"
CACHE_FORMAT = 2
CACHE_FILE = "plugins.json"


@attrs.frozen(kw_only=True)
class CachedPlugin:
    """One plugin as the cache remembers it: its formats, or the error it failed with."""

    formats: tuple[FormatInfo, ...] = ()
    error: dict[str, Any] | None = None


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


def _editable_stamp(dist: Any) -> str:
    """For an editable install, the newest change to its Python files: editing a plugin refreshes the cache."""
    try:
        raw = dist.read_text("direct_url.json")
    except Exception:
        return ""
    if not raw:
        return ""
    try:
        info = json.loads(raw)
    except ValueError:
        return ""
    if not info.get("dir_info", {}).get("editable"):
        return ""
    folder = Path(unquote(urlparse(info.get("url", "")).path))
    newest = 0
    for root, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".") and d not in {"build", "__pycache__", "tests"}]
        for name in files:
            if name.endswith(".py"):
                with contextlib.suppress(OSError):
                    newest = max(newest, os.stat(os.path.join(root, name)).st_mtime_ns)
    return str(newest)


def cache_key(entry_points: Iterable[Any], core_version: str) -> str:
    """A digest of everything whose change could change what the plugins register."""
    parts = [f"format={CACHE_FORMAT}", f"stenogram={core_version}", f"python={sys.version_info[:2]}"]
    stamps: dict[str, str] = {}
    for ep in entry_points:
        dist = getattr(ep, "dist", None)
        name = dist.metadata["Name"] if dist is not None else ""
        version = dist.version if dist is not None else ""
        if dist is not None and name not in stamps:
            stamps[name] = _editable_stamp(dist)
        parts.append(f"{ep.name}={getattr(ep, 'value', '')}@{name}=={version}#{stamps.get(name, '')}")
    return hashlib.sha256("\n".join(sorted(parts)).encode("utf-8")).hexdigest()


def load_cache(folder: Path, key: str) -> dict[str, CachedPlugin] | None:
    """The cached plugins, or ``None`` when there is no cache for ``key``."""
    try:
        data = json.loads((folder / CACHE_FILE).read_text(encoding="utf-8"))
        if data.get("key") != key:
            return None
        return {
            name: CachedPlugin(
                formats=tuple(FormatInfo(**f) for f in entry.get("formats", ())), error=entry.get("error")
            )
            for name, entry in data["plugins"].items()
        }
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return None


def save_cache(folder: Path, key: str, plugins: Mapping[str, CachedPlugin]) -> None:
    """Write the cache atomically; a folder that cannot be written is left alone."""
    from stenogram.atomic import write_atomic

    data = {
        "key": key,
        "plugins": {
            name: {"formats": [attrs.asdict(f) for f in entry.formats], "error": entry.error}
            for name, entry in sorted(plugins.items())
        },
    }
    try:
        folder.mkdir(parents=True, exist_ok=True)
        write_atomic(folder / CACHE_FILE, json.dumps(data, ensure_ascii=False, indent=1))
    except OSError:
        pass
