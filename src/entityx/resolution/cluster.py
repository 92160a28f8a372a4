"""Cluster the names of one context into canonical entities.

Steps, all per label (different labels never merge):

1. every distinct surface gets phonetic keys (:mod:`entityx.text.keys`) and a KB lookup;
   an ORG or MISC name the KB does not know under its own label, but knows by that exact
   spelling as an entry this same context names under another label, takes that label
   (``Pyongyang`` tagged ORG beside ``Πιονγκγιάνγκ`` tagged LOC). People are left alone,
   as a person and a place can share a name (Washington, Jordan);
2. names with the same KB entry, or the same stemmed key, merge (two KB entries never merge);
3. names of the same length whose words match one by one merge when rapidfuzz agrees; pairs
   come from blocking on vowel-free word shapes, so cost grows about linearly;
4. a PERSON short form (``Λαβρόφ``, ``Κιμ``) joins the unique full name containing it;
5. an ORG acronym joins the name it spells, or the multi-word name it directly follows.
"""

from __future__ import annotations

import gc
import hashlib
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from rapidfuzz import fuzz, process

from ..labels import map_label
from ..models import Entity
from ..text.greek import has_greek, has_latin, normalize
from ..text.keys import acronym_letters, block_keys, skeleton, token_keys
from ..text.romanize import romanize
from .disambiguate import link_in_context
from .kb import KBEntry, KnowledgeBase

__all__ = ["Resolver", "entity_id"]


@dataclass
class _Name:
    surface: str
    label: str
    norm: str
    keys: tuple[str, ...]
    stems: tuple[str, ...]
    kb: KBEntry | None
    count: int = 0
    first: int = 0


class _UnionFind:
    """Union-find whose roots remember their KB id, so two KB entries never merge."""

    def __init__(self, kb_ids: list[str | None]) -> None:
        self.parent = list(range(len(kb_ids)))
        self.kb = list(kb_ids)

    def find(self, i: int) -> int:
        root = i
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[i] != root:
            self.parent[i], i = root, self.parent[i]
        return root

    def union(self, a: int, b: int) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        ka, kb = self.kb[ra], self.kb[rb]
        if ka is not None and kb is not None and ka != kb:
            return False
        if rb < ra:
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.kb[ra] = ka or kb
        return True


def entity_id(label: str, key: str) -> str:
    """Deterministic id of an entity the KB does not know: label plus a hash of its key."""
    digest = hashlib.sha1(f"{label}|{key}".encode()).hexdigest()[:12]
    return f"{label.lower()}-{digest}"


def _word_score(a: str, b: str, raw_a: str, raw_b: str, *, single: bool) -> float:
    """Similarity of two word keys (stemmed ``a``/``b``, unstemmed ``raw_a``/``raw_b``).

    Transcription varies vowels far more than consonants (Gates/Γκέιτς, Musk/Μασκ), so the
    consonant skeletons count too when they are long enough to be distinctive. A one-word name
    has no other word to confirm it, so there the skeletons must be equal.
    """
    score = fuzz.ratio(a, b)
    if score >= 100:
        return score
    sa, sb = skeleton(raw_a), skeleton(raw_b)
    if min(len(sa), len(sb)) < 3:
        return score
    if single:
        same = sa == sb and raw_a[:1] == raw_b[:1]
        return max(score, 90.0) if same and score >= 65 else score
    return max(score, 0.95 * fuzz.ratio(sa, sb))


