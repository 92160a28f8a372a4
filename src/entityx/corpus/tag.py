"""Tag a whole corpus: ordered, bounded, resumable, with an errors file and a summary.

The calling process reads the inputs, hands chunks of records to a backend (this process,
worker processes, or Dask), and writes the results in input order, one committed batch per
chunk (see :mod:`entityx.corpus.sink` for what "committed" guarantees and
:mod:`entityx.registry` for the cross-document registry, which commits in the same step).
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import time
from collections.abc import Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import asdict, dataclass, replace
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import InputError
from .backends import JobSpec, make_backend
from .readers import ErrorRecord, count_records, iter_records, resolve_inputs
from .sink import Checkpoint, OutputError, Sink, read_checkpoint, write_checkpoint
from .stream import DEFAULT_BATCH_SIZE, Item, chunks, iter_tagged, merge, ordered
from .work import ChunkResult

if TYPE_CHECKING:
    from ..models import Document
    from ..registry import Registry

__all__ = ["TagSummary", "errors_path_for", "iter_tagged", "tag_corpus"]


@dataclass(frozen=True)
class TagSummary:
    """What a run did (counts cover the whole job, including resumed parts)."""

    documents: int
    words: int
    entities: int
    errors: int
    seconds: float
    resumed_from: int = 0
    output: str | None = None
    errors_file: str | None = None
    registry_entities: int | None = None

    def __str__(self) -> str:
        rate = self.documents / self.seconds if self.seconds > 0 else 0.0
        text = (
            f"{self.documents:,} documents, {self.words:,} words, {self.entities:,} entities, "
            f"{self.errors:,} errors in {self.seconds:.1f}s ({rate:,.1f} docs/s)"
        )
        if self.registry_entities is not None:
            text += f"; registry: {self.registry_entities:,} entities"
        if self.errors and self.errors_file:
            text += f"; errors in {self.errors_file}"
        return text


def errors_path_for(output: str | os.PathLike[str]) -> Path:
    """``day1.jsonl`` → ``day1.errors.jsonl`` (other names get ``.errors.jsonl`` appended)."""
    path = Path(output)
    name = path.name
    stem = name[: -len(".jsonl")] if name.endswith(".jsonl") else name
    return path.with_name(stem + ".errors.jsonl")


def _fingerprint(**settings: Any) -> str:
    return hashlib.sha256(json.dumps(settings, sort_keys=True, default=str).encode()).hexdigest()


class _Bar:
    def __init__(self, *, total: int | None, initial: int, enabled: bool) -> None:
        self.start = time.monotonic()
        self.words = 0
        self._bar = None
        if enabled:
            from tqdm import tqdm

            self._bar = tqdm(
                total=total,
                initial=initial,
                unit="doc",
                file=sys.stderr,
                dynamic_ncols=True,
                smoothing=0.05,
                desc="tagging",
            )

    def update(self, records: int, words: int) -> None:
        self.words += words
        if self._bar is not None:
            elapsed = max(time.monotonic() - self.start, 1e-9)
            self._bar.set_postfix_str(f"{self.words / elapsed:,.0f} words/s", refresh=False)
            self._bar.update(records)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()


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
    ``resume``: continue an interrupted run with the same arguments. ``strict``: raise
    :class:`~entityx.errors.InputError` at the end if any record failed. ``backend``:
    ``"local"`` (``workers`` processes) or ``"dask"`` (``scheduler``: an address or a
    ``Client``; a ``LocalCluster`` of ``workers`` processes when ``None``).
    """
    if isinstance(inputs, (str, os.PathLike)):
        inputs = [inputs]
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    files = resolve_inputs(inputs, glob=glob)  # fails fast, before any work
    to_stdout = str(output) == "-"
    if to_stdout and errors is None:
        raise InputError("writing to stdout (-o -) needs --errors PATH for the errors file")
    if to_stdout and resume:
        raise InputError("--resume needs an output file, not stdout")
    out_path = None if to_stdout else Path(output)
    err_path = Path(errors) if errors is not None else errors_path_for(output)
    progress_path = None if out_path is None else out_path.with_name(out_path.name + ".progress")
    for target in (out_path, err_path):
        if target is not None and not os.access(target.parent or Path("."), os.W_OK):
            raise OutputError(
                f"cannot write {target}: {target.parent} does not exist or is not writable"
            )
    model_s = None if model is None else str(model)
    kb_s = None if kb is None else str(kb)
    reg = _open_registry(registry)
    fingerprint = _fingerprint(
        inputs=[f.name for f in files],
        text_field=text_field,
        id_field=id_field,
        max_chars=max_chars,
        no_text=no_text,
        model=model_s,
        kb=kb_s,
        registry=None if reg is None else str(reg.path.resolve()),
    )
    run_key = f"tag:{out_path.resolve() if out_path else err_path.resolve()}"
    try:
        state = _start_state(
            resume=resume,
            progress_path=progress_path,
            reg=reg,
            run_key=run_key,
            fingerprint=fingerprint,
        )
        if state.complete:
            return _summary(state, out_path, err_path, reg, resumed_from=state.records_done)
        return _run(
            files,
            state=state,
            out_path=out_path,
            err_path=err_path,
            progress_path=progress_path,
            reg=reg,
            run_key=run_key,
            text_field=text_field,
            id_field=id_field,
            max_chars=max_chars,
            strict=strict,
            progress=progress,
            spec=JobSpec(
                model=model_s,
                kb=kb_s,
                batch_size=batch_size,
                no_text=no_text,
                as_documents=reg is not None,
            ),
            backend=backend,
            workers=workers,
            scheduler=scheduler,
            recycle_after=recycle_after,
            resume=resume,
        )
    finally:
        if reg is not None and not isinstance(registry, _registry_class()):
            reg.close()


