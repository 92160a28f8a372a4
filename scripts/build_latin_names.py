"""Build the Latin name lexicon: known Latin spellings of given and family names, by sound.

    python scripts/build_latin_names.py [--hunspell DIR]

writes ``src/entityx/data/latin_names.json.gz``, read by ``entityx.resolution.latin_names``.
Greek writes a foreign name by ear (``Χόκινγκ``, ``Μέσι``, ``Ρενάρ``); to give such a name the
spelling an English-language reader would search for, entityx looks its phonetic key up among
the keys of real Latin names, each read by every language's conventions
(:func:`entityx.text.readings.every_reading`), and takes the most common name with that key.

Sources (build-time only, in the ``dev`` extra; versions and licences in NOTICE):

- rigour's Wikidata name table (``persons.txt``): every Latin-script word of every name line;
- the 1990 US census name lists shipped in the ``names`` package (given names and surnames);
- words that the wordlists of at least six of those languages hold (names of people written
  in every language's news, such as Ancelotti, that no name table lists), ranked below a
  name-table word of the same sound;
- how common each spelling is as a name: its mean Zipf frequency over the four languages (of those
  whose conventions entityx reads) that write it most, from ``wordfreq``, leaving out the
  languages whose Hunspell dictionary (Debian ``hunspell-*``) lists it as an ordinary
  lower-case word. A spelling no
  wordlist knows is left out: it would rarely be the one readers search for, and it keeps
  the file small.

Per language, a key also keeps that language's own spelling of it, read by its conventions,
where that is not the key's overall one (German nitse: Nietzsche, where the key's is Nice),
and a spelling keeps the languages that write it far more than the others (Friedrich:
German), from which ``entityx.resolution.source_language`` tells a name's language. A key
whose spelling is an ordinary English word (English Hunspell lists it in lower case only, and
English writes it most: coffee) keeps for people its most common spelling that is not one
(kofi: Kofi), :func:`person_keys`.
"""

from __future__ import annotations

import argparse
import gzip
import json
import math
import os
import sys
import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from kb_names import strip_marks
from kb_read import rigour_names

from entityx.text.readings import _one_word as one_word
from entityx.text.readings import _read as read
from entityx.text.readings import every_reading, word_readings

DATA = Path(__file__).resolve().parents[1] / "src" / "entityx" / "data"
OUT = DATA / "latin_names.json.gz"
FORMAT = 2
# wordfreq languages: the conventions entityx reads (entityx.text.readings) and their
# neighbours whose names Greek news transcribes.
LANGUAGES = (
    "en", "fr", "es", "ca", "it", "pt", "de", "nl", "sv", "da", "nb", "fi", "pl", "cs", "sk",
    "sh", "sl", "hu", "ro", "tr", "lt", "lv",
)  # fmt: skip
# A reading the spelling's own cues call for beats a reading forced on it (Zipf points):
# Renard read as French must be much more common than a spelling that is French by its
# letters before it wins the key.
CUED_BONUS = 1.0
GENERIC_BONUS = 0.25
# A word a name table lists beats an international word of the same sound (Zidane, sedan).
NAMED_BONUS = 0.5
# How common a spelling is: its mean Zipf frequency in the _SPREAD languages that write it
# most. A person's name is written in many languages' news (Messi, Bruce), a common word
# mostly in its own (Italian mesi, English brush), so a name's spread is what counts.
_SPREAD = 4
# Wordlists a word must be in to count as a name without a name table saying so.
_INTERNATIONAL = 6
# Hunspell dictionaries (Debian hunspell-* packages, build time only) of the wordfreq
# languages that have one: what is an ordinary word there.
HUNSPELL = {
    "en": "en_US", "fr": "fr_FR", "de": "de_DE", "es": "es_ES", "ca": "ca", "it": "it_IT",
    "pt": "pt_PT", "nl": "nl", "pl": "pl_PL", "sh": "hr_HR", "cs": "cs_CZ", "sv": "sv_SE",
    "da": "da_DK", "ro": "ro_RO", "hu": "hu_HU", "tr": "tr_TR",
}  # fmt: skip
# The conventions (entityx.text.conventions) each wordfreq language reads its names by; a
# language without its own (Finnish, Baltic) reads them generically.
CONVENTIONS = {
    "en": ("en",), "fr": ("fr",), "es": ("es", "es-theta"), "ca": ("ca",), "it": ("it",),
    "pt": ("pt", "pt-u"), "de": ("de",), "nl": ("nl",), "sv": ("sv",), "da": ("sv",),
    "nb": ("sv",), "pl": ("pl",), "cs": ("cs",), "sk": ("cs",), "sh": ("hr",), "sl": ("hr",),
    "hu": ("hu",), "ro": ("ro",), "tr": ("tr",),
}  # fmt: skip
# A language's own spelling of a key is kept where the language writes it at least this often
# (Zipf: about once in 30 million words): rarer ones are mostly noise, and they would swell
# the file.
LANGUAGE_FLOOR = 2.5
# ...and at most LANGUAGE_CAP Zipf points over the median language that writes it (a thousand
# times: more is an ordinary word of the language that its dictionary lists only inflected,
# Italian *mesi*), and at most LANGUAGE_MARGIN points rarer there than the key's overall
# spelling where the language does not read that one so (German Nietzsche 3.6, Nice 4.1).
LANGUAGE_CAP = 3.0
LANGUAGE_MARGIN = 1.0
LANGUAGE_LEAD = 0.25
# A spelling reveals a language where that language writes it this many Zipf points more
# than the median of the languages that write it (Friedrich: German 4.8, median 3.3).
REVEALS = 0.5
# Letters a name word may hold: Latin script only, at least two of them.
_MIN_LETTERS = 2


