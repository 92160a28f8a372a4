"""entityx.extract / load / Extractor on the bundled pipeline."""

from __future__ import annotations

import sys
from pathlib import Path

import pydantic
import pytest

import entityx
from entityx import Document

sys.path.insert(0, str(Path(__file__).parent))


def test_extract_returns_a_frozen_document(article: str) -> None:
    doc = entityx.extract(article)
    assert isinstance(doc, Document)
    assert doc.text == article
    assert doc.mentions, "the reference article has names in it"
    with pytest.raises(pydantic.ValidationError, match="frozen"):
        doc.mentions[0].text = "x"  # type: ignore[misc]


def test_every_mention_points_into_the_text_and_to_an_entity(article: str) -> None:
    doc = entityx.extract(article)
    ids = {e.id for e in doc.entities}
    for m in doc.mentions:
        assert article[m.start : m.end] == m.text
        assert m.label in entityx.LABELS
        assert m.entity_id in ids
        sent = doc.sentences[m.sentence]
        assert sent.start <= m.start and m.end <= sent.end


def test_entities_count_their_mentions_and_keep_aliases_verbatim(article: str) -> None:
    doc = entityx.extract(article)
    for entity in doc.entities:
        mentions = doc.mentions_of(entity.id)
        assert entity.mention_count == len(mentions)
        assert set(entity.aliases) == {m.text for m in mentions}


def test_sentences_are_ordered_and_disjoint(article: str) -> None:
    doc = entityx.extract(article)
    assert doc.sentences[0].start == 0
    assert doc.sentences[-1].end == len(article)
    for a, b in zip(doc.sentences, doc.sentences[1:], strict=False):
        assert a.end <= b.start


def test_document_round_trips_through_json(article: str) -> None:
    doc = entityx.extract(article)
    assert Document.model_validate_json(doc.model_dump_json()) == doc


def test_model_info_names_the_bundled_pipeline_and_licence(article: str) -> None:
    doc = entityx.extract("Ο Λαβρόφ έφτασε στη Μόσχα.")
    assert doc.model is not None
    assert doc.model.name == "el_entityx_el_en"
    assert doc.model.license == "CC BY-NC-SA 4.0"


def test_load_is_cached() -> None:
    assert entityx.load() is entityx.load()


def test_clear_cache_makes_the_next_load_read_the_pipeline_again(tmp_path: Path) -> None:
    from test_corpus_support import make_tiny_pipeline

    tiny = make_tiny_pipeline(tmp_path / "tiny")
    first = entityx.load(tiny)
    assert entityx.load(tiny) is first
    entityx.clear_cache()
    again = entityx.load(tiny)
    assert again is not first and entityx.load(tiny) is again
    # an Extractor already handed out keeps working
    assert [m.text for m in first.extract("Obama in Athens.").mentions] == ["Obama", "Athens"]


@pytest.mark.parametrize("text", ["", "   ", "\n\t\r\n"])
def test_empty_text_gives_an_empty_document(text: str) -> None:
    doc = entityx.extract(text)
    assert doc.text == text
    assert doc.mentions == ()
    assert doc.entities == ()


@pytest.mark.parametrize("bad", [None, b"bytes", 42, ["list"]])
def test_non_str_input_raises_type_error_naming_the_type(bad: object) -> None:
    with pytest.raises(TypeError, match=type(bad).__name__):
        entityx.extract(bad)  # type: ignore[arg-type]


def test_pipe_is_lazy_ordered_and_sets_ids(extractor: entityx.Extractor) -> None:
    texts = ["Ο Λαβρόφ μίλησε.", "", "Sergey Lavrov met Kim Jong-un in Pyongyang."]
    gen = extractor.pipe(texts, batch_size=2, ids=["a", "b", "c"])
    assert iter(gen) is gen
    docs = list(gen)
    assert [d.id for d in docs] == ["a", "b", "c"]
    assert [d.text for d in docs] == texts
    assert docs[1].mentions == ()


def test_pipe_names_the_bad_item(extractor: entityx.Extractor) -> None:
    with pytest.raises(TypeError, match=r"texts\[1\] must be str, not int"):
        list(extractor.pipe(["ok", 1]))  # type: ignore[list-item]


def test_english_possessives_are_split_from_names(extractor: entityx.Extractor) -> None:
    for text in ("Lavrov's visit", "Lavrov’s visit"):
        doc = extractor.nlp.make_doc(text)
        assert doc[0].text == "Lavrov", [t.text for t in doc]


