"""RDF exports (JSON-LD, Turtle, N-Triples) of a tagged corpus, serialised by rdflib.

Shape of the graph (``s:`` is https://schema.org/, ``x:`` the entityx vocabulary)::

    <base>entity/Sergey%20Lavrov  a s:Person, x:Entity ; s:name "Sergey Lavrov"@en ;
        s:alternateName "Σεργκέι Λαβρόφ"@el, "Lavrov"@en ; s:identifier "Sergey Lavrov" ;
        s:sameAs <http://www.wikidata.org/entity/Q...> ;
        owl:sameAs <http://www.wikidata.org/entity/Q...> ; x:linkScore "0.8788"^^xsd:double ;
        x:mentionCount 9 ; x:documentCount 1 .
    <base>document/D1  a s:CreativeWork ; s:identifier "D1" ; s:mentions <...entity...> ;
        x:mentionCount 44 .
    <base>document/D1/entity/Sergey%20Lavrov  a x:Mentioning ; x:document <...D1> ;
        x:entity <...entity...> ; x:count 9 .
    <base>cooccurrence/A/B  a x:CoOccurrence ; x:entity <A>, <B> ; x:sentenceCount 2 ;
        x:documentCount 1 .   and  <A> x:coOccursWith <B> . <B> x:coOccursWith <A> .

Every ``same_as`` link and the KB id is an ``s:sameAs``. A link to a Wikidata item, in any of
the spellings users and KBs write (``Q42``, ``wikidata:Q42``, ``wd:Q42``, http or https
``www.wikidata.org/entity/Q42``, the item page ``.../wiki/Q42``), becomes its concept URI
``http://www.wikidata.org/entity/Q42`` (the one Wikidata's own RDF uses), and is an
``owl:sameAs`` as well: the item and the entity are the same thing. Other links are not
``owl:sameAs``: an official website (Wikidata's P856) or an ISO code page is *about* the
entity, not the entity, and ``owl:sameAs`` would make a reasoner merge them.

``x:linkScore`` (an ``xsd:double`` in [0, 1], on an entity a KB was asked about): the share of
the disambiguation evidence that the best KB entry among those its names may refer to has (see
``Entity.link_score``); 1.0 for a name only one entry has; under 0.6 the entity is left
unlinked. It goes with the KB id: the highest score of a document that linked the entity to
it (the registry's, when one is given). No triple when the KB knew none of the names.

Documents are written in batches (a fresh rdflib Graph per batch), entities and co-occurrence
edges once at the end, so memory is bounded by the batch plus the aggregate.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from typing import IO, Literal, Protocol
from urllib.parse import quote

from rdflib import OWL, RDF, XSD, Graph, Namespace, URIRef
from rdflib import Literal as Lit
from rdflib.plugins.serializers.nt import _nt_row
from rdflib.term import Node

from ..errors import InputError
from .graph import CoOccurrence, CorpusGraph, DocumentSummary, EntityRecord, language_of
from .iri import valid_iri

__all__ = [
    "JSONLD_CONTEXT",
    "SCHEMA",
    "VOCAB",
    "WIKIDATA_ENTITY",
    "RdfFormat",
    "RdfWriter",
    "Uris",
    "entity_triples",
    "invalid_links",
    "normalise_base_uri",
    "same_as_uri",
    "same_as_uris",
    "wikidata_uri",
    "wikidata_uri_of",
]

SCHEMA = Namespace("https://schema.org/")
#: The entityx vocabulary (counts, co-occurrence); independent of the instance base URI.
VOCAB = Namespace("https://entityx.example.org/vocab#")
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
ITSRDF = Namespace("http://www.w3.org/2005/11/its/rdf#")

RdfFormat = Literal["jsonld", "turtle", "ntriples"]

CLASS_OF_LABEL = {
    "PERSON": SCHEMA.Person,
    "LOC": SCHEMA.Place,
    "ORG": SCHEMA.Organization,
    "MISC": SCHEMA.Thing,
}

_INT = {"@type": "xsd:integer"}
_REF = {"@type": "@id"}
#: The inline JSON-LD context: no remote ``@context`` is ever referenced, so loading needs no
#: network. Terms map onto schema.org and the entityx vocabulary.
JSONLD_CONTEXT: dict[str, object] = {
    "schema": str(SCHEMA),
    "x": str(VOCAB),
    "xsd": str(XSD),
    "owl": str(OWL),
    "Person": "schema:Person",
    "Place": "schema:Place",
    "Organization": "schema:Organization",
    "Thing": "schema:Thing",
    "CreativeWork": "schema:CreativeWork",
    "Entity": "x:Entity",
    "Mentioning": "x:Mentioning",
    "CoOccurrence": "x:CoOccurrence",
    "name": "schema:name",
    "alternateName": "schema:alternateName",
    "identifier": "schema:identifier",
    "sameAs": {"@id": "schema:sameAs", **_REF},
    "owl:sameAs": {"@id": "owl:sameAs", **_REF},
    "mentions": {"@id": "schema:mentions", **_REF},
    "document": {"@id": "x:document", **_REF},
    "entity": {"@id": "x:entity", **_REF},
    "coOccursWith": {"@id": "x:coOccursWith", **_REF},
    "count": {"@id": "x:count", **_INT},
    "mentionCount": {"@id": "x:mentionCount", **_INT},
    "documentCount": {"@id": "x:documentCount", **_INT},
    "sentenceCount": {"@id": "x:sentenceCount", **_INT},
    "linkScore": {"@id": "x:linkScore", "@type": "xsd:double"},
    "label": "x:label",
}

#: Wikidata's concept URIs: what every spelling of a link to an item becomes.
WIKIDATA_ENTITY = "http://www.wikidata.org/entity/"
_WIKIDATA = re.compile(r"^(?:wikidata:|wd:)?(Q[1-9][0-9]*)$")
_WIKIDATA_IRI = re.compile(
    r"^(?i:https?://(?:www\.|m\.)?wikidata\.org)/(?:entity|wiki)/(Q[1-9][0-9]*)/?$"
)
_GEONAMES = re.compile(r"^(?:geonames:|gn:)([1-9][0-9]*)$")


def normalise_base_uri(base_uri: str) -> str:
    """Check that ``base_uri`` is an absolute http(s) IRI and make it end with ``/`` or ``#``.

    Characters an IRI cannot hold are percent-encoded (:func:`~.iri.valid_iri`).
    """
    fixed = valid_iri(base_uri) if isinstance(base_uri, str) else None
    if fixed is None or not re.match(r"^https?://[^/?#]+(/[^?]*)?$", fixed) or "#" in fixed[:-1]:
        raise InputError(
            f"base_uri {base_uri!r} is not an absolute http(s) URI; "
            "pass something like 'https://data.example.org/entityx/'."
        )
    return fixed if fixed.endswith(("/", "#")) else fixed + "/"


def wikidata_uri(value: str) -> str | None:
    """The concept URI of the Wikidata item ``value`` names (``Q42``, ``wikidata:Q42``,
    ``https://www.wikidata.org/wiki/Q42``, ...), or None when it names none."""
    value = value.strip()
    m = _WIKIDATA.match(value) or _WIKIDATA_IRI.match(value)
    return WIKIDATA_ENTITY + m.group(1) if m else None


def same_as_uri(value: str) -> URIRef | None:
    """A sameAs IRI from a full IRI or a short id (``Q42``, ``wikidata:Q42``, ``geonames:123``);
    a Wikidata item in any spelling becomes its concept URI (:func:`wikidata_uri`)."""
    value = value.strip()
    if (wikidata := wikidata_uri(value)) is not None:
        return URIRef(wikidata)
    if m := _GEONAMES.match(value):
        return URIRef(f"https://sws.geonames.org/{m.group(1)}/")
    if "://" not in value:
        return None  # a plain id of the user's KB, not a link
    iri = valid_iri(value)
    return None if iri is None else URIRef(iri)


def _link_values(rec: EntityRecord) -> tuple[str, ...]:
    return (*rec.same_as, *([rec.kb_id] if rec.kb_id else []))


def invalid_links(rec: EntityRecord) -> list[str]:
    """The entity's values that are meant as IRIs (``scheme://...``) but cannot be one."""
    return [v for v in _link_values(rec) if "://" in v and same_as_uri(v) is None]


def same_as_uris(rec: EntityRecord) -> list[str]:
    """The entity's sameAs links and KB id as URIs (short ids expanded), without duplicates."""
    found: dict[str, None] = {}
    for value in _link_values(rec):
        uri = same_as_uri(value)
        if uri is not None:
            found.setdefault(str(uri), None)
    return list(found)


def wikidata_uri_of(rec: EntityRecord) -> str | None:
    """The Wikidata item of an entity: its KB id's when that is one, else its first sameAs."""
    for value in ([rec.kb_id] if rec.kb_id else []) + list(rec.same_as):
        if (uri := wikidata_uri(value)) is not None:
            return uri
    return None


def name_literal(name: str) -> Lit:
    """A name as a literal, language-tagged by script (``@el`` Greek, ``@en`` Latin)."""
    return Lit(name, lang=language_of(name))


class Uris:
    """Stable IRIs of entities, documents and edges under a base URI (ids percent-encoded)."""

    def __init__(self, base_uri: str) -> None:
        self.base = normalise_base_uri(base_uri)

    def entity(self, entity_id: str) -> URIRef:
        return URIRef(f"{self.base}entity/{quote(entity_id, safe='')}")

    def document(self, key: str) -> URIRef:
        return URIRef(f"{self.base}document/{quote(key, safe='')}")

    def mentioning(self, key: str, entity_id: str) -> URIRef:
        return URIRef(f"{self.document(key)}/entity/{quote(entity_id, safe='')}")

    def cooccurrence(self, a: str, b: str) -> URIRef:
        return URIRef(f"{self.base}cooccurrence/{quote(a, safe='')}/{quote(b, safe='')}")


class TripleSink(Protocol):
    """Where triples go: an rdflib Graph, or straight to N-Triples lines."""

    def add(self, triple: tuple[Node, Node, Node], /) -> object: ...

    def __len__(self) -> int: ...


class NTriplesSink:
    """Writes each triple as an N-Triples line at once (rdflib's own N-Triples row writer)."""

    def __init__(self, out: IO[str]) -> None:
        self.out, self.count = out, 0

    def add(self, triple: tuple[Node, Node, Node], /) -> None:
        self.out.write(_nt_row(triple))
        self.count += 1

    def __len__(self) -> int:
        return 0  # nothing buffered


def new_graph() -> Graph:
    g = Graph()
    g.bind("schema", SCHEMA, replace=True)
    g.bind("x", VOCAB)
    g.bind("xsd", XSD)
    g.bind("owl", OWL)
    g.bind("nif", NIF)
    g.bind("itsrdf", ITSRDF)
    return g


def entity_triples(g: TripleSink, rec: EntityRecord, uris: Uris) -> None:
    """Describe one merged entity."""
    e = uris.entity(rec.id)
    g.add((e, RDF.type, CLASS_OF_LABEL.get(rec.label, SCHEMA.Thing)))
    g.add((e, RDF.type, VOCAB.Entity))
    g.add((e, SCHEMA.name, name_literal(rec.name)))
    for alias in rec.aliases:
        g.add((e, SCHEMA.alternateName, name_literal(alias)))
    g.add((e, SCHEMA.identifier, Lit(rec.id)))
    g.add((e, VOCAB.label, Lit(rec.label)))
    for uri in same_as_uris(rec):
        g.add((e, SCHEMA.sameAs, URIRef(uri)))
        if wikidata_uri(uri) == uri:  # an item's concept URI, nothing longer
            g.add((e, OWL.sameAs, URIRef(uri)))
    if rec.link_score is not None:
        g.add((e, VOCAB.linkScore, Lit(rec.link_score, datatype=XSD.double)))
    g.add((e, VOCAB.mentionCount, Lit(rec.mention_count)))
    g.add((e, VOCAB.documentCount, Lit(rec.document_count)))


def document_triples(g: TripleSink, doc: DocumentSummary, uris: Uris) -> None:
    """Link a document to the entities it mentions, with counts."""
    d = uris.document(doc.key)
    g.add((d, RDF.type, SCHEMA.CreativeWork))
    g.add((d, SCHEMA.identifier, Lit(doc.key)))
    g.add((d, VOCAB.mentionCount, Lit(sum(doc.counts.values()))))
    for eid, n in doc.counts.items():
        e = uris.entity(eid)
        g.add((d, SCHEMA.mentions, e))
        link = uris.mentioning(doc.key, eid)
        g.add((link, RDF.type, VOCAB.Mentioning))
        g.add((link, VOCAB.document, d))
        g.add((link, VOCAB.entity, e))
        g.add((link, VOCAB["count"], Lit(n)))


def cooccurrence_triples(g: TripleSink, co: CoOccurrence, uris: Uris) -> None:
    """One weighted, undirected co-occurrence edge (and the plain symmetric links)."""
    a, b = uris.entity(co.source), uris.entity(co.target)
    node = uris.cooccurrence(co.source, co.target)
    g.add((node, RDF.type, VOCAB.CoOccurrence))
    g.add((node, VOCAB.entity, a))
    g.add((node, VOCAB.entity, b))
    g.add((node, VOCAB.sentenceCount, Lit(co.sentence_count)))
    g.add((node, VOCAB.documentCount, Lit(co.document_count)))
    g.add((a, VOCAB.coOccursWith, b))
    g.add((b, VOCAB.coOccursWith, a))


class RdfWriter:
    """Writes rdflib graphs batch by batch as one valid Turtle / N-Triples / JSON-LD file.

    Turtle batches each repeat their ``@prefix`` lines (legal Turtle); JSON-LD batches are
    compacted with the same inline context and spliced into a single ``@graph`` array.
    """

    def __init__(self, out: IO[str], *, format: RdfFormat) -> None:
        self.out, self.format = out, format
        self._first = True
        if format == "jsonld":
            ctx = json.dumps(JSONLD_CONTEXT, ensure_ascii=False, indent=2)
            out.write('{\n"@context": ' + ctx + ',\n"@graph": [\n')

    def new_sink(self) -> TripleSink:
        """A fresh batch: an rdflib Graph, or (N-Triples) a sink writing lines directly."""
        return NTriplesSink(self.out) if self.format == "ntriples" else new_graph()

    def write(self, g: TripleSink) -> None:
        if len(g) == 0 or not isinstance(g, Graph):
            return
        if self.format == "ntriples":
            self.out.write(g.serialize(format="nt"))
        elif self.format == "turtle":
            self.out.write(g.serialize(format="turtle"))
        else:
            data = json.loads(g.serialize(format="json-ld", context=JSONLD_CONTEXT))
            nodes = data.get("@graph", [data]) if isinstance(data, dict) else data
            for node in nodes:
                node.pop("@context", None)
                if not self._first:
                    self.out.write(",\n")
                self.out.write(json.dumps(node, ensure_ascii=False, sort_keys=True))
                self._first = False

    def close(self) -> None:
        if self.format == "jsonld":
            self.out.write("\n]\n}\n")


DocTriples = Callable[[TripleSink, DocumentSummary, Uris], None]


def write_rdf(
    documents: Iterable[DocumentSummary],
    corpus: CorpusGraph,
    *,
    writer: RdfWriter,
    uris: Uris,
    batch_size: int,
    doc_triples: DocTriples = document_triples,
    finish: Callable[[], None] | None = None,
    edges: bool = True,
) -> None:
    """Stream documents in batches, then write entities and (if ``edges``) co-occurrences."""
    new_graph = writer.new_sink
    g = new_graph()
    for n, summary in enumerate(documents, start=1):
        doc_triples(g, summary, uris)
        if n % batch_size == 0:
            writer.write(g)
            g = new_graph()
    writer.write(g)
    if finish is not None:
        finish()
    g = new_graph()
    for i, rec in enumerate(corpus.entities.values(), start=1):
        entity_triples(g, rec, uris)
        if i % (batch_size * 4) == 0:
            writer.write(g)
            g = new_graph()
    writer.write(g)
    g = new_graph()
    for i, co in enumerate(corpus.cooccurrences() if edges else (), start=1):
        cooccurrence_triples(g, co, uris)
        if i % (batch_size * 4) == 0:
            writer.write(g)
            g = new_graph()
    writer.write(g)
    writer.close()
