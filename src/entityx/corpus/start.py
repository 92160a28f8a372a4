"""How a corpus run starts: arguments checked, earlier output protected, resume state checked.

Everything here runs before the output is touched: a wrong argument, an output that holds
data (without ``overwrite``), a progress file that was edited, inputs or a registry that
changed since an interrupted run are all refused with an :class:`~entityx.errors.EntityxError`
while every file is still as it was.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import CorpusError, InputError
from .backends import BACKENDS
from .fingerprint import InputTracker, check_registry, registry_identity
from .guard import refuse_overwrite
from .readers import InputFile
from .sink import Checkpoint, read_checkpoint

if TYPE_CHECKING:
    from ..registry import Registry

__all__ = [
    "Paths",
    "check_arguments",
    "check_paths",
    "open_registry",
    "refuse_before_opening",
    "saved_progress",
    "start_state",
]


def check_arguments(
    *,
    output: Any,
    errors: Any,
    workers: int,
    batch_size: int,
    max_chars: int,
    backend: str,
    resume: bool,
    overwrite: bool,
    recycle_after: int | None,
    kb: Any,
) -> None:
    """Every check that needs no file: a bad argument must not cost an existing output."""
    for name, value in (("workers", workers), ("batch_size", batch_size), ("max_chars", max_chars)):
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            raise InputError(f"{name} must be an integer of at least 1, not {value!r}")
    if recycle_after is not None and (not isinstance(recycle_after, int) or recycle_after < 1):
        raise InputError(f"recycle_after must be None or at least 1, not {recycle_after!r}")
    if backend not in BACKENDS:
        raise InputError(f"backend must be one of {', '.join(BACKENDS)}, not {backend!r}")
    if resume and overwrite:
        raise InputError("--resume continues an output and --overwrite replaces it: pass one")
    to_stdout = str(output) == "-"
    if to_stdout and errors is None:
        raise InputError("writing to stdout (-o -) needs --errors PATH for the errors file")
    if to_stdout and resume:
        raise InputError("--resume needs an output file, not stdout")
    if errors is not None and not to_stdout and Path(errors) == Path(output):
        raise InputError(f"--errors {errors} is the output file itself; pick another path")
    if kb is not None and not Path(kb).is_file():
        raise InputError(f"--kb {kb}: no such knowledge-base file")


@dataclass(frozen=True)
class Paths:
    out: Path | None
    err: Path

    @property
    def progress(self) -> Path | None:
        return None if self.out is None else self.out.with_name(self.out.name + ".progress")

    @property
    def where(self) -> str:
        return str(self.progress) if self.progress is not None else "the checkpoint"


def saved_progress(paths: Paths, *, strict: bool) -> Checkpoint | None:
    """``OUT.progress``; unreadable is an error only when resuming (else it is replaced)."""
    if paths.progress is None:
        return None
    try:
        return read_checkpoint(paths.progress)
    except CorpusError:
        if strict:
            raise
        return None


def check_paths(files: Sequence[InputFile], paths: Paths) -> None:
    """An output or errors file that is also an input would be truncated while it is read."""
    inputs = {file.path.resolve() for file in files}
    for path in (paths.out, paths.err):
        if path is not None and path.resolve() in inputs:
            raise InputError(f"{path} is one of the inputs; write the output somewhere else")


def refuse_before_opening(
    *, resume: bool, overwrite: bool, saved: Checkpoint | None, paths: Paths, registry: Any
) -> None:
    """Refuse to replace data before anything (not even a new registry file) is created."""
    if not resume:
        if not overwrite:
            complete = None if saved is None else saved.complete
            refuse_overwrite(paths.out, paths.err, complete=complete, what=paths.where)
        return
    registry_missing = isinstance(registry, (str, os.PathLike)) and not Path(registry).exists()
    if saved is None and (registry is None or registry_missing):  # nothing anywhere to resume
        refuse_overwrite(paths.out, paths.err, complete=None, what=paths.where)


def open_registry(registry: Any, *, saved: Checkpoint | None, where: str) -> Registry | None:
    if registry is None:
        return None
    from ..registry import Registry

    if isinstance(registry, Registry):
        return registry
    if saved is not None and saved.extra.get("registry") and not Path(registry).exists():
        raise CorpusError(
            f"{registry}: the registry of the interrupted run ({where}) is gone; restore it, "
            "or rerun with --overwrite (and without --resume) to start over"
        )
    return Registry(registry)


def fresh_state(
    fingerprint: str, files: Sequence[InputFile], reg: Registry | None
) -> tuple[Checkpoint, InputTracker]:
    tracker = InputTracker(files)
    extra: dict[str, Any] = {"inputs": tracker.state()}
    if reg is not None:
        extra["registry"] = registry_identity(reg)
    return Checkpoint(fingerprint=fingerprint, extra=extra), tracker


def _resume_state(
    saved: Checkpoint | None,
    *,
    paths: Paths,
    files: Sequence[InputFile],
    reg: Registry | None,
    run_key: str,
) -> tuple[Checkpoint, InputTracker | None]:
    state = saved
    registry_done = None
    if reg is not None:
        # The registry commits its checkpoint before the progress file is replaced, so it can be
        # one batch ahead after a crash; its output bytes were fsync'd before it committed.
        raw = reg.checkpoint(run_key)
        if raw is not None:
            reg_state = Checkpoint.from_dict(raw, where=f"the checkpoint in {reg.path}")
            registry_done = reg_state.records_done
            if state is None or reg_state.records_done > state.records_done:
                state = reg_state
    if state is None:
        refuse_overwrite(paths.out, paths.err, complete=None, what=paths.where)
        fresh, tracker = fresh_state("", files, reg)  # nothing to resume: a fresh start
        return fresh, tracker
    if state.complete:
        return state, None
    if reg is not None:
        check_registry(
            state.extra.get("registry"),
            reg,
            registry_done=registry_done,
            records_done=state.records_done,
            where=paths.where,
        )
    tracker = InputTracker.resume(files, state.extra.get("inputs"), where=paths.where)
    return state, tracker


def start_state(
    *,
    resume: bool,
    saved: Checkpoint | None,
    paths: Paths,
    files: Sequence[InputFile],
    reg: Registry | None,
    run_key: str,
    fingerprint: str,
) -> tuple[Checkpoint, InputTracker | None]:
    """The state a run starts from (and the tracker of its inputs), or a refusal."""
    if not resume:  # refuse_before_opening() protected any earlier output
        return fresh_state(fingerprint, files, reg)
    state, tracker = _resume_state(saved, paths=paths, files=files, reg=reg, run_key=run_key)
    if state.fingerprint not in (fingerprint, ""):  # "": nothing to resume, a fresh start
        raise CorpusError(
            "--resume needs the same inputs and settings as the interrupted run (inputs, "
            "--text-field, --id-field, --max-chars, --no-text, --model, --kb, --registry); "
            "rerun with those, or without --resume to start over"
        )
    state.fingerprint = fingerprint
    return state, tracker
