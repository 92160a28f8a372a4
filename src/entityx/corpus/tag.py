"""Tag a whole corpus: ordered, bounded, resumable, with an errors file and a summary.

The calling process reads the inputs, hands chunks of records to a backend (this process,
worker processes, or Dask), and writes the results in input order, one committed batch per
chunk (see :mod:`entityx.corpus.sink` for what "committed" guarantees and
:mod:`entityx.registry` for the cross-document registry, which commits in the same step).
Before any of that, the settings are checked (:class:`~entityx.corpus.options.TagOptions`),
then :mod:`entityx.corpus.start` checks the paths and the resume state, and the output is
locked (:mod:`entityx.corpus.guard`).
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import suppress
from dataclasses import replace
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import InputError
from .backends import Backend, JobSpec
from .choose import make_backend
from .fingerprint import InputTracker
from .guard import OutputLock
from .options import TagOptions
from .progress import ProgressBar
from .readers import InputFile, count_records, iter_positioned, resolve_inputs
from .sink import BatchWriter, Checkpoint, OutputError, Paths
from .start import (
    check_kb,
    check_paths,
    open_registry,
    refuse_before_opening,
    saved_progress,
    start_state,
)
from .stream import Item, chunks, iter_tagged, ordered
from .summary import TagSummary, errors_path_for, plural, summary_of
from .work import ChunkResult

if TYPE_CHECKING:
    from ..registry import Registry

__all__ = ["TagOptions", "TagSummary", "errors_path_for", "iter_tagged", "plural", "tag_corpus"]


def tag_corpus(
    inputs: Sequence[str | os.PathLike[str]] | str | os.PathLike[str],
    *,
    options: TagOptions | None = None,
    **settings: Any,
) -> TagSummary:
    """Tag every document of ``inputs`` into ``output`` (JSONL, one Document per line).

    ``inputs``: ``.txt`` files, directories (files matching ``glob``), ``.jsonl`` /
    ``.jsonl.gz`` files. The settings are the fields of
    :class:`~entityx.corpus.options.TagOptions` (which says what each does), passed as keyword
    arguments (``tag_corpus(["news/"], output="news.jsonl", workers=2)``), or made once and
    passed as ``options=`` (keyword arguments then replace its fields). Every setting is
    checked, and ``OUT.lock`` taken, before any file is touched.
    """
    opts = _options(options, settings)
    if isinstance(inputs, (str, os.PathLike)):
        inputs = [inputs]
    check_kb(opts.kb)
    files = resolve_inputs(inputs, glob=opts.glob)  # fails fast, before any work
    paths = Paths(None if opts.to_stdout else Path(opts.output), _errors_path(opts))
    for target in (paths.out, paths.err):
        if target is not None and not os.access(target.parent or Path("."), os.W_OK):
            raise OutputError(
                f"cannot write {target}: {target.parent} does not exist or is not writable"
            )
    check_paths(files, paths)
    with OutputLock(paths.out if paths.out is not None else paths.err):
        saved = saved_progress(paths, strict=opts.resume)
        refuse_before_opening(
            resume=opts.resume,
            overwrite=opts.overwrite,
            saved=saved,
            paths=paths,
            registry=opts.registry,
        )
        reg = open_registry(opts.registry, saved=saved if opts.resume else None, where=paths.where)
        try:
            run_key = f"tag:{(paths.out or paths.err).resolve()}"
            state, tracker = start_state(
                resume=opts.resume,
                saved=saved,
                paths=paths,
                files=files,
                reg=reg,
                run_key=run_key,
                fingerprint=opts.fingerprint(inputs=[f.name for f in files], registry=reg),
            )
            if state.complete:
                resumed_from = state.records_done
                return summary_of(state, paths.out, paths.err, reg, resumed_from=resumed_from)
            assert tracker is not None  # only a complete run has none
            return _run(
                files, opts, state=state, tracker=tracker, paths=paths, reg=reg, run_key=run_key
            )
        finally:
            if reg is not None and reg is not opts.registry:  # we opened it, we close it
                reg.close()


def _options(options: TagOptions | None, settings: dict[str, Any]) -> TagOptions:
    known = TagOptions.__dataclass_fields__
    unknown = sorted(set(settings) - set(known))
    if unknown:
        raise TypeError(
            f"tag_corpus() got an unexpected keyword argument {unknown[0]!r}; "
            f"the settings are: {', '.join(known)}"
        )
    if options is None:
        return TagOptions(**settings)
    return replace(options, **settings) if settings else options


def _errors_path(opts: TagOptions) -> Path:
    return Path(opts.errors) if opts.errors is not None else errors_path_for(opts.output)


def _start(
    opts: TagOptions,
    spec: JobSpec,
    files: Sequence[InputFile],
    *,
    state: Checkpoint,
    tracker: InputTracker,
    paths: Paths,
    reg: Registry | None,
    run_key: str,
) -> tuple[Backend, BatchWriter, int | None]:
    """The backend, the record count for the progress bar (taken meanwhile), then the writer:
    a backend that cannot start (a model that cannot load) or inputs that cannot be counted
    cost no output, since the writer is what truncates it."""
    counting = _count_in_background(files) if opts.progress else None
    runner = make_backend(
        spec,
        backend=opts.backend,
        workers=opts.workers,
        scheduler=opts.scheduler,
        recycle_after=opts.recycle_after,
    )
    try:
        total = None if counting is None else counting.result()
        writer = BatchWriter(
            state, paths=paths, reg=reg, run_key=run_key, tracker=tracker, resume=opts.resume
        )
    except BaseException:
        runner.close(cancel=True)
        raise
    return runner, writer, total


def _count_in_background(files: Sequence[InputFile]) -> Future[int | None]:
    """Count the records for the progress bar in a thread while the backend starts: the byte
    scan of a large JSONL input takes seconds (~5 ms a MB), which would otherwise come before
    the workers even start loading the pipeline (their loading leaves this thread idle)."""
    pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="entityx-count")
    try:
        return pool.submit(count_records, files)
    finally:
        pool.shutdown(wait=False)


def _run(
    files: Sequence[InputFile],
    opts: TagOptions,
    *,
    state: Checkpoint,
    tracker: InputTracker,
    paths: Paths,
    reg: Registry | None,
    run_key: str,
) -> TagSummary:
    """Stream the records through a backend and commit them in order, chunk by chunk."""
    resumed_from = state.records_done
    positioned = iter_positioned(
        files, text_field=opts.text_field, id_field=opts.id_field, max_chars=opts.max_chars
    )
    ends: deque[tuple[int, int | None]] = deque()  # where each record read so far ends

    def records() -> Iterator[Item]:
        for record, end in islice(positioned, state.records_done, None):
            ends.append(end)
            yield record

    spec = opts.job()
    runner, writer, total = _start(
        opts, spec, files, state=state, tracker=tracker, paths=paths, reg=reg, run_key=run_key
    )
    bar = ProgressBar(total=total, initial=state.records_done, enabled=opts.progress)

    def commit(chunk: list[Item], results: ChunkResult) -> int:
        for _ in chunk:
            last = ends.popleft()
        if chunk:
            tracker.advance(last)
        return writer.write(chunk, results)

    try:
        for chunk, results in ordered(chunks(records(), spec.batch_size), runner):
            bar.update(len(chunk), commit(chunk, results))
        writer.finish()
    except BaseException:
        with suppress(Exception):  # never let cleanup hide why the run stopped
            runner.close(cancel=True)
        raise
    else:
        runner.close(cancel=False)
    finally:
        bar.close()
        writer.close()
        tracker.close()
    summary = summary_of(writer.state, paths.out, paths.err, reg, resumed_from=resumed_from)
    if opts.strict and writer.state.errors:
        failed = plural(writer.state.errors, "record")
        raise InputError(f"{failed} failed (--strict); see {paths.err}")
    return summary
