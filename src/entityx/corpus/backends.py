"""Where chunks are tagged: in this process, in a pool of worker processes, or on Dask.

Every backend has the same small interface: ``submit(items)`` returns a future-like object
whose ``result()`` is the chunk's :data:`~entityx.corpus.work.ChunkResult`, ``window`` says
how many chunks may be in flight, ``close()`` releases the workers. Callers keep chunks in
order and bounded (see :mod:`entityx.corpus.tag`), so memory stays flat whatever the corpus
size, and all writing happens in the calling process.
"""

from __future__ import annotations

from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from functools import partial
from typing import Protocol

from ..errors import CorpusError, InputError
from . import work
from .work import ChunkResult, QuickExitContext, init_worker, tag_chunk

#: The backends :func:`entityx.corpus.choose.make_backend` knows.
BACKENDS = ("local", "dask")

__all__ = [
    "BACKENDS",
    "Backend",
    "JobSpec",
    "LocalBackend",
    "ProcessBackend",
    "check_backend",
    "check_count",
]


def check_count(name: str, value: object) -> None:
    """A count setting (``workers``, ``batch_size``, ``max_chars``) is an int of at least 1:
    ``batch_size=0`` would otherwise tag nothing, silently."""
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise InputError(f"{name} must be an integer of at least 1, not {value!r}")


def check_backend(name: object) -> None:
    """The backend is one :func:`~entityx.corpus.choose.make_backend` knows."""
    if name not in BACKENDS:
        raise InputError(f"backend must be one of {', '.join(BACKENDS)}, not {name!r}")


@dataclass(frozen=True)
class JobSpec:
    """What every worker needs to tag a chunk (small: sent once per chunk)."""

    model: str | None
    kb: str | None
    batch_size: int
    no_text: bool
    as_documents: bool

    def task(self) -> partial[ChunkResult]:
        return partial(
            tag_chunk,
            model=self.model,
            kb=self.kb,
            batch_size=self.batch_size,
            no_text=self.no_text,
            as_documents=self.as_documents,
        )


class ResultLike(Protocol):
    def result(self) -> ChunkResult: ...


class Backend(Protocol):
    window: int

    def submit(self, items: list[tuple[str, str]]) -> ResultLike: ...

    def close(self, *, cancel: bool = False) -> None: ...


class _Lazy:
    def __init__(self, fn: partial[ChunkResult], items: list[tuple[str, str]]) -> None:
        self._fn, self._items = fn, items

    def result(self) -> ChunkResult:
        return self._fn(self._items)


class LocalBackend:
    """Tag in the calling process (``workers=1``): no start-up cost, no copying."""

    window = 1

    def __init__(self, spec: JobSpec) -> None:
        work._extractor(spec.model, spec.kb)  # a model that cannot load fails here, up front
        self._task = spec.task()

    def submit(self, items: list[tuple[str, str]]) -> ResultLike:
        return _Lazy(self._task, items)

    def close(self, *, cancel: bool = False) -> None:
        return None


class ProcessBackend:
    """``workers`` spawned processes, each loading the pipeline once (BLAS pinned to 1 thread).

    Threads are pinned inside each worker, by its initializer, before it loads the pipeline
    (:func:`~entityx.corpus.work.init_worker`): the calling process's environment is never
    changed, so nothing else it runs or starts meanwhile sees entityx's settings.

    ``recycle_after``: replace a worker after that many chunks (bounds memory if a pipeline
    leaks); ``None`` keeps workers for the whole run.
    """

    def __init__(self, spec: JobSpec, *, workers: int, recycle_after: int | None = None) -> None:
        self.window = 2 * workers
        self._task = spec.task()
        self._pool = ProcessPoolExecutor(
            max_workers=workers,
            mp_context=QuickExitContext(),
            initializer=init_worker,
            initargs=(spec.model, spec.kb),
            max_tasks_per_child=recycle_after,
        )
        # One empty task per worker, submitted at once: the pool starts a process per task
        # not yet taken, so every worker starts now and loads the pipeline alongside the
        # others (not the second only once the first is busy tagging). Waiting for them also
        # makes a model that cannot load fail here, before any output is touched.
        try:
            for warm_up in [self.submit([]) for _ in range(workers)]:
                warm_up.result()
        except BaseException:
            self.close(cancel=True)
            raise

    def submit(self, items: list[tuple[str, str]]) -> ResultLike:
        return _Pooled(self._pool.submit(self._task, items))

    def close(self, *, cancel: bool = False) -> None:
        # Take the workers before shutdown(): it sets the executor's process table to None.
        processes = list((getattr(self._pool, "_processes", None) or {}).values())
        self._pool.shutdown(wait=not cancel, cancel_futures=cancel)
        if cancel:
            for process in processes:
                process.terminate()
            for process in processes:
                process.join(timeout=5)


class _Pooled:
    """A pool future whose ``result()`` turns a dead worker into a :class:`CorpusError`."""

    def __init__(self, future: Future[ChunkResult]) -> None:
        self._future = future

    def result(self) -> ChunkResult:
        try:
            return self._future.result()
        except BrokenProcessPool as exc:
            raise CorpusError(
                f"a worker process died ({exc}): it could not load the model, or it ran out "
                "of memory; rerun with --workers 1 to see why, then with --resume"
            ) from None
