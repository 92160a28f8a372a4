"""Run ``tag_corpus`` on a Dask cluster (``pip install "entityx[dask]"``).

The calling process still reads the inputs and writes the output and the registry, in order,
exactly as with the local backend; Dask workers only tag chunks. Each task is a call of
:func:`entityx.corpus.work.tag_chunk`, an importable function: the pipeline is loaded on a
worker at its first task (on a cluster entityx starts, by a warm-up task before the run) and
cached there (``entityx.api.load`` caches per process), never pickled and shipped with tasks.
Workers therefore need entityx (and the model, if it is a path, at the same path) installed.

    $ dask scheduler                                   # on one machine
    $ OMP_NUM_THREADS=1 dask worker tcp://HOST:8786 --nworkers 4 --nthreads 1   # on each
    $ entityx tag news/ -o news.jsonl --backend dask --scheduler tcp://HOST:8786

or, from Python, with a ``Client`` you already have::

    tag_corpus(["news/"], output="news.jsonl", backend="dask", scheduler=client)
"""

from __future__ import annotations

import asyncio
import atexit
import os
import sys
from collections.abc import Callable
from contextlib import suppress
from typing import Any

from ..errors import InputError, OptionalDependencyError
from .backends import JobSpec, ResultLike
from .work import THREAD_ENV_VARS, own_process_start, pin_threads

__all__ = ["DaskBackend"]

#: Dask settings for a ``LocalCluster`` entityx starts (never for the caller's cluster), each
#: measured on the 2,000-document benchmark sample (bundled pipeline, two workers):
#:
#: - ``MALLOC_TRIM_THRESHOLD_`` unset: Dask sets it to 64 KiB in each worker's environment,
#:   so glibc hands freed memory back to the OS at once; spaCy allocates and frees many
#:   arrays per document, which then page-fault back in: 724 minor page faults and 2.9 ms of
#:   system time per document instead of 15 and 0.1 ms, ~20 % more CPU per document than a
#:   worker of the process pool. The worker gets the caller's value, if it set one.
#: - no statistical profiler: a thread in each worker samples the stacks every 10 ms and
#:   takes the GIL from the tagging thread to do it (1.7 % of a core per idle worker).
#: - a 200 ms event-loop tick instead of 20 ms: the tick only measures how late the event
#:   loop runs, for a warning; at 20 ms it wakes the scheduler, nannies and workers 50 times
#:   a second. Together with the profiler: background CPU of the calling process (scheduler,
#:   nannies) 6.4 % -> 2.6 % of a core, of each idle worker 3.9 % -> 1.0 %.
OWN_CLUSTER_CONFIG: dict[str, Any] = {
    "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None,
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "200ms",
}


def _import_distributed() -> Any:
    try:
        import distributed
    except ImportError:
        raise OptionalDependencyError(
            "The Dask backend (--backend dask)", extra="dask", missing="distributed"
        ) from None
    return distributed


def _connect(distributed: Any, address: Any) -> Any:
    """A client of the scheduler at ``address``; a wrong address is the user's to fix."""
    try:
        return distributed.Client(address)
    except (OSError, asyncio.TimeoutError) as exc:
        raise InputError(
            f"cannot reach the Dask scheduler {address!r} ({exc}); check the address and that "
            "`dask scheduler` runs there, or leave --scheduler out to use a local cluster"
        ) from None


