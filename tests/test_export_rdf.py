"""RDF exports of the reference article, loaded by real consumers (pyoxigraph and rdflib)."""

from __future__ import annotations

import io
import json
import socket
from collections import Counter
from itertools import combinations
from pathlib import Path

import pytest

from entityx.exporters import export
from entityx.models import Document

pyoxigraph = pytest.importorskip("pyoxigraph")

FIXTURE = Path(__file__).parent / "data" / "export" / "lavrov_kim_wonsan.document.json"
RDF_FORMATS = {
    "turtle": pyoxigraph.RdfFormat.TURTLE,
    "ntriples": pyoxigraph.RdfFormat.N_TRIPLES,
    "jsonld": pyoxigraph.RdfFormat.JSON_LD,
    "nif": pyoxigraph.RdfFormat.TURTLE,
}
PREFIXES = """
PREFIX schema: <https://schema.org/>
PREFIX x: <https://entityx.example.org/vocab#>
PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
PREFIX itsrdf: <http://www.w3.org/2005/11/its/rdf#>
"""


@pytest.fixture(scope="module")
def doc() -> Document:
    return Document.model_validate_json(FIXTURE.read_text(encoding="utf-8"))


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Exports and loads must work offline (the JSON-LD @context is inline)."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)


def load(doc: Document, fmt: str, tmp_path: Path) -> pyoxigraph.Store:
    out = tmp_path / f"out.{fmt}"
    export([doc], format=fmt, out=out)  # type: ignore[arg-type]
    store = pyoxigraph.Store()
    store.load(path=str(out), format=RDF_FORMATS[fmt])
    return store


def rows(store: pyoxigraph.Store, query: str) -> list[tuple[object, ...]]:
    result = store.query(PREFIXES + query)
    return [tuple(_py(v) for v in solution) for solution in result]


def _py(term: object) -> object:
    if isinstance(term, pyoxigraph.Literal):
        return (term.value, term.language) if term.language else term.value
    if isinstance(term, pyoxigraph.NamedNode):
        return term.value
    return term


NAMES_QUERY = """
SELECT ?type ?name ?alt WHERE {
  ?e a ?type ; schema:name ?name ; schema:alternateName ?alt .
  VALUES ?type { schema:Person schema:Place schema:Organization }
}"""


@pytest.mark.parametrize("fmt", list(RDF_FORMATS))
def test_sparql_people_places_orgs_with_greek_and_latin_names(
    doc: Document, fmt: str, tmp_path: Path
) -> None:
    store = load(doc, fmt, tmp_path)
    found: dict[tuple[str, str], set[tuple[str, str]]] = {}
    for typ, name, alt in rows(store, NAMES_QUERY):
        found.setdefault((str(typ).rsplit("/", 1)[-1], name[0]), set()).add(alt)  # type: ignore[index]
    person, place, org = "Person", "Place", "Organization"
    assert {("Σεργκέι Λαβρόφ", "el"), ("Λαβρόφ", "el"), ("Lavrov", "en")} <= found[
        (person, "Sergey Lavrov")
    ]
    assert ("Κιμ Γιονγκ Ουν", "el") in found[(person, "Kim Jong-un")]
    assert ("Kim Jong-un", "en") in found[(person, "Kim Jong-un")]
    assert ("Βόρεια Κορέα", "el") in found[(place, "North Korea")]
    assert ("North Korea", "en") in found[(place, "North Korea")]
    assert ("Πιονγκγιάνγκ", "el") in found[(place, "Pyongyang")]
    assert ("Ενωσης των Κρατών της Νοτιοανατολικής Ασίας", "el") in found[(org, "ASEAN")]
    assert ("TASS", "en") in found[(org, "TASS")]
    expected = {(e.label, e.name) for e in doc.entities if e.label != "MISC"}
    label_of = {person: "PERSON", place: "LOC", org: "ORG"}
    assert {(label_of[t], n) for t, n in found} == expected
    for (_, name), alts in found.items():
        ent = next(e for e in doc.entities if e.name == name)
        assert {a for a, _ in alts} == set(ent.aliases)


