"""Property: every export format, fed hostile generated Documents, is read back by its standard
parser with the same entity ids, names and aliases, and every IRI in it valid.

Hostile means control characters, quotes, ``<>&``, backslashes, CR/LF/U+2028/U+0085, emoji
and combining marks, in entity ids, names, aliases, document ids, text and sameAs links. Two
things cannot be written as they are: a lone surrogate (no UTF-8 form) becomes U+FFFD, one for
one, in every format (as ``model_dump_json`` writes it), and GraphML refuses the control
characters XML 1.0 cannot hold with an :class:`InputError`.
"""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from entityx.errors import InputError
from entityx.exporters import FORMATS, export
from entityx.exporters.neo4j import original_value
from entityx.models import Document, Entity, Mention, SentenceSpan
from test_export_neo4j import parse_import_sh

pyoxigraph = pytest.importorskip("pyoxigraph")
rdflib = pytest.importorskip("rdflib")

LABELS = ("PERSON", "LOC", "ORG", "MISC")
HOSTILE_CHARS = list("\"'<>&\\;,|¦§\n\r\t\x00\x07\x1b\x7f\x85\u2028\u2029\ufeff\u0301😀ά=+-@%#")
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
SCHEMA = "https://schema.org/"
ENTITY_CLASS = "https://entityx.example.org/vocab#Entity"

strings = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",)) | st.sampled_from(HOSTILE_CHARS),
    min_size=1,
    max_size=10,
)
links = st.one_of(
    st.builds(lambda s: "https://example.org/" + s, strings),
    st.builds(lambda s: "http://" + s, strings),
    strings,
)

Expected = dict[str, tuple[str, frozenset[str]]]


@st.composite
def documents(draw: st.DrawFn) -> Document:
    """A Document of 1-4 entities, one sentence each, with hostile ids, names and links."""
    names = draw(st.lists(strings, min_size=1, max_size=4, unique=True))
    ids = draw(st.lists(strings, min_size=len(names), max_size=len(names), unique=True))
    text, mentions, sentences, entities = "", [], [], []
    for i, (eid, name) in enumerate(zip(ids, names, strict=True)):
        start = len(text) + 1
        text += " " + name
        sentences.append(SentenceSpan(start=start - 1, end=len(text)))
        text += draw(strings)
        label = LABELS[i % len(LABELS)]
        mentions.append(
            Mention(
                text=name,
                start=start,
                end=start + len(name),
                label=label,
                entity_id=eid,
                sentence=i,
            )
        )
        aliases = (name, *draw(st.lists(strings, max_size=2)))
        same_as = tuple(draw(st.lists(links, max_size=2)))
        entities.append(
            Entity(
                id=eid, name=name, label=label, aliases=aliases, mention_count=1, same_as=same_as
            )
        )
    return Document(
        id=draw(strings),
        text=text,
        sentences=tuple(sentences),
        mentions=tuple(mentions),
        entities=tuple(entities),
    )


def expected(doc: Document) -> Expected:
    return {e.id: (e.name, frozenset(e.aliases)) for e in doc.entities}


def _rdf_entities(store: pyoxigraph.Store) -> Expected:
    got: dict[str, tuple[str, set[str]]] = {}
    for sol in store.query(
        f"""SELECT ?id ?name ?alt WHERE {{ ?e a <{ENTITY_CLASS}> ; <{SCHEMA}identifier> ?id ;
            <{SCHEMA}name> ?name ; <{SCHEMA}alternateName> ?alt }}"""
    ):
        got.setdefault(sol["id"].value, (sol["name"].value, set()))[1].add(sol["alt"].value)
    return {k: (n, frozenset(a)) for k, (n, a) in got.items()}


def read_rdf(data: str, fmt: str) -> Expected:
    """pyoxigraph (strict: one invalid IRI fails the file), and rdflib for Turtle/N-Triples."""
    kind = {
        "turtle": pyoxigraph.RdfFormat.TURTLE,
        "nif": pyoxigraph.RdfFormat.TURTLE,
        "ntriples": pyoxigraph.RdfFormat.N_TRIPLES,
        "jsonld": pyoxigraph.RdfFormat.JSON_LD,
    }[fmt]
    store = pyoxigraph.Store()
    store.load(data.encode("utf-8"), format=kind)
    for quad in store:
        for term in (quad.subject, quad.object):
            if isinstance(term, pyoxigraph.NamedNode):
                pyoxigraph.NamedNode(term.value)  # re-validates the IRI on its own
    if fmt in ("turtle", "ntriples", "nif"):
        g = rdflib.Graph().parse(data=data, format="nt" if fmt == "ntriples" else "turtle")
        assert len(g) == len(store)
    return _rdf_entities(store)


