"""Process many texts with one loaded pipeline and write JSON lines.

python examples/pipe_many.py > tagged.jsonl
"""

from __future__ import annotations

import entityx

texts = [
    "Ο Σεργκέι Λαβρόφ συναντήθηκε με τον Κιμ Γιονγκ Ουν στη Βόρεια Κορέα.",
    "Sergey Lavrov met Kim Jong-un in Wonsan, KCNA reported.",
    "",
]

extractor = entityx.load()
for doc in extractor.pipe(texts, ids=["el-1", "en-1", "empty"]):
    print(doc.model_dump_json())
