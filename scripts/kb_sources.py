"""The non-place sources of the knowledge base: Wiktionary proper nouns, CLDR languages and
the hand-curated supplement.

Wiktionary's Greek proper nouns (FreeDict ell-eng) carry no type. A noun whose English gloss
or Greek headword already names a place becomes a Greek alias of that place (``Δουβλίνο`` →
Dublin); where places share the Greek name, the gloss says which owns it (``Βέροια``:
Veroia, not Aleppo). The others are kept only on evidence of what they are: their words (an
organisation, ``Διεθνές Νομισματικό Ταμείο``: *Fund*; a geographic feature, ``Μαύρη
Θάλασσα``: *Sea*), or a package that lists them as a region (:mod:`kb_regions`: ``Σκωτία``,
``Σικελία``). Demonyms (``Κροάτης``: Croatian), surname equivalents (``Τσουκαλάς``: Potter)
and the untyped rest (people, mythology, rivers, villages) stay out: a bare proper noun does
not say which it is, and an entry of the wrong type would relabel a mention.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pycountry
from babel import Locale
from kb_clean import clean_name, dedupe_key, gloss_names, has_greek_letters, strip_article
from kb_merge import Builder, curated_id
from kb_read import DictEntry
from kb_regions import RegionNames, region_names
from rapidfuzz import fuzz

from entityx.text.greek import normalize
from entityx.text.keys import TITLE_KEYS, name_key

__all__ = [
    "SUPPLEMENT",
    "Evidence",
    "add_freedict",
    "add_languages",
    "add_supplement",
    "classify",
    "evidence",
    "is_demonym",
    "proper_noun",
    "untitled_regnal",
]

SUPPLEMENT = Path(__file__).resolve().parent / "kb_supplement.jsonl"
# Curated and dictionary entries rank below any city (priority is a city's population) unless
# the supplement says otherwise: a name that is both a town and an organisation is the town.
CURATED_PRIORITY, DICTIONARY_PRIORITY, LANGUAGE_PRIORITY = 1e5, 1.0, 0.5
# Where places share a Greek name, a town in these countries that Wiktionary glosses by its
# own name weighs this many times its population (see _attach_to_place).
HOME_COUNTRIES, HOME_WEIGHT = frozenset(["GR", "CY"]), 100.0

_ORG_WORDS = re.compile(
    r"\b(?:Nations|Union|Organi[sz]ation|Fund|Bank|Party|Council|Committee|Commission|"
    r"Agency|Church|Army|Navy|University|Academy|Association|League|Alliance|Company|"
    r"Corporation|Institute|Ministry|Parliament|Court|Assembly|Office|Service|Police|"
    r"Society|Club|Front|Movement|Order|Patriarchate|Senate|Congress)\b"
)
_LOC_WORDS = re.compile(
    r"\b(?:Sea|Ocean|River|Lake|Mountains?|Mount|Islands?|Peninsula|Gulf|Bay|Strait|"
    r"Channel|Valley|Desert|Canal|Cape|Isthmus|Region|Province|Prefecture|Square|Avenue|"
    r"Street|Plain|Plateau|Coast)\b"
    r"|(?:^|\s)(?:Θάλασσα|Ωκεανός|Ποταμός|Λίμνη|Όρος|Όρη|Νήσος|Νήσοι|Νησιά|Χερσόνησος|Κόλπος|"
    r"Πορθμός|Στενά|Διώρυγα|Ακρωτήριο|Έρημος|Κοιλάδα|Πλατεία|Οδός|Λεωφόρος|Πεδιάδα)(?:\s|$)"
)


def classify(headword: str, english: str) -> str | None:
    """ORG, LOC or None (unknown) for an unmatched Wiktionary proper noun."""
    if _ORG_WORDS.search(english):
        return "ORG"
    if _LOC_WORDS.search(english) or _LOC_WORDS.search(headword):
        return "LOC"
    return None


# Wiktionary's note on an entry that lists another language's equivalents of a Greek surname
# or given name (Τσουκαλάς: Potter, "αντίστοιχα επώνυμα"): a translation, never a name.
_EQUIVALENTS = re.compile(r"επώνυμ|για το όνομα")
# rapidfuzz scores of name keys from which a Greek name sounds like a place's English
# (partial: Άθως in Mount Athos) or Greek name (see _sounds_like).
_SOUND_AGREES, _GREEK_SOUND_AGREES = 60.0, 70.0
# A land's English ending and the endings its people's name has instead (Prussi-a:
# Prussi-an, Swab-ia: Swab-ish, Saxon-y: Saxon).
_PEOPLE_ENDINGS = (("a", ("n", "an")), ("ia", ("ish", "ese")), ("y", ("", "an", "ish")))
# First words of saints' names (Αγία Αικατερίνη), folded.
_SAINT_WORDS = frozenset(["αγιοσ", "αγια", "αγιοι", "αγιεσ", "αγιο", "αγιου", "αγιασ"])
# English endings of a demonym or an adjective of place (Croatian, Swede, Luxembourger,
# Kashmiri, Englishwoman), each with the endings its place's name may have instead.
_DEMONYM_ENDINGS = (
    ("woman", ("",)), ("man", ("", "land")), ("ians", ("ia", "")), ("ian", ("ia", "", "a")),
    ("ans", ("a", "")), ("an", ("a", "", "o")), ("ese", ("", "a")), ("ish", ("", "land")),
    ("er", ("",)), ("i", ("",)), ("e", ("en", "")), ("s", ("",)),
)  # fmt: skip


@dataclass(frozen=True)
class Evidence:
    """What else the build knows of names, for placing and typing Wiktionary's nouns."""

    regions: RegionNames = field(default_factory=RegionNames)
    given_names: frozenset[str] = frozenset()  # the US census's given names, folded
    common_words: frozenset[str] = frozenset()  # the dictionary's common nouns, folded
    languages: frozenset[str] = frozenset()  # CLDR's English language names, folded
    # GeoNames' Latin alternate names of each place kept (not aliases: they hold old and
    # foreign names, Aleppo's Beroea), folded; and the places in Greece and Cyprus.
    alternates: dict[str, frozenset[str]] = field(default_factory=dict)
    home: frozenset[str] = frozenset()
    former_countries: frozenset[str] = frozenset()  # iso-codes' historic countries, folded
    peoples: frozenset[str] = frozenset()  # English glosses of capitalised proper nouns, folded


