"""The bundled knowledge base (``entityx/data/kb.json.gz``): read fast, once.

``scripts/build_kb.py`` writes the entries already validated and in priority order, each with
the lookup keys of its names (:func:`.kb.index_keys`), so loading is JSON parsing and dict
filling: no validation and no key computation. A sample of names with their keys (``probe``)
says whether the keys still agree with the code; where they do not (``entityx.text`` changed
since the build), the keys are computed afresh, which is slower but as correct.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Sequence
from importlib import resources
from typing import Any

from .kb import BUNDLED_FILE, FORMAT, KBEntry, KnowledgeBase, _frozen, index_keys

__all__ = ["keys_agree", "load_bundled", "prebuilt"]


def load_bundled() -> KnowledgeBase:
    source = f"entityx/data/{BUNDLED_FILE}"
    ref = resources.files("entityx.data").joinpath(BUNDLED_FILE)
    try:
        data = json.loads(gzip.decompress(ref.read_bytes()))
    except FileNotFoundError:
        return KnowledgeBase(source="<no bundled knowledge base>")
    entries = tuple(_entry(row) for row in data["entries"])
    if data.get("format") == FORMAT and keys_agree(data["probe"]):
        return prebuilt(entries, [row[6] for row in data["entries"]], source=source)
    return KnowledgeBase(entries=entries, source=source)


def _entry(row: list[Any]) -> KBEntry:
    entry_id, name, label, aliases, same_as, priority = row[:6]
    return KBEntry.model_construct(
        id=entry_id,
        name=name,
        label=label,
        aliases=tuple(aliases),
        same_as=tuple(same_as),
        priority=float(priority),
    )


def keys_agree(probe: Sequence[Sequence[str]]) -> bool:
    """Whether the stored ``[name, *keys]`` rows are what :func:`index_keys` gives today."""
    return bool(probe) and all(list(index_keys(row[0])) == list(row[1:]) for row in probe)


def prebuilt(
    entries: tuple[KBEntry, ...], keys: Sequence[Sequence[Sequence[str]]], *, source: str
) -> KnowledgeBase:
    """A KnowledgeBase from entries in priority order and their names' stored keys."""
    exact: dict[tuple[str, str], list[int]] = {}
    stem: dict[tuple[str, str], list[int]] = {}
    sound: dict[tuple[str, str], list[int]] = {}
    for idx, (entry, entry_keys) in enumerate(zip(entries, keys, strict=True)):
        label = entry.label
        for norm, stem_key, sound_key in entry_keys:
            _add_in_order(exact, (label, norm), idx)
            if stem_key:
                _add_in_order(stem, (label, stem_key), idx)
            _add_in_order(sound, (label, sound_key), idx)
    kb = KnowledgeBase(source=source)  # every field at its default; then filled in
    kb.entries = entries
    kb._exact, kb._stem, kb._sound = _frozen(exact), _frozen(stem), _frozen(sound)
    kb._by_id = {e.id: e for e in entries}
    return kb


def _add_in_order(index: dict[tuple[str, str], list[int]], key: tuple[str, str], idx: int) -> None:
    hits = index.get(key)
    if hits is None:
        index[key] = [idx]
    elif hits[-1] != idx:
        hits.append(idx)