def read_neo4j(directory: Path) -> Expected:
    """Plain ``csv`` (RFC 4180) with the array delimiter import.sh names."""
    delim = parse_import_sh(directory)["delim"]
    with (directory / "entities.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, strict=True))
    for name in ("documents.csv", "mentions.csv", "cooccurs.csv"):
        with (directory / name).open(encoding="utf-8", newline="") as fh:
            header, *body = list(csv.reader(fh, strict=True))
            assert all(len(row) == len(header) for row in body), name
    return {
        original_value(r["entityId:ID(Entity)"]): (
            original_value(r["name"]),
            frozenset(original_value(a) for a in r["aliases:string[]"].split(delim)),
        )
        for r in rows
    }


def read_graphml(data: str) -> Expected:
    """networkx's GraphML reader, checked against a plain XML parse."""
    g = nx.read_graphml(io.BytesIO(data.encode("utf-8")))
    root = ET.fromstring(data.encode("utf-8"))
    ns = "{http://graphml.graphdrawing.org/xmlns}"
    assert {n.get("id") for n in root.iter(f"{ns}node")} == set(g.nodes)
    return {n: (a["name"], frozenset(json.loads(a["aliases"]))) for n, a in g.nodes(data=True)}


def round_trip(doc: Document, fmt: str, tmp_path: Path) -> Expected:
    if fmt == "neo4j":
        export([doc], format="neo4j", out=tmp_path / "neo4j")
        return read_neo4j(tmp_path / "neo4j")
    buf = io.StringIO()
    export([doc], format=fmt, out=buf)  # type: ignore[arg-type]
    return read_graphml(buf.getvalue()) if fmt == "graphml" else read_rdf(buf.getvalue(), fmt)


def _xml_cannot_hold(doc: Document) -> bool:
    values = [v for e in doc.entities for v in (e.id, e.name, *e.aliases)]
    return any(_XML_ILLEGAL.search(v) for v in values)


@pytest.mark.slow
@pytest.mark.parametrize("fmt", FORMATS)
@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(doc=documents())
def test_every_format_round_trips_hostile_documents(
    fmt: str, doc: Document, tmp_path_factory: pytest.TempPathFactory
) -> None:
    tmp_path = tmp_path_factory.mktemp(fmt)
    if fmt == "graphml" and _xml_cannot_hold(doc):
        with pytest.raises(InputError, match="control character XML cannot hold"):
            round_trip(doc, fmt, tmp_path)
        return
    assert round_trip(doc, fmt, tmp_path) == expected(doc)


@pytest.mark.parametrize("fmt", FORMATS)
def test_one_hostile_document_round_trips(fmt: str, tmp_path: Path) -> None:
    """The fast, fixed counterpart of the property above (every hostile character at once)."""
    names = ["".join(HOSTILE_CHARS[:12]), "\u2028line\u0085sep\r\n", "😀 ά =1+2", "'@x"]
    ids = ["id " + n for n in names]
    text, mentions, entities = "", [], []
    for i, (eid, name) in enumerate(zip(ids, names, strict=True)):
        mentions.append(
            Mention(
                text=name,
                start=len(text),
                end=len(text) + len(name),
                label=LABELS[i],
                entity_id=eid,
                sentence=0,
            )
        )
        entities.append(
            Entity(
                id=eid,
                name=name,
                label=LABELS[i],
                aliases=(name, name + "<&>"),
                same_as=("https://example.org/50%off " + name, "http://x:y/"),
            )
        )
        text += name + " "
    doc = Document(
        id="doc <\"'&>\n1",
        text=text,
        sentences=(SentenceSpan(start=0, end=len(text)),),
        mentions=tuple(mentions),
        entities=tuple(entities),
    )
    assert round_trip(doc, fmt, tmp_path) == expected(doc)


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_lone_surrogate_is_replaced_alike_by_every_format(fmt: str, tmp_path: Path) -> None:
    doc = Document(
        id="d",
        text="Lavrov",
        sentences=(SentenceSpan(start=0, end=6),),
        mentions=(
            Mention(text="Lavrov", start=0, end=6, label="PERSON", entity_id="e", sentence=0),
        ),
        entities=(Entity(id="e", name="Lavrov", label="PERSON", aliases=("Lav\udc80",)),),
    )
    assert round_trip(doc, fmt, tmp_path) == {"e": ("Lavrov", frozenset({"Lav\ufffd", "Lavrov"}))}


@settings(max_examples=500, deadline=None)
@given(
    st.sampled_from(["http://", "https://", "urn:", "x:", "http://u@", "http://[::1]", "HTTP://"]),
    st.text(max_size=30),
)
def test_valid_iri_is_valid_or_refused(prefix: str, rest: str) -> None:
    from entityx.exporters.iri import valid_iri

    iri = valid_iri(prefix + rest)
    if iri is not None:
        pyoxigraph.NamedNode(iri)  # raises ValueError for an invalid IRI
        assert valid_iri(iri) == iri  # repairing twice changes nothing
