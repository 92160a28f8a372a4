"""Step 3 of the resolver: names of the same length whose words match one by one merge.

Candidate pairs come from blocking on vowel-free word shapes (:func:`entityx.text.keys.
block_keys`), so cost grows about linearly. Each pair is scored on its whole stemmed name, in
every pair of readings worth comparing (see :mod:`.matching`), by one vectorised rapidfuzz
call; the few pairs that come close get the word-by-word check.

Blocking and task lists are numpy arrays of name indices, not Python sets of tuples: on
100,000 names there are millions, which as objects cost building and the collector's passes.
"""

from __future__ import annotations

from collections import defaultdict
from functools import cache
from itertools import combinations
from typing import TYPE_CHECKING, Any

from rapidfuzz import fuzz, process

from ..text.keys import block_keys
from .matching import ONE_WORD_CONVENTION, convention_agrees, told_apart
from .word_scores import same_words

if TYPE_CHECKING:
    from .matching import MatchSettings, Name, Reading, UnionFind

__all__ = ["candidate_pairs", "merge_fuzzy", "same_words"]

# The margin is in the resolver core (commit c9f1598, 2026-11-27); it is not fitted, and every
# development-set figure (`entityx evaluate-resolver`, tests/test_resolve_generalisation.py)
# was measured with it (the word scores' constants: .word_scores).
#: How far below ``threshold`` the whole-name ratio may fall and the pair still get the
#: word-by-word check (the per-word scores can credit consonant skeletons the whole name misses).
PRUNE_MARGIN = 10.0


#: Below this many names of a label, pairs and tasks are built in plain Python (numpy's fixed
#: cost per call outweighs the work on a document's names).
VECTOR_MIN = 500


def merge_fuzzy(names: list[Name], idxs: list[int], uf: UnionFind, cfg: MatchSettings) -> None:
    """Names of the same length whose words match one by one merge when rapidfuzz agrees.

    A pair is scored on every reading pair worth comparing (the generic readings of both; for
    names of different scripts also one name's generic reading against each convention of the
    other); it keeps its best score among the reading pairs that pass :func:`same_words`, and
    pairs merge best first, so the result does not depend on the order pairs are found in.
    """
    import numpy as np

    rows = _Rows(names, idxs)
    if len(idxs) < VECTOR_MIN:
        left, right = (np.array(r, dtype=np.int64) for r in rows.tasks(names, idxs, cfg.max_block))
    else:
        left, right = rows.vector_tasks(names, candidate_pairs(names, idxs, cfg.max_block))
    if not len(left):
        return
    texts = np.array(rows.texts, dtype=object)
    cutoff = cfg.threshold - PRUNE_MARGIN
    # The bound costs a few numpy calls: worth it on many pairs, not on a document's few.
    keep = _may_reach(rows.texts, left, right, cutoff) if len(left) >= VECTOR_MIN else None
    if keep is None:
        keep = np.ones(len(left), dtype=bool)
    elif not keep.any():
        return
    # cpdist: cdist's pairwise form; the cheap whole-name score prunes the word-by-word check.
    kept = process.cpdist(
        texts[left[keep]],
        texts[right[keep]],
        scorer=fuzz.ratio,
        workers=cfg.workers,
        score_cutoff=cutoff,
    )
    scores = np.zeros(len(left), dtype=kept.dtype)
    scores[keep] = kept  # a pair left out scores below the cutoff, which cpdist gives as 0
    best: dict[tuple[int, int], float] = {}
    hits = scores.nonzero()[0]
    owner, reading = rows.owner, rows.reading
    person = names[idxs[0]].label == "PERSON"
    for sl, sr, score in zip(
        left[hits].tolist(), right[hits].tolist(), scores[hits].tolist(), strict=True
    ):
        pair = (owner[sl], owner[sr])
        # In one script spellings vary little, so a long shared ending (a surname suffix)
        # must not make two different roots look alike; across scripts they vary too much.
        one_script = names[pair[0]].greek == names[pair[1]].greek
        latin = one_script and not names[pair[0]].greek
        if score > best.get(pair, -1.0) and same_words(
            reading[sl], reading[sr], cfg, roots=one_script, latin=latin, person=person
        ):
            best[pair] = score
    best = {(a, b): s for (a, b), s in best.items() if not told_apart(names[a], names[b])}
    for _, a, b in sorted((-s, a, b) for (a, b), s in best.items()):
        uf.union(a, b)


#: Letters counted one by one in :func:`_may_reach`; every other character shares one count.
_COUNTED = 26
_CHUNK = 1 << 18  # pairs bounded at a time (the gathered letter counts are pairs x 28 bytes)


