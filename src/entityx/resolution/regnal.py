"""A person's span takes the regnal numeral that follows it: ``Κάρολος Γ΄``, ``Pope Leo XIV``.

A tagger often ends a ruler's or a pope's name before its number, which is part of the name
(Charles III is not Charles I) and of the knowledge base's aliases. A numeral token right after
a person's span, as written (:func:`entityx.text.numerals.is_numeral_token`) and in no other
span, joins it. Token-index spans ``(start, end, label)``, end exclusive; no spaCy import.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..text.numerals import is_numeral_token
from .recover import TokenSpan

__all__ = ["extend_regnal_numerals"]


def extend_regnal_numerals(
    tokens: Sequence[str], spans: Sequence[TokenSpan], *, person_labels: frozenset[str]
) -> list[TokenSpan]:
    """``spans`` (sorted, not overlapping), each person's extended by a numeral after it."""
    starts = {start for start, _, _ in spans}
    out = []
    for start, end, label in spans:
        if (
            label in person_labels
            and end < len(tokens)
            and end not in starts
            and is_numeral_token(tokens[end])
        ):
            end += 1
        out.append((start, end, label))
    return out
