"""A QA pass on news paragraphs the project was not developed on (tests/data/news_qa).

Greek, English and mixed paragraphs (headlines in capitals, handles, URLs, bullet lists,
hyphenated names). Every mention must index its text exactly, hold a word, and belong to an
entity that counts it; a few resolutions a reader relies on are pinned.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.tokens import Span

from entityx.doc_rules import apply_document_rules

NEWS = Path(__file__).resolve().parent / "data" / "news_qa"
PARAGRAPHS = sorted(NEWS.glob("*.txt"))


def test_the_fixtures_are_there() -> None:
    assert len(PARAGRAPHS) == 30


@pytest.mark.parametrize("path", PARAGRAPHS, ids=lambda p: p.stem)
def test_mentions_are_exact_words_of_counted_entities(extractor, path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    doc = extractor.extract(text)
    assert doc.mentions
    counts: dict[str, int] = {}
    for m in doc.mentions:
        assert text[m.start : m.end] == m.text
        assert m.text == m.text.strip()
        assert any(ch.isalnum() for ch in m.text), m
        counts[m.entity_id] = counts.get(m.entity_id, 0) + 1
    assert {e.id: e.mention_count for e in doc.entities} == counts


def _entity_of(doc, surface: str):
    ids = {m.entity_id for m in doc.mentions if m.text == surface}
    assert len(ids) == 1, (surface, ids)
    return doc.entity(ids.pop())


@pytest.mark.parametrize(
    ("stem", "forms"),
    [
        ("g01", ["Κυριάκος Μητσοτάκης", "Μητσοτάκης", "Μητσοτάκη"]),  # nominative, accusative
        ("g02", ["Γιώργος Γεραπετρίτης", "Γεραπετρίτης", "Γεραπετρίτη"]),
        ("g16", ["Χάρης Δούκας", "Δούκας", "Δούκα"]),
        ("m03", ["Ραζβάν Λουτσέσκου", "Răzvan Lucescu", "Λουτσέσκου"]),  # Greek and Latin
        ("m04", ["Ζαν-Κλοντ Γιούνκερ", "Jean-Claude Juncker", "Juncker", "Γιούνκερ"]),
        ("e06", ["Kim Jong Un", "Kim"]),
    ],
)
def test_one_real_entity_is_one_entity(extractor, stem: str, forms: list[str]) -> None:
    doc = extractor.extract((NEWS / f"{stem}.txt").read_text(encoding="utf-8"))
    assert len({_entity_of(doc, form).id for form in forms}) == 1


def test_donald_and_melania_trump_stay_two(extractor) -> None:
    doc = extractor.extract((NEWS / "g08.txt").read_text(encoding="utf-8"))
    assert _entity_of(doc, "Ντόναλντ Τραμπ").id != _entity_of(doc, "Μελάνια Τραμπ").id


def _doc_with_ents(words: list[str], ents: list[tuple[int, int, str]]):
    doc = spacy.blank("xx").make_doc(" ".join(words))
    assert len(doc) == len(words)
    doc.ents = [Span(doc, start, end, label=label) for start, end, label in ents]
    return doc


def test_a_span_without_a_letter_or_digit_is_dropped() -> None:
    # The tagger calls a lone ``@`` (a handle's sign between brackets) a person.
    doc = _doc_with_ents(["Η", "ανάρτηση", "(", "@", ")", "του", "Νίκου"], [(3, 4, "PERSON")])
    assert [e.text for e in apply_document_rules(doc, recover=False).ents] == []


def test_a_span_with_a_word_is_kept() -> None:
    words = ["Ο", "Γιάννης", "και", "ο", "#", "ΝΔ", "στο", "2025"]
    doc = _doc_with_ents(words, [(1, 2, "PERSON"), (4, 6, "ORG"), (7, 8, "MISC")])
    assert [e.text for e in apply_document_rules(doc, recover=False).ents] == [
        "Γιάννης",
        "# ΝΔ",
        "2025",
    ]


def test_labels_entityx_does_not_use_are_left_alone() -> None:
    doc = _doc_with_ents(["στις", "14", "/", "03", ":", "—"], [(5, 6, "DATE")])
    assert [e.label_ for e in apply_document_rules(doc, recover=False).ents] == ["DATE"]


def test_no_mention_is_only_a_sign(extractor) -> None:
    doc = extractor.extract("Η ανάρτηση (@) έγινε χθες. Δείτε εδώ: @ — « » …")
    assert all(any(ch.isalnum() for ch in m.text) for m in doc.mentions)
    assert all(any(ch.isalnum() for ch in alias) for e in doc.entities for alias in e.aliases)
