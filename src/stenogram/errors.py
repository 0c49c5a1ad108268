"""Every error stenogram raises on purpose derives from ``StenogramError``."""

from __future__ import annotations

from collections.abc import Sequence

__all__ = [
    "ArgumentError",
    "DecodeError",
    "EmptyInputError",
    "ExportError",
    "OptionError",
    "OverwriteError",
    "ParseError",
    "PluginError",
    "ReadError",
    "StenogramError",
    "StrictModeError",
    "UnknownFormatError",
    "UnknownParticipantError",
    "WriteError",
]


class StenogramError(Exception):
    """Base class: catch this to catch every error stenogram raises on purpose."""


class ParseError(StenogramError):
    """Input that cannot be turned into a transcript; says where and why."""

    def __init__(
        self,
        message: str,
        *,
        file: str | None = None,
        line: int | None = None,
        column: int | None = None,
        text: str | None = None,
    ) -> None:
        self.message = message
        self.file = file
        self.line = line
        self.column = column
        self.text = text
        super().__init__(self._render())

    def _render(self) -> str:
        where = self.file or "<text>"
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        shown = f": {self.text!r}" if self.text else ""
        return f"{where}: {self.message}{shown}"

    def with_file(self, file: str) -> ParseError:
        """The same error, now naming the file it came from."""
        self.file = file
        self.args = (self._render(),)
        return self


class DecodeError(ParseError):
    """Bytes that are not valid in the encoding tried."""

    def __init__(self, message: str, *, offset: int, encoding: str, file: str | None = None) -> None:
        self.offset = offset
        self.encoding = encoding
        super().__init__(message, file=file)


class EmptyInputError(ParseError):
    """Input with no text at all: almost always the wrong file."""


class StrictModeError(ParseError):
    """``strict=True`` and the parser had to guess; ``diagnostics`` lists every guess."""

    def __init__(self, message: str, *, diagnostics: Sequence[object], file: str | None = None) -> None:
        self.diagnostics = tuple(diagnostics)
        first = self.diagnostics[0] if self.diagnostics else None
        line = getattr(first, "line", None)
        super().__init__(message, file=file, line=line or None, text=getattr(first, "text", None) or None)


class ReadError(StenogramError):
    """A registered reader could not read its input (bad XML, bad JSON, …)."""


class ExportError(StenogramError):
    """An exporter could not render a transcript."""


class OverwriteError(ExportError):
    """The output path is the file the transcript was read from."""


class WriteError(ExportError, OSError):
    """An output file the file system would not let us write; names the file and the problem.

    Also an ``OSError`` (``errno`` is the system's, when there is one), so code
    that caught the file system's own errors keeps working. Nothing is left
    behind: neither a partial file nor a temp file.
    """

    def __init__(self, path: str, problem: str, *, errno: int | None = None) -> None:
        self.path = path
        self.problem = problem
        super().__init__(f"{path}: cannot write: {problem}")
        self.errno = errno
        self.filename = path

    def __str__(self) -> str:
        return f"{self.path}: cannot write: {self.problem}"

    def __reduce__(self) -> tuple[type[WriteError], tuple[str, str], dict[str, int | None]]:
        return (type(self), (self.path, self.problem), {"errno": self.errno})


class OptionError(StenogramError):
    """An exporter option that does not exist or has the wrong type."""


class ArgumentError(OptionError, TypeError):
    """An argument of a public function that is not of a type it takes (``parse_file(5)``).

    Also a ``TypeError``, as Python's own would be, but saying which call and
    which argument, and caught with every other ``StenogramError``.
    """


def require(value: object, kinds: type | tuple[type, ...], call: str, argument: str, expected: str) -> None:
    """Refuse ``value`` unless it is one of ``kinds``: an ``ArgumentError`` naming the call and the argument."""
    if not isinstance(value, kinds):
        raise ArgumentError(f"{call}() takes {argument} as {expected}, not {type(value).__name__}")


class UnknownFormatError(StenogramError):
    """No exporter or reader of that name; the message lists the ones there are."""

    def __init__(
        self,
        name: str,
        available: Sequence[str],
        kind: str = "format",
        *,
        suggestion: str | None = None,
        note: str = "",
    ) -> None:
        self.name = name
        self.available = tuple(available)
        self.suggestion = suggestion
        listed = ", ".join(self.available) or "none"
        close = f"; did you mean {suggestion!r}?" if suggestion else ""
        extra = f" ({note})" if note else ""
        super().__init__(f"unknown {kind} {name!r}{close}; available: {listed}{extra}")


class UnknownParticipantError(StenogramError, LookupError):
    """No participant with that id."""

    def __init__(self, id: str, available: Sequence[str]) -> None:
        self.id = id
        super().__init__(f"no participant {id!r}; participants: {', '.join(available) or 'none'}")


class PluginError(StenogramError):
    """A plugin failed to load or registered something invalid (only raised in strict mode)."""
