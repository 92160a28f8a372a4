"""An acronym before a full stop is a token (and a mention) of its own: ΝΔ. is ΝΔ and a stop."""

from __future__ import annotations

import spacy

import entityx
from entityx.tokenizer import split_capital_abbreviations

TEXT = "Την πρόταση καταψήφισε η ΝΔ. Ο Φάμελλος μίλησε για την ΕΕ. Η ΕΛ.ΑΣ. και ο κ. Μητσοτάκης."


def test_greek_special_cases_of_capitals_and_a_stop_are_dropped() -> None:
    nlp = spacy.blank("el")
    assert "ΝΔ." in nlp.tokenizer.rules  # spaCy's Greek exceptions hold it
    assert split_capital_abbreviations(nlp) > 0
    tokens = [t.text for t in nlp.make_doc(TEXT)]
    assert tokens[4:6] == ["ΝΔ", "."]
    assert "ΕΕ" in tokens
    assert "ΕΛ.ΑΣ." in tokens and "κ." in tokens  # dotted and lower-case abbreviations stay
    assert split_capital_abbreviations(nlp) == 0


def test_the_acronym_is_a_mention_without_its_stop() -> None:
    doc = entityx.extract(TEXT)
    texts = [m.text for m in doc.mentions]
    assert "ΝΔ" in texts and "ΕΕ" in texts
    assert not any(t.endswith(".") and t[:-1].isupper() and "." not in t[:-1] for t in texts)
    assert len(doc.sentences) >= 3
