"""One place per document: a name several KB entries share takes the one the context names.

``Βέροια`` is the Greek town and an old name of Aleppo; the KB's first choice (by priority) is
Aleppo, and since two KB entries never merge, ``Βέροια`` then stays apart from a ``Veroia`` the
same text links to the town. A document that names one of a name's entries by a name that can
mean nothing else means that entry by it too (one sense per discourse). So, before clustering,
a name whose lookup allows several entries (the entries sharing its alias; for an inflected
form, every nominative and stem hit, ``Παραλιμνίου`` being the genitive of ``Παραλίμνι`` and of
``Παραλίμνιο``) takes the first of them that another name of the label links to without such a
choice. The evidence is read off the first lookups only, so the outcome does not depend on the
order of the names. People are left alone: a bare surname shares the entries of a family
(``Τραμπ``), and which member it means is for the short forms (:func:`.matching.merge_short`).
"""

from __future__ import annotations

from collections import defaultdict

from .kb import KBEntry, KnowledgeBase
from .matching import Name

__all__ = ["prefer_context_entries"]


def prefer_context_entries(names: list[Name], kb: KnowledgeBase) -> None:
    """Relink, in place, the names whose KB entry the context settles (see module doc)."""
    choices: dict[int, tuple[KBEntry, ...]] = {}
    certain: dict[str, set[str]] = defaultdict(set)  # label → entries linked without a choice
    for i, n in enumerate(names):
        if n.kb is None or n.label == "PERSON":
            continue
        found = kb.match(n.surface, n.label)
        alts = kb.alternatives(n.surface, n.label, found[1]) if found else ()
        if len(alts) > 1:
            choices[i] = alts
        else:
            certain[n.label].add(n.kb.id)
    for i, alts in choices.items():
        n = names[i]
        linked = certain.get(n.label)
        if not linked or n.kb is None or n.kb.id in linked:
            continue
        n.kb = next((e for e in alts if e.id in linked), n.kb)