def _latin_word(word: str) -> bool:
    return len(word) >= _MIN_LETTERS and all(
        ch.isalpha() and "LATIN" in unicodedata.name(ch, "") for ch in word
    )


def rigour_words() -> Iterator[str]:
    for _qid, forms in rigour_names():
        for form in forms:
            for word in form.split():
                word = unicodedata.normalize("NFC", word).casefold()
                if _latin_word(word):
                    yield word


def census_words() -> Iterator[str]:
    import names  # the package's data files: dist.all.last, dist.male.first, dist.female.first

    folder = Path(os.path.dirname(names.__file__))
    for name in ("dist.all.last", "dist.male.first", "dist.female.first"):
        for line in (folder / name).read_text(encoding="ascii").splitlines():
            word = line.split()[0].casefold() if line.strip() else ""
            if _latin_word(word):
                yield word


def frequency_tables() -> dict[str, dict[str, float]]:
    from wordfreq import get_frequency_dict

    return {lang: get_frequency_dict(lang) for lang in LANGUAGES}


def international_words(tables: dict[str, dict[str, float]]) -> Iterator[str]:
    """Words that the wordlists of at least _INTERNATIONAL languages hold: names of people
    written in every language's news (Ancelotti, Saramago) that no name table lists."""
    seen: dict[str, int] = {}
    for table in tables.values():
        for word in table:
            seen[word] = seen.get(word, 0) + 1
    for word, count in seen.items():
        if count >= _INTERNATIONAL and _latin_word(word):
            yield word


def common_words(directory: Path) -> dict[str, set[str]]:
    """Per language, the words its Hunspell dictionary lists in lower case: ordinary words
    (``bush``, ``sedan``), where a proper name is listed capitalised (``Bush``). Stems only:
    a plural is checked by its stem (:func:`_is_common`)."""
    out: dict[str, set[str]] = {}
    for lang, name in HUNSPELL.items():
        dic, aff = directory / f"{name}.dic", directory / f"{name}.aff"
        if not dic.exists():
            raise SystemExit(
                f"Hunspell dictionary {dic} not found; run: apt-get download "
                "hunspell-en-us hunspell-fr-classical hunspell-de-de hunspell-es hunspell-ca "
                "hunspell-it hunspell-pt-pt hunspell-nl hunspell-pl hunspell-hr hunspell-cs "
                "hunspell-sv hunspell-da hunspell-ro hunspell-hu hunspell-tr, then dpkg -x "
                "each into DIR and pass --hunspell DIR/usr/share/hunspell"
            )
        encoding = "utf-8"
        for line in aff.read_text("latin-1").splitlines():
            if line.startswith("SET "):
                encoding = line.split()[1].lower().replace("iso8859", "iso-8859")
                break
        words = out.setdefault(lang, set())
        for line in dic.read_text(encoding, errors="replace").splitlines()[1:]:
            stem = line.split("/", 1)[0].strip()
            if stem and stem[0].islower():
                words.add(unicodedata.normalize("NFC", stem))
                # Text without diacritics writes the same word (Romanian toți as toti).
                words.add(strip_marks(stem))
    return out