@pytest.mark.parametrize("fmt", ["turtle", "ntriples", "jsonld"])
def test_documents_mentions_counts_sameas_and_cooccurrence(
    doc: Document, fmt: str, tmp_path: Path
) -> None:
    store = load(doc, fmt, tmp_path)
    counts = dict(
        rows(
            store,
            """SELECT ?id ?n WHERE { ?d a schema:CreativeWork ; schema:mentions ?e .
               ?m x:document ?d ; x:entity ?e ; x:count ?n . ?e schema:identifier ?id }""",
        )
    )
    assert counts == {k: str(v) for k, v in Counter(m.entity_id for m in doc.mentions).items()}
    same = {
        v
        for (v,) in rows(store, 'SELECT ?s WHERE { ?e schema:name "Russia"@en ; schema:sameAs ?s }')
    }
    assert same == {"http://www.wikidata.org/entity/Q159", "https://sws.geonames.org/2017370/"}
    # Co-occurrence edges: recount independently from the Document.
    by_sentence: dict[int, set[str]] = {}
    for m in doc.mentions:
        by_sentence.setdefault(m.sentence, set()).add(m.entity_id)
    expected: Counter[tuple[str, str]] = Counter()
    for ids in by_sentence.values():
        expected.update(combinations(sorted(ids), 2))
    got = rows(
        store,
        """SELECT ?a ?b ?s ?d WHERE { ?c a x:CoOccurrence ; x:entity ?ea, ?eb ;
             x:sentenceCount ?s ; x:documentCount ?d .
             ?ea schema:identifier ?a . ?eb schema:identifier ?b . FILTER(?a < ?b) }""",
    )
    n = len(doc.entities)
    assert len(got) == n * (n - 1) // 2  # one document: every pair co-occurs in it
    assert {(a, b): int(s) for a, b, s, _ in got if int(s)} == dict(expected)  # type: ignore[call-overload]
    assert {d for *_, d in got} == {"1"}
    met = {
        v
        for (v,) in rows(
            store,
            """SELECT ?n WHERE { ?l schema:name "Sergey Lavrov"@en ; x:coOccursWith ?o .
               ?o schema:name ?n . ?c x:entity ?l, ?o ; x:sentenceCount ?s FILTER(?s > 0) }""",
        )
    }
    assert {("Kim Jong-un", "en"), ("Vladimir Putin", "en"), ("Wonsan", "en")} <= met


def test_nif_mentions(doc: Document, tmp_path: Path) -> None:
    store = load(doc, "nif", tmp_path)
    got = rows(
        store,
        """SELECT ?b ?e ?a ?id ?text WHERE { ?p a nif:Phrase ; nif:beginIndex ?b ;
             nif:endIndex ?e ; nif:anchorOf ?a ; itsrdf:taIdentRef ?ent ;
             nif:referenceContext ?c . ?c a nif:Context ; nif:isString ?text .
             ?ent schema:identifier ?id }""",
    )
    assert sorted((int(b), int(e), a, i) for b, e, a, i, _ in got) == sorted(  # type: ignore[call-overload]
        (m.start, m.end, m.text, m.entity_id) for m in doc.mentions
    )
    assert {t for *_, t in got} == {doc.text}
    assert all(doc.text[int(b) : int(e)] == a for b, e, a, *_ in got)  # type: ignore[call-overload,index]


def test_jsonld_is_one_document_with_inline_context(doc: Document) -> None:
    buf = io.StringIO()
    export([doc], format="jsonld", out=buf)
    data = json.loads(buf.getvalue())
    assert isinstance(data["@context"], dict)  # inline, never a URL to fetch
    assert not any(
        isinstance(v, str) and v.startswith("http") and k == "@context"
        for k, v in data["@context"].items()
    )
    assert len(data["@graph"]) > len(doc.entities)


def test_rdflib_reads_every_format_to_the_same_graph(doc: Document, tmp_path: Path) -> None:
    from rdflib import Graph
    from rdflib.compare import isomorphic

    graphs = {}
    for fmt, parser in [("turtle", "turtle"), ("ntriples", "nt"), ("jsonld", "json-ld")]:
        out = tmp_path / f"g.{fmt}"
        export([doc], format=fmt, out=out)  # type: ignore[arg-type]
        graphs[fmt] = Graph().parse(out, format=parser)
    assert len(graphs["turtle"]) > 500
    assert isomorphic(graphs["turtle"], graphs["ntriples"])
    assert isomorphic(graphs["turtle"], graphs["jsonld"])


