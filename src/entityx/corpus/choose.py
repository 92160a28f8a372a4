"""Pick a backend by name: the one module that knows both the process pool and Dask.

It sits above :mod:`.backends` and :mod:`.dask`, so neither needs to import the other.
"""

from __future__ import annotations

from typing import Any

from ..errors import InputError
from .backends import BACKENDS, Backend, JobSpec, LocalBackend, ProcessBackend
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
    """Build the backend named ``backend`` (``"local"`` or ``"dask"``)."""
    if backend == "dask":
        return DaskBackend(spec, workers=workers, scheduler=scheduler)
    if backend not in BACKENDS:
        raise InputError(f"backend must be 'local' or 'dask', not {backend!r}")
    if workers < 1:
        raise InputError(f"workers must be at least 1, not {workers}")
    if workers == 1:
        return LocalBackend(spec)
    return ProcessBackend(spec, workers=workers, recycle_after=recycle_after)