def test_greek_punctuation_is_split(extractor: entityx.Extractor) -> None:
    doc = extractor.nlp.make_doc("Ποιος είναι ο «Πούτιν»; Η Μόσχα· η Ρωσία")
    words = [t.text for t in doc]
    for token in ("«", "Πούτιν", "»", ";", "Μόσχα", "·"):
        assert token in words, words


def test_long_text_is_processed_in_pieces_with_original_offsets(
    extractor: entityx.Extractor, monkeypatch: pytest.MonkeyPatch
) -> None:
    paragraph = "Ο Σεργκέι Λαβρόφ συναντήθηκε με τον Κιμ Γιονγκ Ουν στην Πιονγκγιάνγκ.\n\n"
    text = paragraph * 40
    short = extractor.extract(paragraph)
    monkeypatch.setattr(extractor.nlp, "max_length", 500)
    doc = extractor.extract(text)
    assert len(doc.mentions) == 40 * len(short.mentions)
    for m in doc.mentions:
        assert text[m.start : m.end] == m.text
    # one entity across all pieces, not one per piece
    assert len(doc.entities) == len(short.entities)


def test_user_kb_sets_kb_id_same_as_and_name(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import json

    kb = tmp_path / "kb.jsonl"
    kb.write_text(
        json.dumps(
            {
                "id": "Q187379",
                "name": "Sergey Lavrov",
                "label": "PERSON",
                "aliases": ["Σεργκέι Λαβρόφ", "Lavrov"],
                "same_as": ["https://www.wikidata.org/entity/Q187379"],
            },
            ensure_ascii=False,
        )
        + "\n",
        encoding="utf-8",
    )
    doc = entityx.load(kb=kb).extract(
        "Ο Σεργκέι Λαβρόφ έφτασε. Ο Λαβρόφ είπε ότι η Ρωσία θα βοηθήσει."
    )
    (lavrov,) = [e for e in doc.entities if e.label == "PERSON"]
    assert lavrov.kb_id == "Q187379"
    assert lavrov.id == "Q187379"
    assert lavrov.name == "Sergey Lavrov"
    assert "https://www.wikidata.org/entity/Q187379" in lavrov.same_as


def test_bad_kb_names_file_line_and_field(tmp_path) -> None:  # type: ignore[no-untyped-def]
    kb = tmp_path / "bad.jsonl"
    kb.write_text('{"id": "x", "name": "X", "label": "PERSON"}\n{"id": "y", "name": ""}\n')
    with pytest.raises(entityx.KnowledgeBaseError, match=r"bad\.jsonl.*line 2"):
        entityx.load(kb=kb)


def test_handles_and_hashtags_keep_the_name_a_token_of_its_own(
    extractor: entityx.Extractor,
) -> None:
    words = [t.text for t in extractor.nlp.make_doc("RT @Defence_Index: Lavrov in #NorthKorea")]
    assert "@Defence_Index" in words
    assert "NorthKorea" in words


def test_pipe_ids_must_match_texts(extractor: entityx.Extractor) -> None:
    with pytest.raises(ValueError, match=r"ids ran out at texts\[1\]"):
        list(extractor.pipe(["Ο Λαβρόφ.", "Η Μόσχα."], ids=["only-one"]))


def test_bad_pipe_arguments_are_input_errors(extractor: entityx.Extractor) -> None:
    """The same kind of mistake as export()'s: an InputError (still a ValueError)."""
    with pytest.raises(entityx.InputError, match=r"ids ran out at texts\[1\]") as info:
        list(extractor.pipe(["Ο Λαβρόφ.", "Η Μόσχα."], ids=["only-one"]))
    assert isinstance(info.value, ValueError)
    with pytest.raises(entityx.InputError, match="ids has more items than texts"):
        list(extractor.pipe(["Ο Λαβρόφ."], ids=["a", "b"]))
    with pytest.raises(entityx.InputError, match="batch_size must be an integer of at least 1"):
        extractor.pipe(["Ο Λαβρόφ."], batch_size=0)  # refused at the call, not when iterated


def test_info_lists_the_labels_of_every_entity_component(tmp_path: Path) -> None:
    """A ``future_entity_ruler`` counts as NER for info() as it does for loading."""
    import spacy

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("future_entity_ruler")
    ruler.add_patterns([{"label": "GPE", "pattern": "North Korea"}])  # type: ignore[attr-defined]
    nlp.to_disk(tmp_path / "future")
    info = entityx.load(tmp_path / "future").info()
    assert info["pipeline_labels"] == ["GPE"]
    assert info["label_mapping"] == {"GPE": "LOC"}
