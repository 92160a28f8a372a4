"""Write the Wikidata fixtures of tests/test_kb_build_wikidata.py and tests/test_disambiguate.py.

``entities.json`` follows the Wikidata JSON dump format (one entity a line inside a JSON array,
each line but the last ending in ``,``; statements with mainsnak/datavalue/rank, labels and
aliases keyed by language, sitelinks keyed by site). ``sparql_results.json`` follows the SPARQL
1.1 Query Results JSON format as query.wikidata.org writes it. The QIDs of well-known items are
real; the facts are trimmed to what the tests need. Run: python tests/data/wikidata/make_fixtures.py
"""

from __future__ import annotations

import json
from pathlib import Path

HERE = Path(__file__).parent


def item_claim(prop: str, qid: str, rank: str = "normal") -> dict:
    return {
        "mainsnak": {
            "snaktype": "value",
            "property": prop,
            "datavalue": {
                "value": {"entity-type": "item", "numeric-id": int(qid[1:]), "id": qid},
                "type": "wikibase-entityid",
            },
            "datatype": "wikibase-item",
        },
        "type": "statement",
        "rank": rank,
    }


def string_claim(prop: str, value: str, datatype: str = "external-id") -> dict:
    return {
        "mainsnak": {
            "snaktype": "value",
            "property": prop,
            "datavalue": {"value": value, "type": "string"},
            "datatype": datatype,
        },
        "type": "statement",
        "rank": "normal",
    }


def entity(qid, labels, *, aliases=None, p31=(), claims=None, sitelinks=0, **extra):
    all_claims: dict[str, list] = {}
    for cls in p31:
        all_claims.setdefault("P31", []).append(item_claim("P31", cls))
    for prop, values in (claims or {}).items():
        for v in values:
            if prop in ("P1566", "P297", "P214"):
                all_claims.setdefault(prop, []).append(string_claim(prop, v))
            elif prop == "P856":
                all_claims.setdefault(prop, []).append(string_claim(prop, v, "url"))
            else:
                all_claims.setdefault(prop, []).append(item_claim(prop, v))
    sites = {
        f"site{i}wiki": {"site": f"site{i}wiki", "title": "t", "badges": []}
        for i in range(sitelinks)
    }
    out = {
        "type": "item",
        "id": qid,
        "labels": {lang: {"language": lang, "value": v} for lang, v in labels.items()},
        "descriptions": {},
        "aliases": {
            lang: [{"language": lang, "value": v} for v in vs]
            for lang, vs in (aliases or {}).items()
        },
        "claims": all_claims,
        "sitelinks": sites,
        "lastrevid": 1,
    }
    for prop, stmts in all_claims.items():
        for n, stmt in enumerate(stmts):
            stmt["id"] = f"{qid}${n:08X}-0000-4000-8000-{int(prop[1:]):012X}"  # entity$GUID
    out.update(extra)
    return out


HUMAN, COUNTRY, STATE, CITY, CAPITAL, US_STATE, PARTY = (
    "Q5",
    "Q6256",
    "Q3624078",
    "Q515",
    "Q5119",
    "Q35657",
    "Q7278",
)

