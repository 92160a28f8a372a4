"""Write ``subclasses.json``, the P279 fixture of tests/test_kb_build_subclasses.py.

Wikidata JSON dump format, as ``entities.json`` (see make_fixtures.py): class items with
``P279`` (subclass of) statements and items typed (``P31``) by those classes. The classes of
the default table are real (Q15284 municipality, Q515 city, Q43229 organization, Q5 human);
the Q99901.. classes and the Q99902.. items are made up for the test. Run:
python tests/data/wikidata/make_subclass_fixture.py
"""

from __future__ import annotations

import json
from pathlib import Path

from make_fixtures import entity, item_claim

HERE = Path(__file__).parent
MUNICIPALITY, CITY, ORGANIZATION, HUMAN = "Q15284", "Q515", "Q43229", "Q5"


def klass(qid: str, name: str, *parents: str, deprecated: tuple[str, ...] = ()) -> dict:
    """A class item: P279 statements to ``parents`` (and deprecated ones to ``deprecated``)."""
    out = entity(qid, {"en": name}, claims={"P279": list(parents)})
    for parent in deprecated:
        out["claims"].setdefault("P279", []).append(item_claim("P279", parent, "deprecated"))
    return out


CLASSES = [
    klass("Q9990101", "municipality of Greece", MUNICIPALITY),  # 1 step below
    klass("Q9990102", "municipal unit of Greece", "Q9990101"),  # 2 steps
    klass("Q9990103", "local community of Greece", "Q9990102"),  # 3 steps
    klass("Q9990104", "settlement of a local community", "Q9990103"),  # 4 steps
    klass("Q9990105", "trade union federation", "Q9990106"),  # a cycle 105 <-> 106 ...
    klass("Q9990106", "trade union", "Q9990105", ORGANIZATION),  # ... below organization
    klass("Q9990107", "city cooperative", ORGANIZATION, CITY),  # a tie: 1 step below both
    klass("Q9990108", "fictional person", deprecated=(HUMAN,)),  # only a deprecated P279
    klass("Q9990109", "free city", "Q9990106", CITY),  # 1 step below city, 2 below organization
]

ITEMS = [
    entity("Q9990201", {"en": "Marousi", "el": "Μαρούσι"}, p31=["Q9990101"], sitelinks=3),
    entity("Q9990202", {"en": "Kifisia Unit", "el": "Κηφισιά"}, p31=["Q9990102"]),
    entity("Q9990203", {"en": "Nea Erythraia", "el": "Νέα Ερυθραία"}, p31=["Q9990103"]),
    entity("Q9990204", {"en": "Ano Kifisia", "el": "Άνω Κηφισιά"}, p31=["Q9990104"]),
    entity("Q9990205", {"en": "ADEDY Federation", "el": "ΑΔΕΔΥ"}, p31=["Q9990105"]),
    entity("Q9990206", {"en": "Coop City", "el": "Κοοπ Σίτι"}, p31=["Q9990107"]),
    entity("Q9990207", {"en": "Sherlock Holmes", "el": "Σέρλοκ Χολμς"}, p31=["Q9990108"]),
    entity("Q9990209", {"en": "Hanseatic Lubeck", "el": "Λούμπεκ"}, p31=["Q9990109"]),
    entity("Q9990210", {"en": "Eleni Testou", "el": "Ελένη Τέστου"}, p31=[HUMAN]),  # direct
]

# Hostile lines that mention P279: the class pass skips them, the record pass reports them.
HOSTILE = [
    b'{"type":"item","id":"Q9990301","claims":{"P279":[{"mainsnak":{"snaktype":"val',
    b'{"type":"item","id":"Q9990302","claims":{"P279":"not a list"}}',
    b'{"type":"item","id":"Q9990303","claims":{"P279":[{"mainsnak":{"snaktype":"somevalue",'
    b'"property":"P279"},"rank":"normal"}]}}',
    b'{"type":"item","id":"Q9990304","claims":{"P279":[{"mainsnak":{"snaktype":"value",'
    b'"property":"P279","datavalue":{"value":{"entity-type":"property","id":"P31"},'
    b'"type":"wikibase-entityid"}},"rank":"normal"}]}}',
]


def write() -> None:
    lines = [
        json.dumps(e, ensure_ascii=False, separators=(",", ":")).encode()
        for e in (*CLASSES, *ITEMS)
    ]
    lines[3:3] = HOSTILE
    text = b"[\n" + b",\n".join(lines) + b"\n]\n"
    (HERE / "subclasses.json").write_bytes(text)


if __name__ == "__main__":
    write()