def english_proper_names(directory: Path) -> set[str]:
    """The words English Hunspell lists capitalised (case folded): names (``Bush``, ``May``)."""
    dic = directory / f"{HUNSPELL['en']}.dic"
    out = set()
    for line in dic.read_text("utf-8", errors="replace").splitlines()[1:]:
        stem = line.split("/", 1)[0].strip()
        if stem[:1].isupper():
            out.add(stem.casefold())
    return out


def ordinary_english_words(
    pop: dict[str, float],
    tables: dict[str, dict[str, float]],
    common: set[str],
    proper: set[str],
) -> list[str]:
    """The spellings of ``pop`` that are ordinary English words, which English writes most and
    never as names (coffee, mail, speech): other languages' news writes them in English
    phrases and brands, so their spread says nothing of a person's name (Κόφι is Kofi, Μελ
    Mel), though places and firms are named with them (Cape Town, Young Boys). A word another
    language writes more is that language's (Spanish el)."""
    english = tables.get("en", {})
    return sorted(
        word
        for word in pop
        if word in english
        and _is_common(word, common)
        and word not in proper
        and english[word] >= max(t.get(word, 0.0) for t in tables.values())
    )


def person_keys(
    keys: dict[str, str], pop: dict[str, float], named: set[str], english: set[str]
) -> dict[str, str]:
    """Phonetic key → its most common spelling that is no ordinary English word, for the keys
    whose most common one is (kofi: Kofi, where the key's is Coffee): a person's name."""
    names = {word: z for word, z in pop.items() if word not in english}
    return {
        key: word
        for key, word in key_index(names, named).items()
        if keys.get(key, word) != word and keys.get(key) in english
    }


def _is_common(word: str, common: set[str]) -> bool:
    return word in common or (word.endswith("s") and word[:-1] in common)


def language_zipf(
    words: Iterable[str], tables: dict[str, dict[str, float]], common: dict[str, set[str]]
) -> dict[str, dict[str, float]]:
    """Per word, its Zipf frequency in each language where it is not an ordinary word (there,
    most of its uses are the word: English *bus*, Spanish *mas*)."""
    out: dict[str, dict[str, float]] = {}
    for word in sorted(set(words)):
        freqs = {
            lang: math.log10(t[word] * 1e9)  # Zipf scale
            for lang, t in tables.items()
            if word in t and not _is_common(word, common.get(lang, set()))
        }
        if freqs:
            out[word] = freqs
    return out


def popularity(zipf: dict[str, dict[str, float]]) -> dict[str, float]:
    """How common each word is as a name: its mean frequency in the _SPREAD languages that
    write it most."""
    out: dict[str, float] = {}
    for word, freqs in zipf.items():
        ranked = sorted(freqs.values(), reverse=True)
        out[word] = sum(ranked[:_SPREAD]) / _SPREAD
    return out


def revealed(zipf: dict[str, dict[str, float]]) -> dict[str, dict[str, int]]:
    """Per word, the languages it reveals: those that write it at least REVEALS Zipf points
    more than the median language that writes it (in hundredths)."""
    out: dict[str, dict[str, int]] = {}
    for word, freqs in zipf.items():
        values = sorted(freqs.values())
        mid = len(values) // 2
        median = values[mid] if len(values) % 2 else (values[mid - 1] + values[mid]) / 2
        langs = {
            lang: round((z - median) * 100) for lang, z in freqs.items() if z - median >= REVEALS
        }
        if langs:
            out[word] = langs
    return out


def key_index(pop: dict[str, float], named: set[str]) -> dict[str, str]:
    """Phonetic key → the most common spelling read that way."""
    best: dict[str, tuple[float, str]] = {}
    for word, z in pop.items():
        cued = set(word_readings(word))
        readings = every_reading(word)
        base = z + (NAMED_BONUS if word in named else 0.0)
        for i, key in enumerate(readings):
            score = base + (CUED_BONUS if key in cued else 0.0) + (GENERIC_BONUS if i == 0 else 0.0)
            held = best.get(key)
            if held is None or (score, word) > held:
                best[key] = (score, word)
    return {key: word for key, (_, word) in sorted(best.items())}


