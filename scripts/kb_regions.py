"""Regions other packages name, the evidence that types a Wiktionary proper noun as a place.

Wiktionary's proper nouns carry no type (see :mod:`kb_sources`); a noun is a region when a
package that lists regions names it:

- pycountry (iso-codes): the first-level ISO 3166-2 subdivisions, by their name
  (``Scotland``, ``Vermont``) and by iso-codes' Greek translation of it (``Σικελία`` for
  ``Sicilia``, IT-82);
- rigour (Wikidata): its territories that are not countries (``Kashmir``, ``Flanders``), by
  their name and strong alternative names (not the weak ones: Italy's hold ``Sicilian``).

A region named in Greek by iso-codes, or listed by rigour with an ISO 3166-2 code, keeps the
id iso-codes states (``iso3166-2:IT-82``). A match of an English gloss to a subdivision's
name alone is weaker: local subdivision names repeat common words and given names (Cameroon's
``West``, Tanzania's ``Mara``, Slovenia's ``Tabor`` for Mount Tabor), so such a match gets the
curated id (:func:`kb_merge.curated_id`) and counts only for a name that is neither a word
nor a person's name (:func:`kb_sources` checks). Names that are not geography (rigour lists
the United Nations, cyberspace) never type anything.
"""

from __future__ import annotations

import gettext
import json
from dataclasses import dataclass, field
from importlib import resources

import pycountry
from kb_clean import clean_name, dedupe_key, has_greek_letters, parenthetical

__all__ = ["Region", "RegionNames", "region_names"]

# rigour territories that are not places a text locates something in.
_NOT_PLACES = frozenset(["Global", "Cyberspace", "United Nations", "European Union"])


@dataclass(frozen=True)
class Region:
    id: str | None  # None: no package states one (the curated id is used)
    name: str  # the English name the package gives
    strong: bool = True  # named by Greek translation or by rigour, not by a local name alone


@dataclass
class RegionNames:
    """Regions by the dedupe key of their English names and of their Greek names."""

    english: dict[str, Region] = field(default_factory=dict)
    greek: dict[str, Region] = field(default_factory=dict)

    def add(self, region: Region, names: list[str]) -> None:
        for raw in names:
            name = clean_name(parenthetical(raw)[0]) if raw else None
            if name is None:
                continue
            table = self.greek if has_greek_letters(name) else self.english
            key = dedupe_key(name)
            known = table.get(key)
            if known is None or (region.strong and not known.strong):
                table[key] = region
            elif known.id != region.id and not known.strong:
                # two local subdivisions share the name (Maryland: US and Liberia)
                table[key] = Region(None, known.name, strong=False)

    def find(self, head: str, english: list[str]) -> Region | None:
        """The region a Greek headword or its first English gloss names, if any.

        Only the first gloss counts: later ones are other senses or old names."""
        return self.greek.get(dedupe_key(head)) or (
            self.english.get(dedupe_key(english[0])) if english else None
        )


def region_names() -> RegionNames:
    out = RegionNames()
    el = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["el"])
    en = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["en"])
    for sub in sorted(pycountry.subdivisions, key=lambda s: s.code):
        if sub.parent_code is not None:
            continue  # a county or district of a region: too many homonyms of villages
        english = en.gettext(sub.name)
        out.add(Region(None, english, strong=False), [english])
        greek = el.gettext(sub.name)
        if greek != sub.name:
            out.add(Region(f"iso3166-2:{sub.code}", english), [greek])
    text = resources.files("rigour.data.territories").joinpath("data.jsonl").read_text("utf-8")
    for line in text.splitlines():
        row = json.loads(line)
        if row.get("is_country") or row.get("is_historical") or row["name"] in _NOT_PLACES:
            continue
        code = str(row.get("code", "")).upper()
        known = pycountry.subdivisions.get(code=code) if "-" in code else None
        region = Region(f"iso3166-2:{code}" if known else None, row["name"])
        out.add(region, [row["name"], row.get("full_name", ""), *row.get("names_strong", [])])
    return out
