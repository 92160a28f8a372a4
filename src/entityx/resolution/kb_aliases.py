"""The other names of the KB entries a context links, as stand-ins its variants can meet.

A text names a place ``Sarajevo`` (linked: the KB lists it with ``Σαράγεβο`` and
``Σαράγιεβο``) and, a paragraph on, ``Σεράγεβο``, a spelling the KB does not list. No rule
compares ``Σεράγεβο`` with ``Sarajevo`` closely enough, but its sound is that of the KB's own
Greek alias. So, once the context's names are linked, every name and alias of each entry they
link to joins the context as a stand-in *alias name*: linked to the entry (so it is one entity
with the names that link to it, and never with another entry's), matched by every step like
any name, and left out of the entities in the end (it adds no surface, mention or name). A
variant that meets one of them joins the entity; a variant close to two entries' aliases
joins neither, as with any two entities.

People are included: an entry's full name (``Recep Tayyip Erdoğan``) is where a context's
spelling variant (``Ρετζέπ Ταγίπ Ερντογάν``) of a partly linked person meets it.
"""

from __future__ import annotations

from ..text.greek import has_greek, normalize
from ..text.keys import token_keys
from .kb import KBEntry
from .matching import Name

__all__ = ["MAX_ALIASES", "alias_names"]

#: Names taken per linked entry (its display name first, then its aliases in KB order):
#: enough for a place's or a person's spellings in both scripts, few for the matching to pay.
MAX_ALIASES = 24


def alias_names(names: list[Name]) -> list[Name]:
    """Alias names (``Name.alias``) for the entries ``names`` link to, other than the
    surfaces ``names`` already hold under the entry's label."""
    held = {(n.surface, n.label) for n in names}
    entries: dict[str, tuple[KBEntry, str]] = {}
    for n in names:
        if n.kb is not None and not n.alias:
            entries.setdefault(n.kb.id, (n.kb, n.label))
    out: list[Name] = []
    for entry, label in entries.values():
        for surface in dict.fromkeys((entry.name, *entry.aliases[:MAX_ALIASES])):
            if (surface, label) in held or not surface.strip():
                continue
            held.add((surface, label))
            keys, stems = token_keys(surface)
            alias = Name(surface, label, normalize(surface), keys, stems, entry, has_greek(surface))
            alias.alias, alias.person = True, label == "PERSON"
            out.append(alias)
    return out
