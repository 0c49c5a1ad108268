"""Many transcripts at once, on any ``concurrent.futures.Executor``: a process pool, or a Dask cluster.

The client plans every output path, captures what decides the bytes (the
exporter's options, the read options, ``SOURCE_DATE_EPOCH``) and sends it
with each task, so the files do not depend on the executor or the number of
workers. Workers return bytes and the client writes them atomically as they
complete, with a bounded number of tasks in flight; with
``write_in_workers=True`` workers that share the output folder write
themselves. A failing input is recorded with its error and the rest go on.

>>> import pathlib, tempfile
>>> with tempfile.TemporaryDirectory() as d:
...     src = pathlib.Path(d, "a.txt")
...     _ = src.write_text("Anna Petrova: Good morning.\\n", encoding="utf-8")
...     summary = convert_many([src, pathlib.Path(d, "missing.txt")], "json", output_dir=pathlib.Path(d, "out"))
...     sorted(p.name for p in pathlib.Path(d, "out").iterdir())
['a.json']
>>> summary.converted, summary.failed
(1, 1)
>>> summary.failures[0].error
'...missing.txt: cannot read: No such file or directory'
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import attrs

from stenogram.atomic import check_inside, make_folder, write_atomic
from stenogram.diagnostics import Severity
from stenogram.errors import ArgumentError, OptionError, StenogramError, StrictModeError, WriteError, require
from stenogram.surrogates import utf8

if TYPE_CHECKING:  # imported when a batch runs on an executor: the one-file path never needs it
    import concurrent.futures

__all__ = [
    "CAPTURED_VARIABLES",
    "BatchSummary",
    "Failure",
    "Outcome",
    "convert_many",
    "plan_targets",
]

#: Environment variables that change an exporter's bytes: read on the client, set on the worker for each task.
CAPTURED_VARIABLES: tuple[str, ...] = ("SOURCE_DATE_EPOCH",)

Status = Literal["converted", "skipped", "failed"]


@attrs.frozen(kw_only=True)
class Failure:
    """An input that was not converted, and why (one line)."""

    source: str
    error: str


@attrs.frozen(kw_only=True)
class Outcome:
    """One finished input, as progress reports it: where it went, or why it did not."""

    source: str
    target: str | None
    status: Status
    error: str | None = None


@attrs.frozen(kw_only=True)
class BatchSummary:
    """What a batch did: counts, and each failed input with its error, in input order."""

    converted: int
    skipped: int
    failures: tuple[Failure, ...]

    @property
    def failed(self) -> int:
        return len(self.failures)

    @property
    def total(self) -> int:
        return self.converted + self.skipped + self.failed

    def report(self) -> list[dict[str, str]]:
        """The failures as JSON-ready records (``stenogram convert --report``)."""
        return [{"file": f.source, "error": f.error} for f in self.failures]


@attrs.frozen(kw_only=True)
class _Task:
    """Everything a worker needs; nothing is read from the worker's own environment or settings."""

    source: str
    fmt: str
    options: object
    read_options: Mapping[str, Any]
    fail_on: Severity | None
    environment: tuple[tuple[str, str | None], ...]
    target: str | None  # set when the worker writes the file itself


@attrs.frozen(kw_only=True)
class _Result:
    data: bytes | None = None
    error: str | None = None


def describe_error(exc: BaseException) -> str:
    """One line for an error: stenogram's own message, the OS's words, or the exception's type."""
    if isinstance(exc, OSError) and exc.strerror and not isinstance(exc, StenogramError):
        return f"{exc.filename}: {exc.strerror}" if exc.filename else exc.strerror
    if isinstance(exc, StenogramError):
        return str(exc)
    return f"unexpected {type(exc).__name__}: {exc}"


@contextmanager
def _environment(pairs: tuple[tuple[str, str | None], ...]) -> Iterator[None]:
    """The client's values of ``CAPTURED_VARIABLES`` for one task; the worker's own come back after it."""
    saved = {key: os.environ.get(key) for key, _ in pairs}

    def apply(values: Mapping[str, str | None]) -> None:
        for key, value in values.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value

    apply(dict(pairs))
    try:
        yield
    finally:
        apply(saved)


