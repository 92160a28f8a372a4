"""What keeps a corpus run from losing output: an exclusive lock, and no silent overwriting.

``OUT.lock`` is held (``flock``, non-blocking) for the whole run, so a second ``tag`` into the
same output is refused at once, with the holder's pid, host and start time in the message.
The holder removes the file before it lets go; a file left by a killed run holds no lock (the
kernel drops it with the process) and is simply taken over.
"""

from __future__ import annotations

import json
import os
import socket
import time
from contextlib import suppress
from pathlib import Path
from typing import Any

from ..errors import CorpusError

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: no flock, no lock
    fcntl = None  # type: ignore[assignment]

__all__ = ["OutputLock", "refuse_overwrite"]


def _holder(path: Path) -> str:
    try:
        info: Any = json.loads(path.read_text(encoding="utf-8"))
        return f"pid {info['pid']} on {info['host']}, started {info['started']}"
    except (OSError, ValueError, TypeError, KeyError):
        return "a process that has not written its details yet"


class OutputLock:
    """An exclusive lock on ``target`` (a file ``target.lock`` beside it), or ``CorpusError``."""

    def __init__(self, target: Path) -> None:
        self.path = target.with_name(target.name + ".lock")
        self._fd: int | None = None
        if fcntl is None:
            return
        while self._fd is None:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                os.close(fd)
                raise CorpusError(
                    f"{target} is being written by another entityx tag ({_holder(self.path)}; "
                    f"lock file {self.path}): wait for it to finish, stop it, or pick another -o"
                ) from None
            if self._same_file(fd):
                self._fd = fd
            else:  # the holder removed the file while we waited: lock the new one
                os.close(fd)
        details = {"pid": os.getpid(), "host": socket.gethostname(), "started": _now()}
        os.ftruncate(self._fd, 0)
        os.write(self._fd, json.dumps(details).encode())

    def _same_file(self, fd: int) -> bool:
        try:
            return os.stat(self.path).st_ino == os.fstat(fd).st_ino
        except FileNotFoundError:
            return False

    def release(self) -> None:
        if self._fd is None:
            return
        with suppress(OSError):
            self.path.unlink()
        os.close(self._fd)
        self._fd = None

    def __enter__(self) -> OutputLock:
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


def _now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%S+00:00", time.gmtime())


def _has_data(path: Path | None) -> bool:
    try:
        return path is not None and path.stat().st_size > 0
    except OSError:
        return False


def refuse_overwrite(
    out_path: Path | None, err_path: Path, *, complete: bool | None, what: str
) -> None:
    """Raise :class:`CorpusError` if a fresh run would truncate data already in a file.

    ``complete``: whether ``OUT.progress`` says the earlier run finished (``None``: there is
    no progress file, so the files are not, or no longer, an entityx run's).
    """
    for path in (out_path, err_path):
        if not _has_data(path):
            continue
        if complete is None:
            kind = "data that is not from an entityx tag run it can resume"
        elif complete:
            kind = f"the complete output of an earlier run ({what})"
        else:
            kind = f"the output of an interrupted run ({what}); --resume continues it"
        raise CorpusError(
            f"{path} already holds {kind}. Pass --overwrite (overwrite=True) to replace it, "
            "or pick another -o / --errors"
        )