class DaskBackend:
    """Tag chunks on Dask workers.

    ``scheduler``: ``None`` starts a ``LocalCluster`` of ``workers`` single-threaded worker
    processes (closed again at the end); a string is a scheduler address; a
    ``distributed.Client`` is used as it is (and left open).

    Only a cluster entityx starts itself has its workers' BLAS/OpenMP threads pinned to one
    (they get the variables in their own environment when they start, and
    :func:`~entityx.corpus.work.pin_threads` once up), runs under :data:`OWN_CLUSTER_CONFIG`
    and has its workers exit without an interpreter teardown. Workers of a cluster the
    caller runs are the caller's to configure: entityx changes nothing on them, nor in this
    process.
    """

    def __init__(self, spec: JobSpec, *, workers: int = 2, scheduler: Any = None) -> None:
        distributed = _import_distributed()
        self._task = spec.task()
        self._model = spec.model
        self._cluster = None
        self._own_client = True
        self._warming: Any = ()
        if scheduler is None:
            self._cluster, self._client = _local_cluster(distributed, workers)
        elif isinstance(scheduler, distributed.Client):
            self._client = scheduler
            self._own_client = False
        else:
            self._client = _connect(distributed, scheduler)
        try:
            if self._cluster is not None:
                self._warm_up()
            threads = sum(self._client.nthreads().values()) or workers
        except Exception:
            self.close(cancel=True)
            raise
        self.window = 2 * threads

    def _warm_up(self) -> None:
        """Pin threads (reaching thread pools already loaded, if any) and load the pipeline on
        every worker of our cluster now, side by side, in the thread that tags (one empty
        chunk each): a model that cannot load fails here, before the output is touched, as
        with the process pool. One task each, not a ``client.run`` round trip before them.

        Tagging starts once the first worker is ready (the process pool does the same): the
        others go on loading and take chunks when they are done, rather than the run waiting
        for the slowest. Their warm-up futures are kept, or Dask would cancel them."""
        from distributed import wait

        futures = [
            self._client.submit(_warm_up, self._task, self._model, workers=[address], pure=False)
            for address in self._client.nthreads()
        ]
        done, self._warming = wait(futures, return_when="FIRST_COMPLETED")
        for future in done:
            future.result()

    def submit(self, items: list[tuple[str, str]]) -> ResultLike:
        future: ResultLike = self._client.submit(self._task, items, pure=False)
        return future

    def close(self, *, cancel: bool = False) -> None:
        if self._cluster is not None and not cancel:
            # Only after a run that went well: the workers are idle and answer at once (a run
            # being cancelled may have a worker that does not, and would wait on it).
            with suppress(Exception):
                self._client.run(_exit_quickly)
        if self._own_client:
            self._client.close()
        if self._cluster is not None:
            self._cluster.close()


def _local_cluster(distributed: Any, workers: int) -> tuple[Any, Any]:
    """A ``LocalCluster`` of ``workers`` one-thread worker processes, and its client.

    Started under :data:`OWN_CLUSTER_CONFIG`. Its nannies run in this process and write the
    workers' start-up variables (threads, ``PYTHONHASHSEED``) into ``os.environ`` before they
    spawn them: this process's environment is put back as it was once the workers run.
    """
    import dask

    before = dict(os.environ)
    try:
        with dask.config.set(OWN_CLUSTER_CONFIG):
            cluster = distributed.LocalCluster(
                n_workers=workers,
                threads_per_worker=1,
                processes=True,
                dashboard_address=None,
                silence_logs=40,
                env={var: "1" for var in THREAD_ENV_VARS},  # set in each worker
            )
            try:
                client = distributed.Client(cluster)
            except BaseException:
                cluster.close()
                raise
    finally:
        _restore_environ(before)
    return cluster, client


def _restore_environ(before: dict[str, str]) -> None:
    for var in set(os.environ) - set(before):
        del os.environ[var]
    for var, value in before.items():
        if os.environ.get(var) != value:
            os.environ[var] = value


def _warm_up(task: Callable[[list[tuple[str, str]]], object], model: str | None) -> None:
    """Run first on each worker of a cluster entityx started (never on a caller's cluster)."""
    pin_threads(1)
    own_process_start(model)
    task([])


def _exit_quickly() -> None:
    """Run on each worker of our cluster as it is closed: the worker process, once the nanny
    has stopped it, ends with ``os._exit`` (as a forked child does) instead of tearing down an
    interpreter that holds spaCy and torch: ``LocalCluster.close()`` took 1.8-3.7 s waiting
    for that, 0.1-0.2 s without (measured, two workers, bundled pipeline)."""
    atexit.register(_exit_now)  # registered last, so run first


def _exit_now() -> None:
    for stream in (sys.stdout, sys.stderr):
        with suppress(Exception):
            stream.flush()
    os._exit(0)
