"""Mention-level NIF 2.0 (Turtle): the format entity-linking benchmarks (GERBIL) consume.

Per document::

    <base>document/D1#char=0,3057  a nif:Context, nif:String, nif:RFC5147String ;
        nif:isString "..." ; nif:beginIndex 0 ; nif:endIndex 3057 .
    <base>document/D1#char=60,74  a nif:Phrase, nif:String, nif:RFC5147String ;
        nif:referenceContext <...#char=0,3057> ; nif:anchorOf "Σεργκέι Λαβρόφ" ;
        nif:beginIndex 60 ; nif:endIndex 74 ; nif:sentence <...#char=0,260> ;
        itsrdf:taIdentRef <base>entity/Sergey%20Lavrov ; itsrdf:taClassRef schema:Person .

Offsets count Unicode code points (Python string indices), like entityx's own models.
Sentences become ``nif:Sentence`` strings. Without the text (a corpus tagged with
``--no-text``) the context is ``<doc>#context`` and has no ``nif:isString``. The entities
themselves (names, aliases, sameAs) are described as in the RDF export.
"""

from __future__ import annotations

from rdflib import RDF, XSD, URIRef
from rdflib import Literal as Lit

from .graph import DocumentSummary
from .rdf import CLASS_OF_LABEL, ITSRDF, NIF, SCHEMA, TripleSink, Uris

__all__ = ["ITSRDF", "NIF", "nif_document_triples"]


def _index(n: int) -> Lit:
    return Lit(n, datatype=XSD.nonNegativeInteger)


def _string(g: TripleSink, node: URIRef, context: URIRef | None, start: int, end: int) -> None:
    g.add((node, RDF.type, NIF.String))
    g.add((node, RDF.type, NIF.RFC5147String))
    if context is not None:
        g.add((node, NIF.referenceContext, context))
    g.add((node, NIF.beginIndex, _index(start)))
    g.add((node, NIF.endIndex, _index(end)))


def nif_document_triples(g: TripleSink, summary: DocumentSummary, uris: Uris) -> None:
    """Write one document's NIF context, sentences and mentions into ``g``."""
    doc = summary.document
    base = str(uris.document(summary.key))
    text = doc.text
    if text is not None:
        ctx = URIRef(f"{base}#char=0,{len(text)}")
        g.add((ctx, NIF.isString, Lit(text)))
        _string(g, ctx, None, 0, len(text))
    else:
        ctx = URIRef(f"{base}#context")
        g.add((ctx, NIF.beginIndex, _index(0)))
    g.add((ctx, RDF.type, NIF.Context))
    g.add((ctx, NIF.sourceUrl, uris.document(summary.key)))
    sentences: list[URIRef] = []
    for span in doc.sentences:
        node = URIRef(f"{base}#char={span.start},{span.end}")
        _string(g, node, ctx, span.start, span.end)
        g.add((node, RDF.type, NIF.Sentence))
        if text is not None:
            g.add((node, NIF.anchorOf, Lit(text[span.start : span.end])))
        sentences.append(node)
    for m in doc.mentions:
        node = URIRef(f"{base}#char={m.start},{m.end}")
        _string(g, node, ctx, m.start, m.end)
        g.add((node, RDF.type, NIF.Phrase))
        g.add((node, NIF.anchorOf, Lit(m.text)))
        g.add((node, ITSRDF.taIdentRef, uris.entity(m.entity_id)))
        g.add((node, ITSRDF.taClassRef, CLASS_OF_LABEL.get(m.label, SCHEMA.Thing)))
        if m.sentence < len(sentences):
            g.add((node, NIF.sentence, sentences[m.sentence]))
