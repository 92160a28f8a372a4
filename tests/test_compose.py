"""Decomposed (NFD) text is tagged as its composed form, with offsets into the caller's string."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

import entityx
from entityx.text.compose import composed

TEXT = (
    "Ο υπουργός Εξωτερικών της Ρωσίας Σεργκέι Λαβρόφ συναντήθηκε με τον Κιμ Γιονγκ-ουν "
    "στη Βόρεια Κορέα. Η Νέα Δημοκρατία και ο Κυριάκος Μητσοτάκης σχολίασαν."
)


def test_composed_text_is_returned_as_it_is() -> None:
    assert composed(TEXT) == (TEXT, None)


def test_decomposed_text_maps_back() -> None:
    nfd = unicodedata.normalize("NFD", TEXT)
    out, positions = composed(nfd)
    assert out == TEXT
    assert positions is not None and len(positions) == len(out) + 1
    assert positions[-1] == len(nfd)
    for i, ch in enumerate(out):  # each composed character comes from its run in the original
        assert unicodedata.normalize("NFC", nfd[positions[i] : positions[i + 1]]) == ch


@given(st.text(alphabet=st.sampled_from("αεηιουωΑΕ\u0301\u0308\u0342 xyΚ"), max_size=40))
@settings(max_examples=200, deadline=None)
def test_any_text_maps_back(text: str) -> None:
    out, positions = composed(text)
    assert out == unicodedata.normalize("NFC", text) or positions is None
    if positions is not None:
        assert positions == sorted(positions) and positions[-1] == len(text)


def test_extract_reads_decomposed_text_as_composed() -> None:
    nfd = unicodedata.normalize("NFD", TEXT)
    plain, decomposed = entityx.extract(TEXT), entityx.extract(nfd)
    assert [(m.label, m.entity_id) for m in decomposed.mentions] == [
        (m.label, m.entity_id) for m in plain.mentions
    ]
    assert decomposed.text == nfd
    for mention in decomposed.mentions:
        assert nfd[mention.start : mention.end] == mention.text
        assert unicodedata.normalize("NFC", mention.text) in TEXT
    assert [e.name for e in decomposed.entities] == [e.name for e in plain.entities]
    for sentence in decomposed.sentences:
        assert 0 <= sentence.start < sentence.end <= len(nfd)
