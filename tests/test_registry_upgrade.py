"""Registry files over time: stale blocking keys are rebuilt, a version-1 file is upgraded in
place, and each entity's link score is kept next to its KB id."""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

import pytest

from entityx.errors import RegistryError
from entityx.registry import KEYS_VERSION, SCHEMA_VERSION, Registry
from entityx.resolution.blocking import match_keys

sys.path.insert(0, str(Path(__file__).parent))
from registry_docs import person_doc
from test_corpus_support import fake_keys, fake_same


def _stored_keys(path: Path) -> set[tuple[str, str, str]]:
    db = sqlite3.connect(path)
    try:
        return set(db.execute("SELECT key, label, entity_id FROM keys"))
    finally:
        db.close()


def _sql(path: Path, *statements: str) -> None:
    db = sqlite3.connect(path)
    try:
        for statement in statements:
            db.execute(statement)
        db.commit()
    finally:
        db.close()


def _meta(path: Path) -> dict[str, str]:
    db = sqlite3.connect(path)
    try:
        return dict(db.execute("SELECT key, value FROM meta"))
    finally:
        db.close()


# -- blocking keys and the versions that made them ----------------------------------------


def test_a_new_registry_records_the_key_function_and_kb_versions(tmp_path: Path) -> None:
    path = tmp_path / "r.db"
    Registry(path).close()
    meta = _meta(path)
    assert meta["keys_version"] == f"entityx.match_keys/{KEYS_VERSION}"
    assert meta["kb_version"].startswith("bundled:") and len(meta["kb_version"]) > 10


@pytest.mark.parametrize(
    ("key", "old"), [("keys_version", "entityx.match_keys/0"), ("kb_version", "bundled:0ld")]
)
def test_keys_of_an_older_key_function_or_kb_are_rebuilt_on_open(
    tmp_path: Path, key: str, old: str
) -> None:
    path = tmp_path / "r.db"
    with Registry(path) as reg:
        greek = reg.add(person_doc("day1", ("a", "Λαβρόφ", None, None))).entities[0].id
        reg.add(person_doc("day1", ("b", "Angela Merkel", None, None)))
    fresh = _stored_keys(path)
    assert ("PERSON|lfrf", "PERSON", greek) in fresh
    current = _meta(path)[key]
    # What an older key function would have left: keys the current one never gives.
    _sql(
        path,
        "UPDATE keys SET key = 'old:' || key",
        f"UPDATE meta SET value = '{old}' WHERE key = '{key}'",
    )
    with Registry(path) as reg:
        assert _stored_keys(path) == fresh  # rebuilt from the stored aliases
        assert _meta(path)[key] == current
        latin = reg.add(person_doc("day2", ("c", "Sergey Lavrov", None, None))).entities[0].id
        assert latin == greek  # matched through the rebuilt keys
        assert [e.id for e in reg.search("Lavrov", label="PERSON")] == [greek]
    expected = {
        (k, "PERSON", greek)
        for alias in ("Λαβρόφ", "Sergey Lavrov")
        for k in match_keys(alias, "PERSON")
    }
    assert {row for row in _stored_keys(path) if row[2] == greek} == expected


def test_keys_of_the_current_versions_are_not_rebuilt(tmp_path: Path) -> None:
    """Opening an up-to-date registry trusts its keys (no rebuild at every open)."""
    path = tmp_path / "r.db"
    with Registry(path) as reg:
        reg.add(person_doc("day1", ("a", "Λαβρόφ", None, None)))
    _sql(path, "UPDATE keys SET key = 'kept:' || key")
    Registry(path).close()
    assert all(key.startswith("kept:") for key, _, _ in _stored_keys(path))


