"""Neo4j CSV export: headers checked against the neo4j-admin import rules, and the same nodes
and relationships loaded into kuzu (an embedded Cypher database)."""

from __future__ import annotations

import csv
import re
import shlex
from pathlib import Path
from typing import Any

import pytest

from entityx.exporters import export
from entityx.exporters.neo4j import ARRAY_DELIMITER_CANDIDATES, original_value
from entityx.models import Document

FIXTURE = Path(__file__).parent / "data" / "export" / "lavrov_kim_wonsan.document.json"

# neo4j-admin database import header syntax: name:type, :ID(space), :START_ID(space), ...
_TYPES = {
    "int",
    "long",
    "float",
    "double",
    "boolean",
    "byte",
    "short",
    "char",
    "string",
    "point",
    "date",
    "localtime",
    "time",
    "localdatetime",
    "datetime",
    "duration",
}
_FIELD = re.compile(
    r"^(?P<name>[^:()]*)(?::(?P<kind>ID|START_ID|END_ID|LABEL|TYPE|IGNORE|[a-z]+)"
    r"(?P<array>\[\])?(?:\((?P<space>[^()]+)\))?)?$"
)


def check_header(header: list[str], *, node: bool) -> dict[str, Any]:
    """Validate one header line the way neo4j-admin reads it; return what it declares."""
    kinds: dict[str, list[str]] = {}
    names = []
    for field in header:
        m = _FIELD.match(field)
        assert m, f"malformed header field {field!r}"
        kind = m["kind"] or "string"
        if kind in {"ID", "START_ID", "END_ID", "LABEL", "TYPE", "IGNORE"}:
            assert not m["array"], field
            if kind in {"LABEL", "TYPE", "START_ID", "END_ID"}:
                assert m["name"] == "", f"{field}: {kind} columns are not properties"
            if m["space"] is not None:
                assert kind in {"ID", "START_ID", "END_ID"}, field
        else:
            assert kind in _TYPES, f"{field}: unknown type {kind!r}"
            assert m["space"] is None, field
            assert m["name"], f"{field}: a property needs a name"
        kinds.setdefault(kind, []).append(m["space"] or "")
        if m["name"]:
            names.append(m["name"])
    assert len(names) == len(set(names)), f"duplicate property names in {header}"
    if node:
        assert len(kinds.get("ID", [])) == 1 and not {"START_ID", "END_ID", "TYPE"} & set(kinds)
    else:
        assert all(len(kinds.get(k, [])) == 1 for k in ("START_ID", "END_ID", "TYPE"))
        assert "ID" not in kinds and "LABEL" not in kinds
    return kinds


def parse_import_sh(directory: Path) -> dict[str, Any]:
    line = (directory / "import.sh").read_text(encoding="utf-8").splitlines()[-1]
    argv = shlex.split(line.replace('"${1:-neo4j}"', "neo4j"))
    assert argv[:6] == ["exec", "neo4j-admin", "database", "import", "full", *argv[5:6]]
    opts: dict[str, Any] = {"nodes": [], "relationships": [], "multiline": False}
    for arg in argv[5:-1]:
        key, _, value = arg.partition("=")
        if key in ("--nodes", "--relationships"):
            opts[key[2:]].append(value)
        elif key == "--array-delimiter":
            opts["delim"] = chr(int(value[2:], 16)) if value.startswith("U+") else value
        elif key == "--multiline-fields":
            opts["multiline"] = value == "true"
    assert argv[-1] == "neo4j"
    return opts


