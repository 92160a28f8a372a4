"""Hostile names round-trip through every export format.

Quotes, commas, semicolons (the Neo4j array delimiter), newlines (LF, CRLF), ``<>`` and ``&``,
backslashes, non-BMP characters and Greek with combining accents, as entity ids, names,
aliases, document ids and text.
"""

from __future__ import annotations

import io
import json
import unicodedata
from pathlib import Path

import networkx as nx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from entityx.exporters import FORMATS, export
from entityx.models import Document, Entity, Mention, SentenceSpan
from test_export_neo4j import kuzu_load, query, read_neo4j_dir

pyoxigraph = pytest.importorskip("pyoxigraph")

HOSTILE = [
    "Quote \"double\" and 'single'",
    "Comma, and; semicolon | pipe ¦ §",
    "Line\nbreak",
    "CR\r\nLF",
    "<script>alert('x')</script> & <b>",
    'back\\slash \\" \\n \\u0041',
    "Emoji 😀 and 𝔐𝔞𝔱𝔥 non-BMP",
    unicodedata.normalize("NFD", "Αθήνα Ελλάδα"),  # Greek with combining accents
    "Αθήνα Ελλάδα",  # the same name precomposed: a different string, kept apart
    " leading and trailing ",
    "tab\there",
]
LABELS = ("PERSON", "LOC", "ORG", "MISC")


def hostile_document(names: list[str], *, doc_id: str = 'doc "1", <a>;\nb') -> Document:
    """One sentence per name; each entity is named by, and has the id of, that name."""
    text, mentions, sentences, entities = "", [], [], []
    for i, name in enumerate(names):
        prefix = f"S{i}: "
        start = len(text) + len(prefix)
        text += prefix + name
        sentences.append(SentenceSpan(start=start - len(prefix), end=len(text)))
        text += " ¶ "
        label = LABELS[i % 4]
        mentions.append(
            Mention(
                text=name,
                start=start,
                end=start + len(name),
                label=label,  # type: ignore[arg-type]
                entity_id=name,
                sentence=i,
            )
        )
        entities.append(
            Entity(
                id=name,
                name=name,
                label=label,
                aliases=(name, f"{name};alias"),  # type: ignore[arg-type]
                mention_count=1,
            )
        )
    return Document(
        id=doc_id,
        text=text,
        sentences=tuple(sentences),
        mentions=tuple(mentions),
        entities=tuple(entities),
    )


def expected(doc: Document) -> dict[str, tuple[str, frozenset[str]]]:
    return {e.id: (e.name, frozenset(e.aliases)) for e in doc.entities}


def rdf_entities(data: str, fmt: str) -> dict[str, tuple[str, frozenset[str]]]:
    rdf_format = {
        "turtle": pyoxigraph.RdfFormat.TURTLE,
        "nif": pyoxigraph.RdfFormat.TURTLE,
        "ntriples": pyoxigraph.RdfFormat.N_TRIPLES,
        "jsonld": pyoxigraph.RdfFormat.JSON_LD,
    }[fmt]
    store = pyoxigraph.Store()
    store.load(data.encode("utf-8"), format=rdf_format)
    got: dict[str, tuple[str, set[str]]] = {}
    for sol in store.query(
        """PREFIX schema: <https://schema.org/>
           SELECT ?id ?name ?alt WHERE { ?e schema:identifier ?id ; schema:name ?name ;
           schema:alternateName ?alt ; a <https://entityx.example.org/vocab#Entity> }"""
    ):
        got.setdefault(sol["id"].value, (sol["name"].value, set()))[1].add(sol["alt"].value)
    if fmt == "nif":
        anchors = {
            (s["a"].value, s["id"].value)
            for s in store.query(
                """PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
                   PREFIX itsrdf: <http://www.w3.org/2005/11/its/rdf#>
                   PREFIX schema: <https://schema.org/>
                   SELECT ?a ?id WHERE { ?p nif:anchorOf ?a ; itsrdf:taIdentRef ?e .
                   ?e schema:identifier ?id }"""
            )
        }
        assert anchors == {(i, i) for i in got}
    else:
        docs = {
            s["id"].value
            for s in store.query(
                """PREFIX schema: <https://schema.org/> SELECT ?id WHERE {
                   ?d a schema:CreativeWork ; schema:identifier ?id }"""
            )
        }
        assert len(docs) == 1
    return {k: (n, frozenset(a)) for k, (n, a) in got.items()}