ENTITIES = [
    entity(
        "Q22686",
        {"en": "Donald Trump", "el": "Ντόναλντ Τραμπ"},
        aliases={"en": ["Donald J. Trump"]},
        p31=[HUMAN],
        claims={"P27": ["Q30"], "P102": ["Q29468"], "P26": ["Q432473"]},
        sitelinks=12,
    ),
    entity(
        "Q432473",
        {"en": "Melania Trump", "el": "Μελάνια Τραμπ"},
        p31=[HUMAN],
        claims={"P27": ["Q30", "Q215"], "P26": ["Q22686"]},
        sitelinks=6,
    ),
    entity(
        "Q239411",
        {"en": "Ivanka Trump", "el": "Ιβάνκα Τραμπ"},
        p31=[HUMAN],
        claims={"P27": ["Q30"], "P22": ["Q22686"]},
        sitelinks=4,
    ),
    entity(
        "Q30",
        {"en": "United States", "el": "Ηνωμένες Πολιτείες"},
        aliases={"en": ["USA", "United States of America"], "el": ["ΗΠΑ"]},
        p31=[COUNTRY, STATE],
        claims={"P297": ["US"], "P1566": ["6252001"]},
        sitelinks=14,
    ),
    entity(
        "Q215",
        {"en": "Slovenia", "el": "Σλοβενία"},
        p31=[COUNTRY],
        claims={"P297": ["SI"], "P1566": ["3190538"]},
        sitelinks=9,
    ),
    entity(
        "Q29468",
        {"en": "Republican Party", "el": "Ρεπουμπλικανικό Κόμμα"},
        p31=[PARTY],
        claims={"P17": ["Q30"], "P856": ["https://gop.com/"]},
        sitelinks=7,
    ),
    entity(
        "Q61",
        {"en": "Washington, D.C.", "el": "Ουάσινγκτον"},
        aliases={"en": ["Washington"]},
        p31=[CAPITAL, CITY],
        claims={"P17": ["Q30"], "P1566": ["4140963"]},
        sitelinks=11,
    ),
    entity(
        "Q1223",
        {"en": "Washington", "el": "Πολιτεία της Ουάσινγκτον"},
        aliases={"el": ["Ουάσινγκτον"]},
        p31=[US_STATE],
        claims={"P17": ["Q30"], "P1566": ["5815135"]},
        sitelinks=9,
    ),
    entity(
        "Q5083",
        {"en": "Seattle", "el": "Σιάτλ"},
        p31=[CITY],
        claims={"P17": ["Q30"], "P131": ["Q1223"]},
        sitelinks=8,
    ),
    entity(
        "Q23",
        {"en": "George Washington", "el": "Τζορτζ Ουάσινγκτον"},
        p31=[HUMAN],
        claims={"P27": ["Q30"]},
        sitelinks=10,
    ),
    entity(
        "Q41",
        {"en": "Greece", "el": "Ελλάδα"},
        p31=[COUNTRY, STATE],
        claims={"P297": ["GR"], "P1566": ["390903"]},
        sitelinks=13,
    ),
    entity(
        "Q1524",
        {"en": "Athens", "el": "Αθήνα"},
        p31=[CAPITAL, CITY],
        claims={"P17": ["Q41"], "P1566": ["264371"]},
        sitelinks=12,
    ),
    entity(
        "Q203263",
        {"en": "Athens"},
        aliases={"en": ["Athens, Georgia"]},
        p31=["Q1093829"],
        claims={"P17": ["Q30"]},
        sitelinks=1,
    ),
    entity(
        "Q208473",
        {"en": "PASOK", "el": "Πανελλήνιο Σοσιαλιστικό Κίνημα"},
        aliases={"el": ["ΠΑΣΟΚ"]},
        p31=[PARTY],
        claims={"P17": ["Q41"]},
        sitelinks=5,
    ),
    entity(
        "Q1191486",
        {"en": "Centre Union", "el": "Ένωση Κέντρου"},
        p31=[PARTY],
        claims={"P17": ["Q41"]},
        sitelinks=2,
    ),
    entity(
        "Q212062",
        {"en": "Andreas Papandreou", "el": "Ανδρέας Παπανδρέου"},
        p31=[HUMAN],
        claims={"P27": ["Q41"], "P102": ["Q208473"], "P22": ["Q310916"]},
        sitelinks=6,
    ),
    entity(
        "Q220981",
        {"en": "George Papandreou", "el": "Γιώργος Παπανδρέου"},
        aliases={"el": ["Γιώργος Α. Παπανδρέου"]},
        p31=[HUMAN],
        claims={"P27": ["Q41"], "P102": ["Q208473"], "P22": ["Q212062"]},
        sitelinks=7,
    ),
    entity(
        "Q310916",
        {"en": "Georgios Papandreou", "el": "Γεώργιος Παπανδρέου"},
        aliases={"en": ["George Papandreou Sr."]},
        p31=[HUMAN],
        claims={"P27": ["Q41"], "P102": ["Q1191486"], "P40": ["Q212062"]},
        sitelinks=6,
    ),
    # Wikidata's all-languages label ("mul"), and a Cyrillic label that is not kept.
    entity(
        "Q57271",
        {"mul": "Jens Stoltenberg", "el": "Γενς Στόλτενμπεργκ", "ru": "Йенс Столтенберг"},
        p31=[HUMAN],
        claims={"P214": ["27163433"]},
        sitelinks=8,
    ),
    # Not kept: a property, a lexeme, an item of no kept class, a deprecated class statement.
    {
        "type": "property",
        "datatype": "wikibase-item",
        "id": "P31",
        "labels": {"en": {"language": "en", "value": "instance of"}},
        "claims": {},
    },
    {"type": "lexeme", "id": "L7", "lemmas": {"en": {"language": "en", "value": "cat"}}},
    entity("Q146", {"en": "house cat", "el": "γάτα"}, p31=["Q1074"], sitelinks=3),
    {
        **entity("Q999001", {"en": "Deprecated Person"}),
        "claims": {"P31": [item_claim("P31", HUMAN, "deprecated")]},
    },
    # Empty maps written as [] (how Wikibase serialises them): no name, so skipped.
    {**entity("Q999002", {}, p31=[HUMAN]), "labels": [], "aliases": [], "sitelinks": []},
]


