"""The hook specifications every stenogram plugin implements.

Hooks are few and take a ``register`` callable, so the host builds the typed
records itself and can check them (the ``register_*`` style of simonw/llm).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

import pluggy

__all__ = ["ExporterRegistrar", "ReaderRegistrar", "hookimpl", "hookspec"]

PROJECT = "stenogram"
hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)


class ExporterRegistrar(Protocol):
    """What ``stenogram_register_exporters`` receives."""

    def __call__(
        self,
        name: str,
        export: Callable[[Any, Any], str | bytes],
        *,
        options: type,
        media_type: str,
        suffix: str,
        description: str,
        binary: bool = False,
    ) -> None: ...


class ReaderRegistrar(Protocol):
    """What ``stenogram_register_readers`` receives."""

    def __call__(
        self,
        name: str,
        read: Callable[[bytes, str | None], Any],
        *,
        suffixes: tuple[str, ...],
        description: str,
        sniff: Callable[[bytes], bool] | None = None,
    ) -> None: ...


@hookspec
def stenogram_register_exporters(register: ExporterRegistrar) -> None:
    """Register exporters by calling ``register`` once for each.

    ``export(transcript, options) -> str | bytes`` must be a pure function of
    its arguments; ``options`` is a frozen attrs class whose every field has a
    default. Result rule: all implementations are called; when two plugins
    register the same name, the one registered later wins (third-party
    plugins are registered after the built-in ones, so they can override
    them), and the replaced one is listed by ``stenogram plugins``.
    """


@hookspec
def stenogram_register_readers(register: ReaderRegistrar) -> None:
    """Register input formats by calling ``register`` once for each.

    ``read(data, source_name) -> Transcript`` takes the raw bytes, so a
    reader can honour the encoding its format declares; ``source_name`` is
    the file name for messages, or ``None``. ``sniff(head)`` gets the first
    4 KiB and says whether the data looks like this format. Result rule: as
    for exporters, a later registration of the same name wins; when picking
    a reader for a file, a suffix match is tried first, then ``sniff``, and
    plain text is the fallback.
    """
