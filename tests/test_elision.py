"""An elided particle (O'Neill, Ο'Νιλ, D'Alema) is one word with the name in both scripts."""

from __future__ import annotations

import pytest

import entityx
from entityx.text.greek import normalize


@pytest.mark.parametrize(
    ("surface", "normalised"),
    [
        ("Ο'Νιλ", "ονιλ"),  # not the article ο, dropped
        ("του Ο'Νιλ", "ονιλ"),  # a real article before it still is
        ("O'Neill", "oneill"),
        ("Ντ’Αλέμα", "νταλεμα"),
        ("Côte d'Ivoire", "cote divoire"),
        ("Sant'Egidio", "sant egidio"),  # a longer word before the apostrophe stays a word
        ("People's Party", "peoples party"),  # an apostrophe before a small letter is inside
        ("Sana'a", "sanaa"),  # one word
        ("Ba'ath", "baath"),
        ("St. Petersburg", "saint petersburg"),  # a leading abbreviation, written out
        ("Mt Everest", "mount everest"),
        ("Baker St", "baker st"),  # (only a leading one)
    ],
)
def test_normalised(surface: str, normalised: str) -> None:
    assert normalize(surface) == normalised
    assert normalize(normalised) == normalised


def test_both_scripts_meet() -> None:
    entities = entityx.resolve([("Ο'Νιλ", "PERSON"), ("O'Neill", "PERSON")], kb=False)
    assert [e.name for e in entities] == ["O'Neill"]
