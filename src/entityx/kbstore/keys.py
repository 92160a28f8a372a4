"""The lookup keys of a stored knowledge base, shared by the writer and the reader.

A name is indexed under the same keys the in-memory :class:`~entityx.resolution.KnowledgeBase`
uses (exact normalised name, Greek stem of every word, stemmed phonetic key), plus, for people,
the keys of the last word (the surname), so that ``Τραμπ`` alone finds every Trump. Keys are
stored as 64-bit hashes: the index stays small, and at a million entities the chance that two
different keys share a hash is about one in a million (a collision only adds a candidate).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from typing import Any

from ..text.greek import greek_stem, has_greek, normalize
from ..text.keys import name_key

__all__ = [
    "BLOOM_HASHES",
    "EXACT",
    "SOUND",
    "STEM",
    "SURNAME",
    "bloom_bits",
    "bloom_positions",
    "in_bloom",
    "key_hash",
    "name_keys",
    "sound_key_usable",
]

EXACT = "e"
STEM = "s"
SOUND = "p"
SURNAME = "f"

# A phonetic key this short ('ros', 'li') matches too many names to mean anything; the same
# floor as the in-memory KB.
_MIN_SOUND_LETTERS = 5


def key_hash(kind: str, label: str, key: str) -> int:
    """Signed 64-bit hash of one key (SQLite INTEGER)."""
    digest = hashlib.blake2b(f"{kind}\x1f{label}\x1f{key}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


def greek_stem_key(norm: str) -> str:
    return " ".join(greek_stem(w) for w in norm.split())


def sound_key_usable(key: str) -> bool:
    return len(key.replace(" ", "")) >= _MIN_SOUND_LETTERS


def name_keys(name: str, label: str) -> Iterator[int]:
    """Hashes of every key ``name`` is found under (label ``label``)."""
    norm = normalize(name)
    if not norm:
        return
    yield key_hash(EXACT, label, norm)
    if has_greek(norm):
        yield key_hash(STEM, label, greek_stem_key(norm))
    sound = name_key(name)
    if sound_key_usable(sound):
        yield key_hash(SOUND, label, sound)
    words = norm.split()
    if label == "PERSON" and len(words) > 1:
        yield key_hash(SURNAME, label, name_key(words[-1]))


def surname_key(name: str, label: str) -> int | None:
    """The surname key a one-word PERSON name is looked up under (else None)."""
    norm = normalize(name)
    if label != "PERSON" or not norm or " " in norm:
        return None
    return key_hash(SURNAME, label, name_key(norm))


# The Bloom filter of all keys: about 10 bits a key and 3 probes, so under 1 % of the names no
# entry has reach SQLite (most names a tagger finds are in no KB).
BLOOM_HASHES = 3
_BLOOM_BITS_PER_KEY = 10
_MASK32 = 0xFFFFFFFF


def bloom_bits(keys: int) -> int:
    """Size of the filter in bits: a power of two, at least 2**16."""
    return 1 << max(16, (keys * _BLOOM_BITS_PER_KEY - 1).bit_length())


def bloom_positions(hashes: Any, bits: int) -> Iterator[Any]:
    """Probe positions (double hashing) of an array of unsigned 64-bit key hashes."""
    low, high = hashes & _MASK32, (hashes >> 32) | 1
    for i in range(BLOOM_HASHES):
        yield (low + i * high) & (bits - 1)


def in_bloom(h: int, data: bytes, bits: int) -> bool:
    """Whether key hash ``h`` may be in the filter (never False for a stored key)."""
    u = h & 0xFFFFFFFFFFFFFFFF
    low, high = u & _MASK32, (u >> 32) | 1
    for i in range(BLOOM_HASHES):
        pos = (low + i * high) & (bits - 1)
        if not data[pos >> 3] & (1 << (pos & 7)):
            return False
    return True
