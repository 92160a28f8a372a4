"""Fingerprints that let ``--resume`` refuse inputs or a registry that changed since the crash.

Each checkpoint records a digest of every input's path, size and modification time when the
run started, and the SHA-256 of the bytes the committed records came from (of the decompressed
stream for ``.gz``): one digest chained over the files already finished, plus the position and
hash within the current file, so a checkpoint stays small however many files a run has. With a
registry it records the registry's path, the token stored inside it when it was created, and
its entity count. ``--resume`` re-reads the consumed bytes (once, in order) and refuses with a
:class:`~entityx.errors.CorpusError` if anything differs.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import zlib
from collections.abc import Sequence
from typing import IO, TYPE_CHECKING, Any

from ..errors import CorpusError
from .readers import InputFile

if TYPE_CHECKING:
    from ..registry import Registry

__all__ = ["InputTracker", "check_registry", "checkpoint_extra", "registry_identity"]

_READ_SIZE = 1 << 20
_STAT_KEYS = ("path", "size", "mtime_ns")
_START_OVER = "rerun with --overwrite (and without --resume) to start over"
_STATE_TYPES = {"files": int, "stats": str, "done": str, "index": int, "current": dict}
_CURRENT_TYPES = {"path": str, "size": int, "mtime_ns": int, "consumed": int, "sha256": str}


def _stat(file: InputFile) -> dict[str, Any]:
    try:
        st = file.path.stat()
    except OSError as exc:
        raise CorpusError(f"{file.path}: cannot read this input ({exc.strerror})") from None
    return {"path": file.name, "size": st.st_size, "mtime_ns": st.st_mtime_ns}


def _digest(value: Any) -> str:
    return hashlib.sha256(json.dumps(value, sort_keys=True).encode()).hexdigest()


class InputTracker:
    """Follows committed records through the inputs, hashing the bytes they were read from."""

    def __init__(self, files: Sequence[InputFile]) -> None:
        self._files = list(files)
        empty = hashlib.sha256().hexdigest()
        self._entries = [{**_stat(f), "consumed": 0, "sha256": empty} for f in self._files]
        self._stats = _digest([[e[k] for k in _STAT_KEYS] for e in self._entries])
        self._done = _digest([])  # chained over the files finished so far
        self._index = 0
        self._hasher = hashlib.sha256()
        self._handle: IO[bytes] | None = None
        self._ended = False

    def state(self) -> dict[str, Any]:
        return {
            "files": len(self._entries),
            "stats": self._stats,
            "done": self._done,
            "index": self._index,
            "current": dict(self._entries[self._index]),
        }

    def advance(self, position: tuple[int, int | None]) -> None:
        """Hash the inputs up to ``position`` (file index, stream offset or ``None``: its end)."""
        index, end = position
        while self._index < index:
            self._read_to(None)
            self._next_file()
        self._read_to(end)

    def _next_file(self) -> None:
        self.close()
        entry = self._entries[self._index]
        self._done = _digest([self._done, entry["path"], entry["consumed"], entry["sha256"]])
        self._index += 1
        self._hasher = hashlib.sha256()
        self._ended = False

    def _read_to(self, end: int | None) -> None:
        entry = self._entries[self._index]
        while not self._ended and (end is None or entry["consumed"] < end):
            want = _READ_SIZE if end is None else min(_READ_SIZE, end - entry["consumed"])
            try:
                data = self._open().read(want)
            except (OSError, EOFError, zlib.error):
                data = b""  # the reader reported this as an error record; hash what was read
            if not data:
                self._ended = True
                break
            self._hasher.update(data)
            entry["consumed"] += len(data)
        entry["sha256"] = self._hasher.hexdigest()

    def _open(self) -> IO[bytes]:
        if self._handle is None:
            file = self._files[self._index]
            opener: Any = gzip.open if file.gzipped else open
            self._handle = opener(file.path, "rb")
        return self._handle

    def close(self) -> None:
        if self._handle is not None:
            self._handle.close()
            self._handle = None

    @classmethod
    def resume(cls, files: Sequence[InputFile], saved: Any, *, where: str) -> InputTracker:
        """A tracker at the point ``saved`` records, after checking the inputs still match.

        ``files`` is never empty (:func:`~entityx.corpus.readers.resolve_inputs` sees to it).
        """
        tracker = cls(files)
        if not _valid_state(saved):
            raise CorpusError(
                f"{where} records no fingerprints of these inputs (an older entityx wrote it, "
                f"or it was edited), so --resume cannot check them; {_START_OVER}"
            )
        index, old = saved["index"], saved["current"]
        if saved["files"] != len(tracker._entries) or not 0 <= index < len(tracker._entries):
            raise CorpusError(_changed("the inputs", "the number of files"))
        now = tracker._entries[index]
        for key, what in (("path", "path"), ("size", "size"), ("mtime_ns", "modification time")):
            if old[key] != now[key]:
                detail = f"its {what}: {old[key]!r} then, {now[key]!r} now"
                raise CorpusError(_changed(now["path"], detail))
        if saved["stats"] != tracker._stats:
            raise CorpusError(_changed("an input file", "its size or modification time"))
        tracker.advance((index, old["consumed"]))
        if tracker._done != saved["done"]:
            earlier = f"an input before {now['path']}"
            raise CorpusError(_changed(earlier, "the bytes already tagged"))
        if tracker._entries[index] != old:
            raise CorpusError(_changed(now["path"], "the bytes already tagged"))
        return tracker


def _valid_state(saved: Any) -> bool:
    return (
        isinstance(saved, dict)
        and all(isinstance(saved.get(key), kind) for key, kind in _STATE_TYPES.items())
        and all(isinstance(saved["current"].get(k), t) for k, t in _CURRENT_TYPES.items())
    )


def _changed(what: str, detail: str) -> str:
    return (
        f"{what} changed since the interrupted run ({detail}): resuming would keep stale "
        f"records and skip others; {_START_OVER}"
    )


def registry_identity(reg: Registry) -> dict[str, Any]:
    return {"path": str(reg.path.resolve()), "token": reg.token, "entities": len(reg)}


def checkpoint_extra(tracker: InputTracker, reg: Registry | None) -> dict[str, Any]:
    """What a checkpoint records so that ``--resume`` can check the inputs and registry."""
    found: dict[str, Any] = {"inputs": tracker.state()}
    if reg is not None:
        found["registry"] = registry_identity(reg)
    return found


def check_registry(
    saved: Any, reg: Registry, *, registry_done: int | None, records_done: int, where: str
) -> None:
    """Refuse to resume into a registry that is not the one the interrupted run wrote."""
    if not isinstance(saved, dict):
        raise CorpusError(
            f"{where} records no registry fingerprint (an older entityx wrote it, or it was "
            f"edited), so --resume cannot check {reg.path}; {_START_OVER}"
        )
    if saved.get("token") != reg.token:
        problem = "was replaced by another registry (or deleted and created again)"
    elif registry_done is None or registry_done < records_done:
        problem = "is older than the output (it was restored from a copy, or rolled back)"
    elif not isinstance(saved.get("entities"), int) or len(reg) < saved["entities"]:
        problem = "has fewer entities than at the last commit (it was restored or edited)"
    else:
        return
    raise CorpusError(
        f"{reg.path} {problem} since the interrupted run: resuming would leave entity ids in "
        f"the output that the registry lacks; restore that registry, or {_START_OVER}"
    )
