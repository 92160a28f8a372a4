"""Extract the people, places and organisations of the reference article.

python examples/extract_article.py [FILE]
"""

from __future__ import annotations

import sys
from pathlib import Path

import entityx

path = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).with_name("lavrov_kim_wonsan.txt")
doc = entityx.extract(path.read_text(encoding="utf-8"))

for entity in doc.entities:
    if entity.label == "MISC":
        continue
    aliases = " | ".join(entity.aliases)
    print(f"{entity.label:<6} {entity.name:<24} {entity.mention_count:>2}x  {aliases}")
