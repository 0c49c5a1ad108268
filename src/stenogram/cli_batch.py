"""``stenogram convert --jobs N | --dask ADDRESS | --skip-existing | --report FILE``: files through ``convert_many``.

The plain one-file-after-another loop stays in ``cli.py`` (it also serves
standard input and ``-o``); these flags hand the files to the batch API,
which names outputs, runs the tasks and writes the files.
"""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING, Any, TextIO

from stenogram.atomic import write_atomic
from stenogram.errors import StenogramError
from stenogram.parse.options import ParseOptions
from stenogram.progress import Progress

if TYPE_CHECKING:
    from stenogram.batch import Outcome

__all__ = ["BatchUsageError", "add_batch_arguments", "run_batch", "wants_batch"]


class BatchUsageError(StenogramError):
    """Batch flags given with something only the one-by-one loop does (standard input, ``-o``)."""


def _jobs(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expects a whole number of jobs, not {value!r}") from None
    if n < 1:
        raise argparse.ArgumentTypeError(f"expects at least 1 job, not {n}")
    return n


def add_batch_arguments(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("many files", "run a batch in parallel or on a cluster (see docs/scale.md)")
    group.add_argument("-j", "--jobs", type=_jobs, default=1, metavar="N", help="worker processes (default: 1)")
    group.add_argument(
        "--dask",
        metavar="ADDRESS",
        help="run on a Dask scheduler (tcp://host:8786), or 'local' for a LocalCluster; needs stenogram[dask]",
    )
    group.add_argument("--skip-existing", action="store_true", help="leave outputs that exist alone (resume a run)")
    group.add_argument("--report", metavar="FILE", help="write the failures, with their errors, to FILE as JSON")


def wants_batch(args: argparse.Namespace) -> bool:
    return bool(args.jobs > 1 or args.dask or args.skip_existing or args.report)


def run_batch(
    args: argparse.Namespace, exporter: str, options: object, parse_options: ParseOptions, stderr: TextIO
) -> int:
    """Convert ``args.files``; returns 0 when all worked, 1 when any input failed."""
    from stenogram.batch import convert_many
    from stenogram.executors import open_executor

    if "-" in args.files or args.output is not None:
        raise BatchUsageError(
            "--jobs, --dask, --skip-existing and --report convert files into files:"
            " leave out '-' and -o (use --output-dir)"
        )
    if args.report:
        from stenogram.convert import check_target

        for source in args.files:  # before any work: the report must be writable and never replace an input
            check_target(args.report, source)
    read_options: dict[str, Any] = {"fmt": args.source_format, "encoding": args.encoding}
    if getattr(args, "reader_settings", None):
        read_options["options"] = args.reader_settings
    if parse_options != ParseOptions():
        read_options["parse_options"] = parse_options
    progress = Progress(len(args.files), stderr, bar=None if len(args.files) > 1 else False)

    def report(outcome: Outcome) -> None:
        if outcome.status == "failed":
            progress.message(f"stenogram: error: {outcome.error}")
        elif not args.quiet and not progress.bar:
            verb = "->" if outcome.status == "converted" else "exists, skipped:"
            progress.message(f"{outcome.source} {verb} {outcome.target}")
        progress.advance(outcome.source)

    try:
        # No more workers than files: a process pool forks all its workers at once (--jobs 100000 for one file).
        with open_executor(min(args.jobs, len(args.files)), args.dask) as executor:
            summary = convert_many(
                args.files,
                exporter,
                output_dir=args.output_dir,
                executor=executor,
                skip_existing=args.skip_existing,
                read_options=read_options,
                fail_on=getattr(args, "fail_on", None),
                progress=report,
                options=options,
            )
    finally:
        progress.close()
    if args.report:
        write_atomic(args.report, json.dumps(summary.report(), ensure_ascii=False, indent=2) + "\n")
    if not (args.quiet and not summary.failed):
        skipped = f", {summary.skipped} skipped" if summary.skipped else ""
        stderr.write(f"{summary.converted} converted{skipped}, {summary.failed} failed\n")
    return 1 if summary.failed else 0