def _fail_on(level: Severity | None, transcript: Any, source: str) -> None:
    """``fail_on``: a diagnostic of that severity or above fails the input (``stenogram convert --fail-on``)."""
    if level is None:
        return
    order = list(Severity)
    hits = tuple(d for d in transcript.diagnostics if order.index(d.severity) >= order.index(level))
    if hits:
        raise StrictModeError(f"a diagnostic of severity {level.value} or above", diagnostics=hits, file=source)


def run_task(task: _Task) -> _Result:
    """Read, export, and return the bytes (or write them): runs on a worker, so it never raises for bad input.

    Errors come back as text: an exception object may not survive the trip
    from a worker process (its class may need arguments pickling drops).
    """
    from stenogram.convert import export, read, write_export

    try:
        with _environment(task.environment):
            if os.path.isdir(task.source):
                raise IsADirectoryError(21, "is a directory", task.source)
            transcript = read(task.source, **task.read_options)
            _fail_on(task.fail_on, transcript, task.source)
            if task.target is not None:  # streamed into the file when the exporter can
                write_export(transcript, task.fmt, Path(task.target), task.options)
                return _Result()
            data = export(transcript, task.fmt, task.options)
        return _Result(data=utf8(data) if isinstance(data, str) else data)
    except Exception as exc:  # any bad input is a failure of this file only
        message = describe_error(exc)
        return _Result(error=message if task.source in message else f"{task.source}: {message}")


def _real(path: str | os.PathLike[str]) -> str:
    return os.path.realpath(path)


def plan_targets(
    inputs: Iterable[str | os.PathLike[str]], suffix: str, output_dir: str | os.PathLike[str] | None = None
) -> list[tuple[str, str | None, str | None]]:
    """``(source, target, problem)`` for each input, in order.

    Without ``output_dir`` each output goes beside its input. Inputs whose
    outputs would clash are named apart, the same way whatever their order:
    by their parent folders when those differ (``a/x.txt``, ``b/x.txt`` ->
    ``a_x.json``, ``b_x.json``), by their whole file name when they share a
    folder (``x.txt``, ``x.md`` -> ``x.txt.json``, ``x.md.json``). An input
    given twice, an output that would overwrite an input, or names that
    still clash get ``target=None`` and a problem.

    >>> plan_targets(["a/x.txt", "b/x.txt", "c/y.txt"], ".json", "out")
    [('a/x.txt', 'out/a_x.json', None), ('b/x.txt', 'out/b_x.json', None), ('c/y.txt', 'out/y.json', None)]
    """
    sources = [os.fspath(p) for p in inputs]
    folder = None if output_dir is None else Path(output_dir)
    depth = {_real(s): 0 for s in sources}  # by file: one file given under two names is named once
    whole = dict.fromkeys(depth, False)

    def name(source: str) -> str:
        path = Path(os.path.abspath(source))
        n = depth[_real(source)]
        parts = [*path.parent.parts[len(path.parent.parts) - n :]] if n else []
        parts.append(path.name if whole[_real(source)] else path.stem)
        return "_".join(p.strip(os.sep) or "root" for p in parts) + suffix

    def target(source: str) -> str:
        return str((folder or Path(source).parent) / name(source))

    def clashes() -> list[list[str]]:
        groups: dict[str, dict[str, str]] = {}
        for s in sources:  # one entry per file, however often or by whatever name it is given
            if _real(target(s)) != _real(s):  # an input converted onto itself is refused, not renamed
                groups.setdefault(_real(target(s)), {}).setdefault(_real(s), s)
        return [list(g.values()) for g in groups.values() if len(g) > 1]

    for _ in range(64):  # each round tells more names apart; none can grow for ever
        changed = False
        for group in clashes():
            parents = {os.path.dirname(os.path.abspath(s)) for s in group}
            for s in group:
                r = _real(s)
                if (
                    folder is not None
                    and len(parents) > 1
                    and depth[r] < len(Path(os.path.abspath(s)).parent.parts) - 1
                ):
                    depth[r] += 1
                    changed = True
                elif not whole[r]:
                    whole[r] = changed = True
        if not changed:
            break
    unresolved = {_real(s) for group in clashes() for s in group}
    plan: list[tuple[str, str | None, str | None]] = []
    seen: set[str] = set()
    real_inputs = {_real(s): s for s in sources}
    for source in sources:
        real, out = _real(source), target(source)
        problem = None
        if real in seen:
            problem = f"{source}: given more than once"
        elif real in unresolved:
            problem = f"{source}: its output {out} would clash with another input's; rename one of them"
        elif _real(out) in real_inputs:
            problem = f"{source}: refusing to overwrite {real_inputs[_real(out)]}, which is an input"
        seen.add(real)
        plan.append((source, None if problem else out, problem))
    return plan


