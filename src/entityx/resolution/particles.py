"""Articles transcriptions keep or drop: the Arabic article (``Muammar al-Gaddafi`` is
``Muammar Gaddafi``, ``Ανουάρ ελ Σαντάτ`` ``Ανουάρ Σαντάτ``), and the Greek article of a Greek
name written in Latin letters (``To Vima`` is ``Το Βήμα``, ``I Kathimerini`` ``Καθημερινή``).

Transcriptions keep or drop the article of an Arabic name at will, so the two forms differ by
a word and never align word by word. A person's name with ``al``/``el`` inside it (neither
first nor last: ``Al Gore`` and ``Ahmed Al`` keep theirs) is, without it, a name of the context
with the same stemmed keys, when that name is one entity; the rest of the name must agree
exactly, so ``Bashar al-Assad`` meets ``Bashar Assad`` and not ``Hafez Assad``.
"""

from __future__ import annotations

from ..text.keys import token_keys
from .matching import Name, UnionFind

__all__ = ["ARTICLES", "GREEK_ARTICLES", "merge_articles", "merge_greek_articles"]

#: Stemmed keys of the article as the phonetic keys give it (both scripts: al-, αλ, el-, ελ).
ARTICLES = frozenset(["al", "el"])


def _without_article(stems: tuple[str, ...]) -> tuple[str, ...] | None:
    inner = stems[1:-1]
    if len(stems) < 3 or not any(w in ARTICLES for w in inner):
        return None
    return (stems[0], *(w for w in inner if w not in ARTICLES), stems[-1])


def merge_articles(names: list[Name], idxs: list[int], uf: UnionFind) -> None:
    """A person's name with the article joins the one entity named the same without it."""
    if not idxs or names[idxs[0]].label != "PERSON":
        return
    stripped = {i: s for i in idxs if (s := _without_article(names[i].stems)) is not None}
    _join_stripped(stripped, [(i, names[i].stems) for i in idxs], uf)


def _join_stripped(
    stripped: dict[int, tuple[str, ...]], others: list[tuple[int, tuple[str, ...]]], uf: UnionFind
) -> None:
    """Join each name of ``stripped`` (name index: its keys without the article) to the one
    entity of ``others`` (index, keys) with those keys."""
    if not stripped:
        return
    wanted = set(stripped.values())
    plain: dict[tuple[str, ...], set[int]] = {}
    for i, keys in others:
        if keys in wanted:
            plain.setdefault(keys, set()).add(uf.find(i))
    # Decided on the entities as they were, so the outcome does not depend on the order.
    joins = [(i, roots) for i, s in stripped.items() if len(roots := plain.get(s, set())) == 1]
    for i, roots in joins:
        uf.union(i, next(iter(roots)))


#: The Greek articles a name's Latin transcription may start with (ELOT 743: Η as I).
GREEK_ARTICLES = frozenset(["o", "i", "to", "oi", "ta", "tou", "tis", "ton", "tin"])


def merge_greek_articles(names: list[Name], idxs: list[int], uf: UnionFind) -> None:
    """A Latin name of an organisation, place or work that starts with a Greek article joins
    the one entity whose names have its other words' keys: Greek normalisation drops the
    article of ``Το Βήμα``, its transcription ``To Vima`` keeps it."""
    if not idxs or names[idxs[0]].label == "PERSON":
        return
    stripped: dict[int, tuple[str, ...]] = {}
    for i in idxs:
        n = names[i]
        words = n.norm.split()
        if not n.greek and len(words) > 1 and words[0] in GREEK_ARTICLES:
            stripped[i] = token_keys(" ".join(words[1:]))[0]
    _join_stripped(stripped, [(i, names[i].keys) for i in idxs if i not in stripped], uf)
