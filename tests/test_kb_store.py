"""The stored (SQLite) knowledge base: same answers as the in-memory one, layering, detection."""

from __future__ import annotations

import gzip
import json
import pickle
import sqlite3
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import entityx
from entityx.errors import KnowledgeBaseError, OutputError
from entityx.kbstore import StoredKnowledgeBase, build_kb, is_stored_kb, open_kb
from entityx.kbstore.keys import in_bloom, key_hash
from entityx.kbstore.record import KBRecord
from entityx.kbstore.writer import KBWriter
from entityx.resolution import KnowledgeBase, Resolver

ENTRIES = [
    {"id": "Q187379", "name": "Sergey Lavrov", "label": "PERSON",
     "aliases": ["Σεργκέι Λαβρόφ"], "priority": 50},
    {"id": "Q1", "name": "Kyriakos Mitsotakis", "label": "PERSON",
     "aliases": ["Κυριάκος Μητσοτάκης"], "priority": 40},
    {"id": "Q2", "name": "Thessaloniki", "label": "LOC", "aliases": ["Θεσσαλονίκη"], "priority": 9},
    {"id": "Q3", "name": "Kuala Lumpur", "label": "LOC", "aliases": ["Κουάλα Λουμπούρ"]},
    {"id": "Q4", "name": "Malaysia", "label": "LOC", "aliases": ["Μαλαισία"], "priority": 30},
    {"id": "Q5", "name": "Korean Central News Agency", "label": "ORG", "aliases": ["KCNA"]},
]  # fmt: skip


@pytest.fixture(scope="module")
def pair(tmp_path_factory: pytest.TempPathFactory) -> tuple[KnowledgeBase, StoredKnowledgeBase]:
    tmp = tmp_path_factory.mktemp("kb")
    memory = KnowledgeBase.from_entries(ENTRIES, source="test")
    src = tmp / "kb.jsonl"
    memory.to_jsonl(src)
    build_kb([src], tmp / "kb.kb")
    stored = open_kb(tmp / "kb.kb")
    assert isinstance(stored, StoredKnowledgeBase)
    return memory, stored


QUERIES = [
    ("Σεργκέι Λαβρόφ", "PERSON"), ("Λαβρόφ", "PERSON"), ("Sergei Lavrov", "PERSON"),
    ("Κυριάκου Μητσοτάκη", "PERSON"), ("Θεσσαλονίκης", "LOC"), ("THESSALONIKI", "LOC"),
    ("Μαλαισίας", "LOC"), ("Κουάλα Λουμπούρ", "LOC"), ("ΚCNA", "ORG"), ("KCNA", "LOC"),
    ("Nowhere Known", "LOC"), ("", "LOC"), ("Lavrov", "LOC"),
]  # fmt: skip


@pytest.mark.parametrize("name, label", QUERIES)
def test_same_answers_as_the_memory_kb(
    pair: tuple[KnowledgeBase, StoredKnowledgeBase], name: str, label: str
) -> None:
    memory, stored = pair
    assert stored.match(name, label) == memory.match(name, label)
    assert stored.match(name, label, exact=True) == memory.match(name, label, exact=True)
    assert stored.match(name, label, by_sound=False) == memory.match(name, label, by_sound=False)


def test_get_len_and_serialisation(pair: tuple[KnowledgeBase, StoredKnowledgeBase]) -> None:
    memory, stored = pair
    assert len(stored) == len(memory) == len(ENTRIES)
    assert stored.get("Q4") == memory.get("Q4")
    assert stored.get("nope") is None
    # A pipeline saved to disk carries its KB as JSONL: the same entries come back.
    again = KnowledgeBase.from_bytes(stored.to_bytes())
    assert {e.id: e for e in again.entries} == {e.id: e for e in memory.entries}


def test_resolver_works_with_either(pair: tuple[KnowledgeBase, StoredKnowledgeBase]) -> None:
    memory, stored = pair
    items = [
        ("Ο Σεργκέι Λαβρόφ", "PERSON"),
        ("Λαβρόφ", "PERSON"),
        ("Μαλαισίας", "LOC"),
        ("Θεσσαλονίκη", "LOC"),
        ("KCNA", "ORG"),
        ("Μαρία Άγνωστη", "PERSON"),
    ]
    with_memory = Resolver(kb=memory).resolve(items)
    with_stored = Resolver(kb=stored).resolve(items)
    assert [e.id for e in with_stored[0]] == [e.id for e in with_memory[0]]
    assert with_stored[1] == with_memory[1]
    assert [e.link_score for e in with_stored[0]] == [1.0, 1.0, 1.0, 1.0, None]


