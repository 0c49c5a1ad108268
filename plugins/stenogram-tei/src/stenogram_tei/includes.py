"""Following a ParlaMint corpus root's ``xi:include``s, on request and within bounds.

Only relative references to files in the root file's own directory tree are
followed, one level deep, each parsed as safely as the root and all of them
together under the same ``max_bytes``. Anything else (URLs, absolute paths,
``..`` leaving the directory, ``parse="text"``) is left out with a diagnostic:
reading a document must not make the reader fetch or disclose other files.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from stenogram.diagnostics import Diagnostic, Severity
from stenogram_tei.errors import XmlTooLargeError
from stenogram_tei.safexml import parse_xml
from stenogram_tei.vocab import XI_NS

__all__ = ["follow_includes"]

_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:")


def _refusal(href: str, base: Path | None) -> str | None:
    """Why ``href`` may not be followed, or ``None`` if it may."""
    if base is None:
        return "the input has no file name to resolve it against"
    if not href:
        return "it has no href"
    if _SCHEME.match(href) or href.startswith(("/", "\\")):
        return "only relative file names are followed"
    target = (base / href).resolve()
    if not target.is_relative_to(base):
        return "it leaves the directory of the corpus file"
    if not target.is_file():
        return "there is no such file"
    return None


def follow_includes(root: Any, source: str | None, used_bytes: int, max_bytes: int) -> list[Diagnostic]:
    """Replace each allowed ``xi:include`` in ``root`` by the root element of the file it names."""
    base = Path(source).resolve().parent if source else None
    diagnostics: list[Diagnostic] = []
    for include in list(root.iter(f"{{{XI_NS}}}include")):
        href = include.get("href") or ""
        why = 'only parse="xml" is followed' if include.get("parse", "xml") != "xml" else _refusal(href, base)
        if why is not None:
            diagnostics.append(
                Diagnostic(
                    code="xinclude-refused",
                    message=f"{source}: XInclude of {href!r} not followed: {why}",
                    line=include.sourceline or 0,
                    severity=Severity.WARNING,
                )
            )
            continue
        assert base is not None
        target = (base / href).resolve()
        size = target.stat().st_size
        if used_bytes + size > max_bytes:
            raise XmlTooLargeError(
                f"{target}: the corpus and its included files exceed the limit of {max_bytes} bytes (max_bytes)"
            )
        used_bytes += size
        included = parse_xml(target.read_bytes(), str(target), max_bytes)
        include.getparent().replace(include, included)
    return diagnostics
