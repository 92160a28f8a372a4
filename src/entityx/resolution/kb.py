"""Knowledge bases: the bundled one and user JSONL files, validated with pydantic.

A user KB is layered over the gazetteer: lookups try the user entries first, so a user can pin
a name to an entry (repairing a wrong merge) and two user entries keep two entities apart.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal

from pydantic import ValidationError

from ..errors import KnowledgeBaseError
from ..text import nicknames
from ..text.declension import families_agree, given_name_family
from ..text.greek import has_greek, is_acronym, nominative_candidates, normalize, recombined
from . import kb_files, kb_keys
from .kb_entry import KBEntry
from .kb_keys import Index, add_in_order, index_keys, keys_agree, other_paradigm, sound_key

__all__ = ["KBEntry", "KnowledgeBase", "bundled_kb_id"]

MatchKind = Literal["exact", "inflected", "sound"]
Found = tuple[KBEntry, MatchKind]
# Names whose match a KnowledgeBase remembers (emptied when full: common names come back).
_FOUND_CACHE = 100_000
_UNSEEN = object()


@dataclass
class KnowledgeBase:
    """Entries plus lookup indices; ``fallback`` is consulted when this layer has no answer."""

    entries: tuple[KBEntry, ...] = ()
    fallback: KnowledgeBase | None = None
    source: str = "<memory>"
    _exact: Index = field(default_factory=dict, repr=False)
    _stem: Index = field(default_factory=dict, repr=False)
    _sound: Index = field(default_factory=dict, repr=False)
    _by_id: dict[str, KBEntry] = field(default_factory=dict, repr=False)
    # What match() found per (name, label, exact, by_sound): a corpus names the same entities
    # in document after document, and the entries and indices never change.
    _found: dict[tuple[str, str, bool, bool], Found | None] = field(
        default_factory=dict, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        # Highest priority first, so the first hit of an index list is the preferred entry.
        order = sorted(range(len(self.entries)), key=lambda i: -self.entries[i].priority)
        self.entries = tuple(self.entries[i] for i in order)
        exact_index: dict[tuple[str, str], list[int]] = {}
        stem_index: dict[tuple[str, str], list[int]] = {}
        sound_index: dict[tuple[str, str], list[int]] = {}
        for idx, entry in enumerate(self.entries):
            if entry.id in self._by_id:
                raise KnowledgeBaseError(f"{self.source}: duplicate id {entry.id!r}")
            self._by_id[entry.id] = entry
            for alias in entry.names():
                norm, stem, sound = index_keys(alias)
                kb_keys.add(exact_index, (entry.label, norm), idx)
                if stem:
                    kb_keys.add(stem_index, (entry.label, stem), idx)
                kb_keys.add(sound_index, (entry.label, sound), idx)
        self._exact = kb_keys.frozen(exact_index)
        self._stem = kb_keys.frozen(stem_index)
        self._sound = kb_keys.frozen(sound_index)

    # --- construction -----------------------------------------------------------------------
    @classmethod
    def from_entries(
        cls, entries: Iterable[KBEntry | dict], *, source: str = "<memory>"
    ) -> KnowledgeBase:
        parsed = [e if isinstance(e, KBEntry) else KBEntry.model_validate(e) for e in entries]
        return cls(entries=tuple(parsed), source=source)

    @classmethod
    def from_jsonl(cls, path: str | Path) -> KnowledgeBase:
        """Read a JSONL KB (``.gz`` allowed); errors name the file, the line and the field."""
        path = Path(path)
        try:
            raw = path.read_bytes()
        except OSError as exc:
            raise KnowledgeBaseError(f"cannot read knowledge base {path}: {exc}") from exc
        return cls.from_bytes(raw, source=str(path))

    @classmethod
    def from_bytes(cls, data: bytes, *, source: str = "<bytes>") -> KnowledgeBase:
        """Parse JSONL bytes (gzip-compressed allowed); see :mod:`.kb_files` for the rules."""
        data = kb_files.decompress(data, source=source)
        entries = list(_parse_lines(kb_files.split_lines(data), source))
        return cls(entries=tuple(entries), source=source)

    @classmethod
    def bundled(cls) -> KnowledgeBase:
        """The knowledge base shipped with entityx (places, organisations, people); cached.

        Built by ``scripts/build_kb.py``; loaded on first use, once.
        """
        return _bundled()

    def with_fallback(self, base: KnowledgeBase | None) -> KnowledgeBase:
        """This KB layered over ``base``: entries here win."""
        if base is None or base is self:
            return self
        kb = KnowledgeBase.__new__(KnowledgeBase)
        kb.__dict__.update(self.__dict__)
        kb.fallback = base if self.fallback is None else self.fallback.with_fallback(base)
        kb._found = {}  # (what this layer found alone, or over another base, is no answer)
        return kb

    # --- serialisation ----------------------------------------------------------------------
    def iter_lines(self) -> Iterator[str]:
        for e in self.entries:
            yield json.dumps(e.model_dump(exclude_defaults=True), ensure_ascii=False)

    def to_bytes(self) -> bytes:
        """This layer only (not the fallback) as JSONL bytes."""
        return "".join(line + "\n" for line in self.iter_lines()).encode("utf-8")

    def to_jsonl(self, path: str | Path) -> None:
        path = Path(path)
        data = self.to_bytes()
        path.write_bytes(gzip.compress(data, mtime=0) if path.suffix == ".gz" else data)

    # --- lookup -----------------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self.entries)

    def get(self, entry_id: str) -> KBEntry | None:
        hit = self._by_id.get(entry_id)
        if hit is None and self.fallback is not None:
            return self.fallback.get(entry_id)
        return hit

    def lookup(self, name: str, label: str) -> KBEntry | None:
        """The entry a name refers to: exact alias, then Greek case forms, then by sound."""
        found = self.match(name, label)
        return found[0] if found else None

    def match(
        self, name: str, label: str, *, exact: bool = False, by_sound: bool = True
    ) -> tuple[KBEntry, MatchKind] | None:
        """Like :meth:`lookup`, also saying how the name matched.

        ``"exact"``: the normalised name is an alias; ``"inflected"``: a Greek case form of
        one (``Ρωσίας`` for ``Ρωσία``); ``"sound"``: only the phonetic key agrees. With
        ``exact=True`` only exact matches are looked for (and cheaply); ``by_sound=False``:
        no sound matches.
        """
        key = (name, label, exact, by_sound)
        found = self._found.get(key, _UNSEEN)
        if found is not _UNSEEN:
            return found  # type: ignore[return-value]
        found = self._match_here(name, label, exact=exact, by_sound=by_sound)
        if found is None and label == "PERSON":
            found = self._match_family_first(name) or self._match_given_name(name)
        if found is None and self.fallback is not None:
            found = self.fallback.match(name, label, exact=exact, by_sound=by_sound)
        if len(self._found) >= _FOUND_CACHE:
            self._found.clear()
        self._found[key] = found
        return found

    def _match_family_first(self, name: str) -> tuple[KBEntry, MatchKind] | None:
        """A person named family name first, as Hungarian, Chinese or Japanese do at home:
        ``Liszt Ferenc`` is the entry of ``Ferenc Liszt``. Two words only, and exactly."""
        words = name.split()
        if len(words) != 2:
            return None
        return self._match_exactly(f"{words[1]} {words[0]}", recombined(name, (1, 0)))

    def _match_given_name(self, name: str) -> tuple[KBEntry, MatchKind] | None:
        """A person called by a nickname: ``Bobby Kennedy`` is the entry of ``Robert Kennedy``
        when exactly one given name the nickname stands for names an entry so, exactly."""
        words = name.split()
        if len(words) != 2:
            return None
        given = nicknames.given_names(recombined(name, (0,)) or words[0])
        found = [self._match_exactly(f"{g} {words[1]}", recombined(name, (g, 1))) for g in given]
        entries = {hit[0].id: hit for hit in found if hit is not None}
        return next(iter(entries.values())) if len(entries) == 1 else None

    def _match_exactly(self, name: str, norm: str | None) -> tuple[KBEntry, MatchKind] | None:
        """A person's entry by ``name`` exactly; ``norm``: ``normalize(name)`` if known (the
        names tried here are made of another's words, which it was read off)."""
        if norm is None:
            return self._match_here(name, "PERSON", exact=True)
        hits = self._exact.get(("PERSON", norm)) if norm else None
        return (self.entries[hits[0]], "exact") if hits else None

    def _match_here(
        self, name: str, label: str, *, exact: bool, by_sound: bool = True
    ) -> tuple[KBEntry, MatchKind] | None:
        norm = normalize(name)
        if not norm:
            return None
        hits = self._exact.get((label, norm))
        if hits:
            return self.entries[hits[0]], "exact"
        # An acronym is an exact name: ΟΑΣΑ is not an inflected or misspelt ΟΑΣΕ. (Longer
        # capitals are as often a word set in capitals, ΓΑΛΛΙΑΣ, which does inflect.)
        if exact or (is_acronym(name) and len(norm) <= _ACRONYM_LETTERS):
            return None
        if has_greek(norm):
            # Inflected Greek: the nominative guesses first (Λονδίνου → Λονδίνο; Ηρακλείου
            # is Ηράκλειο, not Ηράκλεια, whose stem it shares), word by word but for people,
            # whose stems and given names meet them, then the stem index (Ρωσίας → ρωσ).
            hits = None
            if " " not in norm or label != "PERSON":
                for cand in kb_keys.nominative_guesses(norm):
                    hits = self._exact.get((label, cand))
                    if hits:
                        break
            if not hits:
                hits = self._stem.get((label, kb_keys.greek_stem_key(norm)))
            hit = self._first_agreeing(name, label, hits)
            if hit is not None:
                return hit, "inflected"
        if not by_sound:
            return None
        key = sound_key(name)
        # By sound only for keys long enough to be distinctive (not 'ros', 'li').
        if len(key.replace(" ", "")) >= 5:
            hit = self._first_agreeing(name, label, self._sound.get((label, key)))
            if hit is not None:
                return hit, "sound"
        return None

    def alternatives(
        self, name: str, label: str, kind: MatchKind, *, min_key: int = 5
    ) -> tuple[KBEntry, ...]:
        """Every entry a name matched as ``kind`` may be, preferred first: the entries sharing
        the alias (``Βέροια``: Veroia, Aleppo), or every stem or sound hit (keys of min_key+)."""
        norm = normalize(name)
        if kind == "exact":
            hits: Sequence[int] = self._exact.get((label, norm), ())
        elif kind == "inflected":
            words = nominative_candidates(norm)[1:] if " " not in norm else ()
            nominative = [i for w in words for i in self._exact.get((label, w), ())]
            hits = [*nominative, *self._stem.get((label, kb_keys.greek_stem_key(norm)), ())]
        else:
            key = sound_key(name)
            hits = self._sound.get((label, key), ()) if len(key.replace(" ", "")) >= min_key else ()
        here = tuple(self.entries[i] for i in dict.fromkeys(hits))
        if here or self.fallback is None:
            return here
        return self.fallback.alternatives(name, label, kind, min_key=min_key)

    def _first_agreeing(self, name: str, label: str, hits: Sequence[int] | None) -> KBEntry | None:
        """The first entry a name met by stem or sound may be: a place's or organisation's
        Greek name is a case of the Greek names sharing its stem, and a person's given name
        is not another family's form of an alias's (Αλέξανδρος is not Αλεξάνδρα,
        :func:`entityx.text.declension.given_names_agree`)."""
        if not hits:
            return None
        if label != "PERSON":
            # (People's names vary more: Μπελέρι, Μπελέρης.)
            norm = normalize(name)
            found = (self.entries[h] for h in hits)
            return next((e for e in found if not other_paradigm(norm, e.names())), None)
        family = given_name_family(name)
        if family is None:
            return self.entries[hits[0]]
        for idx in hits:
            entry = self.entries[idx]
            names = (entry.name, *entry.aliases)
            if all(families_agree(family, given_name_family(alias)) for alias in names):
                return entry
        return None


