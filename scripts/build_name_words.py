"""Build the word table for translated names: Greek word stem → English words.

    python scripts/build_name_words.py [--freedict DIR] [--reverse DIR] [--hunspell-el DIR]
        [--wordlist DIR]

writes ``src/entityx/data/name_words.json.gz``, read by ``entityx.resolution.translate``
(``Τράπεζα της Ελλάδος`` / ``Bank of Greece``). Three sources (build time only; versions and
licences in NOTICE):

- FreeDict ell-eng (Wiktionary, CC BY-SA; Debian ``dict-freedict-ell-eng``, see
  ``scripts/build_kb.py`` for how to fetch it): nouns, adjectives and proper nouns whose
  glosses are one or two English words (``εθνικός``: national; ``Ελλάδα``: Greece);
- the bundled knowledge base's organisations and places named in both scripts: a Greek
  stem and an English word that the names of at least ``MIN_ENTITIES`` different entities
  share, and that go together more than apart (Dice ``MIN_DICE``), are a translation
  (``ταμει``: fund, ``ηνωμεν``: united, ``αιγαι``: aegean). A word of one entity's name
  alone is never learnt, so the table holds vocabulary, not the names it came from; and,
  once the table is built, the one word a bilingual name leaves unexplained on each side
  (``Ευρωπαϊκός Οργανισμός Διαστήματος`` / ``European Space Agency``: οργανισμ, agency),
  where ``MIN_ENTITIES`` English names leave the same pair (:func:`residual_glosses`);
- with ``--reverse DIR``, FreeDict eng-ell (Debian ``dict-freedict-eng-ell``, fetched the same
  way): for the Greek stems neither source above has, the English common words it translates
  by them (``organisation``: οργάνωση; ``action``: δράση), the first translation first.

Beside the stems' glosses it keeps apart the proper nouns' own (``proper``: by whole
headword, ``Μόσχα``: moscow) and those the knowledge base's names taught (``learnt``, by
stem: ``κορε``: korea), the two that name a one-word place in English
(:func:`entityx.resolution.translate.proper_glosses`, :func:`~.learnt_glosses`), and the
dictionary's nouns (``nominatives``: ``αστέρας``, ``Απόλλων``, ``υπουργείο``;
:func:`~.dictionary_nominative`), by which naming tells a nominative from an oblique case;
with ``--hunspell-el DIR`` (Debian ``hunspell-el``: ``apt-get download hunspell-el && dpkg -x
hunspell-el_*.deb DIR``, then DIR/usr/share/hunspell), the forms of its proper nouns
(``proper_forms``), what an oblique place's name is rebuilt into; and with it and
``--wordlist DIR`` (SCOWL's, see ``scripts/build_kb.py``), the adjectives of places the
dictionary does not gloss (``γεωργιανός``: georgian; ``scripts/place_adjectives.py``).

Run after ``scripts/build_kb.py`` (it reads the built knowledge base).
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from kb_read import english_wordlist, freedict_entries, freedict_path
from place_adjectives import place_adjective_glosses, place_word_glosses, proper_nouns

from entityx.resolution.kb import BUNDLED_FILE
from entityx.resolution.translate import english_key_words, greek_word_stem
from entityx.text.greek import has_greek, has_latin, normalize

DATA = Path(__file__).resolve().parents[1] / "src" / "entityx" / "data"
OUT = DATA / "name_words.json.gz"
FORMAT = 3
# Parts of speech whose words name things (the dictionary's n, adj, pn).
_NAMING_POS = frozenset(["n", "adj", "pn"])
# Glosses kept per headword, first listed first: later ones are rarer senses.
MAX_GLOSSES = 3
# Glosses kept per stem, all headwords sharing it together: the likeliest (see build()).
MAX_PER_STEM = 5
# English words a gloss may have: "cash desk" is one sense; longer glosses are definitions.
_MAX_GLOSS_WORDS = 2
MIN_ENTITIES = 3
MIN_DICE = 0.4
# English names that must leave a Greek stem with an English word of the dictionary's.
MIN_RESIDUAL_WORD = 2
# English words learnt per Greek stem (ηνωμεν: united; a stem may name two senses).
MAX_LEARNT = 2
# English headwords kept per Greek stem that only FreeDict eng-ell translates.
MAX_REVERSE = 2
_NUMBERING = re.compile(r"\b\d+\.\s*")
_LABELS = frozenset(["ORG", "LOC"])
# The headwords naming reads cases by (:func:`nominatives`), by part of speech and ending.
_NOMINATIVE_POS = frozenset(["n", "pn"])
_NOMINATIVE_ENDINGS = ("ασ", "ησ", "ων", "μα", "οσ", "ο", "ι", "η", "α")
# ...and the plurals a place is named by (Βρυξέλλες, Δελφοί), of Hunspell's proper nouns.
_PROPER_ENDINGS = (*_NOMINATIVE_ENDINGS, "εσ", "οι")


def dictionary_glosses(entries: Iterable[object]) -> Iterator[tuple[str, str, bool, int]]:
    """(Greek stem, English gloss, whether a proper noun, the gloss's place among its
    headword's) for the dictionary's naming words."""
    for entry in entries:
        head, pos, glosses = entry.headword, entry.pos, entry.glosses  # type: ignore[attr-defined]
        stem = greek_word_stem(head)
        if pos not in _NAMING_POS or " " in stem or not stem or not has_greek(head):
            continue  # one word (Αϊ-Βασίλης is read as two) that names things
        kept = 0
        for line in glosses:
            for gloss in _NUMBERING.sub(",", line).split(","):
                if kept >= MAX_GLOSSES:
                    break
                gloss = gloss.strip()
                if not gloss or has_greek(gloss) or "(" in gloss:
                    continue
                words = english_key_words(gloss)
                if 0 < len(words) <= _MAX_GLOSS_WORDS:
                    yield stem, " ".join(words), pos == "pn", kept
                    kept += 1


def _proper_noun_glosses(entries: Iterable[object]) -> Iterator[tuple[str, str]]:
    """(normalised one-word headword, one of its glosses) for each proper noun of the
    dictionary."""
    for entry in entries:
        head, pos = entry.headword, entry.pos  # type: ignore[attr-defined]
        if pos != "pn" or not head[:1].isupper() or not has_greek(head):
            continue
        word = normalize(head)
        if " " in word:
            continue
        for line in entry.glosses:  # type: ignore[attr-defined]
            for gloss in _NUMBERING.sub(",", line).split(","):
                yield word, unicodedata.normalize("NFC", gloss.strip())


def proper_glosses(entries: Iterable[object]) -> dict[str, list[str]]:
    """Normalised headword → the English glosses of a proper noun of the dictionary
    (``Μόσχα``: moscow), by the whole word rather than its stem: a place's gloss names that
    place only (``Σύρος``, the island, shares its stem with ``Συρία``, Syria), and a common
    noun's gloss names no place (``περιστέρι``: pigeon; the suburb Περιστέρι is Peristeri)."""
    out: dict[str, list[str]] = {}
    for word, gloss in _proper_noun_glosses(entries):
        if not gloss or has_greek(gloss) or "(" in gloss:
            continue
        words = english_key_words(gloss)
        if len(words) == 1 and len(out.setdefault(word, [])) < MAX_GLOSSES:
            out[word] = list(dict.fromkeys([*out[word], words[0]]))
    return {word: glosses for word, glosses in sorted(out.items()) if glosses}


def proper_spellings(entries: Iterable[object]) -> dict[str, list[str]]:
    """Normalised headword → the one-word English glosses of a proper noun of the dictionary
    as the dictionary writes them (``Μυκήνες``: Mycenae, ``Σηκουάνας``: Seine): the name a
    place's gloss keys stand for, where no Latin name word of the lexicon spells them."""
    out: dict[str, list[str]] = {}
    for word, gloss in _proper_noun_glosses(entries):
        latin = gloss.isalpha() and not has_greek(gloss)
        if latin and gloss[:1].isupper() and len(out.get(word, [])) < MAX_GLOSSES:
            out[word] = list(dict.fromkeys([*out.get(word, []), gloss]))
    return dict(sorted(out.items()))


def nominatives(entries: Iterable[object]) -> list[str]:
    """The dictionary's one-word nouns and proper nouns (normalised headwords: nominatives)
    with the endings naming reads cases by: a nominative whose ending also ends an oblique
    case (masculine -ας/-ης: ``αστέρας``, ``ριζοσπάστης``; -ων: ``Απόλλων``; ``θέμα``
    beside ``θέματος``), and the nominatives an oblique head noun is rebuilt into (``δήμος``,
    ``υπουργείο``, ``ίδρυμα``, ``ένωση``, ``τράπεζα``: :mod:`entityx.text.noun_phrase`). A
    headword that is also another's oblique case is left out: its form without -ς is a
    headword too (``Άτλαντας``, ``Ατλάντα``), or its -ματος a neuter's genitive (``κόμματος``,
    a hunk, and ``κόμμα``): the word does not tell its case."""
    heads = {
        normalize(entry.headword)  # type: ignore[attr-defined]
        for entry in entries
        if entry.pos in _NOMINATIVE_POS and has_greek(entry.headword)  # type: ignore[attr-defined]
    }
    return sorted(
        w
        for w in heads
        if " " not in w and w.endswith(_NOMINATIVE_ENDINGS) and not _oblique_of(w, heads)
    )


def proper_forms(dic: Path) -> list[str]:
    """The proper nouns' forms of Hunspell's Greek dictionary (Debian ``hunspell-el``; every
    case of each, capitalised) with an ending a nominative may have, normalised: what an
    oblique place name may be rebuilt into (``Τήνου``: ``Τήνος``; ``Λονδίνου``: ``Λονδίνο``,
    there being no ``Λονδίνος``), where FreeDict lists no such proper noun."""
    words = dic.read_text("iso-8859-7").splitlines()[1:]  # the first line is the count
    return sorted(
        {
            normalize(w)
            for w in words
            if w[:1].isupper() and has_greek(w) and normalize(w).endswith(_PROPER_ENDINGS)
        }
    )


def _oblique_of(word: str, heads: set[str]) -> bool:
    if word.endswith("ματοσ") and word[:-5] + "μα" in heads:
        return True
    return word.endswith("σ") and word[:-1] in heads


def bilingual_names(kb_file: Path) -> Iterator[tuple[tuple[str, ...], tuple[str, ...]]]:
    """(Greek stems, English words) of each ORG/LOC entity named in both scripts."""
    data = json.loads(gzip.decompress(kb_file.read_bytes()))
    for entry in data["entries"]:
        _id, name, label, aliases = entry[0], entry[1], entry[2], entry[3]
        if label not in _LABELS or not has_latin(name):
            continue
        english = english_key_words(name)
        for alias in aliases:
            if not has_greek(alias) or has_latin(alias):
                continue
            greek = tuple(
                greek_word_stem(w)
                for w in normalize(alias).split()
                if english_key_words(w) or has_greek(w)
            )
            greek = tuple(s for s in greek if s and not _function_word(s))
            if greek and english:
                yield greek, english


def _function_word(stem: str) -> bool:
    return stem in {greek_word_stem(w) for w in ("του", "της", "των", "και", "για", "στο")}


def induced_glosses(
    pairs: Iterable[tuple[tuple[str, ...], tuple[str, ...]]],
) -> dict[str, list[str]]:
    """Greek stem → the English words it goes with across entities, best first (see the
    module text)."""
    together: Counter[tuple[str, str]] = Counter()
    greek_count: Counter[str] = Counter()
    english_count: Counter[str] = Counter()
    for greek, english in {(frozenset(g), frozenset(e)) for g, e in pairs}:
        greek_count.update(greek)
        english_count.update(english)
        together.update((g, e) for g in greek for e in english)
    learnt: dict[str, list[tuple[float, str]]] = {}
    for (g, e), n in together.items():
        dice = 2 * n / (greek_count[g] + english_count[e])
        if n >= MIN_ENTITIES and dice >= MIN_DICE:
            learnt.setdefault(g, []).append((dice, e))
    return {
        g: [e for _, e in sorted(found, reverse=True)[:MAX_LEARNT]] for g, found in learnt.items()
    }


def residual_glosses(
    pairs: Iterable[tuple[tuple[str, ...], tuple[str, ...]]], table: dict[str, list[str]]
) -> dict[str, list[str]]:
    """Greek stem → the English words that bilingual names leave it with once the table has
    explained their other words: ``Ευρωπαϊκός Οργανισμός Διαστήματος`` / ``European Space
    Agency`` leaves οργανισμ with agency, which Dice over whole names misses (the stem names
    organisations far more often than agencies). A pair counts once per English name and is
    kept where the table lacks it and at least ``MIN_ENTITIES`` names leave it, or
    ``MIN_RESIDUAL_WORD`` where the English word is one the table's glosses use (a word of
    the language, not a transcribed name: κρατικ, state; ιατρικ, medical)."""
    vocabulary = {w for glosses in table.values() for gloss in glosses for w in gloss.split()}
    left: set[tuple[tuple[str, ...], str, str]] = set()
    for greek, english in pairs:
        rest = list(english)
        unexplained = []
        for stem in greek:
            words = {w for gloss in table.get(stem, ()) for w in gloss.split()}
            hit = next((e for e in rest if e in words), None)
            if hit is None:
                unexplained.append(stem)
            else:
                rest.remove(hit)
        if len(unexplained) == 1 and len(rest) == 1:
            left.add((english, unexplained[0], rest[0]))
    counts = Counter((g, e) for _, g, e in left)
    out: dict[str, list[str]] = {}
    for (g, e), n in counts.most_common():
        least = MIN_RESIDUAL_WORD if e in vocabulary else MIN_ENTITIES
        if n >= least and e not in table.get(g, ()):
            out.setdefault(g, []).append(e)
    return {g: words[:MAX_LEARNT] for g, words in sorted(out.items())}


def reverse_glosses(entries: Iterable[object]) -> dict[str, list[str]]:
    """Greek stem → the English headwords that FreeDict eng-ell translates by a word of it,
    those it gives first first (``organisation``: οργάνωση, διοργάνωση gives οργανωσ its
    organisation before διοργανωσ); at most ``MAX_REVERSE`` a stem."""
    ranked: dict[str, list[tuple[int, str]]] = {}
    for entry in entries:
        head = entry.headword  # type: ignore[attr-defined]
        if not head.isalpha() or not head.islower() or has_greek(head):
            continue  # one English common word
        english = english_key_words(head)
        if len(english) != 1:
            continue
        words = [
            w.strip()
            for line in entry.glosses  # type: ignore[attr-defined]
            for w in _NUMBERING.sub(",", line).split(",")
        ]
        greek = [w for w in words if w and " " not in w and has_greek(w) and not has_latin(w)]
        for place, word in enumerate(greek):
            stem = greek_word_stem(word)
            if stem and " " not in stem:
                ranked.setdefault(stem, []).append((place, english[0]))
    return {
        stem: list(dict.fromkeys(e for _, e in sorted(found)))[:MAX_REVERSE]
        for stem, found in ranked.items()
    }


def build(
    freedict: Path,
    kb_file: Path,
    reverse: Path | None = None,
    *,
    learnt: dict[str, list[str]] | None = None,
) -> dict[str, list[str]]:
    """Glosses per stem, the likeliest first: what the knowledge base's names show (the sense
    names use), then the dictionary's common words, then its proper nouns (a village that
    shares the stem); at most ``MAX_PER_STEM``. Headwords sharing a stem each give their
    first sense before any gives its second: χωρίο's excerpt and passage would otherwise
    crowd out χώρα's country. ``learnt``: :func:`induced_glosses` of ``kb_file``'s names, if
    the caller has them already."""
    if learnt is None:
        learnt = induced_glosses(bilingual_names(kb_file))
    ranked: dict[str, list[tuple[int, int, int, str]]] = {}
    for stem, words in learnt.items():
        for order, word in enumerate(words):
            ranked.setdefault(stem, []).append((0, 0, order, word))
    entries = freedict_entries(freedict)
    for order, (stem, gloss, proper, sense) in enumerate(dictionary_glosses(entries)):
        ranked.setdefault(stem, []).append((2 if proper else 1, sense, order, gloss))
    table = {}
    for stem, glosses in sorted(ranked.items()):
        kept = list(dict.fromkeys(gloss for *_, gloss in sorted(glosses)))
        if stem:
            table[stem] = kept[:MAX_PER_STEM]
    if reverse is not None:
        # Only where ell-eng has no word at all (οργάνωση, δράση, ηνωμένος): added to words
        # it glosses, eng-ell's senses joined names that are not one.
        gaps = reverse_glosses(freedict_entries(reverse, "freedict-eng-ell"))
        table.update({stem: words for stem, words in gaps.items() if stem not in table})
    return dict(sorted(table.items()))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--freedict", type=Path, default=None, help="directory of the dictd files")
    ap.add_argument(
        "--reverse", type=Path, default=None, help="directory of FreeDict eng-ell's dictd files"
    )
    ap.add_argument(
        "--hunspell-el", type=Path, default=None, help="directory of hunspell-el's el_GR.dic"
    )
    ap.add_argument(
        "--wordlist", type=Path, default=None, help="directory of SCOWL's american-english"
    )
    args = ap.parse_args()
    freedict = freedict_path(args.freedict)
    learnt = induced_glosses(bilingual_names(DATA / BUNDLED_FILE))
    table = build(freedict, DATA / BUNDLED_FILE, args.reverse, learnt=learnt)
    if args.hunspell_el and args.wordlist:
        english_words = english_wordlist(args.wordlist)
        proper = proper_nouns(english_words)
        dic = args.hunspell_el / "el_GR.dic"
        adjectives = place_adjective_glosses(DATA / BUNDLED_FILE, dic, proper, table)
        table = dict(sorted({**table, **adjectives}.items()))
        places = place_word_glosses(DATA / BUNDLED_FILE, english_words, table)
        table = dict(sorted({**table, **places}.items()))
        print(f"  {len(adjectives)} place adjectives; {len(places)} stems gain a place's word")
    residual = residual_glosses(bilingual_names(DATA / BUNDLED_FILE), table)
    for stem, words in residual.items():
        # After the dictionary's: naming reads a word by its first gloss.
        kept = table.get(stem, [])
        table[stem] = [*kept[: MAX_PER_STEM - len(words)], *words]
    print(f"  {len(residual)} stems gain what bilingual names leave them")
    names = proper_glosses(freedict_entries(freedict))
    heads = nominatives(freedict_entries(freedict))
    doc = {"format": FORMAT, "words": table, "proper": names, "learnt": learnt}
    doc["proper_spellings"] = proper_spellings(freedict_entries(freedict))
    doc["nominatives"] = heads
    places = proper_forms(args.hunspell_el / "el_GR.dic") if args.hunspell_el else []
    doc["proper_forms"] = places
    text = json.dumps(doc, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    OUT.write_bytes(gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0))
    print(f"wrote {OUT.relative_to(DATA.parents[2])}: {OUT.stat().st_size / 1e6:.2f} MB")
    print(f"  {len(table)} Greek stems, {sum(map(len, table.values()))} glosses")
    print(f"  {len(names)} proper nouns, {sum(map(len, names.values()))} glosses")
    print(f"  {len(heads)} nominatives, {len(places)} proper nouns' forms")


if __name__ == "__main__":
    main()
