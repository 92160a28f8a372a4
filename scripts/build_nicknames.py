"""Build the table of English given names and their nicknames, with one command.

    python scripts/build_nicknames.py

writes ``src/entityx/data/nicknames.json.gz`` (read by ``entityx.text.nicknames``): the
``(given name, nickname)`` pairs of the ``nicknames`` package (PyPI, Apache-2.0, hand-curated
by Carlton Northern and Nick Crews; build time only, the ``dev`` extra), lower case, sorted,
without a pair whose two names are one. Version and licence in NOTICE.
"""

from __future__ import annotations

import csv
import gzip
import json
from importlib import metadata, resources
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "src" / "entityx" / "data"
OUT = DATA / "nicknames.json.gz"


def pairs() -> list[tuple[str, str]]:
    """(given name, nickname) pairs, as the package's ``names.csv`` states them."""
    with resources.files("nicknames").joinpath("names.csv").open(encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f) if r["relationship"] == "has_nickname"]
    found = {(r["name1"].strip().lower(), r["name2"].strip().lower()) for r in rows}
    return sorted((given, nick) for given, nick in found if given and nick and given != nick)


def main() -> None:
    table = pairs()
    doc = {"source": f"nicknames {metadata.version('nicknames')}", "pairs": table}
    text = json.dumps(doc, ensure_ascii=False, separators=(",", ":"))
    OUT.write_bytes(gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0))
    print(f"wrote {OUT.relative_to(DATA.parents[2])}: {len(table)} pairs, {OUT.stat().st_size} B")


if __name__ == "__main__":
    main()
