"""The Arabic article: ``Muammar al-Gaddafi`` is ``Muammar Gaddafi``, ``Ανουάρ ελ Σαντάτ``
``Ανουάρ Σαντάτ``.

Transcriptions keep or drop the article of an Arabic name at will, so the two forms differ by
a word and never align word by word. A person's name with ``al``/``el`` inside it (neither
first nor last: ``Al Gore`` and ``Ahmed Al`` keep theirs) is, without it, a name of the context
with the same stemmed keys, when that name is one entity; the rest of the name must agree
exactly, so ``Bashar al-Assad`` meets ``Bashar Assad`` and not ``Hafez Assad``.
"""

from __future__ import annotations

from .matching import Name, UnionFind

__all__ = ["ARTICLES", "merge_articles"]

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
    if not stripped:
        return
    wanted = set(stripped.values())
    plain: dict[tuple[str, ...], set[int]] = {}
    for i in idxs:
        if names[i].stems in wanted:
            plain.setdefault(names[i].stems, set()).add(uf.find(i))
    # Decided on the entities as they were, so the outcome does not depend on the order.
    joins = [(i, roots) for i, s in stripped.items() if len(roots := plain.get(s, set())) == 1]
    for i, roots in joins:
        uf.union(i, next(iter(roots)))
