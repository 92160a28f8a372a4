"""A person's span takes the regnal numeral the tagger left after it."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Span

from entityx.doc_rules import apply_document_rules
from entityx.resolution.regnal import extend_regnal_numerals
from entityx.text.numerals import is_numeral_token

P = frozenset(["PERSON"])


@pytest.mark.parametrize(
    ("token", "numeral"),
    [
        ("III", True), ("XIV", True), ("Γ΄", True), ("ΙΔʹ", True), ("Α΄", True),
        ("I", False), ("V", False), ("NATO", False), ("Iii", False), ("ΝΔ", False),
        ("Γ.", False), ("LX", False),
    ],
)  # fmt: skip
def test_numeral_tokens(token: str, numeral: bool) -> None:
    assert is_numeral_token(token) is numeral


def test_a_person_takes_the_numeral_after_it() -> None:
    tokens = ["King", "Charles", "III", "met", "Πάπα", "Λέοντα", "ΙΔ΄", "."]
    spans = [(0, 2, "PERSON"), (4, 6, "PERSON")]
    assert extend_regnal_numerals(tokens, spans, person_labels=P) == [
        (0, 3, "PERSON"),
        (4, 7, "PERSON"),
    ]


@pytest.mark.parametrize(
    ("tokens", "spans"),
    [
        (["NATO", "III", "summit"], [(0, 1, "ORG")]),  # not a person
        (["Charles", "I", "said"], [(0, 1, "PERSON")]),  # a lone I is a word
        (["Charles", "III"], [(0, 1, "PERSON"), (1, 2, "MISC")]),  # in another span
        (["Charles"], [(0, 1, "PERSON")]),  # nothing after it
    ],
)
def test_nothing_else_is_extended(tokens: list[str], spans: list[tuple[int, int, str]]) -> None:
    assert extend_regnal_numerals(tokens, spans, person_labels=P) == spans


def test_document_rules_extend_the_span() -> None:
    words = ["Ο", "Βασιλιάς", "Κάρολος", "Γ΄", "μίλησε"]
    doc = spacy.blank("xx").make_doc(" ".join(words))
    assert len(doc) == len(words)
    doc.ents = [Span(doc, 1, 3, label="PERSON")]
    assert [e.text for e in apply_document_rules(doc).ents] == ["Βασιλιάς Κάρολος Γ΄"]
