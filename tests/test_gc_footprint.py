"""The bundled tables, once read, leave the cyclic garbage collector nothing to walk.

A long run (a corpus, 100,000 names) sets off many full collections, and each walks every
tracked container still alive: JSON's lists and dicts of lists, read once and kept for the
process, were 90,000 of them. Tuples of strings and dicts of those are untracked after one
collection; these tests say the tables are built of them.
"""

from __future__ import annotations

import gc
import itertools

from entityx.resolution import KnowledgeBase, latin_names, name_parts, place_alternates

SAMPLE = 2000


def _untracked(values: object) -> bool:
    gc.collect()
    return not any(gc.is_tracked(v) for v in itertools.islice(values, SAMPLE))  # type: ignore[call-overload]


def test_the_place_alternates_are_untracked() -> None:
    table = place_alternates._alternates()
    assert table and _untracked(table.values())


def test_the_latin_name_lexicon_is_untracked() -> None:
    languages = latin_names._document()["languages"]
    assert languages and _untracked(languages.values())


def test_the_name_parts_rows_are_untracked() -> None:
    rows = name_parts._rows()
    assert rows and _untracked(rows)


def test_the_bundled_entries_share_one_set_of_fields() -> None:
    entries = KnowledgeBase.bundled().entries
    assert len({id(e.__pydantic_fields_set__) for e in entries[:SAMPLE]}) == 1
    assert entries[0].model_fields_set == set(type(entries[0]).model_fields)
