"""Places' own-language names (endonyms) from CLDR through babel: København, Wien, Österreich.

A time-zone exemplar city's name and a territory's name, each in the official languages of
its territory (CLDR's own territory-language data, de facto official ones included). Only
Latin-script names are kept: news in Greek and English writes a foreign place in Greek,
English or the Latin endonym, never in Cyrillic or Arabic script, and those would only grow
the KB. GeoNames alternates are not used: untagged, they mix languages and junk (Vienna's list
holds Bienne, Vin, Vine) as they stand; but the one of them a language of the territory writes
most (wordfreq), far more than English does, is that language's name of the place
(:func:`frequent_endonyms`: Firenze, Antwerpen and Anvers, München).

The build attaches them *checked* (see kb_merge): an endonym that already names another entry
of the same label is left out, so Rome's ``Roma`` gives way to a town of that name.
"""

from __future__ import annotations

import re
from functools import cache

from babel import Locale, UnknownLocaleError
from babel.core import get_global
from babel.languages import get_official_languages
from kb_clean import uninvert
from wordfreq import available_languages, zipf_frequency

__all__ = ["city_endonyms", "country_endonyms", "frequent_endonyms", "subdivision_endonyms"]

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


# An alternate is a language's own name of a place when that language writes it at least this
# Zipf frequency (once in ten million words: Firenze 5.0, Antwerpen 4.8, a rare town's name
# 3), and this much more often than English does (English writes Florence, not Firenze).
MIN_ZIPF, OVER_ENGLISH = 3.0, 0.6


@cache
def _wordfreq_languages() -> frozenset[str]:
    """wordfreq's languages that CLDR writes in Latin script (not zh, whose words need jieba)."""
    likely = get_global("likely_subtags")
    return frozenset(lang for lang in available_languages() if "_Latn" in likely.get(lang, ""))


def frequent_endonyms(territory: str, english: str, alternates: list[str]) -> list[str]:
    """The GeoNames Latin alternate each official language of ``territory`` writes most, where
    it writes it often and English rarely (IT, Florence: Firenze; BE, Antwerp: Antwerpen and
    Anvers). Codes (FLR) and the English name itself are not candidates."""
    words = [a for a in alternates if a[:1].isupper() and not a.isupper() and _LATIN.match(a)]
    out: list[str] = []
    for lang in get_official_languages(territory, de_facto=True):
        if lang == "en" or lang not in _wordfreq_languages():
            continue
        scored = [(zipf_frequency(w, lang), w) for w in words]
        if not scored:
            continue
        best, word = max(scored)
        if best >= MIN_ZIPF and best - zipf_frequency(word, "en") >= OVER_ENGLISH:
            out.append(word)
    out = [w for w in out if w.casefold() != english.casefold()]
    return _names(out)


def subdivision_endonyms(code: str) -> list[str]:
    """A region's own name as ISO 3166-2 (pycountry) gives it, with the alternative it
    brackets, uninverted and without codes: ES-CT ``Catalunya [Cataluña]``: Catalunya and
    Cataluña; DE-HE: Hessen; ES-NC ``Navarra, Comunidad Foral de``: Comunidad Foral de
    Navarra."""
    import pycountry

    sub = pycountry.subdivisions.get(code=code)
    if sub is None:
        return []
    m = re.match(r"^(.*?)\s*\[([^\]]*)\]\s*$", sub.name)
    texts = [m.group(1), m.group(2)] if m else [sub.name]
    words = [" ".join(w for w in t.split() if not re.fullmatch(r"[A-Z]{2}-\w+", w)) for t in texts]
    return _names([uninvert(w) for w in words if w])
