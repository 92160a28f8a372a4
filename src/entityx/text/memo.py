"""Caches for the pure functions of the text core, kept out of the garbage collector's way.

The resolver calls a handful of pure functions (normalisation, phonetic keys, readings) on
every word of every name, so they are memoised. ``functools.lru_cache`` keeps its entries in
a linked list of Python lists, which the cyclic garbage collector tracks and walks on every
full pass: with a few hundred thousand cached words that walk alone costs tens of
milliseconds per pass, and resolving a large corpus makes many passes. A plain dict whose
keys and values are strings and tuples of strings is not walked (the collector untracks such
tuples, and dicts holding only untracked objects), so these caches are dicts, emptied when
full rather than evicting one entry at a time (the common words come straight back).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar, cast

__all__ = ["memo", "word_cache"]

F = TypeVar("F", bound=Callable[..., Any])
_MISSING = object()


def word_cache(maxsize: int, *, fixed_points: re.Pattern[str] | None = None) -> Callable[[F], F]:
    """Memoise a pure function of one hashable argument (a word, a name, a key).

    ``fixed_points``: the strings it fully matches are their own value, returned without
    being stored (they cost a match to recognise, and would crowd out the entries that save
    work: callers pass normalised words back in far more often than new names).
    """
    fixed = fixed_points.fullmatch if fixed_points is not None else None

    def wrap(fn: F) -> F:
        cache: dict[Any, Any] = {}

        @wraps(fn)
        def cached(arg: Any) -> Any:
            value = cache.get(arg, _MISSING)
            if value is _MISSING:
                if fixed is not None and fixed(arg) is not None:
                    return arg
                if len(cache) >= maxsize:
                    cache.clear()
                value = cache[arg] = fn(arg)
            return value

        cached.cache_clear = cache.clear  # type: ignore[attr-defined]
        return cast(F, cached)

    return wrap


def memo(maxsize: int) -> Callable[[F], F]:
    """Memoise a pure function of several hashable positional arguments."""

    def wrap(fn: F) -> F:
        cache: dict[tuple[Any, ...], Any] = {}

        @wraps(fn)
        def cached(*args: Any) -> Any:
            value = cache.get(args, _MISSING)
            if value is _MISSING:
                if len(cache) >= maxsize:
                    cache.clear()
                value = cache[args] = fn(*args)
            return value

        cached.cache_clear = cache.clear  # type: ignore[attr-defined]
        return cast(F, cached)

    return wrap
