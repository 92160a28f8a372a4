"""A city's other Latin names name it only beside another name of it (place_alternates)."""

from __future__ import annotations

import pytest

from entityx.resolution import KBEntry, KnowledgeBase, Resolver, place_alternates


def _entities(forms: list[str], kb: KnowledgeBase | None = None) -> list[tuple[str, str | None]]:
    entities, ids = Resolver(kb=kb).resolve([(f, "LOC") for f in forms], definitions=())
    by_id = {e.id: (e.name, e.kb_id) for e in entities}
    return [by_id[i] for i in ids]


def test_an_old_or_foreign_name_of_a_city_the_text_names_is_that_city() -> None:
    tbilisi = _entities(["Τιφλίδα", "Τιφλίδας", "Tiflis"])
    assert len(set(tbilisi)) == 1
    assert tbilisi[0][1] is not None and tbilisi[0][0] == "Tbilisi"
    hague = _entities(["Χάγη", "Den Haag"])
    assert len(set(hague)) == 1 and hague[0][0] == "The Hague"


def test_alone_the_alternate_links_nothing() -> None:
    [(name, kb_id)] = _entities(["Tiflis"])
    assert (name, kb_id) == ("Tiflis", None)


_KB = KnowledgeBase.from_entries(
    [
        KBEntry(id="t:a", name="Alpha", label="LOC", aliases=("Άλφα",)),
        KBEntry(id="t:b", name="Beta", label="LOC", aliases=("Βήτα",)),
        KBEntry(id="t:c", name="Gamma", label="LOC"),
    ]
)


@pytest.fixture
def table(monkeypatch: pytest.MonkeyPatch) -> None:
    alternates = {"oldalpha": ["t:a"], "twice": ["t:a", "t:b"], "gammaland": ["t:c"]}
    monkeypatch.setattr(place_alternates, "_alternates", lambda: alternates)


@pytest.mark.usefixtures("table")
def test_an_alternate_of_two_cities_the_text_names_links_neither() -> None:
    found = _entities(["Άλφα", "Βήτα", "Twice"], kb=_KB)
    assert found[2] == ("Twice", None)
    assert _entities(["Άλφα", "Twice"], kb=_KB)[1] == ("Alpha", "t:a")


@pytest.mark.usefixtures("table")
def test_only_an_unlinked_latin_place_name_takes_an_alternate() -> None:
    assert _entities(["Άλφα", "Oldalpha"], kb=_KB)[1] == ("Alpha", "t:a")
    # Not another label's name, and not a city the text does not name.
    _, ids = Resolver(kb=_KB).resolve([("Άλφα", "LOC"), ("Oldalpha", "ORG")])
    assert len(set(ids)) == 2
    assert _entities(["Άλφα", "Gammaland"], kb=_KB)[1] == ("Gammaland", None)
