"""Plain text -> Transcript, as a pipeline of small stages (see docs/parser.md and docs/metadata.md).

The outer shell lives here: decode, split off front matter, hand the text
to the grammar (``build.py``) or to the Europarl reader, then lay the
metadata over the result in order of precedence: the text's own header,
front matter, a sidecar file, the arguments of the call.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs

from stenogram.diagnostics import Diagnostic
from stenogram.errors import EmptyInputError, OptionError, ParseError, ReadError, StrictModeError, require
from stenogram.infile import read_whole
from stenogram.model import Meeting, Participant, Transcript
from stenogram.options import make_options
from stenogram.parse.build import build_transcript
from stenogram.parse.decode import decode, normalise_newlines
from stenogram.parse.frontmatter import split_front_matter
from stenogram.parse.headers import read_header
from stenogram.parse.margins import blank_margin, margin_diagnostic, numbered_margin, page_heads
from stenogram.parse.merge import apply_metadata
from stenogram.parse.metadata import MetaPatch, patch_from_mapping, patch_from_meeting
from stenogram.parse.options import ParseOptions
from stenogram.parse.sidecar import find_sidecar, load_sidecar
from stenogram.surrogates import has_lone_surrogates, replace_surrogates, surrogate_diagnostics

__all__ = ["ParseOptions", "parse", "parse_bytes", "parse_file"]

MeetingArg = Meeting | Mapping[str, Any] | None
ParticipantsArg = Sequence[Participant | Mapping[str, Any] | str] | Mapping[str, Any] | None


def _options(options: ParseOptions | Mapping[str, Any] | None, overrides: dict[str, Any]) -> ParseOptions:
    """``options`` with keyword ``overrides``; each value checked against its field (``strict="yes"`` is True)."""
    result: ParseOptions = make_options(ParseOptions, options, overrides)
    return result


def _api_patch(meeting: MeetingArg, participants: ParticipantsArg) -> MetaPatch | None:
    """The ``meeting=`` and ``participants=`` arguments as the top metadata layer."""
    if meeting is None and participants is None:
        return None
    if meeting is None:
        patch = MetaPatch()
    elif isinstance(meeting, Meeting):
        patch = patch_from_meeting(meeting)
    elif isinstance(meeting, Mapping):
        patch = patch_from_mapping(meeting, origin="meeting argument")
    else:
        raise OptionError(f"meeting must be a Meeting or a mapping, not {type(meeting).__name__}")
    if participants is not None:
        if isinstance(participants, (str, bytes)) or not isinstance(participants, (Sequence, Mapping)):
            raise OptionError(f"participants must be a list, not {type(participants).__name__}")
        people = patch_from_mapping({"participants": participants}, origin="participants argument")
        patch = attrs.evolve(
            patch,
            participants=(*patch.participants, *people.participants),
            diagnostics=(*patch.diagnostics, *people.diagnostics),
        )
    return patch


_VISIBLE = re.compile(r"\S")


def _parse_text(
    text: str,
    opts: ParseOptions,
    *,
    source: str | None,
    sidecar: MetaPatch | None = None,
    api: MetaPatch | None = None,
) -> Transcript:
    """Parse decoded text (newlines already folded)."""
    from stenogram.parse.europarl import build_europarl, looks_like_europarl

    # Asked without copies of the text (strip and slices would copy megabytes).
    if _VISIBLE.search(text) is None:
        raise EmptyInputError("the input holds no text", file=source)
    scrubbed: tuple[Diagnostic, ...] = ()
    if has_lone_surrogates(text):  # lone surrogates: U+FFFD, one warning per line
        scrubbed = surrogate_diagnostics(text)
        text = replace_surrogates(text)
    front = split_front_matter(text, source=source)
    start = front.end if front is not None else 0
    if _VISIBLE.search(text, start) is None:
        raise EmptyInputError("the input holds front matter but no transcript", file=source)
    margin = numbered_margin(text, start)
    heads: tuple[int, ...] = ()
    if margin:  # "15          Q.   Good morning": the numbers are the page's, not words
        heads = page_heads(text, start)
        text = blank_margin(text, start)
        scrubbed = (*scrubbed, margin_diagnostic(margin))
    layers: list[MetaPatch] = []
    if front is not None:
        layers.append(patch_from_mapping(front.data, source=source, key_lines=front.key_lines, origin="front matter"))
    layers += [layer for layer in (sidecar, api) if layer is not None]
    if looks_like_europarl(text[start : start + 4096]):
        europarl = build_europarl(text, start=start, source=source, stage_notes=opts.stage_notes)
        t = apply_metadata(europarl, header=None, layers=layers)
    else:
        header = read_header(text, start, after_front_matter=front is not None)
        t = build_transcript(text, start=header.end if header is not None else start, options=opts, page_heads=heads)
        t = apply_metadata(t, header=header, layers=layers)
    if scrubbed:
        t = attrs.evolve(t, diagnostics=(*scrubbed, *t.diagnostics))
    if opts.strict and t.diagnostics:
        raise StrictModeError("the parser had to guess", diagnostics=t.diagnostics, file=source)
    return t


def _names_a_file(text: str) -> bool:
    """A one-line string that is the path of an existing file: a call that meant ``parse_file``."""
    if "\n" in text or not text.strip() or len(text) > 4096:
        return False
    try:
        return os.path.isfile(text)
    except (OSError, ValueError):
        return False


def parse(
    text: str,
    *,
    options: ParseOptions | None = None,
    source: str | None = None,
    meeting: MeetingArg = None,
    participants: ParticipantsArg = None,
    **overrides: Any,
) -> Transcript:
    """Parse a transcript held in a string.

    ``source`` names the text in messages. ``meeting`` (a ``Meeting`` or a
    mapping) and ``participants`` (``Participant`` objects or mappings) set
    metadata and win over anything the text says; keyword ``overrides`` set
    single ``ParseOptions`` fields.
    """
    if isinstance(text, os.PathLike):
        raise OptionError(f"parse() takes the text of a transcript, not a path; use parse_file({str(text)!r})")
    if not isinstance(text, str):
        raise OptionError(f"parse() takes text (str), not {type(text).__name__}; use parse_bytes() for bytes")
    if _names_a_file(text):
        raise OptionError(f"parse() takes the text of a transcript; {text!r} is a file: use parse_file({text!r})")
    opts = _options(options, overrides)
    return _parse_text(normalise_newlines(text), opts, source=source, api=_api_patch(meeting, participants))


def parse_bytes(
    data: bytes,
    *,
    encoding: str | None = None,
    source: str | None = None,
    options: ParseOptions | None = None,
    meeting: MeetingArg = None,
    participants: ParticipantsArg = None,
    **overrides: Any,
) -> Transcript:
    """Decode and parse: a BOM picks UTF-8 or UTF-16/32, otherwise UTF-8 unless ``encoding`` names another."""
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise OptionError(f"parse_bytes() takes bytes, not {type(data).__name__}; use parse() for text")
    opts = _options(options, overrides)
    api = _api_patch(meeting, participants)
    return _parse_text(decode(bytes(data), encoding, source=source), opts, source=source, api=api)


def parse_file(
    path: str | os.PathLike[str],
    *,
    encoding: str | None = None,
    options: ParseOptions | None = None,
    meeting: MeetingArg = None,
    participants: ParticipantsArg = None,
    sidecar: bool = True,
    **overrides: Any,
) -> Transcript:
    """Read and parse a file; every error names the file.

    With ``sidecar`` (the default), metadata in ``<stem>.meta.toml``,
    ``.meta.yaml``, ``.meta.yml`` or ``.meta.json`` beside the file is used.
    """
    require(path, (str, os.PathLike), "parse_file", "the path", "a str or os.PathLike")
    p = Path(path)
    try:
        data = read_whole(p)  # a device or a folder is refused, not read until memory runs out
    except (OSError, ValueError) as exc:  # ValueError: a NUL byte in the path
        raise ReadError(f"{p}: cannot read: {getattr(exc, 'strerror', None) or exc}") from None
    return parse_file_data(
        p,
        data,
        encoding=encoding,
        options=options,
        meeting=meeting,
        participants=participants,
        sidecar=sidecar,
        **overrides,
    )


def parse_file_data(
    path: str | os.PathLike[str],
    data: bytes,
    *,
    encoding: str | None = None,
    options: ParseOptions | None = None,
    meeting: MeetingArg = None,
    participants: ParticipantsArg = None,
    sidecar: bool = True,
    **overrides: Any,
) -> Transcript:
    """``parse_file`` for a file whose bytes the caller has read already (``stenogram.read`` sniffs them first)."""
    p = Path(path)
    name = str(p)
    try:
        side_path = find_sidecar(p) if sidecar else None
    except (OSError, ValueError) as exc:
        raise ReadError(f"{p}: cannot read: {getattr(exc, 'strerror', None) or exc}") from None
    try:
        opts = _options(options, overrides)
        api = _api_patch(meeting, participants)
        side = load_sidecar(side_path) if side_path is not None else None
        return _parse_text(decode(data, encoding, source=name), opts, source=name, sidecar=side, api=api)
    except ParseError as exc:
        if not exc.file:
            exc.with_file(name)
        raise
