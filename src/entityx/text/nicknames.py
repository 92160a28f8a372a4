"""English given names and their nicknames: ``Robert`` / ``Bobby``, ``Edward`` / ``Ted``.

The table (``entityx/data/nicknames.json.gz``, built by ``scripts/build_nicknames.py`` from
the hand-curated ``nicknames`` package) pairs a given name with each nickname English gives
it. A nickname is looked up by its phonetic key (:func:`entityx.text.keys.token_keys`), the
key a Greek spelling of it gets too (``Μπόμπι`` and ``Bobby``: ``bobi``), and it answers the
keys of the given names it may stand for; or, spelt out, their Latin spellings. One nickname
may stand for several names (``Ted``: Edward, Edmund, Theodore): which one a text means is
the caller's to decide from the rest of the name.
"""

from __future__ import annotations

import gzip
import json
from functools import cache
from importlib import resources

from .greek import normalize
from .keys import token_keys

__all__ = ["given_keys", "given_names", "load"]

_DATA = "nicknames.json.gz"


@cache
def _pairs() -> tuple[tuple[str, str], ...]:
    ref = resources.files("entityx.data").joinpath(_DATA)
    try:
        data = json.loads(gzip.decompress(ref.read_bytes()))
    except FileNotFoundError:
        return ()
    return tuple((given, nick) for given, nick in data["pairs"])


def _word_key(word: str) -> str:
    keys = token_keys(word)[0]
    return keys[0] if len(keys) == 1 else ""


@cache
def _by_nickname_key() -> dict[str, frozenset[str]]:
    table: dict[str, set[str]] = {}
    for given, nick in _pairs():
        nick_key, given_key = _word_key(nick), _word_key(given)
        if nick_key and given_key and nick_key != given_key:
            table.setdefault(nick_key, set()).add(given_key)
    return {key: frozenset(given) for key, given in table.items()}


@cache
def _by_nickname() -> dict[str, tuple[str, ...]]:
    table: dict[str, list[str]] = {}
    for given, nick in _pairs():
        table.setdefault(nick, []).append(given.capitalize())
    return {nick: tuple(given) for nick, given in table.items()}


def given_keys(word_key: str) -> frozenset[str]:
    """The keys of the given names a word of this key is a nickname of (``bobi``: the key
    of Robert, Roger, Rodger, Bert); empty for a word no name is called by."""
    return _by_nickname_key().get(word_key, frozenset())


def given_names(word: str) -> tuple[str, ...]:
    """The given names a Latin word is a nickname of, capitalised (``Bobby``: Bert, Robert,
    Rodger, Roger); ``()`` for any other word."""
    return _by_nickname().get(normalize(word), ())


def load() -> None:
    """Read the table now rather than at the first lookup."""
    _by_nickname_key()
    _by_nickname()