class Resolver:
    """Resolve the names of one context (a document) into entities.

    ``kb`` is a user knowledge base; it is layered over the bundled gazetteer unless
    ``gazetteer=False``. ``threshold`` (0-100) is the rapidfuzz ratio two phonetic names need
    to merge; ``word_threshold`` is the floor for every aligned word (it keeps ``Donald
    Trump`` and ``Melania Trump`` apart). With ``relabel_from_kb`` an ORG or MISC name may come
    out under the label of its KB entry (step 1 above), so an entity's label can differ from
    the label its names were passed with. Callers pass only labels that map to an entityx label
    (spans whose label maps to ``None`` are filtered out before resolving).
    """

    def __init__(
        self,
        *,
        kb: KnowledgeBase | None = None,
        gazetteer: bool = True,
        threshold: float = 84.0,
        word_threshold: float = 70.0,
        short_forms: bool = True,
        acronyms: bool = True,
        relabel_from_kb: bool = True,
        max_block: int = 60,
        workers: int = 1,
    ) -> None:
        self.user_kb = kb
        self.gazetteer = gazetteer
        self.threshold = threshold
        self.word_threshold = word_threshold
        self.short_forms = short_forms
        self.acronyms = acronyms
        self.relabel_from_kb = relabel_from_kb
        self.max_block = max_block
        self.workers = workers
        self._kb: KnowledgeBase | None = None

    @property
    def kb(self) -> KnowledgeBase | None:
        """The effective KB: the user KB over the bundled gazetteer (loaded once, lazily)."""
        if self._kb is None:
            base = KnowledgeBase.bundled() if self.gazetteer else None
            self._kb = self.user_kb.with_fallback(base) if self.user_kb is not None else base
        return self._kb

    def set_kb(self, kb: KnowledgeBase | None) -> None:
        self.user_kb = kb
        self._kb = None

    # ------------------------------------------------------------------------------------------
    def resolve(
        self,
        items: Sequence[tuple[str, str]],
        *,
        definitions: Sequence[tuple[int, int]] | None = None,
    ) -> tuple[list[Entity], list[str]]:
        """Cluster ``(surface, label)`` items; return entities and each item's entity id.

        ``definitions`` lists item index pairs known to be ``Name (ACRONYM)`` in the text
        (the spaCy component reads them off the doc); without it, an acronym item that
        directly follows a multi-word ORG item is taken as its definition.
        """
        # The cyclic GC would rescan the many small objects built here again and again
        # (superlinear on 100k names); nothing here makes cycles, so pause it.
        gc_was_enabled = gc.isenabled()
        gc.disable()
        try:
            return self._resolve(items, definitions)
        finally:
            if gc_was_enabled:
                gc.enable()

    def _resolve(
        self, items: Sequence[tuple[str, str]], definitions: Sequence[tuple[int, int]] | None
    ) -> tuple[list[Entity], list[str]]:
        names, item_names = self._collect(items)
        if self.relabel_from_kb:
            self._relabel_from_kb(names)
        if definitions is None:
            adjacent = list(pairwise(item_names))
        else:
            adjacent = [(item_names[a], item_names[b]) for a, b in definitions]
        uf = _UnionFind([n.kb.id if n.kb else None for n in names])
        by_label: dict[str, list[int]] = defaultdict(list)
        for i, n in enumerate(names):
            by_label[n.label].append(i)
        for idxs in by_label.values():
            self._merge_exact(names, idxs, uf)
            self._merge_fuzzy(names, idxs, uf)
            if self.short_forms:
                self._merge_short(names, idxs, uf)
            if self.acronyms:
                self._merge_acronyms(names, idxs, uf, adjacent)
        entities, ids = self._build(names, uf, item_names)
        # Names several KB entries share are linked by the document's other entities.
        return link_in_context(entities, ids, kb=self.kb)

    def _collect(self, items: Sequence[tuple[str, str]]) -> tuple[list[_Name], list[int]]:
        kb = self.kb
        seen: dict[tuple[str, str], int] = {}
        names: list[_Name] = []
        item_names: list[int] = []
        for pos, (surface, raw_label) in enumerate(items):
            label = map_label(raw_label) or "MISC"
            idx = seen.get((surface, label))
            if idx is None:
                idx = seen[(surface, label)] = len(names)
                keys, stems = token_keys(surface)
                hit = kb.lookup(surface, label) if kb is not None else None
                names.append(_Name(surface, label, normalize(surface), keys, stems, hit, first=pos))
            names[idx].count += 1
            item_names.append(idx)
        return names, item_names

    def _relabel_from_kb(self, names: list[_Name]) -> None:
        kb = self.kb
        if kb is None:
            return
        # The KB entries this context names, per label: the evidence a relabel needs.
        linked: dict[str, set[str]] = defaultdict(set)
        for n in names:
            if n.kb is not None:
                linked[n.label].add(n.kb.id)
        for n in names:
            if n.kb is not None or n.label == "PERSON":
                continue
            for label, kb_ids in linked.items():
                if label == n.label:
                    continue
                # Exact names only: a stem or a sound also matches a demonym to its country
                # (Ρώσου, "a Russian's", to Ρωσία), and those differ in label on purpose.
                found = kb.match(n.surface, label, exact=True)
                if found is not None and found[0].id in kb_ids:
                    n.label, n.kb = label, found[0]
                    break

    @staticmethod
    def _merge_exact(names: list[_Name], idxs: list[int], uf: _UnionFind) -> None:
        groups: dict[str, list[int]] = defaultdict(list)
        for i in idxs:
            n = names[i]
            if n.kb is not None:
                groups["kb:" + n.kb.id].append(i)
            groups["=" + " ".join(n.stems)].append(i)
        for key, members in groups.items():
            for j in members[1:]:
                a, b = names[members[0]], names[j]
                # One short word: stems can collide (Dubai/Dubbo → dub), so the unstemmed
                # keys must agree too.
                if (
                    key.startswith("=")
                    and len(a.stems) == 1
                    and len(a.stems[0]) <= 4
                    and (fuzz.ratio(a.keys[0], b.keys[0]) < 75)
                ):
                    continue
                uf.union(members[0], j)

    def _merge_fuzzy(self, names: list[_Name], idxs: list[int], uf: _UnionFind) -> None:
        blocks: dict[str, list[int]] = defaultdict(list)
        for i in idxs:
            for key in block_keys(names[i].stems, str(len(names[i].stems))):
                blocks[key].append(i)
        pairs: set[tuple[int, int]] = set()
        for members in blocks.values():
            if len(members) < 2 or len(members) > self.max_block:
                continue  # huge blocks (a very common word) are covered by the other words
            for x in range(len(members)):
                for y in range(x + 1, len(members)):
                    pairs.add((members[x], members[y]))
        if not pairs:
            return
        ordered = list(pairs)  # acceptance is sorted below, so this order does not matter
        joined = {i: " ".join(names[i].stems) for i in idxs}
        left = [joined[a] for a, _ in ordered]
        right = [joined[b] for _, b in ordered]
        # One vectorised rapidfuzz call scores all candidate pairs (cpdist: cdist's pairwise
        # form); the cheaper whole-name score prunes before the word-by-word check.
        scores = process.cpdist(
            left, right, scorer=fuzz.ratio, workers=self.workers, score_cutoff=self.threshold - 10
        )
        accepted = []
        for (a, b), score in zip(ordered, scores, strict=True):
            if score and self._same_words(names[a], names[b]):
                accepted.append((-float(score), a, b))
        for _, a, b in sorted(accepted):
            uf.union(a, b)

    def _same_words(self, a: _Name, b: _Name) -> bool:
        sa, sb = a.stems, b.stems
        if len(sa) != len(sb):
            return False
        total = weight = 0.0
        single = len(sa) == 1
        for x, y, rx, ry in zip(sa, sb, a.keys, b.keys, strict=True):
            score = _word_score(x, y, rx, ry, single=single)
            floor = self.word_threshold
            if min(len(x), len(y)) <= 3:
                # Short words (Μέι/May) vary a lot in transcription, but a one-word name of
                # three letters must match exactly.
                floor = 100.0 if len(sa) == 1 else floor - 10
            if score < floor:
                return False
            w = max(len(x), len(y))
            total += score * w
            weight += w
        return total / max(weight, 1.0) >= self.threshold

    def _merge_short(self, names: list[_Name], idxs: list[int], uf: _UnionFind) -> None:
        if not idxs or names[idxs[0]].label != "PERSON":
            return  # places and organisations: 'Κορέα' is not short for 'Βόρεια Κορέα'
        by_word: dict[str, list[int]] = defaultdict(list)
        for i in idxs:
            if len(names[i].stems) > 1:
                for w in set(names[i].stems):
                    by_word[w].append(i)
        if not by_word:
            return
        for i in sorted(idxs, key=lambda k: (len(names[k].stems), k)):
            short = names[i].stems
            if not short or len(short) > 3 or names[i].kb is not None:
                continue  # a KB-pinned short form already knows its entity
            lists = [by_word.get(w, []) for w in short]
            pool = min(lists, key=len)
            if not pool or len(pool) > self.max_block:
                continue  # a word shared by that many names cannot single one out
            cands = [
                c
                for c in pool
                if len(names[c].stems) > len(short) and _in_order(short, names[c].stems)
            ]
            roots = {uf.find(c) for c in cands}
            if len(roots) == 1:
                uf.union(i, roots.pop())

    def _merge_acronyms(
        self,
        names: list[_Name],
        idxs: list[int],
        uf: _UnionFind,
        adjacent: list[tuple[int, int]],
    ) -> None:
        if not idxs or names[idxs[0]].label != "ORG":
            return
        acr = [i for i in idxs if _is_acronym(names[i].surface)]
        if not acr:
            return
        spelled: dict[str, list[int]] = defaultdict(list)
        for i in idxs:
            letters = acronym_letters(names[i].surface)
            if letters:
                spelled[letters].append(i)
        for i in acr:
            roots = {uf.find(c) for c in spelled.get(names[i].norm.replace(" ", ""), ())}
            if len(roots) == 1:
                uf.union(i, roots.pop())
        # 'Ένωση των Κρατών της Νοτιοανατολικής Ασίας (ASEAN)': a translated name does not
        # spell its acronym, but the acronym item directly follows the name it defines.
        acr_set = set(acr)
        for prev, cur in adjacent:
            if cur in acr_set and prev != cur and names[prev].label == "ORG":
                words = [w for w in names[prev].norm.split() if len(w) > 3]
                if len(words) >= 3 and not _is_acronym(names[prev].surface):
                    uf.union(cur, prev)

    # ------------------------------------------------------------------------------------------
    def _build(
        self, names: list[_Name], uf: _UnionFind, item_names: list[int]
    ) -> tuple[list[Entity], list[str]]:
        clusters: dict[int, list[int]] = defaultdict(list)
        for i in range(len(names)):
            clusters[uf.find(i)].append(i)
        ordered = sorted(clusters.values(), key=lambda m: min(names[i].first for i in m))
        kb = self.kb
        entities: list[Entity] = []
        ids: dict[int, str] = {}
        for members in ordered:
            members.sort(key=lambda i: names[i].first)
            label = names[members[0]].label
            kb_id = uf.kb[uf.find(members[0])]
            entry = kb.get(kb_id) if kb is not None and kb_id else None
            if entry is not None:
                ent_id, name, same_as = entry.id, entry.name, entry.same_as
            else:
                name = _display_name([names[i] for i in members])
                best = max(members, key=lambda i: _key_rank(names[i]))
                ent_id, same_as = entity_id(label, " ".join(names[best].stems)), ()
            # model_construct: every field is built here from validated parts, and validation
            # would dominate the cost of resolving a large corpus.
            entities.append(
                Entity.model_construct(
                    id=ent_id,
                    name=name,
                    label=label,
                    # dict.fromkeys: a relabelled name can share its surface with another.
                    aliases=tuple(dict.fromkeys(names[i].surface for i in members)),
                    mention_count=sum(names[i].count for i in members),
                    kb_id=entry.id if entry is not None else None,
                    same_as=tuple(same_as),
                )
            )
            for i in members:
                ids[i] = ent_id
        return entities, [ids[n] for n in item_names]


