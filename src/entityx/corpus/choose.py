"""Pick a backend by name: the one module that knows both the process pool and Dask.

It sits above :mod:`.backends` and :mod:`.dask`, so neither needs to import the other.
"""

from __future__ import annotations

from typing import Any

from .backends import (
    Backend,
    JobSpec,
    LocalBackend,
    ProcessBackend,
    check_backend,
    check_count,
)
from .dask import DaskBackend

__all__ = ["make_backend"]


def make_backend(
    spec: JobSpec,
    *,
    backend: str,
    workers: int,
    scheduler: Any = None,
    recycle_after: int | None = None,
) -> Backend:
    """Build the backend named ``backend`` (one of :data:`~.backends.BACKENDS`).

    A bad name or ``workers`` raises :class:`~entityx.errors.InputError`.
    """
    check_backend(backend)
    check_count("workers", workers)
    if backend == "dask":
        return DaskBackend(spec, workers=workers, scheduler=scheduler)
    if workers == 1:
        return LocalBackend(spec)
    return ProcessBackend(spec, workers=workers, recycle_after=recycle_after)
