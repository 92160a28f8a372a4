"""Link the entities of one document whose names several KB entries share, by context.

Runs after clustering. An entity the resolver could not tie to one KB entry (its names are
ambiguous: ``Τραμπ``, ``Washington``, ``Παπανδρέου``) gets *candidates*: the entries each of
its names may refer to, intersected across the names (``Γιώργος Παπανδρέου`` and
``Παπανδρέου`` leave only the Georges). Each candidate is weighed by

- its prior (sitelinks, the KB's ``priority``): ``1 + prior``;
- the document: times :data:`CONTEXT_FACTOR` for each entry linked in the document that it is
  tied to, either way round (a spouse, the party, the country: the KB's ``related`` lists), and
  times its square root for each neighbour it shares with a linked entry.

The best candidate is linked when its share of the total weight reaches
:data:`LINK_THRESHOLD`; otherwise the entity stays unlinked. ``Entity.link_score`` records
the share either way (1.0 for a name of one entry), so the reason can be read off the result.
Decisions feed the next round (a linked ``Washington`` can decide a ``Seattle``), and two
entities linked to one entry become one, so every mention of one person gets one link.

The KB must offer ``candidates(name, label)`` and ``related(entry_id)`` (the stored KB of
:mod:`entityx.kbstore` does); with any other KB the entities pass through unchanged.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from ..models import Entity

__all__ = ["CONTEXT_FACTOR", "LINK_THRESHOLD", "link_in_context"]

CONTEXT_FACTOR = 20.0
SHARED_NEIGHBOUR_EXPONENT = 0.5
LINK_THRESHOLD = 0.6
_ROUNDS = 3


@dataclass(frozen=True)
class _Candidate:
    id: str
    prior: float
    related: frozenset[str]


def link_in_context(
    entities: Sequence[Entity], ids: Sequence[str], *, kb: Any
) -> tuple[list[Entity], list[str]]:
    """``entities`` with ambiguous ones linked in context, and ``ids`` remapped to match."""
    if kb is None or not hasattr(kb, "candidates") or not hasattr(kb, "related"):
        return list(entities), list(ids)
    pending = {i: _candidates_of(e, kb) for i, e in enumerate(entities) if e.kb_id is None}
    pending = {i: c for i, c in pending.items() if c}
    linked: dict[int, tuple[str, float]] = {
        i: (e.kb_id, 1.0) for i, e in enumerate(entities) if e.kb_id is not None
    }
    scores: dict[int, float] = {}
    for _ in range(_ROUNDS):
        context = _Context(kb, {kb_id for kb_id, _ in linked.values()})
        decided = False
        for i, cands in list(pending.items()):
            best, share = _choose(cands, context)
            scores[i] = share
            if share >= LINK_THRESHOLD:
                linked[i] = (best.id, share)
                del pending[i]
                decided = True
        if not decided or not pending:
            break
    return _rebuild(entities, ids, kb, linked, scores)


def _candidates_of(entity: Entity, kb: Any) -> list[_Candidate]:
    """Entries the entity's names may refer to: the intersection of what each name finds
    (the most specific name's entries when the names disagree)."""
    sets: list[list[Any]] = []
    for alias in entity.aliases:
        found = kb.candidates(alias, entity.label)
        if found:
            sets.append(list(found[0]))
    if not sets:
        return []
    common = set.intersection(*({e.id for e in s} for s in sets))
    smallest = min(sets, key=len)
    chosen = [e for e in smallest if e.id in common] or smallest
    return [
        _Candidate(e.id, max(float(e.priority), 0.0), frozenset(kb.related(e.id))) for e in chosen
    ]


class _Context:
    """The KB entries a document links to, and their neighbours."""

    def __init__(self, kb: Any, linked: Iterable[str]) -> None:
        self.linked = frozenset(linked)
        self.pointing: dict[str, int] = {}  # entry id → how many linked entries relate to it
        neighbours: set[str] = set()
        for kb_id in self.linked:
            related = kb.related(kb_id)
            neighbours.update(related)
            for rel in related:
                self.pointing[rel] = self.pointing.get(rel, 0) + 1
        self.neighbours = frozenset(neighbours)

    def evidence(self, cand: _Candidate) -> float:
        direct = len(cand.related & self.linked) + self.pointing.get(cand.id, 0)
        shared = len(cand.related & self.neighbours - self.linked)
        return direct + SHARED_NEIGHBOUR_EXPONENT * shared


def _choose(cands: list[_Candidate], context: _Context) -> tuple[_Candidate, float]:
    evidence = [context.evidence(c) for c in cands]
    top = max(evidence)
    # Relative to the best-supported candidate, so large evidence never overflows a float.
    weights = [
        (1.0 + c.prior) * CONTEXT_FACTOR ** (e - top) for c, e in zip(cands, evidence, strict=True)
    ]
    total = sum(weights)
    best = max(range(len(cands)), key=lambda k: (weights[k], -k))
    return cands[best], weights[best] / total if total > 0 else 0.0


def _rebuild(
    entities: Sequence[Entity],
    ids: Sequence[str],
    kb: Any,
    linked: dict[int, tuple[str, float]],
    scores: dict[int, float],
) -> tuple[list[Entity], list[str]]:
    merged: dict[str, int] = {}  # KB id → position in ``out``
    out: list[Entity] = []
    remap: dict[str, str] = {}
    for i, ent in enumerate(entities):
        if i not in linked:
            score = scores.get(i)
            out.append(ent if score is None else _with(ent, link_score=round(score, 4)))
            continue
        kb_id, share = linked[i]
        if kb_id in merged:
            pos = merged[kb_id]
            first = out[pos]
            out[pos] = _with(
                first,
                aliases=tuple(dict.fromkeys((*first.aliases, *ent.aliases))),
                mention_count=first.mention_count + ent.mention_count,
                link_score=max(first.link_score or 0.0, round(share, 4)),
            )
            remap[ent.id] = first.id
            continue
        if ent.kb_id is None:
            entry = kb.get(kb_id)
            ent = _with(
                ent,
                id=entry.id,
                name=entry.name,
                kb_id=entry.id,
                same_as=tuple(entry.same_as),
            )
            remap[entities[i].id] = entry.id
        merged[kb_id] = len(out)
        out.append(_with(ent, link_score=round(share, 4)))
    return out, [remap.get(x, x) for x in ids]


def _with(entity: Entity, **changes: Any) -> Entity:
    # model_construct, as the resolver builds its entities: every value here is validated.
    return Entity.model_construct(**{**entity.__dict__, **changes})
