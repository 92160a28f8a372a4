"""``Resolver.prepare()`` reads every table resolving reads, so the first text resolved after a
pipeline loads does not pay for one (a table read at its first use was a quarter of a second
inside the first documents' resolver time)."""

from __future__ import annotations

from entityx.resolution import Resolver, place_alternates, translate


def test_prepare_reads_the_tables_resolving_reads() -> None:
    place_alternates._alternates.cache_clear()
    translate._gloss_stems.cache_clear()
    Resolver().prepare()
    assert place_alternates._alternates.cache_info().currsize == 1
    assert translate._gloss_stems.cache_info().currsize == 1


def test_without_a_knowledge_base_its_alternates_stay_unread() -> None:
    place_alternates._alternates.cache_clear()
    Resolver(kb=False).prepare()
    assert place_alternates._alternates.cache_info().currsize == 0