def test_layered_over_the_gazetteer_user_wins(tmp_path: Path) -> None:
    src = tmp_path / "mine.jsonl"
    src.write_text(
        '{"id": "Q90", "name": "Paris", "label": "LOC", "aliases": ["Παρίσι"]}\n',
        encoding="utf-8",
    )
    build_kb([src], tmp_path / "mine.kb")
    stored = open_kb(tmp_path / "mine.kb")
    layered = stored.with_fallback(KnowledgeBase.bundled())
    paris = layered.lookup("Παρισιού", "LOC")
    assert paris is not None and paris.id == "Q90"  # the user's entry, not geonames'
    berlin = layered.lookup("Βερολίνο", "LOC")
    assert berlin is not None and berlin.id.startswith("geonames:")  # the gazetteer's
    assert stored.lookup("Βερολίνο", "LOC") is None  # the view did not change the original
    (entity,) = entityx.resolve([("Παρίσι", "LOC")], kb=stored)
    assert entity.kb_id == "Q90"


def test_an_ambiguous_name_is_not_answered_by_the_fallback(tmp_path: Path) -> None:
    src = tmp_path / "two.jsonl"
    src.write_text(
        '{"id": "Q1", "name": "Paris", "label": "LOC", "priority": 5}\n'
        '{"id": "Q2", "name": "Paris", "label": "LOC", "aliases": ["Paris, Texas"]}\n',
        encoding="utf-8",
    )
    build_kb([src], tmp_path / "two.kb")
    layered = open_kb(tmp_path / "two.kb").with_fallback(KnowledgeBase.bundled())
    assert isinstance(layered, StoredKnowledgeBase)
    assert layered.lookup("Paris", "LOC") is None
    found = layered.candidates("Paris", "LOC")
    assert found is not None and [e.id for e in found[0]] == ["Q1", "Q2"]


