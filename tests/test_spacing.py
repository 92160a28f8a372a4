"""Names written apart or together are one name (resolution/spacing.py)."""

from __future__ import annotations

import pytest

from entityx.resolution import resolve


def _groups(names: list[str], label: str, kb: object) -> set[frozenset[str]]:
    return {frozenset(e.aliases) for e in resolve([(n, label) for n in names], kb=kb)}


@pytest.mark.parametrize("kb", [None, False])
@pytest.mark.parametrize(
    "names",
    [["Hà Nội", "Hanoi", "Χανόι"], ["Viet Nam", "Vietnam"], ["Abu Dhabi", "Abudhabi"]],
)
def test_syllables_apart_or_together_are_one_place(names: list[str], kb: object) -> None:
    assert _groups(names, "LOC", kb) == {frozenset(names)}


def test_a_short_joined_key_meets_nothing_by_chance() -> None:
    assert _groups(["Li Na", "Lina"], "PERSON", False) == {
        frozenset(["Li Na"]),
        frozenset(["Lina"]),
    }


def test_hanoi_in_greek_is_not_hanau() -> None:
    [entity] = resolve([("Χανόι", "LOC")])
    assert entity.name == "Hanoi"
