"""Names signed with their social-media handle: ``— Defence Index (@Defence_Index) July 12``.

News articles embed posts, and the line under each names its author and the author's handle.
When the capitalised words just before ``( @handle )`` spell the handle (case, ``_``, ``.``
and digits aside), they are a name even where the tagger saw none: nobody writes a common
phrase as their handle. The name is a person's when its first word is a known given name
(the caller says how to know), otherwise an organisation's: the accounts named exactly like
their owner are mostly agencies, outlets, parties and institutes (``Reuters (@Reuters)``),
while people's handles shorten or decorate their names (``@kmitsotakis``).

Works on token texts and token-index spans ``(start, end, label)`` like
:mod:`entityx.resolution.recover`; no spaCy import.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

__all__ = ["MAX_NAME_TOKENS", "handle_names"]

TokenSpan = tuple[int, int, str]
# The longest name looked for before a handle: handles are at most 15 characters on X.
MAX_NAME_TOKENS = 6


def handle_names(
    tokens: Sequence[str],
    spans: Sequence[TokenSpan],
    *,
    is_given_name: Callable[[str], bool],
) -> list[TokenSpan]:
    """New ``PERSON``/``ORG`` spans for names spelled by the handle that follows them.

    ``spans`` are the document's spans; a name overlapping one of them is left alone.
    Returns only the new spans, in text order.
    """
    covered = [False] * len(tokens)
    for start, end, _ in spans:
        covered[start:end] = [True] * (end - start)
    found: list[TokenSpan] = []
    for i in range(1, len(tokens) - 2):
        if not (tokens[i] == "(" and tokens[i + 2] == ")" and tokens[i + 1].startswith("@")):
            continue
        first = _spelled_name(tokens, i, _letters(tokens[i + 1][1:]))
        if first is None or any(covered[first:i]):
            continue
        label = "PERSON" if i - first > 1 and is_given_name(tokens[first]) else "ORG"
        found.append((first, i, label))
    return found


def _letters(text: str) -> str:
    return "".join(ch for ch in text.casefold() if ch.isalpha())


def _spelled_name(tokens: Sequence[str], paren: int, handle: str) -> int | None:
    """Start of the longest run of capitalised tokens ending before ``paren`` that spells
    ``handle``; ``None`` when none does."""
    if not handle:
        return None
    best = None
    spelled = ""
    for start in range(paren - 1, max(-1, paren - 1 - MAX_NAME_TOKENS), -1):
        token = tokens[start]
        if not token[:1].isupper():
            break
        spelled = _letters(token) + spelled
        if spelled == handle:
            best = start
        elif not handle.endswith(spelled):
            break
    return best
