"""Places' own-language names (endonyms) from CLDR through babel: København, Wien, Österreich.

A time-zone exemplar city's name and a territory's name, each in the official languages of
its territory (CLDR's own territory-language data, de facto official ones included). Only
Latin-script names are kept: news in Greek and English writes a foreign place in Greek,
English or the Latin endonym, never in Cyrillic or Arabic script, and those would only grow
the KB. GeoNames alternates are not used: untagged, they mix languages and junk (Vienna's list
holds Bienne, Vin, Vine).

The build attaches them *checked* (see kb_merge): an endonym that already names another entry
of the same label is left out, so Rome's ``Roma`` gives way to a town of that name.
"""

from __future__ import annotations

import re
from functools import cache

from babel import Locale, UnknownLocaleError
from babel.core import get_global
from babel.languages import get_official_languages

__all__ = ["city_endonyms", "country_endonyms"]

# Latin script up to IPA extensions, as kb_places keeps GeoNames' Latin alternates.
_LATIN = re.compile(r"^[^\u0250-\U0010ffff]*[A-Za-z\u00c0-\u024f][^\u0250-\U0010ffff]*$")


@cache
def _locale(lang: str) -> Locale | None:
    try:
        return Locale.parse(lang)
    except (UnknownLocaleError, ValueError):
        return None


def _languages(territory: str) -> list[Locale]:
    langs = (_locale(lang) for lang in get_official_languages(territory, de_facto=True))
    return [loc for loc in langs if loc is not None]


def _names(texts: list[str]) -> list[str]:
    """Distinct Latin-script names, ``&`` and ``St.`` written out as kb_places does, without
    CLDR's note on a territory's status."""
    out: list[str] = []
    for text in texts:
        text = text.replace(" & ", " and ").replace("St. ", "Saint ")
        # Its note on the status goes: Hong Kong (RAE de China), Macau, RAE da China.
        text = re.sub(r"\s*\([^()]*\)\s*$", "", text).split(", ")[0]
        if _LATIN.match(text) and text not in out:
            out.append(text)
    return out


def city_endonyms(zone: str) -> list[str]:
    """The zone's exemplar city in its territory's official languages (Europe/Copenhagen:
    København); the territory is CLDR's for the zone."""
    territory = get_global("zone_territories").get(zone)
    if not territory:
        return []
    cities = [loc.time_zones.get(zone, {}).get("city") for loc in _languages(territory)]
    return _names([c for c in cities if c])


def country_endonyms(territory: str) -> list[str]:
    """The territory's name in its official languages (AT: Österreich; BE: België, Belgique,
    Belgien)."""
    names = [loc.territories.get(territory) for loc in _languages(territory)]
    return _names([n for n in names if n])
