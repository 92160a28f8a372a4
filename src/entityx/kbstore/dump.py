"""Wikidata entities (the JSON dump format) into :class:`KBRecord`.

The dump (``latest-all.json.gz`` / ``.bz2``) is one JSON array with one entity a line, each
line ending in ``,``; extracts made with other tools often drop the array and the commas (one
entity a line). Both are read. An entity is kept when one of its ``P31`` (instance of) values
is a class of :data:`DEFAULT_CLASSES` (or the user's table). Only direct ``P31`` values are
looked at here; the builder's ``subclasses`` setting first widens the table with the classes'
``P279`` subclasses found in the dump (:mod:`.classes`). Deprecated statements are ignored, and
preferred ones decide before normal ones.

Wikidata writes an empty map as ``[]`` (``"labels": []``); that is accepted as empty.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from ..errors import InputError
from ..labels import entity_label
from ..text.greek import has_greek, has_latin
from ..text.romanize import romanize
from .record import KBRecord, clean_name

__all__ = [
    "DEFAULT_CLASSES",
    "DEFAULT_LANGUAGES",
    "IDENTIFIERS",
    "RELATED_PROPERTIES",
    "WIKIDATA_ENTITY",
    "EntityError",
    "class_label",
    "display_name",
    "entity_record",
    "item_values",
    "keep_name",
    "parse_classes",
]

# The concept URI, as Wikidata's RDF, its SPARQL service and entityx's exporters write it.
WIKIDATA_ENTITY = "http://www.wikidata.org/entity/"

# Labels and aliases in these languages are kept; "mul" is Wikidata's label for all languages
# (used for most people's names since 2024).
DEFAULT_LANGUAGES = ("el", "en", "mul")

_PERSON = ("Q5",)  # human
_ORG = (
    "Q43229", "Q4830453", "Q783794", "Q891723", "Q6881511", "Q7278", "Q7210356", "Q2659904",
    "Q327333", "Q484652", "Q245065", "Q163740", "Q15911314", "Q3918", "Q2385804", "Q31855",
    "Q11032", "Q192283", "Q1331793", "Q1616075", "Q14350", "Q476028", "Q847017", "Q4438121",
    "Q46970", "Q17149090", "Q1530022", "Q33506", "Q1785733", "Q7188",
)  # fmt: skip
_LOC = (
    "Q6256", "Q3624078", "Q7275", "Q515", "Q1549591", "Q5119", "Q1637706", "Q200250",
    "Q486972", "Q3957", "Q532", "Q15284", "Q1093829", "Q35657", "Q107390", "Q10864048",
    "Q34876", "Q28575", "Q82794", "Q1620908", "Q5107", "Q23442", "Q8502", "Q4022", "Q23397",
    "Q165", "Q9430", "Q123705", "Q2983893", "Q46831", "Q1048835", "Q3336843",
)  # fmt: skip

DEFAULT_CLASSES: Mapping[str, str] = {
    **{q: "PERSON" for q in _PERSON},
    **{q: "ORG" for q in _ORG},
    **{q: "LOC" for q in _LOC},
}
"""P31 class → label. People: Q5 human. Organisations: organization, business, company,
public company, enterprise, political party, political organization, government organization,
government agency, international and intergovernmental organization, nonprofit, association,
university, educational institution, research institute, newspaper, news agency, media company,
television and radio station, football and sports clubs, sports organization, airline, armed
organization, religious organization, museum, political coalition, government. Places:
country, sovereign state, country (historical sense Q7275), city, big city, capital, city with
millions, metropolis, human settlement, town, village, municipality, city of the United States,
US state, federated state, first-level administrative division, province, county, region,
historical region, continent, island, mountain, river, lake, sea, ocean, neighbourhood,
quarter, mountain range, political territorial entity, administrative territorial entity."""

# Claims whose item values are an entry's neighbours, for disambiguation in context.
RELATED_PROPERTIES = (
    "P17", "P27", "P131", "P102", "P39", "P463", "P108", "P159", "P36", "P1376", "P26",
    "P22", "P25", "P40", "P3373", "P69", "P54", "P6", "P35", "P488", "P749", "P127",
)  # fmt: skip
"""country, country of citizenship, located in, party, position held, member of, employer,
headquarters, capital, capital of, spouse, father, mother, child, sibling, educated at, sports
team, head of government, head of state, chairperson, parent organization, owned by."""

# Identifier claims kept as same_as URIs: property → URI prefix (None: the value is a URI).
IDENTIFIERS: Mapping[str, str | None] = {
    "P1566": "https://sws.geonames.org/{}/",
    "P297": "https://www.iso.org/obp/ui/#iso:code:3166:{}",  # as the bundled gazetteer
    "P214": "https://viaf.org/viaf/{}",
    "P856": None,
}


class EntityError(ValueError):
    """A malformed entity; the message is the reason written to the errors file."""


def parse_classes(spec: str | None) -> dict[str, str]:
    """``Q5=PERSON,Q515=LOC`` replaces the default table; a leading ``+`` adds to it.

    Labels are read strictly (:func:`~entityx.labels.entity_label`: ``PER``, ``GPE``, ... are
    taken for what they map onto; anything else is an error).
    """
    if spec is None or not spec.strip():
        return dict(DEFAULT_CLASSES)
    add = spec.startswith("+")
    table = dict(DEFAULT_CLASSES) if add else {}
    for part in spec.lstrip("+").split(","):
        qid, sep, label = part.strip().partition("=")
        if not sep or not qid.startswith("Q") or not qid[1:].isdigit():
            raise ValueError(f"--classes: {part.strip()!r} is not QID=LABEL (e.g. Q5=PERSON)")
        table[qid] = class_label(qid, label)
    return table


def class_label(qid: str, label: object) -> str:
    """The entityx label of a class table's entry, strictly; ``ValueError`` naming the class."""
    try:
        return entity_label(label)
    except InputError as exc:
        raise ValueError(f"--classes: {qid}={label}: {exc}") from exc


