"""The reference-article fixture: a Document built from the hand-checked gold annotation.

Export and render tests use ``tests/data/export/lavrov_kim_wonsan.document.json`` so they do
not depend on the NER model. This module builds that Document from the gold file (a copy of
``examples/lavrov_kim_wonsan.gold.json``) and checks the stored fixture matches it. Regenerate
with: ``PYTHONPATH=src python tests/test_export_fixture.py``.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from entityx.models import Document, Entity, Mention, SentenceSpan

DATA = Path(__file__).parent / "data" / "export"
GOLD = DATA / "lavrov_kim_wonsan.gold.json"
FIXTURE = DATA / "lavrov_kim_wonsan.document.json"

# Knowledge-base ids for some entities (Wikidata Q-ids, GeoNames ids), to exercise sameAs.
KB = {
    "Vladimir Putin": ("Q7747", ("http://www.wikidata.org/entity/Q7747",)),
    "Russia": ("Q159", ("http://www.wikidata.org/entity/Q159", "geonames:2017370")),
    "Ukraine": ("Q212", ("http://www.wikidata.org/entity/Q212", "geonames:690791")),
    "Moscow": ("Q649", ("http://www.wikidata.org/entity/Q649", "geonames:524901")),
    "North Korea": ("Q423", ("http://www.wikidata.org/entity/Q423",)),
}

# A sentence ends at a line break, or at . ! ? followed by space, unless the word before the
# stop is an abbreviation of one or two letters ("κ." = Mr).
_STOP = re.compile(r"(?<=[.!?;])\s+")


def split_sentences(text: str) -> tuple[SentenceSpan, ...]:
    spans = []
    for line in re.finditer(r"[^\n]+", text):
        start = line.start()
        for stop in _STOP.finditer(line.group()):
            word = line.group()[: stop.start()].split()[-1]
            if len(word.rstrip(".!?;")) <= 2 and word.endswith("."):
                continue
            spans.append(SentenceSpan(start=start, end=line.start() + stop.start()))
            start = line.start() + stop.end()
        spans.append(SentenceSpan(start=start, end=line.end()))
    return tuple(s for s in spans if s.end > s.start)


def build_document() -> Document:
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    text: str = gold["text"]
    sentences = split_sentences(text)

    def sentence_of(offset: int) -> int:
        for i, s in enumerate(sentences):
            if s.start <= offset < s.end:
                return i
        raise ValueError(offset)

    mentions = []
    aliases: dict[str, dict[str, None]] = {}
    labels: dict[str, str] = {}
    for g in gold["entities"]:
        assert text[g["start"] : g["end"]] == g["text"]
        canonical = g["canonical"]
        aliases.setdefault(canonical, {})[g["text"]] = None
        labels.setdefault(canonical, g["label"])
        mentions.append(
            Mention(
                text=g["text"],
                start=g["start"],
                end=g["end"],
                label=g["label"],
                entity_id=canonical,
                sentence=sentence_of(g["start"]),
            )
        )
    entities = []
    for canonical, forms in aliases.items():
        kb_id, same_as = KB.get(canonical, (None, ()))
        entities.append(
            Entity(
                id=canonical,
                name=canonical,
                label=labels[canonical],  # type: ignore[arg-type]
                aliases=tuple(forms),
                mention_count=sum(m.entity_id == canonical for m in mentions),
                kb_id=kb_id,
                same_as=same_as,
            )
        )
    return Document(
        id="lavrov_kim_wonsan",
        text=text,
        sentences=sentences,
        mentions=tuple(mentions),
        entities=tuple(entities),
    )


def test_fixture_matches_gold() -> None:
    stored = Document.model_validate_json(FIXTURE.read_text(encoding="utf-8"))
    assert stored == build_document()


def test_fixture_sentences_cover_mentions() -> None:
    doc = build_document()
    assert len(doc.sentences) > 15
    for m in doc.mentions:
        s = doc.sentences[m.sentence]
        assert s.start <= m.start and m.end <= s.end


if __name__ == "__main__":
    FIXTURE.write_text(build_document().model_dump_json(indent=1) + "\n", encoding="utf-8")
    print(f"wrote {FIXTURE}")