def language_keys(
    zipf: dict[str, dict[str, float]],
    tables: dict[str, dict[str, float]],
    named: set[str],
    keys: dict[str, str],
) -> dict[str, dict[str, list[Any]]]:
    """Phonetic key → language → [its most common spelling read that way by the language's
    conventions, its Zipf there in hundredths], where that is not the key's overall spelling
    (German nitse: Nietzsche, not Nice; Italian tsortsia: Giorgia, not Georgia).

    Spellings are the name tables' words, with their frequencies as names (``zipf``), from
    LANGUAGE_FLOOR up to LANGUAGE_CAP over their median language."""
    best: dict[str, dict[str, tuple[float, str, float]]] = {}
    for word in zipf:
        one = one_word(word)
        freqs = zipf[word]
        if word not in named or one is None or isinstance(one, str) or not freqs:
            continue
        generic, raw = one
        cued = set(word_readings(word))
        values = sorted(freqs.values())
        median = values[len(values) // 2]
        for lang, z in freqs.items():
            if not LANGUAGE_FLOOR <= z <= median + LANGUAGE_CAP:
                continue
            for key in _keys_in(generic, raw, lang):
                score = z + (CUED_BONUS if key in cued else 0.0)
                score += GENERIC_BONUS if key == generic else 0.0
                held = best.setdefault(key, {}).get(lang)
                if held is None or (score, word) > held[:2]:
                    best[key][lang] = (score, word, z)
    out: dict[str, dict[str, list[Any]]] = {}
    for key, langs in sorted(best.items()):
        spelling = keys.get(key, "")
        alts = {
            lang: [word, round(z * 100)]
            for lang, (_, word, z) in sorted(langs.items())
            if word != spelling and _respells(z, spelling, key, lang, tables)
        }
        if alts:
            out[key] = alts
    return out


def _raw_zipf(word: str, tables: dict[str, dict[str, float]]) -> dict[str, float]:
    return {lang: math.log10(t[word] * 1e9) for lang, t in tables.items() if word in t}


def _keys_in(generic: str, raw: str, lang: str) -> set[str]:
    """The keys of a word (its generic one, lower-case unfolded form) as ``lang`` reads it."""
    return {generic, *(read(raw, c, generic) for c in CONVENTIONS.get(lang, ()))}


def _respells(
    z: float, spelling: str, key: str, lang: str, tables: dict[str, dict[str, float]]
) -> bool:
    """Whether a language's spelling written ``z`` there stands for ``key`` in place of the
    key's overall ``spelling``: where the language reads that spelling so too, only if it
    writes its own LANGUAGE_LEAD more (Norwegian Karlsen, 3.99, is not Carlsen, 3.95); where
    it does not, unless it writes the overall one LANGUAGE_MARGIN more, in any use (Italian
    eco, not Echo)."""
    own = _raw_zipf(spelling, tables).get(lang, 0.0)
    one = one_word(spelling) if spelling else None
    if one is not None and not isinstance(one, str) and key in _keys_in(*one, lang):
        return z >= own + LANGUAGE_LEAD
    return z >= own - LANGUAGE_MARGIN


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--hunspell", type=Path, default=Path("/usr/share/hunspell"))
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    common = common_words(args.hunspell)
    tables = frequency_tables()
    named = {*rigour_words(), *census_words()}
    zipf = language_zipf([*named, *international_words(tables)], tables, common)
    pop = popularity(zipf)
    english = ordinary_english_words(pop, tables, common["en"], english_proper_names(args.hunspell))
    keys = key_index(pop, named)
    people = person_keys(keys, pop, named, set(english))
    by_language = language_keys(zipf, tables, named, keys)
    reveals = revealed(zipf)
    doc = {
        "format": FORMAT,
        "popularity": {w: round(z * 100) for w, z in sorted(pop.items())},
        "keys": keys,
        "languages": by_language,
        "reveals": reveals,
        "person_keys": people,
    }
    text = json.dumps(doc, ensure_ascii=False, separators=(",", ":"))
    args.out.write_bytes(gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0))
    print(f"wrote {args.out}: {args.out.stat().st_size / 1e6:.2f} MB")
    print(f"  {len(named)} Latin name words in name tables; {len(pop)} kept with wordfreq's")
    print(f"  {len(keys)} phonetic keys; {len(by_language)} with a language's own spelling")
    print(f"  {len(reveals)} spellings that reveal a language")
    print(f"  {len(people)} keys spelt otherwise for people than an ordinary English word")


if __name__ == "__main__":
    main()