def test_detection_by_magic_and_suffix(tmp_path: Path) -> None:
    build_kb([_jsonl(tmp_path)], tmp_path / "odd-name.db")
    assert is_stored_kb(tmp_path / "odd-name.db")
    assert isinstance(open_kb(tmp_path / "odd-name.db"), StoredKnowledgeBase)
    jsonl = _jsonl(tmp_path)
    assert not is_stored_kb(jsonl)
    assert type(open_kb(jsonl)) is KnowledgeBase
    gz = tmp_path / "kb.jsonl.gz"
    gz.write_bytes(gzip.compress(jsonl.read_bytes()))
    assert type(open_kb(gz)) is KnowledgeBase
    fake = tmp_path / "fake.kb"
    fake.write_text(jsonl.read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(KnowledgeBaseError, match="cannot open knowledge base"):
        open_kb(fake)
    other = tmp_path / "other.sqlite"
    sqlite3.connect(other).execute("CREATE TABLE t(x)").connection.commit()
    with pytest.raises(KnowledgeBaseError, match="not an entityx knowledge base"):
        open_kb(other)
    with pytest.raises(KnowledgeBaseError):
        open_kb(tmp_path / "missing.kb")


def test_pickles_by_path(tmp_path: Path) -> None:
    build_kb([_jsonl(tmp_path)], tmp_path / "p.kb")
    kb = open_kb(tmp_path / "p.kb")
    again = pickle.loads(pickle.dumps(kb))
    assert again.lookup("Alpha", "ORG") == kb.lookup("Alpha", "ORG") is not None


def test_an_interrupted_build_leaves_no_knowledge_base(tmp_path: Path) -> None:
    out = tmp_path / "half.kb"
    with pytest.raises(RuntimeError), KBWriter(out) as writer:
        writer.add(KBRecord(id="Q1", name="Alpha", label="ORG"))
        raise RuntimeError("interrupted")
    assert not out.exists() and list(tmp_path.iterdir()) == []


def test_unwritable_output(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="cannot create knowledge base"):
        KBWriter(tmp_path / "no" / "such" / "dir.kb")


def _jsonl(tmp_path: Path) -> Path:
    path = tmp_path / "small.jsonl"
    path.write_text('{"id": "X1", "name": "Alpha", "label": "ORG"}\n', encoding="utf-8")
    return path


_names = st.text(
    alphabet=st.sampled_from("αβγδεηικλμνοπρστυφχωάέήίόύώ ΑΒΓΔabcdefgklmnoprstuvyzABC-'."),
    min_size=1,
    max_size=24,
).filter(lambda s: any(ch.isalpha() for ch in s))


@settings(max_examples=40, deadline=None)
@given(names=st.lists(_names, min_size=1, max_size=6, unique=True), probe=_names)
def test_property_every_name_finds_its_entry(
    tmp_path_factory: pytest.TempPathFactory, names: list[str], probe: str
) -> None:
    tmp = tmp_path_factory.mktemp("prop")
    entries = [{"id": f"E{i}", "name": n, "label": "PERSON"} for i, n in enumerate(names)]
    memory = KnowledgeBase.from_entries(entries)
    memory.to_jsonl(tmp / "p.jsonl")
    build_kb([tmp / "p.jsonl"], tmp / "p.kb")
    stored = open_kb(tmp / "p.kb")
    assert isinstance(stored, StoredKnowledgeBase)
    for i, name in enumerate(names):
        found = stored.candidates(name, "PERSON", exact=True)
        if found is not None:  # None only for a name that normalises to nothing
            assert f"E{i}" in {e.id for e in found[0]}
    # Whatever the probe, an answer is one of the memory KB's answers for it.
    hit = stored.match(probe, "PERSON")
    if hit is not None:
        found = stored.candidates(probe, "PERSON")
        assert found is not None and len(found[0]) == 1 and memory.match(probe, "PERSON") == hit


def test_the_name_filter_keeps_every_key_and_few_others(tmp_path: Path) -> None:
    src = tmp_path / "many.jsonl"
    src.write_text(
        "".join(
            f'{{"id": "E{i}", "name": "Name{i} Surname{i % 97}", "label": "PERSON"}}\n'
            for i in range(3000)
        ),
        encoding="utf-8",
    )
    build_kb([src], tmp_path / "many.kb")
    db = sqlite3.connect(tmp_path / "many.kb")
    bits, _, data = db.execute("SELECT bits, hashes, data FROM filter").fetchone()
    stored = [h for (h,) in db.execute("SELECT h FROM keys")]
    assert all(in_bloom(h, data, bits) for h in stored)
    others = [key_hash("e", "PERSON", f"absent {i}") for i in range(20_000)]
    assert sum(in_bloom(h, data, bits) for h in others) / len(others) < 0.02


@pytest.mark.slow
def test_load_and_extract_take_a_stored_kb(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from entityx.cli import _register_commands, app
    from entityx.pipeline import resolver_component

    dump = Path(__file__).parent / "data" / "wikidata" / "entities.json"
    kb_path = tmp_path / "wikidata.kb"
    build_kb([dump], kb_path)
    extractor = entityx.load(kb=kb_path)
    assert isinstance(resolver_component(extractor.nlp).resolver.user_kb, StoredKnowledgeBase)
    text = "Η Μελάνια Τραμπ γεννήθηκε στη Σλοβενία."
    doc = extractor.extract(text)
    linked = {e.kb_id: e for e in doc.entities if e.kb_id is not None}
    assert "Q432473" in linked  # Melania Trump, by her full name
    for entity in linked.values():
        assert entity.link_score is not None
        if entity.kb_id.startswith("Q"):
            assert f"http://www.wikidata.org/entity/{entity.kb_id}" in entity.same_as
    _register_commands()
    src = tmp_path / "a.txt"
    src.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(src), "--kb", str(kb_path), "--json"])
    assert result.exit_code == 0, result.output
    assert {e["kb_id"] for e in json.loads(result.stdout)["entities"]} == set(linked)


def test_lookups_survive_the_entry_cache_emptying(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import entityx.kbstore.store as store

    build_kb([Path(__file__).parent / "data" / "wikidata" / "entities.json"], tmp_path / "w.kb")
    kb = open_kb(tmp_path / "w.kb")
    assert isinstance(kb, StoredKnowledgeBase)
    monkeypatch.setattr(store, "_ENTRY_CACHE_SIZE", 2)
    assert kb.get("Q22686") is not None  # cached; the next lookup's entries empty the cache
    found = kb.candidates("Τραμπ", "PERSON")
    assert found is not None
    assert [e.id for e in found[0]] == ["Q22686", "Q432473", "Q239411"]
