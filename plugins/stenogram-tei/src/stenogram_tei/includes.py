"""Following a ParlaMint corpus root's ``xi:include``s, on request and within bounds.

Only relative references to files in the root file's own directory tree are
followed, one level deep, each parsed as safely as the root and all of them
together under the same ``max_bytes``. Anything else (URLs, absolute paths,
``..`` leaving the directory, ``parse="text"``) is left out with a diagnostic:
reading a document must not make the reader fetch or disclose other files.
Each file is parsed when its ``xi:include`` is reached and its events take
the include's place, so a corpus is read item by item like one file, never
held as one tree.
"""

from __future__ import annotations

import re
from collections.abc import Generator, Iterator
from pathlib import Path
from typing import Any

from stenogram.diagnostics import Diagnostic, Severity
from stenogram_tei.errors import XmlTooLargeError
from stenogram_tei.safexml import iter_xml
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


def follow_includes(
    events: Iterator[tuple[str, Any]],
    source: str | None,
    used_bytes: int,
    max_bytes: int,
    diagnostics: list[Diagnostic],
) -> Iterator[tuple[str, Any]]:
    """The document's ``(event, element)``s, each allowed ``xi:include`` replaced by those of the file it names.

    A refused include passes through as it is (the reader reports it too), with a diagnostic added to ``diagnostics``.
    """
    base = Path(source).resolve().parent if source else None
    inside = 0  # depth inside an include being replaced: its own content (xi:fallback) is left out
    for event, el in events:
        if inside:
            inside += 1 if event == "start" else -1
            if not inside:  # the include's end: the file it names takes its place
                assert base is not None
                used_bytes = yield from _included(base / (el.get("href") or ""), used_bytes, max_bytes)
            continue
        if el.tag == _INCLUDE and event == "start":
            href = el.get("href") or ""
            why = 'only parse="xml" is followed' if el.get("parse", "xml") != "xml" else _refusal(href, base)
            if why is None:
                inside = 1
                continue
            diagnostics.append(
                Diagnostic(
                    code="xinclude-refused",
                    message=f"{source}: XInclude of {href!r} not followed: {why}",
                    line=el.sourceline or 0,
                    severity=Severity.WARNING,
                )
            )
        yield event, el


def _included(path: Path, used_bytes: int, max_bytes: int) -> Generator[tuple[str, Any], None, int]:
    """The events of an included file, parsed as safely as the root; returns the bytes read so far."""
    target = path.resolve()
    size = target.stat().st_size
    if used_bytes + size > max_bytes:
        raise XmlTooLargeError(
            f"{target}: the corpus and its included files exceed the limit of {max_bytes} bytes (max_bytes)"
        )
    yield from iter_xml(target.read_bytes(), str(target), max_bytes)
    return used_bytes + size


_INCLUDE = f"{{{XI_NS}}}include"
