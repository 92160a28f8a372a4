"""How a corpus run starts: arguments checked, earlier output protected, resume state checked.

Everything here runs before the output is touched: a wrong argument, an output that holds
data (without ``overwrite``), a progress file that was edited, inputs or a registry that
changed since an interrupted run are all refused with an :class:`~entityx.errors.EntityxError`
while every file is still as it was.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import CorpusError, InputError
from .fingerprint import InputTracker, check_registry, checkpoint_extra
from .guard import refuse_overwrite
from .options import fingerprinted_flags
from .readers import InputFile
from .sink import Checkpoint, Paths, read_checkpoint

if TYPE_CHECKING:
    from ..registry import Registry

__all__ = [
    "Paths",
    "check_kb",
    "check_paths",
    "open_registry",
    "refuse_before_opening",
    "saved_progress",
    "start_state",
]


def check_kb(kb: Any) -> None:
    """A knowledge base that is not there is refused before any input is read."""
    if kb is not None and not Path(kb).is_file():
        raise InputError(f"--kb {kb}: no such knowledge-base file")


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
    return Checkpoint(fingerprint=fingerprint, extra=checkpoint_extra(tracker, reg)), tracker


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
            "--resume needs the same inputs and settings as the interrupted run "
            f"({fingerprinted_flags()}); rerun with those, or without --resume to start over"
        )
    state.fingerprint = fingerprint
    return state, tracker