def test_another_key_function_rebuilds_the_keys(tmp_path: Path) -> None:
    path = tmp_path / "r.db"
    with Registry(path, keys=fake_keys, same=fake_same) as reg:
        lavrov = reg.add(person_doc("1", ("a", "Lavrov", None, None))).entities[0].id
    assert _stored_keys(path) == {(k, "PERSON", lavrov) for k in fake_keys("Lavrov", "PERSON")}

    def upper_keys(name: str, label: str) -> frozenset[str]:
        return frozenset({name.upper()})

    with Registry(path, keys=upper_keys, same=fake_same) as reg:
        assert _stored_keys(path) == {("LAVROV", "PERSON", lavrov)}
        assert reg.search("lavrov") and reg.search("lavrov")[0].id == lavrov
    # A caller's version string names the function: the same name means the same keys.
    with Registry(path, keys=upper_keys, same=fake_same, keys_version="v1"):
        assert _meta(path)["keys_version"] == "custom:v1"
    _sql(path, "UPDATE keys SET key = 'kept'")
    with Registry(path, keys=fake_keys, same=fake_same, keys_version="v1"):
        assert _stored_keys(path) == {("kept", "PERSON", lavrov)}
    with Registry(path, keys=fake_keys, same=fake_same, keys_version="v2"):
        assert _stored_keys(path) == {(k, "PERSON", lavrov) for k in fake_keys("Lavrov", "PERSON")}


# -- a version-1 registry file -------------------------------------------------------------

_V1_SCHEMA = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE entities(
    id TEXT PRIMARY KEY, name TEXT NOT NULL, label TEXT NOT NULL, kb_id TEXT,
    same_as TEXT NOT NULL DEFAULT '[]', mention_count INTEGER NOT NULL DEFAULT 0,
    document_count INTEGER NOT NULL DEFAULT 0, first_seen TEXT, last_seen TEXT,
    first_document TEXT, last_document TEXT);
CREATE UNIQUE INDEX entities_kb ON entities(kb_id) WHERE kb_id IS NOT NULL;
CREATE INDEX entities_label ON entities(label, mention_count);
CREATE TABLE aliases(
    entity_id TEXT NOT NULL REFERENCES entities(id), alias TEXT NOT NULL,
    mention_count INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (entity_id, alias)) WITHOUT ROWID;
CREATE INDEX aliases_alias ON aliases(alias);
CREATE TABLE keys(
    key TEXT NOT NULL, label TEXT NOT NULL, entity_id TEXT NOT NULL,
    PRIMARY KEY (key, label, entity_id)) WITHOUT ROWID;
CREATE TABLE checkpoints(run TEXT PRIMARY KEY, state TEXT NOT NULL, updated TEXT);
INSERT INTO meta VALUES ('schema_version', '1'), ('created', '2024-05-01T10:00:00+00:00'),
    ('entityx_version', '0.1.0'), ('token', 'v1token');
INSERT INTO entities VALUES ('Q1', 'Sergey Lavrov', 'PERSON', 'Q1', '[]', 3, 2,
    '2024-05-01T10:00:00+00:00', '2024-05-02T10:00:00+00:00', 'day1', 'day2');