def read_neo4j_dir(directory: Path) -> dict[str, list[dict[str, Any]]]:
    """Read an export directory with neo4j-admin semantics (RFC 4180, typed and array fields)."""
    opts = parse_import_sh(directory)
    assert sorted(opts["nodes"]) == ["documents.csv", "entities.csv"]
    assert sorted(opts["relationships"]) == ["cooccurs.csv", "mentions.csv"]
    delim = opts["delim"]
    assert delim in ARRAY_DELIMITER_CANDIDATES
    spaces: set[str] = set()
    tables: dict[str, list[dict[str, Any]]] = {}
    for name in [*opts["nodes"], *opts["relationships"]]:
        with (directory / name).open(encoding="utf-8", newline="") as fh:
            reader = csv.reader(fh, strict=True)
            header = next(reader)
            kinds = check_header(header, node=name in opts["nodes"])
            if name in opts["nodes"]:
                spaces.update(kinds["ID"])
            else:
                assert set(kinds["START_ID"]) | set(kinds["END_ID"]) <= spaces
            records = []
            for row in reader:
                assert len(row) == len(header), f"{name}: {row}"
                if not opts["multiline"]:
                    assert not any("\n" in v or "\r" in v for v in row)
                rec: dict[str, Any] = {}
                for field, value in zip(header, row, strict=True):
                    m = _FIELD.match(field)
                    assert m
                    key = m["name"] or f":{m['kind']}"
                    if value == "":
                        rec[key] = None
                    elif m["kind"] in {"int", "long"}:
                        rec[key] = int(value)
                    elif m["kind"] in {"float", "double"}:
                        rec[key] = float(value)
                    elif m["array"] or m["kind"] == "LABEL":
                        rec[key] = [original_value(v) for v in value.split(delim)]
                    else:
                        rec[key] = original_value(value)
                records.append(rec)
            tables[name.removesuffix(".csv")] = records
    return tables


@pytest.fixture(scope="module")
def doc() -> Document:
    return Document.model_validate_json(FIXTURE.read_text(encoding="utf-8"))


def test_headers_and_import_command(doc: Document, tmp_path: Path) -> None:
    export([doc], format="neo4j", out=tmp_path / "graph")
    tables = read_neo4j_dir(tmp_path / "graph")
    ents = {e["entityId"]: e for e in tables["entities"]}
    lavrov = ents["Sergey Lavrov"]
    assert lavrov[":LABEL"] == ["Entity", "Person"]
    assert lavrov["aliases"] == ["Σεργκέι Λαβρόφ", "Λαβρόφ", "Sergey Lavrov", "Lavrov"]
    assert lavrov["mentionCount"] == 8 and lavrov["kbId"] is None
    assert ents["Russia"]["sameAs"] == [
        "http://www.wikidata.org/entity/Q159",
        "https://sws.geonames.org/2017370/",
    ]
    assert {r[":TYPE"] for r in tables["mentions"]} == {"MENTIONS"}
    assert sum(r["count"] for r in tables["mentions"]) == len(doc.mentions)
    assert {r[":TYPE"] for r in tables["cooccurs"]} == {"CO_OCCURS_WITH"}
    assert not (tmp_path / "graph" / "import.sh").read_text().count("multiline")


@pytest.mark.slow
def test_loads_into_kuzu_and_cypher_finds_who_met_lavrov(doc: Document, tmp_path: Path) -> None:
    export([doc], format="neo4j", out=tmp_path / "graph")
    conn = kuzu_load(read_neo4j_dir(tmp_path / "graph"), tmp_path / "kuzu")
    met = query(
        conn,
        """MATCH (a:Entity {name: 'Sergey Lavrov'})-[c:CO_OCCURS_WITH]-(b:Entity)
           WHERE c.sentenceCount > 0 RETURN b.name ORDER BY b.name""",
    )
    lavrov_sentences = {m.sentence for m in doc.mentions if m.entity_id == "Sergey Lavrov"}
    expected = sorted(
        {m.entity_id for m in doc.mentions if m.sentence in lavrov_sentences} - {"Sergey Lavrov"}
    )
    assert [r[0] for r in met] == expected
    assert {"Kim Jong-un", "Vladimir Putin", "Wonsan", "Pyongyang"} <= set(expected)
    everyone = query(
        conn, "MATCH (:Entity {name: 'Sergey Lavrov'})-[:CO_OCCURS_WITH]-(b) RETURN count(b)"
    )
    assert everyone == [[len(doc.entities) - 1]]
    mentions = query(
        conn,
        """MATCH (d:Document)-[m:MENTIONS]->(e:Entity {name: 'Sergey Lavrov'})
           RETURN d.documentId, m.count, e.aliases""",
    )
    assert mentions == [
        ["lavrov_kim_wonsan", 8, ["Σεργκέι Λαβρόφ", "Λαβρόφ", "Sergey Lavrov", "Lavrov"]]
    ]


