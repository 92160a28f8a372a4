"""Durable output for a corpus run: the output and errors files, and the resume checkpoint.

Output is written in batches. After each batch both files are flushed and fsync'd, and only
then is the checkpoint (how many input records are done, and the byte length of each file)
replaced atomically (write a temporary file, fsync, rename, fsync the directory). Whatever a
crash leaves after the checkpointed lengths is an unfinished batch: ``--resume`` cuts it off
and redoes it, so no record is missing, none is written twice, and no line is torn.
"""

from __future__ import annotations

import json
import os
import sys
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import IO, Any

from ..errors import CorpusError, OutputError

__all__ = ["Checkpoint", "OutputError", "Sink", "read_checkpoint", "write_checkpoint"]

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
