"""Knowledge-base evidence about labels and span boundaries.

``KnowledgeBase.match`` says how a name matched; the resolver moves a name to the label its
exact KB entry has when the document names that entry under it; the spaCy component splits
``genitive country + city`` place spans.
"""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Span

import entityx.component  # noqa: F401  (registers the factory when not pip-installed)
from entityx.resolution import KnowledgeBase, Resolver
from entityx.resolution.segment import apposition_split

KB = KnowledgeBase.from_entries(
    [
        {"id": "my", "name": "Malaysia", "label": "LOC", "aliases": ["Μαλαισία"]},
        {"id": "kl", "name": "Kuala Lumpur", "label": "LOC", "aliases": ["Κουάλα Λουμπούρ"]},
        {"id": "th", "name": "Thessaloniki", "label": "LOC", "aliases": ["Θεσσαλονίκη"]},
        {"id": "ev", "name": "Evosmos", "label": "LOC", "aliases": ["Εύοσμος", "Εύοσμο"]},
        {"id": "fr", "name": "France", "label": "LOC", "aliases": ["Γαλλία"]},
        {"id": "pa", "name": "Paris", "label": "LOC", "aliases": ["Παρίσι"]},
        {"id": "py", "name": "Pyongyang", "label": "LOC", "aliases": ["Πιονγκγιάνγκ"]},
        {"id": "ru", "name": "Russia", "label": "LOC", "aliases": ["Ρωσία"]},
        {"id": "gb", "name": "Guinea-Bissau", "label": "LOC", "aliases": ["Γουινέα Μπισάου"]},
        {"id": "gn", "name": "Guinea", "label": "LOC", "aliases": ["Γουινέα"]},
        {"id": "bi", "name": "Bissau", "label": "LOC", "aliases": ["Μπισάου"]},
    ]
)


@pytest.mark.parametrize(
    ("name", "kind"),
    [("Μαλαισία", "exact"), ("ΜΑΛΑΙΣΊΑ", "exact"), ("Μαλαισίας", "inflected"), ("Rusia", None)],
)
def test_match_says_how_a_name_matched(name: str, kind: str | None) -> None:
    found = KB.match(name, "LOC")
    assert (found[1] if found else None) == kind
    if kind is not None:
        assert KB.match(name, "LOC", exact=True) == (found if kind == "exact" else None)


def test_match_by_sound_is_reported_as_such() -> None:
    kb = KnowledgeBase.from_entries(
        [{"id": "x", "name": "Kuala Lumpur", "label": "LOC", "aliases": []}]
    )
    found = kb.match("Kwala Loumpour", "LOC")
    assert found is not None and found[1] == "sound"
    assert kb.lookup("Kwala Loumpour", "LOC") is found[0]
    assert kb.match("Kwala Loumpour", "LOC", by_sound=False) is None
    assert kb.match("Kuala Lumpur", "LOC", by_sound=False) is not None


@pytest.mark.parametrize(
    ("alias", "name", "found"),
    [
        ("Μάια Σάντου", "Μάγια Σάντου", True),  # γι or ι for the glide between vowels
        ("Μάγια Σάντου", "Maia Sandu", True),
        ("Katharina Mayer", "Katharina Maier", True),
        ("Ian Stewart", "Jan Stewart", False),  # only a y between vowels is a glide
    ],
)
def test_sound_lookup_folds_glides(alias: str, name: str, found: bool) -> None:
    kb = KnowledgeBase.from_entries([{"id": "x", "name": alias, "label": "PERSON"}])
    match = kb.match(name, "PERSON")
    assert (match is not None and match[1] == "sound") is found


@pytest.mark.parametrize(
    ("words", "cut"),
    [
        (["Μαλαισίας", "Κουάλα", "Λουμπούρ"], 1),  # Malaysia's Kuala Lumpur: two places
        (["ΓΑΛΛΙΑΣ", "Παρίσι"], 1),
        (["Εύοσμο", "Θεσσαλονίκης"], None),  # Evosmos of Thessaloniki: one place
        (["Γαλλίας", "Θεσσαλονίκης"], None),  # both genitive: the case does not tell
        (["Γουινέα", "Μπισάου"], None),  # the whole is a known name
        (["Malaysia", "Kuala", "Lumpur"], None),  # English has no case to go by
        (["Μαλαισίας", "Κουάλα", "Κάτι"], None),  # second half unknown
        (["Μαλαισίας"], None),
    ],
)
def test_apposition_split(words: list[str], cut: int | None) -> None:
    assert apposition_split(words, "LOC", kb=KB) == cut


def test_apposition_split_needs_the_label_of_the_entries() -> None:
    assert apposition_split(["Μαλαισίας", "Κουάλα", "Λουμπούρ"], "ORG", kb=KB) is None


def _labels(resolver: Resolver, items: list[tuple[str, str]]) -> dict[str, str]:
    entities, ids = resolver.resolve(items)
    by_id = {e.id: e for e in entities}
    return {surface: by_id[i].label for (surface, _), i in zip(items, ids, strict=True)}


