"""Metadata written at the top of a transcript: YAML (``---``) or TOML (``+++``) front matter.

The Miller Center's one-line ``President: John F. Kennedy`` header (followed
by a blank line) is front matter too: it describes the file and nobody says
it, so it must not become a turn.

The mapping found here goes through :mod:`stenogram.parse.metadata` (the schema), the
same as a sidecar file's; this module only finds the block and loads it.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Mapping
from typing import Any

import attrs

from stenogram.errors import ParseError
from stenogram.parse.metadata import MAX_DEPTH

__all__ = ["MAX_METADATA_CHARS", "FrontMatter", "load_guarded", "load_toml", "load_yaml", "split_front_matter"]


@attrs.frozen(kw_only=True)
class FrontMatter:
    """A metadata block at the start of the text; the transcript begins at ``end``."""

    kind: str  # "yaml", "toml" or "miller"
    data: Mapping[str, Any] = attrs.field(eq=False)
    end: int
    #: line of each top-level key, for messages about bad values
    key_lines: Mapping[str, int] = attrs.field(eq=False, factory=dict)


# --- YAML: the core schema, so ``time: 16:30`` stays text and ``language: no`` stays "no" -------------

_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_BOOL = "tag:yaml.org,2002:bool"


@functools.cache
def _core_loader() -> type:
    """SafeLoader without YAML 1.1's base-60 numbers and yes/no/on/off booleans.

    Made on first use: most transcripts have no YAML, and importing PyYAML is a tenth of start-up.
    """
    import yaml

    class CoreLoader(yaml.SafeLoader):
        pass

    CoreLoader.yaml_implicit_resolvers = {
        first: [(tag, rx) for tag, rx in resolvers if tag not in (_INT, _FLOAT, _BOOL)]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    CoreLoader.add_implicit_resolver(_BOOL, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))
    CoreLoader.add_implicit_resolver(
        _INT, re.compile(r"^(?:[-+]?(?:0|[1-9][0-9_]*)|0x[0-9a-fA-F_]+|0o[0-7_]+)$"), list("-+0123456789")
    )
    CoreLoader.add_implicit_resolver(
        _FLOAT,
        re.compile(
            r"^(?:[-+]?(?:[0-9][0-9_]*)?\.[0-9_]+(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"
        ),
        list("-+0123456789."),
    )
    return CoreLoader


def _mapping(value: object, *, kind: str, line: int, source: str | None) -> dict[str, Any]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise ParseError(
            f"{kind} metadata must be a mapping of keys to values, not {type(value).__name__}", file=source, line=line
        )
    return {str(k): v for k, v in value.items()}


#: Front matter and sidecar files larger than this are refused before a loader sees them (YAML is read by
#: pure Python at about 1 MB/s; values are limited further by ``metadata.MAX_*``).
MAX_METADATA_CHARS = 1_000_000
#: The longest number Python turns into an int (``sys.get_int_max_str_digits()``'s default).
_MAX_DIGITS = 4300
_LONG_NUMBER = re.compile(r"\d[\d_]{" + str(_MAX_DIGITS) + ",}")
#: A TOML key or table header with more than MAX_DEPTH dotted parts: tomllib needs quadratic time for those.
_PART = r"""\s*(?:[A-Za-z0-9_\-]+|"(?:[^"\\\n]|\\.)*"|'[^'\n]*')\s*"""
_DEEP_KEY = re.compile(r"^[ \t]*\[{0,2}" + _PART + r"(?:\." + _PART + "){" + str(MAX_DEPTH) + r",}[\]=]", re.MULTILINE)


def _line_of(text: str, pos: int, first_line: int) -> int:
    return first_line + text.count("\n", 0, pos)


def load_guarded(kind: str, load: Callable[[str], object], text: str, first_line: int, source: str | None) -> object:
    """``load(text)``, its failures on hostile input (size, depth, long numbers) as ``ParseError``s."""
    if len(text) > MAX_METADATA_CHARS:
        raise ParseError(
            f"{kind} metadata is {len(text)} characters; the limit is {MAX_METADATA_CHARS}",
            file=source,
            line=first_line,
        )
    try:
        return load(text)
    except RecursionError:
        raise ParseError(
            f"bad {kind} metadata: nested too deeply (values may be {MAX_DEPTH} levels deep)",
            file=source,
            line=first_line,
        ) from None
    except ValueError as exc:
        long_number = _LONG_NUMBER.search(text)
        if long_number is None or "digits" not in str(exc):
            raise
        raise ParseError(
            f"bad {kind} metadata: a number of more than {_MAX_DIGITS} digits",
            file=source,
            line=_line_of(text, long_number.start(), first_line),
        ) from None


def _too_deep_flow(text: str) -> int | None:
    """Where YAML flow collections (``[``, ``{``) nest deeper than ``MAX_DEPTH``, or ``None``.

    PyYAML's scanner slows down sharply with flow depth (a second for 1000
    levels in 2 KB), so such blocks are refused before it runs. Quoted scalars
    and comments are skipped; this only runs when there are that many brackets.
    """
    if text.count("[") + text.count("{") <= MAX_DEPTH:
        return None
    depth, quote, i, n = 0, "", 0, len(text)
    while i < n:
        c = text[i]
        if quote:
            if c == "\\" and quote == '"':
                i += 1
            elif c == quote:
                quote = ""
        elif c in "\"'":
            quote = c
        elif c == "#" and (i == 0 or text[i - 1] in " \t\n"):
            nl = text.find("\n", i)
            i = n if nl < 0 else nl
            continue
        elif c in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                return i
        elif c in "]}":
            depth = max(depth - 1, 0)
        i += 1
    return None


