"""The cross-document entity registry (SQLite): matching, ids, counts, search, schema."""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

import pytest

from entityx.errors import RegistryError
from entityx.registry import SCHEMA_VERSION, Registry

sys.path.insert(0, str(Path(__file__).parent))
from registry_docs import person_doc
from test_corpus_support import FakeExtractor, fake_keys, fake_same

fake = FakeExtractor()


def _registry(path: Path) -> Registry:
    return Registry(path, keys=fake_keys, same=fake_same)


def test_same_entity_gets_same_id_across_documents_and_scripts(tmp_path: Path) -> None:
    with _registry(tmp_path / "r.db") as reg:
        d1 = reg.add(fake.extract("Lavrov met Merkel. Lavrov spoke.", doc_id="day1"))
        d2 = reg.add(fake.extract("Ο Λαβρόφ στη Μόσχα.", doc_id="day2"))
        lavrov1 = next(e for e in d1.entities if e.name == "Lavrov")
        lavrov2 = next(e for e in d2.entities if e.name == "Λαβρόφ")
        assert lavrov1.id == lavrov2.id
        assert {m.entity_id for m in d2.mentions} <= {e.id for e in d2.entities}
        entity = reg.get(lavrov1.id)
        assert set(entity.aliases) == {"Lavrov", "Λαβρόφ"}
        assert entity.mention_count == 3 and entity.document_count == 2
        assert entity.first_document == "day1" and entity.last_document == "day2"
        assert entity.first_seen and entity.last_seen
        assert len(reg) == 3  # Lavrov, Merkel, Μόσχα (the fake tags capitalised words)


def test_registry_persists_and_is_incremental(tmp_path: Path) -> None:
    path = tmp_path / "r.db"
    with _registry(path) as reg:
        first = reg.add(fake.extract("Merkel in Berlin.", doc_id="a"))
    calls: list[tuple[tuple[str, ...], tuple[str, ...]]] = []

    def counting_same(known, new, label):  # type: ignore[no-untyped-def]
        calls.append((tuple(known), tuple(new)))
        return fake_same(known, new, label)

    with Registry(path, keys=fake_keys, same=counting_same) as reg:
        second = reg.add(fake.extract("Μέρκελ.", doc_id="b"))
        assert second.entities[0].id == next(e.id for e in first.entities if e.name == "Merkel")
        # only the candidate sharing a key was compared, nothing else was re-resolved
        assert calls == [(("Merkel",), ("Μέρκελ",))]


def test_kb_id_is_decisive(tmp_path: Path) -> None:
    with _registry(tmp_path / "r.db") as reg:
        out = reg.add(person_doc("1", ("x", "Σεργκέι Λαβρόφ", "Q1")))
        assert out.entities[0].id == "Q1"
        # no shared key with "Σεργκέι Λαβρόφ", but the same KB id: the same entity
        out2 = reg.add(person_doc("2", ("y", "S. V. Lavrov", "Q1")))
        assert out2.entities[0].id == "Q1"
        assert reg.get("Q1").document_count == 2
        assert set(reg.get("Q1").aliases) == {"Σεργκέι Λαβρόφ", "S. V. Lavrov"}


def test_two_doc_entities_joining_one_registry_entity_are_merged(tmp_path: Path) -> None:
    with _registry(tmp_path / "r.db") as reg:
        known = reg.add(person_doc("1", ("a", "Lavrov", None))).entities[0].id
        out = reg.add(person_doc("2", ("p", "Λαβρόφ", None), ("q", "Lavrovs", None)))
        assert [e.id for e in out.entities] == [known]
        assert out.entities[0].aliases == ("Λαβρόφ", "Lavrovs")
        assert out.entities[0].mention_count == 2
        assert {m.entity_id for m in out.mentions} == {known}
        entity = reg.get(known)
        assert entity.document_count == 2 and entity.mention_count == 3
        # a different name with an id clash gets a fresh id
        other = reg.add(person_doc("3", (known, "Obama", None))).entities[0].id
        assert other != known and other.startswith(known)


def test_search_crosses_scripts_and_filters_by_label(tmp_path: Path) -> None:
    with _registry(tmp_path / "r.db") as reg:
        reg.add(fake.extract("Lavrov and Merkel.", doc_id="1"))
        assert [e.name for e in reg.search("Λαβρόφ")] == ["Lavrov"]
        assert [e.name for e in reg.search("merk")] == ["Merkel"]  # substring, any case
        assert reg.search("Lavrov", label="LOC") == []
        assert [e.name for e in reg.entities(label="PERSON", limit=1)]
        stats = reg.stats()
        assert stats["entities"] == 2 and stats["aliases"] == 2 and stats["bytes"] > 0


def test_transaction_rolls_back_on_error(tmp_path: Path) -> None:
    with _registry(tmp_path / "r.db") as reg:
        with pytest.raises(RuntimeError), reg.transaction():
            reg.add(fake.extract("Lavrov.", doc_id="1"))
            raise RuntimeError("crash mid-batch")
        assert len(reg) == 0


def test_schema_version_is_checked(tmp_path: Path) -> None:
    path = tmp_path / "r.db"
    _registry(path).close()
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    db.execute("PRAGMA user_version=99")
    db.close()
    with pytest.raises(RegistryError, match="schema version 99"):
        Registry(path)
    (tmp_path / "junk.db").write_bytes(b"not a database at all" * 100)
    with pytest.raises(RegistryError, match="not a usable"):
        Registry(tmp_path / "junk.db")
    with pytest.raises(RegistryError, match="no such registry"):
        Registry(tmp_path / "none.db", create=False)


def test_real_keys_and_resolver_join_scripts(tmp_path: Path) -> None:
    """With entityx's own blocking keys and resolver (no spaCy model needed)."""
    with Registry(tmp_path / "r.db") as reg:
        greek = reg.add(person_doc("day1", ("a", "Λαβρόφ", None))).entities[0].id
        latin = reg.add(person_doc("day2", ("b", "Sergey Lavrov", None))).entities[0].id
        other = reg.add(person_doc("day2", ("c", "Angela Merkel", None))).entities[0].id
        assert latin == greek != other
        assert [e.id for e in reg.search("Lavrov", label="PERSON")] == [greek]
        assert [e.id for e in reg.search("Μέρκελ")] == [other]
        assert reg.get(greek).name == "Sergey Lavrov"  # a name seen verbatim in Latin script