# Capitals up to this many letters are taken for an acronym when looking a name up.
_ACRONYM_LETTERS = 5


def _parse_lines(
    lines: Iterable[str | bytes | kb_files.NumberedLine], source: str
) -> Iterator[KBEntry]:
    """Validate the entries of a JSONL file: lines as text, or ``(line number, line)`` pairs."""
    numbered = (
        item if isinstance(item, tuple) else (n, item) for n, item in enumerate(lines, start=1)
    )
    first_line: dict[str, int] = {}
    for lineno, obj in kb_files.iter_objects(numbered, source=source):
        try:
            entry = KBEntry.model_validate(obj)
        except ValidationError as exc:
            message = kb_files.validation_message(exc, source=source, lineno=lineno)
            raise KnowledgeBaseError(message) from None
        if entry.id in first_line:
            raise KnowledgeBaseError(
                kb_files.duplicate_id_message(
                    entry.id, source=source, first=first_line[entry.id], again=lineno
                )
            )
        first_line[entry.id] = lineno
        yield entry


@cache
def _bundled() -> KnowledgeBase:
    return load_bundled()


def bundled_kb_id(name: str, label: str) -> str | None:
    """Id of the gazetteer entry ``name`` resolves to (used for corpus blocking keys)."""
    hit = _bundled().lookup(name, label)
    return hit.id if hit else None


