"""One place per document: a name several KB entries share takes the one the context names.

``Βέροια`` is the Greek town and an old name of Aleppo; the KB's first choice (by priority) is
Aleppo, and since two KB entries never merge, ``Βέροια`` then stays apart from a ``Veroia`` the
same text links to the town. A document that names one of a name's entries by a name that can
mean nothing else means that entry by it too (one sense per discourse). So, before clustering,
a name whose lookup allows several entries (the entries sharing its alias; for an inflected
form, every nominative and stem hit, ``Παραλιμνίου`` being the genitive of ``Παραλίμνι`` and of
``Παραλίμνιο``) takes the first of them that another name of the label links to without such a
choice. A name of one entry that no other name links to takes, in the same way, an entry its
case forms or its sound also find (``Πάρο``, Paro in Bhutan, beside ``Πάρος``: the island;
``Odessa``, an alias of the Texan town only, beside ``Οδησσός``, the port).
The evidence is read off the first lookups only, so the outcome does not depend on the
order of the names. People are left alone: a bare surname shares the entries of a family
(``Τραμπ``), and which member it means is for the short forms (:func:`.matching.merge_short`).
"""

from __future__ import annotations

from collections import defaultdict

from ..text.greek import is_acronym, normalize
from ..text.romanize import acronym_spellings
from .kb import KBEntry, KnowledgeBase
from .kb_keys import case_form_of
from .matching import Name

__all__ = ["follow_greek_acronyms", "prefer_context_entries"]

# Letters of a sound key the context pass reads (a lookup by sound alone needs five).
_CONTEXT_SOUND_KEY = 4


def prefer_context_entries(names: list[Name], kb: KnowledgeBase) -> None:
    """Relink, in place, the names whose KB entry the context settles (see module doc)."""
    if hasattr(kb, "candidates"):
        return  # a stored KB links its ambiguous names in context itself (.disambiguate)
    choices: dict[int, tuple[KBEntry, ...]] = {}
    certain: dict[str, set[str]] = defaultdict(set)  # label → entries linked without a choice
    support: dict[str, int] = defaultdict(int)  # entry → names linked to it
    lone: list[int] = []  # names of one exact entry, which may yet be a sound-alike's
    for i, n in enumerate(names):
        if n.kb is None or n.label == "PERSON":
            continue
        support[n.kb.id] += 1
        found = kb.match(n.surface, n.label)
        alts = kb.alternatives(n.surface, n.label, found[1]) if found else ()
        if len(alts) > 1:
            choices[i] = alts
        else:
            certain[n.label].add(n.kb.id)
            if found and found[1] == "exact" and not is_acronym(n.surface):
                lone.append(i)
    for i, alts in choices.items():
        n = names[i]
        linked = certain.get(n.label)
        if not linked or n.kb is None or n.kb.id in linked:
            continue
        n.kb = next((e for e in alts if e.id in linked), n.kb)
    moves: dict[int, KBEntry] = {}
    for i in lone:
        n = names[i]
        if n.kb is None or support[n.kb.id] > 1 or len(certain[n.label]) < 2:
            continue
        linked, own = certain[n.label], n.kb.id
        # A Greek name may be another's case form (Πάρο, Paro in Bhutan, beside Πάρος: the
        # island's accusative), by its ending's paradigm and not a stem alone (Μεσσηνία,
        # Messenia, and Μεσσήνη, the town, share one); a Latin name may sound like one
        # (Odessa beside Οδησσός). The context's own name for the entry vouches for a
        # shorter key than a lookup takes.
        if n.greek:
            norm = normalize(n.surface)
            inflected = kb.alternatives(n.surface, n.label, "inflected")
            others = [e for e in inflected if case_form_of(norm, e.aliases)]
        else:
            others = list(kb.alternatives(n.surface, n.label, "sound", min_key=_CONTEXT_SOUND_KEY))
        move = next((e for e in others if e.id != own and e.id in linked), None)
        if move is not None:
            moves[i] = move
    # Two names that would take each other's entries are one place's cases: both take the
    # entry of the longer, the nominative's ending kept (Πάρος and Πάρο: the island, not
    # Paro in Bhutan), then of the higher priority.
    by_entry = {kb_entry.id: i for i in moves if (kb_entry := names[i].kb) is not None}
    for i, move in moves.items():
        n = names[i]
        j = by_entry.get(move.id)
        if n.kb is None:
            continue
        if j is not None and moves[j].id == n.kb.id:
            mine, theirs = len(n.surface.strip()), len(names[j].surface.strip())
            n.kb = max(((mine, n.kb), (theirs, move)), key=lambda t: (t[0], t[1].priority))[1]
        else:
            n.kb = move


def follow_greek_acronyms(names: list[Name], kb: KnowledgeBase) -> None:
    """A Latin acronym that spells a Greek acronym of the context letter for letter takes the
    Greek one's KB entry, where the Greek acronyms so spelled name one entry (``EDA`` beside
    ``ΕΔΑ``: the Greek party, not the European Defence Agency). A text that writes both means
    one organisation by them, as :func:`.cluster._merge_transliterated_acronyms` takes it to
    where no KB entry tells them apart."""
    spelled: dict[tuple[str, str], set[str]] = defaultdict(set)
    for n in names:
        if n.greek and n.kb is not None and is_acronym(n.surface):
            for spelling in acronym_spellings(n.surface):
                spelled[(n.label, spelling)].add(n.kb.id)
    if not spelled:
        return
    for n in names:
        if n.greek or n.kb is None or not is_acronym(n.surface):
            continue
        ids = spelled.get((n.label, n.surface.replace(".", "").strip().upper()), set())
        if len(ids) == 1 and n.kb.id not in ids:
            n.kb = kb.get(next(iter(ids))) or n.kb
