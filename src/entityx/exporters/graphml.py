"""GraphML of the entity co-occurrence graph, written by networkx.

Nodes are entities (id = entity id) with attributes ``name``, ``label``, ``aliases`` and
``same_as`` (JSON arrays, as GraphML has no list type; sameAs ids expanded to URIs), ``kb_id``
(empty when unknown),
``mention_count``, ``document_count`` and ``uri``. Undirected edges join entities that occur
in the same document: ``weight`` = number of documents they share (always >= 1),
``document_count`` (the same) and ``sentence_count`` = number of sentences they share.
Documents are not nodes: the graph stays as small as the set of entities, whatever the corpus.
"""

from __future__ import annotations

import io
import json
import re

import networkx as nx

from ..errors import InputError
from .graph import CorpusGraph, EntityRecord
from .rdf import Uris, same_as_uris

__all__ = ["graphml_text", "to_networkx"]


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
            mention_count=rec.mention_count,
            document_count=rec.document_count,
            uri=str(uris.entity(rec.id)),
        )
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
    for value in (rec.id, rec.name, *rec.aliases, *rec.same_as, rec.kb_id or ""):
        if _XML_ILLEGAL.search(value):
            raise InputError(
                f"entity {rec.id!r}: {value!r} contains a control character XML cannot hold, "
                "so it cannot be written as GraphML; use another format or clean the name."
            )


def graphml_text(corpus: CorpusGraph, *, uris: Uris) -> str:
    """The corpus graph as a GraphML document (networkx's writer, UTF-8 declaration)."""
    buf = io.BytesIO()
    graph = to_networkx(corpus, uris=uris)
    nx.write_graphml(graph, buf, encoding="utf-8", prettyprint=True, named_key_ids=True)
    # XML parsers turn a literal CR into LF; ElementTree leaves CR in text unescaped. Only
    # data can contain CR (pretty-printing uses LF), so escaping every CR is safe.
    return buf.getvalue().decode("utf-8").replace("\r", "&#13;")