def test_resolver_moves_a_name_to_the_label_of_its_entry_in_this_document() -> None:
    items = [("Πιονγκγιάνγκ", "LOC"), ("Pyongyang", "ORG")]
    resolver = Resolver(kb=KB, gazetteer=False)
    entities, ids = resolver.resolve(items)
    assert ids[0] == ids[1] == "py"
    assert [(e.label, e.aliases) for e in entities] == [("LOC", ("Πιονγκγιάνγκ", "Pyongyang"))]
    off = Resolver(kb=KB, gazetteer=False, relabel_from_kb=False)
    assert _labels(off, items) == {"Πιονγκγιάνγκ": "LOC", "Pyongyang": "ORG"}


@pytest.mark.parametrize(
    "items",
    [
        [("Pyongyang", "ORG")],  # the document never names the entry as a place
        [("Ρωσία", "LOC"), ("Ρώσου", "MISC")],  # a demonym shares the stem, not the name
        [("Πιονγκγιάνγκ", "LOC"), ("Pyongyang Times", "ORG")],
        [("Πιονγκγιάνγκ", "LOC"), ("Pyongyang", "PERSON")],  # people share names with places
    ],
)
def test_resolver_keeps_labels_without_exact_evidence(items: list[tuple[str, str]]) -> None:
    resolver = Resolver(kb=KB, gazetteer=False)
    assert _labels(resolver, items) == dict(items)


def test_a_surface_under_two_labels_is_one_alias() -> None:
    items = [("Pyongyang", "LOC"), ("Pyongyang", "ORG")]
    entities, ids = Resolver(kb=KB, gazetteer=False).resolve(items)
    assert ids == ["py", "py"]
    assert entities[0].aliases == ("Pyongyang",) and entities[0].mention_count == 2


TEXT = "Στην πρωτεύουσα της Μαλαισίας Κουάλα Λουμπούρ. Η Πιονγκγιάνγκ και η Pyongyang σήμερα."


def _doc(**config: object) -> spacy.tokens.Doc:
    nlp = spacy.blank("el")
    resolver = nlp.add_pipe("entityx_resolver", config={"gazetteer": False, **config})
    resolver.set_kb(KB)  # type: ignore[attr-defined]
    doc = nlp.make_doc(TEXT)
    spans = [("Μαλαισίας Κουάλα Λουμπούρ", "GPE"), ("Πιονγκγιάνγκ", "LOC"), ("Pyongyang", "ORG")]
    ents = []
    for surface, label in spans:
        start = TEXT.index(surface)
        span = doc.char_span(start, start + len(surface), label=label)
        assert span is not None
        ents.append(span)
    doc.ents = [*ents, Span(doc, 0, 1, label="DATE")]
    return resolver(doc)  # type: ignore[no-any-return]


def test_component_splits_and_relabels_doc_ents() -> None:
    doc = _doc()
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("Στην", "DATE"),  # a label entityx does not use stays, untouched
        ("Μαλαισίας", "GPE"),
        ("Κουάλα Λουμπούρ", "GPE"),
        ("Πιονγκγιάνγκ", "LOC"),
        ("Pyongyang", "LOC"),
    ]
    ids = [e._.entityx_id for e in doc.ents]
    assert ids == [None, "my", "kl", "py", "py"]


def test_component_settings_turn_both_off() -> None:
    doc = _doc(split_appositions=False, relabel_from_kb=False)
    assert [(e.text, e.label_) for e in doc.ents][1:] == [
        ("Μαλαισίας Κουάλα Λουμπούρ", "GPE"),
        ("Πιονγκγιάνγκ", "LOC"),
        ("Pyongyang", "ORG"),
    ]


def test_long_text_pieces_are_relabelled_together() -> None:
    from entityx.document import DocumentBuilder
    from entityx.models import ModelInfo

    nlp = spacy.blank("el")
    first, second = "Η Πιονγκγιάνγκ απάντησε.", "Pyongyang said no."
    text = f"{first}\n\n{second}"
    pieces = []
    for offset, piece, name, label in (
        (0, first, "Πιονγκγιάνγκ", "LOC"),
        (len(first) + 2, second, "Pyongyang", "ORG"),
    ):
        doc = nlp.make_doc(piece)
        start = piece.index(name)
        doc.ents = [doc.char_span(start, start + len(name), label=label)]
        pieces.append(DocumentBuilder.piece(doc, text=piece, offset=offset))
    builder = DocumentBuilder(ModelInfo(name="test", version="0"))
    built = builder.build_pieces(text, pieces, resolver=Resolver(kb=KB, gazetteer=False))
    assert [(m.text, m.label, m.entity_id) for m in built.mentions] == [
        ("Πιονγκγιάνγκ", "LOC", "py"),
        ("Pyongyang", "LOC", "py"),
    ]
    assert all(text[m.start : m.end] == m.text for m in built.mentions)


def test_component_reports_its_settings() -> None:
    nlp = spacy.blank("el")
    config = {"split_appositions": False, "relabel_from_kb": False, "threshold": 80.0}
    resolver = nlp.add_pipe("entityx_resolver", config=config)
    resolver.set_kb(KB)  # type: ignore[attr-defined]
    settings = resolver.settings()  # type: ignore[attr-defined]
    assert settings["split_appositions"] is settings["relabel_from_kb"] is False
    assert settings["threshold"] == 80.0 and settings["harmonise_labels"] is True
    assert settings["user_kb_entries"] == len(KB)
