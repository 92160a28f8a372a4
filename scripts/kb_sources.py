"""The non-place sources of the knowledge base: Wiktionary proper nouns, CLDR languages and
the hand-curated supplement.

Wiktionary's Greek proper nouns (FreeDict ell-eng) carry no type. A noun whose English gloss
or Greek headword already names a place becomes a Greek alias of that place (``Δουβλίνο`` →
Dublin). The others are kept only when their words say what they are: an organisation
(``Διεθνές Νομισματικό Ταμείο`` → International Monetary Fund: *Fund*) or a geographic
feature (``Μαύρη Θάλασσα`` → Black Sea: *Sea*, *Θάλασσα*). Mythology, people and works stay
out: a bare proper noun does not say which it is.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from pathlib import Path

import pycountry
from babel import Locale
from kb_clean import clean_name, gloss_names, has_greek_letters, strip_article
from kb_merge import Builder, curated_id
from kb_read import DictEntry

__all__ = ["SUPPLEMENT", "add_freedict", "add_languages", "add_supplement", "classify"]

SUPPLEMENT = Path(__file__).resolve().parent / "kb_supplement.jsonl"
# Curated and dictionary entries rank below any city (priority is a city's population) unless
# the supplement says otherwise: a name that is both a town and an organisation is the town.
CURATED_PRIORITY, DICTIONARY_PRIORITY, LANGUAGE_PRIORITY = 1e5, 1.0, 0.5

_ORG_WORDS = re.compile(
    r"\b(?:Nations|Union|Organi[sz]ation|Fund|Bank|Party|Council|Committee|Commission|"
    r"Agency|Church|Army|Navy|University|Academy|Association|League|Alliance|Company|"
    r"Corporation|Institute|Ministry|Parliament|Court|Assembly|Office|Service|Police|"
    r"Society|Club|Front|Movement|Order|Patriarchate|Senate|Congress)\b"
)
_LOC_WORDS = re.compile(
    r"\b(?:Sea|Ocean|River|Lake|Mountains?|Mount|Islands?|Peninsula|Gulf|Bay|Strait|"
    r"Channel|Valley|Desert|Canal|Cape|Isthmus|Region|Province|Prefecture|Square|Avenue|"
    r"Street|Plain|Plateau|Coast)\b"
    r"|(?:^|\s)(?:Θάλασσα|Ωκεανός|Ποταμός|Λίμνη|Όρος|Όρη|Νήσος|Νήσοι|Νησιά|Χερσόνησος|Κόλπος|"
    r"Πορθμός|Στενά|Διώρυγα|Ακρωτήριο|Έρημος|Κοιλάδα|Πλατεία|Οδός|Λεωφόρος|Πεδιάδα)(?:\s|$)"
)


def classify(headword: str, english: str) -> str | None:
    """ORG, LOC or None (unknown) for an unmatched Wiktionary proper noun."""
    if _ORG_WORDS.search(english):
        return "ORG"
    if _LOC_WORDS.search(english) or _LOC_WORDS.search(headword):
        return "LOC"
    return None


def add_freedict(builder: Builder, entries: Iterable[DictEntry]) -> None:
    for entry in entries:
        if entry.pos not in ("pn", None):
            continue
        head = clean_name(strip_article(entry.headword))
        english = [n for gloss in entry.glosses for n in gloss_names(gloss)]
        if head is None or not has_greek_letters(head) or not english:
            continue
        if entry.pos is None and not (head[:1].isupper() and len(head.split()) > 1):
            continue  # an untagged entry counts only as a multi-word capitalised name
        places = builder.find("LOC", english[0]) or builder.find("LOC", head)
        if places:
            builder.attach(places[0], [head], "wiktionary")
            continue
        label = classify(head, english[0])
        if label is None:
            continue
        known = builder.find(label, head) or builder.find(label, english[0])
        if known:
            builder.attach(known[0], [head, *english], "wiktionary")
            continue
        new = {
            "id": curated_id(english[0], label),
            "name": english[0],
            "label": label,
            "aliases": [head, *english[1:]],
            "same_as": [],
            "priority": DICTIONARY_PRIORITY,
        }
        if not builder.add(new, "wiktionary"):
            builder.attach(new["id"], new["aliases"], "wiktionary")


def add_languages(builder: Builder) -> None:
    """CLDR language names (ISO 639-1 codes), MISC: ``Ελληνικά`` / Greek."""
    el, en = Locale("el").languages, Locale("en").languages
    for code in sorted(c for c in en if len(c) == 2 and c in el):
        new = {
            "id": f"iso639-1:{code}",
            "name": en[code],
            "label": "MISC",
            "aliases": [el[code]],
            "same_as": [],
            "priority": LANGUAGE_PRIORITY,
        }
        if clean_name(en[code]) is not None:
            builder.add(new, "cldr")


def _supplement_id(row: dict, where: str) -> str:
    """``iso3166-2:GR-B`` where the row names a code pycountry knows, else the curated id."""
    code = row.get("iso3166_2")
    if code is None:
        return curated_id(row["name"], row["label"])
    if pycountry.subdivisions.get(code=code) is None:
        raise SystemExit(f"{where}: {code!r} is not an ISO 3166-2 code pycountry knows")
    return f"iso3166-2:{code}"


def add_supplement(builder: Builder, path: Path = SUPPLEMENT) -> None:
    """The hand-curated entries; one may instead ``extend`` a packaged entry with aliases."""
    for lineno, line in enumerate(path.read_text("utf-8").splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        row = json.loads(line)
        where = f"{path.name}:{lineno}"
        if "extends" in row:
            target = builder.find(row["label"], row["extends"])
            if not target:
                raise SystemExit(f"{where}: no {row['label']} entry named {row['extends']!r}")
            builder.attach(target[0], row["aliases"], "supplement")
            continue
        new = {
            "id": _supplement_id(row, where),
            "name": row["name"],
            "label": row["label"],
            "aliases": row.get("aliases", []),
            "same_as": [],
            "priority": float(row.get("priority", CURATED_PRIORITY)),
        }
        if new["id"] in builder.entries:
            raise SystemExit(f"{where}: {new['id']} is curated twice")
        if not builder.add(new, "supplement"):
            raise SystemExit(f"{where}: {row['name']!r} is not a usable name")
