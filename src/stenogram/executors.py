"""The executors ``stenogram convert --jobs``/``--dask`` run on, and stopping them on Ctrl-C.

Dask is optional (``pip install 'stenogram[dask]'``): it is imported only
when asked for, and its absence is an error that says how to get it.
"""

from __future__ import annotations

import concurrent.futures as cf
import contextlib
from collections.abc import Iterator

from stenogram.errors import StenogramError

__all__ = ["LOCAL", "DaskMissingError", "open_executor", "stop_pool"]

#: ``--dask local``: start a ``LocalCluster`` on this machine instead of joining a scheduler.
LOCAL = "local"


class DaskMissingError(StenogramError):
    """``--dask`` without Dask installed."""


def stop_pool(pool: cf.ProcessPoolExecutor) -> None:
    """Cancel what has not started and end the worker processes now (Ctrl-C), instead of waiting for them."""
    pool.shutdown(wait=False, cancel_futures=True)
    for process in list((getattr(pool, "_processes", None) or {}).values()):  # Python < 3.14: no terminate_workers()
        with contextlib.suppress(Exception):
            process.terminate()


@contextlib.contextmanager
def open_executor(jobs: int = 1, dask: str | None = None) -> Iterator[cf.Executor | None]:
    """``None`` for one job here; a process pool of ``jobs``; or a Dask cluster's executor.

    ``dask`` is a scheduler address (``tcp://host:8786``) or ``"local"``,
    which starts a ``LocalCluster`` with ``jobs`` worker processes (one per
    core when ``jobs`` is 1). The cluster and client started here are
    closed on the way out; a scheduler given by address is left running.
    """
    if dask is not None:
        with _dask_executor(dask, jobs) as executor:
            yield executor
        return
    if jobs <= 1:
        yield None
        return
    pool = cf.ProcessPoolExecutor(max_workers=jobs)
    try:
        yield pool
    except BaseException:
        stop_pool(pool)
        raise
    pool.shutdown(wait=True)


@contextlib.contextmanager
def _dask_executor(address: str, jobs: int) -> Iterator[cf.Executor]:
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise DaskMissingError("--dask needs Dask's distributed scheduler: pip install 'stenogram[dask]'") from None
    with contextlib.ExitStack() as stack:
        if address == LOCAL:
            cluster = stack.enter_context(
                LocalCluster(  # type: ignore[no-untyped-call]
                    n_workers=jobs if jobs > 1 else None,
                    threads_per_worker=1,
                    processes=True,
                    dashboard_address=None,
                )
            )
            client = stack.enter_context(Client(cluster))  # type: ignore[no-untyped-call]
        else:
            try:
                client = stack.enter_context(Client(address, timeout=30))  # type: ignore[no-untyped-call]
            except (OSError, ValueError, TypeError) as exc:  # ValueError: an address Dask cannot parse (bogus://x)
                raise StenogramError(f"--dask {address}: cannot reach the scheduler: {exc}") from None
        yield client.get_executor()
