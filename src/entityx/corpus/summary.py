"""What a corpus run reports: the :class:`TagSummary` (the progress bar is in :mod:`.progress`)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .._counts import counts, plural
from .sink import Checkpoint

if TYPE_CHECKING:
    from ..registry import Registry

__all__ = ["TagSummary", "errors_path_for", "plural", "summary_of"]


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
        counted = counts(
            (
                (self.documents, "document"),
                (self.words, "word"),
                (self.entities, "entity"),
                (self.errors, "error"),
            )
        )
        text = f"{counted} in {self.seconds:.1f}s ({rate:,.1f} docs/s)"
        if self.registry_entities is not None:
            text += f"; registry: {plural(self.registry_entities, 'entity')}"
        if self.errors and self.errors_file:
            text += f"; errors in {self.errors_file}"
        return text


def errors_path_for(output: str | os.PathLike[str]) -> Path:
    """``day1.jsonl`` → ``day1.errors.jsonl`` (other names get ``.errors.jsonl`` appended)."""
    path = Path(output)
    name = path.name
    stem = name[: -len(".jsonl")] if name.endswith(".jsonl") else name
    return path.with_name(stem + ".errors.jsonl")


def summary_of(
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