def _default_in_flight(executor: concurrent.futures.Executor | None) -> int:
    workers = getattr(executor, "_max_workers", None) or os.cpu_count() or 1
    return max(2, 2 * int(workers))


def convert_many(
    inputs: Iterable[str | os.PathLike[str]],
    to: str,
    *,
    output_dir: str | os.PathLike[str] | None = None,
    executor: concurrent.futures.Executor | None = None,
    skip_existing: bool = False,
    read_options: Mapping[str, Any] | None = None,
    write_in_workers: bool = False,
    fail_on: Severity | str | None = None,
    max_in_flight: int | None = None,
    progress: Callable[[Outcome], None] | None = None,
    options: object | Mapping[str, Any] | None = None,
    **overrides: Any,
) -> BatchSummary:
    """Convert every input to format ``to``; returns a summary, never the outputs.

    ``output_dir`` receives the files (created if missing; ``None``: beside
    each input), named as ``plan_targets`` says. ``executor`` runs the tasks:
    ``None`` converts here, one after another; a ``ProcessPoolExecutor`` or a
    Dask cluster's ``Client(...).get_executor()`` gives the same bytes.
    ``skip_existing`` leaves outputs that exist alone (resuming a run).
    ``read_options`` are keywords of ``stenogram.read`` (``fmt``,
    ``encoding``, ``options``, ``parse_options``). ``write_in_workers`` lets
    the workers write (the folder must be one they share). ``fail_on``
    (``"info"``, ``"warning"``) fails an input whose reading gave a
    diagnostic of that severity or above. ``progress`` is called with
    each ``Outcome`` as it comes in. ``options`` and keyword overrides are the
    exporter's, checked here before any task starts.

    A ``KeyboardInterrupt`` cancels the tasks not yet started and is raised
    again; every file is written whole (temp file, then rename) or not at all.
    """
    from stenogram.convert import read
    from stenogram.options import make_options
    from stenogram.plugins import get_host

    if isinstance(inputs, (str, bytes, os.PathLike)) or not isinstance(inputs, Iterable):
        raise ArgumentError(f"convert_many() takes the inputs as a list of paths, not {type(inputs).__name__}")
    if executor is not None and not callable(getattr(executor, "submit", None)):
        raise ArgumentError(f"convert_many() takes an Executor (or None), not {type(executor).__name__}")
    require(read_options, (Mapping, type(None)), "convert_many", "read_options", "a mapping of read() keywords")
    try:
        level = None if fail_on is None else Severity(fail_on)
    except ValueError:
        raise OptionError(f"fail_on must be one of {', '.join(s.value for s in Severity)}, not {fail_on!r}") from None
    info = get_host().exporter(to)
    opts = make_options(info.options, options, overrides)
    read_kwargs = dict(read_options or {})
    if "parse_options" in read_kwargs:
        from stenogram.parse.options import ParseOptions

        read_kwargs["parse_options"] = make_options(ParseOptions, read_kwargs["parse_options"])
    unknown = set(read_kwargs) - {"fmt", "encoding", "options", "parse_options"}
    if unknown:
        raise ArgumentError(f"read_options: unknown keyword(s) {', '.join(sorted(unknown))} for {read.__name__}()")
    if read_kwargs.get("fmt") is not None:
        get_host().reader(read_kwargs["fmt"])
    environment = tuple((key, os.environ.get(key)) for key in CAPTURED_VARIABLES)
    if output_dir is not None:
        make_folder(output_dir)

    converted = skipped = 0
    failures: dict[int, Failure] = {}

    def done(index: int, source: str, target: str | None, status: Status, error: str | None = None) -> None:
        nonlocal converted, skipped
        if status == "converted":
            converted += 1
        elif status == "skipped":
            skipped += 1
        else:
            failures[index] = Failure(source=source, error=error or "failed")
        if progress is not None:
            progress(Outcome(source=source, target=target, status=status, error=error))

    def outside(target: str) -> str | None:
        """Why ``target`` may not be written: a symbolic link in the output folder that leads out of it."""
        try:
            if output_dir is not None:
                check_inside(output_dir, target)
        except WriteError as exc:
            return str(exc)
        return None

    def tasks() -> Iterator[tuple[int, str, str, _Task]]:
        for index, (source, target, problem) in enumerate(plan_targets(inputs, info.suffix, output_dir)):
            if target is None or (problem := outside(target)) is not None:
                done(index, source, target, "failed", problem)
            elif skip_existing and os.path.exists(target):
                done(index, source, target, "skipped")
            else:
                task = _Task(
                    source=source,
                    fmt=to,
                    options=opts,
                    read_options=read_kwargs,
                    fail_on=level,
                    environment=environment,
                    target=target if write_in_workers else None,
                )
                yield index, source, target, task

    def finish(index: int, source: str, target: str, result: _Result) -> None:
        if result.error is not None:
            done(index, source, target, "failed", result.error)
            return
        if result.data is not None:
            try:
                write_atomic(target, result.data)
            except OSError as exc:  # a WriteError, which names the file and the problem
                done(index, source, target, "failed", str(exc))
                return
        done(index, source, target, "converted")

    if executor is None:
        for index, source, target, task in tasks():
            finish(index, source, target, run_task(task))
    else:
        _run_on(executor, tasks(), finish, done, max_in_flight or _default_in_flight(executor))
    return BatchSummary(converted=converted, skipped=skipped, failures=tuple(failures[i] for i in sorted(failures)))


