"""The merge steps of the resolver: same key, similar sound word by word, short forms.

Every name has one or more *readings*: the phonetic keys of its words read one way. A Greek
name has one; a Latin name has one per spelling convention that changes it (French ``ch``,
Italian ``gi``, Spanish ``j``..., see :mod:`entityx.text.readings`). A Latin name meets a
Greek name when any of its readings does; two Latin names compare their generic readings
only, since a convention chosen for one of them says nothing about how the other is spelled.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rapidfuzz import fuzz

from ..text.greek import has_greek, normalize
from ..text.keys import phonetic, stem_key
from .glossed_apart import glossed_apart, latin_glossed_apart
from .kb import KBEntry
from .name_parts import greek_name_parts
from .noun_families import two_nouns
from .qualifiers import qualifiers_differ
from .surname_gender import gendered_apart

__all__ = [
    "DEFAULT_MAX_BLOCK",
    "DEFAULT_THRESHOLD",
    "DEFAULT_WORD_THRESHOLD",
    "MatchSettings",
    "Name",
    "UnionFind",
    "glossed_apart_names",
    "merge_exact",
    "merge_short",
    "short_keys_agree",
    "told_apart",
]

Reading = tuple[tuple[str, ...], tuple[str, ...]]  # (keys, stemmed keys) of the words

# The one place the resolver's default settings live (Resolver, the spaCy component and the
# command line import them). 84/70 are the defaults since the resolver core (commit c9f1598,
# 2026-11-27); every development-set figure (`entityx evaluate-resolver`, the thresholds in
# tests/test_resolve*.py and tests/test_cross_script.py) was measured with them.
#: rapidfuzz ratio (0-100) two phonetic names need to merge.
DEFAULT_THRESHOLD = 84.0
#: Floor for every aligned word of two names (keeps ``Donald Trump`` and ``Melania Trump`` apart).
DEFAULT_WORD_THRESHOLD = 70.0
#: Blocks (and short-form pools) of more names than this are skipped as not distinctive; 400
#: until commit 4187ab8 (2026-11-27), lowered to 60 so that cost grows about linearly with the
#: number of names (benchmarks/bench_resolver.py) without losing a pair of the development sets.
DEFAULT_MAX_BLOCK = 60
#: Unstemmed similarity a one-word name needs to be met by another script's spelling convention
#: (from commit 7fcf1bb, 2026-12-01, with the readings; see :func:`convention_agrees`).
ONE_WORD_CONVENTION = 100.0
#: Unstemmed similarity two one-word names of short keys (at most :data:`SHORT_KEY` letters)
#: need when their stems agree (Dubai/Dubbo → dub); from commit 7fcf1bb, like the above.
SHORT_KEY_RATIO = 75.0
SHORT_KEY = 5


@dataclass(slots=True)
class Name:
    """One distinct surface of a label in the context, with its keys and KB entry."""

    surface: str
    label: str
    norm: str
    keys: tuple[str, ...]
    stems: tuple[str, ...]
    kb: KBEntry | None
    greek: bool = False
    # Every reading, the generic one (keys, stems) first; () when only the generic one counts.
    readings: tuple[Reading, ...] = field(default=())
    count: int = 0
    first: int = 0
    person: bool = False  # passed as PERSON (before any relabel from the KB)
    alias: bool = False  # a linked KB entry's other name, standing in (.kb_aliases)

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
    """Union-find whose roots remember their KB id, so two KB entries never merge.

    A root is always the smallest index of its set (the resolver lists clusters by it).
    """

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
    parts = greek_name_parts
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


def merge_exact(names: list[Name], idxs: list[int], uf: UnionFind) -> None:
    """Names with the same KB entry, or the same stemmed key in some reading, merge."""
    # Groups are kept as their first member plus a list of the others for the few keys that
    # have any: one list per key would be 100,000 containers on 100,000 names, all of them
    # for the cyclic garbage collector to walk again and again.
    first: dict[str, int] = {}
    more: dict[str, list[int]] = {}
    cross_first: dict[str, tuple[int, Reading]] = {}
    cross_more: dict[str, list[tuple[int, Reading]]] = {}
    for i in idxs:
        n = names[i]
        exact = "=" + " ".join(n.stems)
        for key in ("kb:" + n.kb.id, exact) if n.kb is not None else (exact,):
            if first.setdefault(key, i) != i:
                more.setdefault(key, []).append(i)
        for reading in n.readings[1:]:
            key, entry = "=" + " ".join(reading[1]), (i, reading)
            if cross_first.setdefault(key, entry) is not entry:
                cross_more.setdefault(key, []).append(entry)
    for key, head in first.items():
        members = [head]
        for j in more.get(key, ()):
            if not key.startswith("="):
                uf.union(head, j)
                continue
            # One stemmed key may be two nouns' (Όλυμπος and Ολυμπία: .noun_families): a name
            # joins the one entity of the names before it that holds a name it is one name
            # with and none it is another noun than (Olympus would bridge the two).
            roots: set[int] = set()
            apart: set[int] = set()
            for m in members:
                if two_greek_nouns(names[m], names[j]):
                    apart.add(uf.find(m))
                elif _one_name(names[m], names[j]):
                    roots.add(uf.find(m))
            roots -= apart
            if len(roots) == 1:
                uf.union(roots.pop(), j)
            members.append(j)
    for key, reader in cross_first.items():
        if key not in first:
            continue
        # A convention of one script meets the generic reading of the other only; the first
        # member of each script stands for its group (merged already, but for two nouns).
        by_script: dict[bool, int] = {}
        for m in (first[key], *more.get(key, ())):
            by_script.setdefault(names[m].greek, m)
        for j, reading in (reader, *cross_more.get(key, ())):
            other = by_script.get(not names[j].greek)
            if other is not None and convention_agrees(
                (names[other].keys, names[other].stems), reading
            ):
                uf.union(other, j)


def _one_name(a: Name, b: Name) -> bool:
    return (
        short_keys_agree(a.keys, b.keys)
        and not glossed_apart_names(a, b)
        and not (a.label == "PERSON" and gendered_apart(a.keys, b.keys))
    )


def two_greek_nouns(a: Name, b: Name) -> bool:
    """Greek places' or bodies' one-word names of one stem whose endings say two nouns
    (:mod:`.noun_families`); people have rules of their own."""
    return a.greek and b.greek and a.label != "PERSON" and two_nouns(a.norm, b.norm)


def glossed_apart_names(a: Name, b: Name) -> bool:
    """:func:`.glossed_apart.glossed_apart` of two names of one script (Greek or Latin)."""
    # Νίγηρας and Νιγηρία, Niger and Nigeria share a stem; the dictionary says they are two.
    if a.greek != b.greek:
        return False
    apart = glossed_apart if a.greek else latin_glossed_apart
    return apart(a.norm, b.norm, a.label)


def told_apart(a: Name, b: Name) -> bool:
    """Whether two names that sound alike are two things all the same: their qualifiers say
    so (North Dakota, Νότια Ντακότα), or the dictionary (Υπουργείο Εξωτερικών and
    Εσωτερικών, Niger and Nigeria: :func:`glossed_apart_names`)."""
    one_script = a.greek == b.greek
    return (
        qualifiers_differ(a.norm, b.norm, one_script=one_script)
        or glossed_apart_names(a, b)
        or two_greek_nouns(a, b)
    )


def short_keys_agree(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    # One short word: stems can collide (Dubai/Dubbo → dub), so the unstemmed keys must
    # agree too.
    if len(a) == 1 and len(b) == 1 and len(a[0]) <= SHORT_KEY:
        return fuzz.ratio(a[0], b[0]) >= SHORT_KEY_RATIO
    return True


def convention_agrees(greek: Reading, convention: Reading) -> bool:
    """A one-word name read by a chosen convention must sound the same, unstemmed.

    With one reading per language, some reading of a short word nearly always comes close to
    some Greek word (Karaj, Kerki, Karachi); a name of several words confirms itself.
    """
    if len(greek[0]) != 1:
        return True
    return fuzz.ratio(greek[0][0], convention[0][0]) >= ONE_WORD_CONVENTION


def merge_short(names: list[Name], idxs: list[int], uf: UnionFind, cfg: MatchSettings) -> None:
    """A PERSON short form (``Λαβρόφ``, ``Κιμ``) joins the unique full name containing it."""
    if not idxs or names[idxs[0]].label != "PERSON":
        return  # places and organisations: 'Κορέα' is not short for 'Βόρεια Κορέα'
    # The full names with a word: its first one, and a set of the others only where there are
    # any (see merge_exact: few containers for the garbage collector).
    first: dict[str, int] = {}
    more: dict[str, set[int]] = {}
    longest = 0  # words of the longest full name: no reading of as many words is short for it
    for i in idxs:
        n = names[i]
        if len(n.stems) > 1:
            longest = max(longest, len(n.stems))
            for _, stems in n.readings or ((n.keys, n.stems),):
                for w in stems:
                    if first.setdefault(w, i) != i:
                        more.setdefault(w, set()).add(i)
    if not first:
        return
    undecided: list[tuple[int, set[int]]] = []
    for i in sorted(idxs, key=lambda k: (len(names[k].stems), k)):
        short = names[i]
        if short.kb is not None:
            _extend_pinned(names, i, first, more, uf, cfg)
            continue
        if not short.stems or len(short.stems) > 3:
            continue
        cands: set[int] = set()
        for r, (keys, stems) in enumerate(short.readings or ((short.keys, short.stems),)):
            if len(stems) >= longest or any(w not in first for w in stems):
                continue
            # The rarest word's names: the names of any of its words hold every candidate.
            w = min(stems, key=lambda w: len(more.get(w, ())))
            others = more.get(w, ())
            if len(others) + 1 > cfg.max_block:
                continue  # a word shared by that many names cannot single one out
            cands.update(
                c
                for c in (first[w], *others)
                if _contains(names[c], short, stems, None if r == 0 else keys)
            )
        roots = {uf.find(c) for c in cands}
        if len(roots) > 1:
            # Stems can collide (Modi and Mondo: mod); the full names that hold the short
            # form's words unstemmed too are the ones it is short for.
            cands = {c for c in cands if _contains_keys(names[c], short)} or cands
            roots = {uf.find(c) for c in cands}
        if len(roots) == 1:
            uf.union(i, roots.pop())
        elif roots:
            undecided.append((i, cands))
    # A longer short form may since have joined two candidates (John Kennedy with John F.
    # Kennedy): then Kennedy is short for that one entity.
    for i, cands in undecided:
        roots = {uf.find(c) for c in cands}
        if len(roots) == 1:
            uf.union(i, roots.pop())


def _extend_pinned(
    names: list[Name],
    i: int,
    first: dict[str, int],
    more: dict[str, set[int]],
    uf: UnionFind,
    cfg: MatchSettings,
) -> None:
    """A KB-pinned name of two words or more (``Bola Tinubu``) takes in the one unlinked full
    name that only adds middle words to it (``Bola Ahmed Tinubu``), but no initial: the KB
    entry of ``George Bush`` says nothing of ``George H. W. Bush``."""
    short = names[i]
    if len(short.stems) < 2 or any(w not in first for w in short.stems):
        return
    w = min(short.stems, key=lambda w: len(more.get(w, ())))
    if len(more.get(w, ())) + 1 > cfg.max_block:
        return
    roots = {
        uf.find(c)
        for c in (first[w], *more.get(w, ()))
        if names[c].kb is None and _adds_middle_words(names[c], short)
    }
    if len(roots) == 1:
        uf.union(i, roots.pop())


def _adds_middle_words(full: Name, short: Name) -> bool:
    if len(full.stems) <= len(short.stems):
        return False
    return any(
        stems[0] == short.stems[0]
        and stems[-1] == short.stems[-1]
        and in_order(short.stems, stems)
        and not _initials(stems)
        for _, stems in full.readings_against(short)
    )


def _contains(
    full: Name, short: Name, short_stems: tuple[str, ...], other_keys: tuple[str, ...] | None
) -> bool:
    """Whether ``short_stems`` (one reading of ``short``) are words of ``full``, in order.

    ``other_keys`` are the words of a reading other than the generic one: that reading is
    read against Greek full names only, and its words must be theirs unstemmed, since two
    stems of three letters meet by chance (Fairuz read the French way, ferus, and Φεραίος).
    """
    if len(full.stems) <= len(short_stems) or (other_keys is not None and not full.greek):
        return False
    initials = _initials(short_stems)
    return any(
        in_order(short_stems, reading[1])
        and (not initials or _initials(reading[1]) == initials)
        and (other_keys is None or in_order(other_keys, reading[0]))
        for reading in full.readings_against(short)
    )


def _contains_keys(full: Name, short: Name) -> bool:
    """Whether some reading of ``full`` holds the words of ``short`` unstemmed, in order."""
    return any(
        in_order(keys, reading[0])
        for keys, _ in short.readings or ((short.keys, short.stems),)
        for reading in full.readings_against(short)
    )


def _initials(stems: tuple[str, ...]) -> tuple[str, ...]:
    # A short form that writes initials names them all: George W. Bush is not short for
    # George H. W. Bush.
    return tuple(w for w in stems if len(w) == 1)


def in_order(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    pos = 0
    for w in short:
        try:
            pos = full.index(w, pos) + 1
        except ValueError:
            return False
    return True