INSERT INTO aliases VALUES ('Q1', 'Sergey Lavrov', 2), ('Q1', 'Lavrov', 1);
INSERT INTO keys VALUES ('whatever an old entityx stored', 'PERSON', 'Q1');
INSERT INTO checkpoints VALUES ('run', '{"records_done": 7}', '2024-05-02T10:00:00+00:00');
PRAGMA user_version = 1;
"""


def _v1_registry(path: Path) -> None:
    db = sqlite3.connect(path)
    try:
        db.executescript(_V1_SCHEMA)
    finally:
        db.close()


def test_a_version_1_registry_is_upgraded_in_place(tmp_path: Path) -> None:
    path = tmp_path / "v1.db"
    _v1_registry(path)
    with Registry(path, keys=fake_keys, same=fake_same) as reg:
        assert reg.token == "v1token" and reg.checkpoint("run") == {"records_done": 7}
        old = reg.get("Q1")
        assert (old.name, old.kb_id, old.link_score) == ("Sergey Lavrov", "Q1", None)
        assert (old.mention_count, old.document_count, old.last_document) == (3, 2, "day2")
        assert set(old.aliases) == {"Sergey Lavrov", "Lavrov"}
        # the keys were rebuilt, so a new spelling finds the old entity
        assert ("whatever an old entityx stored", "PERSON", "Q1") not in _stored_keys(path)
        out = reg.add(person_doc("day3", ("x", "Lavrovs", None, None)))
        assert out.entities[0].id == "Q1"
        # and the new column is written
        reg.add(person_doc("day4", ("y", "S. V. Lavrov", "Q1", 0.9)))
        assert reg.get("Q1").link_score == 0.9
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert "link_score" in {row[1] for row in db.execute("PRAGMA table_info(entities)")}
    db.close()
    assert _meta(path)["schema_version"] == str(SCHEMA_VERSION) and "upgraded" in _meta(path)
    with Registry(path, keys=fake_keys, same=fake_same) as again:  # opens as version 2
        assert again.get("Q1").document_count == 4


def test_a_failed_upgrade_leaves_the_version_1_file_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from entityx.registry import storage

    path = tmp_path / "v1.db"
    _v1_registry(path)
    failing = ("ALTER TABLE entities ADD COLUMN link_score REAL", "SELECT no_such FROM entities")
    monkeypatch.setattr(storage, "_MIGRATIONS", {1: failing})
    with pytest.raises(RegistryError, match=r"v1\.db: SQLite failed .*no_such"):
        Registry(path, keys=fake_keys, same=fake_same)
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == 1  # one transaction: rolled back
    assert "link_score" not in {row[1] for row in db.execute("PRAGMA table_info(entities)")}
    db.close()
    monkeypatch.undo()
    with Registry(path, keys=fake_keys, same=fake_same) as reg:  # and upgrades next time
        assert reg.get("Q1").name == "Sergey Lavrov"


# -- link scores ---------------------------------------------------------------------------


def test_the_link_score_is_stored_with_the_kb_id_and_returned(tmp_path: Path) -> None:
    with Registry(tmp_path / "r.db", keys=fake_keys, same=fake_same) as reg:
        reg.add(person_doc("1", ("a", "Lavrov", "Q1", 0.7)))
        assert reg.get("Q1").link_score == 0.7
        reg.add(
            person_doc("2", ("b", "Lavrov", "Q1", 0.95))
        )  # stronger evidence for the same entry
        reg.add(person_doc("3", ("c", "Lavrov", "Q1", 0.8)))
        assert reg.get("Q1").link_score == 0.95
        # a spelling linked to another entry joins by alias but does not change the evidence
        reg.add(person_doc("4", ("d", "Lavrov", "Q2", 1.0)))
        assert (reg.get("Q1").kb_id, reg.get("Q1").link_score) == ("Q1", 0.95)
        assert [e.link_score for e in reg.entities()] == [0.95]
        assert [e.link_score for e in reg.search("Lavrov")] == [0.95]


def test_an_unlinked_entity_keeps_its_best_score_until_it_is_linked(tmp_path: Path) -> None:
    with Registry(tmp_path / "r.db", keys=fake_keys, same=fake_same) as reg:
        eid = reg.add(person_doc("1", ("a", "Papandreou", None, 0.4))).entities[0].id
        reg.add(person_doc("2", ("b", "Papandreou", None, 0.5)))
        reg.add(person_doc("3", ("c", "Papandreou", None, None)))
        assert (reg.get(eid).kb_id, reg.get(eid).link_score) == (None, 0.5)
        reg.add(person_doc("4", ("d", "Papandreou", "Q9", 0.85)))  # the KB id and its evidence
        assert (reg.get(eid).kb_id, reg.get(eid).link_score) == ("Q9", 0.85)
        never = reg.add(person_doc("5", ("e", "Obama", None, None))).entities[0].id
        assert reg.get(never).link_score is None


def test_merged_document_entities_keep_the_score_of_the_kept_kb_id(tmp_path: Path) -> None:
    with Registry(tmp_path / "r.db", keys=fake_keys, same=fake_same) as reg:
        known = reg.add(person_doc("1", ("a", "Lavrov", None, None))).entities[0].id
        out = reg.add(person_doc("2", ("p", "Λαβρόφ", None, 0.3), ("q", "Lavrovs", "Q1", 0.9)))
        (merged,) = out.entities
        assert (merged.id, merged.kb_id, merged.link_score) == (known, "Q1", 0.9)
        assert (reg.get(known).kb_id, reg.get(known).link_score) == ("Q1", 0.9)