def _run_on(
    executor: concurrent.futures.Executor,
    tasks: Iterator[tuple[int, str, str, _Task]],
    finish: Callable[[int, str, str, _Result], None],
    done: Callable[..., None],
    limit: int,
) -> None:
    """Keep at most ``limit`` tasks in flight; hand each result to ``finish`` as it completes."""
    import concurrent.futures

    pending: dict[concurrent.futures.Future[_Result], tuple[int, str, str]] = {}
    try:
        for index, source, target, task in tasks:
            pending[executor.submit(run_task, task)] = (index, source, target)
            if len(pending) >= limit:
                _collect(pending, finish, done, concurrent.futures.FIRST_COMPLETED)
        while pending:
            _collect(pending, finish, done, concurrent.futures.FIRST_COMPLETED)
    except BaseException:
        for future in pending:
            future.cancel()
        raise


def _collect(
    pending: dict[concurrent.futures.Future[_Result], tuple[int, str, str]],
    finish: Callable[[int, str, str, _Result], None],
    done: Callable[..., None],
    when: str,
) -> None:
    import concurrent.futures

    finished, _ = concurrent.futures.wait(pending, return_when=when)
    for future in finished:
        index, source, target = pending.pop(future)
        try:
            result = future.result()
        except concurrent.futures.CancelledError:
            done(index, source, None, "failed", f"{source}: cancelled")
        except Exception as exc:  # the worker died or the task could not be sent: this input failed
            done(index, source, None, "failed", f"{source}: the worker failed: {type(exc).__name__}: {exc}")
        else:
            finish(index, source, target, result)