def evidence(
    entries: Iterable[DictEntry],
    given_names: Iterable[str],
    places: Iterable[tuple[dict, dict[str, list[str]]]] = (),
) -> Evidence:
    common = {dedupe_key(e.headword) for e in entries if e.pos in ("n", "adj")}
    langs = {dedupe_key(n) for n in Locale("en").languages.values()}
    alternates, home = {}, set()
    for entry, sources in places:
        alternates[entry["id"]] = frozenset(dedupe_key(n) for n in sources.get("alternates", []))
        if entry.get("country") in HOME_COUNTRIES:
            home.add(entry["id"])
    return Evidence(
        region_names(),
        frozenset(dedupe_key(n) for n in given_names),
        frozenset(common),
        frozenset(langs),
        alternates,
        frozenset(home),
        # "Zaire, Republic of": the name before the comma is the country's
        frozenset(dedupe_key(c.name.split(",")[0]) for c in pycountry.historic_countries),
        frozenset(
            dedupe_key(n)
            for e in entries
            if e.pos == "pn"
            for g in e.glosses
            for n in gloss_names(g)
        ),
    )


def proper_noun(entry: DictEntry) -> tuple[str, list[str]] | None:
    """A dictionary entry as (Greek name, English names), or ``None`` if it names nothing."""
    if entry.pos not in ("pn", None) or any(_EQUIVALENTS.search(g) for g in entry.glosses):
        return None
    head = clean_name(strip_article(entry.headword))
    english = [n for gloss in entry.glosses for n in gloss_names(gloss)]
    if head is None or not has_greek_letters(head) or not english:
        return None
    if entry.pos is None and not (head[:1].isupper() and len(head.split()) > 1):
        return None  # an untagged entry counts only as a multi-word capitalised name
    return head, english


def add_freedict(
    builder: Builder, entries: Iterable[DictEntry], known: Evidence | None = None
) -> Counter[str]:
    """Wiktionary's proper nouns into the builder; how many went which way."""
    known = known or Evidence()
    kinds: Counter[str] = Counter()
    for entry in entries:
        noun = proper_noun(entry)
        if noun is None:
            continue
        head, english = noun
        if _attach_to_place(builder, head, english, known):
            kinds["alias of a place"] += 1
            continue
        label, entry_id = classify(head, english[0]), None
        if label is None:
            label, entry_id, why = _by_evidence(builder, head, english, known)
            if label is None:
                kinds[why] += 1
                continue
        kinds[f"{label} entry" if entry_id is None else f"{label} entry, stated id"] += 1
        _add_typed(builder, head, english, label, entry_id)
    return kinds


