"""Tag a whole corpus: ordered, bounded, resumable, with an errors file and a summary.

The calling process reads the inputs, hands chunks of records to a backend (this process,
worker processes, or Dask), and writes the results in input order, one committed batch per
chunk (see :mod:`entityx.corpus.sink` for what "committed" guarantees and
:mod:`entityx.registry` for the cross-document registry, which commits in the same step).
Before any of that, :mod:`entityx.corpus.start` checks the arguments and the resume state, and
the output is locked (:mod:`entityx.corpus.guard`).
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, nullcontext, suppress
from dataclasses import asdict, replace
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import InputError, RegistryError
from .backends import JobSpec
from .choose import make_backend
from .fingerprint import InputTracker, registry_identity
from .guard import OutputLock
from .readers import ErrorRecord, InputFile, count_records, iter_positioned, resolve_inputs
from .sink import Checkpoint, OutputError, Sink, write_checkpoint
from .start import (
    Paths,
    check_arguments,
    check_paths,
    open_registry,
    refuse_before_opening,
    saved_progress,
    start_state,
)
from .stream import DEFAULT_BATCH_SIZE, Item, chunks, iter_tagged, merge, ordered
from .summary import ProgressBar, TagSummary, errors_path_for, plural, summary_of
from .work import ChunkResult

if TYPE_CHECKING:
    from ..models import Document
    from ..registry import Registry

__all__ = ["TagSummary", "errors_path_for", "iter_tagged", "plural", "tag_corpus"]


def _fingerprint(**settings: Any) -> str:
    return hashlib.sha256(json.dumps(settings, sort_keys=True, default=str).encode()).hexdigest()


def tag_corpus(
    inputs: Sequence[str | os.PathLike[str]] | str | os.PathLike[str],
    *,
    output: str | os.PathLike[str],
    errors: str | os.PathLike[str] | None = None,
    text_field: str = "text",
    id_field: str | None = None,
    glob: str = "**/*.txt",
    model: str | os.PathLike[str] | None = None,
    kb: str | os.PathLike[str] | None = None,
    workers: int = 1,
    batch_size: int = DEFAULT_BATCH_SIZE,
    registry: str | os.PathLike[str] | Registry | None = None,
    resume: bool = False,
    overwrite: bool = False,
    max_chars: int = 1_000_000,
    no_text: bool = False,
    strict: bool = False,
    progress: bool = True,
    backend: str = "local",
    scheduler: Any = None,
    recycle_after: int | None = None,
) -> TagSummary:
    """Tag every document of ``inputs`` into ``output`` (JSONL, one Document per line).

    ``inputs``: ``.txt`` files, directories (files matching ``glob``), ``.jsonl`` /
    ``.jsonl.gz`` files (``text_field``, ``id_field``). ``output``: a path or ``"-"``
    (stdout; then ``errors`` is required and ``resume`` impossible). Bad records go to
    ``errors`` (default: ``output`` with ``.jsonl`` replaced by ``.errors.jsonl``).
    ``registry``: a path or :class:`~entityx.Registry` giving documents registry entity ids.
    ``resume``: continue an interrupted run with the same arguments (refused if an input or
    the registry changed since). ``overwrite``: replace an output (or errors file) that
    already holds data; without it such a run is refused. ``strict``: raise
    :class:`~entityx.errors.InputError` at the end if any record failed. ``backend``:
    ``"local"`` (``workers`` processes) or ``"dask"`` (``scheduler``: an address or a
    ``Client``; a ``LocalCluster`` of ``workers`` processes when ``None``). Every argument
    is checked, and ``OUT.lock`` taken, before any file is touched.
    """
    if isinstance(inputs, (str, os.PathLike)):
        inputs = [inputs]
    check_arguments(
        output=output,
        errors=errors,
        workers=workers,
        batch_size=batch_size,
        max_chars=max_chars,
        backend=backend,
        resume=resume,
        overwrite=overwrite,
        recycle_after=recycle_after,
        kb=kb,
    )
    files = resolve_inputs(inputs, glob=glob)  # fails fast, before any work
    out_path = None if str(output) == "-" else Path(output)
    err_path = Path(errors) if errors is not None else errors_path_for(output)
    for target in (out_path, err_path):
        if target is not None and not os.access(target.parent or Path("."), os.W_OK):
            raise OutputError(
                f"cannot write {target}: {target.parent} does not exist or is not writable"
            )
    spec = JobSpec(
        model=None if model is None else str(model),
        kb=None if kb is None else str(kb),
        batch_size=batch_size,
        no_text=no_text,
        as_documents=registry is not None,
    )
    paths = Paths(out_path, err_path)
    check_paths(files, paths)
    with OutputLock(out_path if out_path is not None else err_path):
        saved = saved_progress(paths, strict=resume)
        refuse_before_opening(
            resume=resume, overwrite=overwrite, saved=saved, paths=paths, registry=registry
        )
        reg = open_registry(registry, saved=saved if resume else None, where=paths.where)
        try:
            fingerprint = _fingerprint(
                inputs=[f.name for f in files],
                text_field=text_field,
                id_field=id_field,
                max_chars=max_chars,
                no_text=no_text,
                model=spec.model,
                kb=spec.kb,
                registry=None if reg is None else str(reg.path.resolve()),
            )
            run_key = f"tag:{out_path.resolve() if out_path else err_path.resolve()}"
            state, tracker = start_state(
                resume=resume,
                saved=saved,
                paths=paths,
                files=files,
                reg=reg,
                run_key=run_key,
                fingerprint=fingerprint,
            )
            if state.complete:
                return summary_of(state, out_path, err_path, reg, resumed_from=state.records_done)
            return _run(
                files,
                state=state,
                tracker=tracker,
                paths=paths,
                reg=reg,
                run_key=run_key,
                text_field=text_field,
                id_field=id_field,
                max_chars=max_chars,
                strict=strict,
                progress=progress,
                spec=spec,
                backend=backend,
                workers=workers,
                scheduler=scheduler,
                recycle_after=recycle_after,
                resume=resume,
            )
        finally:
            if reg is not None and reg is not registry:  # we opened it, we close it
                reg.close()


def _run(
    files: Sequence[InputFile],
    *,
    state: Checkpoint,
    tracker: InputTracker | None,
    paths: Paths,
    reg: Registry | None,
    run_key: str,
    text_field: str,
    id_field: str | None,
    max_chars: int,
    strict: bool,
    progress: bool,
    spec: JobSpec,
    backend: str,
    workers: int,
    scheduler: Any,
    recycle_after: int | None,
    resume: bool,
) -> TagSummary:
    resumed_from = state.records_done
    assert tracker is not None
    total = count_records(files) if progress else None
    positioned = iter_positioned(
        files, text_field=text_field, id_field=id_field, max_chars=max_chars
    )
    ends: deque[tuple[int, int | None]] = deque()  # where each record read so far ends

    def records() -> Iterator[Item]:
        for record, end in islice(positioned, state.records_done, None):
            ends.append(end)
            yield record

    # Built first: a backend that cannot start (a model that cannot load) costs no output.
    runner = make_backend(
        spec, backend=backend, workers=workers, scheduler=scheduler, recycle_after=recycle_after
    )
    try:
        if not resume:
            # Forget any earlier run into this output *before* truncating it, so that a crash
            # right now cannot leave a checkpoint pointing past the end of the new output.
            if reg is not None:
                reg.set_checkpoint(run_key, asdict(state))
            if paths.progress is not None:
                write_checkpoint(paths.progress, state)
        sink = Sink(paths.out, paths.err, resume_from=state if resume else None)
    except BaseException:
        runner.close(cancel=True)
        raise
    bar = ProgressBar(total=total, initial=state.records_done, enabled=progress)
    started = time.monotonic()
    base_seconds = state.seconds
    seen = time.strftime("%Y-%m-%dT%H:%M:%S+00:00", time.gmtime())

    def extra() -> dict[str, Any]:
        found: dict[str, Any] = {"inputs": tracker.state()}
        if reg is not None:
            found["registry"] = registry_identity(reg)
        return found

    def commit(chunk: list[Item], results: ChunkResult) -> int:
        for _ in chunk:
            last = ends.popleft()
        if chunk:
            tracker.advance(last)
        return _write_batch(
            chunk,
            results,
            state,
            sink=sink,
            reg=reg,
            seen=seen,
            run_key=run_key,
            paths=paths,
            extra=extra,
            seconds=base_seconds + time.monotonic() - started,
        )

    try:
        for chunk, results in ordered(chunks(records(), spec.batch_size), runner):
            bar.update(len(chunk), commit(chunk, results))
        state.complete = True
        commit([], [])  # the final checkpoint marks the run complete
    except BaseException:
        with suppress(Exception):  # never let cleanup hide why the run stopped
            runner.close(cancel=True)
        raise
    else:
        runner.close(cancel=False)
    finally:
        bar.close()
        sink.close()
        tracker.close()
    summary = summary_of(state, paths.out, paths.err, reg, resumed_from=resumed_from)
    if strict and state.errors:
        failed = plural(state.errors, "record")
        raise InputError(f"{failed} failed (--strict); see {paths.err}")
    return summary


def _write_batch(
    chunk: list[Item],
    results: ChunkResult,
    state: Checkpoint,
    *,
    sink: Sink,
    reg: Registry | None,
    seen: str,
    run_key: str,
    paths: Paths,
    extra: Callable[[], dict[str, Any]],
    seconds: float,
) -> int:
    """Write one chunk durably and advance ``state``; return its word count.

    Order: registry rows and output lines of the chunk; both files fsync'd; registry
    checkpoint and rows committed in one transaction; then the progress file replaced.
    """
    lines: list[str] = []
    error_lines: list[str] = []
    words = entities = documents = 0
    durable = False
    transaction: AbstractContextManager[Any] = (
        reg.transaction() if reg is not None else nullcontext()
    )
    try:
        with transaction:
            for item in merge(chunk, results):
                if isinstance(item, ErrorRecord):
                    error_lines.append(item.to_json())
                    continue
                if item.document is not None:
                    doc: Document = item.document
                    if reg is not None:
                        doc = reg.add(doc, seen=seen)
                    lines.append(doc.model_dump_json())
                elif item.line is not None:
                    lines.append(item.line)
                documents += 1
                words += item.words
                entities += item.entities
            sink.write(lines, error_lines)
            output_bytes, errors_bytes = sink.sync()
            new = replace(
                state,
                records_done=state.records_done + len(chunk),
                documents=state.documents + documents,
                words=state.words + words,
                entities=state.entities + entities,
                errors=state.errors + len(error_lines),
                output_bytes=output_bytes,
                errors_bytes=errors_bytes,
                seconds=seconds,
                extra=extra(),
            )
            if reg is not None:
                reg.set_checkpoint(run_key, asdict(new))
        durable = reg is not None  # the registry checkpoint now covers this batch
        if paths.progress is not None:
            write_checkpoint(paths.progress, new)
    except (OSError, RegistryError) as exc:
        if durable:
            _advance(state, new)
            sink.committed(output_bytes, errors_bytes)
        else:
            sink.rollback()
        if isinstance(exc, RegistryError):
            raise
        where = paths.out if paths.out is not None else "the output"
        error = OutputError(
            f"cannot write {where}: {exc.strerror or exc}. What was committed (the first "
            f"{plural(state.records_done, 'input record')}) is safe; fix the cause (e.g. free "
            "disk space) and rerun the same command with --resume"
        )
        error.errno = exc.errno
        raise error from exc
    sink.committed(output_bytes, errors_bytes)
    _advance(state, new)
    return words


def _advance(state: Checkpoint, new: Checkpoint) -> None:
    for name in (
        "records_done",
        "documents",
        "words",
        "entities",
        "errors",
        "output_bytes",
        "errors_bytes",
        "seconds",
        "complete",
        "extra",
    ):
        setattr(state, name, getattr(new, name))
