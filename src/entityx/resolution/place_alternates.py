"""A city's other Latin names, which name it only where the text names the city too.

GeoNames lists every city's names in every language and age (``Tiflis``, ``Kishinev``,
``Den Haag``), with junk among them (Vienna's list holds Vine and Bienne), so the KB keeps
only the ones that are safe anywhere (``scripts/kb_alternates.py``). The rest are evidence:
a Latin place name that no KB entry has is the city whose alternate it is when the same text
links that city by another name (``Tiflis`` beside ``Τιφλίδα``), since a text that names a
city rarely names another place by one of the city's other names. Where the text links none,
or several of the cities an alternate belongs to, the name stays as it is.

The table is ``entityx/data/place_alternates.json.gz`` (normalised alternate → KB ids), read
once on first use; a tree without it links nothing.
"""

from __future__ import annotations

import gzip
import json
from functools import cache
from importlib import resources

from .kb import KnowledgeBase
from .matching import Name

__all__ = ["ALTERNATES_FILE", "ALTERNATES_FORMAT", "link_place_alternates"]

ALTERNATES_FILE = "place_alternates.json.gz"
ALTERNATES_FORMAT = 1
_LABEL = "LOC"


def link_place_alternates(names: list[Name], kb: KnowledgeBase) -> None:
    """Link, in place, each unlinked Latin place name to the one city of its alternates that
    another name of the context links to."""
    unlinked = [n for n in names if n.label == _LABEL and n.kb is None and not n.greek]
    if not unlinked:
        return
    linked = {n.kb.id for n in names if n.label == _LABEL and n.kb is not None}
    if not linked:
        return
    table = _alternates()
    for n in unlinked:
        ids = [i for i in table.get(n.norm, ()) if i in linked]
        if len(ids) == 1:
            n.kb = kb.get(ids[0])


def load() -> None:
    """Read the alternates now rather than at the first place linked by one."""
    _alternates()


@cache
def _alternates() -> dict[str, tuple[str, ...]]:
    ref = resources.files("entityx.data").joinpath(ALTERNATES_FILE)
    try:
        data = json.loads(gzip.decompress(ref.read_bytes()))
    except FileNotFoundError:
        return {}
    if data.get("format") != ALTERNATES_FORMAT:
        return {}
    # Tuples of strings, which the cyclic garbage collector stops tracking, not JSON's lists:
    # it would walk the 35,000 of them on every full pass of a long run.
    return {name: tuple(ids) for name, ids in data["alternates"].items()}
