"""Run ``tag_corpus`` on a Dask cluster (``pip install "entityx[dask]"``).

The calling process still reads the inputs and writes the output and the registry, in order,
exactly as with the local backend; Dask workers only tag chunks. Each task is a call of
:func:`entityx.corpus.work.tag_chunk`, an importable function: the pipeline is loaded on a
worker at its first task and cached there (``entityx.api.load`` caches per process), never
pickled and shipped with tasks. Workers therefore need entityx (and the model, if it is a
path, at the same path) installed.

    $ dask scheduler                                   # on one machine
    $ OMP_NUM_THREADS=1 dask worker tcp://HOST:8786 --nworkers 4 --nthreads 1   # on each
    $ entityx tag news/ -o news.jsonl --backend dask --scheduler tcp://HOST:8786

or, from Python, with a ``Client`` you already have::

    tag_corpus(["news/"], output="news.jsonl", backend="dask", scheduler=client)
"""

from __future__ import annotations

import asyncio
from typing import Any

from ..errors import InputError, OptionalDependencyError
from .backends import JobSpec, ResultLike
from .work import THREAD_ENV_VARS, pin_threads

__all__ = ["DaskBackend"]


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
    :func:`~entityx.corpus.work.pin_threads` once up). Workers of a cluster the caller runs
    are the caller's to configure: entityx changes nothing on them, nor in this process.
    """

    def __init__(self, spec: JobSpec, *, workers: int = 2, scheduler: Any = None) -> None:
        distributed = _import_distributed()
        self._task = spec.task()
        self._cluster = None
        self._own_client = True
        if scheduler is None:
            self._cluster = distributed.LocalCluster(
                n_workers=workers,
                threads_per_worker=1,
                processes=True,
                dashboard_address=None,
                silence_logs=40,
                env={var: "1" for var in THREAD_ENV_VARS},  # set in each worker, not here
            )
            self._client = distributed.Client(self._cluster)
        elif isinstance(scheduler, distributed.Client):
            self._client = scheduler
            self._own_client = False
        else:
            self._client = _connect(distributed, scheduler)
        try:
            if self._cluster is not None:  # reaches thread pools already loaded, if any
                self._client.run(pin_threads, 1)
            threads = sum(self._client.nthreads().values()) or workers
        except Exception:
            self.close(cancel=True)
            raise
        self.window = 2 * threads

    def submit(self, items: list[tuple[str, str]]) -> ResultLike:
        future: ResultLike = self._client.submit(self._task, items, pure=False)
        return future

    def close(self, *, cancel: bool = False) -> None:
        if self._own_client:
            self._client.close()
        if self._cluster is not None:
            self._cluster.close()
