"""An organisation or place named with and without what it is: ``Celtic`` and ``Celtic FC``,
``Figaro`` and ``Le Figaro``, ``Troodos`` and ``Troodos Mountains``, ``Partizan`` and
``Partizan Belgrade``.

A name's *core* is what is left once a leading article, the designators of its kind (a
club's FC, a firm's Group or AG, a place's Mountains or Lake) and, for an organisation, a
trailing place (one the knowledge base knows, or the text names as a place) are taken off,
and a leading one before two words or more (``US Federal Reserve``). A name that is its own
core joins the entity of the longer names with that core when they are one entity:
``Olympiacos`` beside both ``Olympiacos FC`` and ``Olympiacos BC`` stays apart from both,
which stay apart from each other. Only the words of the kind's list go: ``North`` is never a
designator, so ``Korea`` is never short for ``North Korea``. Longer names of one core join
where they add one kind of designator and one place (``Aris FC``, ``Aris Thessaloniki``); a
bank's or a museum's word goes too (``Banco Santander``), but not before "of" or a genitive
(the ``Bank of England`` is no ``England``); and an archipelago's or a range's adjective in
the plural is its short form (``Balearics``, ``Rockies``).

Across scripts, an organisation's bare name meets the longer names of the other script whose
core sounds as it does (``Λίβερπουλ`` and ``Liverpool F.C.``, ``Όμιλος Σαράντη`` and
``Sarantis``), since Greek and English write different designators; a place's too
(``Μεκόνγκ`` and ``Mekong River``, ``Ποταμός Μεκόνγκ`` and ``Mekong``), by its generic
sound alone and never without its article, which is part of its name (``La Paz``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from rapidfuzz import fuzz

from ..text.greek import greek_stem, normalize
from ..text.readings import reading_stems
from .matching import (
    Name,
    Reading,
    UnionFind,
    convention_agrees,
    short_keys_agree,
)
from .translate import english_stem
from .translate_match import HOME_COUNTRY

__all__ = ["core_words", "is_designator", "merge_designated"]

_ARTICLES = frozenset(
    normalize(w) for w in ("le", "la", "les", "the", "el", "il", "lo", "der", "die", "das", "het")
)
# An article after a leading designator (Musée du Louvre).
_AFTER_DESIGNATOR = frozenset(["du", "de", "des", "del", "della", "of", "the"])
_ORG = (
    # clubs (and the initials European clubs write before their names: SS Lazio, GNK Dinamo,
    # PFC Ludogorets, SSC Napoli)
    "fc", "f.c.", "afc", "cf", "sc", "ac", "bc", "fk", "sk", "club", "ΠΑΕ", "ΚΑΕ", "ΠΑΕ", "FC",
    "ss", "ssc", "gnk", "hnk", "nk", "pfc", "ofk", "bk",
    # firms
    "group", "groupe", "gruppe", "holding", "holdings", "inc", "inc.", "ltd", "ltd.", "plc",
    "ag", "sa", "s.a.", "spa", "nv", "bv", "gmbh", "corp", "corp.", "corporation", "co.",
    "όμιλος", "ομίλου", "Α.Ε.", "ΑΕ",
    # papers, broadcasters, agencies, firms and museums named by what they are
    "zeitung", "tv", "news", "agency", "company", "auto", "museum", "musée",
    # universities (Harvard, Harvard University; not Greek, whose Πανεπιστήμιο Πειραιώς is not
    # the bank Πειραιώς)
    "university", "universität", "université", "università", "universidad",
)  # fmt: skip
# Banks and museums (Banco Santander, Τράπεζα Σανταντέρ; Μουσείο Ερμιτάζ): designators that
# name an institution *of* what follows them where a preposition or a genitive says so: the
# Bank of England is not England, Τράπεζα της Ελλάδος not Greece, nor is Τράπεζα Κύπρου the
# Κύπρος of a sports page (where Banco Santander is Santander).
_OF_WHAT_FOLLOWS_WORDS = ("bank", "banco", "banca", "banque", "τράπεζα", "μουσείο")
_OF_WHAT_FOLLOWS = frozenset(normalize(w) for w in _OF_WHAT_FOLLOWS_WORDS)
_OF = frozenset(
    normalize(w) for w in ("of", "de", "do", "da", "di", "del", "du", "της", "του", "των")
)
# Not a lake, gulf, bay or valley: those are named after the town or land beside them
# (Lake Geneva is not Geneva, the Gulf of Corinth not Corinth).
_LOC = (
    "mountains", "mountain", "mount", "mt", "island", "islands", "river", "peninsula", "cape",
    "sea", "ocean", "desert", "range",
    "όρος", "όρη", "νήσος", "νησί", "νησιά", "νήσοι", "ποταμός", "θάλασσα", "ωκεανός",
    "χερσόνησος", "έρημος", "οροσειρά",
)  # fmt: skip
# States and unions written by their abbreviation before their bodies' names (normalised:
# U.S. is "us", as one run of letters; see _words).
_OWNERS = frozenset(["us", "usa", "uk", "eu", "un"])
# Abbreviations come normalised as their letters (F.C.: f c), and are read as one word: fc.
_DESIGNATORS = {
    "ORG": frozenset(normalize(w).replace(" ", "") for w in (*_ORG, *_OF_WHAT_FOLLOWS_WORDS)),
    "LOC": frozenset(normalize(w).replace(" ", "") for w in _LOC),
}

PlaceTest = Callable[[str], bool]


def is_designator(word: str, label: str) -> bool:
    """Whether a normalised word says what a name of ``label`` names (FC, Group, Mountains,
    Χερσόνησος) rather than which one it is; a bank's or a museum's word is part of its name
    (Τράπεζα της Ελλάδος is no fuller than Bank)."""
    return word in _DESIGNATORS.get(label, frozenset()) and word not in _OF_WHAT_FOLLOWS


def core_words(norm: str, label: str, *, is_place: PlaceTest | None = None) -> tuple[str, ...]:
    """The core of a normalised name under ``label`` (the name itself where nothing goes)."""
    return _core(_words(norm), label, is_place)


def _core(words: list[str], label: str, is_place: PlaceTest | None) -> tuple[str, ...]:
    designators = _DESIGNATORS.get(label, frozenset())
    if len(words) > 1 and words[0] in _ARTICLES:
        words = words[1:]
    if len(words) > 2 and words[0] in _OF_WHAT_FOLLOWS and words[1] in _OF:
        return tuple(words)
    while len(words) > 1 and words[0] in designators:
        words = words[1:]
        if len(words) > 1 and words[0] in _AFTER_DESIGNATOR:
            words = words[1:]
    while len(words) > 1 and words[-1] in designators:
        words = words[:-1]
    if label == "ORG" and is_place is not None and len(words) > 1 and is_place(words[-1]):
        words = words[:-1]
    # A country before a name of two words or more says whose body it is, as the text's other
    # names leave unsaid (US Federal Reserve, US State Department); before one word it is
    # part of the name (US Open). Greece's and Cyprus's adjectives count as their names, and
    # the abbreviations of the states and unions that own bodies as places (UN Security
    # Council), the knowledge base or not.
    if (
        label == "ORG"
        and is_place is not None
        and len(words) > 2
        and (english_stem(words[0]) in HOME_COUNTRY or words[0] in _OWNERS or is_place(words[0]))
    ):
        words = words[1:]
    return tuple(words)


def _words(norm: str) -> list[str]:
    """The words of a normalised name, a run of single letters (an abbreviation) as one."""
    words: list[str] = []
    letters = False  # whether the last word is a run of single letters
    for word in norm.replace("-", " ").split():
        if len(word) == 1 and letters:
            words[-1] += word
        else:
            words.append(word)
            letters = len(word) == 1
    return words


def _same_names_joined(
    names: list[Name],
    forms: Sequence[int],
    own: int,
    core: tuple[str, ...],
    uf: UnionFind,
    is_place: PlaceTest | None = None,
) -> set[int]:
    """Join the longer names of one core that are one name spelt two ways (Celtic FC, Celtic
    F.C.: the same designators; Aris FC, Aris Thessaloniki: one kind of designator and one
    place, ``is_place`` given), or that say what a longer name of the bare name's own entity
    says (its KB entry's Celtic F.C., where the text writes Celtic FC); the roots left."""
    said: dict[int, set[frozenset[str]]] = {}
    for j in forms:
        said.setdefault(uf.find(j), set()).add(_designators(names[j].norm, core))
    if _one_name(set().union(*said.values()), is_place):
        for j in forms[1:]:
            uf.union(forms[0], j)
    elif own in said:
        for root, designators in said.items():
            if root != own and designators <= said[own]:
                uf.union(own, root)
    return {uf.find(j) for j in forms}


def _one_name(said: set[frozenset[str]], is_place: PlaceTest | None) -> bool:
    """Whether the words that longer names of one core add (their designators and place)
    leave them one name: all add the same, or (``is_place`` given) some add one kind of
    designator and the others one place (Aris FC, Aris Thessaloniki; not Olympiacos FC and
    Olympiacos BC, nor Aris Thessaloniki and Aris Limassol)."""
    if len(said) == 1 or is_place is None:
        return len(said) == 1
    places = {w for words in said for w in words if is_place(w)}
    kinds = {words - places for words in said} - {frozenset()}
    return len(places) == 1 and len(kinds) == 1


def _designators(norm: str, core: tuple[str, ...]) -> frozenset[str]:
    """The words of a longer name that its core leaves out (its article, designators and
    place)."""
    return frozenset(_words(norm)) - frozenset(core)


# English shortens a range or an archipelago named by an adjective to the adjective's plural:
# the Balearics, the Rockies, the Canaries, the Faroes.
_PLURAL_FEATURES = frozenset(["islands", "isles", "mountains"])


def _merge_plural_short_forms(names: list[Name], idxs: list[int], uf: UnionFind) -> None:
    """Join a one-word Latin place name to the one entity of the ``<word> Islands`` or
    ``<word> Mountains`` it is the plural of (Balearics, Balearic Islands)."""
    features: dict[str, list[int]] = {}
    for i in idxs:
        words = names[i].norm.split()
        if not names[i].greek and len(words) == 2 and words[1] in _PLURAL_FEATURES:
            features.setdefault(words[0], []).append(i)
    if not features:
        return
    for i in idxs:
        n = names[i]
        if n.greek or " " in n.norm or not n.norm.endswith("s"):
            continue
        for singular in _singulars(n.norm):
            roots = {uf.find(j) for j in features.get(singular, ())}
            if len(roots) == 1:
                uf.union(i, roots.pop())
                break


def _singulars(plural: str) -> list[str]:
    """What an English plural may be the plural of: rockies, rocky; faroes, faroe or faro."""
    stem = plural[:-1]
    out = [stem]
    if plural.endswith("ies"):
        out.insert(0, plural[:-3] + "y")
    elif plural.endswith("es"):
        out.append(plural[:-2])
    return out


Groups = tuple[
    dict[tuple[bool, tuple[str, ...]], int],
    dict[tuple[bool, tuple[str, ...]], list[int]],
    dict[tuple[bool, tuple[str, ...]], list[int]],
]


def merge_designated(
    names: list[Name], idxs: list[int], uf: UnionFind, *, is_place: PlaceTest | None = None
) -> None:
    """Merge each name that is its own core into the one entity of the longer names with
    that core (same script: the other steps join the scripts). Where an organisation's core
    lost a place, its names are also grouped by their core with the place kept: ``Dynamo
    Kyiv`` is the core of ``FC Dynamo Kyiv`` although both have ``Dynamo`` for theirs."""
    if not idxs or names[idxs[0]].label not in _DESIGNATORS:
        return
    label = names[idxs[0]].label
    # The names that are their own core, as the first one per core plus a list of the others
    # where there are any: one list per name would be containers the garbage collector walks.
    groups: Groups = ({}, {}, {})
    with_place: Groups = ({}, {}, {})
    by_stem: Groups = ({}, {}, {})
    for i in idxs:
        n = names[i]
        split = _words(n.norm)
        words = tuple(split)
        core = _core(split, label, is_place)
        if not core:
            continue
        _group(groups, (n.greek, core), i, bare=core == words)
        if n.greek and (
            core == words or (split[0] in _DESIGNATORS[label] and split[0] not in _OF_WHAT_FOLLOWS)
        ):
            # A Greek designator takes its name in the genitive (Χερσόνησος Καρπασίας,
            # Οροσειρά Πενταδακτύλου): the core's cases are one core.
            _group(by_stem, (True, tuple(map(greek_stem, core))), i, bare=core == words)
        if is_place is not None and label == "ORG" and core != words:
            plain = _core(split, label, None)
            if plain != core:
                _group(with_place, (n.greek, plain), i, bare=plain == words)
    _join_bare(names, groups, uf, is_place if label == "ORG" else None)
    _join_bare(names, with_place, uf)
    _join_bare(names, by_stem, uf)
    bare, bare_more, longer = groups
    if label == "LOC":
        # A place's article is its name's: La Paz is no Πάσιο, whatever their keys' stems.
        # Its designators are not (Ποταμός Μεκόνγκ, Mekong; Gobi Desert, Γκόμπι).
        longer = {
            key: kept
            for key, js in longer.items()
            if (kept := [j for j in js if _words(names[j].norm)[0] not in _ARTICLES])
        }
    _merge_across_scripts(names, bare, bare_more, longer, uf, whole=label == "LOC")
    if label == "LOC":
        _merge_plural_short_forms(names, idxs, uf)


def _group(groups: Groups, key: tuple[bool, tuple[str, ...]], i: int, *, bare: bool) -> None:
    first, more, longer = groups
    if not bare:
        longer.setdefault(key, []).append(i)
    elif first.setdefault(key, i) != i:
        more.setdefault(key, []).append(i)


def _join_bare(
    names: list[Name], groups: Groups, uf: UnionFind, is_place: PlaceTest | None = None
) -> None:
    bare, bare_more, longer = groups
    for key, spelt in longer.items():
        if key not in bare and len(spelt) > 1:
            # No bare name, but the longer ones may be one name spelt two ways (River Jordan,
            # Jordan River: the same designators; Aris FC, Aris Thessaloniki).
            _same_names_joined(names, spelt, -1, key[1], uf, is_place)
    for key, head in bare.items():
        forms = longer.get(key, ())
        roots = {uf.find(j) for j in forms}
        if len(roots) > 1:
            roots = _same_names_joined(names, forms, uf.find(head), key[1], uf, is_place)
        if len(roots) == 1:
            root = roots.pop()
            for i in (head, *bare_more.get(key, ())):
                uf.union(i, root)


# How close (0-100) a bare place's unstemmed keys and the other script's core's must be: a
# short word's ratio (75) lets Σιένα (siena) meet Sinai Peninsula (sinai, 80).
_PLACE_KEY_RATIO = 85.0


def _keys_agree(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    return fuzz.ratio(" ".join(a), " ".join(b)) >= _PLACE_KEY_RATIO


def _merge_across_scripts(
    names: list[Name],
    bare: dict[tuple[bool, tuple[str, ...]], int],
    bare_more: dict[tuple[bool, tuple[str, ...]], list[int]],
    longer: dict[tuple[bool, tuple[str, ...]], list[int]],
    uf: UnionFind,
    *,
    whole: bool,
) -> None:
    """A name that is its own core joins the one entity of the other script's names whose
    core sounds as it does, in some reading (``Λίβερπουλ`` and ``Liverpool F.C.``,
    ``Sarantis`` and ``Όμιλος Σαράντη``): the other steps compare whole names, and the
    designators are what one language writes and the other leaves out. ``whole`` (places):
    by their generic readings only, and the cores' unstemmed keys must agree too, as a short
    word's do (Σιένα is no Sinai, which some language's reading spells sine)."""
    scripts = {greek for greek, _ in bare}
    if len(scripts | {greek for greek, _ in longer}) < 2:
        return
    by_sound: dict[tuple[bool, str], list[tuple[int, Reading, bool]]] = {}
    for (greek, core), js in longer.items():
        if (not greek) not in scripts:
            continue
        for k, reading in enumerate(reading_stems(" ".join(core))):
            hits = by_sound.setdefault((greek, " ".join(reading[1])), [])
            hits.extend((j, reading, k > 0) for j in js)
    if not by_sound:
        return
    for (greek, core), head in bare.items():
        n = names[head]
        generic = ((n.keys, n.stems),)
        roots = set()
        for k, reading in enumerate(generic if greek else (n.readings or generic)):
            for j, other, convention in by_sound.get((not greek, " ".join(reading[1])), ()):
                # A spelling convention must sound the same unstemmed (as in merge_exact).
                greek_reading, latin_reading = (reading, other) if greek else (other, reading)
                if whole and (convention or k):
                    continue  # some language's reading of Sinai sounds like Siena
                agree = _keys_agree if whole else short_keys_agree
                if agree(reading[0], other[0]) and (
                    not (convention or k) or convention_agrees(greek_reading, latin_reading)
                ):
                    roots.add(uf.find(j))
        if len(roots) == 1:
            root = roots.pop()
            for i in (head, *bare_more.get((greek, core), ())):
                uf.union(i, root)