def entity_record(
    entity: object,
    *,
    classes: Mapping[str, str],
    languages: Sequence[str] = DEFAULT_LANGUAGES,
) -> KBRecord | None:
    """The record of one Wikidata entity, or None when it is not an item of a kept class.

    Raises :class:`EntityError` for a structurally malformed entity.
    """
    if not isinstance(entity, dict):
        raise EntityError("an entity must be a JSON object")
    qid = entity.get("id")
    if not isinstance(qid, str) or not qid:
        raise EntityError("missing or non-string 'id'")
    if entity.get("type", "item") != "item":
        return None  # properties, lexemes, media-info: not places, people or organisations
    if not (qid[:1] == "Q" and qid[1:].isdigit()):
        raise EntityError(f"item id {qid!r} is not Q followed by digits")
    claims = _mapping(entity, "claims")
    label = _label_of(claims, classes)
    if label is None:
        return None
    names = _names(entity, languages)
    if not names:
        return None
    sitelinks = _mapping(entity, "sitelinks")
    return KBRecord(
        id=qid,
        name=display_name(names, languages),
        label=label,
        aliases=tuple(dict.fromkeys(n for _, n in names)),
        same_as=(WIKIDATA_ENTITY + qid, *_identifiers(claims)),
        priority=float(len(sitelinks)),
        related=tuple(dict.fromkeys(item_values(claims, RELATED_PROPERTIES))),
    )


def _mapping(obj: Mapping[str, Any], key: str) -> Mapping[str, Any]:
    value = obj.get(key)
    if value is None or value == []:
        return {}
    if not isinstance(value, dict):
        raise EntityError(f"'{key}' must be an object, not {type(value).__name__}")
    return value


def _statements(claims: Mapping[str, Any], prop: str) -> list[Mapping[str, Any]]:
    """The property's usable statements, preferred rank first."""
    stmts = claims.get(prop) or []
    if not isinstance(stmts, list):
        raise EntityError(f"claims.{prop} must be a list")
    usable = [s for s in stmts if isinstance(s, dict) and s.get("rank") != "deprecated"]
    return sorted(usable, key=lambda s: s.get("rank") != "preferred")


def _value(statement: Mapping[str, Any]) -> object:
    snak = statement.get("mainsnak")
    if not isinstance(snak, dict) or snak.get("snaktype", "value") != "value":
        return None  # "somevalue"/"novalue" snaks carry no datavalue
    datavalue = snak.get("datavalue")
    return datavalue.get("value") if isinstance(datavalue, dict) else None


def item_values(claims: Mapping[str, Any], props: Iterable[str]) -> Iterable[str]:
    """The item ids the usable statements of ``props`` point at, best rank first."""
    for prop in props:
        for stmt in _statements(claims, prop):
            value = _value(stmt)
            if isinstance(value, dict) and isinstance(value.get("id"), str):
                yield value["id"]
            elif isinstance(value, dict) and isinstance(value.get("numeric-id"), int):
                yield f"Q{value['numeric-id']}"  # older dumps carry only numeric-id


def _label_of(claims: Mapping[str, Any], classes: Mapping[str, str]) -> str | None:
    for qid in item_values(claims, ("P31",)):
        if qid in classes:
            return classes[qid]
    return None


def _identifiers(claims: Mapping[str, Any]) -> Iterable[str]:
    for prop, template in IDENTIFIERS.items():
        for stmt in _statements(claims, prop):
            value = clean_name(_value(stmt))
            if value is None or " " in value:
                continue
            if template is None:
                if value.startswith(("http://", "https://")):
                    yield value
            else:
                yield template.format(value)
            break  # the best-ranked value of each identifier


def _names(entity: Mapping[str, Any], languages: Sequence[str]) -> list[tuple[str, str]]:
    """(language, name) for the labels, then the aliases, of the kept languages."""
    labels, aliases = _mapping(entity, "labels"), _mapping(entity, "aliases")
    out: list[tuple[str, str]] = []
    for lang in languages:
        term = labels.get(lang)
        if term is not None:
            if not isinstance(term, dict):
                raise EntityError(f"labels.{lang} must be an object")
            keep_name(out, lang, term.get("value"))
    for lang in languages:
        terms = aliases.get(lang) or []
        if not isinstance(terms, list):
            raise EntityError(f"aliases.{lang} must be a list")
        for term in terms:
            if not isinstance(term, dict):
                raise EntityError(f"aliases.{lang} must hold objects")
            keep_name(out, lang, term.get("value"))
    return out


def keep_name(out: list[tuple[str, str]], lang: str, value: object) -> None:
    name = clean_name(value)
    # Only Greek or Latin names: a tagger of Greek and English text never finds the others.
    if name is not None and (has_greek(name) or has_latin(name)):
        out.append((lang, name))


def display_name(names: list[tuple[str, str]], languages: Sequence[str]) -> str:
    """English, else the all-languages label, else any Latin label, else romanised Greek."""
    for preferred in ("en", "mul", *languages):
        for lang, name in names:
            if lang == preferred and has_latin(name) and not has_greek(name):
                return name
    return romanize(names[0][1]) or names[0][1]