# The bundled knowledge base (``entityx/data/kb.json.gz``): read fast, once.
#
# ``scripts/build_kb.py`` writes the entries already validated and in priority order, each with
# the lookup keys of its names (:func:`.kb.index_keys`), so loading is JSON parsing and dict
# filling: no validation and no key computation. A sample of names with their keys (``probe``)
# says whether the keys still agree with the code; where they do not (``entityx.text`` changed
# since the build), the keys are computed afresh, which is slower but as correct.
BUNDLED_FILE = "kb.json.gz"
FORMAT = 1


def load_bundled() -> KnowledgeBase:
    source = f"entityx/data/{BUNDLED_FILE}"
    ref = resources.files("entityx.data").joinpath(BUNDLED_FILE)
    try:
        data = json.loads(gzip.decompress(ref.read_bytes()))
    except FileNotFoundError:
        return KnowledgeBase(source="<no bundled knowledge base>")
    entries = tuple(_entry(row) for row in data["entries"])
    if data.get("format") == FORMAT and keys_agree(data["probe"]):
        return prebuilt(entries, [row[6] for row in data["entries"]], source=source)
    return KnowledgeBase(entries=entries, source=source)


def _entry(row: list[Any]) -> KBEntry:
    entry_id, name, label, aliases, same_as, priority = row[:6]
    return KBEntry.model_construct(
        _every_field(),  # one set for all (never changed: the model is frozen)
        id=entry_id,
        name=name,
        label=label,
        aliases=tuple(aliases),
        same_as=tuple(same_as),
        priority=float(priority),
    )


@cache  # (a set per entry would be 14,000 objects for every full pass of the collector)
def _every_field() -> set[str]:
    return set(KBEntry.model_fields)


def prebuilt(
    entries: tuple[KBEntry, ...], keys: Sequence[Sequence[Sequence[str]]], *, source: str
) -> KnowledgeBase:
    """A KnowledgeBase from entries in priority order and their names' stored keys."""
    exact: dict[tuple[str, str], list[int]] = {}
    stem: dict[tuple[str, str], list[int]] = {}
    sound: dict[tuple[str, str], list[int]] = {}
    for idx, (entry, entry_keys) in enumerate(zip(entries, keys, strict=True)):
        label = entry.label
        for norm, stemmed, sounded in entry_keys:
            add_in_order(exact, (label, norm), idx)
            if stemmed:
                add_in_order(stem, (label, stemmed), idx)
            add_in_order(sound, (label, sounded), idx)
    kb = KnowledgeBase(source=source)  # every field at its default; then filled in
    kb.entries = entries
    kb._exact, kb._stem, kb._sound = map(kb_keys.frozen, (exact, stem, sound))
    kb._by_id = {e.id: e for e in entries}
    return kb
