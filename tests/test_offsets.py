"""Offsets are Python string indices for any input: NFC/NFD Greek, emoji, CRLF, controls."""

from __future__ import annotations

import unicodedata

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import entityx

NAMES = ["Λαβρόφ", "Σεργκέι Λαβρόφ", "Sergey Lavrov", "Βόρεια Κορέα", "KCNA", "Πιονγκγιάνγκ"]
pieces = st.one_of(
    st.sampled_from(NAMES),
    st.sampled_from(NAMES).map(lambda s: unicodedata.normalize("NFD", s)),
    st.sampled_from([" ", "\r\n", "\n\n", "\t", "\x00", "\x1b", "\u200b", "😀", "𝔸", "«", "»"]),
    st.text(max_size=12),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(pieces, max_size=25).map("".join))
def test_mention_offsets_index_the_input(text: str) -> None:
    doc = entityx.extract(text)
    assert doc.text == text
    for m in doc.mentions:
        assert text[m.start : m.end] == m.text
        assert 0 <= m.sentence < max(len(doc.sentences), 1)


def test_nfd_greek_offsets() -> None:
    text = unicodedata.normalize(
        "NFD", "Ο Σεργκέι Λαβρόφ έφτασε στην Πιονγκγιάνγκ 😀.\r\nΚαι ο Κιμ."
    )
    doc = entityx.extract(text)
    for m in doc.mentions:
        assert text[m.start : m.end] == m.text