def _registry_class() -> type:
    from ..registry import Registry

    return Registry


def _open_registry(registry: Any) -> Registry | None:
    if registry is None:
        return None
    from ..registry import Registry

    return registry if isinstance(registry, Registry) else Registry(registry)


def _start_state(
    *,
    resume: bool,
    progress_path: Path | None,
    reg: Registry | None,
    run_key: str,
    fingerprint: str,
) -> Checkpoint:
    if not resume:
        return Checkpoint(fingerprint=fingerprint)
    assert progress_path is not None
    state = read_checkpoint(progress_path)
    if reg is not None:
        # The registry commits its checkpoint before the progress file is replaced, so it can be
        # one batch ahead after a crash; its output bytes were fsync'd before it committed.
        saved = reg.checkpoint(run_key)
        if saved is not None:
            reg_state = Checkpoint.from_dict(saved)
            if state is None or reg_state.records_done > state.records_done:
                state = reg_state
    if state is None:
        return Checkpoint(fingerprint=fingerprint)
    if state.fingerprint != fingerprint:
        raise InputError(
            "--resume needs the same inputs and settings as the interrupted run (inputs, "
            "--text-field, --id-field, --max-chars, --no-text, --model, --kb, --registry); "
            "rerun with those, or without --resume to start over"
        )
    return state


def _summary(
    state: Checkpoint,
    out_path: Path | None,
    err_path: Path,
    reg: Registry | None,
    *,
    resumed_from: int,
) -> TagSummary:
    return TagSummary(
        documents=state.documents,
        words=state.words,
        entities=state.entities,
        errors=state.errors,
        seconds=round(state.seconds, 3),
        resumed_from=resumed_from,
        output=None if out_path is None else str(out_path),
        errors_file=str(err_path),
        registry_entities=None if reg is None else len(reg),
    )


def _run(
    files: Sequence[Any],
    *,
    state: Checkpoint,
    out_path: Path | None,
    err_path: Path,
    progress_path: Path | None,
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
    total = count_records(files) if progress else None
    records = iter_records(files, text_field=text_field, id_field=id_field, max_chars=max_chars)
    records = islice(records, state.records_done, None)
    if not resume:
        # Forget any earlier run into this output *before* truncating it, so that a crash
        # right now cannot leave a checkpoint pointing past the end of the new output.
        if reg is not None:
            reg.set_checkpoint(run_key, asdict(state))
        if progress_path is not None:
            write_checkpoint(progress_path, state)
    sink = Sink(out_path, err_path, resume_from=state if resume else None)
    bar = _Bar(total=total, initial=state.records_done, enabled=progress)
    started = time.monotonic()
    base_seconds = state.seconds
    seen = time.strftime("%Y-%m-%dT%H:%M:%S+00:00", time.gmtime())
    runner = make_backend(
        spec, backend=backend, workers=workers, scheduler=scheduler, recycle_after=recycle_after
    )
    cancel = True
    try:

        def commit(chunk: list[Item], results: ChunkResult) -> int:
            return _write_batch(
                chunk,
                results,
                state,
                sink=sink,
                reg=reg,
                seen=seen,
                run_key=run_key,
                progress_path=progress_path,
                out_path=out_path,
                seconds=base_seconds + time.monotonic() - started,
            )

        for chunk, results in ordered(chunks(records, spec.batch_size), runner):
            bar.update(len(chunk), commit(chunk, results))
        state.complete = True
        commit([], [])  # the final checkpoint marks the run complete
        cancel = False
    finally:
        bar.close()
        runner.close(cancel=cancel)
        sink.close()
    summary = _summary(state, out_path, err_path, reg, resumed_from=resumed_from)
    if strict and state.errors:
        raise InputError(f"{state.errors} records failed (--strict); see {err_path}")
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
    progress_path: Path | None,
    out_path: Path | None,
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
            )
            if reg is not None:
                reg.set_checkpoint(run_key, asdict(new))
        durable = reg is not None  # the registry checkpoint now covers this batch
        if progress_path is not None:
            write_checkpoint(progress_path, new)
    except OSError as exc:
        if durable:
            _advance(state, new)
            sink.committed(output_bytes, errors_bytes)
        else:
            sink.rollback()
        where = out_path if out_path is not None else "the output"
        error = OutputError(
            f"cannot write {where}: {exc.strerror or exc}. The first {state.records_done:,} "
            "input records are safely written; fix the cause (e.g. free disk space) and rerun "
            "the same command with --resume"
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
    ):
        setattr(state, name, getattr(new, name))
