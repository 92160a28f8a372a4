"""Corpus resume checkpoints kept inside the registry.

The corpus tagger commits its output position and the registry's entities in one transaction
(the checkpoint row is written in the batch's transaction), so ``tag --resume`` finds the two
in step after a crash. This module changes when that state's storage does; what the state
holds is the corpus tagger's business (a JSON object).
"""

from __future__ import annotations

import json
from typing import Any

from ..errors import RegistryError
from .storage import Store, now

__all__ = ["read_checkpoint", "write_checkpoint"]


def read_checkpoint(store: Store, run: str) -> dict[str, Any] | None:
    """The saved state of ``run``, or ``None`` if it has none."""
    row = store.db.execute("SELECT state FROM checkpoints WHERE run = ?", (run,)).fetchone()
    if row is None:
        return None
    try:
        return dict(json.loads(row[0]))
    except (TypeError, ValueError):
        raise RegistryError(
            f"registry {store.path}: the checkpoint of run {run!r} is corrupt or was edited; "
            "rerun without --resume (with --overwrite) to start that run over"
        ) from None


def write_checkpoint(store: Store, run: str, state: dict[str, Any]) -> None:
    """Save ``state`` for ``run`` (inside the caller's transaction, if one is open)."""
    with store.transaction():
        store.db.execute(
            "INSERT OR REPLACE INTO checkpoints VALUES (?, ?, ?)",
            (run, json.dumps(state), now()),
        )
