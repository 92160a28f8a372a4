"""GraphML of the entity co-occurrence graph, streamed (``to_networkx`` builds it in memory).

Nodes are entities (id = entity id) with attributes ``name``, ``label``, ``aliases`` and
``same_as`` (JSON arrays, as GraphML has no list type; sameAs ids expanded to URIs), ``kb_id``
(empty when unknown), ``wikidata`` (the Wikidata concept URI
``http://www.wikidata.org/entity/Q…`` from the KB id or sameAs; empty when none),
``link_score`` (a double: the evidence for the KB id, ``Entity.link_score``; no data element
when the KB knew none of the names), ``mention_count``, ``document_count`` and ``uri``.
Undirected edges join entities that occur in the same document: ``weight`` = number of
documents they share (always >= 1), ``document_count`` (the same) and ``sentence_count`` =
number of sentences they share.
Documents are not nodes: the graph stays as small as the set of entities, whatever the corpus.
"""

from __future__ import annotations

import io
import json
import re
from typing import IO
from xml.sax.saxutils import escape, quoteattr

import networkx as nx

from ..errors import InputError
from .graph import CorpusGraph, EntityRecord
from .rdf import Uris, same_as_uris, wikidata_uri_of

__all__ = ["graphml_text", "to_networkx", "write_graphml"]


def to_networkx(corpus: CorpusGraph, *, uris: Uris) -> nx.Graph:
    """The aggregated corpus as an undirected, weighted networkx graph."""
    g = nx.Graph()
    for rec in corpus.entities.values():
        _check_xml(rec)
        g.add_node(
            rec.id,
            name=rec.name,
            label=rec.label,
            aliases=json.dumps(list(rec.aliases), ensure_ascii=False),
            same_as=json.dumps(same_as_uris(rec), ensure_ascii=False),
            kb_id=rec.kb_id or "",
            wikidata=wikidata_uri_of(rec) or "",
            mention_count=rec.mention_count,
            document_count=rec.document_count,
            uri=str(uris.entity(rec.id)),
        )
        if rec.link_score is not None:
            g.nodes[rec.id]["link_score"] = rec.link_score
    for co in corpus.cooccurrences():
        g.add_edge(
            co.source,
            co.target,
            weight=co.document_count,
            document_count=co.document_count,
            sentence_count=co.sentence_count,
        )
    return g


_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _check_xml(rec: EntityRecord) -> None:
    # sameAs values are written as valid IRIs (control characters percent-encoded).
    for value in (rec.id, rec.name, *rec.aliases, rec.kb_id or ""):
        if _XML_ILLEGAL.search(value):
            raise InputError(
                f"entity {rec.id!r}: {value!r} contains a control character XML cannot hold, "
                "so it cannot be written as GraphML; use another format or clean the name."
            )


_NODE_KEYS = (
    ("name", "string"),
    ("label", "string"),
    ("aliases", "string"),
    ("same_as", "string"),
    ("kb_id", "string"),
    ("wikidata", "string"),
    ("link_score", "double"),
    ("mention_count", "long"),
    ("document_count", "long"),
    ("uri", "string"),
)
_EDGE_KEYS = (("weight", "long"), ("document_count", "long"), ("sentence_count", "long"))
# XML parsers turn a literal CR into LF, so it is written as a character reference.
_TEXT_ENTITIES = {"\r": "&#13;"}


def _data(key: str, value: object) -> str:
    return f'<data key="{key}">{escape(str(value), _TEXT_ENTITIES)}</data>'


def write_graphml(corpus: CorpusGraph, out: IO[str], *, uris: Uris) -> None:
    """Write the corpus graph as GraphML, one element at a time.

    Streams from the aggregated counts: no networkx graph and no XML tree is built, so memory
    stays at the size of the counts. Key ids are ``n_<name>`` / ``e_<name>``; readers such as
    ``networkx.read_graphml`` use the ``attr.name`` (``name``, ``weight``, ...).
    """
    out.write('<?xml version="1.0" encoding="utf-8"?>\n')
    out.write(
        '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
        'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
        'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n'
    )
    for scope, keys in (("node", _NODE_KEYS), ("edge", _EDGE_KEYS)):
        for name, kind in keys:
            out.write(
                f'  <key id="{scope[0]}_{name}" for="{scope}" attr.name="{name}" '
                f'attr.type="{kind}"/>\n'
            )
    out.write('  <graph edgedefault="undirected">\n')
    for rec in corpus.entities.values():
        _check_xml(rec)
        values = (
            rec.name,
            rec.label,
            json.dumps(list(rec.aliases), ensure_ascii=False),
            json.dumps(same_as_uris(rec), ensure_ascii=False),
            rec.kb_id or "",
            wikidata_uri_of(rec) or "",
            rec.link_score,
            rec.mention_count,
            rec.document_count,
            str(uris.entity(rec.id)),
        )
        data = "".join(
            _data(f"n_{k}", v)
            for (k, _), v in zip(_NODE_KEYS, values, strict=True)
            if v is not None  # no data element: the attribute is unknown (a missing double)
        )
        out.write(f"    <node id={quoteattr(rec.id, _TEXT_ENTITIES)}>{data}</node>\n")
    for co in corpus.cooccurrences():
        values_e = (co.document_count, co.document_count, co.sentence_count)
        data = "".join(_data(f"e_{k}", v) for (k, _), v in zip(_EDGE_KEYS, values_e, strict=True))
        out.write(
            f"    <edge source={quoteattr(co.source, _TEXT_ENTITIES)} "
            f"target={quoteattr(co.target, _TEXT_ENTITIES)}>{data}</edge>\n"
        )
    out.write("  </graph>\n</graphml>\n")


def graphml_text(corpus: CorpusGraph, *, uris: Uris) -> str:
    """The corpus graph as one GraphML string (see :func:`write_graphml`)."""
    buf = io.StringIO()
    write_graphml(corpus, buf, uris=uris)
    return buf.getvalue()
