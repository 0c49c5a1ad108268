"""Sidecar metadata: ``<stem>.meta.toml`` (or ``.meta.yaml``, ``.meta.yml``, ``.meta.json``) beside a transcript.

A sidecar lets people describe transcripts they may not edit. It takes the
same keys as front matter and overrides it.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from stenogram.errors import ParseError, ReadError
from stenogram.infile import read_whole
from stenogram.parse.frontmatter import load_guarded, load_toml, load_yaml
from stenogram.parse.metadata import MetaPatch, patch_from_mapping

__all__ = ["SIDECAR_SUFFIXES", "find_sidecar", "load_sidecar"]

#: Looked for in this order; more than one beside the same transcript is an error.
SIDECAR_SUFFIXES: tuple[str, ...] = (".meta.toml", ".meta.yaml", ".meta.yml", ".meta.json")


def find_sidecar(transcript: str | Path) -> Path | None:
    """The sidecar file of ``transcript``: ``talk.txt`` -> ``talk.meta.toml`` etc., or ``None``."""
    path = Path(transcript)
    stem = path.with_suffix("") if path.suffix else path
    # Whatever exists by that name is the sidecar: a folder or a device there is refused when read, not passed over.
    found = [c for c in (stem.with_name(stem.name + s) for s in SIDECAR_SUFFIXES) if c.exists()]
    if len(found) > 1:
        raise ParseError(
            f"more than one sidecar file: {', '.join(p.name for p in found)}; keep one", file=str(transcript)
        )
    return found[0] if found else None


def _load_json(text: str, source: str) -> dict[str, Any]:
    try:
        value = load_guarded("JSON", json.loads, text, 1, source)
    except json.JSONDecodeError as exc:
        raise ParseError(f"bad JSON metadata: {exc.msg}", file=source, line=exc.lineno, column=exc.colno) from None
    except ValueError as exc:
        raise ParseError(f"bad JSON metadata: {exc}", file=source, line=1) from None
    if not isinstance(value, dict):
        raise ParseError("JSON metadata must be an object of keys to values", file=source, line=1)
    return value


SIDECAR_MAX = 4 << 20  # bytes: a sidecar holds a meeting's metadata, not a transcript
_KEY_LINE = re.compile(r'^\s*"?([A-Za-z_][\w\-]*)"?\s*[:=]')


def load_sidecar(path: str | Path) -> MetaPatch:
    """Read a sidecar file; its errors name it and the line."""
    p = Path(path)
    try:
        # A device or a folder is refused, not read until memory runs out; metadata is small. A pipe is
        # refused too: a sidecar is found by its name, not chosen, and a pipe no one writes to blocks forever.
        text = read_whole(p, limit=SIDECAR_MAX, pipes=False).decode("utf-8-sig")
    except OSError as exc:
        raise ReadError(f"{p}: cannot read sidecar: {exc.strerror or exc}") from None
    except UnicodeDecodeError as exc:
        raise ParseError(f"sidecar is not UTF-8 (byte offset {exc.start})", file=str(p)) from None
    name = p.name.lower()
    if name.endswith(".toml"):
        data = load_toml(text, source=str(p))
    elif name.endswith((".yaml", ".yml")):
        data = load_yaml(text, source=str(p))
    else:
        data = _load_json(text, str(p))
    key_lines: dict[str, int] = {}
    for n, line in enumerate(text.split("\n"), 1):
        m = _KEY_LINE.match(line)
        if m and not line[: m.start(1)].strip(' "'):
            key_lines.setdefault(m.group(1), n)
    return patch_from_mapping(data, source=str(p), key_lines=key_lines, origin="sidecar")
