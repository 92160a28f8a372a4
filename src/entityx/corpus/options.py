"""The settings of one corpus run, checked once, and the fingerprint ``--resume`` compares.

:class:`TagOptions` is what :func:`~entityx.corpus.tag_corpus` takes (its keyword arguments
build one). It is frozen and checked when it is made, so a bad setting is refused before any
file is touched, and everything downstream can trust it.

The resume fingerprint is derived from the fields, not listed by hand: every field counts,
except those in :data:`NOT_IN_FINGERPRINT`, which change how a run goes (where it writes,
how fast, what it shows) but not one byte of what it writes. A new field is therefore part of
the fingerprint until someone decides, here, that it cannot change the output.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, fields
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import InputError
from .backends import JobSpec, check_backend, check_count
from .stream import DEFAULT_BATCH_SIZE

if TYPE_CHECKING:
    from ..registry import Registry

__all__ = ["NOT_IN_FINGERPRINT", "TagOptions"]

PathArg = str | os.PathLike[str]

#: Fields that cannot change the output, so ``--resume`` may change them: where the run
#: writes (``output`` and ``errors`` name the run; its checkpoint is kept per output),
#: which files it reads (``glob``: the inputs it found are fingerprinted themselves), how it
#: runs (``workers``, ``batch_size``, ``backend``, ``scheduler``, ``recycle_after``: results
#: come back in input order, one per record, whoever tags them), and what it does around
#: the output (``resume``, ``overwrite``, ``strict``, ``progress``).
NOT_IN_FINGERPRINT = frozenset(
    {
        "output",
        "errors",
        "glob",
        "workers",
        "batch_size",
        "backend",
        "scheduler",
        "recycle_after",
        "resume",
        "overwrite",
        "strict",
        "progress",
    }
)


@dataclass(frozen=True, kw_only=True)
class TagOptions:
    """How :func:`~entityx.corpus.tag_corpus` tags a corpus; checked when made (a bad value
    raises :class:`~entityx.errors.InputError` saying which setting and why).

    ``output``: a path or ``"-"`` (stdout; then ``errors`` is required and ``resume``
    impossible). Bad records go to ``errors`` (default: ``output`` with ``.jsonl`` replaced by
    ``.errors.jsonl``). ``glob``: the files taken from input directories. ``text_field``,
    ``id_field``: the JSONL fields holding the text and the document id (default id:
    ``FILE:LINE``). ``model``, ``kb``: as for :func:`entityx.load`. ``batch_size``: documents
    per batch and per commit. ``registry``: a path or :class:`~entityx.Registry` giving
    documents registry entity ids. ``resume``: continue an interrupted run with the same
    settings (refused if an input or the registry changed since). ``overwrite``: replace an
    output (or errors file) that already holds data; without it such a run is refused.
    ``max_chars``: longer documents go to the errors file. ``no_text``: leave the text out of
    the output. ``strict``: raise :class:`~entityx.errors.InputError` at the end if any record
    failed. ``progress``: a progress bar on stderr. ``backend``: ``"local"`` (``workers``
    processes) or ``"dask"`` (``scheduler``: an address or a ``Client``; a ``LocalCluster`` of
    ``workers`` processes when ``None``). ``recycle_after``: replace a worker process after
    that many chunks (``None``: never).
    """

    output: PathArg
    errors: PathArg | None = None
    text_field: str = "text"
    id_field: str | None = None
    glob: str = "**/*.txt"
    model: PathArg | None = None
    kb: PathArg | None = None
    workers: int = 1
    batch_size: int = DEFAULT_BATCH_SIZE
    registry: PathArg | Registry | None = None
    resume: bool = False
    overwrite: bool = False
    max_chars: int = 1_000_000
    no_text: bool = False
    strict: bool = False
    progress: bool = True
    backend: str = "local"
    scheduler: Any = None
    recycle_after: int | None = None

    def __post_init__(self) -> None:
        """Every check that needs no file: a bad setting must not cost an existing output."""
        for name in ("workers", "batch_size", "max_chars"):
            check_count(name, getattr(self, name))
        recycle = self.recycle_after
        if recycle is not None and (
            not isinstance(recycle, int) or isinstance(recycle, bool) or recycle < 1
        ):
            raise InputError(f"recycle_after must be None or at least 1, not {recycle!r}")
        check_backend(self.backend)
        if self.resume and self.overwrite:
            raise InputError("--resume continues an output and --overwrite replaces it: pass one")
        if self.to_stdout and self.errors is None:
            raise InputError("writing to stdout (-o -) needs --errors PATH for the errors file")
        if self.to_stdout and self.resume:
            raise InputError("--resume needs an output file, not stdout")
        if (
            self.errors is not None
            and not self.to_stdout
            and Path(self.errors) == Path(self.output)
        ):
            raise InputError(f"--errors {self.errors} is the output file itself; pick another path")

    @property
    def to_stdout(self) -> bool:
        return str(self.output) == "-"

    def job(self) -> JobSpec:
        """What every worker needs from these options."""
        return JobSpec(
            model=None if self.model is None else str(self.model),
            kb=None if self.kb is None else str(self.kb),
            batch_size=self.batch_size,
            no_text=self.no_text,
            as_documents=self.registry is not None,
        )

    def fingerprint(self, *, inputs: list[str], registry: Registry | None) -> str:
        """A digest of the inputs found and of every field that can change the output.

        ``registry`` is the opened registry (recorded by its resolved path, whether the
        option named a file or passed a :class:`~entityx.Registry`).
        """
        settings: dict[str, Any] = {"inputs": inputs}
        for name in fingerprinted():
            value = getattr(self, name)
            if name == "registry":
                value = None if registry is None else str(registry.path.resolve())
            elif isinstance(value, os.PathLike):
                value = os.fspath(value)
            settings[name] = value
        digest = json.dumps(settings, sort_keys=True, default=str)
        return hashlib.sha256(digest.encode()).hexdigest()


def fingerprinted() -> tuple[str, ...]:
    """The fields a resumed run must keep as they were, in declaration order."""
    return tuple(f.name for f in fields(TagOptions) if f.name not in NOT_IN_FINGERPRINT)


def fingerprinted_flags() -> str:
    """The same, as the command line spells them (for the message refusing a resume)."""
    return ", ".join(["inputs", *("--" + name.replace("_", "-") for name in fingerprinted())])
