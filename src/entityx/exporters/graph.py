"""Corpus aggregation: merged entities and weighted co-occurrence edges, in bounded memory.

Documents stream through :class:`CorpusGraph` one at a time. It keeps only what a knowledge
graph needs at the end (one record per entity, one counter pair per co-occurring entity pair),
never the documents themselves: memory grows with the number of distinct entities and pairs,
not with the corpus.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import combinations
from typing import Protocol

from ..models import Document
from ..text.greek import has_greek

__all__ = [
    "CoOccurrence",
    "CorpusGraph",
    "DocumentSummary",
    "EntityDescription",
    "EntityLookup",
    "EntityRecord",
    "language_of",
]

_SENTENCE = 1 << 32
_LOW = (1 << 32) - 1
_LATIN = re.compile(r"[A-Za-z\u00C0-\u024F\u1E00-\u1EFF]")


def language_of(name: str) -> str | None:
    """BCP 47 tag for a name by its script: ``el`` for Greek, ``en`` for Latin, else ``None``.

    Greek wins when a name mixes scripts; combining accents do not change the script.
    """
    if has_greek(name):
        return "el"
    if _LATIN.search(name):
        return "en"
    return None


class EntityDescription(Protocol):
    """What a registry knows of an entity (``Entity`` and ``RegistryEntity`` both fit)."""

    @property
    def name(self) -> str: ...
    @property
    def label(self) -> str: ...
    @property
    def aliases(self) -> tuple[str, ...]: ...
    @property
    def kb_id(self) -> str | None: ...
    @property
    def same_as(self) -> tuple[str, ...]: ...


class EntityLookup(Protocol):
    """Describes entities by id, like :class:`entityx.registry.Registry` (``KeyError`` or
    ``None`` when it does not know one)."""

    def get(self, entity_id: str) -> EntityDescription | None: ...


def _link_score(ent: EntityDescription) -> float | None:
    # Optional on a description: a registry written before link scores has none.
    score = getattr(ent, "link_score", None)
    return float(score) if isinstance(score, (int, float)) else None


@dataclass
class EntityRecord:
    """One entity merged over the whole corpus.

    ``link_score`` goes with ``kb_id`` (as in the registry): the highest score of a document
    entity linked to the kept KB id; while the entity is unlinked, the highest score seen.
    """

    id: str
    name: str
    label: str
    aliases: dict[str, None] = field(default_factory=dict)  # insertion-ordered set
    same_as: dict[str, None] = field(default_factory=dict)
    kb_id: str | None = None
    mention_count: int = 0
    document_count: int = 0
    described: bool = False  # name/label came from an Entity, not just a mention
    link_score: float | None = None

    def _merge_names(self, ent: EntityDescription) -> None:
        for alias in ent.aliases:
            self.aliases.setdefault(alias, None)
        for uri in ent.same_as:
            self.same_as.setdefault(uri, None)

    def merge(self, ent: EntityDescription) -> None:
        self._merge_names(ent)
        score = _link_score(ent)
        if self.kb_id is None and ent.kb_id is not None:
            self.kb_id, self.link_score = ent.kb_id, score
        elif self.kb_id == ent.kb_id and score is not None:
            self.link_score = score if self.link_score is None else max(self.link_score, score)

    def override(self, ent: EntityDescription) -> None:
        """Take name, label, ids and link score from an authoritative description (a
        registry); a registry without a score keeps the documents' for the same KB id."""
        self.name, self.label, self.described = ent.name, ent.label, True
        if ent.kb_id is not None and ent.kb_id != self.kb_id:
            self.kb_id, self.link_score = ent.kb_id, None
        if (score := _link_score(ent)) is not None:
            self.link_score = score
        self._merge_names(ent)


@dataclass(frozen=True)
class DocumentSummary:
    """What the exporters need about one document, computed once."""

    key: str  # document id, or ``doc-N`` (1-based position) when the Document has none
    document: Document
    counts: dict[str, int]  # entity id -> mentions in this document, in first-mention order


@dataclass
class CoOccurrence:
    """Two entities seen together: in how many sentences, in how many documents."""

    source: str
    target: str
    sentence_count: int = 0
    document_count: int = 0


class CorpusGraph:
    """Accumulates entities and co-occurrence counts from a stream of documents."""

    def __init__(self) -> None:
        self.entities: dict[str, EntityRecord] = {}
        # Pairs are packed for memory: key = (index(a) << 32) | index(b) with index(a) <
        # index(b) in first-seen order; value = (sentence_count << 32) | document_count.
        self._index: dict[str, int] = {}
        self._ids: list[str] = []
        self._pairs: dict[int, int] = {}
        self.document_count = 0
        self.mention_count = 0

    def add(self, doc: Document) -> DocumentSummary:
        """Fold one document into the aggregate and return its summary."""
        self.document_count += 1
        key = doc.id if doc.id is not None else f"doc-{self.document_count}"
        counts: dict[str, int] = {}
        by_sentence: dict[int, set[str]] = {}
        for m in doc.mentions:
            counts[m.entity_id] = counts.get(m.entity_id, 0) + 1
            by_sentence.setdefault(m.sentence, set()).add(m.entity_id)
            rec = self.entities.get(m.entity_id)
            if rec is None:
                rec = self.entities[m.entity_id] = EntityRecord(m.entity_id, m.text, m.label)
            rec.aliases.setdefault(m.text, None)
        for ent in doc.entities:
            rec = self.entities.get(ent.id)
            if rec is None:
                rec = self.entities[ent.id] = EntityRecord(ent.id, ent.name, ent.label)
            if not rec.described:
                rec.name, rec.label, rec.described = ent.name, ent.label, True
            rec.merge(ent)
            if ent.id not in counts:
                counts[ent.id] = ent.mention_count
        for eid, n in counts.items():
            rec = self.entities[eid]
            rec.mention_count += n
            rec.document_count += 1
            self.mention_count += n
        pairs = self._pairs
        for ids in by_sentence.values():
            for pk in self._pair_keys(ids):
                pairs[pk] = pairs.get(pk, 0) + _SENTENCE
        for pk in self._pair_keys(counts):
            pairs[pk] = pairs.get(pk, 0) + 1
        return DocumentSummary(key=key, document=doc, counts=counts)

    def _pair_keys(self, ids: Iterable[str]) -> Iterator[int]:
        index = self._index
        for eid in ids:
            if eid not in index:
                index[eid] = len(self._ids)
                self._ids.append(eid)
        for i, j in combinations(sorted(index[e] for e in ids), 2):
            yield (i << 32) | j

    def apply_registry(self, registry: EntityLookup) -> None:
        """Let a registry's description of each entity win over the per-document ones."""
        for eid, rec in self.entities.items():
            try:
                ent = registry.get(eid)
            except KeyError:
                continue
            if ent is not None:
                rec.override(ent)

    def cooccurrences(self) -> Iterator[CoOccurrence]:
        """Every co-occurring pair once (``source < target``), sorted for stable output."""
        ids = self._ids
        unpacked = []
        for key in self._pairs:
            a, b = ids[key >> 32], ids[key & _LOW]
            unpacked.append((a, b, key) if a < b else (b, a, key))
        unpacked.sort()
        for a, b, key in unpacked:
            value = self._pairs[key]
            yield CoOccurrence(a, b, value >> 32, value & _LOW)

    @property
    def pair_count(self) -> int:
        """Number of distinct co-occurring entity pairs."""
        return len(self._pairs)

    def __len__(self) -> int:
        return len(self.entities)
