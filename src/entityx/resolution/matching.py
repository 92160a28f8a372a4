"""The merge steps of the resolver: same key, similar sound word by word, short forms.

Every name has one or more *readings*: the phonetic keys of its words read one way. A Greek
name has one; a Latin name has one per spelling convention that changes it (French ``ch``,
Italian ``gi``, Spanish ``j``..., see :mod:`entityx.text.readings`). A Latin name meets a
Greek name when any of its readings does; two Latin names compare their generic readings
only, since a convention chosen for one of them says nothing about how the other is spelled.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache

from rapidfuzz import fuzz, process

from ..text.greek import has_greek, normalize
from ..text.keys import block_keys, phonetic, skeleton, stem_key
from .kb import KBEntry

__all__ = ["MatchSettings", "Name", "UnionFind", "merge_exact", "merge_fuzzy", "merge_short"]

Reading = tuple[tuple[str, ...], tuple[str, ...]]  # (keys, stemmed keys) of the words
_ONE_WORD_CONVENTION = 100.0  # unstemmed similarity a one-word name needs by a convention


@dataclass
class Name:
    surface: str
    label: str
    norm: str
    keys: tuple[str, ...]
    stems: tuple[str, ...]
    kb: KBEntry | None
    greek: bool = False
    readings: tuple[Reading, ...] = field(default=())
    count: int = 0
    first: int = 0

    def readings_against(self, other: Name) -> tuple[Reading, ...]:
        """The readings of this name worth comparing with ``other``."""
        if self.greek == other.greek or not self.readings:
            return ((self.keys, self.stems),)
        return self.readings


@dataclass(frozen=True)
class MatchSettings:
    threshold: float
    word_threshold: float
    max_block: int
    workers: int


class UnionFind:
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


_MAX_PART_FORMS = 3  # Greek forms of one Latin name part tried (George: Τζορτζ, Γιώργος...)


def with_name_parts(readings: tuple[Reading, ...], surface: str) -> tuple[Reading, ...]:
    """Add readings that put a Latin given name in its Greek forms (George → Γιώργος).

    The name-parts table knows which Greek names a Latin one stands for, by convention
    rather than by sound (George/Γιώργος, Costas/Κωνσταντίνος); one word is replaced at a
    time, so the other words still have to match.
    """
    if not readings or has_greek(surface):
        return readings
    parts = _greek_parts()
    if parts is None:
        return readings
    words = normalize(surface).split()
    keys, _ = readings[0]
    if len(words) != len(keys) or len(words) < 2:
        return readings
    out = dict.fromkeys(readings)
    for k, word in enumerate(words):
        for greek in parts(word)[:_MAX_PART_FORMS]:
            new_keys = (*keys[:k], phonetic(normalize(greek)), *keys[k + 1 :])
            out.setdefault((new_keys, tuple(stem_key(x) for x in new_keys)), None)
    return tuple(out)


@cache
def _greek_parts() -> Callable[[str], tuple[str, ...]] | None:
    try:
        from .name_parts import greek_name_parts  # a bundled table; absent in a bare tree
    except ImportError:
        return None
    return greek_name_parts


def merge_exact(names: list[Name], idxs: list[int], uf: UnionFind) -> None:
    """Names with the same KB entry, or the same stemmed key in some reading, merge."""
    groups: dict[str, list[int]] = defaultdict(list)
    cross: dict[str, list[tuple[int, Reading]]] = defaultdict(list)
    for i in idxs:
        n = names[i]
        if n.kb is not None:
            groups["kb:" + n.kb.id].append(i)
        groups["=" + " ".join(n.stems)].append(i)
        for reading in n.readings[1:]:
            cross["=" + " ".join(reading[1])].append((i, reading))
    for key, members in groups.items():
        first = names[members[0]]
        for j in members[1:]:
            if not key.startswith("=") or _short_keys_agree(first.keys, names[j].keys):
                uf.union(members[0], j)
    for key, readers in cross.items():
        # A convention of one script meets the generic reading of the other only; the first
        # member of each script stands for its group (they are merged already).
        by_script: dict[bool, int] = {}
        for m in groups.get(key, ()):
            by_script.setdefault(names[m].greek, m)
        for j, reading in readers:
            other = by_script.get(not names[j].greek)
            if other is not None and _convention_agrees(
                (names[other].keys, names[other].stems), reading
            ):
                uf.union(other, j)


def _short_keys_agree(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    # One short word: stems can collide (Dubai/Dubbo → dub), so the unstemmed keys must
    # agree too.
    if len(a) == 1 and len(b) == 1 and len(a[0]) <= 5:
        return fuzz.ratio(a[0], b[0]) >= 75
    return True


def _convention_agrees(greek: Reading, convention: Reading) -> bool:
    """A one-word name read by a chosen convention must sound the same, unstemmed.

    With one reading per language, some reading of a short word nearly always comes close to
    some Greek word (Karaj, Kerki, Karachi); a name of several words confirms itself.
    """
    if len(greek[0]) != 1:
        return True
    return fuzz.ratio(greek[0][0], convention[0][0]) >= _ONE_WORD_CONVENTION


def merge_fuzzy(names: list[Name], idxs: list[int], uf: UnionFind, cfg: MatchSettings) -> None:
    """Names of the same length whose words match one by one merge when rapidfuzz agrees."""
    pairs = _candidate_pairs(names, idxs, cfg.max_block)
    if not pairs:
        return
    # Every reading pair worth comparing, flattened for one vectorised rapidfuzz call.
    joined = {i: [" ".join(stems) for _, stems in names[i].readings] for i in idxs}
    tasks: list[tuple[int, int, int, int]] = []
    for a, b in pairs:  # acceptance is sorted below, so this order does not matter
        na, nb = names[a], names[b]
        tasks.append((a, b, 0, 0))
        if na.greek == nb.greek:
            continue  # conventions are for the other script only
        for x, ra in enumerate(na.readings):
            for y, rb in enumerate(nb.readings):
                if (
                    x + y
                    and (x == 0 or y == 0)
                    and _convention_agrees(rb if x else ra, ra if x else rb)
                ):
                    tasks.append((a, b, x, y))
    left = [joined[a][x] for a, _, x, _ in tasks]
    right = [joined[b][y] for _, b, _, y in tasks]
    # cpdist: cdist's pairwise form; the cheap whole-name score prunes the word-by-word check.
    scores = process.cpdist(
        left, right, scorer=fuzz.ratio, workers=cfg.workers, score_cutoff=cfg.threshold - 10
    )
    best: dict[tuple[int, int], float] = {}
    for (a, b, x, y), score in zip(tasks, scores, strict=True):
        better = score and score > best.get((a, b), -1.0)
        if better and same_words(names[a].readings[x], names[b].readings[y], cfg):
            best[(a, b)] = float(score)
    for _, a, b in sorted((-s, a, b) for (a, b), s in best.items()):
        uf.union(a, b)


def _candidate_pairs(names: list[Name], idxs: list[int], max_block: int) -> set[tuple[int, int]]:
    """Pairs sharing a block key: generic keys pair with each other, and a convention's
    keys pair a name with the other script's names only (so cost stays about linear)."""
    blocks: dict[str, list[int]] = defaultdict(list)
    cross: dict[str, list[int]] = defaultdict(list)
    for i in idxs:
        n = names[i]
        generic = block_keys(n.stems, str(len(n.stems)))
        for key in generic:
            blocks[key].append(i)
        extra: set[str] = set()
        for _, stems in n.readings[1:]:
            extra |= block_keys(stems, str(len(stems)))
        for key in extra - generic:
            cross[key].append(i)
    pairs: set[tuple[int, int]] = set()
    for members in blocks.values():
        if len(members) < 2 or len(members) > max_block:
            continue  # huge blocks (a very common word) are covered by the other words
        for x in range(len(members)):
            for y in range(x + 1, len(members)):
                pairs.add((members[x], members[y]))
    for key, readers in cross.items():
        others = blocks.get(key, ())
        if len(others) > max_block:
            continue
        for i in readers:
            for j in others:
                if names[i].greek != names[j].greek:
                    pairs.add((i, j) if i < j else (j, i))
    return pairs


