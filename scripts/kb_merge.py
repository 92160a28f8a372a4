"""Merging the sources into one list of knowledge-base entries, counting what each adds.

Every alias passes through :func:`kb_clean.clean_names`; an alias already on the entry (up to
case and accents) is not added twice. Sources that map loosely (countrynames lists capitals
under their country: ``Λευκωσία`` under Cyprus) are *checked*: an alias that already names
another entry of the same label is not added.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from anyascii import anyascii
from kb_clean import clean_name, clean_names, dedupe_key, has_greek_letters

from entityx.resolution.designators import is_designator
from entityx.text.greek import normalize

__all__ = ["Builder", "curated_id", "give_cores_to_features"]

Entry = dict


def curated_id(name: str, label: str) -> str:
    """The id of an entry no package identifies: ``entityx:org:united-nations``."""
    slug = re.sub(r"[^a-z0-9]+", "-", anyascii(name).lower()).strip("-")
    return f"entityx:{label.lower()}:{slug}"


class Builder:
    """Entries by id, with a (label, name key) index and per-source counts."""

    def __init__(self) -> None:
        self.entries: dict[str, Entry] = {}
        self._keys: dict[str, set[str]] = {}
        self._by_name: dict[tuple[str, str], set[str]] = defaultdict(set)
        self.added: Counter[tuple[str, str, str]] = Counter()  # (source, label, what)

    def add(self, entry: Entry, source: str) -> bool:
        """A new entry (its ``aliases`` are cleaned here); ``False`` if the id is taken."""
        if entry["id"] in self.entries:
            return False
        aliases = list(entry.get("aliases", []))
        name = clean_name(entry["name"])
        if name is None:
            self.added[(source, entry["label"], "skipped: no usable name")] += 1
            return False
        entry = {**entry, "name": name, "aliases": []}
        self.entries[entry["id"]] = entry
        self._keys[entry["id"]] = set()
        self._index(entry["id"], name)
        self.added[(source, entry["label"], "entries")] += 1
        self.attach(entry["id"], aliases, source)
        return True

    def attach(self, entry_id: str, aliases: list[str], source: str, *, check: bool = False) -> int:
        """Add ``aliases`` to an entry; with ``check``, not those naming another entry."""
        entry = self.entries[entry_id]
        fresh = clean_names(aliases)
        added = 0
        for alias in fresh:
            key = dedupe_key(alias)
            if key in self._keys[entry_id]:
                continue
            if check and self._by_name.get((entry["label"], key), set()) - {entry_id}:
                continue
            entry["aliases"].append(alias)
            self._index(entry_id, alias)
            added += 1
        self.added[(source, entry["label"], "aliases")] += added
        return added

    def detach(self, entry_id: str, alias: str, source: str) -> bool:
        """Take an alias (not the name) off an entry: another entry owns it."""
        entry, key = self.entries[entry_id], dedupe_key(alias)
        kept = [a for a in entry["aliases"] if dedupe_key(a) != key]
        if len(kept) == len(entry["aliases"]) or dedupe_key(entry["name"]) == key:
            return False
        entry["aliases"] = kept
        self._keys[entry_id].discard(key)
        self._by_name[(entry["label"], key)].discard(entry_id)
        self.added[(source, entry["label"], "aliases given up")] += 1
        return True

    def remove(self, entry_id: str) -> None:
        """Drop an entry whose names another entry has taken."""
        entry = self.entries.pop(entry_id)
        for key in self._keys.pop(entry_id):
            self._by_name[(entry["label"], key)].discard(entry_id)

    def _index(self, entry_id: str, name: str) -> None:
        key = dedupe_key(name)
        self._keys[entry_id].add(key)
        self._by_name[(self.entries[entry_id]["label"], key)].add(entry_id)

    def find(self, label: str, name: str) -> list[str]:
        """Ids of the entries with this name or alias, the highest priority first."""
        ids = self._by_name.get((label, dedupe_key(name)), set())
        return sorted(ids, key=lambda i: (-self.entries[i].get("priority", 0.0), i))

    def sorted_entries(self) -> list[Entry]:
        """Highest priority first, then by id (the order KnowledgeBase keeps)."""
        return sorted(self.entries.values(), key=lambda e: (-e.get("priority", 0.0), e["id"]))


# English calls a Greek body Hellenic or Greek, either way (Hellenic Navy, Greek Navy): an
# organisation's name with one has the other as an alias too.
_HOME_ADJECTIVES = {"Hellenic": "Greek", "Greek": "Hellenic"}


def add_home_synonyms(builder: Builder) -> int:
    """Give each organisation named "Hellenic …" its "Greek …" and the other way round, where
    no other organisation has that name; the number of aliases added."""
    added = 0
    for entry_id, entry in list(builder.entries.items()):
        if entry["label"] != "ORG":
            continue
        names = [entry["name"], *entry["aliases"]]
        variants = [
            f"{_HOME_ADJECTIVES[first]} {rest}"
            for first, _, rest in (n.partition(" ") for n in names)
            if first in _HOME_ADJECTIVES and rest
        ]
        added += builder.attach(entry_id, variants, "home-synonyms", check=True)
    return added


def give_cores_to_features(builder: Builder) -> int:
    """A place named with what it is (``Mount Ararat``, ``Όρος Αραράτ``; ``Jordan River``,
    ``ποταμός Ιορδάνης``) owns its bare name where a source filed that under another entry:
    a curated entry all of whose names are the feature's bare names is the feature, merged
    into it (Wiktionary's ``Αραράτ``: Ararat); another entry named by the feature's bare
    Latin name gives up the bare Greek one to a curated feature (the country Jordan is
    Ιορδανία, the river Ιορδάνης; Norfolk in Virginia keeps Νόρφολκ from GeoNames' Norfolk
    Island). The number of entries merged and aliases moved."""
    moved = 0
    for feature_id, feature in list(builder.entries.items()):
        if feature["label"] != "LOC" or feature_id not in builder.entries:
            continue
        cores = {dedupe_key(c) for c in map(_bare, [feature["name"], *feature["aliases"]]) if c}
        for other_id in {i for c in cores for i in builder._by_name.get(("LOC", c), ())}:
            if other_id == feature_id:
                continue
            other = builder.entries[other_id]
            names = [other["name"], *other["aliases"]]
            if other_id.startswith("entityx:") and all(dedupe_key(n) in cores for n in names):
                builder.attach(feature_id, names, "feature-cores")
                builder.remove(other_id)
                moved += 1
            elif feature_id.startswith("entityx:") and dedupe_key(other["name"]) in cores:
                bare = [a for a in other["aliases"] if dedupe_key(a) in cores]
                for alias in filter(has_greek_letters, bare):
                    if builder.detach(other_id, alias, "feature-cores"):
                        moved += builder.attach(feature_id, [alias], "feature-cores")
    return moved


def _bare(name: str) -> str | None:
    """A place's name without the leading or trailing word that says what it is."""
    words = name.split()
    if len(words) < 2:
        return None
    if is_designator(normalize(words[0]), "LOC"):
        return " ".join(words[1:])
    if is_designator(normalize(words[-1]), "LOC"):
        return " ".join(words[:-1])
    return None