def round_trip(doc: Document, fmt: str, tmp_path: Path) -> dict[str, tuple[str, frozenset[str]]]:
    """Export one document and read the entities back with a real consumer."""
    if fmt == "neo4j":
        out = tmp_path / "neo4j"
        export([doc], format="neo4j", out=out)
        tables = read_neo4j_dir(out)
        assert [d["documentId"] for d in tables["documents"]] == [doc.id]
        return {e["entityId"]: (e["name"], frozenset(e["aliases"])) for e in tables["entities"]}
    buf = io.StringIO()
    export([doc], format=fmt, out=buf)  # type: ignore[arg-type]
    if fmt == "graphml":
        g = nx.read_graphml(io.BytesIO(buf.getvalue().encode("utf-8")))
        return {n: (a["name"], frozenset(json.loads(a["aliases"]))) for n, a in g.nodes(data=True)}
    return rdf_entities(buf.getvalue(), fmt)


@pytest.mark.parametrize("fmt", FORMATS)
def test_hostile_table_round_trips(fmt: str, tmp_path: Path) -> None:
    doc = hostile_document(HOSTILE)
    assert round_trip(doc, fmt, tmp_path) == expected(doc)


def test_nif_context_keeps_hostile_text_exactly() -> None:
    doc = hostile_document(HOSTILE)
    buf = io.StringIO()
    export([doc], format="nif", out=buf)
    store = pyoxigraph.Store()
    store.load(buf.getvalue().encode("utf-8"), format=pyoxigraph.RdfFormat.TURTLE)
    (sol,) = list(
        store.query(
            "SELECT ?t WHERE { ?c <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/"
            "nif-core#isString> ?t }"
        )
    )
    assert sol["t"].value == doc.text


def test_neo4j_picks_an_array_delimiter_no_alias_contains(tmp_path: Path) -> None:
    export([hostile_document(HOSTILE)], format="neo4j", out=tmp_path / "n")
    script = (tmp_path / "n" / "import.sh").read_text(encoding="utf-8")
    assert "--array-delimiter=U+2016" in script  # ; | ¦ § all occur in the hostile names
    assert "--multiline-fields=true" in script


@pytest.mark.slow
def test_hostile_names_load_into_kuzu(tmp_path: Path) -> None:
    doc = hostile_document(HOSTILE)
    export([doc], format="neo4j", out=tmp_path / "n")
    conn = kuzu_load(read_neo4j_dir(tmp_path / "n"), tmp_path / "kuzu")
    rows = query(conn, "MATCH (e:Entity) RETURN e.entityId, e.name, e.aliases")
    assert {r[0]: (r[1], frozenset(r[2])) for r in rows} == expected(doc)


names = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufffe\uffff")
    | st.sampled_from(list('",;|<>&\\\n\r\t\u0301\U0001f600ά')),
    min_size=1,
    max_size=12,
).filter(lambda s: s.strip() != "")


@pytest.mark.slow
@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(names, min_size=1, max_size=4, unique=True))
def test_hypothesis_names_round_trip(tmp_path: Path, generated: list[str]) -> None:
    doc = hostile_document(generated, doc_id=generated[0])
    for fmt in FORMATS:
        out_dir = tmp_path / fmt
        out_dir.mkdir(exist_ok=True)
        assert round_trip(doc, fmt, out_dir) == expected(doc), fmt


def test_graphml_refuses_control_characters_clearly() -> None:
    from entityx.errors import InputError

    with pytest.raises(InputError, match="control character XML cannot hold"):
        export([hostile_document(["bell\x07"])], format="graphml", out=io.StringIO())
