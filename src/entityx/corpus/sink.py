"""Durable output for a corpus run: the output and errors files, and the resume checkpoint.

Output is written in batches (:class:`BatchWriter`). After each batch both files are flushed
and fsync'd, and only then is the checkpoint (how many input records are done, and the byte
length of each file) replaced atomically (write a temporary file, fsync, rename, fsync the
directory). Whatever a crash leaves after the checkpointed lengths is an unfinished batch:
``--resume`` cuts it off and redoes it, so no record is missing, none is written twice, and no
line is torn. With a registry, its rows and its copy of the checkpoint commit in one
transaction before the progress file is replaced (see :mod:`entityx.registry`).
"""

from __future__ import annotations

import json
import os
import sys
import time
from contextlib import AbstractContextManager, nullcontext
from dataclasses import asdict, dataclass, field, fields, replace
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from .._counts import plural
from ..errors import CorpusError, OutputError, RegistryError
from .fingerprint import checkpoint_extra
from .readers import ErrorRecord
from .stream import Item, merge

if TYPE_CHECKING:
    from ..models import Document
    from ..registry import Registry
    from .fingerprint import InputTracker
    from .work import ChunkResult

__all__ = [
    "BatchWriter",
    "Checkpoint",
    "OutputError",
    "Paths",
    "Sink",
    "read_checkpoint",
    "write_checkpoint",
]

CHECKPOINT_VERSION = 1


@dataclass
class Checkpoint:
    """How far a run got; stored next to the output as ``OUT.progress`` (JSON)."""

    fingerprint: str
    records_done: int = 0
    output_bytes: int = 0
    errors_bytes: int = 0
    documents: int = 0
    words: int = 0
    entities: int = 0
    errors: int = 0
    seconds: float = 0.0
    complete: bool = False
    version: int = CHECKPOINT_VERSION
    extra: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> str:
        return json.dumps(asdict(self), sort_keys=True)

    @classmethod
    def from_dict(cls, data: Any, *, where: str = "the checkpoint") -> Checkpoint:
        """Check every field (a progress file may be edited by hand) and build the checkpoint.

        Raises :class:`~entityx.errors.CorpusError` naming ``where`` and the bad field.
        """
        if not isinstance(data, dict):
            raise _bad_checkpoint(where, f"it holds a JSON {type(data).__name__}, not an object")
        if data.get("version") != CHECKPOINT_VERSION:
            raise _bad_checkpoint(
                where, f"version {data.get('version')!r} is not {CHECKPOINT_VERSION}"
            )
        known = {f.name: f for f in fields(cls)}
        unknown = sorted(set(data) - set(known))
        if unknown:
            raise _bad_checkpoint(where, f"unknown field {unknown[0]!r}")
        if "fingerprint" not in data:
            raise _bad_checkpoint(where, "field 'fingerprint' is missing")
        for name, value in data.items():
            if not _valid(name, value):
                raise _bad_checkpoint(where, f"field {name!r} is {value!r}")
        return cls(**data)


@dataclass(frozen=True)
class Paths:
    """Where a run writes: the output (``None``: stdout), the errors file, the progress file."""

    out: Path | None
    err: Path

    @property
    def progress(self) -> Path | None:
        return None if self.out is None else self.out.with_name(self.out.name + ".progress")

    @property
    def where(self) -> str:
        return str(self.progress) if self.progress is not None else "the checkpoint"


_COUNTS = ("records_done", "output_bytes", "errors_bytes", "documents", "words", "entities")


def _valid(name: str, value: Any) -> bool:
    if name in (*_COUNTS, "errors", "version"):
        return isinstance(value, int) and not isinstance(value, bool) and value >= 0
    if name == "seconds":
        return isinstance(value, (int, float)) and not isinstance(value, bool) and value >= 0
    if name == "complete":
        return isinstance(value, bool)
    if name == "fingerprint":
        return isinstance(value, str)
    return isinstance(value, dict)  # extra