def _in_order(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    pos = 0
    for w in short:
        try:
            pos = full.index(w, pos) + 1
        except ValueError:
            return False
    return True


def _is_acronym(surface: str) -> bool:
    s = surface.strip()
    letters = [ch for ch in s if ch.isalpha()]
    return 2 <= len(letters) <= 8 and " " not in s and all(ch.isupper() for ch in letters)


def _key_rank(n: _Name) -> tuple[int, int, int, str]:
    return (len(n.stems), n.count, len(n.norm), n.norm)


def _display_name(members: list[_Name]) -> str:
    """Best Latin-script alias; else the best Greek alias, romanised.

    When the fullest name is Greek and the text only gives part of it in Latin script
    (`Σεργκέι Λαβρόφ` with `Lavrov`), the romanised full name borrows the Latin spelling of
    the words that match (`Sergei Lavrov`, not `Sergei Lavrof`).
    """
    latin = [n for n in members if has_latin(n.surface) and not has_greek(n.surface)]
    fullest = max(len(n.stems) for n in members)
    if latin:

        def rank(n: _Name) -> tuple[int, int, int, int, str]:
            mixed = int(any(ch.islower() for ch in n.surface))
            return (len(n.stems), n.count, mixed, -len(n.surface), n.surface)

        best_latin = max(latin, key=rank)
        # An acronym is how an organisation is known in Latin script (ASEAN, NATO).
        if len(best_latin.stems) >= fullest or _is_acronym(best_latin.surface):
            return best_latin.surface.strip()
    best = max(members, key=lambda n: (len(n.stems), _nominative_score(n.norm), n.count, n.surface))
    return _borrow_latin_words(romanize(best.surface), best.stems, latin)


def _borrow_latin_words(romanised: str, stems: tuple[str, ...], latin: list[_Name]) -> str:
    words = romanised.split()
    if len(words) != len(stems):
        return romanised
    spelled: dict[str, str] = {}
    for n in latin:
        surface_words = n.surface.split()
        if len(surface_words) == len(n.stems):
            for stem, word in zip(n.stems, surface_words, strict=True):
                spelled.setdefault(stem, word)
    return " ".join(spelled.get(stem, word) for stem, word in zip(stems, words, strict=True))


def _nominative_score(norm: str) -> int:
    # Prefer the nominative for display: masculine names end in -ς, genitives in -ου.
    return sum(1 for w in norm.split() if w.endswith("σ")) - sum(
        1 for w in norm.split() if w.endswith("ου")
    )
