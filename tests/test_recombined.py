"""``entityx.text.greek.recombined``: a name made of another's words, normalised without
normalising it, equal to ``normalize`` of it wherever it answers."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from entityx.resolution import KnowledgeBase
from entityx.text.greek import normalize, recombined


@pytest.mark.parametrize(
    ("text", "parts", "expected"),
    [
        ("Ferenc Liszt", (1, 0), "liszt ferenc"),
        ("Κυριάκος Μητσοτάκης", (1, 0), "μητσοτακησ κυριακοσ"),
        ("Bobby Kennedy", ("Robert", 1), "robert kennedy"),
        ("Jean-Luc Picard", (1, 0), None),  # a hyphen: the words are not the tokens
        ("Ο Νίκος", (1, 0), None),  # the article went from normalize(text)
        ("Νίκος Ο", (1, 0), None),  # and would go from the new name
        ("Κάρολος Γʹ", (1, 0), None),  # a numeral's keraia
        ("Bobby Kennedy", ("O'Neill", 1), None),  # a new word not of plain letters
    ],
)
def test_recombined(text: str, parts: tuple[int | str, ...], expected: str | None) -> None:
    assert recombined(text, parts) == expected


_WORD = st.text(alphabet="abcΑβγάέΣσςΟοΗηÉéü'-.ʹ ", min_size=1, max_size=8)


@given(st.lists(_WORD, min_size=2, max_size=2), st.booleans())
def test_recombined_is_normalize_of_the_new_name(words: list[str], swap: bool) -> None:
    text = " ".join(words)
    parts: tuple[int | str, ...] = (1, 0) if swap else ("Robert", 1)
    got = recombined(text, parts)
    if got is not None:
        split = text.split()
        made = " ".join(split[p] if isinstance(p, int) else p for p in parts)
        assert got == normalize(made)


def test_family_first_and_nickname_lookups_find_the_entry() -> None:
    kb = KnowledgeBase.from_entries(
        [
            {"id": "x:liszt", "name": "Ferenc Liszt", "label": "PERSON"},
            {"id": "x:rfk", "name": "Robert Kennedy", "label": "PERSON"},
        ]
    )
    assert kb.lookup("Liszt Ferenc", "PERSON").id == "x:liszt"  # type: ignore[union-attr]
    assert kb.lookup("Bobby Kennedy", "PERSON").id == "x:rfk"  # type: ignore[union-attr]
    assert kb.lookup("Liszt-Ferenc Smith", "PERSON") is None