def _attach_to_place(builder: Builder, head: str, english: list[str], known: Evidence) -> bool:
    """A noun naming a known place joins it (``Δουβλίνο``: Dublin).

    Where places share the Greek name already, the one the gloss names owns it, and those
    that would outrank it give it up: ``Βέροια`` is Veroia, not Aleppo, whose GeoNames names
    list its ancient one. A gloss names a place by its name or by a GeoNames alternate
    (``Αντιόχεια``: Antioch, Antakya's), and those glosses join it too, though another place
    is so named (the higher priority is then the first hit). A town in Greece or Cyprus that
    the gloss names by its own name counts :data:`HOME_WEIGHT` times its population: a Greek
    text's Βέροια is the Greek town unless another is a hundred times larger (``Άγρα``: Agra
    in India).
    """
    by_head = builder.find("LOC", head)
    if not by_head:
        places = builder.find("LOC", english[0])
        if not places or not _sounds_like(head, english[0], builder.entries[places[0]]):
            return False
        builder.attach(places[0], [head], "wiktionary")
        return True
    keys = {dedupe_key(name) for name in english}
    # A saint's name glossed Saint Paul names the saint first: only GeoNames' own places
    # named so in Greek compete for it, not every Saint Paul abroad.
    glossed = [] if _is_saint(head) else english
    by_name = [i for name in glossed for i in builder.find("LOC", name)]
    named = dict.fromkeys(
        by_name + [i for i in by_head if known.alternates.get(i, frozenset()) & keys]
    )
    if not named:
        return True

    def weight(i: str) -> float:
        home = i in known.home and i in by_name and i in by_head
        return builder.entries[i]["priority"] * (HOME_WEIGHT if home else 1.0)

    owner = max(named, key=weight)
    floor = builder.entries[owner]["priority"]
    for other in by_head:
        if other != owner and builder.entries[other]["priority"] >= floor:
            builder.detach(other, head, "wiktionary")
    own_names = known.alternates.get(owner, frozenset())
    builder.attach(owner, [head], "wiktionary")
    glosses = [name for name in english if dedupe_key(name) in own_names]
    builder.attach(owner, glosses, "wiktionary")
    return True


def _sounds_like(head: str, english: str, place: dict) -> bool:
    """Whether a Greek name may join a place its gloss names that has Greek names already:
    it sounds like the gloss or like one of them. Wiktionary glosses Japan's regions
    ``Χοκκάιντο``, ``Κίνκι``, ``Καντό`` all as Yokohama, whose Greek name is Γιοκοχάμα."""
    greek = [a for a in place["aliases"] if has_greek_letters(a)]
    if not greek:
        return True
    key = name_key(head)
    if fuzz.partial_ratio(key, name_key(english)) >= _SOUND_AGREES:
        return True
    return max(fuzz.ratio(key, name_key(g)) for g in greek) > _GREEK_SOUND_AGREES


def _by_evidence(
    builder: Builder, head: str, english: list[str], known: Evidence
) -> tuple[str | None, str | None, str]:
    """(label, stated id, why) for a noun its own words do not type."""
    if is_demonym(english[0], builder, known.languages):
        return None, None, "dropped: demonym or language"
    region = known.regions.find(head, english)
    if region is None:
        if dedupe_key(english[0]) not in known.given_names and _land_of_a_people(
            head, english[0], known.peoples
        ):
            return "LOC", None, ""
        return None, None, "dropped: untyped"
    if dedupe_key(head) in known.common_words or (
        not region.strong and (dedupe_key(english[0]) in known.given_names or _is_saint(head))
    ):
        return None, None, "dropped: region homonym of a word or a name"
    if dedupe_key(english[0]) in known.former_countries:
        return "LOC", None, ""  # Ζαΐρ: the former country, not Angola's province
    return "LOC", region.id, ""


def _land_of_a_people(head: str, english: str, peoples: frozenset[str]) -> bool:
    """A Greek land name in -ία whose people the dictionary also names: ``Σαξονία`` (Saxony:
    Saxon), ``Πρωσία`` (Prussia: Prussian). A person's or a god's name has no such people."""
    if not dedupe_key(head).endswith("ια"):
        return False
    name = dedupe_key(english)
    return any(
        name[: -len(end)] + suffix in peoples
        for end, suffixes in _PEOPLE_ENDINGS
        if name.endswith(end)
        for suffix in suffixes
    )


