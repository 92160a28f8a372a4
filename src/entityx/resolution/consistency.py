"""One label per name per document: the majority label wins among identical spellings.

A statistical tagger decides each mention from its few neighbouring words, so a name it has
never seen can come out as a place in one sentence and a person in the next (``στη Γουονσάν``
LOC, ``Η Γουονσάν,`` PERSON). Within one news article a spelling nearly always names one thing
("one sense per discourse"), so the label most of its mentions carry is the better guess for
all of them. Only identical normalised spellings vote together: that is cheap, and it never
relabels a name because of a different name that merely resembles it.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence

from ..text.greek import normalize

__all__ = ["harmonise_labels"]


def harmonise_labels(
    mentions: Sequence[tuple[str, str]], *, min_mentions: int = 3, min_share: float = 0.6
) -> list[str]:
    """Return the label each ``(surface, label)`` mention should carry.

    Mentions whose normalised surfaces are equal form a group. A group of at least
    ``min_mentions`` whose most common label holds at least ``min_share`` of it gets that
    label throughout; every other mention keeps its own. Ties and small groups change nothing.
    """
    if min_mentions < 2:
        raise ValueError(f"min_mentions must be at least 2, got {min_mentions}")
    if not 0.5 < min_share <= 1.0:
        raise ValueError(f"min_share must be in (0.5, 1.0], got {min_share}")
    groups: dict[str, list[int]] = defaultdict(list)
    for i, (surface, _) in enumerate(mentions):
        key = normalize(surface)
        if key:
            groups[key].append(i)
    labels = [label for _, label in mentions]
    for members in groups.values():
        if len(members) < min_mentions:
            continue
        counts = Counter(labels[i] for i in members).most_common()
        winner, votes = counts[0]
        if len(counts) == 1 or votes / len(members) < min_share:
            continue
        for i in members:
            labels[i] = winner
    return labels