def write_dump() -> None:
    lines = [json.dumps(e, ensure_ascii=False, separators=(",", ":")) for e in ENTITIES]
    text = "[\n" + ",\n".join(lines) + "\n]\n"
    (HERE / "entities.json").write_text(text, encoding="utf-8")


def write_hostile() -> None:
    good = entity("Q999010", {"en": "Ada Testperson", "el": "Άντα Τεστ"}, p31=[HUMAN])
    bad_label = entity("Q999011", {"en": "x"}, p31=[HUMAN])
    bad_label["labels"]["en"]["value"] = 42  # a label value that is not a string: skipped
    ctrl = entity("Q999012", {"en": "Bad\u0000Name", "el": "Καλό Όνομα"}, p31=[HUMAN])
    huge = entity("Q999013", {"en": "A" * 10_000, "el": "Μεγάλο Όνομα"}, p31=[HUMAN])
    rows: list[bytes] = [
        b"[",
        json.dumps(good, ensure_ascii=False).encode() + b",",
        b'{"type":"item","id":"Q999020","claims":"not an object"},',  # claims not a map
        b'{"type":"item","id":"Q12x","claims":{}},',  # id is not Q + digits
        b'{"type":"item","claims":{}},',  # no id
        b'{"type":"item","id":"Q999021","labels":{"en":{"language":"en","valu',  # truncated
        b"42,",  # not an object
        b'{"type":"item","id":"Q999022","labels":{"en":{"language":"en","value":"\xff\xfe"}}},',
        json.dumps(bad_label).encode() + b",",
        json.dumps(ctrl, ensure_ascii=False).encode() + b",",
        json.dumps(huge, ensure_ascii=False).encode() + b",",
        b'{"type":"item","id":"Q999023","aliases":{"en":"not a list"},'
        b'"claims":{"P31":[{"mainsnak":{"snaktype":"value","property":"P31","datavalue":'
        b'{"value":{"entity-type":"item","id":"Q5"},"type":"wikibase-entityid"}},"rank":"normal"}]}},',
        # A P31 statement with snaktype "somevalue" (no datavalue): not a kept class.
        b'{"type":"item","id":"Q999024","labels":{"en":{"language":"en","value":"Some One"}},'
        b'"claims":{"P31":[{"mainsnak":{"snaktype":"somevalue","property":"P31"},"rank":"normal"}]}},',
        json.dumps(good, ensure_ascii=False).encode(),  # the same id again
        b"]",
    ]
    (HERE / "hostile.json").write_bytes(b"\n".join(rows) + b"\n")