def same_words(a: Reading, b: Reading, cfg: MatchSettings) -> bool:
    (ka, sa), (kb, sb) = a, b
    if len(sa) != len(sb):
        return False
    total = weight = 0.0
    single = len(sa) == 1
    for x, y, rx, ry in zip(sa, sb, ka, kb, strict=True):
        score = _word_score(x, y, rx, ry, single=single)
        floor = cfg.word_threshold
        if min(len(x), len(y)) <= 3:
            # Short words (Μέι/May) vary a lot in transcription, but a one-word name of
            # three letters must match exactly.
            floor = 100.0 if single else floor - 10
        if score < floor:
            return False
        w = max(len(x), len(y))
        total += score * w
        weight += w
    return total / max(weight, 1.0) >= cfg.threshold


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


def merge_short(names: list[Name], idxs: list[int], uf: UnionFind, cfg: MatchSettings) -> None:
    """A PERSON short form (``Λαβρόφ``, ``Κιμ``) joins the unique full name containing it."""
    if not idxs or names[idxs[0]].label != "PERSON":
        return  # places and organisations: 'Κορέα' is not short for 'Βόρεια Κορέα'
    by_word: dict[str, set[int]] = defaultdict(set)
    for i in idxs:
        n = names[i]
        if len(n.stems) > 1:
            for _, stems in n.readings or ((n.keys, n.stems),):
                for w in stems:
                    by_word[w].add(i)
    if not by_word:
        return
    for i in sorted(idxs, key=lambda k: (len(names[k].stems), k)):
        short = names[i]
        if not short.stems or len(short.stems) > 3 or short.kb is not None:
            continue  # a KB-pinned short form already knows its entity
        cands: set[int] = set()
        for r, (_, stems) in enumerate(short.readings or ((short.keys, short.stems),)):
            pool = min((by_word.get(w, set()) for w in stems), key=len)
            if not pool or len(pool) > cfg.max_block:
                continue  # a word shared by that many names cannot single one out
            cands.update(c for c in pool if _contains(names[c], short, stems, r == 0))
        roots = {uf.find(c) for c in cands}
        if len(roots) == 1:
            uf.union(i, roots.pop())


def _contains(full: Name, short: Name, short_stems: tuple[str, ...], generic: bool) -> bool:
    """Whether ``short_stems`` (one reading of ``short``) are words of ``full``, in order."""
    if len(full.stems) <= len(short_stems) or (not generic and not full.greek):
        return False
    return any(in_order(short_stems, reading[1]) for reading in full.readings_against(short))


def in_order(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    pos = 0
    for w in short:
        try:
            pos = full.index(w, pos) + 1
        except ValueError:
            return False
    return True