def _bad_checkpoint(where: str, problem: str) -> CorpusError:
    return CorpusError(
        f"{where} is corrupt or was edited ({problem}); rerun with --overwrite (and without "
        "--resume) to start over"
    )


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def write_checkpoint(path: Path, checkpoint: Checkpoint) -> None:
    """Atomically replace ``path`` with ``checkpoint`` (durable once this returns)."""
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "w", encoding="utf-8") as handle:
        handle.write(checkpoint.to_json())
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)
    _fsync_dir(path.parent)


def read_checkpoint(path: Path) -> Checkpoint | None:
    """The checkpoint at ``path``, or ``None`` if there is none."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:
        raise CorpusError(
            f"{path}: unreadable checkpoint ({exc}); rerun with --overwrite (and without "
            "--resume) to start over"
        ) from None
    return Checkpoint.from_dict(data, where=str(path))


class _File:
    """One append-only output file (or stdout) with commit/rollback by byte length."""

    def __init__(self, path: Path | None, *, start: int | None) -> None:
        self.path = path
        self.committed = 0
        if path is None:
            self.handle: IO[bytes] = sys.stdout.buffer
            return
        if start is None:
            self.handle = open(path, "wb")  # noqa: SIM115
        else:
            self.handle = open(path, "r+b") if path.exists() else open(path, "w+b")  # noqa: SIM115
            size = self.handle.seek(0, os.SEEK_END)
            if size < start:
                raise CorpusError(
                    f"{path} is shorter ({size} bytes) than its checkpoint says ({start}); "
                    "it was changed since the interrupted run: rerun without --resume"
                )
            self.handle.truncate(start)
            self.handle.seek(start)
            self.committed = start

    def write(self, data: bytes) -> None:
        self.handle.write(data)

    def sync(self) -> int:
        """Flush and fsync; return the length written so far (not yet committed)."""
        self.handle.flush()
        if self.path is None:
            return 0
        os.fsync(self.handle.fileno())
        return self.handle.tell()

    def rollback(self) -> None:
        """Best effort: drop uncommitted bytes (this also frees space on a full disk)."""
        if self.path is None:
            return
        try:
            self.handle.seek(self.committed)
            self.handle.truncate(self.committed)
        except (OSError, ValueError):
            pass

    def close(self) -> None:
        if self.path is None:
            self.handle.flush()
        else:
            self.handle.close()


class Sink:
    """The output and errors files of one run, written in committed batches."""

    def __init__(
        self, output: Path | None, errors: Path, *, resume_from: Checkpoint | None = None
    ) -> None:
        self.output = _File(output, start=None if resume_from is None else resume_from.output_bytes)
        try:
            self.errors = _File(
                errors, start=None if resume_from is None else resume_from.errors_bytes
            )
        except BaseException:
            self.output.close()
            raise

    def write(self, lines: list[str], errors: list[str]) -> None:
        if lines:
            self.output.write(("\n".join(lines) + "\n").encode("utf-8"))
        if errors:
            self.errors.write(("\n".join(errors) + "\n").encode("utf-8"))

    def sync(self) -> tuple[int, int]:
        """Flush and fsync both files; return their byte lengths."""
        return self.output.sync(), self.errors.sync()

    def committed(self, output_bytes: int, errors_bytes: int) -> None:
        """Record that the checkpoint now covers these lengths (rollback stops there)."""
        self.output.committed = output_bytes
        self.errors.committed = errors_bytes

    def rollback(self) -> None:
        self.output.rollback()
        self.errors.rollback()

    def close(self) -> None:
        self.output.close()
        self.errors.close()


class BatchWriter:
    """Commits a run's chunks one by one, and owns the run's :class:`Checkpoint`.

    A chunk is committed in this order: its registry rows and output lines written; both
    files fsync'd; the registry checkpoint and rows committed in one transaction; then the
    progress file replaced. :attr:`state` is replaced (never edited) once a chunk is durable,
    so it always describes what a resumed run would find.
    """

    def __init__(
        self,
        state: Checkpoint,
        *,
        paths: Paths,
        reg: Registry | None,
        run_key: str,
        tracker: InputTracker,
        resume: bool,
    ) -> None:
        self.state = state
        self._paths, self._reg, self._run_key, self._tracker = paths, reg, run_key, tracker
        self._seen = time.strftime("%Y-%m-%dT%H:%M:%S+00:00", time.gmtime())
        if not resume:
            # Forget any earlier run into this output *before* truncating it, so that a crash
            # right now cannot leave a checkpoint pointing past the end of the new output.
            if reg is not None:
                reg.set_checkpoint(run_key, asdict(state))
            if paths.progress is not None:
                write_checkpoint(paths.progress, state)
        self._sink = Sink(paths.out, paths.err, resume_from=state if resume else None)
        self._started = time.monotonic()
        self._base_seconds = state.seconds

    def write(self, chunk: list[Item], results: ChunkResult) -> int:
        """Write one chunk durably and advance :attr:`state`; return its word count."""
        reg = self._reg
        transaction: AbstractContextManager[Any] = (
            reg.transaction() if reg is not None else nullcontext()
        )
        durable = False
        try:
            with transaction:
                lines, error_lines, (documents, words, entities) = self._lines(chunk, results)
                self._sink.write(lines, error_lines)
                output_bytes, errors_bytes = self._sink.sync()
                new = replace(
                    self.state,
                    records_done=self.state.records_done + len(chunk),
                    documents=self.state.documents + documents,
                    words=self.state.words + words,
                    entities=self.state.entities + entities,
                    errors=self.state.errors + len(error_lines),
                    output_bytes=output_bytes,
                    errors_bytes=errors_bytes,
                    seconds=self._base_seconds + time.monotonic() - self._started,
                    extra=checkpoint_extra(self._tracker, reg),
                )
                if reg is not None:
                    reg.set_checkpoint(self._run_key, asdict(new))
            durable = reg is not None  # the registry checkpoint now covers this batch
            if self._paths.progress is not None:
                write_checkpoint(self._paths.progress, new)
        except (OSError, RegistryError) as exc:
            if durable:
                self._committed(new)
            else:
                self._sink.rollback()
            if isinstance(exc, RegistryError):
                raise
            raise self._output_error(exc) from exc
        self._committed(new)
        return words

    def finish(self) -> None:
        """Commit the final checkpoint, which marks the run complete."""
        self.state = replace(self.state, complete=True)
        self.write([], [])

    def close(self) -> None:
        self._sink.close()

    def _lines(
        self, chunk: list[Item], results: ChunkResult
    ) -> tuple[list[str], list[str], tuple[int, int, int]]:
        """The chunk's output and error lines (documents get registry ids here) and counts."""
        lines: list[str] = []
        error_lines: list[str] = []
        documents = words = entities = 0
        for item in merge(chunk, results):
            if isinstance(item, ErrorRecord):
                error_lines.append(item.to_json())
                continue
            if item.document is not None:
                doc: Document = item.document
                if self._reg is not None:
                    doc = self._reg.add(doc, seen=self._seen)
                lines.append(doc.model_dump_json())
            elif item.line is not None:
                lines.append(item.line)
            documents += 1
            words += item.words
            entities += item.entities
        return lines, error_lines, (documents, words, entities)

    def _committed(self, new: Checkpoint) -> None:
        self._sink.committed(new.output_bytes, new.errors_bytes)
        self.state = new

    def _output_error(self, exc: OSError) -> OutputError:
        where = self._paths.out if self._paths.out is not None else "the output"
        error = OutputError(
            f"cannot write {where}: {exc.strerror or exc}. What was committed (the first "
            f"{plural(self.state.records_done, 'input record')}) is safe; fix the cause (e.g. "
            "free disk space) and rerun the same command with --resume"
        )
        error.errno = exc.errno
        return error