def lit(value: str, lang: str | None = None) -> dict:
    term = {"type": "literal", "value": value}
    if lang:
        term["xml:lang"] = lang
    return term


def uri(value: str) -> dict:
    return {"type": "uri", "value": value}


WD = "http://www.wikidata.org/entity/"
XSD_INT = "http://www.w3.org/2001/XMLSchema#integer"


def write_sparql() -> None:
    def row(qid, cls, label=None, lang=None, **more):
        b = {"item": uri(WD + qid), "class": uri(WD + cls)}
        if label is not None:
            b["label"] = lit(label, lang)
        for var, term in more.items():
            b[var] = term
        return b

    sitelinks = lambda n: {"datatype": XSD_INT, "type": "literal", "value": str(n)}  # noqa: E731
    bindings = [
        row(
            "Q212062",
            "Q5",
            "Andreas Papandreou",
            "en",
            sitelinks=sitelinks(60),
            related=uri(WD + "Q208473"),
        ),
        row(
            "Q212062",
            "Q5",
            "Ανδρέας Παπανδρέου",
            "el",
            sitelinks=sitelinks(60),
            related=uri(WD + "Q41"),
        ),
        row("Q212062", "Q5", "Ανδρέας Παπανδρέου", "el", alias=lit("Ανδρέας Γ. Παπανδρέου", "el")),
        row("Q1524", "Q515", "Athens", "en", sitelinks=sitelinks(200), geonames=lit("264371")),
        row("Q1524", "Q515", "Αθήνα", "el"),
        row("Q1524", "Q515", "Athen", "de"),  # a language not asked for
        {"item": uri(WD + "Q999030"), "class": uri(WD + "Q5"), "itemLabel": lit("Q999030", "en")},
        {
            "item": uri(WD + "Q999031"),
            "type": lit("ORG"),
            "itemLabel": lit("Example Org", "en"),
            "itemAltLabel": lit("ExOrg, Example Organisation", "en"),
            "website": uri("https://example.org/"),
        },
        {
            "item": uri(WD + "Q999032"),
            "class": uri(WD + "Q5"),
            "label": {"type": "literal", "value": 7},
        },
        {
            "item": {"type": "bnode", "value": "b0"},
            "class": uri(WD + "Q5"),
            "label": lit("Blank Node", "en"),
        },
        {
            "item": uri(WD + "Q999033"),
            "class": uri(WD + "Q5"),
            "label": lit("Bad Count", "en"),
            "sitelinks": {"datatype": XSD_INT, "type": "literal", "value": "many"},
        },
        {"class": uri(WD + "Q5"), "label": lit("No Item", "en")},
        row("Q999034", "Q146", "house cat", "en"),  # a class not in the table
        {
            "item": uri(WD + "Q999035"),
            "class": uri(WD + "Q5"),
            "label": {"type": "weird", "value": "x"},
        },
    ]
    doc = {
        "head": {
            "vars": [
                "item",
                "class",
                "label",
                "alias",
                "sitelinks",
                "geonames",
                "related",
                "type",
                "itemLabel",
                "itemAltLabel",
                "website",
            ]
        },
        "results": {"bindings": bindings},
    }
    # query.wikidata.org pretty-prints its JSON results.
    text = json.dumps(doc, ensure_ascii=False, indent=2)
    (HERE / "sparql_results.json").write_text(text + "\n", encoding="utf-8")
    cut = text.index('"Ανδρέας Γ. Παπανδρέου"')
    (HERE / "sparql_truncated.json").write_text(text[:cut], encoding="utf-8")


if __name__ == "__main__":
    write_dump()
    write_hostile()
    write_sparql()
