"""``Entity.link_score`` in every export: RDF/JSON-LD ``x:linkScore``, Neo4j ``linkScore``,
GraphML ``link_score``; merged over a corpus as the registry merges it (it goes with the KB id)."""

from __future__ import annotations

import io
import json
from dataclasses import dataclass
from pathlib import Path

import networkx as nx
import pytest

from entityx.exporters import export
from entityx.exporters.graph import CorpusGraph, EntityRecord
from entityx.models import Document, Entity, Mention, SentenceSpan

pyoxigraph = pytest.importorskip("pyoxigraph")

XSD_DOUBLE = "http://www.w3.org/2001/XMLSchema#double"
SCORE_QUERY = """PREFIX x: <https://entityx.example.org/vocab#>
PREFIX schema: <https://schema.org/>
SELECT ?id ?score WHERE { ?e schema:identifier ?id ; x:linkScore ?score }"""


def trump_doc(doc_id: str, entity_id: str, kb_id: str | None, score: float | None) -> Document:
    text = "Τραμπ και Σλοβενία."
    return Document(
        id=doc_id,
        text=text,
        sentences=(SentenceSpan(start=0, end=len(text)),),
        mentions=(
            Mention(text="Τραμπ", start=0, end=5, label="PERSON", entity_id=entity_id, sentence=0),
            Mention(text="Σλοβενία", start=10, end=18, label="LOC", entity_id="Q215", sentence=0),
        ),
        entities=(
            Entity(id=entity_id, name="Trump", label="PERSON", kb_id=kb_id, link_score=score),
            Entity(id="Q215", name="Slovenia", label="LOC", kb_id="Q215"),  # no score: no link
        ),
    )


def _record(*entities: Entity) -> EntityRecord:
    rec = EntityRecord(entities[0].id, entities[0].name, entities[0].label)
    for ent in entities:
        rec.merge(ent)
    return rec


def test_the_score_goes_with_the_kb_id() -> None:
    linked = Entity(id="t", name="T", label="PERSON", kb_id="Q432473", link_score=0.88)
    unlinked = Entity(id="t", name="T", label="PERSON", link_score=0.95)
    higher = linked.model_copy(update={"link_score": 0.93})
    assert _record(linked, higher).link_score == 0.93  # the highest for one KB id
    assert _record(unlinked, linked).link_score == 0.88  # the link's, not a higher unlinked one
    assert _record(linked, unlinked).link_score == 0.88
    other = Entity(id="t", name="T", label="PERSON", kb_id="Q22686", link_score=0.99)
    assert _record(linked, other).link_score == 0.88  # the kept KB id's
    low = Entity(id="t", name="T", label="PERSON", link_score=0.41)
    assert _record(low, unlinked).link_score == 0.95  # unlinked: the highest seen
    assert _record(Entity(id="t", name="T", label="PERSON")).link_score is None


@dataclass(frozen=True)
class Described:
    """A registry's description; ``link_score`` is optional on older registries."""

    name: str
    label: str
    aliases: tuple[str, ...] = ()
    kb_id: str | None = None
    same_as: tuple[str, ...] = ()
    link_score: float | None = None


@dataclass(frozen=True)
class Older:
    name: str
    label: str
    aliases: tuple[str, ...] = ()
    kb_id: str | None = None
    same_as: tuple[str, ...] = ()


def test_a_registry_score_wins_and_an_older_registry_keeps_the_documents() -> None:
    corpus = CorpusGraph()
    corpus.add(trump_doc("a", "Q432473", "Q432473", 0.88))
    described = Described("Melania Trump", "PERSON", kb_id="Q432473", link_score=0.7)
    corpus.apply_registry({"Q432473": described})
    assert corpus.entities["Q432473"].link_score == 0.7
    corpus.apply_registry({"Q432473": Older("Melania Trump", "PERSON", kb_id="Q432473")})
    assert corpus.entities["Q432473"].link_score == 0.7
    corpus.apply_registry({"Q432473": Older("Donald Trump", "PERSON", kb_id="Q22686")})
    assert corpus.entities["Q432473"].link_score is None  # another KB id: its score is unknown


@pytest.mark.parametrize(
    ("fmt", "rdf_format"),
    [("turtle", "TURTLE"), ("ntriples", "N_TRIPLES"), ("jsonld", "JSON_LD"), ("nif", "TURTLE")],
)
def test_rdf_link_score_is_an_xsd_double(fmt: str, rdf_format: str) -> None:
    buf = io.StringIO()
    docs = [trump_doc("a", "Q432473", "Q432473", 0.8788), trump_doc("b", "Q432473", "Q432473", 0.9)]
    export(docs, format=fmt, out=buf)  # type: ignore[arg-type]
    store = pyoxigraph.Store()
    store.load(buf.getvalue().encode(), format=getattr(pyoxigraph.RdfFormat, rdf_format))
    found = [(s["id"].value, s["score"]) for s in store.query(SCORE_QUERY)]
    assert len(found) == 1  # Slovenia has no score
    entity_id, score = found[0]
    assert entity_id == "Q432473" and score.datatype.value == XSD_DOUBLE
    assert float(score.value) == 0.9


def test_jsonld_context_types_link_score() -> None:
    from entityx.exporters.rdf import JSONLD_CONTEXT

    assert JSONLD_CONTEXT["linkScore"] == {"@id": "x:linkScore", "@type": "xsd:double"}
    buf = io.StringIO()
    export([trump_doc("a", "Q432473", "Q432473", 0.8788)], format="jsonld", out=buf)
    nodes = {n.get("identifier"): n for n in json.loads(buf.getvalue())["@graph"]}
    assert float(nodes["Q432473"]["linkScore"]) == 0.8788
    assert "linkScore" not in nodes["Q215"]


def test_unlinked_entity_keeps_its_score_without_a_kb_id() -> None:
    buf = io.StringIO()
    export([trump_doc("a", "trump", None, 0.5714)], format="graphml", out=buf)
    g = nx.read_graphml(io.BytesIO(buf.getvalue().encode("utf-8")))
    assert g.nodes["trump"]["link_score"] == pytest.approx(0.5714)
    assert g.nodes["trump"]["kb_id"] == "" and g.nodes["trump"].get("wikidata", "") == ""


def test_a_real_registry_carries_the_score_into_the_export(tmp_path: Path) -> None:
    from entityx.registry import Registry

    path = tmp_path / "reg.sqlite"
    with Registry(path) as reg:
        resolved = reg.add(trump_doc("a", "Q432473", "Q432473", 0.8788))
    assert any(e.link_score == 0.8788 for e in resolved.entities)
    stripped = resolved.model_copy(
        update={
            "entities": tuple(e.model_copy(update={"link_score": None}) for e in resolved.entities)
        }
    )
    buf = io.StringIO()
    export([stripped], format="ntriples", out=buf, registry=path)
    scored = [line for line in buf.getvalue().splitlines() if "linkScore" in line]
    assert len(scored) == 1 and '"0.8788"^^<' + XSD_DOUBLE + ">" in scored[0]
