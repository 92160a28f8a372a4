"""Ordered, bounded streaming of records through a backend, and :func:`iter_tagged`.

Chunks of records go to a backend with at most ``backend.window`` in flight; results come
back in input order, merged with the chunk's error records. Both :func:`tag_corpus` (files)
and :func:`iter_tagged` (Python iterables) are built on this.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import TYPE_CHECKING, Any

from .backends import Backend, JobSpec, ResultLike, check_backend, check_count
from .choose import make_backend
from .readers import ErrorRecord, Record, replace_surrogates
from .work import ChunkResult, Tagged

if TYPE_CHECKING:
    from ..models import Document
    from ..registry import Registry

__all__ = [
    "DEFAULT_BATCH_SIZE",
    "Item",
    "chunks",
    "iter_tagged",
    "merge",
    "ordered",
]

DEFAULT_BATCH_SIZE = 64
Item = Record | ErrorRecord


def chunks(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def ordered(
    chunks: Iterable[list[Item]], backend: Backend
) -> Iterator[tuple[list[Item], ChunkResult]]:
    """Submit chunks to ``backend`` (at most ``backend.window`` in flight); yield in order."""
    pending: deque[tuple[list[Item], ResultLike | None]] = deque()

    def done(entry: tuple[list[Item], ResultLike | None]) -> tuple[list[Item], ChunkResult]:
        chunk, future = entry
        return chunk, [] if future is None else future.result()

    for chunk in chunks:
        good = [(r.id, r.text) for r in chunk if isinstance(r, Record)]
        pending.append((chunk, backend.submit(good) if good else None))
        if len(pending) >= backend.window:
            yield done(pending.popleft())
    while pending:
        yield done(pending.popleft())


def merge(chunk: list[Item], results: ChunkResult) -> Iterator[ErrorRecord | Tagged]:
    """Interleave worker results with the chunk's error records, in input order."""
    it = iter(results)
    for record in chunk:
        if isinstance(record, ErrorRecord):
            yield record
            continue
        tagged = next(it)
        if tagged.error is not None:
            yield ErrorRecord(record.source, record.line, tagged.error, id=record.id)
        else:
            yield tagged


def iter_tagged(
    texts: Iterable[str | tuple[str, str]],
    *,
    model: str | os.PathLike[str] | None = None,
    kb: str | os.PathLike[str] | None = None,
    workers: int = 1,
    batch_size: int = DEFAULT_BATCH_SIZE,
    registry: Registry | None = None,
    max_chars: int = 1_000_000,
    no_text: bool = False,
    backend: str = "local",
    scheduler: Any = None,
) -> Iterator[Document | ErrorRecord]:
    """Tag ``texts`` (strings, or ``(id, text)`` pairs) lazily and in order.

    Yields a :class:`~entityx.Document` per good text and an
    :class:`~entityx.corpus.readers.ErrorRecord` per bad one (empty, over ``max_chars``, or
    failing in the pipeline). With ``registry``, Documents carry registry ids. A bad setting
    raises :class:`~entityx.errors.InputError` at the call, before any text is read.
    """
    for name, value in (("workers", workers), ("batch_size", batch_size), ("max_chars", max_chars)):
        check_count(name, value)
    check_backend(backend)
    return _iter_tagged(
        texts,
        JobSpec(
            model=None if model is None else str(model),
            kb=None if kb is None else str(kb),
            batch_size=batch_size,
            no_text=no_text,
            as_documents=True,
        ),
        registry=registry,
        max_chars=max_chars,
        backend=backend,
        workers=workers,
        scheduler=scheduler,
    )


def _iter_tagged(
    texts: Iterable[str | tuple[str, str]],
    spec: JobSpec,
    *,
    registry: Registry | None,
    max_chars: int,
    backend: str,
    workers: int,
    scheduler: Any,
) -> Iterator[Document | ErrorRecord]:

    def records() -> Iterator[Item]:
        for index, item in enumerate(texts):
            doc_id, text = item if isinstance(item, tuple) else (str(index), item)
            if not isinstance(text, str):
                yield ErrorRecord("<iterable>", index, "text is not a string", id=doc_id)
            elif not text.strip():
                yield ErrorRecord("<iterable>", index, "empty or whitespace-only text", id=doc_id)
            elif len(text) > max_chars:
                reason = f"text over max_chars {max_chars}"
                yield ErrorRecord("<iterable>", index, reason, id=doc_id)
            else:  # lone surrogates cannot be written as UTF-8: the readers' rule
                text = replace_surrogates(text)
                doc_id = replace_surrogates(doc_id) if isinstance(doc_id, str) else doc_id
                yield Record(id=doc_id, text=text, source="<iterable>", line=index)

    runner = make_backend(spec, backend=backend, workers=workers, scheduler=scheduler)
    cancel = True
    try:
        for chunk, results in ordered(chunks(records(), spec.batch_size), runner):
            for item in merge(chunk, results):
                if isinstance(item, ErrorRecord):
                    yield item
                elif item.document is not None:
                    yield item.document if registry is None else registry.add(item.document)
        cancel = False
    finally:
        runner.close(cancel=cancel)
