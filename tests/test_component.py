"""The spaCy adapter ``entityx_resolver``."""

from __future__ import annotations

from pathlib import Path

import spacy

import entityx.component  # noqa: F401  (registers the factory when not pip-installed)
from entityx.resolution import KnowledgeBase

PATTERNS = [
    {"label": "PERSON", "pattern": "Σεργκέι Λαβρόφ"},
    {"label": "PERSON", "pattern": "Λαβρόφ"},
    {"label": "PER", "pattern": "Sergey Lavrov"},
    {"label": "GPE", "pattern": "Ρωσίας"},
    {"label": "ORG", "pattern": "Ένωσης των Κρατών της Νοτιοανατολικής Ασίας"},
    {"label": "ORG", "pattern": "ASEAN"},
    {"label": "DATE", "pattern": "Σάββατο"},
]
TEXT = (
    "Ο υπουργός Εξωτερικών της Ρωσίας Σεργκέι Λαβρόφ έφτασε το Σάββατο. Ο Λαβρόφ μίλησε "
    "στη σύνοδο της Ένωσης των Κρατών της Νοτιοανατολικής Ασίας (ASEAN). Sergey Lavrov said."
)


def _nlp(**config: object) -> spacy.Language:
    nlp = spacy.blank("el")
    nlp.add_pipe("entity_ruler").add_patterns(PATTERNS)  # type: ignore[attr-defined]
    nlp.add_pipe("entityx_resolver", config=config)
    return nlp


def test_component_sets_extensions() -> None:
    doc = _nlp()(TEXT)
    entities = doc._.entityx_entities
    names = {e.name for e in entities}
    assert names == {"Russia", "Sergey Lavrov", "ASEAN"}
    ids = {ent.text: ent._.entityx_id for ent in doc.ents}
    assert ids["Λαβρόφ"] == ids["Σεργκέι Λαβρόφ"] == ids["Sergey Lavrov"]
    assert ids["ASEAN"] == ids["Ένωσης των Κρατών της Νοτιοανατολικής Ασίας"]
    assert ids["Σάββατο"] is None  # DATE maps to None: skipped
    # Span values live in doc.user_data, so a re-created span still has them.
    lavrov = next(e for e in doc.ents if e.text == "Λαβρόφ")
    assert doc.char_span(lavrov.start_char, lavrov.end_char, label="PERSON")._.entityx_id


def test_to_disk_from_disk_roundtrip(tmp_path: Path) -> None:
    nlp = _nlp(threshold=80.0)
    kb = KnowledgeBase.from_entries(
        [{"id": "Q42", "name": "Sergey Lavrov", "label": "PERSON", "aliases": ["Λαβρόφ"]}]
    )
    nlp.get_pipe("entityx_resolver").set_kb(kb)  # type: ignore[attr-defined]
    nlp.to_disk(tmp_path / "pipe")
    loaded = spacy.load(tmp_path / "pipe")
    comp = loaded.get_pipe("entityx_resolver")
    assert comp.resolver.threshold == 80.0  # type: ignore[attr-defined]
    doc = loaded(TEXT)
    assert {e.id for e in doc._.entityx_entities if e.label == "PERSON"} == {"Q42"}
    blank = _nlp()
    blank.get_pipe("entityx_resolver").from_bytes(  # type: ignore[attr-defined]
        nlp.get_pipe("entityx_resolver").to_bytes()  # type: ignore[attr-defined]
    )
    assert blank.get_pipe("entityx_resolver").resolver.user_kb is not None  # type: ignore


def test_resolver_reusable_across_chunks() -> None:
    comp = _nlp().get_pipe("entityx_resolver")
    entities, ids = comp.resolver.resolve([("Λαβρόφ", "PERSON"), ("Sergey Lavrov", "PERSON")])  # type: ignore[attr-defined]
    assert len(entities) == 1 and ids[0] == ids[1]
