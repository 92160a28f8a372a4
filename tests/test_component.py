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


# --- a stored (SQLite) KB is saved as its file, or a reference, never dumped as JSONL -----------
def _stored_kb(path: Path, name: str = "Sergey Lavrov") -> Path:
    import json

    from entityx.kbstore import build_kb

    src = path.with_suffix(".jsonl")
    rows = [
        {"id": "Q42", "name": name, "label": "PERSON", "aliases": ["Λαβρόφ"], "priority": 5},
        {"id": "Q159", "name": "Russia", "label": "LOC", "aliases": ["Ρωσίας"]},
    ]
    src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    build_kb([src], path)
    return path


def _saved(tmp_path: Path, kb_path: Path, *, how: str = "copy") -> Path:
    from entityx.kbstore import open_kb

    nlp = _nlp()
    comp = nlp.get_pipe("entityx_resolver")
    comp.set_kb(open_kb(kb_path))  # type: ignore[attr-defined]
    comp.save_stored_kb = how  # type: ignore[attr-defined]
    nlp.to_disk(tmp_path / "pipe")
    return tmp_path / "pipe"


def _person_ids(nlp: spacy.Language) -> set[str]:
    return {e.id for e in nlp(TEXT)._.entityx_entities if e.label == "PERSON"}


def test_stored_kb_is_copied_into_the_component(tmp_path: Path) -> None:
    import json

    from entityx.kbstore import StoredKnowledgeBase

    kb_path = _stored_kb(tmp_path / "people.kb")
    saved = _saved(tmp_path, kb_path)
    comp_dir = saved / "entityx_resolver"
    assert sorted(p.name for p in comp_dir.iterdir()) == ["kb.json", "kb.kb"]  # no kb.jsonl
    manifest = json.loads((comp_dir / "kb.json").read_text("utf-8"))
    assert manifest["file"] == "kb.kb" and manifest["entries"] == 2
    assert manifest["fingerprint"].startswith("content:") and "path" not in manifest
    kb_path.unlink()  # the saved pipeline is whole without the original
    loaded = spacy.load(saved)
    user_kb = loaded.get_pipe("entityx_resolver").resolver.user_kb  # type: ignore[attr-defined]
    assert isinstance(user_kb, StoredKnowledgeBase) and len(user_kb) == 2
    assert _person_ids(loaded) == {"Q42"}
    loaded.to_disk(saved)  # saved again where it was loaded from: the file is kept
    assert _person_ids(spacy.load(saved)) == {"Q42"}


def test_stored_kb_saved_as_a_reference(tmp_path: Path) -> None:
    import json

    import pytest

    from entityx.errors import KnowledgeBaseError

    kb_path = _stored_kb(tmp_path / "people.kb")
    saved = _saved(tmp_path, kb_path, how="reference")
    comp_dir = saved / "entityx_resolver"
    assert sorted(p.name for p in comp_dir.iterdir()) == ["kb.json"]
    manifest = json.loads((comp_dir / "kb.json").read_text("utf-8"))
    assert manifest["path"] == str(kb_path.resolve()) and "file" not in manifest
    assert _person_ids(spacy.load(saved)) == {"Q42"}
    _stored_kb(kb_path, name="Sergey V. Lavrov")  # rebuilt with other content
    with pytest.raises(KnowledgeBaseError, match="not the knowledge base"):
        spacy.load(saved)
    kb_path.unlink()
    with pytest.raises(KnowledgeBaseError, match="which is missing"):
        spacy.load(saved)


def test_switching_kb_kinds_leaves_no_stale_files(tmp_path: Path) -> None:
    kb_path = _stored_kb(tmp_path / "people.kb")
    saved = _saved(tmp_path, kb_path)
    nlp = spacy.load(saved)
    comp = nlp.get_pipe("entityx_resolver")
    comp.set_kb(  # type: ignore[attr-defined]
        KnowledgeBase.from_entries([{"id": "mem", "name": "Sergey Lavrov", "label": "PERSON"}])
    )
    nlp.to_disk(saved)  # over the save that held a stored KB
    names = sorted(p.name for p in (saved / "entityx_resolver").iterdir())
    assert names == ["kb.jsonl"]
    assert _person_ids(spacy.load(saved)) == {"mem"}


def test_the_component_loads_its_knowledge_base_with_the_pipeline() -> None:
    # Loaded with the pipeline's weights, so the first document does not pay for it.
    nlp = spacy.blank("el")
    component = nlp.add_pipe("entityx_resolver")
    assert component.resolver._kb is KnowledgeBase.bundled()
    bare = spacy.blank("el").add_pipe("entityx_resolver", config={"gazetteer": False})
    assert bare.resolver._kb is None
