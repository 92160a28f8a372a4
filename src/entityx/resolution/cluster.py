"""Cluster the names of one context into canonical entities.

Steps, all per label (different labels never merge):

1. every distinct surface gets phonetic keys (:mod:`entityx.text.keys`) and a KB lookup;
   an ORG or MISC name the KB does not know under its own label, but knows by that exact
   spelling as an entry this same context names under another label, takes that label
   (``Pyongyang`` tagged ORG beside ``Πιονγκγιάνγκ`` tagged LOC). People are left alone,
   as a person and a place can share a name (Washington, Jordan);
2. names with the same KB entry, or the same stemmed key, merge (two KB entries never merge);
3. names of the same length whose words match one by one merge when rapidfuzz agrees; pairs
   come from blocking on vowel-free word shapes, so cost grows about linearly;
4. a PERSON short form (``Λαβρόφ``, ``Κιμ``) joins the unique full name containing it;
5. an ORG acronym joins the name it spells, or the multi-word name it directly follows.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Callable, Sequence
from itertools import groupby, pairwise
from typing import Literal

from ..labels import map_label
from ..models import Entity
from ..text import nicknames
from ..text.declension import given_name_family
from ..text.greek import has_greek, normalize
from ..text.keys import token_keys
from ..text.learned import learned_readings
from ..text.readings import reading_stems
from . import exonyms, latin_names, name_parts, place_alternates, translate
from .acronyms import merge_acronyms
from .by_name import merge_by_name, single_name
from .case_forms import merge_case_forms
from .context_kb import follow_greek_acronyms, prefer_context_entries
from .demonyms import relabel_demonyms
from .designators import merge_designated
from .disambiguate import link_in_context
from .entities import EntityRow, make_entity
from .family_first import merge_family_first
from .fuzzy import merge_fuzzy
from .given_names import GivenNameGuard
from .initials import merge_by_initials, merge_person_acronyms
from .kb import KnowledgeBase
from .kb_aliases import alias_names
from .kb_naming import entry_display_name, place_display_name
from .kind_names import merge_kind_names
from .matching import (
    DEFAULT_MAX_BLOCK,
    DEFAULT_THRESHOLD,
    DEFAULT_WORD_THRESHOLD,
    MatchSettings,
    Name,
    UnionFind,
    merge_exact,
    merge_short,
    with_name_parts,
)
from .naming import NameForm, canonical_name, is_acronym, latin_lexicon
from .nicknames import merge_nicknames
from .org_short_forms import merge_org_short_forms
from .particles import merge_articles, merge_greek_articles
from .place_alternates import link_place_alternates
from .spacing import merge_spacing
from .translate_match import merge_translated_words
from .translated import merge_translated

__all__ = [
    "DEFAULT_MAX_BLOCK",
    "DEFAULT_THRESHOLD",
    "DEFAULT_WORD_THRESHOLD",
    "Resolver",
    "entity_id",
]


def entity_id(label: str, key: str) -> str:
    """Deterministic id of an entity the KB does not know: label plus a hash of its key."""
    digest = hashlib.sha1(f"{label}|{key}".encode()).hexdigest()[:12]
    return f"{label.lower()}-{digest}"


class Resolver:
    """Resolve the names of one context (a document) into entities.

    ``kb`` is a user knowledge base; it is layered over the bundled knowledge base unless
    ``gazetteer=False``; ``kb=False`` means no knowledge base at all (the general rules
    alone, as ``evaluate-resolver --no-kb`` measures them). ``name_parts`` uses the bundled
    table of name-part spellings for canonical names (``Φρανσουά`` → François).
    ``threshold`` (0-100) is the rapidfuzz ratio two phonetic names need
    to merge; ``word_threshold`` is the floor for every aligned word (it keeps ``Donald
    Trump`` and ``Melania Trump`` apart). With ``relabel_from_kb`` an ORG or MISC name may come
    out under the label of its KB entry (step 1 above), so an entity's label can differ from
    the label its names were passed with. Callers pass only labels that map to an entityx label
    (spans whose label maps to ``None`` are filtered out before resolving).
    """

    def __init__(
        self,
        *,
        kb: KnowledgeBase | Literal[False] | None = None,
        gazetteer: bool = True,
        name_parts: bool = True,
        threshold: float = DEFAULT_THRESHOLD,
        word_threshold: float = DEFAULT_WORD_THRESHOLD,
        short_forms: bool = True,
        acronyms: bool = True,
        relabel_from_kb: bool = True,
        max_block: int = DEFAULT_MAX_BLOCK,
        workers: int = 1,
    ) -> None:
        self.user_kb = kb if kb is not False else None
        self.gazetteer = gazetteer and kb is not False
        self.name_parts = name_parts
        self.threshold = threshold
        self.word_threshold = word_threshold
        self.short_forms = short_forms
        self.acronyms = acronyms
        self.relabel_from_kb = relabel_from_kb
        self.max_block = max_block
        self.workers = workers
        self._kb: KnowledgeBase | None = None

    @property
    def kb(self) -> KnowledgeBase | None:
        """The effective KB: the user KB over the bundled gazetteer (loaded once, lazily)."""
        if self._kb is None:
            base = KnowledgeBase.bundled() if self.gazetteer else None
            self._kb = self.user_kb.with_fallback(base) if self.user_kb is not None else base
        return self._kb

    def prepare(self) -> None:
        """Load the knowledge base and the name tables this resolver reads, now.

        They load on first use otherwise, so the first text resolved would pay for them
        (about a second); a pipeline calls this when it is loaded, with its other weights.
        """
        if self.kb is not None:
            place_alternates.load()
        translate.load()
        nicknames.load()
        if self.name_parts:
            name_parts.load()
            latin_names.load()
            exonyms.load()

    def set_kb(self, kb: KnowledgeBase | Literal[False] | None) -> None:
        """Use ``kb`` over the bundled knowledge base; ``False``: no knowledge base at all."""
        if kb is False:
            self.gazetteer = False
        self.user_kb = kb if kb is not False else None
        self._kb = None

    # ------------------------------------------------------------------------------------------
    def resolve(
        self,
        items: Sequence[tuple[str, str]],
        *,
        definitions: Sequence[tuple[int, int]] | None = None,
    ) -> tuple[list[Entity], list[str]]:
        """Cluster ``(surface, label)`` items; return entities and each item's entity id.

        ``definitions`` lists item index pairs known to be ``Name (ACRONYM)`` in the text
        (the spaCy component reads them off the doc); without it, an acronym item that
        directly follows a multi-word ORG item is taken as its definition.
        """
        names, item_names = self._collect(items)
        if self.relabel_from_kb:
            self._relabel_from_kb(names)
        relabel_demonyms(names)
        if self.kb is not None:
            _settle_links(names, self.kb)
        if definitions is None:
            adjacent = list(pairwise(item_names))
        else:
            adjacent = [(item_names[a], item_names[b]) for a, b in definitions]
        uf = GivenNameGuard(
            [n.kb.id if n.kb else None for n in names],
            [given_name_family(n.surface) if n.label == "PERSON" else None for n in names],
        )
        cfg = MatchSettings(self.threshold, self.word_threshold, self.max_block, self.workers)
        lexicon = latin_lexicon(name_parts=self.name_parts)
        is_place = _place_test(names, self.kb)
        by_label: dict[str, list[int]] = defaultdict(list)
        for i, n in enumerate(names):
            by_label[n.label].append(i)
        for idxs in (group for group in by_label.values() if len(group) > 1):
            self._read(names, idxs)
            merge_exact(names, idxs, uf)
            merge_family_first(names, idxs, uf)
            merge_case_forms(names, idxs, uf)
            merge_spacing(names, idxs, uf)
            merge_translated(names, idxs, uf)
            merge_translated_words(names, idxs, uf)
            merge_fuzzy(names, idxs, uf, cfg)
            # Before the short forms: a surname alone joins a full name only once the full
            # names of both scripts are one entity.
            merge_by_name(names, idxs, uf, lexicon=lexicon)
            merge_designated(names, idxs, uf, is_place=is_place)
            merge_kind_names(names, idxs, uf)
            merge_org_short_forms(names, idxs, uf)
            merge_by_initials(names, idxs, uf)
            merge_articles(names, idxs, uf)
            merge_greek_articles(names, idxs, uf)
            if self.short_forms:
                merge_short(names, idxs, uf, cfg)
            # After the short forms, which make Robert Kennedy and Robert F. Kennedy one.
            merge_nicknames(names, idxs, uf)
            merge_person_acronyms(names, idxs, uf)
            if self.acronyms:
                merge_acronyms(names, idxs, uf, adjacent)
        entities, ids = self._build(names, uf, item_names)
        # Names several KB entries share are linked by the document's other entities.
        return link_in_context(entities, ids, kb=self.kb)

    def _collect(self, items: Sequence[tuple[str, str]]) -> tuple[list[Name], list[int]]:
        kb = self.kb
        seen: dict[tuple[str, str], int] = {}
        names: list[Name] = []
        item_names: list[int] = []
        for pos, (surface, raw_label) in enumerate(items):
            label = map_label(raw_label) or "MISC"
            idx = seen.get((surface, label))
            if idx is None:
                idx = seen[(surface, label)] = len(names)
                keys, stems = token_keys(surface)
                hit = kb.lookup(surface, label) if kb is not None else None
                # Readings come later (:meth:`_read`), once the labels are final.
                greek = has_greek(surface)
                name = Name(surface, label, normalize(surface), keys, stems, hit, greek)
                name.first, name.person = pos, label == "PERSON"
                names.append(name)
            names[idx].count += 1
            item_names.append(idx)
        return names, item_names

    def _read(self, names: list[Name], idxs: list[int]) -> None:
        """Give the names of one label their readings, where any step can use them.

        A spelling convention only ever pairs a name with a name of the other script, so a
        label whose names are all of one script needs the generic reading alone; except for
        people, where the conventions of the full names also count in the short-form pools
        (:func:`.matching.merge_short`): they cannot matter while those pools cannot outgrow
        ``max_block``, which holds when there are no more full names than that. (Reading a Latin
        name by every language's conventions costs several times its generic keys.)
        """
        greek = {names[i].greek for i in idxs}
        label = names[idxs[0]].label
        if len(greek) == 1 and (
            label != "PERSON"
            or not self.short_forms
            or (True not in greek and sum(len(names[i].stems) > 1 for i in idxs) <= self.max_block)
        ):
            for i in idxs:
                names[i].readings = ()  # the generic reading alone: (keys, stems)
            return
        for i in idxs:
            n = names[i]
            if is_acronym(n.surface):
                n.readings = ()  # spelt letter by letter, not read as a word (EEAS is no ΕΑΣ)
                continue
            readings = reading_stems(n.surface)
            if label == "LOC" and n.greek:  # (.text.learned: Βοστώνη, Boston)
                readings = (*readings, *learned_readings(n.surface, native=translate.glossed_word))
            # Name parts by the label the name was passed with (a relabel does not add them).
            n.readings = with_name_parts(readings, n.surface) if n.person else readings

    def _relabel_from_kb(self, names: list[Name]) -> None:
        kb = self.kb
        if kb is None:
            return
        # The KB entries this context names, per label: the evidence a relabel needs.
        linked: dict[str, set[str]] = defaultdict(set)
        for n in names:
            if n.kb is not None:
                linked[n.label].add(n.kb.id)
        for n in names:
            if n.kb is not None or n.label == "PERSON":
                continue
            for label, kb_ids in linked.items():
                if label == n.label:
                    continue
                # Exact names only: a stem or a sound also matches a demonym to its country
                # (Ρώσου, "a Russian's", to Ρωσία), and those differ in label on purpose.
                found = kb.match(n.surface, label, exact=True)
                if found is not None and found[0].id in kb_ids:
                    n.label, n.kb = label, found[0]
                    break

    # ------------------------------------------------------------------------------------------
    def _build(
        self, names: list[Name], uf: UnionFind, item_names: list[int]
    ) -> tuple[list[Entity], list[str]]:
        """The entities and each item's entity id; it reads ``names`` last, and empties it."""
        # Entities in the order of their first mention, names in the order of theirs: names are
        # numbered by first mention, and a union-find root is its cluster's smallest number.
        # (Sorting numbers rather than keeping a list per cluster: fewer containers for the
        # cyclic garbage collector, which walks all of them again on every full pass.)
        roots = [uf.find(i) for i in range(len(names))]
        kb = self.kb
        lexicon = latin_lexicon(name_parts=self.name_parts)
        rows: list[EntityRow] = []
        ids: list[str] = [""] * len(names)
        used: set[str] = set()
        for root, group in groupby(
            sorted(range(len(names)), key=roots.__getitem__), roots.__getitem__
        ):
            members = [i for i in group if not names[i].alias]
            if not members:
                continue  # stand-ins only (.kb_aliases): no entity of this text
            label = names[members[0]].label
            kb_id = uf.kb[root]
            entry = kb.get(kb_id) if kb is not None and kb_id else None
            if entry is not None:
                ent_id, same_as = entry.id, entry.same_as
                name = entry_display_name(entry, [names[i].surface for i in members])
            else:
                place = (
                    place_display_name(kb, [names[i].surface for i in members])
                    if label == "ORG" and kb is not None
                    else None
                )
                if place is not None:
                    name = place
                elif len(members) == 1:
                    name = single_name(names[members[0]].surface, label, lexicon)
                else:
                    forms = [NameForm(names[i].surface, names[i].count) for i in members]
                    name = canonical_name(forms, label, lexicon=lexicon)
                best = max(members, key=lambda i: _key_rank(names[i]))
                ent_id, same_as = _free_id(label, names[best], used), ()
            used.add(ent_id)
            rows.append(
                (
                    ent_id,
                    name,
                    label,
                    # dict.fromkeys: a relabelled name can share its surface with another.
                    tuple(dict.fromkeys(names[i].surface for i in members)),
                    sum(names[i].count for i in members),
                    entry.id if entry is not None else None,
                    tuple(same_as),
                )
            )
            for i in members:
                ids[i] = ent_id
        # The entities are made once the names are freed, so the collector's full passes while
        # they are made do not walk every name too (the rows, tuples of strings, it untracks).
        names.clear()
        return [make_entity(*row) for row in rows], [ids[n] for n in item_names]


def _free_id(label: str, name: Name, used: set[str]) -> str:
    """The id of an entity named ``name``, by its stems; where two entities of the text share
    the stems (Νίγηρας and Νιγηρία, Dubai and Dubbo, kept apart), the later one's id also
    hashes its spelling, so that no two entities have one id."""
    ent_id = entity_id(label, " ".join(name.stems))
    n = 0
    while ent_id in used:
        n += 1
        ent_id = entity_id(label, f"{' '.join(name.stems)}|{name.norm}|{n}")
    return ent_id


def _place_test(names: list[Name], kb: KnowledgeBase | None) -> Callable[[str], bool]:
    """Whether a normalised word names a place: one the KB knows, or one this text names as a
    place (a one-word LOC name)."""
    places = frozenset(n.norm for n in names if n.label == "LOC" and " " not in n.norm)

    def is_place(word: str) -> bool:
        return word in places or (kb is not None and kb.lookup(word, "LOC") is not None)

    return is_place


def _key_rank(n: Name) -> tuple[int, int, int, str]:
    return (len(n.stems), n.count, len(n.norm), n.norm)


def _settle_links(names: list[Name], kb: KnowledgeBase) -> None:
    """Link each name to the KB entry its context settles, then add the linked entries' other
    names as stand-ins (:mod:`.kb_aliases`)."""
    prefer_context_entries(names, kb)
    link_place_alternates(names, kb)
    follow_greek_acronyms(names, kb)
    names.extend(alias_names(names))