def _may_reach(texts: list[str], left: Any, right: Any, cutoff: float) -> Any:
    """Whether each row pair can reach ``cutoff`` in ``fuzz.ratio``, by a bound only.

    The ratio is ``200 * LCS / (len_a + len_b)``, and a common subsequence holds no more of a
    letter than either text has: the letter counts bound the ratio from above, for far less
    than cpdist's cost per pair (most blocked pairs of people share one word and no more).
    """
    import numpy as np

    lengths = np.fromiter(map(len, texts), dtype=np.int64, count=len(texts))
    codes = np.frombuffer("".join(texts).encode("utf-32-le"), dtype=np.uint32).astype(np.int64)
    letter = np.where((codes >= 97) & (codes < 97 + _COUNTED), codes - 97, _COUNTED)
    letter = np.where(codes == 32, _COUNTED + 1, letter)  # the space between words
    owner = np.repeat(np.arange(len(texts)), lengths)
    width = _COUNTED + 2
    flat = np.bincount(owner * width + letter, minlength=len(texts) * width)
    # One byte a count where they fit (gathering them per pair is the cost), else exact ints.
    small = not len(flat) or flat.max() <= np.iinfo(np.uint8).max
    counts = flat.astype(np.uint8 if small else np.int64).reshape(len(texts), width)
    keep = np.ones(len(left), dtype=bool)
    for start in range(0, len(left), _CHUNK):
        a, b = left[start : start + _CHUNK], right[start : start + _CHUNK]
        common = np.minimum(counts[a], counts[b]).sum(axis=1, dtype=np.int64)
        total = lengths[a] + lengths[b]
        # A margin for rounding: only pairs clearly below the cutoff are left out.
        bound = 200.0 * common / np.maximum(total, 1)
        keep[start : start + _CHUNK] = (total == 0) | (bound >= cutoff - 1e-6)
    return keep


class _Rows:
    """The readings of one label's names, one row each: reading ``k`` of name ``i`` is row
    ``offset[i] + k``, with its joined stems (``texts``) and its name (``owner``)."""

    def __init__(self, names: list[Name], idxs: list[int]) -> None:
        self.offset: dict[int, int] = {}
        self.texts: list[str] = []
        self.owner: list[int] = []
        self.reading: list[Reading] = []
        for i in idxs:
            nm = names[i]
            readings = nm.readings or ((nm.keys, nm.stems),)
            self.offset[i] = len(self.texts)
            self.texts += [" ".join(stems) for _, stems in readings]
            self.owner += [i] * len(readings)
            self.reading += readings

    def tasks(
        self, names: list[Name], idxs: list[int], max_block: int
    ) -> tuple[list[int], list[int]]:
        """Rows (left, right) of every reading pair to score, in plain Python."""
        left: list[int] = []
        right: list[int] = []
        reading, offset = self.reading, self.offset
        for a, b in _pairs(names, idxs, max_block):
            oa, ob = offset[a], offset[b]
            left.append(oa)
            right.append(ob)
            if names[a].greek == names[b].greek:
                continue  # conventions are for the other script only
            # The generic reading of one name against each convention of the other.
            for y in range(ob + 1, ob + _count(names[b])):
                if convention_agrees(reading[oa], reading[y]):
                    left.append(oa)
                    right.append(y)
            for x in range(oa + 1, oa + _count(names[a])):
                if convention_agrees(reading[ob], reading[x]):
                    left.append(x)
                    right.append(ob)
        return left, right

    def vector_tasks(self, names: list[Name], codes: Any) -> tuple[Any, Any]:
        """:meth:`tasks` for the pairs ``codes`` (see :func:`candidate_pairs`), with numpy."""
        import numpy as np

        n = len(names)
        idx = np.fromiter(self.offset, dtype=np.int64, count=len(self.offset))
        offset, count = np.zeros(n, dtype=np.int64), np.zeros(n, dtype=np.int64)
        offset[idx] = np.fromiter(self.offset.values(), dtype=np.int64, count=len(idx))
        count[idx] = [_count(names[i]) for i in self.offset]
        greek = np.fromiter((nm.greek for nm in names), dtype=bool, count=n)
        words = [keys for keys, _ in self.reading]
        one_word = np.fromiter((len(w) == 1 for w in words), dtype=bool, count=len(words))
        first = np.array([w[0] if w else "" for w in words], dtype=object)
        a, b = codes // n, codes % n
        lefts, rights = [offset[a]], [offset[b]]
        cross = greek[a] != greek[b]
        a, b = a[cross], b[cross]
        for gen, conv, conv_is_left in ((a, b, False), (b, a, True)):
            counts = count[conv] - 1
            pick = np.repeat(np.arange(len(gen)), counts)
            k = np.arange(len(pick)) - np.repeat(np.cumsum(counts) - counts, counts) + 1
            g_row, c_row = offset[gen[pick]], offset[conv[pick]] + k
            keep = _conventions_agree(g_row, c_row, one_word, first)
            g_row, c_row = g_row[keep], c_row[keep]
            lefts.append(c_row if conv_is_left else g_row)
            rights.append(g_row if conv_is_left else c_row)
        return np.concatenate(lefts), np.concatenate(rights)