def test_base_uri_is_configurable(doc: Document) -> None:
    buf = io.StringIO()
    export([doc], format="ntriples", out=buf, base_uri="https://kg.example.com/news")
    assert "<https://kg.example.com/news/entity/Sergey%20Lavrov>" in buf.getvalue()
    assert "entityx.example.org/entity" not in buf.getvalue()


HOSTILE_LINKS = (
    "https://example.org/50%off",  # a '%' that starts no escape
    'http://example.org/a b<c>"d"{e}|f^g`h\\i',  # characters an IRI cannot hold
    "https://例え.jp/パス?q=ü#frag#ment",  # non-ASCII is fine; a second '#' is not
    "http://example.org/\ufffe\x07",  # a noncharacter and a control character
    "HTTPS://[::1]:8080/x",
    "http://example.org:80x/",  # a port that is not a number: cannot be repaired
    "http://[not-ipv6]/",  # a bad IP literal: cannot be repaired
)


def hostile_links_doc(doc: Document) -> Document:
    entities = tuple(
        e.model_copy(update={"same_as": HOSTILE_LINKS}) if e.id == "Sergey Lavrov" else e
        for e in doc.entities
    )
    return doc.model_copy(update={"entities": entities})


@pytest.mark.parametrize("fmt", list(RDF_FORMATS))
def test_every_iri_written_is_valid(doc: Document, fmt: str, tmp_path: Path) -> None:
    out = tmp_path / f"out.{fmt}"
    result = export([hostile_links_doc(doc)], format=fmt, out=out)  # type: ignore[arg-type]
    assert result.dropped_links == 2
    store = pyoxigraph.Store()
    store.load(path=str(out), format=RDF_FORMATS[fmt])  # strict: one bad IRI fails the file
    same_as = {
        r[0]
        for r in rows(
            store, "SELECT ?s WHERE { ?e schema:identifier 'Sergey Lavrov' ; schema:sameAs ?s }"
        )
    }
    assert same_as == {
        "https://example.org/50%25off",
        "http://example.org/a%20b%3Cc%3E%22d%22%7Be%7D%7Cf%5Eg%60h%5Ci",
        "https://例え.jp/パス?q=ü#frag%23ment",
        "http://example.org/%EF%BF%BE%07",
        "https://[::1]:8080/x",
    }
    for (iri,) in rows(store, "SELECT DISTINCT ?s WHERE { ?s ?p ?o FILTER(isIRI(?s)) }"):
        pyoxigraph.NamedNode(str(iri))


def test_base_uri_is_made_a_valid_iri(doc: Document) -> None:
    buf = io.StringIO()
    export([doc], format="ntriples", out=buf, base_uri="https://data.example.org/50%off kg")
    assert "<https://data.example.org/50%25off%20kg/entity/Sergey%20Lavrov>" in buf.getvalue()
    pyoxigraph.Store().load(buf.getvalue().encode(), format=pyoxigraph.RdfFormat.N_TRIPLES)


def test_nif_refuses_a_fragment_base(doc: Document) -> None:
    from entityx.errors import InputError

    with pytest.raises(InputError, match="NIF puts the offsets"):
        export([doc], format="nif", out=io.StringIO(), base_uri="https://data.example.org/kg#")
    buf = io.StringIO()  # the other formats take it
    export([doc], format="turtle", out=buf, base_uri="https://data.example.org/kg#")
    pyoxigraph.Store().load(buf.getvalue().encode(), format=pyoxigraph.RdfFormat.TURTLE)


# --- Wikidata items: one canonical URI, schema:sameAs and owl:sameAs -----------------------------
WD = "http://www.wikidata.org/entity/"