def load_yaml(text: str, *, first_line: int = 1, source: str | None = None) -> dict[str, Any]:
    """Load a YAML mapping; ``first_line`` is the file line of ``text``'s first line, for messages."""
    deep = _too_deep_flow(text)
    if deep is not None:
        raise ParseError(
            f"bad YAML metadata: nested more than {MAX_DEPTH} levels deep",
            file=source,
            line=_line_of(text, deep, first_line),
        )
    import yaml

    loader = _core_loader()
    try:
        value = load_guarded("YAML", lambda t: yaml.load(t, Loader=loader), text, first_line, source)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = first_line + mark.line if mark is not None else first_line
        problem = exc.problem or exc.context or "invalid YAML"
        raise ParseError(f"bad YAML metadata: {problem}", file=source, line=line) from None
    except (yaml.YAMLError, ValueError, TypeError) as exc:
        raise ParseError(f"bad YAML metadata: {exc}", file=source, line=first_line) from None
    return _mapping(value, kind="YAML", line=first_line, source=source)


_TOML_AT = re.compile(r"\(at line (\d+), column (\d+)\)")


def load_toml(text: str, *, first_line: int = 1, source: str | None = None) -> dict[str, Any]:
    """Load a TOML table; errors give the file line."""
    import tomllib  # only for TOML front matter: its parser costs every start

    deep = _DEEP_KEY.search(text) if text.count(".") > MAX_DEPTH else None
    if deep is not None:
        raise ParseError(
            f"bad TOML metadata: a key of more than {MAX_DEPTH} dotted parts",
            file=source,
            line=_line_of(text, deep.start(), first_line),
        )
    try:
        return _mapping(
            load_guarded("TOML", tomllib.loads, text, first_line, source), kind="TOML", line=first_line, source=source
        )
    except tomllib.TOMLDecodeError as exc:
        msg = str(exc)
        m = _TOML_AT.search(msg)
        line = first_line + int(m.group(1)) - 1 if m else first_line
        column = int(m.group(2)) if m else None
        raise ParseError(
            f"bad TOML metadata: {_TOML_AT.sub('', msg).strip()}", file=source, line=line, column=column
        ) from None
    except ValueError as exc:
        raise ParseError(f"bad TOML metadata: {exc}", file=source, line=first_line) from None


# --- finding the block --------------------------------------------------------------------------------

#: opening fence -> (kind, closing fences)
_FENCES: dict[str, tuple[str, tuple[str, ...]]] = {"---": ("yaml", ("---", "...")), "+++": ("toml", ("+++",))}
_KEY_LINE = re.compile(r"^([A-Za-z_][\w\-]*)\s*[:=]")
_MILLER = re.compile(r"\APresident: ([A-Z][\w'’.\-]*(?: [A-Z][\w'’.\-]*){1,4})[ \t]*\n[ \t]*\n")


def _key_lines(block: str, first_line: int) -> dict[str, int]:
    lines: dict[str, int] = {}
    for n, line in enumerate(block.split("\n"), first_line):
        m = _KEY_LINE.match(line)
        if m:
            lines.setdefault(m.group(1), n)
    return lines


def split_front_matter(text: str, *, source: str | None = None) -> FrontMatter | None:
    """The front matter at the start of ``text`` (already decoded), or ``None``.

    A fence must be the whole first line; the block ends at the next line
    that is a closing fence. An opening fence that is never closed is an
    error, so a typo does not silently turn metadata into speech.
    """
    m = _MILLER.match(text)
    if m:
        return FrontMatter(kind="miller", data={"president": m.group(1)}, end=m.end(1) + 1, key_lines={"president": 1})
    if not text.startswith(tuple(_FENCES)):
        return None  # without a copy of a first line that may be megabytes long
    first_end = text.find("\n")
    first = (text if first_end < 0 else text[:first_end]).rstrip(" \t")
    if first not in _FENCES:
        return None
    kind, closers = _FENCES[first]
    pos = first_end + 1 if first_end >= 0 else len(text)
    line_no = 2
    while pos <= len(text):
        nl = text.find("\n", pos)
        line = text[pos:] if nl < 0 else text[pos:nl]
        if line.rstrip(" \t") in closers:
            block = text[first_end + 1 : pos]
            end = len(text) if nl < 0 else nl + 1
            data = (load_yaml if kind == "yaml" else load_toml)(block, first_line=2, source=source)
            return FrontMatter(kind=kind, data=data, end=end, key_lines=_key_lines(block, 2))
        if nl < 0:
            break
        pos, line_no = nl + 1, line_no + 1
    raise ParseError(
        f"{kind.upper()} front matter opened with {first!r} is never closed", file=source, line=1, text=first
    )