def _conventions_agree(g_row: Any, c_row: Any, one_word: Any, first: Any) -> Any:
    """:func:`.matching.convention_agrees` for many rows: ``one_word`` and ``first`` say, per
    row, whether its reading has one word and what that word's key is."""
    import numpy as np

    one = one_word[g_row]
    keep = ~one
    if one.any():
        ratio = process.cpdist(
            first[g_row[one]], first[c_row[one]], scorer=fuzz.ratio, dtype=np.float64
        )
        keep[one] = ratio >= ONE_WORD_CONVENTION
    return keep


def _count(name: Name) -> int:
    return len(name.readings) or 1


def _pairs(names: list[Name], idxs: list[int], max_block: int) -> set[tuple[int, int]]:
    """:func:`candidate_pairs` in plain Python, as ``(a, b)`` pairs."""
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
        if 2 <= len(members) <= max_block:
            pairs.update(combinations(members, 2))
    for key, readers in cross.items():
        others = blocks.get(key, ())
        if len(others) <= max_block:
            for i in readers:
                pairs.update(
                    (min(i, j), max(i, j)) for j in others if names[i].greek != names[j].greek
                )
    return pairs


def candidate_pairs(names: list[Name], idxs: list[int], max_block: int) -> Any:
    """Pairs sharing a block key, as sorted unique codes ``a * len(names) + b`` (``a < b``).

    Generic keys pair with each other, and a convention's keys pair a name with the other
    script's names only (so cost stays about linear); blocks of more than ``max_block`` names
    (a very common word) are skipped, as the other words of their names cover them.
    """
    import numpy as np

    key_ids: dict[str, int] = {}
    g_key: list[int] = []
    g_name: list[int] = []
    c_key: list[int] = []
    c_name: list[int] = []
    for i in idxs:
        nm = names[i]
        generic = block_keys(nm.stems, str(len(nm.stems)))
        for key in generic:
            g_key.append(key_ids.setdefault(key, len(key_ids)))
            g_name.append(i)
        if len(nm.readings) > 1:
            extra: set[str] = set()
            for _, stems in nm.readings[1:]:
                extra |= block_keys(stems, str(len(stems)))
            for key in extra - generic:
                c_key.append(key_ids.setdefault(key, len(key_ids)))
                c_name.append(i)
    keys, members = np.array(g_key, dtype=np.int64), np.array(g_name, dtype=np.int64)
    order = np.argsort(keys, kind="stable")  # members stay in index order within a block
    members = members[order]
    size = np.bincount(keys, minlength=len(key_ids))
    start = np.cumsum(size) - size
    n = len(names)
    sizes = np.unique(size[(size >= 2) & (size <= max_block)]).tolist()
    codes = [_block_pairs(members, start[size == m], m, n) for m in sizes]
    codes.append(_cross_pairs(np.array(c_key, dtype=np.int64), np.array(c_name, dtype=np.int64),
                              members, start, size, max_block, names))  # fmt: skip
    return _unique(np.concatenate(codes))


def _unique(codes: Any) -> Any:
    """Sorted distinct values (np.unique, by a sort: faster than its hashing on int64)."""
    import numpy as np

    codes.sort()
    return codes[np.concatenate(([True], codes[1:] != codes[:-1]))] if len(codes) else codes


def _block_pairs(members: Any, starts: Any, m: int, n: int) -> Any:
    """Codes of all pairs within the blocks of ``m`` names starting at ``starts``."""
    import numpy as np

    rows = members[starts[:, None] + np.arange(m)]
    x, y = _pair_positions(m)
    return (rows[:, x] * n + rows[:, y]).ravel()


@cache
def _pair_positions(m: int) -> Any:
    import numpy as np

    return np.array(list(combinations(range(m), 2)), dtype=np.int64).T


def _cross_pairs(
    c_key: Any, c_name: Any, members: Any, start: Any, size: Any, max_block: int,
    names: list[Name],
) -> Any:  # fmt: skip
    """Codes pairing each convention key's names with that key's generic names of the other
    script (a block of any size up to ``max_block``, one name included)."""
    import numpy as np

    counts = size[c_key] if len(c_key) else np.zeros(0, dtype=np.int64)
    counts = np.where(counts <= max_block, counts, 0)
    pick = np.repeat(np.arange(len(c_key)), counts)
    within = np.arange(len(pick)) - np.repeat(np.cumsum(counts) - counts, counts)
    reader = c_name[pick]
    other = members[start[c_key[pick]] + within]
    greek = np.fromiter((nm.greek for nm in names), dtype=bool, count=len(names))
    keep = greek[reader] != greek[other]
    reader, other = reader[keep], other[keep]
    return np.minimum(reader, other) * len(names) + np.maximum(reader, other)