@pytest.mark.parametrize(
    "value",
    [
        "Q123",
        " Q123 ",
        "wikidata:Q123",
        "wd:Q123",
        "http://www.wikidata.org/entity/Q123",
        "https://www.wikidata.org/entity/Q123",
        "https://wikidata.org/entity/Q123",
        "HTTPS://WWW.WIKIDATA.ORG/entity/Q123",
        "https://www.wikidata.org/wiki/Q123",
    ],
)
def test_wikidata_spellings_become_the_concept_uri(value: str) -> None:
    from entityx.exporters.rdf import same_as_uri, wikidata_uri

    assert wikidata_uri(value) == WD + "Q123"
    assert str(same_as_uri(value)) == WD + "Q123"


@pytest.mark.parametrize(
    "value",
    [
        "https://www.wikidata.org/entity/P31",  # a property, not an item
        "https://www.wikidata.org/entity/Q123/x",
        "https://www.wikidata.org/entity/Q123#frag",
        "https://notwikidata.org/entity/Q123",
        "https://www.wikidata.org/entity/q123",
        "Q0123",
    ],
)
def test_what_is_not_a_wikidata_item_is_not_rewritten(value: str) -> None:
    from entityx.exporters.rdf import same_as_uri, wikidata_uri

    assert wikidata_uri(value) is None
    uri = same_as_uri(value)
    assert uri is None if "://" not in value else str(uri) == value


def wikidata_doc() -> Document:
    from entityx.models import Entity, Mention, SentenceSpan

    text = "Douglas Adams and Lavrov."
    spellings = ("https://www.wikidata.org/entity/Q42", "wikidata:Q42", "https://douglasadams.com/")
    return Document(
        id="wd",
        text=text,
        sentences=(SentenceSpan(start=0, end=len(text)),),
        mentions=(
            Mention(
                text="Douglas Adams", start=0, end=13, label="PERSON", entity_id="Q42", sentence=0
            ),
            Mention(
                text="Lavrov", start=18, end=24, label="PERSON", entity_id="lavrov", sentence=0
            ),
        ),
        entities=(
            Entity(id="Q42", name="Douglas Adams", label="PERSON", kb_id="Q42", same_as=spellings),
            Entity(id="lavrov", name="Lavrov", label="PERSON", same_as=("https://x.org/lavrov",)),
        ),
    )


OWL_QUERY = """PREFIX owl: <http://www.w3.org/2002/07/owl#>
SELECT ?id ?s WHERE { ?e schema:identifier ?id ; owl:sameAs ?s }"""


@pytest.mark.parametrize("fmt", ["turtle", "ntriples", "jsonld", "nif"])
def test_owl_same_as_for_wikidata_items_only(doc: Document, fmt: str, tmp_path: Path) -> None:
    store = load(wikidata_doc(), fmt, tmp_path)
    assert rows(store, OWL_QUERY) == [("Q42", WD + "Q42")]  # not the website, not Lavrov's link
    schema = {
        v
        for (v,) in rows(store, "SELECT ?s WHERE { ?e schema:identifier 'Q42' ; schema:sameAs ?s }")
    }
    assert schema == {WD + "Q42", "https://douglasadams.com/"}  # three spellings, one URI
    # The reference article: every Wikidata link of the KB is an owl:sameAs, GeoNames is not.
    store = load(doc, fmt, tmp_path)
    owl = set(rows(store, OWL_QUERY))
    expected = {(e.id, s) for e in doc.entities for s in e.same_as if s.startswith(WD)} | {
        (e.id, WD + e.kb_id) for e in doc.entities if e.kb_id and e.kb_id.startswith("Q")
    }
    assert owl == expected and ("Russia", WD + "Q159") in owl


def test_jsonld_context_maps_owl_same_as_to_iris() -> None:
    from entityx.exporters.rdf import JSONLD_CONTEXT

    assert JSONLD_CONTEXT["owl"] == "http://www.w3.org/2002/07/owl#"
    assert JSONLD_CONTEXT["owl:sameAs"] == {"@id": "owl:sameAs", "@type": "@id"}
    buf = io.StringIO()
    export([wikidata_doc()], format="jsonld", out=buf)
    node = next(n for n in json.loads(buf.getvalue())["@graph"] if n.get("identifier") == "Q42")
    assert node["owl:sameAs"] == WD + "Q42"  # compacted to a plain IRI string
    assert sorted(node["sameAs"]) == [WD + "Q42", "https://douglasadams.com/"]
