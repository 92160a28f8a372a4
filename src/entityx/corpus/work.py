"""What a worker does: tag one chunk of records with a pipeline loaded once per process.

This module is imported by worker processes (multiprocessing and Dask alike). It imports
nothing heavy at import time: :func:`pin_threads` must run before numpy/spaCy are imported,
and the pipeline is loaded by :func:`entityx.api.load`, which caches it per process, so it is
loaded once per worker and never shipped with a task.
"""

from __future__ import annotations

import os
import signal
from contextlib import suppress
from dataclasses import dataclass
from multiprocessing.context import SpawnContext, SpawnProcess
from typing import TYPE_CHECKING

from ..errors import CorpusError, EntityxError

if TYPE_CHECKING:
    from ..api import Extractor
    from ..models import Document

__all__ = [
    "THREAD_ENV_VARS",
    "ChunkResult",
    "QuickExitContext",
    "Tagged",
    "init_worker",
    "own_process_start",
    "pin_threads",
    "tag_chunk",
]

#: Environment variables that cap the thread pools of BLAS/OpenMP libraries.
THREAD_ENV_VARS = (
    "OMP_NUM_THREADS",
    "OPENBLAS_NUM_THREADS",
    "MKL_NUM_THREADS",
    "BLIS_NUM_THREADS",
    "VECLIB_MAXIMUM_THREADS",
    "NUMEXPR_NUM_THREADS",
)


def pin_threads(n: int = 1) -> None:
    """Cap BLAS/OpenMP threads (effective for libraries not yet imported in this process)."""
    for var in THREAD_ENV_VARS:
        os.environ[var] = str(n)
    try:  # also reach pools of libraries already loaded, when threadpoolctl is installed
        from threadpoolctl import threadpool_limits

        threadpool_limits(n)
    except ImportError:
        pass


@dataclass(frozen=True)
class Tagged:
    """One tagged document: its JSON line, or the Document when the registry needs it."""

    words: int
    entities: int
    line: str | None = None
    document: Document | None = None
    error: str | None = None


ChunkResult = list[Tagged]


def init_worker(model: str | None, kb: str | None) -> None:
    """Process-pool initializer: pin threads, ignore Ctrl-C, then load (and cache) the pipeline.

    Ctrl-C reaches the whole process group; the main process handles it and stops the workers,
    so a worker must not die of it first (that would surface as a broken pool instead).
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    pin_threads(1)
    with suppress(Exception):  # a failure here would only break the pool: tag_chunk reports it
        own_process_start(model)
        _extractor(model, kb)


def own_process_start(model: str | None) -> None:
    """What a worker process entityx spawned does before loading the pipeline: import only the
    spaCy factories the model names (:func:`entityx.pipeline.trim_worker_imports`)."""
    from ..pipeline import trim_worker_imports

    trim_worker_imports(model)


class _QuickExitProcess(SpawnProcess):
    """A spawned worker that ends with ``os._exit`` once its work is done, as forked children do.

    A spawned child otherwise ends with ``sys.exit``, i.e. a full interpreter teardown: with
    spaCy and torch imported that takes 1.4-2.3 s (measured), and the pool's ``shutdown``
    waits for it after the last chunk, in series with everything else. ``_bootstrap`` has
    already run the work, multiprocessing's own finalizers and flushed stdout/stderr when it
    returns; all the output is the calling process's to write, so nothing is lost.
    """

    def _bootstrap(self, parent_sentinel: int | None = None) -> int:
        code: int = super()._bootstrap(parent_sentinel)  # type: ignore[misc]
        os._exit(code)


class QuickExitContext(SpawnContext):
    """The spawn start method, with workers that skip the interpreter teardown at the end.

    Spawn, not fork: the calling process may hold threads (a user's thread pools, OpenMP,
    tokenizers) that a forked child would inherit locked, and a fork would gain little here
    since the parent has not loaded the pipeline (each worker loads its own anyway).
    """

    Process = _QuickExitProcess


def _extractor(model: str | None, kb: str | None) -> Extractor:
    from ..api import load

    return load(model, kb=kb)


def _serialise(doc: Document, *, no_text: bool, as_document: bool, words: int) -> Tagged:
    if no_text:
        doc = doc.model_copy(update={"text": None})
    if as_document:
        return Tagged(words=words, entities=len(doc.entities), document=doc)
    return Tagged(words=words, entities=len(doc.entities), line=doc.model_dump_json())


def tag_chunk(
    items: list[tuple[str, str]],
    *,
    model: str | None,
    kb: str | None,
    batch_size: int,
    no_text: bool,
    as_documents: bool,
) -> ChunkResult:
    """Tag ``items`` (``(id, text)`` pairs) in order; one :class:`Tagged` per item.

    A document that makes the pipeline fail becomes an error result instead of failing the
    whole chunk.
    """
    try:
        extractor = _extractor(model, kb)
    except EntityxError as exc:
        # Re-raised in the calling process: an error type with a plain message pickles intact.
        raise CorpusError(str(exc)) from None
    texts = [text for _, text in items]
    ids = [doc_id for doc_id, _ in items]
    words = [len(text.split()) for text in texts]
    try:
        docs = list(extractor.pipe(texts, ids=ids, batch_size=batch_size))
        return [
            _serialise(doc, no_text=no_text, as_document=as_documents, words=n)
            for doc, n in zip(docs, words, strict=True)
        ]
    except Exception:  # isolate the failing document below
        pass
    results: ChunkResult = []
    for (doc_id, text), n in zip(items, words, strict=True):
        try:
            doc = extractor.extract(text, doc_id=doc_id)
            tagged = _serialise(doc, no_text=no_text, as_document=as_documents, words=n)
        except Exception as exc:
            results.append(Tagged(words=0, entities=0, error=f"pipeline failed: {exc!r}"))
            continue
        results.append(tagged)
    return results
