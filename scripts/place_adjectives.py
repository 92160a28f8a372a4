"""English glosses for the Greek adjectives of places that the dictionary does not gloss.

FreeDict ell-eng glosses ``ρωσικός`` (Russian) but not ``γεωργιανός``, ``λιβανέζικος`` or
``παλαιστινιακός``, which Greek news writes in the names of parties, armies and authorities
(``Γεωργιανό Όνειρο``: Georgian Dream; ``Παλαιστινιακή Αρχή``: Palestinian Authority). Both
languages derive such an adjective from the place's name by an ending of their own, so a
pair of the knowledge base's names for one place (``Γεωργία`` / Georgia) gives the pair of
adjectives where each side's derivation is a word of that language:

- the Greek adjective is a word of Hunspell's Greek dictionary (``hunspell-el``) that is the
  place's Greek name less its ending (γεωργ-ία) plus an adjective ending (-ιανός, -ικός,
  -έζικος...), and no other place of the knowledge base has that stem;
- the English adjective is a proper noun of SCOWL's word list (``wamerican``) that is the
  English name, less at most two letters, plus a demonym ending (Georgia-n, Leban-ese,
  Palestin-ian), never a common word (so Thai, not Polish for a place that is not Poland).

Only Greek stems the word table has no gloss for are given one: a common adjective the
dictionary glosses (``ανατολικός``: eastern) never becomes a place's (Anatolian).
"""

from __future__ import annotations

import gzip
import json
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from entityx.resolution.translate import english_stem, greek_word_stem
from entityx.text.greek import has_greek, has_latin, normalize

# Endings of the stems of Greek adjectives of places (normalised), longest first.
ADJECTIVE_ENDINGS = (
    "ανεζικ", "εζικ", "ιωτικ", "ιτικ", "ατικ", "ιανικ", "ανικ", "ιακ", "ιαν", "ικ", "αν", "ιν",
    "κ",
)  # fmt: skip
# Endings of Greek place names taken off before the adjective's (Γεωργ-ία, Καναδ-άς).
PLACE_ENDINGS = ("ια", "ασ", "οσ", "ησ", "α", "η", "ο", "ι", "")
# English demonym endings, by how much of the English name they keep (Georgia-n, Ital-ian,
# Leban-ese): the whole name, then one letter less, then two.
DEMONYM_ENDINGS = ("n", "an", "ian", "ese", "i", "ish", "e")
MAX_DROPPED = 2
# GeoNames places smaller than this give no adjectives (the curated entries always do).
MIN_POPULATION = 100_000
MIN_STEM = 3
# Letters of a Greek place's stem an adjective is read off (Κούβ-α; not Χάμ-α, whose
# χαμ- starts χαμιτικός, Hamitic).
MIN_GREEK_STEM = 4


def proper_nouns(words: Iterable[str]) -> frozenset[str]:
    """The words a word list writes capitalised and never in lower case (Georgian, not
    Polish, which is also polish)."""
    listed = list(words)
    common = {w for w in listed if w.islower()}
    return frozenset(w for w in listed if w[:1].isupper() and w.lower() not in common)


def place_names(entries: list[list[Any]]) -> Iterable[tuple[list[str], list[str]]]:
    """(normalised one-word Greek names, one-word Latin names, the entry's own first) of each
    place of the knowledge base that has both and is not a small town: its adjectives are
    the ones organisations are named by, and a village's name meets too many words."""
    for entry in entries:
        kb_id, name, label, aliases, score = entry[0], entry[1], entry[2], entry[3], entry[5]
        if label != "LOC" or (kb_id.startswith("geonames:") and score < MIN_POPULATION):
            continue
        one_word = [w for w in (name, *aliases) if " " not in w and "-" not in w]
        greek = [normalize(w) for w in one_word if has_greek(w) and not has_latin(w)]
        latin = [w for w in one_word if w.isalpha() and not has_greek(w)]
        if greek and latin:
            yield greek, latin


def english_place_names(entries: list[list[Any]]) -> frozenset[str]:
    """Every Latin name of the knowledge base's places, case folded."""
    return frozenset(
        w.casefold()
        for entry in entries
        if entry[2] == "LOC"
        for w in (entry[1], *entry[3])
        if not has_greek(w)
    )


def greek_adjectives(dic: Path) -> dict[str, list[str]]:
    """The stems of Hunspell's lower-case Greek words that end as place adjectives' do → the
    stems of places they may be derived from, by the longest ending first (λιβανέζικ-:
    λιβ- by -ανέζικ- as in κουβανέζικος, then λιβαν-)."""
    words = dic.read_text("iso-8859-7").splitlines()[1:]
    out: dict[str, list[str]] = {}
    for stem in {greek_word_stem(w) for w in words if w.islower() and has_greek(w)}:
        bases = [
            stem[: -len(ending)]
            for ending in ADJECTIVE_ENDINGS
            if stem.endswith(ending) and len(stem) - len(ending) >= MIN_GREEK_STEM
        ]
        if bases:
            out[stem] = bases
    return out


def english_adjective(names: Iterable[str], proper: frozenset[str]) -> str | None:
    """The English proper noun that derives from the first of ``names`` that has one by a
    demonym ending (``proper`` holds no place's own name)."""
    for name in names:
        for dropped in range(MAX_DROPPED + 1):
            base = name[: len(name) - dropped]
            if len(base) < MIN_STEM:
                break
            for ending in DEMONYM_ENDINGS:
                if base + ending in proper:
                    return base + ending
    return None


