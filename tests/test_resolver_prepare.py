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


def _table_loaders() -> dict[str, object]:
    """Every ``functools`` cache of a function of no arguments in the pure core and the
    resolver: the tables read once."""
    import importlib
    import inspect
    import pkgutil

    import entityx

    loaders: dict[str, object] = {}
    for info in pkgutil.walk_packages(entityx.__path__, "entityx."):
        if not info.name.startswith(("entityx.text.", "entityx.resolution.")) or info.name.endswith(
            ("__main__", ".cli")
        ):
            continue
        module = importlib.import_module(info.name)
        for name, fn in vars(module).items():
            wrapped = getattr(fn, "__wrapped__", None)
            if not hasattr(fn, "cache_info") or wrapped is None:
                continue
            if getattr(fn, "__module__", None) != info.name:
                continue
            try:
                params = inspect.signature(wrapped).parameters
            except (TypeError, ValueError):
                continue
            if not params:
                loaders[f"{info.name}.{name}"] = fn
    assert loaders, "no cached table loaders found: the test no longer sees them"
    return loaders


def test_resolving_after_prepare_reads_no_table() -> None:
    """The first text after ``prepare()`` (people, places, organisations in both scripts,
    inflected, acronyms) finds every table it reads already read."""
    loaders = _table_loaders()
    resolver = Resolver()
    resolver.prepare()
    before = {name: fn.cache_info().currsize for name, fn in loaders.items()}  # type: ignore[attr-defined]
    resolver.resolve(
        [
            ("Κυριάκος Μητσοτάκης", "PERSON"),
            ("Κυριάκου Μητσοτάκη", "PERSON"),
            ("Kyriakos Mitsotakis", "PERSON"),
            ("Εμανουέλ Μακρόν", "PERSON"),
            ("Βόρειας Κορέας", "LOC"),
            ("North Korea", "LOC"),
            ("Νιγηρία", "LOC"),
            ("Niger", "LOC"),
            ("Nigeria", "LOC"),
            ("Βοστώνη", "LOC"),
            ("Ευρωπαϊκή Επιτροπή", "ORG"),
            ("European Commission", "ORG"),
            ("Συμβούλιο της Ευρώπης", "ORG"),
            ("ΟΗΕ", "ORG"),
            ("Αμυντικά Συστήματα", "ORG"),
        ]
    )
    grown = [
        name
        for name, fn in loaders.items()
        if fn.cache_info().currsize != before[name]  # type: ignore[attr-defined]
    ]
    assert grown == []
