"""Mention replacement: extra training sentences whose names are swapped for other names.

A tagger trained on news learns *which names* are people and places as much as *which
contexts* are. Faced with a name it has never seen (a transliterated foreign city, say) it
falls back on the name's shape, and a Greek word ending in ``-άν`` looks like ``Ερντογάν``.
Copies of training sentences in which each name is replaced by another name of the same
label (drawn uniformly from the distinct names, so rare ones count as much as frequent ones)
make the context carry more of the decision. Greek names only trade places with names that
end in the same two letters, so the case endings still agree with the articles around them.
"""

from __future__ import annotations

import random
import unicodedata
from collections import defaultdict
from collections.abc import Sequence

from entityx.iob import TaggedSentence, iob_to_spans

__all__ = ["replace_mentions"]

SWAPPED_LABELS = ("PERSON", "LOC", "ORG")


def _is_greek(words: Sequence[str]) -> bool:
    return any("\u0370" <= ch <= "\u03ff" or "\u1f00" <= ch <= "\u1fff" for w in words for ch in w)


def _ending(word: str) -> str:
    bare = "".join(
        ch for ch in unicodedata.normalize("NFD", word.casefold()) if not unicodedata.combining(ch)
    )
    return bare.replace("ς", "σ")[-2:]


def _pool_key(words: Sequence[str], label: str) -> tuple[str, str, str]:
    if _is_greek(words):
        return ("el", label, _ending(words[-1]))
    return ("latin", label, "")


def replace_mentions(
    sentences: Sequence[TaggedSentence], *, rate: float, seed: int = 0
) -> list[TaggedSentence]:
    """Copies of about ``rate`` of the sentences that have names, with those names swapped.

    Each PERSON/LOC/ORG name of a copied sentence is replaced by a different name of the same
    label and script (Greek: with the same ending); a name with no such partner stays. Only
    copies in which at least one name changed are returned. Deterministic for a given seed.
    """
    if not 0.0 <= rate <= 1.0:
        raise ValueError(f"rate must be between 0 and 1, got {rate}")
    pools: dict[tuple[str, str, str], set[tuple[str, ...]]] = defaultdict(set)
    for sent in sentences:
        for start, end, label in iob_to_spans(sent.tags):
            if label in SWAPPED_LABELS:
                name = sent.words[start:end]
                pools[_pool_key(name, label)].add(name)
    choices = {key: sorted(names) for key, names in pools.items() if len(names) > 1}

    rng = random.Random(seed)
    out: list[TaggedSentence] = []
    for sent in sentences:
        spans = [s for s in iob_to_spans(sent.tags) if s[2] in SWAPPED_LABELS]
        if not spans or rng.random() >= rate:
            continue
        words: list[str] = []
        tags: list[str] = []
        cursor = 0
        changed = False
        for start, end, label in spans:
            words.extend(sent.words[cursor:start])
            tags.extend(sent.tags[cursor:start])
            name = sent.words[start:end]
            candidates = choices.get(_pool_key(name, label))
            new = name
            if candidates:
                new = rng.choice(candidates)
                changed |= new != name
            words.extend(new)
            tags.extend([f"B-{label}"] + [f"I-{label}"] * (len(new) - 1))
            cursor = end
        words.extend(sent.words[cursor:])
        tags.extend(sent.tags[cursor:])
        if changed:
            out.append(
                TaggedSentence(
                    words=tuple(words), tags=tuple(tags), source=sent.source, line=sent.line
                )
            )
    return out
