"""GraphML export reads back with networkx: same nodes, attributes, edges and weights."""

from __future__ import annotations

import io
import json
from collections import Counter
from itertools import combinations
from pathlib import Path

import networkx as nx

from entityx.exporters import export
from entityx.exporters.graph import CorpusGraph
from entityx.exporters.graphml import to_networkx
from entityx.exporters.rdf import Uris
from entityx.models import Document, Entity, Mention, SentenceSpan

FIXTURE = Path(__file__).parent / "data" / "export" / "lavrov_kim_wonsan.document.json"


def test_graphml_round_trip(tmp_path: Path) -> None:
    doc = Document.model_validate_json(FIXTURE.read_text(encoding="utf-8"))
    other = doc.model_copy(update={"id": "copy"})  # a second document: weights add up
    out = tmp_path / "g.graphml"
    export([doc, other], format="graphml", out=out)
    g = nx.read_graphml(out)
    assert isinstance(g, nx.Graph) and not g.is_directed()
    assert set(g.nodes) == {e.id for e in doc.entities}
    lavrov = g.nodes["Sergey Lavrov"]
    assert lavrov["name"] == "Sergey Lavrov" and lavrov["label"] == "PERSON"
    assert json.loads(lavrov["aliases"]) == ["Σεργκέι Λαβρόφ", "Λαβρόφ", "Sergey Lavrov", "Lavrov"]
    assert lavrov["mention_count"] == 16 and lavrov["document_count"] == 2
    assert json.loads(g.nodes["Vladimir Putin"]["same_as"]) == [
        "http://www.wikidata.org/entity/Q7747"
    ]
    by_sentence: dict[int, set[str]] = {}
    for m in doc.mentions:
        by_sentence.setdefault(m.sentence, set()).add(m.entity_id)
    sentence_pairs: Counter[tuple[str, str]] = Counter()
    for ids in by_sentence.values():
        sentence_pairs.update(combinations(sorted(ids), 2))
    n = len(doc.entities)
    assert g.number_of_edges() == n * (n - 1) // 2
    for a, b, data in g.edges(data=True):
        assert data["weight"] == data["document_count"] == 2
        assert data["sentence_count"] == 2 * sentence_pairs[tuple(sorted((a, b)))]
    assert g["Sergey Lavrov"]["Kim Jong-un"]["sentence_count"] > 0


def test_control_characters_in_same_as_are_encoded_not_refused() -> None:
    doc = Document(
        id="d",
        text="Lavrov",
        sentences=(SentenceSpan(start=0, end=6),),
        mentions=(
            Mention(text="Lavrov", start=0, end=6, label="PERSON", entity_id="e", sentence=0),
        ),
        entities=(
            Entity(id="e", name="Lavrov", label="PERSON", same_as=("https://x.org/a\x07b",)),
        ),
    )
    buf = io.StringIO()
    export([doc], format="graphml", out=buf)
    g = nx.read_graphml(io.BytesIO(buf.getvalue().encode("utf-8")))
    assert json.loads(g.nodes["e"]["same_as"]) == ["https://x.org/a%07b"]


def test_wikidata_attribute_is_the_canonical_uri(tmp_path: Path) -> None:
    doc = Document.model_validate_json(FIXTURE.read_text(encoding="utf-8"))
    spelled = tuple(
        e.model_copy(update={"same_as": ("https://www.wikidata.org/entity/Q7747",)})
        if e.id == "Vladimir Putin"
        else e
        for e in doc.entities
    )
    out = tmp_path / "g.graphml"
    export([doc.model_copy(update={"entities": spelled})], format="graphml", out=out)
    text = out.read_text(encoding="utf-8")
    assert '<key id="n_wikidata" for="node" attr.name="wikidata" attr.type="string"/>' in text
    g = nx.read_graphml(out)
    assert g.nodes["Vladimir Putin"]["wikidata"] == "http://www.wikidata.org/entity/Q7747"
    assert json.loads(g.nodes["Vladimir Putin"]["same_as"]) == [
        "http://www.wikidata.org/entity/Q7747"
    ]
    assert g.nodes["Russia"]["wikidata"] == "http://www.wikidata.org/entity/Q159"
    assert g.nodes["Sergey Lavrov"].get("wikidata", "") == ""


def test_link_score_attribute_is_a_double(tmp_path: Path) -> None:
    doc = Document.model_validate_json(FIXTURE.read_text(encoding="utf-8"))
    scored = tuple(
        e.model_copy(update={"link_score": 0.8788}) if e.id == "Russia" else e for e in doc.entities
    )
    out = tmp_path / "g.graphml"
    export([doc.model_copy(update={"entities": scored})], format="graphml", out=out)
    text = out.read_text(encoding="utf-8")
    assert '<key id="n_link_score" for="node" attr.name="link_score" attr.type="double"/>' in text
    g = nx.read_graphml(out)
    assert g.nodes["Russia"]["link_score"] == 0.8788
    assert "link_score" not in g.nodes["Sergey Lavrov"]  # no score: no data element
    corpus = CorpusGraph()
    corpus.add(doc.model_copy(update={"entities": scored}))
    nxg = to_networkx(corpus, uris=Uris("https://entityx.example.org/"))
    assert nxg.nodes["Russia"]["link_score"] == 0.8788
    assert nxg.nodes["Russia"]["wikidata"] == "http://www.wikidata.org/entity/Q159"
    assert "link_score" not in nxg.nodes["Sergey Lavrov"]
