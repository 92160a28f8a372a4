"""Split a tagged span that runs two apposed place names together.

Greek news writes a country in the genitive right before its city: ``της Μαλαισίας Κουάλα
Λουμπούρ`` ("Malaysia's Kuala Lumpur"), ``της Κίνας Χαϊλονγκτσιάνγκ``. A tagger that has
seen few such pairs marks both names as one place. The reverse order is a single name, "X of
Y": ``Εύοσμο Θεσσαλονίκης``, ``Αρχαίας Ολυμπίας`` are one span in elNER, and so are English
pairs, which carry no case to tell the two readings apart.

So a span is split only when the knowledge base confirms both halves: the first as a Greek
genitive of a known name, the second in the form the knowledge base lists. The whole span
must not be a known name itself. Of the 10,119 gold places of elNER-4 (train, dev and test)
this splits one, ``Βρυξελλών Ουάσιγκτον`` (an axis, one span in the gold); splitting wherever
both halves are known names would wrongly split 16.
"""

from __future__ import annotations

from collections.abc import Sequence

from .kb import KnowledgeBase

__all__ = ["apposition_split"]

# Greek genitive endings, with and without accent; matched on the lowercased word (this runs
# on every multi-word span, so it avoids the full normalisation).
_GENITIVE_ENDINGS = ("ας", "άς", "ης", "ής", "ου", "ού", "ων", "ών", "εως", "έως")


def apposition_split(words: Sequence[str], label: str, *, kb: KnowledgeBase) -> int | None:
    """Return ``i`` when ``words[:i]`` and ``words[i:]`` name two different places, else None.

    ``words`` are the tokens of one span labelled ``label``. Only spans whose first half is
    a Greek genitive of a known name (``Μαλαισίας``) followed by a name as the knowledge base
    writes it (``Κουάλα Λουμπούρ``) are split; see the module docstring for why.
    """
    # The case test first: it is cheap and rules out nearly every span, English ones included.
    cuts = [i for i in range(1, len(words)) if words[i - 1].lower().endswith(_GENITIVE_ENDINGS)]
    if not cuts or kb.lookup(" ".join(words), label) is not None:
        return None
    for i in cuts:
        head = kb.match(" ".join(words[:i]), label)
        if head is None or head[1] != "inflected":
            continue
        tail = kb.match(" ".join(words[i:]), label)
        if tail is not None and tail[1] == "exact" and tail[0].id != head[0].id:
            return i
    return None