def kuzu_load(tables: dict[str, list[dict[str, Any]]], path: Path) -> Any:
    """Create the same nodes and relationships in kuzu (one table per neo4j-admin file)."""
    kuzu = pytest.importorskip("kuzu")
    conn = kuzu.Connection(kuzu.Database(str(path)))
    conn.execute(
        "CREATE NODE TABLE Entity(entityId STRING, labels STRING[], name STRING, label STRING,"
        " aliases STRING[], sameAs STRING[], kbId STRING, wikidata STRING, linkScore DOUBLE,"
        " mentionCount INT64, documentCount INT64, uri STRING, PRIMARY KEY (entityId))"
    )
    conn.execute(
        "CREATE NODE TABLE Document(documentId STRING, mentionCount INT64, entityCount INT64,"
        " uri STRING, PRIMARY KEY (documentId))"
    )
    conn.execute("CREATE REL TABLE MENTIONS(FROM Document TO Entity, count INT64)")
    conn.execute(
        "CREATE REL TABLE CO_OCCURS_WITH(FROM Entity TO Entity, sentenceCount INT64,"
        " documentCount INT64)"
    )
    for e in tables["entities"]:
        params = {k: v for k, v in e.items() if not k.startswith(":")}
        params["labels"] = e[":LABEL"]
        params["aliases"] = params["aliases"] or []
        params["sameAs"] = params["sameAs"] or []
        conn.execute(
            "CREATE (:Entity {entityId: $entityId, labels: $labels, name: $name, label: $label,"
            " aliases: $aliases, sameAs: $sameAs, kbId: $kbId, wikidata: $wikidata,"
            " linkScore: $linkScore, mentionCount: $mentionCount, documentCount: $documentCount,"
            " uri: $uri})",
            params,
        )
    for d in tables["documents"]:
        conn.execute(
            "CREATE (:Document {documentId: $documentId, mentionCount: $mentionCount,"
            " entityCount: $entityCount, uri: $uri})",
            {k: v for k, v in d.items() if not k.startswith(":")},
        )
    for r in tables["mentions"]:
        conn.execute(
            "MATCH (d:Document {documentId: $s}), (e:Entity {entityId: $t})"
            " CREATE (d)-[:MENTIONS {count: $n}]->(e)",
            {"s": r[":START_ID"], "t": r[":END_ID"], "n": r["count"]},
        )
    for r in tables["cooccurs"]:
        conn.execute(
            "MATCH (a:Entity {entityId: $s}), (b:Entity {entityId: $t})"
            " CREATE (a)-[:CO_OCCURS_WITH {sentenceCount: $sc, documentCount: $dc}]->(b)",
            {
                "s": r[":START_ID"],
                "t": r[":END_ID"],
                "sc": r["sentenceCount"],
                "dc": r["documentCount"],
            },
        )
    return conn


def query(conn: Any, cypher: str) -> list[list[Any]]:
    result = conn.execute(cypher)
    out = []
    while result.has_next():
        out.append(result.get_next())
    return out


FORMULAS = ["=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(A1)", "\tTab", "\rCR", "'quoted"]