def place_adjective_glosses(
    kb_file: Path, dic: Path, proper: frozenset[str], known: dict[str, list[str]]
) -> dict[str, list[str]]:
    """Greek adjective stem → [English adjective stem], for the stems the word table
    ``known`` has no gloss for."""
    adjectives = greek_adjectives(dic)
    entries = json.loads(gzip.decompress(kb_file.read_bytes()))["entries"]
    places = english_place_names(entries)
    not_places = frozenset(w for w in proper if w.casefold() not in places)
    by_base: dict[str, set[str]] = defaultdict(set)
    for greek_names, latin_names in place_names(entries):
        english = english_adjective(latin_names, not_places)
        if english is None:
            continue
        for greek in greek_names:
            for ending in PLACE_ENDINGS:
                if greek.endswith(ending) and len(greek) - len(ending) >= MIN_GREEK_STEM:
                    by_base[greek[: len(greek) - len(ending)]].add(english)
    table = dict(known)
    # A place whose adjective the table glosses by a proper adjective already has it
    # (κυπριακός: cypriot, so κυπριώτικος is no Cyprian; περσικός: persian, so the περσινός
    # of last year is none), unlike one whose stem a common adjective shares (γεωργικός:
    # agricultural; γεωργιανός is Georgian).
    proper_stems = {english_stem(normalize(w)) for w in not_places}
    glossed = {
        bases[0]
        for stem, bases in adjectives.items()
        if bases[0] in by_base and any(g in proper_stems for g in table.get(stem, ()))
    }
    out: dict[str, list[str]] = {}
    for stem, bases in sorted(adjectives.items()):
        if stem in table:
            continue
        # The longest adjective ending that leaves a place's stem (γεωργ-ιανός, not
        # γεωργι-ανός: George).
        base = next((b for b in bases if b in by_base), None)
        if base is not None and base not in glossed and len(by_base[base]) == 1:
            out[stem] = [english_stem(normalize(next(iter(by_base[base]))))]
    return out


# Letters a place adjective's gloss and the place's English name begin with alike (Cypriot,
# Cyprus; Chinese, China): a gloss that does not is no derivative of that name (Dutch).
MIN_SHARED_START = 3


def place_word_glosses(
    kb_file: Path, english_words: Iterable[str], table: dict[str, list[str]]
) -> dict[str, list[str]]:
    """The stems of ``table`` (the word table, its place adjectives included) whose glosses
    gain the other word of a place: a Greek place adjective the place's English name
    (κυπριακός: cypriot, and cyprus), the place's Greek name its adjective's gloss (Κίνα:
    china, and chinese). English names bodies by the place's name where Greek uses its
    adjective, and the other way round (Κυπριακό Πρακτορείο Ειδήσεων: Cyprus News Agency;
    Κομμουνιστικό Κόμμα Κίνας: Chinese Communist Party).

    The adjective is the place's Greek name less its ending plus an adjective ending, its
    gloss a proper noun of SCOWL (never a common word) that starts as the English name does
    and is no start of it (Atlantic is not Atlanta's, Olympic not Olympus's). The English
    name is the place's first one-word name SCOWL writes capitalised (Turkey, not Türkiye;
    Belgium, not Belgique), else its first."""
    entries = json.loads(gzip.decompress(kb_file.read_bytes()))["entries"]
    listed = list(english_words)
    proper_stems = {english_stem(normalize(w)) for w in proper_nouns(listed)}
    capitalised = frozenset(w for w in listed if w[:1].isupper())
    by_base: dict[str, set[str]] = defaultdict(set)
    nouns: dict[str, set[str]] = defaultdict(set)  # English name → Greek name's stems
    for greek_names, latin_names in place_names(entries):
        name = next((w for w in latin_names if w in capitalised), latin_names[0])
        english = english_stem(normalize(name))
        for greek in greek_names:
            ending = next(e for e in PLACE_ENDINGS if greek.endswith(e))  # ("" ends all)
            if len(greek) - len(ending) >= MIN_STEM:  # (the gloss vouches: Ρωσ-ία)
                by_base[greek[: len(greek) - len(ending)]].add(english)
            nouns[english].add(greek_word_stem(greek))
    gained: dict[str, set[str]] = defaultdict(set)
    for stem, glosses in table.items():
        # The longest ending that leaves a place's stem (ισπαν-ικός, not ισπ-ανικός).
        bases = (stem[: -len(e)] for e in ADJECTIVE_ENDINGS if stem.endswith(e))
        places = next((by_base[b] for b in bases if b in by_base), ())
        for gloss in glosses:
            if " " in gloss or gloss not in proper_stems:
                continue
            shared = {p: _shared_start(gloss, p) for p in places if not p.startswith(gloss)}
            for place, letters in shared.items():
                # The place the gloss starts most like (συριακός: Syrian, Syria; not Syros).
                if letters < max(MIN_SHARED_START, *shared.values()):
                    continue
                gained[stem].add(place)
                for noun in nouns[place]:
                    # A stem naming the place first (κιν-: china; not παρ-, of Πάρις:
                    # company, then pariah).
                    if table.get(noun, [""])[0] == place:
                        gained[noun].add(gloss)
    return {
        stem: list(dict.fromkeys([*table[stem], *sorted(words)]))
        for stem, words in sorted(gained.items())
        if not words <= set(table[stem])
    }


def _shared_start(a: str, b: str) -> int:
    """How many letters two words begin with alike."""
    return next(
        (k for k, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b))
    )
