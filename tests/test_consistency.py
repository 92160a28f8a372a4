"""One label per spelling per document (``entityx.resolution.consistency``)."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Span

import entityx.component  # noqa: F401  (registers the factory when not pip-installed)
from entityx.resolution.consistency import harmonise_labels


def test_majority_label_wins_among_identical_spellings() -> None:
    mentions = [
        ("Γουονσάν", "LOC"),
        ("Γουονσάν", "LOC"),
        ("Η Γουονσάν", "PERSON"),
        ("Κιμ", "PERSON"),
    ]
    assert harmonise_labels(mentions) == ["LOC", "LOC", "LOC", "PERSON"]


def test_accents_and_case_do_not_split_a_group() -> None:
    mentions = [("ΓΟΥΟΝΣΑΝ", "LOC"), ("Γουονσαν", "LOC"), ("Γουονσάν", "PERSON")]
    assert harmonise_labels(mentions) == ["LOC", "LOC", "LOC"]


@pytest.mark.parametrize(
    "mentions",
    [
        [("Τζόρνταν", "PERSON"), ("Τζόρνταν", "LOC")],  # two mentions: no majority
        [("Τζόρνταν", "PERSON"), ("Τζόρνταν", "LOC"), ("Τζόρνταν", "ORG")],  # no majority
        [("Τζόρνταν", "PERSON"), ("Τζόρντα", "LOC"), ("Τζόρντα", "LOC")],  # similar, not equal
    ],
)
def test_without_a_clear_majority_nothing_changes(mentions: list[tuple[str, str]]) -> None:
    assert harmonise_labels(mentions) == [label for _, label in mentions]


def test_thresholds_are_settings() -> None:
    mentions = [("Jordan", "PERSON"), ("Jordan", "LOC"), ("Jordan", "LOC"), ("Jordan", "LOC")]
    assert harmonise_labels(mentions, min_share=0.8) == ["PERSON", "LOC", "LOC", "LOC"]
    assert harmonise_labels(mentions[1:3] + mentions[:1], min_mentions=4) == [
        "LOC",
        "LOC",
        "PERSON",
    ]
    with pytest.raises(ValueError, match="min_share"):
        harmonise_labels(mentions, min_share=0.5)
    with pytest.raises(ValueError, match="min_mentions"):
        harmonise_labels(mentions, min_mentions=1)


TEXT = "Στη Γουονσάν έφτασε. Η Γουονσάν είναι πόλη. Από τη Γουονσάν έφυγε την Κυριακή."


def _tagged(nlp: spacy.Language) -> spacy.tokens.Doc:
    doc = nlp.make_doc(TEXT)
    starts = [t.i for t in doc if t.text == "Γουονσάν"]
    labels = ["LOC", "PERSON", "LOC"]
    doc.ents = [Span(doc, i, i + 1, label=lab) for i, lab in zip(starts, labels, strict=True)]
    doc.ents = [*doc.ents, Span(doc, len(doc) - 2, len(doc) - 1, label="DATE")]
    return doc


@pytest.mark.parametrize("harmonise", [True, False])
def test_component_relabels_doc_ents(harmonise: bool) -> None:
    nlp = spacy.blank("el")
    resolver = nlp.add_pipe("entityx_resolver", config={"harmonise_labels": harmonise})
    doc = resolver(_tagged(nlp))
    labels = [(ent.text, ent.label_) for ent in doc.ents]
    expected_middle = "LOC" if harmonise else "PERSON"
    assert labels == [
        ("Γουονσάν", "LOC"),
        ("Γουονσάν", expected_middle),
        ("Γουονσάν", "LOC"),
        ("Κυριακή", "DATE"),  # labels entityx does not use are left alone
    ]
    ids = {ent._.entityx_id for ent in doc.ents if ent.label_ == "LOC"}
    assert len(ids) == 1
    assert {e.label for e in doc._.entityx_entities} == (
        {"LOC"} if harmonise else {"LOC", "PERSON"}
    )


def test_long_text_pieces_are_harmonised_together() -> None:
    from entityx.document import DocumentBuilder
    from entityx.models import ModelInfo
    from entityx.resolution import Resolver

    nlp = spacy.blank("el")
    first, second = "Στη Γουονσάν έφτασε. Η Γουονσάν είναι πόλη.", "Από τη Γουονσάν έφυγε."
    text = f"{first}\n\n{second}"
    pieces = []
    for offset, piece, labels in ((0, first, ["LOC", "PERSON"]), (len(first) + 2, second, ["LOC"])):
        doc = nlp.make_doc(piece)
        starts = [t.i for t in doc if t.text == "Γουονσάν"]
        doc.ents = [Span(doc, i, i + 1, label=lab) for i, lab in zip(starts, labels, strict=True)]
        pieces.append(DocumentBuilder.piece(doc, text=piece, offset=offset))
    builder = DocumentBuilder(ModelInfo(name="test", version="0"))
    built = builder.build_pieces(text, pieces, resolver=Resolver(gazetteer=False))
    assert [(m.text, m.label) for m in built.mentions] == [("Γουονσάν", "LOC")] * 3
    assert all(text[m.start : m.end] == m.text for m in built.mentions)
    assert len(built.entities) == 1