def _is_saint(head: str) -> bool:
    """A saint's name (Αγία Αικατερίνη): a saint, a church or a village."""
    return dedupe_key(head).split(" ", 1)[0] in _SAINT_WORDS


def is_demonym(english: str, builder: Builder, languages: frozenset[str] = frozenset()) -> bool:
    """A people's or a language's name (Croatian, Swede, Portuguese): its place is known
    under the name the ending replaces, or CLDR lists it as a language."""
    if dedupe_key(english) in languages:
        return True
    for ending, place_endings in _DEMONYM_ENDINGS:
        stem = english[: -len(ending)]
        if not english.endswith(ending) or len(stem) < 3:
            continue
        if any(builder.find("LOC", stem + tail) for tail in place_endings):
            return True
        if ending in ("man", "woman") and dedupe_key(stem) in languages:
            return True  # Englishwoman: English
    return False


def _add_typed(
    builder: Builder, head: str, english: list[str], label: str, entry_id: str | None
) -> None:
    known = builder.find(label, head) or builder.find(label, english[0])
    if known:
        builder.attach(known[0], [head, *english], "wiktionary")
        return
    new = {
        "id": entry_id or curated_id(english[0], label),
        "name": english[0],
        "label": label,
        "aliases": [head, *english[1:]],
        "same_as": [],
        "priority": DICTIONARY_PRIORITY,
    }
    if not builder.add(new, "wiktionary"):
        builder.attach(new["id"], new["aliases"], "wiktionary")


def add_languages(builder: Builder) -> None:
    """CLDR language names (ISO 639-1 codes), MISC: ``Ελληνικά`` / Greek."""
    el, en = Locale("el").languages, Locale("en").languages
    for code in sorted(c for c in en if len(c) == 2 and c in el):
        new = {
            "id": f"iso639-1:{code}",
            "name": en[code],
            "label": "MISC",
            "aliases": [el[code]],
            "same_as": [],
            "priority": LANGUAGE_PRIORITY,
        }
        if clean_name(en[code]) is not None:
            builder.add(new, "cldr")


def _supplement_id(row: dict, where: str) -> str:
    """``iso3166-2:GR-B`` where the row names a code pycountry knows, else the curated id."""
    code = row.get("iso3166_2")
    if code is None:
        return curated_id(row["name"], row["label"])
    if pycountry.subdivisions.get(code=code) is None:
        raise SystemExit(f"{where}: {code!r} is not an ISO 3166-2 code pycountry knows")
    return f"iso3166-2:{code}"


def add_supplement(builder: Builder, path: Path = SUPPLEMENT) -> None:
    """The hand-curated entries; one may instead ``extend`` a packaged entry with aliases."""
    for lineno, line in enumerate(path.read_text("utf-8").splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        row = json.loads(line)
        where = f"{path.name}:{lineno}"
        if "extends" in row:
            target = builder.find(row["label"], row["extends"])
            if not target:
                raise SystemExit(f"{where}: no {row['label']} entry named {row['extends']!r}")
            builder.attach(target[0], row["aliases"], "supplement")
            continue
        new = {
            "id": _supplement_id(row, where),
            "name": row["name"],
            "label": row["label"],
            "aliases": row.get("aliases", []),
            "same_as": [],
            "priority": float(row.get("priority", CURATED_PRIORITY)),
        }
        if new["id"] in builder.entries:
            raise SystemExit(f"{where}: {new['id']} is curated twice")
        if not builder.add(new, "supplement"):
            raise SystemExit(f"{where}: {row['name']!r} is not a usable name")
        if new["label"] == "PERSON":
            untitled = [u for n in [new["name"], *new["aliases"]] if (u := untitled_regnal(n))]
            builder.attach(new["id"], untitled, "supplement", check=True)


# A regnal number: Roman (John Paul II) or a Greek numeral (Κάρολος Γ΄, Πίος ΙΒ΄); the titles
# of rulers and prelates that stand before one are the resolver's (entityx.text.keys).
_REGNAL = re.compile(r"^(?:[IVXL]+|[Α-ΩϚ]{1,3}[΄'ʹ])$")


def untitled_regnal(name: str) -> str | None:
    """A ruler's or a pope's name without the title before it, which news often leaves out:
    ``Βασιλιάς Κάρολος Γ΄`` → ``Κάρολος Γ΄``, ``Pope John Paul II`` → ``John Paul II``."""
    words = name.split()
    if len(words) >= 3 and _REGNAL.match(words[-1]) and normalize(words[0]) in TITLE_KEYS:
        return " ".join(words[1:])
    return None