def test_no_cell_starts_a_spreadsheet_formula(tmp_path: Path) -> None:
    from entityx.models import Entity, Mention

    text = " ".join(FORMULAS)
    mentions, entities, pos = [], [], 0
    for name in FORMULAS:
        mentions.append(
            Mention(
                text=name, start=pos, end=pos + len(name), label="ORG", entity_id=name, sentence=0
            )
        )
        entities.append(
            Entity(id=name, name=name, label="ORG", aliases=(name, "ok", name), mention_count=1)
        )
        pos += len(name) + 1
    hostile = Document(
        id='=HYPERLINK("http://evil")',
        text=text,
        sentences=({"start": 0, "end": len(text)},),  # type: ignore[arg-type]
        mentions=tuple(mentions),
        entities=tuple(entities),
    )
    export([hostile], format="neo4j", out=tmp_path / "n")
    for name in ("entities.csv", "documents.csv", "mentions.csv", "cooccurs.csv"):
        with (tmp_path / "n" / name).open(encoding="utf-8", newline="") as fh:
            for row in csv.reader(fh):
                for cell in row:
                    assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), (name, cell)
    tables = read_neo4j_dir(tmp_path / "n")  # one leading ' removed from every value
    assert {e["entityId"]: e["name"] for e in tables["entities"]} == {n: n for n in FORMULAS}
    assert {tuple(e["aliases"]) for e in tables["entities"]} == {(n, "ok") for n in FORMULAS}
    assert tables["documents"][0]["documentId"] == hostile.id
    assert {r[":END_ID"] for r in tables["mentions"]} == set(FORMULAS)


def test_wikidata_uri_property_is_canonical(doc: Document, tmp_path: Path) -> None:
    from entityx.models import Entity

    wd = "http://www.wikidata.org/entity/"
    spellings = ("https://www.wikidata.org/wiki/Q159", "wd:Q159", "https://sws.geonames.org/1/")
    entities = tuple(
        e.model_copy(update={"same_as": spellings, "kb_id": None}) if e.id == "Russia" else e
        for e in doc.entities
    )
    adams = Entity(id="adams", name="Douglas Adams", label="PERSON", kb_id="wikidata:Q42")
    changed = doc.model_copy(update={"entities": (*entities, adams)})
    export([changed], format="neo4j", out=tmp_path / "graph")
    tables = read_neo4j_dir(tmp_path / "graph")
    ents = {e["entityId"]: e for e in tables["entities"]}
    assert ents["Russia"]["wikidata"] == wd + "Q159"
    assert ents["Russia"]["sameAs"] == [wd + "Q159", "https://sws.geonames.org/1/"]
    assert ents["adams"]["wikidata"] == wd + "Q42" and ents["adams"]["kbId"] == "wikidata:Q42"
    assert ents["Sergey Lavrov"]["wikidata"] is None
    conn = kuzu_load(tables, tmp_path / "kuzu")
    found = query(conn, f"MATCH (e:Entity {{wikidata: '{wd}Q42'}}) RETURN e.name")
    assert found == [["Douglas Adams"]]


def test_link_score_is_a_double_property(doc: Document, tmp_path: Path) -> None:
    entities = tuple(
        e.model_copy(update={"link_score": 0.8788}) if e.id == "Russia" else e for e in doc.entities
    )
    export([doc.model_copy(update={"entities": entities})], format="neo4j", out=tmp_path / "g")
    header = (tmp_path / "g" / "entities.csv").read_text(encoding="utf-8").splitlines()[0]
    assert "linkScore:double" in header.split(",")
    tables = read_neo4j_dir(tmp_path / "g")
    ents = {e["entityId"]: e for e in tables["entities"]}
    assert ents["Russia"]["linkScore"] == 0.8788
    assert ents["Sergey Lavrov"]["linkScore"] is None
    conn = kuzu_load(tables, tmp_path / "kuzu")
    found = query(conn, "MATCH (e:Entity) WHERE e.linkScore > 0.5 RETURN e.name, e.wikidata")
    assert found == [["Russia", "http://www.wikidata.org/entity/Q159"]]
